//! Every rule a parsed schema must satisfy, checked in one place. Each finding is
//! a [`Diagnostic`] with a span; all are collected, none stops the others.

use crate::ast::{Definition, ParamType, Schema, Section, TypeExpr};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::id::normalized_text;
use crate::known_deviations::known_deviation;
use crate::name::Name;
use crate::suggest::Suggestions;
use crate::Options;
use core::hash::{BuildHasherDefault, Hasher};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// An FxHash-style hasher (rustc's): a multiply and rotate per word. Names
/// are short and not attacker-chosen in a way that matters here (a schema is
/// parsed once), so SipHash's protection is not worth its cost.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
type FxHashSet<K> = HashSet<K, FxBuild>;
type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

/// Types every schema may use without defining them: the primitives that the
/// reference tl-parser and TDLib treat as builtin.
pub const BUILTIN_TYPES: &[&str] = &[
    "#",
    "Type",
    "int",
    "long",
    "double",
    "string",
    "bytes",
    "int128",
    "int256",
    "int512",
    "int32",
    "int53",
    "int64",
    "true",
    "True",
    "Bool",
    "vector",
    "Vector",
    "Object",
    "Function",
    "secureString",
    "secureBytes",
];

/// Boxed names of primitive types, which only builtin definitions may construct.
const PRIMITIVE_RESULTS: &[&str] = &[
    "Int", "Long", "Double", "String", "Bytes", "Int128", "Int256", "Int512", "Int32", "Int53",
    "Int64", "True", "Vector",
];

/// The 1-based line of byte `offset` of `src`.
fn line_of(src: &str, offset: u32) -> usize {
    let end = usize::try_from(offset).map_or(src.len(), |o| o.min(src.len()));
    src.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Checks `schema`, read from `src`, appending to `out`.
pub(crate) fn validate(schema: &Schema, src: &str, options: &Options, out: &mut Vec<Diagnostic>) {
    verify_ids(schema, options, out);
    let known = Known::index(schema, src, out);
    check_duplicate_ids(schema, options, out);
    let mut suggestions = None;
    for def in &schema.definitions {
        check_params(def, out);
        check_result(def, out);
        check_references(def, &known, &mut suggestions, options, out);
    }
}

/// Moves each id mismatch (E0101) of a definition that also uses an
/// undefined type after the last such finding, with a note: the id was
/// computed from the text as written, so a misspelt type (`msg_id:lon`)
/// changes it, and the type is the cause to fix first. `diagnostics` are in
/// source order, where the declared id comes before the fields.
pub(crate) fn put_knock_ons_after_causes(diagnostics: &mut Vec<Diagnostic>) {
    let mut i = 0;
    while i < diagnostics.len() {
        let d = &diagnostics[i];
        let cause = (d.code == Code::IdMismatch && d.is_error())
            .then(|| {
                diagnostics[i + 1..]
                    .iter()
                    .rposition(|c| c.code == Code::UndefinedType && c.definition == d.definition)
            })
            .flatten();
        match cause {
            Some(offset) => {
                let mut knock_on = diagnostics.remove(i).with_note(
                    "the definition uses an undefined type (reported above) and its id is computed from \
                     the text as written: fixing the type may fix the id",
                );
                knock_on.notes.rotate_right(1);
                diagnostics.insert(i + offset + 1, knock_on);
            }
            None => i += 1,
        }
    }
}

/// The builtins most fields use, recognized without hashing (all are in
/// [`BUILTIN_TYPES`], so this only short-cuts the lookup).
#[inline]
fn is_common_builtin(name: &str) -> bool {
    matches!(
        name,
        "int" | "long" | "string" | "bytes" | "true" | "Bool" | "Vector" | "double" | "#"
    )
}

/// Names a definition may refer to: builtins, boxed types and constructors.
struct Known<'a> {
    /// Builtins and the boxed types that constructors build.
    types: FxHashSet<&'a str>,
    /// Every definition by name.
    names: FxHashMap<&'a str, Named<'a>>,
}

struct Named<'a> {
    /// The first definition of that name.
    first: &'a Definition,
    /// Whether a constructor has that name (a bare type may refer to it).
    constructor: bool,
}

