//! Whole-input decoding versus streaming decoding.

use tl_runtime::{Deserialize, ErrorKind, RawObject, Reader, Serialize};

#[test]
fn from_bytes_rejects_trailing_bytes_where_they_start() {
    let mut bytes = "hi".to_owned().to_bytes();
    bytes.extend([0, 0, 0, 0, 1]);
    let err = String::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::TrailingBytes { count: 5 });
    assert_eq!(err.offset(), 4);
}

#[test]
fn from_prefix_reports_what_it_consumed() {
    let mut stream = vec![1i64, 2].to_bytes();
    let first_len = stream.len();
    stream.extend(true.to_bytes());
    let (items, used) = Vec::<i64>::from_prefix(&stream).unwrap();
    assert_eq!((items, used), (vec![1, 2], first_len));
    let (flag, used_after) = bool::from_prefix(&stream[used..]).unwrap();
    assert!(flag);
    assert_eq!(used + used_after, stream.len());
}

#[test]
fn raw_object_keeps_the_rest_of_an_rpc_result() {
    // rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
    let mut bytes = 0xf35c_6d01u32.to_le_bytes().to_vec();
    bytes.extend(7i64.to_le_bytes());
    bytes.extend(vec![5i32].to_bytes());
    let mut r = Reader::new(&bytes);
    r.expect_id(0xf35c_6d01, "RpcResult").unwrap();
    assert_eq!(r.read_i64().unwrap(), 7);
    let result = RawObject::deserialize(&mut r).unwrap();
    assert_eq!(result.constructor_id(), Some(tl_runtime::wire::VECTOR_ID));
    assert_eq!(result.decode::<Vec<i32>>().unwrap(), [5]);
}

#[cfg(feature = "bytes")]
#[test]
fn write_to_buf_matches_to_bytes() {
    let value = vec!["a".to_owned(), "bc".to_owned()];
    let mut buf = bytes::BytesMut::new();
    value.write_to_buf(&mut buf);
    assert_eq!(&buf[..], value.to_bytes().as_slice());
    let mut out = vec![9u8];
    value.write_to(&mut out);
    assert_eq!(&out[1..], value.to_bytes().as_slice());
}
