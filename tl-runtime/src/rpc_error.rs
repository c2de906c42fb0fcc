//! `rpc_error#2144ca19`: the error a Telegram server answers a call with.

use alloc::string::String;
use core::fmt;

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
