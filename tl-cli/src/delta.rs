//! What changed inside one definition, parameter by parameter, in TL terms:
//! the lines a reviewer of a layer update reads instead of two whole
//! definitions.

use serde::Serialize;
use tl_parser::{Definition, Param, ParamType};

/// One difference between two same-named definitions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Delta {
    /// A parameter only the new definition has (`linked_community_id:flags2.21?long`).
    Added {
        /// The parameter as TL.
        param: String,
    },
    /// A parameter only the old definition has.
    Removed {
        /// The parameter as TL.
        param: String,
    },
    /// A parameter whose type changed (its flag may have changed too).
    Retyped {
        /// The parameter's name.
        name: String,
        /// The old type, with its `flags.N?` if any.
        old: String,
        /// The new type, with its `flags.N?` if any.
        new: String,
    },
    /// A parameter of the same type on another flag bit, or made optional or
    /// required.
    Moved {
        /// The parameter's name.
        name: String,
        /// The old flag (`flags.1`), or `required`.
        old: String,
        /// The new flag (`flags2.3`), or `required`.
        new: String,
    },
    /// The parameters both definitions have are in another order.
    Reordered {
        /// Their names in the old order.
        old: Vec<String>,
        /// Their names in the new order.
        new: Vec<String>,
    },
    /// The type a constructor builds, or a function returns.
    Result {
        /// The old result type.
        old: String,
        /// The new result type.
        new: String,
    },
    /// The `{X:Type}` parameters.
    Generics {
        /// The old ones, as TL.
        old: String,
        /// The new ones, as TL.
        new: String,
    },
}

impl Delta {
    /// Whether this is a `flags.N?true` parameter added or removed: Telegram
    /// leaves those out of the id, so they never change it.
    pub fn is_true_flag(&self) -> bool {
        match self {
            Delta::Added { param } | Delta::Removed { param } => param.ends_with("?true"),
            _ => false,
        }
    }
}

impl std::fmt::Display for Delta {
    /// One line: `+ x:int`, `- y:string`, `~ z: string -> TextWithEntities`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Delta::Added { param } => write!(f, "+ {param}"),
            Delta::Removed { param } => write!(f, "- {param}"),
            Delta::Retyped { name, old, new } => write!(f, "~ {name}: {old} -> {new}"),
            Delta::Moved { name, old, new } => write!(f, "~ {name}: moved {old} -> {new}"),
            Delta::Reordered { old, new } => {
                write!(f, "~ order: {} -> {}", old.join(" "), new.join(" "))
            }
            Delta::Result { old, new } => write!(f, "~ = {old} -> = {new}"),
            Delta::Generics { old, new } => write!(f, "~ generics: {old} -> {new}"),
        }
    }
}

/// Every difference from `old` to `new`, matching parameters by name: first
/// the ones in both (in the new order), then removals, the order, the result
/// and the generics.
pub fn deltas(old: &Definition, new: &Definition) -> Vec<Delta> {
    let mut out = Vec::new();
    let find = |def: &'_ Definition, name: &str| -> Option<usize> {
        def.params.iter().position(|p| p.name_str() == name)
    };
    for p in new.params.iter() {
        match find(old, p.name_str()) {
            None => out.push(Delta::Added {
                param: p.to_string(),
            }),
            Some(i) => out.extend(param_delta(&old.params[i], p)),
        }
    }
    for p in old.params.iter() {
        if find(new, p.name_str()).is_none() {
            out.push(Delta::Removed {
                param: p.to_string(),
            });
        }
    }
    let shared = |a: &Definition, b: &Definition| -> Vec<String> {
        a.params
            .iter()
            .filter(|p| find(b, p.name_str()).is_some())
            .map(|p| p.name_str().to_string())
            .collect()
    };
    let (old_order, new_order) = (shared(old, new), shared(new, old));
    if old_order != new_order {
        out.push(Delta::Reordered {
            old: old_order,
            new: new_order,
        });
    }
    let (old_result, new_result) = (old.result.to_string(), new.result.to_string());
    if old_result != new_result {
        out.push(Delta::Result {
            old: old_result,
            new: new_result,
        });
    }
    let generics = |def: &Definition| -> String {
        def.type_params
            .iter()
            .map(|t| format!("{{{}:{}}}", t.name.text, t.kind))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (old_generics, new_generics) = (generics(old), generics(new));
    if old_generics != new_generics {
        out.push(Delta::Generics {
            old: old_generics,
            new: new_generics,
        });
    }
    out
}

