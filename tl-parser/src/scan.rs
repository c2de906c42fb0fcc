//! Byte scans of the grammar's tokens: identifiers, dotted names and hex ids.
//!
//! Where an identifier ends differs from one identifier to the next, so a
//! byte loop mispredicts its exit about once per token. Away from the end of
//! the text the scans here classify 16 bytes at once into bit masks and
//! find the end with a count of trailing ones; the byte loops remain only
//! for the last 15 bytes of a text.

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

/// The classes of 16 bytes as masks: bit `k` describes byte `k`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Classes {
    /// `[A-Za-z]`
    letter: u32,
    /// `[0-9]`
    digit: u32,
    /// `_`
    underscore: u32,
    /// `.`
    dot: u32,
}

impl Classes {
    #[inline]
    fn ident(self) -> u32 {
        self.letter | self.digit | self.underscore
    }

    #[inline]
    fn start(self) -> u32 {
        self.letter | self.underscore
    }

    /// Classifies `w` with SSE2, which every x86-64 processor has.
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    #[inline]
    fn of(w: &[u8; 16]) -> Classes {
        use core::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
            _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        // SAFETY (of every block below): the intrinsics need SSE2, which the
        // `cfg` above checks is enabled; the load reads the 16 bytes of `w`,
        // and `loadu` needs no alignment.
        let splat = |c: u8| unsafe { _mm_set1_epi8(i8::from_ne_bytes([c])) };
        let mask = |v: __m128i| {
            // `movemask` sets the low 16 bits only: the cast loses nothing.
            unsafe { _mm_movemask_epi8(v) as u32 }
        };
        // Bytes compare as signed: those of 0x80 and above (UTF-8) are
        // negative and fall outside both ranges.
        let within = |v: __m128i, lo: u8, hi: u8| unsafe {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, splat(lo - 1)),
                _mm_cmplt_epi8(v, splat(hi + 1)),
            )
        };
        let v = unsafe { _mm_loadu_si128(w.as_ptr().cast()) };
        Classes {
            letter: mask(within(unsafe { _mm_or_si128(v, splat(0x20)) }, b'a', b'z')),
            digit: mask(within(v, b'0', b'9')),
            underscore: mask(unsafe { _mm_cmpeq_epi8(v, splat(b'_')) }),
            dot: mask(unsafe { _mm_cmpeq_epi8(v, splat(b'.')) }),
        }
    }

    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    #[inline]
    fn of(w: &[u8; 16]) -> Classes {
        Classes::bytewise(w)
    }

    /// The same classification, a byte at a time: the fallback on other
    /// targets, and what tests check the vector version against.
    #[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
    fn bytewise(w: &[u8; 16]) -> Classes {
        let mask = |class: fn(&u8) -> bool| {
            w.iter()
                .enumerate()
                .fold(0, |m, (k, c)| m | u32::from(class(c)) << k)
        };
        Classes {
            letter: mask(u8::is_ascii_alphabetic),
            digit: mask(u8::is_ascii_digit),
            underscore: mask(|&c| c == b'_'),
            dot: mask(|&c| c == b'.'),
        }
    }
}

/// The 16 bytes of `b` from `from`, if there are that many.
#[inline]
fn window(b: &[u8], from: usize) -> Option<&[u8; 16]> {
    b.get(from..).and_then(<[u8]>::first_chunk)
}

/// The end of the identifier bytes from `b[from]` on (`from` if there are none).
#[inline]
pub(crate) fn ident_end(b: &[u8], mut from: usize) -> usize {
    while let Some(w) = window(b, from) {
        let run = Classes::of(w).ident().trailing_ones() as usize;
        if run < 16 {
            return from + run;
        }
        from += 16;
    }
    while from < b.len() && is_ident_byte(b[from]) {
        from += 1;
    }
    from
}

