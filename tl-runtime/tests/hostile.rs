//! Input crafted to exhaust memory or stack must fail cleanly.

use tl_runtime::{Config, Deserialize, Error, ErrorKind, Reader, Result, Serialize, Sink};

/// A `RichText`-like recursive boxed type, decoded exactly the way generated
/// enum decoders use `Reader::enter`/`leave`:
/// `textPlain#744694e0 text:string = Text; textBold#6724abc4 text:Text = Text;`
#[derive(Debug, PartialEq)]
enum Text {
    Plain(String),
    Bold(Box<Text>),
}

const PLAIN: u32 = 0x7446_94e0;
const BOLD: u32 = 0x6724_abc4;

impl Deserialize for Text {
    const MIN_WIRE_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.enter()?;
        let at = r.position();
        let value = match r.read_u32()? {
            PLAIN => Text::Plain(r.read_string()?),
            BOLD => Text::Bold(Box::new(Text::deserialize(r)?)),
            id => {
                return Err(Error::new(
                    ErrorKind::UnknownConstructor {
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

impl Serialize for Text {
    fn serialized_len(&self) -> usize {
        4 + match self {
            Text::Plain(s) => s.serialized_len(),
            Text::Bold(t) => t.serialized_len(),
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
        }
    }
}

/// `levels` nested `textBold`, then `textPlain "x"`.
fn bold_chain(levels: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(levels * 4 + 8);
    for _ in 0..levels {
        out.put_u32(BOLD);
    }
    out.put_u32(PLAIN);
    "x".serialize(&mut out);
    out
}

/// Runs `f` on a thread with a 2 MiB stack, as small as many async runtimes give.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn test thread")
        .join()
        .expect("decoding must not overflow the stack")
}

#[test]
fn a_million_levels_stop_at_the_depth_limit() {
    let err = on_small_stack(|| Text::from_bytes(&bold_chain(1_000_000)).unwrap_err());
    let limit = Config::default().max_depth;
    assert_eq!(err.kind(), &ErrorKind::DepthLimitExceeded { limit });
    // The (limit + 1)-th `textBold` is the one refused.
    assert_eq!(err.offset(), limit as usize * 4);
}

#[test]
fn nesting_up_to_the_limit_decodes() {
    let limit = Config::default().max_depth as usize;
    let text = on_small_stack(move || Text::from_bytes(&bold_chain(limit - 1)).unwrap());
    let mut depth = 0;
    let mut node = &text;
    while let Text::Bold(inner) = node {
        depth += 1;
        node = inner;
    }
    assert_eq!(depth, limit - 1);
    assert_eq!(node, &Text::Plain("x".into()));
    assert_eq!(text.to_bytes(), bold_chain(limit - 1));
    // One more level is one too many.
    assert!(Text::from_bytes(&bold_chain(limit)).is_err());
}

#[test]
fn the_limit_is_configurable() {
    let config = Config::new().max_depth(3);
    assert!(Text::from_bytes_with(&bold_chain(2), &config).is_ok());
    let err = Text::from_bytes_with(&bold_chain(3), &config).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::DepthLimitExceeded { limit: 3 });
    assert_eq!(err.offset(), 12);
}

#[test]
fn huge_vector_count_allocates_nothing() {
    let bytes = [0xff, 0xff, 0xff, 0x7f];
    let err = Reader::new(&bytes)
        .read_bare_vector(Reader::read_i64, 8)
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidLength { len: 0x7fff_ffff });
    assert_eq!(err.offset(), 0);

    // Boxed, through the trait, with a minimum item size of 0 (`True`).
    let mut boxed = tl_runtime::wire::VECTOR_ID.to_le_bytes().to_vec();
    boxed.extend([0xff, 0xff, 0xff, 0x7f]);
    let err = Vec::<tl_runtime::True>::from_bytes(&boxed).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidLength { len: 0x7fff_ffff });
    assert_eq!(err.offset(), 4);
}

#[test]
fn nested_vector_counts_are_each_checked() {
    // Vector<Vector<long>>: the outer count 1 fits, the inner 2^31-1 does not.
    let mut bytes = Vec::new();
    bytes.put_u32(tl_runtime::wire::VECTOR_ID);
    bytes.put_u32(1);
    bytes.put_u32(tl_runtime::wire::VECTOR_ID);
    bytes.put_u32(0x7fff_ffff);
    let err = Vec::<Vec<i64>>::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidLength { len: 0x7fff_ffff });
    assert_eq!(err.offset(), 12);
}

#[test]
fn huge_string_length_is_refused_without_allocating() {
    // 0xFE + length 2^24-1, with nothing behind it.
    let bytes = [0xFE, 0xFF, 0xFF, 0xFF];
    let err = Reader::new(&bytes).read_bytes().unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::UnexpectedEnd {
            needed: 4 + (1 << 24) - 1 + 1,
            available: 4
        }
    );
    // 0xFF + the largest 7-byte length: no arithmetic overflow.
    let bytes = [0xFF; 8];
    let config = Config::new().long_strings(true);
    let err = Reader::with_config(&bytes, &config)
        .read_bytes()
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::UnexpectedEnd { .. } | ErrorKind::InvalidLength { .. }
    ));
}
