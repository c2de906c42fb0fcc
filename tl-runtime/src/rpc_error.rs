//! `rpc_error#2144ca19`: the error a Telegram server answers a call with.

use alloc::string::String;
use core::fmt::{self, Write as _};

use crate::error::Result;
use crate::{wire, Deserialize, Identifiable, Reader, Serialize, Sink};

/// `rpc_error#2144ca19 error_code:int error_message:string = RpcError;`
///
/// The message is an upper-case name, sometimes with a numeric argument at
/// the end (`FLOOD_WAIT_30`: wait 30 seconds). [`RpcError::name`] and
/// [`RpcError::value`] split the two; errors this crate knows nothing about
/// keep their code and raw text.
///
/// ```
/// use tl_runtime::{ErrorClass, RpcError};
/// let e = RpcError { code: 420, message: "FLOOD_WAIT_30".into() };
/// assert_eq!((e.name(), e.value(), e.class()), ("FLOOD_WAIT", Some(30), ErrorClass::Flood));
/// assert!(e.matches("FLOOD_WAIT"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RpcError {
    /// The HTTP-like error code (`error_code`).
    pub code: i32,
    /// The error text as sent (`error_message`).
    pub message: String,
}

/// The kind of failure an [`RpcError`] code announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorClass {
    /// 303: repeat the call on another data center (`*_MIGRATE_X`).
    SeeOther,
    /// 400: the call's arguments are wrong.
    BadRequest,
    /// 401: the session is not authorized.
    Unauthorized,
    /// 403: the user may not do this.
    Forbidden,
    /// 404: the called object or method does not exist.
    NotFound,
    /// 406: a failure already shown to the user by the official client.
    NotAcceptable,
    /// 420: too many calls; wait [`RpcError::value`] seconds.
    Flood,
    /// 500: a server-side failure; the call may be retried.
    Internal,
    /// Any other code, kept as sent.
    Other(i32),
}

impl RpcError {
    /// The message without its trailing `_<digits>` argument:
    /// `FILE_MIGRATE_2` gives `FILE_MIGRATE`. Digits elsewhere belong to
    /// the name (`2FA_CONFIRM_WAIT_86400` gives `2FA_CONFIRM_WAIT`).
    pub fn name(&self) -> &str {
        self.split().0
    }

    /// The trailing numeric argument, if there is one that fits a `u32`.
    pub fn value(&self) -> Option<u32> {
        self.split().1.and_then(|digits| digits.parse().ok())
    }

    /// The class of failure, from [`RpcError::code`].
    pub fn class(&self) -> ErrorClass {
        match self.code {
            303 => ErrorClass::SeeOther,
            400 => ErrorClass::BadRequest,
            401 => ErrorClass::Unauthorized,
            403 => ErrorClass::Forbidden,
            404 => ErrorClass::NotFound,
            406 => ErrorClass::NotAcceptable,
            420 => ErrorClass::Flood,
            500 => ErrorClass::Internal,
            other => ErrorClass::Other(other),
        }
    }

    /// Whether [`RpcError::name`] is `name`.
    pub fn matches(&self, name: &str) -> bool {
        self.name() == name
    }

    /// The number where `pattern` has its `%d`, if the message is `pattern`
    /// with a canonical decimal there (no sign, no leading zero) that fits a
    /// `u32`: `"FILE_REFERENCE_%d_EXPIRED"` on `FILE_REFERENCE_3_EXPIRED`
    /// gives `Some(3)`. A pattern without `%d` gives `None`.
    pub fn argument(&self, pattern: &str) -> Option<u32> {
        let (prefix, suffix) = pattern.split_once("%d")?;
        let digits = self.message.strip_prefix(prefix)?.strip_suffix(suffix)?;
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if canonical {
            digits.parse().ok()
        } else {
            None
        }
    }

    /// (name, trailing digits).
    fn split(&self) -> (&str, Option<&str>) {
        match self.message.rsplit_once('_') {
            Some((name, digits))
                if !name.is_empty()
                    && !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (name, Some(digits))
            }
            _ => (&self.message, None),
        }
    }
}

