//! "Did you mean": the known name nearest to a misspelt one, by edit
//! distance, for undefined types, `only` entries and option names alike.

use std::collections::HashMap;

/// The name among `candidates` nearest to `name`, if close enough to be a
/// likely typo (at most a third of its length away, ignoring ASCII case;
/// ties go to the name first in alphabetical order).
///
/// ```
/// assert_eq!(tl_parser::did_you_mean("olny", ["include", "only"]), Some("only"));
/// assert_eq!(tl_parser::did_you_mean("Ping", ["ping", "pong"]), Some("ping"));
/// assert_eq!(tl_parser::did_you_mean("zzz", ["only"]), None);
/// ```
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    Suggestions::new(candidates).nearest(name)
}

/// "Did you mean" for many names against one set: the known name nearest to each.
///
/// Built when the first undefined name is met, so a valid schema pays
/// nothing. A fragment cut from a larger schema may refer to thousands of
/// names it does not define, each against thousands of known ones: the
/// known names are lowercased once, a name asked again gets the answer
/// kept from the first time, and a candidate whose length alone puts it
/// too far away is not compared.
pub(crate) struct Suggestions<'a> {
    /// Each known name lowercased, its length in characters, and the name.
    known: Vec<(String, usize, &'a str)>,
    asked: HashMap<String, Option<&'a str>>,
    /// The edit-distance rows, reused.
    rows: Vec<usize>,
}

impl<'a> Suggestions<'a> {
    /// Suggestions among `names`.
    pub(crate) fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let known = names
            .into_iter()
            .map(|k| (k.to_ascii_lowercase(), k.chars().count(), k))
            .collect();
        Suggestions {
            known,
            asked: HashMap::new(),
            rows: Vec::new(),
        }
    }

    /// The known name closest to `name`, if close enough to be a likely
    /// typo: at most a third of its length away, ties going to the name
    /// first in alphabetical order.
    pub(crate) fn nearest(&mut self, name: &str) -> Option<&'a str> {
        if let Some(&hit) = self.asked.get(name) {
            return hit;
        }
        let limit = (name.len() / 3).max(1);
        let lower: Vec<char> = name.to_ascii_lowercase().chars().collect();
        let mut best: Option<(usize, &'a str)> = None;
        for (k_lower, k_chars, k) in &self.known {
            // The distance is at least the difference in length.
            if k_chars.abs_diff(lower.len()) > limit {
                continue;
            }
            let d = edit_distance(&lower, k_lower, &mut self.rows);
            if d <= limit && best.is_none_or(|b| (d, *k) < b) {
                best = Some((d, k));
            }
        }
        let hit = best.map(|(_, k)| k);
        self.asked.insert(name.to_owned(), hit);
        hit
    }
}

/// The edit distance between `a` and `b`, in characters: insertions,
/// deletions, substitutions and swaps of two neighbours (`olny` → `only`)
/// count one each (the optimal string alignment distance). `rows` is
/// scratch space.
fn edit_distance(a: &[char], b: &str, rows: &mut Vec<usize>) -> usize {
    let width = a.len() + 1;
    rows.clear();
    rows.resize(3 * width, 0);
    // Three rows of the table, for the last two characters of `b` and this one.
    let (before, rest) = rows.split_at_mut(width);
    let (above, current) = rest.split_at_mut(width);
    let (mut before, mut above, mut current) = (before, above, current);
    for (i, cell) in above.iter_mut().enumerate() {
        *cell = i;
    }
    let mut previous_b = None;
    for (j, cb) in b.chars().enumerate() {
        current[0] = j + 1;
        for (i, &ca) in a.iter().enumerate() {
            let mut best = (above[i] + usize::from(ca != cb))
                .min(current[i] + 1)
                .min(above[i + 1] + 1);
            if i > 0 && previous_b == Some(ca) && a[i - 1] == cb {
                best = best.min(before[i - 1] + 1);
            }
            current[i + 1] = best;
        }
        previous_b = Some(cb);
        (before, above, current) = (above, current, before);
    }
    above[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        let distance = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            edit_distance(&a, b, &mut Vec::new())
        };
        assert_eq!(distance("MessageEntty", "MessageEntity"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("ab", ""), 2);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("n\u{e4}me", "name"), 1);
        assert_eq!(distance("olny", "only"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("ca", "abc"), 3);
    }

    #[test]
    fn did_you_mean_takes_the_nearest_close_name() {
        assert_eq!(did_you_mean("olny", ["include", "only"]), Some("only"));
        assert_eq!(did_you_mean("derives", ["derive", "docs"]), Some("derive"));
        assert_eq!(
            did_you_mean("inputpeer", ["InputPeer", "inputPeerSelf"]),
            Some("InputPeer")
        );
        assert_eq!(did_you_mean("zzzz", ["only"]), None);
    }
}
