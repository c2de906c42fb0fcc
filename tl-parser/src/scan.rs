//! Byte scans of the grammar's tokens: identifiers, dotted names and hex ids.
//!
//! Plain byte loops over lookup tables. Classifying 16 bytes at a time with
//! SIMD intrinsics made a parse of api-230.tl about a fifth faster (2.0
//! against 2.5 ms), mostly by mispredicting fewer loop exits; this crate
//! runs inside rustc as a proc-macro dependency, where plain safe code is
//! worth more than half a millisecond.

/// What a byte may be in a name, as bits of a table entry: tables, not
/// range tests, because a range test branches on which range a byte is in
/// (types start with a capital letter, fields with a small one).
const IDENT: u8 = 1;
/// Set for a byte that may start an identifier.
const START: u8 = 2;

static NAME_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            table[c] |= IDENT;
        }
        if b.is_ascii_alphabetic() || b == b'_' {
            table[c] |= START;
        }
        c += 1;
    }
    table
};

/// Whether `c` may continue an identifier: `[A-Za-z0-9_]`.
#[inline]
pub(crate) fn is_ident_byte(c: u8) -> bool {
    NAME_BYTES[usize::from(c)] & IDENT != 0
}

/// Whether `c` may start an identifier: `[A-Za-z_]`.
#[inline]
pub(crate) fn is_ident_start(c: u8) -> bool {
    NAME_BYTES[usize::from(c)] & START != 0
}

/// The end of the identifier bytes from `b[from]` on (`from` if there are none).
#[inline]
pub(crate) fn ident_end(b: &[u8], from: usize) -> usize {
    let run = b.get(from..).unwrap_or_default();
    from + run.iter().take_while(|&&c| is_ident_byte(c)).count()
}

/// The end of `ns.sub.name` continuing from `b[from]`, where `b[..from]` is
/// part of such a name: identifier bytes and dots, each dot followed by a
/// byte that may start an identifier. A dot that is not (`flags.0`, `a.`)
/// ends the name before it.
#[inline]
pub(crate) fn name_end(b: &[u8], mut from: usize) -> usize {
    loop {
        from = ident_end(b, from);
        match b.get(from..from + 2) {
            Some([b'.', c]) if is_ident_start(*c) => from += 2,
            _ => return from,
        }
    }
}

/// The end of the ASCII letters and digits from `b[from]` on: the digits of
/// an `#id`, which [`hex_value`] then reads.
#[inline]
pub(crate) fn alphanumeric_end(b: &[u8], from: usize) -> usize {
    let run = b.get(from..).unwrap_or_default();
    from + run.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
}

/// Each byte's value as a hex digit, 0xff for a byte that is none.
static HEX_VALUES: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => 0xff,
        };
        c += 1;
    }
    table
};

/// The value of 1 to 8 hex digits; `None` for any other text. Digits are
/// looked up rather than matched by range: ids mix `0-9` and `a-f` at random,
/// and a branch per digit would mispredict on about half of them.
#[inline]
pub(crate) fn hex_value(digits: &[u8]) -> Option<u32> {
    if !(1..=8).contains(&digits.len()) {
        return None;
    }
    let mut value = 0u32;
    let mut invalid = 0u8;
    for &c in digits {
        let d = HEX_VALUES[usize::from(c)];
        invalid |= d;
        value = value << 4 | u32::from(d & 0xf);
    }
    // Only a non-digit has its high bits set.
    (invalid < 0x10).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_end_at_the_first_other_byte() {
        assert_eq!(ident_end(b"user_id2:int", 0), 8);
        assert_eq!(ident_end(b"user_id2:int", 9), 12);
        assert_eq!(ident_end("caf\u{e9}".as_bytes(), 0), 3);
        assert_eq!(ident_end(b"a.b", 0), 1);
        assert_eq!(ident_end(b"", 0), 0);
        // Past the end of the text: nothing to scan, and no panic.
        assert_eq!(ident_end(b"ab", 5), 5);
    }

    #[test]
    fn names_continue_over_dots_that_start_an_identifier() {
        let end = |text: &str| name_end(text.as_bytes(), 1);
        assert_eq!(end("messages.sendMessage#0"), 20);
        assert_eq!(end("ns.sub.name.deeper x"), 18);
        assert_eq!(end("a._b"), 4);
        // A dot before a digit, another dot or nothing is not part of a name.
        assert_eq!(end("flags.0?true"), 5);
        assert_eq!(end("a..b"), 1);
        assert_eq!(end("a.9"), 1);
        assert_eq!(end("a."), 1);
        assert_eq!(end("a"), 1);
    }

    #[test]
    fn id_digits_are_the_letters_and_digits() {
        assert_eq!(alphanumeric_end(b"#deadbeef x", 1), 9);
        assert_eq!(alphanumeric_end(b"#12345678x_", 1), 10);
        assert_eq!(alphanumeric_end(b"# x", 1), 1);
        assert_eq!(alphanumeric_end(b"#", 3), 3);
    }

    #[test]
    fn byte_tables_hold_the_ascii_classes() {
        for c in 0..=255u8 {
            assert_eq!(is_ident_byte(c), c.is_ascii_alphanumeric() || c == b'_');
            assert_eq!(is_ident_start(c), c.is_ascii_alphabetic() || c == b'_');
        }
    }

    #[test]
    fn hex_values() {
        assert_eq!(hex_value(b"deadbeef"), Some(0xdead_beef));
        assert_eq!(hex_value(b"DEADBEEF"), Some(0xdead_beef));
        assert_eq!(hex_value(b"5e002502"), Some(0x5e00_2502));
        assert_eq!(hex_value(b"0"), Some(0));
        assert_eq!(hex_value(b"fFfFfFfF"), Some(u32::MAX));
        for bad in [&b""[..], b"123456789", b"g", b"12x4", b"\xff", b"1_"] {
            assert_eq!(hex_value(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