/// One documented error: what generated error enums know about each variant.
///
/// `name` is the error's text with `%d` where a number goes
/// (`FLOOD_WAIT_%d`); `description` may hold `%d` too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ErrorInfo {
    /// The error code the docs give.
    pub code: i32,
    /// The error text, with `%d` for the number it carries.
    pub name: &'static str,
    /// The docs' description ("" when there is none).
    pub description: &'static str,
}

impl ErrorInfo {
    /// The message the server sends: the name with `value` in place of `%d`.
    pub fn message(&self, value: Option<u32>) -> String {
        let mut out = String::with_capacity(self.name.len() + 10);
        // Writing to a String cannot fail.
        let _ = write_filled(&mut out, self.name, value);
        out
    }

    /// The [`RpcError`] this error is: the code and the filled-in message.
    pub fn to_rpc_error(&self, value: Option<u32>) -> RpcError {
        RpcError {
            code: self.code,
            message: self.message(value),
        }
    }

    /// Writes the description with `value` in place of `%d`, then the code
    /// and message: `Slowmode is enabled … wait 30 seconds … (420 SLOWMODE_WAIT_30)`.
    pub fn fmt_with(&self, value: Option<u32>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.description.is_empty() {
            write_filled(f, self.description.trim_end(), value)?;
            f.write_str(" (")?;
        }
        write!(f, "{} ", self.code)?;
        write_filled(f, self.name, value)?;
        if !self.description.is_empty() {
            f.write_char(')')?;
        }
        Ok(())
    }
}

/// What an error value is: a documented error (its table entry and number),
/// or an [`RpcError`] no table names. Generated error enums return it from
/// their `entry` method and build `code`, `Display` and the conversion back
/// to [`RpcError`] on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorEntry<'a> {
    /// A documented error.
    Known {
        /// Its table entry.
        info: &'static ErrorInfo,
        /// The number in place of the name's `%d`, if it has one.
        value: Option<u32>,
    },
    /// An error the docs do not list (or not with this code).
    Unknown(&'a RpcError),
}

impl<'a> ErrorEntry<'a> {
    /// The error code.
    pub fn code(&self) -> i32 {
        match self {
            ErrorEntry::Known { info, .. } => info.code,
            ErrorEntry::Unknown(e) => e.code,
        }
    }

    /// The error as sent, if it is one no table lists.
    pub fn unknown(&self) -> Option<&'a RpcError> {
        match self {
            ErrorEntry::Known { .. } => None,
            ErrorEntry::Unknown(e) => Some(e),
        }
    }

    /// The [`RpcError`] the server sent for this error.
    pub fn to_rpc_error(&self) -> RpcError {
        match self {
            ErrorEntry::Known { info, value } => info.to_rpc_error(*value),
            ErrorEntry::Unknown(e) => (*e).clone(),
        }
    }
}

impl fmt::Display for ErrorEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorEntry::Known { info, value } => info.fmt_with(*value, f),
            ErrorEntry::Unknown(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl RpcError {
    /// This error as an [`ErrorEntry::Unknown`], for code that treats
    /// `RpcError` like a generated error enum.
    pub fn entry(&self) -> ErrorEntry<'_> {
        ErrorEntry::Unknown(self)
    }
}

/// Writes `text` with each `%d` replaced by `value` (kept as `%d` without one).
fn write_filled(out: &mut impl fmt::Write, text: &str, value: Option<u32>) -> fmt::Result {
    let mut parts = text.split("%d");
    if let Some(first) = parts.next() {
        out.write_str(first)?;
    }
    for part in parts {
        match value {
            Some(v) => write!(out, "{v}")?,
            None => out.write_str("%d")?,
        }
        out.write_str(part)?;
    }
    Ok(())
}

impl Identifiable for RpcError {
    const CONSTRUCTOR_ID: u32 = 0x2144_ca19;
}

/// Boxed, with its constructor id.
impl Serialize for RpcError {
    fn serialized_len(&self) -> usize {
        8 + wire::bytes_len(self.message.len())
    }
    fn serialize<S: Sink + ?Sized>(&self, out: &mut S) {
        out.put_u32(Self::CONSTRUCTOR_ID);
        out.put_i32(self.code);
        wire::write_bytes(out, self.message.as_bytes());
    }
}