impl<'a> Known<'a> {
    /// Indexes `schema`, read from `src`, reporting names defined twice.
    /// Constructor names are found through the index of all names, which
    /// duplicate checking needs anyway, instead of being hashed into a
    /// second table.
    fn index(schema: &'a Schema, src: &str, out: &mut Vec<Diagnostic>) -> Self {
        let definitions = &schema.definitions;
        let mut types = FxHashSet::with_capacity_and_hasher(
            BUILTIN_TYPES.len() + definitions.len(),
            FxBuild::default(),
        );
        types.extend(BUILTIN_TYPES);
        let mut names: FxHashMap<&str, Named> =
            FxHashMap::with_capacity_and_hasher(definitions.len(), FxBuild::default());
        // Constructors of one type usually follow each other: their shared
        // result is inserted once per run, not hashed again for each.
        let mut last_result: Option<&Name> = None;
        for def in definitions {
            let constructor = def.section == Section::Types;
            if constructor {
                let result = &def.result.name.text;
                if last_result != Some(result) {
                    types.insert(result.as_str());
                    last_result = Some(result);
                }
            }
            let first = match names.entry(def.name.text.as_str()) {
                Entry::Vacant(slot) => {
                    slot.insert(Named {
                        first: def,
                        constructor,
                    });
                    None
                }
                Entry::Occupied(mut slot) => {
                    let named = slot.get_mut();
                    named.constructor |= constructor;
                    Some(named.first)
                }
            };
            if let Some(first) = first {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        def.name.span,
                        format!("`{}` is defined twice", def.name.text),
                    )
                    .with_note(format!(
                        "first defined on line {}",
                        line_of(src, first.name.span.start)
                    ))
                    .in_definition(&def.name.text),
                );
            }
        }
        Known { types, names }
    }

    fn contains(&self, name: &Name) -> bool {
        self.types.contains(name.as_str())
            || self.names.get(name.as_str()).is_some_and(|n| n.constructor)
    }

    /// Every name a type may refer to.
    fn all(&self) -> impl Iterator<Item = &'a str> + '_ {
        let constructors = self
            .names
            .iter()
            .filter(|(_, n)| n.constructor)
            .map(|(k, _)| *k);
        self.types.iter().copied().chain(constructors)
    }
}

fn verify_ids(schema: &Schema, options: &Options, out: &mut Vec<Diagnostic>) {
    for def in &schema.definitions {
        let Some(declared) = def.declared_id else {
            continue;
        };
        if declared.value == def.computed_id || options.allows(&def.name.text) {
            continue;
        }
        let message = format!(
            "declared id #{:08x} of `{}` differs from the computed #{:08x}",
            declared.value, def.name.text, def.computed_id
        );
        if let Some(known) = options.known_deviation(&def.name.text, declared.value) {
            out.push(
                Diagnostic::note(Code::IdMismatch, declared.span, message)
                    .with_note(format!("a known upstream deviation: {}", known.reason))
                    .with_note(
                        "accepted by default; `--no-known-deviations` (option `known_deviations = false`) makes it an error",
                    )
                    .in_definition(&def.name.text),
            );
            continue;
        }
        let mut d = Diagnostic::error(Code::IdMismatch, declared.span, message).with_note(format!(
            "normalized text ({} rule): `{}`",
            schema.dialect,
            normalized_text(def, schema.dialect)
        ));
        if let Some(known) = known_deviation(&def.name.text, declared.value) {
            d = d.with_note(format!(
                "a known upstream deviation, refused because known deviations are off: {}",
                known.reason
            ));
        }
        out.push(
            d.with_note(format!(
                "the declared id is used on the wire; allow a known deviation by name: `{}` (option `allow_id_mismatch`, flag `--allow-id-mismatch`)",
                def.name.text
            ))
            .in_definition(&def.name.text),
        );
    }
}

/// Whether `def` declares an id that a known deviation (or the caller's
/// `allow_id_mismatch`) lets differ from the rules, so that the id it
/// repeats is no second finding: TDLib's `invokeWith…Prefix` helpers reuse
/// the real function's id on purpose.
fn may_repeat_an_id(def: &Definition, options: &Options) -> bool {
    options.allows(&def.name.text)
        || def
            .declared_id
            .is_some_and(|id| options.known_deviation(&def.name.text, id.value).is_some())
}

