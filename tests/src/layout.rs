//! Where the flags words and nested constructor ids of an encoded value sit,
//! found by walking its bytes with the schema's AST (tl-parser), apart from
//! the generated code under test.
//!
//! The evolution check needs this to tell an allowed difference from a
//! wrong one: a newer layer may drop a `flags.N?true` bit it does not know
//! (ids are blind to `?true` fields), so its re-encoding may differ from the
//! older bytes in a flags word, and only there, and only in such bits.
//!
//! The walk knows the built-in types (`int`, `long`, `double`, `int128`,
//! `int256`, `string`, `bytes`, `#`, `true`, `Vector`, `vector`) and the
//! schema's own constructors, boxed and bare; `Object`, `!X` and type
//! variables have no length the walk could know, and are errors.

use std::collections::HashMap;

use tl_parser::{Definition, Options, ParamType, TypeExpr};

/// The id of a boxed `Vector`.
const VECTOR_ID: u32 = 0x1cb5_c415;

/// A `#` field that some `flags.N?` field refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagWord {
    /// Offset of the word in the encoded value.
    pub offset: usize,
    /// The bits of `flags.N?true` fields on this word: they carry no value,
    /// so a layer that lacks one can drop it and stay aligned.
    pub true_bits: u32,
}

/// What the walk found in one encoded value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Every flags word, in byte order.
    pub flag_words: Vec<FlagWord>,
    /// Every constructor id read (the outermost one included): offset and id.
    pub ids: Vec<(usize, u32)>,
}

/// A schema's definitions, indexed for the walk.
pub struct Walker {
    /// Constructors and functions by TL name.
    by_name: HashMap<String, Definition>,
    /// Constructors by id; the first of a repeated id.
    by_id: HashMap<u32, Definition>,
    /// For `%Type`: the constructors of each boxed type.
    by_type: HashMap<String, Vec<Definition>>,
}

impl Walker {
    /// Indexes the schema `text` (parsed with default options: id
    /// mismatches do not matter here, the declared ids are the wire ids).
    pub fn new(text: &str) -> Walker {
        let schema = tl_parser::parse(text, &Options::default()).schema;
        let mut walker = Walker {
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            by_type: HashMap::new(),
        };
        for def in schema.definitions {
            if !def.is_function() {
                walker.by_id.entry(def.id()).or_insert_with(|| def.clone());
                walker
                    .by_type
                    .entry(def.result.name.text.to_string())
                    .or_default()
                    .push(def.clone());
            }
            walker
                .by_name
                .entry(def.name.text.to_string())
                .or_insert(def);
        }
        walker
    }

    /// The layout of `bytes`, a boxed value of the constructor or function
    /// named `name` (a function's id may repeat another's, so the name, not
    /// the id, says which definition to follow). The walk must end exactly
    /// at the last byte.
    pub fn layout(&self, name: &str, bytes: &[u8]) -> Result<Layout, String> {
        let def = self
            .by_name
            .get(name)
            .ok_or_else(|| format!("{name} is not in the schema"))?;
        let mut walk = Walk {
            walker: self,
            bytes,
            pos: 0,
            layout: Layout::default(),
        };
        let id = walk.u32()?;
        if id != def.id() {
            return Err(format!("{name} starts with {id:#010x}, not its id"));
        }
        walk.layout.ids.push((0, id));
        walk.params(def)?;
        if walk.pos != bytes.len() {
            return Err(format!(
                "{name} ends at byte {} of {}",
                walk.pos,
                bytes.len()
            ));
        }
        Ok(walk.layout)
    }
}

/// One walk over one value.
struct Walk<'a> {
    walker: &'a Walker,
    bytes: &'a [u8],
    pos: usize,
    layout: Layout,
}

