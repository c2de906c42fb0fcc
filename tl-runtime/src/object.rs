//! `Object`: a boxed value of a type the schema does not name.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::error::Result;
use crate::{Config, Deserialize, Reader, RemoteCall, RpcError, Serialize, Sink};

/// The raw bytes of one boxed value, for TL fields typed `Object`
/// (e.g. `rpc_result req_msg_id:long result:Object`).
///
/// Without a schema the end of such a value cannot be found, so decoding a
/// `RawObject` takes **all remaining input** (at least the 4-byte id): it
/// only fits as the last field of a message, which is where `Object` appears.
/// Decode the contents later with [`RawObject::decode`] once the expected
/// type is known, or with [`RawObject::decode_answer`] for the `result` of
/// an `rpc_result`. Both unpack a `gzip_packed` value first.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct RawObject(pub Vec<u8>);

/// The bytes in hex, cut short like every byte string ([`crate::Hex`]).
impl core::fmt::Debug for RawObject {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("RawObject")
            .field(&crate::Hex(&self.0))
            .finish()
    }
}

impl RawObject {
    /// The constructor id in the first 4 bytes, if there are 4 bytes.
    pub fn constructor_id(&self) -> Option<u32> {
        self.0.first_chunk::<4>().map(|id| u32::from_le_bytes(*id))
    }

    /// The bytes of the value, id included.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Decodes the bytes as a `T`, which must span all of them, with the
    /// default [`Config`].
    ///
    /// A `gzip_packed#3072cfa1` value, which a peer may send in place of any
    /// boxed value, is unpacked first (up to [`Config::max_unpacked`] bytes)
    /// with tl-runtime's `gzip` feature; error offsets then count from the
    /// start of the unpacked bytes. One level is unpacked: a `gzip_packed`
    /// inside it fails. Without the feature, a `gzip_packed` value fails with
    /// [`ErrorKind::GzipPacked`](crate::ErrorKind::GzipPacked), which names
    /// `T` by its Rust path.
    /// `decode::<RawObject>()` gives the unpacked value itself.
    pub fn decode<T: Deserialize>(&self) -> Result<T> {
        self.decode_with(&Config::default())
    }

    /// Like [`RawObject::decode`], with the given limits and policies.
    pub fn decode_with<T: Deserialize>(&self, config: &Config) -> Result<T> {
        let bytes = self.unpacked(config, core::any::type_name::<T>())?;
        T::from_bytes_with(&bytes, config)
    }

    /// The value itself: unpacked if it is one `gzip_packed` value, as by
    /// [`RawObject::decode`], else `self` unchanged. For a body whose
    /// constructor id decides what to do next (a `message` of a container
    /// may be packed whole).
    pub fn unpack(self) -> Result<Self> {
        if self.constructor_id() == Some(crate::wire::GZIP_PACKED_ID) {
            self.decode()
        } else {
            Ok(self)
        }
    }

    /// Decodes the `result` of an `rpc_result` that answers `call`: an
    /// `rpc_error#2144ca19` becomes `Ok(Err(_))` holding the call's
    /// [`RemoteCall::Error`] (the typed error enum when the code was
    /// generated with docs), any other value `Ok(Ok(_))` of its
    /// [`RemoteCall::Return`]. A `gzip_packed` value is unpacked first, as
    /// by [`RawObject::decode`]. Bytes that are neither fail with the
    /// decoding error.
    ///
    /// ```
    /// use tl_runtime::{RawObject, RemoteCall, RpcError, Serialize, Sink};
    /// // A call whose answer is an `int`, for the sake of the example.
    /// struct GetCount;
    /// impl Serialize for GetCount {
    ///     fn serialize<S: Sink + ?Sized>(&self, out: &mut S) { out.put_u32(1) }
    /// }
    /// impl RemoteCall for GetCount {
    ///     type Return = i32;
    ///     type Error = RpcError;
    /// }
    ///
    /// let flood = RpcError { code: 420, message: "FLOOD_WAIT_30".into() };
    /// let answer = RawObject(flood.to_bytes());
    /// let error = answer.decode_answer(&GetCount)?.unwrap_err();
    /// assert_eq!((error.name(), error.value()), ("FLOOD_WAIT", Some(30)));
    ///
    /// let answer = tl_runtime::gzip_pack(&5i32); // feature `gzip`
    /// assert_eq!(answer.decode_answer(&GetCount)?.unwrap(), 5);
    /// # Ok::<(), tl_runtime::Error>(())
    /// ```
    pub fn decode_answer<F: RemoteCall>(
        &self,
        call: &F,
    ) -> Result<core::result::Result<F::Return, F::Error>> {
        let config = Config::default();
        let bytes = self.unpacked(&config, core::any::type_name::<F::Return>())?;
        if bytes.first_chunk::<4>() == Some(&crate::service::RPC_ERROR_ID.to_le_bytes()) {
            let error = RpcError::from_bytes_with(&bytes, &config)?;
            return Ok(Err(call.error(error)));
        }
        F::Return::from_bytes_with(&bytes, &config).map(Ok)
    }