fn check_duplicate_ids(schema: &Schema, options: &Options, out: &mut Vec<Diagnostic>) {
    let mut by_id: FxHashMap<u32, &Definition> =
        FxHashMap::with_capacity_and_hasher(schema.definitions.len(), FxBuild::default());
    for def in &schema.definitions {
        let Some(first) = by_id.insert(def.id(), def) else {
            continue;
        };
        if first.name.text == def.name.text
            || may_repeat_an_id(def, options)
            || may_repeat_an_id(first, options)
        {
            continue;
        }
        let span = def.declared_id.map_or(def.name.span, |d| d.span);
        out.push(
            Diagnostic::error(
                Code::DuplicateId,
                span,
                format!(
                    "`{}` has the id #{:08x}, which `{}` already uses",
                    def.name.text,
                    def.id(),
                    first.name.text
                ),
            )
            .with_note(format!(
                "allow a known alias by name: `{}` (option `allow_id_mismatch`, flag `--allow-id-mismatch`)",
                def.name.text
            ))
            .in_definition(&def.name.text),
        );
    }
}

/// Whether `def` has a `{name:…}` type parameter. Definitions have a handful
/// of parameters: a scan beats building a set per definition.
fn is_type_param(def: &Definition, name: &str) -> bool {
    def.type_params.iter().any(|t| t.name.text == name)
}

/// A set of names as 128 bits, one per name (a hash of its first bytes
/// and its length): a clear bit proves a name was not inserted before.
#[derive(Default)]
struct NameBits(u128);

impl NameBits {
    /// Adds `name`; returns whether its bit was already set.
    #[inline]
    fn insert(&mut self, name: &Name) -> bool {
        // A hash of the first word only: most names differ in it, and
        // hashing whole names costs more.
        let bit = 1u128 << (name.short_hash() >> 57);
        let was = self.0 & bit != 0;
        self.0 |= bit;
        was
    }
}

/// The first `#` fields of a definition (nearly all have one or two).
#[derive(Default)]
struct Nats<'a> {
    names: [Option<&'a Name>; 4],
}

impl<'a> Nats<'a> {
    #[inline]
    fn push(&mut self, name: &'a Name) {
        if let Some(slot) = self.names.iter_mut().find(|n| n.is_none()) {
            *slot = Some(name);
        }
    }

    /// Whether `name` is one of the fields kept; `false` may also mean it
    /// was not kept, so the caller then looks for it the long way.
    #[inline]
    fn contains(&self, name: &Name) -> bool {
        self.names.iter().any(|n| n.is_some_and(|n| n == name))
    }
}

/// The highest bit a `flags.N?` may use. A `#` is a nat below 2^31: TDLib
/// reads it as a signed 32-bit int and refuses negative values, and so does
/// tl-runtime. Bit 31 could never be set, so a schema using it is refused
/// here rather than producing flags words that no peer can read. Telegram's
/// schemas stop at `flags.30?` and go on in `flags2`.
const MAX_FLAG_BIT: u32 = 30;

