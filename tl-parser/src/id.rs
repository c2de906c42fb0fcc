//! Constructor ids: the CRC32 of a definition's normalized text.
//!
//! Two rules exist in the wild (see core.telegram.org/mtproto/TL-abstract-types and
//! the reference tl-parser):
//!
//! * [`Dialect::Telegram`]: fields `name:flagsX.N?true` are dropped, a field of
//!   type `bytes` (plain or after `?`) is written as `string`, `{`/`}` are
//!   dropped and `<`/`>` become a space. `!` and parentheses stay.
//! * [`Dialect::Tdlib`] (TDLib and TON, the "canonical" text the reference parser
//!   prints): every field stays, `bytes` stays, `{}`, `<>` and `()` are dropped
//!   and so is `!`.
//!
//! For example `vector {t:Type} # [ t ] = Vector t` gives `0x1cb5c415` under both.

use crate::ast::{Definition, Multiplier, Param, ParamType, TypeExpr};
use core::fmt;

/// The id rule a schema follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Telegram's API and MTProto schemas.
    #[default]
    Telegram,
    /// TDLib's `td_api.tl` and the TON schemas.
    Tdlib,
}

impl Dialect {
    /// The dialect a file most likely uses: Telegram when most definitions declare
    /// an id, TDLib otherwise (its files declare almost none).
    pub fn detect(definitions: &[Definition]) -> Dialect {
        let declared = definitions
            .iter()
            .filter(|d| d.declared_id.is_some())
            .count();
        if declared * 2 > definitions.len() {
            Dialect::Telegram
        } else {
            Dialect::Tdlib
        }
    }

    /// The lowercase name used in options (`telegram`, `tdlib`).
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Telegram => "telegram",
            Dialect::Tdlib => "tdlib",
        }
    }
}

impl core::str::FromStr for Dialect {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "telegram" => Ok(Dialect::Telegram),
            "tdlib" | "ton" => Ok(Dialect::Tdlib),
            other => Err(format!(
                "unknown dialect `{other}`; expected `telegram` or `tdlib`"
            )),
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where normalized text goes: a `String` for [`normalized_text`], a CRC32
/// for [`compute_id`]. Both see exactly the same pieces.
trait Sink {
    fn put(&mut self, s: &str);

    /// An ASCII character.
    fn put_char(&mut self, c: u8);

    /// `n` in decimal, without `fmt`.
    fn put_u32(&mut self, mut n: u32) {
        // Flag bits (0..=30) are nearly all the numbers written: one or two
        // characters, without the buffer and its UTF-8 check below.
        if n < 100 {
            if n >= 10 {
                self.put_char(b'0' + (n / 10) as u8);
            }
            return self.put_char(b'0' + (n % 10) as u8);
        }
        let mut buf = [0u8; 10];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.put(core::str::from_utf8(&buf[at..]).unwrap_or_default());
    }
}

impl Sink for String {
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }

    fn put_char(&mut self, c: u8) {
        self.push(char::from(c));
    }
}

/// Feeds a CRC32 through a small stack buffer: many short pieces, one
/// `update` per buffer-full, no heap allocation.
struct CrcSink {
    hasher: crc32fast::Hasher,
    buf: [u8; 256],
    len: usize,
}

impl CrcSink {
    fn new() -> Self {
        CrcSink {
            hasher: crc32fast::Hasher::new(),
            buf: [0; 256],
            len: 0,
        }
    }

    fn flush(&mut self) {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
    }

    fn finish(&mut self) -> u32 {
        self.flush();
        self.hasher.clone().finalize()
    }
}

impl Sink for CrcSink {
    #[inline]
    fn put(&mut self, s: &str) {
        let bytes = s.as_bytes();
        if self.len + bytes.len() > self.buf.len() {
            self.flush();
            if bytes.len() > self.buf.len() {
                self.hasher.update(bytes);
                return;
            }
        }
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    #[inline]
    fn put_char(&mut self, c: u8) {
        if self.len == self.buf.len() {
            self.flush();
        }
        self.buf[self.len] = c;
        self.len += 1;
    }
}

/// The text whose CRC32 is the definition's id under `dialect`.
pub fn normalized_text(def: &Definition, dialect: Dialect) -> String {
    let mut out = String::with_capacity(64);
    write_definition(&mut out, def, dialect);
    out
}

/// The id of `def` under `dialect`: the CRC32 of [`normalized_text`], computed
/// without building the text.
pub fn compute_id(def: &Definition, dialect: Dialect) -> u32 {
    IdHasher::new().id(def, dialect)
}

/// Sets every definition's `computed_id`, as [`compute_id`] would.
pub(crate) fn compute_ids(definitions: &mut [Definition], dialect: Dialect) {
    let mut hasher = IdHasher::new();
    for def in definitions {
        def.computed_id = hasher.id(def, dialect);
    }
}

/// Computes ids one definition after another with one sink: its buffer is
/// zeroed once and the CPU's CRC features are looked up once, not per
/// definition.
struct IdHasher {
    sink: CrcSink,
    /// A hasher as new, to restart from.
    start: crc32fast::Hasher,
}

impl IdHasher {
    fn new() -> Self {
        let sink = CrcSink::new();
        let start = sink.hasher.clone();
        IdHasher { sink, start }
    }