/// The difference between two parameters of the same name, if any.
fn param_delta(old: &Param, new: &Param) -> Option<Delta> {
    let name = new.name_str().to_string();
    let (old_flag, new_flag) = (flag(old), flag(new));
    if value_type(old) != value_type(new) {
        return Some(Delta::Retyped {
            name,
            old: type_text(old),
            new: type_text(new),
        });
    }
    (old_flag != new_flag).then(|| Delta::Moved {
        name,
        old: old_flag.unwrap_or_else(|| "required".to_string()),
        new: new_flag.unwrap_or_else(|| "required".to_string()),
    })
}

/// `flags.N` of a conditional parameter.
fn flag(p: &Param) -> Option<String> {
    p.flag().map(|f| format!("{}.{}", f.field.text, f.bit))
}

/// The type without its condition: `long` for `flags2.21?long`.
fn value_type(p: &Param) -> String {
    match &p.ty {
        ParamType::Conditional { ty, .. } => ty.to_string(),
        _ => type_text(p),
    }
}

/// The parameter as TL without its name: `flags2.21?long`, `#`, `!X`.
fn type_text(p: &Param) -> String {
    let text = p.to_string();
    match &p.name {
        Some(name) => text
            .strip_prefix(name.text.as_str())
            .and_then(|t| t.strip_prefix(':'))
            .map_or_else(|| text.clone(), str::to_string),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deltas between the first definition of `old` and of `new`.
    fn between(old: &str, new: &str) -> Vec<Delta> {
        let old = tl_parser::parse_str(old);
        let new = tl_parser::parse_str(new);
        deltas(&old.schema.definitions[0], &new.schema.definitions[0])
    }

    fn lines(deltas: &[Delta]) -> Vec<String> {
        deltas.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn an_added_flag_field_is_one_added_param() {
        let d = between(
            "u#1 flags:# flags2:# id:long = U;",
            "u#2 flags:# flags2:# id:long linked:flags2.21?long = U;",
        );
        assert_eq!(lines(&d), ["+ linked:flags2.21?long"]);
    }

    #[test]
    fn removed_retyped_and_moved_params_are_told_apart() {
        let d = between(
            "u#1 flags:# a:flags.0?string b:flags.1?int c:int d:int = U;",
            "u#2 flags:# a:flags.0?Text b:flags.3?int c:flags.2?int = U;",
        );
        assert_eq!(
            lines(&d),
            [
                "~ a: flags.0?string -> flags.0?Text",
                "~ b: moved flags.1 -> flags.3",
                "~ c: moved required -> flags.2",
                "- d:int",
            ]
        );
    }

    #[test]
    fn order_result_and_generics_changes_are_listed() {
        let d = between(
            "f#1 {X:Type} a:int b:int q:!X = X;",
            "f#2 b:int a:int q:!X = Y;",
        );
        let kinds: Vec<_> = d
            .iter()
            .map(|d| match d {
                Delta::Reordered { old, new } => format!("order {old:?} {new:?}"),
                Delta::Result { old, new } => format!("result {old} {new}"),
                Delta::Generics { old, new } => format!("generics {old}|{new}"),
                other => other.to_string(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                r#"order ["a", "b", "q"] ["b", "a", "q"]"#,
                "result X Y",
                "generics {X:Type}|",
            ]
        );
    }

    #[test]
    fn identical_definitions_have_no_deltas() {
        assert!(between("u#1 a:int = U;", "u#1  a:int = U; // same").is_empty());
    }

    #[test]
    fn only_added_or_removed_true_flags_count_as_true_flags() {
        let d = between(
            "u#1 flags:# a:flags.0?true b:flags.1?int = U;",
            "u#1 flags:# c:flags.2?true b:flags.1?int d:flags.3?int = U;",
        );
        let flags: Vec<_> = d
            .iter()
            .map(|d| (d.to_string(), d.is_true_flag()))
            .collect();
        assert_eq!(
            flags,
            [
                ("+ c:flags.2?true".to_string(), true),
                ("+ d:flags.3?int".to_string(), false),
                ("- a:flags.0?true".to_string(), true),
            ]
        );
    }
}