    /// The bytes, unpacked if they are one `gzip_packed` value. Without the
    /// `gzip` feature such a value fails with [`ErrorKind::GzipPacked`]
    /// naming `expected`, whatever type that is (a `Bool` decoder would
    /// only see an invalid `Bool`).
    ///
    /// [`ErrorKind::GzipPacked`]: crate::ErrorKind::GzipPacked
    fn unpacked(&self, config: &Config, expected: &'static str) -> Result<Cow<'_, [u8]>> {
        if self.constructor_id() == Some(crate::wire::GZIP_PACKED_ID) {
            #[cfg(feature = "gzip")]
            {
                let _ = expected;
                return crate::gzip::unpack_gzip_packed(&self.0, config).map(Cow::Owned);
            }
            #[cfg(not(feature = "gzip"))]
            return Err(crate::Error::new(
                crate::ErrorKind::GzipPacked {
                    type_name: expected,
                },
                0,
            ));
        }
        let _ = config;
        Ok(Cow::Borrowed(&self.0))
    }
}

/// Writes the bytes verbatim.
impl Serialize for RawObject {
    fn serialized_len(&self) -> usize {
        self.0.len()
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_slice(&self.0);
    }
}

/// Takes all remaining input, which must hold at least a constructor id.
impl Deserialize for RawObject {
    const MIN_WIRE_LEN: usize = 4;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.peek_u32()?;
        Ok(Self(r.read_rest().to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use alloc::vec;

    #[test]
    fn takes_the_rest_and_exposes_the_id() {
        let bytes = [0xb5, 0x75, 0x72, 0x99, 1, 2, 3, 4];
        let object = RawObject::from_bytes(&bytes).unwrap();
        assert_eq!(object.constructor_id(), Some(0x9972_75b5));
        assert_eq!(object.to_bytes(), bytes);
        assert_eq!(RawObject(vec![1]).constructor_id(), None);
    }

    #[test]
    fn needs_an_id() {
        let err = RawObject::from_bytes(&[1, 2]).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::UnexpectedEnd { needed: 4, .. }
        ));
    }

    #[test]
    fn decodes_once_the_type_is_known() {
        let object = RawObject(true.to_bytes());
        assert!(object.decode::<bool>().unwrap());
    }

    /// A stand-in for a generated function returning `Vector<long>`.
    struct GetIds;
    impl Serialize for GetIds {
        fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
            out.put_u32(0x0102_0304);
        }
    }
    impl RemoteCall for GetIds {
        type Return = Vec<i64>;
        type Error = RpcError;
    }

    #[test]
    fn answers_are_values_or_typed_errors() {
        let ids = vec![3i64, 4];
        assert_eq!(
            RawObject(ids.to_bytes()).decode_answer(&GetIds).unwrap(),
            Ok(ids)
        );
        let flood = RpcError {
            code: 420,
            message: "FLOOD_WAIT_7".into(),
        };
        let answer = RawObject(flood.to_bytes()).decode_answer(&GetIds);
        assert_eq!(answer.unwrap(), Err(flood));
        // Neither the return type nor rpc_error.
        let err = RawObject(true.to_bytes())
            .decode_answer(&GetIds)
            .unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::UnknownConstructor {
                    type_name: "Vector",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[cfg(feature = "gzip")]
    mod gzip {
        use super::*;
        use crate::{gzip_pack, Config};

        #[test]
        fn gzip_packed_values_are_unpacked_transparently() {
            let ids: Vec<i64> = (0..1000).collect();
            let packed = gzip_pack(&ids);
            assert_eq!(packed.decode::<Vec<i64>>().unwrap(), ids);
            assert_eq!(packed.decode::<RawObject>().unwrap().0, ids.to_bytes());
            assert_eq!(packed.clone().unpack().unwrap().0, ids.to_bytes());
            let plain = RawObject(ids.to_bytes());
            assert_eq!(plain.clone().unpack().unwrap(), plain);
            assert_eq!(packed.decode_answer(&GetIds).unwrap(), Ok(ids));
            let flood = RpcError {
                code: 420,
                message: "FLOOD_WAIT_7".into(),
            };
            let answer = gzip_pack(&flood).decode_answer(&GetIds).unwrap();
            assert_eq!(answer, Err(flood));
        }

        #[test]
        fn one_level_is_unpacked() {
            let twice = gzip_pack(&gzip_pack(&vec![1i64]));
            let err = twice.decode::<Vec<i64>>().unwrap_err();
            assert_eq!(
                (err.kind(), err.offset()),
                (
                    &ErrorKind::GzipPacked {
                        type_name: "Vector"
                    },
                    0
                )
            );
        }

        #[test]
        fn unpacking_is_bounded_by_the_config() {
            let big = vec![0i64; 10_000];
            let packed = gzip_pack(&big);
            let config = Config::new().max_unpacked(1024);
            let err = packed.decode_with::<Vec<i64>>(&config).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::DecompressedTooLarge { limit: 1024 });
            assert_eq!(packed.decode::<Vec<i64>>().unwrap(), big);
        }

        #[test]
        fn errors_inside_point_into_the_unpacked_bytes() {
            let mut inner = vec![1i64, 2].to_bytes();
            inner[4] = 3; // the count, now larger than the items
            let packed = crate::gzip_pack(&RawObject(inner));
            let err = packed.decode::<Vec<i64>>().unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::InvalidLength { len: 3 });
            assert_eq!(err.offset(), 4);
        }
    }
}
