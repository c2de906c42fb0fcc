//! What a schema contains, in numbers.

use serde::Serialize;
use std::collections::BTreeSet;
use tl_parser::Schema;

/// The sizes `tl check` reports for each file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Constructors, builtins excluded.
    pub constructors: usize,
    /// Functions.
    pub functions: usize,
    /// Distinct result types of constructors: the boxed types a reader can meet.
    pub boxed_types: usize,
}

impl Counts {
    /// Counts `schema`'s definitions.
    pub fn of(schema: &Schema) -> Self {
        let boxed: BTreeSet<&str> = schema
            .constructors()
            .map(|d| d.result.name.text.as_str())
            .collect();
        Counts {
            constructors: schema.constructors().count(),
            functions: schema.functions().count(),
            boxed_types: boxed.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_constructors_functions_and_boxed_types() {
        let src = "int ? = Int;\n\
                   a#00000001 = A;\nb#00000002 = A;\nc#00000003 = C;\n\
                   ---functions---\nf#00000004 = A;\n";
        let parsed = tl_parser::parse_str(src);
        assert_eq!(
            Counts::of(&parsed.schema),
            Counts {
                constructors: 3,
                functions: 1,
                boxed_types: 2
            }
        );
    }
}