/// The end of `ns.sub.name` continuing from `b[from]`, where `b[..from]` is
/// part of such a name: identifier bytes and dots, each dot followed by a
/// byte that may start an identifier. A dot that is not (`flags.0`, `a.`)
/// ends the name before it.
#[inline]
pub(crate) fn name_end(b: &[u8], mut from: usize) -> usize {
    while let Some(w) = window(b, from) {
        let c = Classes::of(w);
        // Bit 16 is the byte after the window, so that a dot in its last
        // byte is judged by what follows it.
        let next_starts = b.get(from + 16).is_some_and(|&c| is_ident_start(c));
        let start = c.start() | u32::from(next_starts) << 16;
        let bad_dot = c.dot & !(start >> 1);
        let stop = !(c.ident() | c.dot) | bad_dot;
        let run = stop.trailing_zeros() as usize;
        if run < 16 {
            return from + run;
        }
        from += 16;
    }
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
pub(crate) fn alphanumeric_end(b: &[u8], mut from: usize) -> usize {
    while let Some(w) = window(b, from) {
        let c = Classes::of(w);
        let run = (c.letter | c.digit).trailing_ones() as usize;
        if run < 16 {
            return from + run;
        }
        from += 16;
    }
    while from < b.len() && b[from].is_ascii_alphanumeric() {
        from += 1;
    }
    from
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

    /// Texts with identifiers, dots, digits and other bytes at every place a
    /// window boundary can fall.
    fn texts() -> Vec<Vec<u8>> {
        let mut texts: Vec<Vec<u8>> = [
            &b""[..],
            b"a",
            b"messages.sendMessage#0 flags:# = Updates;",
            b"abcdefghijklmnop",
            b"abcdefghijklmnopq",
            b"updateShortChatMessage_with_a_long_name_0123456789ABCDEFGHIJ x",
            "caf\u{e9}_name_long_enough_for_two_windows".as_bytes(),
            b"a\x00b\x7fc_d[e]f`g@h/i:j{k",
            b"flags.0?true flags2.15?Vector<long> a..b a._b a.9 a. .a",
            b"ns.sub.name.deeper.and.deeper.still.more.dots.x",
            b"#deadbeef #5e002502 #DEADBEEF #12345678x #g1 #0 #123456789",
        ]
        .iter()
        .map(|t| t.to_vec())
        .collect();
        // A dot, a digit or a non-name byte at each of the 18 places around
        // the end of the first window.
        for at in 0..18 {
            for c in [b'.', b'9', b'_', b' ', 0xc3] {
                let mut t = b"abcdefghijklmnopqrstuvwxyz".to_vec();
                t[at] = c;
                if c == b'.' {
                    texts.push(t.clone());
                    t[at + 1] = b'0';
                }
                texts.push(t);
            }
        }
        texts
    }

    fn ident_end_bytewise(b: &[u8], mut from: usize) -> usize {
        while from < b.len() && is_ident_byte(b[from]) {
            from += 1;
        }
        from
    }

    fn name_end_bytewise(b: &[u8], from: usize) -> usize {
        let mut n = ident_end_bytewise(b, from);
        while b.len() > n + 1 && b[n] == b'.' && is_ident_start(b[n + 1]) {
            n = ident_end_bytewise(b, n + 2);
        }
        n
    }

    #[test]
    fn vector_classes_equal_the_bytewise_ones() {
        for text in texts() {
            for w in text.windows(16) {
                let w = w.first_chunk::<16>().unwrap();
                assert_eq!(Classes::of(w), Classes::bytewise(w), "{w:?}");
            }
        }
        let all: Vec<u8> = (0..=255).collect();
        for w in all.chunks_exact(16) {
            let w = w.first_chunk::<16>().unwrap();
            assert_eq!(Classes::of(w), Classes::bytewise(w), "{w:?}");
        }
    }

    #[test]
    fn scans_match_the_byte_loops_at_every_offset() {
        for text in texts() {
            let shown = String::from_utf8_lossy(&text);
            for from in 0..=text.len() {
                assert_eq!(
                    ident_end(&text, from),
                    ident_end_bytewise(&text, from),
                    "ident_end {shown:?} from {from}"
                );
                assert_eq!(
                    name_end(&text, from),
                    name_end_bytewise(&text, from),
                    "name_end {shown:?} from {from}"
                );
                assert_eq!(
                    alphanumeric_end(&text, from),
                    alphanumeric_end_bytewise(&text, from),
                    "alphanumeric_end {shown:?} from {from}"
                );
            }
        }
    }

    fn alphanumeric_end_bytewise(b: &[u8], mut from: usize) -> usize {
        while from < b.len() && b[from].is_ascii_alphanumeric() {
            from += 1;
        }
        from
    }

    proptest::proptest! {
        /// Random texts over name bytes, dots and a few others, long enough
        /// to span several windows.
        #[test]
        fn scans_match_the_byte_loops_on_random_text(
            text in proptest::collection::vec(
                proptest::sample::select(b"aZ_09..  #:?\xc3\xa9".to_vec()),
                0..80,
            ),
            from in 0usize..80,
        ) {
            let from = from.min(text.len());
            proptest::prop_assert_eq!(ident_end(&text, from), ident_end_bytewise(&text, from));
            proptest::prop_assert_eq!(name_end(&text, from), name_end_bytewise(&text, from));
            proptest::prop_assert_eq!(
                alphanumeric_end(&text, from),
                alphanumeric_end_bytewise(&text, from)
            );
        }
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
