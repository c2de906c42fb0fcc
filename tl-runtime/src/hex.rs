//! `Debug` of byte strings as hex, cut short, so that one 512 KiB file part
//! does not fill a screen with decimal numbers.

use alloc::vec::Vec;
use core::fmt;

/// How many bytes [`Hex`] prints before it cuts a byte string short.
pub const HEX_SHOWN: usize = 64;

/// Prints byte strings in `Debug` as hex: `hex"0a1b2c"`, and past
/// [`HEX_SHOWN`] bytes the first of them and the total length,
/// `hex"0a1b…" (524288 bytes)`. Options and vectors of byte strings print as
/// their derive would, with each byte string in hex.
///
/// Generated `Debug` impls wrap `bytes` and `int128`–`int512` fields in it.
///
/// ```
/// use tl_runtime::Hex;
///
/// assert_eq!(format!("{:?}", Hex(&vec![0x0a_u8, 0xff])), r#"hex"0aff""#);
/// assert_eq!(format!("{:?}", Hex(&Some([1_u8; 2]))), r#"Some(hex"0101")"#);
/// let long = format!("{:?}", Hex(&vec![0_u8; 1000]));
/// assert!(long.ends_with(r#"…" (1000 bytes)"#));
/// ```
pub struct Hex<'a, T: ?Sized>(pub &'a T);

impl<T: HexDebug + ?Sized> fmt::Debug for Hex<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_hex(f)
    }
}

/// Values that [`Hex`] prints: byte strings, and options and vectors of them.
pub trait HexDebug {
    /// Writes the value, its byte strings in hex.
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl HexDebug for [u8] {
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("hex\"")?;
        for b in self.iter().take(HEX_SHOWN) {
            write!(f, "{b:02x}")?;
        }
        if self.len() > HEX_SHOWN {
            write!(f, "…\" ({} bytes)", self.len())
        } else {
            f.write_str("\"")
        }
    }
}

impl HexDebug for Vec<u8> {
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt_hex(f)
    }
}

impl<const N: usize> HexDebug for [u8; N] {
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt_hex(f)
    }
}

impl<T: HexDebug> HexDebug for Option<T> {
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(v) => f.debug_tuple("Some").field(&Hex(v)).finish(),
            None => f.write_str("None"),
        }
    }
}

impl<T: HexDebug> HexDebug for Vec<T> {
    fn fmt_hex(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(Hex)).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec;

    #[test]
    fn short_strings_print_whole() {
        assert_eq!(format!("{:?}", Hex(&Vec::<u8>::new())), r#"hex"""#);
        assert_eq!(
            format!("{:?}", Hex(&[0xde_u8, 0xad, 0xbe, 0xef])),
            r#"hex"deadbeef""#
        );
        let sixty_four = format!("{:?}", Hex(&[0x11_u8; 64]));
        assert_eq!(sixty_four.len(), 4 + 128 + 1, "{sixty_four}");
    }

    #[test]
    fn long_strings_are_cut_and_give_their_length() {
        let text = format!("{:?}", Hex(&vec![0xab_u8; 512 * 1024]));
        assert_eq!(text, format!("hex\"{}…\" (524288 bytes)", "ab".repeat(64)));
    }

    #[test]
    fn options_and_vectors_keep_their_shape() {
        assert_eq!(format!("{:?}", Hex(&None::<Vec<u8>>)), "None");
        assert_eq!(format!("{:?}", Hex(&Some(vec![1_u8]))), r#"Some(hex"01")"#);
        assert_eq!(
            format!("{:?}", Hex(&vec![vec![1_u8], vec![]])),
            r#"[hex"01", hex""]"#
        );
        assert_eq!(
            format!("{:#?}", Hex(&Some(vec![2_u8]))),
            "Some(\n    hex\"02\",\n)"
        );
    }
}