    /// The id of `def` under `dialect`.
    fn id(&mut self, def: &Definition, dialect: Dialect) -> u32 {
        self.sink.hasher = self.start.clone();
        self.sink.len = 0;
        write_definition(&mut self.sink, def, dialect);
        // `finish` borrows: moving the sink's 256-byte buffer would cost a
        // copy per definition.
        self.sink.finish()
    }
}

fn write_definition(out: &mut impl Sink, def: &Definition, dialect: Dialect) {
    out.put(&def.name.text);
    for tp in &def.type_params {
        // `{X:Type}` loses its braces under both rules.
        out.put_char(b' ');
        out.put(&tp.name.text);
        out.put_char(b':');
        write_type(out, &tp.kind, dialect, false);
    }
    for p in &def.params {
        if dialect == Dialect::Telegram && is_true_flag(p) {
            continue;
        }
        out.put_char(b' ');
        write_param(out, p, dialect);
    }
    if def.builtin {
        out.put(" ?");
    }
    out.put(" = ");
    write_type(out, &def.result, dialect, false);
}

fn is_true_flag(p: &Param) -> bool {
    matches!(&p.ty, ParamType::Conditional { ty, .. } if ty.name.text == "true" && ty.args.is_empty())
}

fn write_param(out: &mut impl Sink, p: &Param, dialect: Dialect) {
    if let Some(name) = &p.name {
        out.put(&name.text);
        out.put_char(b':');
    }
    match &p.ty {
        ParamType::Nat => out.put_char(b'#'),
        ParamType::Type { bang, ty } => {
            if *bang && dialect == Dialect::Telegram {
                out.put_char(b'!');
            }
            write_type(out, ty, dialect, p.name.is_some());
        }
        ParamType::Conditional { flag, ty } => {
            out.put(&flag.field.text);
            out.put_char(b'.');
            out.put_u32(flag.bit);
            out.put_char(b'?');
            write_type(out, ty, dialect, true);
        }
        ParamType::Repeat { count, params } => {
            match count {
                Some(Multiplier::Number(n)) => {
                    out.put_u32(*n);
                    out.put_char(b'*');
                }
                Some(Multiplier::Var(v)) => {
                    out.put(&v.text);
                    out.put_char(b'*');
                }
                None => {}
            }
            out.put("[ ");
            for inner in params {
                write_param(out, inner, dialect);
                out.put_char(b' ');
            }
            out.put_char(b']');
        }
    }
}

/// Writes a type. `field_type` marks the top-level type of a named field, the
/// only place where Telegram's rule rewrites `bytes` to `string`
/// (`Vector<bytes>` keeps its `bytes`).
fn write_type(out: &mut impl Sink, ty: &TypeExpr, dialect: Dialect, field_type: bool) {
    let parens = ty.syntax == crate::ast::TypeSyntax::Paren && dialect == Dialect::Telegram;
    if parens {
        out.put_char(b'(');
    }
    if field_type && dialect == Dialect::Telegram && ty.name.text == "bytes" && ty.args.is_empty() {
        out.put("string");
    } else if ty.bare {
        // `%Message` is the bare form of `Message`, whose constructor the
        // reference parser names instead: `msg_container#73f1f8dc
        // messages:vector<%Message>` hashes `vector message`.
        write_bare_name(out, &ty.name.text);
    } else {
        out.put(&ty.name.text);
    }
    for arg in &ty.args {
        out.put_char(b' ');
        write_type(out, arg, dialect, false);
    }
    if parens {
        out.put_char(b')');
    }
}

/// `ns.Type` as its constructor is conventionally named: `ns.type`.
fn write_bare_name(out: &mut impl Sink, name: &str) {
    let (ns, base) = match name.rsplit_once('.') {
        Some((ns, base)) => (Some(ns), base),
        None => (None, name),
    };
    if let Some(ns) = ns {
        out.put(ns);
        out.put_char(b'.');
    }
    let mut chars = base.chars();
    if let Some(first) = chars.next() {
        let mut buf = [0u8; 4];
        out.put(first.to_ascii_lowercase().encode_utf8(&mut buf));
        out.put(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_str;

    use super::*;

    fn id(line: &str, dialect: Dialect) -> (u32, String) {
        let schema = parse_str(line).schema;
        let def = &schema.definitions[0];
        (compute_id(def, dialect), normalized_text(def, dialect))
    }

    #[test]
    fn one_sink_for_all_gives_each_definition_its_own_id() {
        let long = format!("b{}:int", "_".repeat(300));
        let text = format!("a x:int = A;\nb y:string {long} = B;\nc = C;\na x:int = A;");
        let mut definitions = parse_str(&text).schema.definitions;
        for dialect in [Dialect::Telegram, Dialect::Tdlib] {
            let alone: Vec<u32> = definitions.iter().map(|d| compute_id(d, dialect)).collect();
            compute_ids(&mut definitions, dialect);
            let together: Vec<u32> = definitions.iter().map(|d| d.computed_id).collect();
            assert_eq!(together, alone);
            assert_eq!(together[0], together[3]);
            assert_ne!(together[0], together[2]);
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 9, 10, 31, 99, 100, 255, 1000, u32::MAX] {
            let mut text = String::new();
            text.put_u32(n);
            assert_eq!(text, n.to_string());
        }
        let (_, text) = id(
            "a flags:# x:flags.0?int y:flags.31?int z:flags.100?int = A;",
            Dialect::Tdlib,
        );
        assert_eq!(
            text,
            "a flags:# x:flags.0?int y:flags.31?int z:flags.100?int = A"
        );
    }

    #[test]
    fn spec_spot_checks() {
        assert_eq!(
            id("vector {t:Type} # [ t ] = Vector t;", Dialect::Tdlib).0,
            0x1cb5c415
        );
        assert_eq!(
            id("vector {t:Type} # [ t ] = Vector t;", Dialect::Telegram).0,
            0x1cb5c415
        );
        assert_eq!(id("int ? = Int;", Dialect::Tdlib).0, 0xa8509bda);
        assert_eq!(
            id("liteServer.query data:bytes = Object;", Dialect::Tdlib).0,
            0x798c06df
        );
        assert_eq!(
            id(
                "liteServer.getMasterchainInfo = liteServer.MasterchainInfo;",
                Dialect::Tdlib
            )
            .0,
            0x89b5e62e
        );
    }

    #[test]
    fn telegram_rule_drops_true_flags_and_rewrites_bytes() {
        let (id, text) = id(
            "user#1 flags:# self:flags.10?true key:bytes opt:flags.2?bytes v:Vector<bytes> = User;",
            Dialect::Telegram,
        );
        assert_eq!(
            text,
            "user flags:# key:string opt:flags.2?string v:Vector bytes = User"
        );
        assert_eq!(id, crc32fast::hash(text.as_bytes()));
    }

    #[test]
    fn canonical_rule_keeps_everything_but_brackets_and_bang() {
        let (_, text) = id(
            "invokeWithLayer {X:Type} layer:int query:!X v:(vector bytes) = X;",
            Dialect::Tdlib,
        );
        assert_eq!(
            text,
            "invokeWithLayer X:Type layer:int query:X v:vector bytes = X"
        );
        let (_, text) = id(
            "invokeWithLayer {X:Type} layer:int query:!X v:(vector bytes) = X;",
            Dialect::Telegram,
        );
        assert_eq!(
            text,
            "invokeWithLayer X:Type layer:int query:!X v:(vector bytes) = X"
        );
    }

    #[test]
    fn bare_type_hashes_as_its_constructor() {
        let (id, text) = id(
            "msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;",
            Dialect::Telegram,
        );
        assert_eq!(
            text,
            "msg_container messages:vector message = MessageContainer"
        );
        assert_eq!(id, 0x73f1f8dc);
    }

    #[test]
    fn seed_ids_verify() {
        assert_eq!(
            id(
                "updateShort#78d4dec1 update:Update date:int = Updates;",
                Dialect::Telegram
            )
            .0,
            0x78d4dec1
        );
        assert_eq!(
            id(
                "phone.inviteToGroupCall#7b393160 call:InputGroupCall users:Vector<InputUser> = Updates;",
                Dialect::Telegram
            )
            .0,
            0x7b393160
        );
    }
}