fn check_params(def: &Definition, out: &mut Vec<Diagnostic>) {
    // The common case, distinct names and flags read from an earlier `#`
    // field, is decided without scanning the earlier parameters: a scan's
    // exit falls at a different place for every parameter, which costs a
    // mispredicted branch each. `seen` has a bit per field name seen so far
    // (a name whose bit is already set may be a repeat, and only then are
    // the earlier names compared); `nats` holds the first `#` fields.
    let mut seen = NameBits::default();
    let mut nats = Nats::default();
    let mut repeats = false;
    for (index, p) in def.params.iter().enumerate() {
        if let Some(name) = &p.name {
            let repeated = seen.insert(&name.text)
                && def.params[..index]
                    .iter()
                    .any(|q| q.name.as_ref().is_some_and(|n| n.text == name.text));
            if repeated {
                repeats = true;
                out.push(
                    Diagnostic::error(
                        Code::DuplicateField,
                        name.span,
                        format!("field `{}` appears twice in `{}`", name.text, def.name.text),
                    )
                    .in_definition(&def.name.text),
                );
            }
            if matches!(p.ty, ParamType::Nat) {
                nats.push(&name.text);
            }
        }
        match &p.ty {
            // With no repeated names, the first earlier parameter of that
            // name is the `#` field found in `nats`: valid.
            ParamType::Conditional { flag, .. }
                if flag.bit <= MAX_FLAG_BIT && !repeats && nats.contains(&flag.field.text) => {}
            ParamType::Conditional { flag, .. } => {
                let field = &flag.field.text;
                let earlier = def.params[..index]
                    .iter()
                    .find(|q| q.name.as_ref().is_some_and(|n| &n.text == field));
                // Looked for only when needed: most definitions are valid.
                let later = || {
                    def.params[index..]
                        .iter()
                        .any(|q| q.name.as_ref().is_some_and(|n| &n.text == field))
                };
                let problem = match earlier {
                    Some(q) if !matches!(q.ty, ParamType::Nat) => Some((
                        Code::FlagFieldNotNat,
                        format!("`{field}` is used as flags but is not a `#` field"),
                    )),
                    Some(_) => None,
                    None if later() => Some((
                        Code::FlagFieldAfterUse,
                        format!(
                            "flag field `{field}` is declared after `{}`, which uses it",
                            p.name_str()
                        ),
                    )),
                    None => Some((
                        Code::UnknownFlagField,
                        format!(
                            "`{}` refers to flag field `{field}`, which does not exist",
                            p.name_str()
                        ),
                    )),
                };
                if let Some((code, message)) = problem {
                    let mut d = Diagnostic::error(code, flag.field.span, message)
                        .in_definition(&def.name.text);
                    if code == Code::UnknownFlagField {
                        d = d.with_note(format!("declare it before use: `{field}:#`"));
                    }
                    out.push(d);
                }
                if flag.bit > MAX_FLAG_BIT {
                    let mut d = Diagnostic::error(
                        Code::FlagBitOutOfRange,
                        flag.span,
                        format!("flag bit {} is outside 0..={MAX_FLAG_BIT}", flag.bit),
                    )
                    .in_definition(&def.name.text);
                    if flag.bit == 31 {
                        d = d.with_note(
                            "a `#` is below 2^31 on the wire (TDLib reads it as a signed int), \
                             so bit 31 can never be set; continue in a second field, `flags2:#`",
                        );
                    }
                    out.push(d);
                }
            }
            ParamType::Type { bang: true, ty } if !is_type_param(def, &ty.name.text) => {
                out.push(
                    Diagnostic::error(
                        Code::UnboundTypeVariable,
                        ty.span,
                        format!(
                            "`!{}` needs a type parameter `{{{}:Type}}`",
                            ty.name.text, ty.name.text
                        ),
                    )
                    .in_definition(&def.name.text),
                );
            }
            _ => {}
        }
    }
}

fn check_result(def: &Definition, out: &mut Vec<Diagnostic>) {
    if def.section != Section::Types || def.builtin {
        return;
    }
    let result = &def.result.name.text;
    let base = def.result.name.base();
    // `int128 4*[ int ] = Int128;`, `bytes = Bytes;`, `vector … = Vector t;` define
    // builtins: the constructor is the lowercase form of its type.
    let message = if base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!(
            "constructor `{}` has the bare type `{result}` as its result",
            def.name.text
        )
    } else if PRIMITIVE_RESULTS.contains(&result.as_str())
        && !is_lowercase_first(&def.name.text, result)
    {
        format!(
            "constructor `{}` has the builtin type `{result}` as its result",
            def.name.text
        )
    } else {
        return;
    };
    out.push(
        Diagnostic::error(Code::BadResultType, def.result.span, message)
            .with_note(
                "a constructor's result is a boxed type whose name starts with a capital letter",
            )
            .in_definition(&def.name.text),
    );
}

/// Whether `name` is `s` with its first character in ASCII lowercase.
fn is_lowercase_first(name: &str, s: &str) -> bool {
    let mut c = s.chars();
    match c.next() {
        None => name.is_empty(),
        Some(f) => {
            let f = f.to_ascii_lowercase();
            name.strip_prefix(f) == Some(c.as_str())
        }
    }
}

