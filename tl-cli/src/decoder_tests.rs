//! The decoder against `tl!`'s own types: every sample value of a few small
//! schemas, encoded by the generated code, must decode to the same
//! constructor, fields and values ([`crate::sample_check`]; the conformance
//! suite runs the same check over the corpus schemas).
//!
//! Then each error kind, with its offset and path.

use super::*;
use crate::sample_check::check_samples;
use tl_parser::SourceFile;

mod features {
    tl_runtime::tl! {
        include = "../schema/features.tl",
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod seed {
    tl_runtime::tl! {
        include = ["../schema/seed-deps.tl", "../schema/seed.tl"],
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

mod mtproto {
    tl_runtime::tl! {
        include = [
            "../../shared/schemas/telegram/mtproto.tl",
            "../schema/mtproto-service.tl",
        ],
        allow_id_mismatch = ["*"],
        samples = true,
    }
}

/// The model `tl!` built `files` from (paths relative to this crate).
fn model(files: &[&str]) -> Model {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<SourceFile> = files
        .iter()
        .map(|f| {
            let path = dir.join(f);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            SourceFile::new(path.display().to_string(), text)
        })
        .collect();
    let options = tl_codegen::Options {
        allow_id_mismatch: vec!["*".to_string()],
        ..tl_codegen::Options::default()
    };
    tl_codegen::resolve(&files, &options)
        .expect("the test schemas resolve")
        .model
}

#[test]
fn every_sample_of_the_feature_schema_decodes_as_generated_code_does() {
    let model = model(&["../schema/features.tl"]);
    check_samples(&model, |c| features::visit_samples(c));
}

#[test]
fn every_sample_of_the_seed_schema_decodes_as_generated_code_does() {
    let model = model(&["../schema/seed-deps.tl", "../schema/seed.tl"]);
    check_samples(&model, |c| seed::visit_samples(c));
}

#[test]
fn every_sample_of_mtproto_decodes_as_generated_code_does() {
    let model = model(&[
        "../../shared/schemas/telegram/mtproto.tl",
        "../schema/mtproto-service.tl",
    ]);
    check_samples(&model, |c| mtproto::visit_samples(c));
}

/// The little-endian words and raw bytes of a hand-made message.
fn message(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

const BOLD: u32 = 0x0ea7_0f5e;
const NESTED: u32 = 0xb0db_9727;

/// The error decoding `bytes` as any constructor of features.tl.
fn error(bytes: &[u8], config: &Config) -> DecodeError {
    let model = model(&["../schema/features.tl"]);
    decode(&model, bytes, Expect::AnyConstructor, config).expect_err("the bytes are bad")
}

#[test]
fn an_unknown_id_names_the_field_and_the_offset() {
    let e = error(&message(&[NESTED, 1, 2, 0xdead_beef]), &Config::new());
    assert_eq!(e.path, "textEntityNested.inner");
    assert_eq!(e.offset, 12);
    assert_eq!(
        e.problem,
        Problem::UnknownConstructor {
            id: 0xdead_beef,
            expected: "type TextEntity".to_string()
        }
    );
    assert_eq!(
        e.to_string(),
        "textEntityNested.inner: unknown constructor 0xdeadbeef for type TextEntity at byte 12"
    );
    let e = error(&message(&[0xdead_beef]), &Config::new());
    assert_eq!((e.path.as_str(), e.offset), ("", 0));
}

#[test]
fn an_unknown_id_in_a_vector_names_its_index() {
    const PACKET: u32 = 0xc397_a182;
    const POINT: u32 = 0x41ea_5862;
    // packet flags:# nodes:(vector Point): two points, the second one bad.
    let mut words = vec![PACKET, 0, 2, POINT, 0, 0, 0, 0, 7, 0xdead_beef];
    words.extend([0; 5]);
    let e = error(&message(&words), &Config::new());
    assert_eq!(e.path, "packet.nodes[1]");
    assert_eq!(e.offset, 36);
}

#[test]
fn truncation_names_the_field_it_cut() {
    let e = error(&message(&[BOLD, 1, 2])[..10], &Config::new());
    assert_eq!(e.path, "textEntityBold.length");
    assert_eq!(e.offset, 8);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::UnexpectedEnd {
            needed: 4,
            available: 2
        })
    );
}

#[test]
fn a_count_the_input_cannot_hold_is_refused_before_reading_items() {
    const MATRIX: u32 = 0x00f7_8513;
    // rows: Vector<Vector<int>> with a count of 2^30.
    let e = error(&message(&[MATRIX, 0x1cb5_c415, 1 << 30]), &Config::new());
    assert_eq!(e.path, "matrix.rows");
    assert_eq!(e.offset, 8);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::InvalidLength { len: 1 << 30 })
    );
}

#[test]
fn trailing_bytes_are_refused() {
    let e = error(&message(&[BOLD, 1, 2, 3]), &Config::new());
    assert_eq!(e.path, "");
    assert_eq!(e.offset, 12);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::TrailingBytes { count: 4 })
    );
    assert_eq!(e.to_string(), "4 trailing bytes at byte 12 after the value");
}

