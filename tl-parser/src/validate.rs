//! Every rule a parsed schema must satisfy, checked in one place. Each finding is
//! a [`Diagnostic`] with a span; all are collected, none stops the others.

use crate::ast::{Definition, ParamType, Schema, Section, TypeExpr};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::id::normalized_text;
use crate::Options;
use std::collections::{HashMap, HashSet};

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

/// Checks `schema`, appending to `out`.
pub(crate) fn validate(schema: &Schema, options: &Options, out: &mut Vec<Diagnostic>) {
    let known = known_types(schema);
    verify_ids(schema, options, out);
    check_duplicates(schema, options, out);
    for def in &schema.definitions {
        check_params(def, out);
        check_result(def, out);
        check_references(def, &known, options, out);
    }
}

/// Names a definition may refer to: builtins, boxed types and constructors.
fn known_types(schema: &Schema) -> HashSet<&str> {
    let mut known: HashSet<&str> = BUILTIN_TYPES.iter().copied().collect();
    for def in &schema.definitions {
        if def.section == Section::Types {
            known.insert(&def.result.name.text);
            known.insert(&def.name.text);
        }
    }
    known
}

fn verify_ids(schema: &Schema, options: &Options, out: &mut Vec<Diagnostic>) {
    for def in &schema.definitions {
        let Some(declared) = def.declared_id else {
            continue;
        };
        if declared.value == def.computed_id || options.allows(&def.name.text) {
            continue;
        }
        out.push(
            Diagnostic::error(
                Code::IdMismatch,
                declared.span,
                format!(
                    "declared id #{:08x} of `{}` differs from the computed #{:08x}",
                    declared.value, def.name.text, def.computed_id
                ),
            )
            .with_note(format!(
                "normalized text ({} rule): `{}`",
                schema.dialect,
                normalized_text(def, schema.dialect)
            ))
            .with_note(format!(
                "the declared id is used on the wire; allow a known deviation by name: `{}` (option `allow_id_mismatch`, flag `--allow-id-mismatch`)",
                def.name.text
            ))
            .in_definition(&def.name.text),
        );
    }
}

fn check_duplicates(schema: &Schema, options: &Options, out: &mut Vec<Diagnostic>) {
    let mut by_name: HashMap<&str, &Definition> = HashMap::new();
    let mut by_id: HashMap<u32, &Definition> = HashMap::new();
    for def in &schema.definitions {
        if let Some(first) = by_name.insert(&def.name.text, def) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateName,
                    def.name.span,
                    format!("`{}` is defined twice", def.name.text),
                )
                .with_note(format!("first defined at byte {}", first.name.span.start))
                .in_definition(&def.name.text),
            );
        }
        if let Some(first) = by_id.insert(def.id(), def) {
            if first.name.text == def.name.text
                || options.allows(&def.name.text)
                || options.allows(&first.name.text)
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
}

fn check_params(def: &Definition, out: &mut Vec<Diagnostic>) {
    let type_vars: HashSet<&str> = def
        .type_params
        .iter()
        .map(|t| t.name.text.as_str())
        .collect();
    let mut seen: HashMap<&str, &ParamType> = HashMap::new();
    for (index, p) in def.params.iter().enumerate() {
        if let Some(name) = &p.name {
            if seen.insert(&name.text, &p.ty).is_some() {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateField,
                        name.span,
                        format!("field `{}` appears twice in `{}`", name.text, def.name.text),
                    )
                    .in_definition(&def.name.text),
                );
            }
        }
        match &p.ty {
            ParamType::Conditional { flag, .. } => {
                let field = &flag.field.text;
                let earlier = def.params[..index]
                    .iter()
                    .find(|q| q.name.as_ref().is_some_and(|n| &n.text == field));
                let later = def.params[index..]
                    .iter()
                    .any(|q| q.name.as_ref().is_some_and(|n| &n.text == field));
                let problem = match earlier {
                    Some(q) if !matches!(q.ty, ParamType::Nat) => Some((
                        Code::FlagFieldNotNat,
                        format!("`{field}` is used as flags but is not a `#` field"),
                    )),
                    Some(_) => None,
                    None if later => Some((
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
                if flag.bit > 31 {
                    out.push(
                        Diagnostic::error(
                            Code::FlagBitOutOfRange,
                            flag.span,
                            format!("flag bit {} is outside 0..=31", flag.bit),
                        )
                        .in_definition(&def.name.text),
                    );
                }
            }
            ParamType::Type { bang: true, ty } if !type_vars.contains(ty.name.text.as_str()) => {
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
    let defines_builtin = lowercase_first(result) == def.name.text;
    let message = if base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!(
            "constructor `{}` has the bare type `{result}` as its result",
            def.name.text
        )
    } else if PRIMITIVE_RESULTS.contains(&result.as_str()) && !defines_builtin {
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

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
        .unwrap_or_default()
}

fn check_references(
    def: &Definition,
    known: &HashSet<&str>,
    options: &Options,
    out: &mut Vec<Diagnostic>,
) {
    // `!X` names a type variable even when `{X:Type}` is missing; that mistake is
    // reported once, as E0206, not again as an undefined type.
    let banged = def.params.iter().filter_map(|p| match &p.ty {
        ParamType::Type { bang: true, ty } => Some(ty.name.text.as_str()),
        _ => None,
    });
    let type_vars: HashSet<&str> = def
        .type_params
        .iter()
        .map(|t| t.name.text.as_str())
        .chain(banged)
        .collect();
    let severity = if options.strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut check = |ty: &TypeExpr| {
        let name = ty.name.text.as_str();
        if known.contains(name) || type_vars.contains(name) {
            return;
        }
        let mut d = Diagnostic::error(
            Code::UndefinedType,
            ty.name.span,
            format!("undefined type `{name}`"),
        )
        .in_definition(&def.name.text);
        d.severity = severity;
        if let Some(near) = nearest(name, known) {
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

/// The known name closest to `name`, if close enough to be a likely typo.
fn nearest<'a>(name: &str, known: &HashSet<&'a str>) -> Option<&'a str> {
    let limit = (name.len() / 3).max(1);
    known
        .iter()
        .map(|k| {
            (
                edit_distance(&name.to_ascii_lowercase(), &k.to_ascii_lowercase()),
                *k,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("MessageEntty", "MessageEntity"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
