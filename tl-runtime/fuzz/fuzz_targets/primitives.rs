//! Decodes arbitrary bytes as each primitive the runtime provides; whatever
//! decodes must re-encode to bytes that decode to the same value, with
//! `serialized_len` matching the bytes written.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_runtime::{
    gunzip, unpack_gzip_packed, Config, Deserialize, RawBytes, RawObject, Reader, Result,
    RpcError, Serialize, Sink, Utf8Policy,
};

/// A recursive boxed type decoded the way generated code decodes one.
#[derive(Debug, PartialEq)]
enum Text {
    Plain(String),
    Bold(Box<Text>),
    Concat(Vec<Text>),
}

const PLAIN: u32 = 0x744694e0;
const BOLD: u32 = 0x6724abc4;
const CONCAT: u32 = 0x7e6260d7;

impl Serialize for Text {
    fn serialized_len(&self) -> usize {
        4 + match self {
            Text::Plain(s) => s.serialized_len(),
            Text::Bold(t) => t.serialized_len(),
            Text::Concat(v) => v.serialized_len(),
        }
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        match self {
            Text::Plain(s) => {
                out.put_u32(PLAIN);
                s.serialize(out);
            }
            Text::Bold(t) => {
                out.put_u32(BOLD);
                t.serialize(out);
            }
            Text::Concat(v) => {
                out.put_u32(CONCAT);
                v.serialize(out);
            }
        }
    }
}

impl Deserialize for Text {
    const MIN_WIRE_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.enter()?;
        let at = r.position();
        let value = match r.read_u32()? {
            PLAIN => Text::Plain(r.read_string()?),
            BOLD => Text::Bold(Box::new(Text::deserialize(r)?)),
            CONCAT => Text::Concat(Vec::deserialize(r)?),
            id => {
                return Err(tl_runtime::Error::new(
                    tl_runtime::ErrorKind::UnknownConstructor {
                        id,
                        type_name: "Text",
                    },
                    at,
                ))
            }
        };
        r.leave();
        Ok(value)
    }
}

/// Decodes `data` as a `T` both whole and as a prefix, and checks that
/// what decodes re-encodes consistently. `same` compares values (f64 needs bits).
fn check<T: Serialize + Deserialize + core::fmt::Debug>(
    data: &[u8],
    config: &Config,
    same: fn(&T, &T) -> bool,
) {
    let whole = T::from_bytes_with(data, config);
    if let Err(e) = &whole {
        assert!(e.offset() <= data.len(), "{e}");
    }
    let mut r = Reader::with_config(data, config);
    let Ok(value) = T::deserialize(&mut r) else {
        assert!(whole.is_err(), "prefix failed but whole decode succeeded");
        return;
    };
    let used = r.position();
    assert_eq!(used + r.remaining(), data.len());
    assert_eq!(used % 4, 0, "every TL value is a multiple of 4 bytes");
    assert_eq!(whole.is_ok(), used == data.len());
    if *config == Config::default() {
        let (default_value, default_used) = T::from_prefix(data).expect("from_prefix agrees");
        assert_eq!(default_used, used);
        assert!(same(&default_value, &value));
    }
    let again = value.to_bytes();
    assert_eq!(again.len(), value.serialized_len());
    let mut r = Reader::with_config(&again, config);
    let decoded = T::deserialize(&mut r).expect("re-encoded value decodes");
    assert!(r.is_empty(), "re-encoded value is consumed exactly");
    assert!(same(&value, &decoded), "{value:?} != {decoded:?}");
    // Canonical input (zero padding, shortest length prefix, valid UTF-8)
    // comes back byte for byte; non-canonical input re-encodes to the
    // canonical form, which must be a fixed point.
    assert_eq!(decoded.to_bytes(), again);
}

fn eq<T: PartialEq>(a: &T, b: &T) -> bool {
    a == b
}

fuzz_target!(|input: &[u8]| {
    let Some((&selector, data)) = input.split_first() else {
        return;
    };
    let config = match selector >> 5 {
        0 => Config::default(),
        1 => Config::new().utf8(Utf8Policy::Error),
        2 => Config::new().long_strings(true),
        _ => Config::new().max_depth(u32::from(selector >> 5)),
    };
    match selector & 0x1f {
        0 => check::<i32>(data, &config, eq),
        1 => check::<i64>(data, &config, eq),
        2 => check::<f64>(data, &config, |a, b| a.to_bits() == b.to_bits()),
        3 => check::<u32>(data, &config, eq),
        4 => check::<bool>(data, &config, eq),
        5 => check::<String>(data, &config, eq),
        6 => check::<RawBytes>(data, &config, eq),
        7 => check::<Vec<String>>(data, &config, eq),
        8 => check::<Vec<Vec<i64>>>(data, &config, eq),
        9 => check::<Vec<Vec<Vec<i32>>>>(data, &config, eq),
        10 => check::<Vec<RawBytes>>(data, &config, eq),
        11 => check::<Vec<bool>>(data, &config, eq),
        12 => check::<[u8; 16]>(data, &config, eq),
        13 => check::<RpcError>(data, &config, eq),
        14 => check::<Text>(data, &config, eq),
        15 => {
            // `Object` is opaque: it takes the rest, whatever its length.
            if let Ok(object) = RawObject::from_bytes_with(data, &config) {
                assert_eq!(object.to_bytes(), data);
                assert_eq!(object.serialized_len(), data.len());
            }
        }
        16 => {
            // Borrowed and owned readers agree, and the cursor only moves forward.
            let mut r = Reader::with_config(data, &config);
            let start = r.position();
            let borrowed = r.read_bytes_ref().map(<[u8]>::to_vec);
            assert!(r.position() >= start);
            let mut r2 = Reader::with_config(data, &config);
            assert_eq!(borrowed.ok(), r2.read_bytes().ok());
            let mut r3 = Reader::with_config(data, &config);
            let _ = r3.read_string();
            let _ = r3.read_nat();
            let _ = r3.read_vector(|r| r.read_bytes_ref(), 4);
        }
        17 => {
            let _ = gunzip(data, 1 << 16);
            if let Ok(out) = unpack_gzip_packed(data, &config.clone().max_unpacked(1 << 16)) {
                assert!(out.len() <= (1 << 16).max(data.len()));
            }
        }
        _ => {
            let mut r = Reader::with_config(data, &config);
            let _ = r.read_bare_vector(|r| r.read_bare_vector(Reader::read_i64, 8), 4);
        }
    }
});