/// Boxed, with its constructor id.
impl Deserialize for RpcError {
    const MIN_WIRE_LEN: usize = 12;
    fn deserialize(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_id(Self::CONSTRUCTOR_ID, "RpcError")?;
        Ok(Self {
            code: r.read_i32()?,
            message: r.read_string()?,
        })
    }
}

impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rpc error {}: {}", self.code, self.message)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for RpcError {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn error(code: i32, message: &str) -> RpcError {
        RpcError {
            code,
            message: message.into(),
        }
    }

    #[test]
    fn splits_the_trailing_argument_only() {
        for (message, name, value) in [
            ("FLOOD_WAIT_30", "FLOOD_WAIT", Some(30)),
            ("FILE_MIGRATE_2", "FILE_MIGRATE", Some(2)),
            ("2FA_CONFIRM_WAIT_86400", "2FA_CONFIRM_WAIT", Some(86400)),
            ("PEER_ID_INVALID", "PEER_ID_INVALID", None),
            ("INTERDC_2_CALL_ERROR", "INTERDC_2_CALL_ERROR", None),
            ("_30", "_30", None),
            ("WAIT_", "WAIT_", None),
            ("X_99999999999", "X", None),
            ("", "", None),
        ] {
            let e = error(400, message);
            assert_eq!((e.name(), e.value()), (name, value), "{message}");
        }
    }

    #[test]
    fn argument_takes_the_number_where_the_pattern_has_it() {
        for (message, pattern, value) in [
            ("FLOOD_WAIT_30", "FLOOD_WAIT_%d", Some(30)),
            (
                "FILE_REFERENCE_3_EXPIRED",
                "FILE_REFERENCE_%d_EXPIRED",
                Some(3),
            ),
            (
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN",
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN",
                Some(5),
            ),
            ("FLOOD_WAIT_0", "FLOOD_WAIT_%d", Some(0)),
            ("FLOOD_WAIT_030", "FLOOD_WAIT_%d", None),
            ("FLOOD_WAIT_", "FLOOD_WAIT_%d", None),
            ("FLOOD_WAIT_-1", "FLOOD_WAIT_%d", None),
            ("FLOOD_WAIT_4294967296", "FLOOD_WAIT_%d", None),
            ("FLOOD_WAIT_30", "FLOOD_WAIT", None),
            ("SLOWMODE_WAIT_30", "FLOOD_WAIT_%d", None),
        ] {
            assert_eq!(
                error(420, message).argument(pattern),
                value,
                "{message} ~ {pattern}"
            );
        }
    }

    #[test]
    fn error_info_fills_in_the_number() {
        let info = ErrorInfo {
            code: 420,
            name: "SLOWMODE_WAIT_%d",
            description: "Wait %d seconds before sending another message. ",
        };
        assert_eq!(info.to_rpc_error(Some(30)), error(420, "SLOWMODE_WAIT_30"));
        struct Shown(ErrorInfo, Option<u32>);
        impl fmt::Display for Shown {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt_with(self.1, f)
            }
        }
        assert_eq!(
            Shown(info, Some(30)).to_string(),
            "Wait 30 seconds before sending another message. (420 SLOWMODE_WAIT_30)"
        );
        let bare = ErrorInfo {
            code: 400,
            name: "X",
            description: "",
        };
        assert_eq!(Shown(bare, None).to_string(), "400 X");
    }

    #[test]
    fn classes_follow_the_code() {
        assert_eq!(error(303, "").class(), ErrorClass::SeeOther);
        assert_eq!(error(406, "").class(), ErrorClass::NotAcceptable);
        assert_eq!(error(-503, "Timeout").class(), ErrorClass::Other(-503));
    }

    #[test]
    fn round_trips_with_its_id() {
        let e = error(420, "FLOOD_WAIT_30");
        let bytes = e.to_bytes();
        assert_eq!(&bytes[..4], &[0x19, 0xca, 0x44, 0x21]);
        assert_eq!(bytes.len(), e.serialized_len());
        assert_eq!(RpcError::from_bytes(&bytes).unwrap(), e);
        assert_eq!(e.to_string(), "rpc error 420: FLOOD_WAIT_30");
    }
}