#[test]
fn nesting_past_the_depth_limit_is_refused() {
    let mut words = Vec::new();
    for _ in 0..6 {
        words.extend([NESTED, 1, 2]);
    }
    words.extend([BOLD, 1, 2]);
    let bytes = message(&words);
    let e = error(&bytes, &Config::new().max_depth(4));
    assert_eq!(e.path, "textEntityNested.inner.inner.inner.inner");
    assert_eq!(e.offset, 48);
    assert_eq!(
        e.problem,
        Problem::Wire(ErrorKind::DepthLimitExceeded { limit: 4 })
    );
    // The same bytes within the default limit decode.
    let model = model(&["../schema/features.tl"]);
    assert!(decode(&model, &bytes, Expect::AnyConstructor, &Config::new()).is_ok());
}

/// `data` as one gzip member with a stored (uncompressed) deflate block.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let crc = data.iter().fold(!0u32, |mut crc, &b| {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
        crc
    });
    let len = u16::try_from(data.len()).expect("a short test payload");
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1];
    out.extend(len.to_le_bytes());
    out.extend((!len).to_le_bytes());
    out.extend(data);
    out.extend((!crc).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

#[test]
fn a_gzip_packed_result_is_unpacked_and_decoded() {
    let model = model(&[
        "../../shared/schemas/telegram/mtproto.tl",
        "../schema/mtproto-service.tl",
    ]);
    // pong#347773c5 msg_id:7 ping_id:9, packed, as an rpc_result's result.
    let pong = message(&[0x3477_73c5, 7, 0, 9, 0]);
    let packed = gzip_stored(&pong);
    let mut bytes = message(&[0xf35c_6d01, 5, 0, 0x3072_cfa1]);
    bytes.push(u8::try_from(packed.len()).expect("short"));
    bytes.extend(&packed);
    while bytes.len() % 4 != 0 {
        bytes.push(0);
    }
    let value = decode(&model, &bytes, Expect::AnyConstructor, &Config::new())
        .expect("the packed result decodes");
    assert_eq!(
        crate::value_text::text(&model, &value),
        "rpc_result#f35c6d01 {\n  req_msg_id: 5\n  result: gzip_packed#3072cfa1 -> pong#347773c5 {\n    msg_id: 7\n    ping_id: 9\n  }\n}\n"
    );
    // A corrupt checksum is an error at the packed value.
    let at = bytes.len() - 12;
    bytes[at] ^= 1;
    let e = decode(&model, &bytes, Expect::AnyConstructor, &Config::new())
        .expect_err("the checksum is wrong");
    assert_eq!(e.path, "rpc_result.result");
    assert_eq!(e.problem, Problem::Wire(ErrorKind::Decompress));
}
