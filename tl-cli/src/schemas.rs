//! Which of the files given to `tl check` form one schema.
//!
//! Every file is parsed on its own, and most are schemas of their own (a
//! layer of `api.tl`, `td_api.tl`). A file that uses types only one other
//! file given defines is a part of a schema split over several files, as
//! `tl!(include = ["seed.tl", "seed-deps.tl"])` reads it: it is checked
//! together with that file, and its uses of the other's types are not
//! undefined. A type that several of the other files define (every layer of
//! `api.tl` defines `Peer`) names no one of them, so it stays undefined.

use crate::load::Loaded;
use tl_parser::{Code, Diagnostic, Options, Schema};

/// The files of each schema, as indices into the files given, each group in
/// the order given and the groups in the order of their first file.
pub fn group(files: &[Loaded]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..files.len()).collect();
    for (i, file) in files.iter().enumerate() {
        for name in undefined_types(file) {
            let mut definers = (0..files.len()).filter(|&j| j != i && defines(&files[j], name));
            if let (Some(j), None) = (definers.next(), definers.next()) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; files.len()];
    for i in 0..files.len() {
        let r = root(&mut parent, i);
        match group_of_root[r] {
            Some(g) => groups[g].push(i),
            None => {
                group_of_root[r] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// Drops, from the diagnostics of each file of `members`, the undefined
/// types that another member defines.
pub fn join(files: &mut [Loaded], members: &[usize]) {
    if members.len() < 2 {
        return;
    }
    let defined_elsewhere = |files: &[Loaded], i: usize, d: &Diagnostic| {
        let name = undefined_type(&files[i], d);
        name.is_some_and(|name| members.iter().any(|&j| defines(&files[j], name)))
    };
    for &i in members {
        let keep: Vec<bool> = files[i]
            .parsed
            .diagnostics
            .iter()
            .map(|d| !defined_elsewhere(files, i, d))
            .collect();
        let mut keep = keep.into_iter();
        files[i]
            .parsed
            .diagnostics
            .retain(|_| keep.next().unwrap_or(true));
    }
}

/// Resolves the schema `members` form as the generator does, if the parser
/// found no errors and no undefined types in it, and adds what resolution
/// rejects to the diagnostics of the file each finding is in: the same
/// findings, with the same codes and messages, that `tl!` reports.
///
/// A schema with undefined types is not resolved: its warnings (errors with
/// `--strict`) already say that `tl!` cannot generate it, and resolution
/// would only repeat them.
pub fn resolve(files: &mut [Loaded], members: &[usize], options: &Options) {
    let blocked = members.iter().any(|&i| {
        files[i]
            .parsed
            .diagnostics
            .iter()
            .any(|d| d.is_error() || d.code == Code::UndefinedType)
    });
    if blocked {
        return;
    }
    let sources: Vec<_> = members.iter().map(|&i| files[i].source.clone()).collect();
    let options = tl_codegen::Options {
        dialect: options.dialect,
        allow_id_mismatch: options.allow_id_mismatch.clone(),
        known_deviations: options.known_deviations,
        ..tl_codegen::Options::default()
    };
    // Without `only`, derives or a runtime path, a schema is the only thing
    // resolution can reject; its warnings and notes are the parser's, which
    // the files already hold.
    let Err(tl_codegen::Error::Schema(rejected)) = tl_codegen::resolve(&sources, &options) else {
        return;
    };
    for located in rejected {
        let file = members
            .iter()
            .copied()
            .find(|&i| files[i].source.name() == located.file)
            .unwrap_or(members[0]);
        let diagnostics = &mut files[file].parsed.diagnostics;
        if !diagnostics.contains(&located.diagnostic) {
            diagnostics.push(located.diagnostic);
        }
    }
}

/// The names of the types `file` uses but does not define.
fn undefined_types(file: &Loaded) -> impl Iterator<Item = &str> {
    file.parsed
        .diagnostics
        .iter()
        .filter_map(|d| undefined_type(file, d))
}

/// The type `d` reports undefined, if it is such a report: the text its span
/// covers.
fn undefined_type<'a>(file: &'a Loaded, d: &Diagnostic) -> Option<&'a str> {
    if d.code != Code::UndefinedType {
        return None;
    }
    file.source.text().get(d.span.range())
}

/// Whether `file` defines the type `name`: as a boxed type that one of its
/// constructors builds, or as a constructor (a bare type).
fn defines(file: &Loaded, name: &str) -> bool {
    schema_defines(&file.parsed.schema, name)
}

fn schema_defines(schema: &Schema, name: &str) -> bool {
    schema
        .constructors()
        .any(|d| d.result.name.text == name || d.name.text == name)
}

/// The representative of `i`'s group, compressing the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use tl_parser::{Options, SourceFile};

    fn loaded(name: &str, text: &str) -> Loaded {
        Loaded {
            source: SourceFile::new(name, text),
            parsed: tl_parser::parse(text, &Options::default()),
            dialect_forced: false,
        }
    }

    #[test]
    fn a_file_joins_the_one_file_that_defines_its_types() {
        let files = [
            loaded("alone.tl", "a = A;\n"),
            loaded("uses.tl", "b x:Dep y:Vector<Other> = B;\n"),
            loaded("deps.tl", "dep = Dep;\nother = Other;\n"),
        ];
        assert_eq!(group(&files), [vec![0], vec![1, 2]]);
    }

    #[test]
    fn resolution_adds_what_the_generator_rejects() {
        let mut files = vec![loaded("generic.tl", "box {X:Type} value:!X = Box;\n")];
        assert!(files[0].parsed.diagnostics.is_empty());
        resolve(&mut files, &[0], &Options::default());
        let found: Vec<_> = files[0]
            .parsed
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [(
                Code::Unsupported,
                "code generation does not support a generic constructor (`{X:Type}` outside functions)"
            )]
        );
    }

    #[test]
    fn a_type_several_files_define_joins_nothing() {
        let files = [
            loaded("uses.tl", "b x:Dep = B;\n"),
            loaded("layer1.tl", "dep = Dep;\n"),
            loaded("layer2.tl", "dep = Dep;\n"),
        ];
        assert_eq!(group(&files), [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn joining_drops_only_the_types_the_group_defines() {
        let mut files = vec![
            loaded("uses.tl", "b x:Dep y:Missing = B;\n"),
            loaded("deps.tl", "dep = Dep;\n"),
        ];
        assert_eq!(files[0].parsed.diagnostics.len(), 2);
        join(&mut files, &[0, 1]);
        let left: Vec<_> = files[0]
            .parsed
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(left, ["undefined type `Missing`"]);
    }
}