fn check_references<'a>(
    def: &Definition,
    known: &Known<'a>,
    suggestions: &mut Option<Suggestions<'a>>,
    options: &Options,
    out: &mut Vec<Diagnostic>,
) {
    // `!X` names a type variable even when `{X:Type}` is missing; that mistake is
    // reported once, as E0206, not again as an undefined type.
    let is_type_var = |name: &str| {
        is_type_param(def, name)
            || def.params.iter().any(|p| match &p.ty {
                ParamType::Type { bang: true, ty } => ty.name.text == name,
                _ => false,
            })
    };
    let severity = if options.strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut check = |ty: &TypeExpr| {
        let name = ty.name.text.as_str();
        if is_common_builtin(name) || known.contains(&ty.name.text) || is_type_var(name) {
            return;
        }
        let mut d = Diagnostic::error(
            Code::UndefinedType,
            ty.name.span,
            format!("undefined type `{name}`"),
        )
        .in_definition(&def.name.text);
        d.severity = severity;
        let suggestions = suggestions.get_or_insert_with(|| Suggestions::new(known.all()));
        if let Some(near) = suggestions.nearest(name) {
            d = d.with_note(format!("did you mean `{near}`?"));
        }
        out.push(d);
    };
    for p in &def.params {
        walk_param(&p.ty, &mut check);
    }
    // A function's result must exist too; a constructor's result is what it defines.
    if def.section == Section::Functions {
        def.result.walk(&mut check);
    } else {
        for a in &def.result.args {
            a.walk(&mut check);
        }
    }
}

fn walk_param<'a>(ty: &'a ParamType, f: &mut impl FnMut(&'a TypeExpr)) {
    match ty {
        ParamType::Nat => {}
        ParamType::Type { ty, .. } | ParamType::Conditional { ty, .. } => ty.walk(f),
        ParamType::Repeat { params, .. } => {
            for p in params {
                walk_param(&p.ty, f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constructor_name_stays_known_when_a_function_reuses_it() {
        let src = "a = A;\n---functions---\na = A;\n---types---\nc x:a = C;\n";
        let codes: Vec<Code> = crate::parse_str(src)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, [Code::DuplicateName]);
        let undefined = crate::parse_str("c x:a = C;\n").diagnostics;
        assert_eq!(undefined[0].code, Code::UndefinedType);
    }

    fn codes(src: &str) -> Vec<Code> {
        crate::parse_str(src)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn field_checks_without_the_earlier_scans_find_what_the_scans_find() {
        // A repeated name: the flag refers to the first `flags`, an `int`.
        assert_eq!(
            codes("a flags:int flags:# x:flags.0?int = A;"),
            [Code::DuplicateField, Code::FlagFieldNotNat]
        );
        // More `#` fields than are kept aside: the fifth is found by a scan.
        assert_eq!(
            codes("a f1:# f2:# f3:# f4:# f5:# x:f5.0?int y:f1.30?int = A;"),
            []
        );
        assert_eq!(
            codes("a f1:# f2:# f3:# f4:# f5:# x:f6.0?int = A;"),
            [Code::UnknownFlagField]
        );
        assert_eq!(codes("a f:# x:f.32?int = A;"), [Code::FlagBitOutOfRange]);
        assert_eq!(codes("a f:# x:f.31?int = A;"), [Code::FlagBitOutOfRange]);
        assert_eq!(codes("a f:# x:f.30?int = A;"), []);
        // Past 128 names every bit is set: repeats are still told apart
        // from distinct names by comparing them.
        let mut fields: String = (0..200).map(|k| format!("f{k}:int ")).collect();
        assert_eq!(codes(&format!("a {fields}= A;")), []);
        fields.push_str("f7:long ");
        assert_eq!(codes(&format!("a {fields}= A;")), [Code::DuplicateField]);
    }

    #[test]
    fn every_repeat_of_a_name_points_at_its_first_definition() {
        let parsed = crate::parse_str("\na = A;\na = A;\na = A;\n");
        let notes: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.code, d.notes.clone()))
            .collect();
        let first = vec!["first defined on line 2".to_string()];
        assert_eq!(
            notes,
            [
                (Code::DuplicateName, first.clone()),
                (Code::DuplicateName, first)
            ]
        );
    }

    #[test]
    fn suggestions_name_the_nearest_known_type_once_per_name() {
        let src = "messageEntity = MessageEntity;\nmessageEntities = MessageEntities;\n\
                   a x:MessageEntty y:Vector<MessageEntty> z:Unrelated = A;\n";
        let parsed = crate::parse_str(src);
        let notes: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.code, d.notes.clone()))
            .collect();
        let near = vec!["did you mean `MessageEntity`?".to_string()];
        assert_eq!(
            notes,
            [
                (Code::UndefinedType, near.clone()),
                (Code::UndefinedType, near),
                (Code::UndefinedType, vec![]),
            ]
        );
    }
}