impl Walk<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!("{n} bytes needed at byte {}", self.pos));
        };
        let taken = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let word = self.take(4)?;
        Ok(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
    }

    /// A `string` or `bytes`: a 1-byte length below 254, or 254 and a 3-byte
    /// length; then the bytes, padded to a multiple of 4 (core.telegram.org/mtproto/serialize).
    fn string(&mut self) -> Result<(), String> {
        let start = self.pos;
        let first = *self.take(1)?.first().unwrap_or(&0);
        let (header, len) = match first {
            0..=253 => (1, usize::from(first)),
            254 => {
                let l = self.take(3)?;
                (
                    4,
                    usize::from(l[0]) | usize::from(l[1]) << 8 | usize::from(l[2]) << 16,
                )
            }
            255 => return Err(format!("string length byte 255 at byte {start}")),
        };
        self.take((header + len).next_multiple_of(4) - header)?;
        Ok(())
    }

    /// The fields of `def`, after its id.
    fn params(&mut self, def: &Definition) -> Result<(), String> {
        if !def.type_params.is_empty() {
            return Err(format!("{} is generic", def.name.text));
        }
        // The value of each `#` field read so far, for its `flags.N?` fields.
        let mut nats: HashMap<&str, u32> = HashMap::new();
        for (i, param) in def.params.iter().enumerate() {
            match &param.ty {
                ParamType::Nat => {
                    let offset = self.pos;
                    let value = self.u32()?;
                    let name = param.name_str();
                    nats.insert(name, value);
                    let mut flag = false;
                    let mut true_bits = 0;
                    for later in &def.params[i + 1..] {
                        if let ParamType::Conditional { flag: f, ty } = &later.ty {
                            if f.field.text.as_str() == name {
                                flag = true;
                                if ty.name.text.as_str() == "true" {
                                    true_bits |= 1u32.checked_shl(f.bit).unwrap_or(0);
                                }
                            }
                        }
                    }
                    if flag {
                        self.layout.flag_words.push(FlagWord { offset, true_bits });
                    }
                }
                ParamType::Type { bang: false, ty } => self.value(ty)?,
                ParamType::Type { bang: true, .. } => {
                    return Err(format!("{}: `!X` has no known length", def.name.text))
                }
                ParamType::Conditional { flag, ty } => {
                    let Some(&word) = nats.get(flag.field.text.as_str()) else {
                        return Err(format!(
                            "{}: no `#` field {}",
                            def.name.text, flag.field.text
                        ));
                    };
                    let set = word.checked_shr(flag.bit).unwrap_or(0) & 1 == 1;
                    if set && ty.name.text.as_str() != "true" {
                        self.value(ty)?;
                    }
                }
                ParamType::Repeat { .. } => {
                    return Err(format!("{}: repetitions are not walked", def.name.text))
                }
            }
        }
        Ok(())
    }

    /// One value of type `ty`.
    fn value(&mut self, ty: &TypeExpr) -> Result<(), String> {
        let name = ty.name.text.as_str();
        if let Some(item) = ty.vector_item() {
            if name == "Vector" && !ty.bare {
                let at = self.pos;
                let id = self.u32()?;
                if id != VECTOR_ID {
                    return Err(format!("{id:#010x} at byte {at} is not a Vector"));
                }
            }
            let count = self.u32()?;
            for _ in 0..count {
                self.value(item)?;
            }
            return Ok(());
        }
        match name {
            "int" | "#" => self.take(4).map(drop),
            "long" | "double" => self.take(8).map(drop),
            "int128" => self.take(16).map(drop),
            "int256" => self.take(32).map(drop),
            "string" | "bytes" => self.string(),
            "true" => Ok(()),
            _ if ty.bare => self.bare_type(name),
            _ if self.walker.by_name.contains_key(name) => {
                // A constructor's name used as a type is its bare form.
                let def = &self.walker.by_name[name];
                self.params(def)
            }
            _ => self.boxed(name),
        }
    }

    /// `%Type`: the fields of the type's only constructor.
    fn bare_type(&mut self, name: &str) -> Result<(), String> {
        match self.walker.by_type.get(name).map(Vec::as_slice) {
            Some([def]) => self.params(def),
            _ => Err(format!("%{name} is not a type with one constructor")),
        }
    }

    /// A boxed value of type `name`: an id, then that constructor's fields.
    fn boxed(&mut self, name: &str) -> Result<(), String> {
        let at = self.pos;
        let id = self.u32()?;
        let walker = self.walker;
        let Some(def) = walker.by_id.get(&id) else {
            return Err(format!("unknown constructor {id:#010x} at byte {at}"));
        };
        if def.result.name.text.as_str() != name {
            return Err(format!(
                "{} at byte {at} is a {}, not a {name}",
                def.name.text, def.result.name.text
            ));
        }
        self.layout.ids.push((at, id));
        self.params(def)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = "
        boolFalse#bc799737 = Bool;
        boolTrue#997275b5 = Bool;
        vector#1cb5c415 {t:Type} # [ t ] = Vector t;
        peer#00000001 id:long = Peer;
        user#00000002 flags:# bot:flags.0?true id:long name:flags.1?string peers:Vector<Peer> = User;
        ---functions---
        getUser#00000003 flags:# quick:flags.2?true user:User = User;
    ";

    fn le(v: u32) -> [u8; 4] {
        v.to_le_bytes()
    }

    /// `user` with bot set, a 5-letter name and one peer.
    fn user() -> Vec<u8> {
        let mut b = Vec::new();
        b.extend(le(2));
        b.extend(le(0b11)); // flags: bot, name
        b.extend(7u64.to_le_bytes()); // id
        b.extend([5, b'P', b'e', b't', b'e', b'r', 0, 0]); // name
        b.extend(le(VECTOR_ID));
        b.extend(le(1));
        b.extend(le(1)); // peer
        b.extend(9u64.to_le_bytes());
        b
    }

    #[test]
    fn finds_flags_words_and_ids_at_every_depth() {
        let walker = Walker::new(SCHEMA);
        let layout = walker.layout("user", &user()).unwrap();
        assert_eq!(
            layout.flag_words,
            [FlagWord {
                offset: 4,
                true_bits: 1
            }]
        );
        assert_eq!(layout.ids, [(0, 2), (32, 1)]);

        let mut call = Vec::from(le(3));
        call.extend(le(0b100));
        call.extend(user());
        let layout = walker.layout("getUser", &call).unwrap();
        let offsets: Vec<_> = layout
            .flag_words
            .iter()
            .map(|w| (w.offset, w.true_bits))
            .collect();
        assert_eq!(offsets, [(4, 0b100), (12, 1)]);
    }

    #[test]
    fn a_value_that_does_not_fit_the_schema_is_an_error() {
        let walker = Walker::new(SCHEMA);
        let bytes = user();
        assert!(walker.layout("user", &bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.extend(le(0));
        assert!(walker.layout("user", &longer).is_err());
        // The name flag cleared: the walk ends early.
        let mut no_name = bytes.clone();
        no_name[4] = 1;
        assert!(walker.layout("user", &no_name).is_err());
        // The peer's id replaced by the user's: not a Peer.
        let mut wrong = bytes;
        wrong[32] = 2;
        assert!(walker.layout("user", &wrong).is_err());
        assert!(walker.layout("nobody", &[0; 4]).is_err());
    }

    #[test]
    fn long_strings_have_a_four_byte_header() {
        let walker = Walker::new("blob#00000005 data:bytes = Blob;");
        let mut bytes = Vec::from(le(5));
        bytes.extend([254, 0, 1, 0]); // 256 bytes
        bytes.extend([0; 256]);
        assert!(walker.layout("blob", &bytes).is_ok());
        bytes.push(0);
        assert!(walker.layout("blob", &bytes).is_err());
    }
}
