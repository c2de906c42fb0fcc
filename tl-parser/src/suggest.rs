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
/// kept from the first time, a candidate whose length or letters alone put
/// it too far away is not compared, and a comparison stops once every
/// alignment is too far.
pub(crate) struct Suggestions<'a> {
    /// Each known name lowercased, its length in characters, its
    /// [`letters`], and the name.
    known: Vec<(String, usize, u64, &'a str)>,
    asked: HashMap<String, Option<&'a str>>,
    /// The edit-distance rows, reused.
    rows: Vec<usize>,
}

impl<'a> Suggestions<'a> {
    /// Suggestions among `names`.
    pub(crate) fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        let known = names
            .into_iter()
            .map(|k| {
                let lower = k.to_ascii_lowercase();
                let letters = letters(&lower);
                (lower, k.chars().count(), letters, k)
            })
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
        let name_letters = letters(&name.to_ascii_lowercase());
        let mut best: Option<(usize, &'a str)> = None;
        for (k_lower, k_chars, k_letters, k) in &self.known {
            // The distance is at least the difference in length, and at
            // least half the letters only one of the names has: one edit
            // takes at most one letter out and brings at most one in (a swap
            // neither).
            if k_chars.abs_diff(lower.len()) > limit
                || (name_letters ^ k_letters).count_ones() as usize > 2 * limit
            {
                continue;
            }
            let Some(d) = edit_distance_within(&lower, k_lower, limit, &mut self.rows) else {
                continue;
            };
            if best.is_none_or(|b| (d, *k) < b) {
                best = Some((d, k));
            }
        }
        let hit = best.map(|(_, k)| k);
        self.asked.insert(name.to_owned(), hit);
        hit
    }
}

/// The set of characters in `text`, as bits: one bit per lowercase letter,
/// digit and `_`, the other characters sharing the rest. Two characters on
/// one bit can only make two sets look closer than they are, so the count of
/// bits set in one name's letters and not the other's never exceeds the
/// count of characters in one name and not the other.
fn letters(text: &str) -> u64 {
    text.chars().fold(0, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            '_' => 36,
            _ => 37 + c as u32 % 27,
        };
        set | 1 << bit
    })
}

/// [`edit_distance`] if it is at most `limit`. A row's cells come from the
/// row above and, for a swap, the row before it plus one, so once two rows
/// in a row are past `limit` every later one is too, and the search stops:
/// most known names are far from the one asked about and end after a few
/// characters.
fn edit_distance_within(a: &[char], b: &str, limit: usize, rows: &mut Vec<usize>) -> Option<usize> {
    Some(edit_distance_bounded(a, b, limit, rows)).filter(|&d| d <= limit)
}

/// The edit distance between `a` and `b`, in characters: insertions,
/// deletions, substitutions and swaps of two neighbours (`olny` → `only`)
/// count one each (the optimal string alignment distance). `rows` is
/// scratch space.
#[cfg(test)]
fn edit_distance(a: &[char], b: &str, rows: &mut Vec<usize>) -> usize {
    edit_distance_bounded(a, b, usize::MAX, rows)
}

/// The edit distance, or some number past `limit` as soon as it is known to
/// be past it.
fn edit_distance_bounded(a: &[char], b: &str, limit: usize, rows: &mut Vec<usize>) -> usize {
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
    let mut above_past = false;
    for (j, cb) in b.chars().enumerate() {
        current[0] = j + 1;
        let mut smallest = current[0];
        for (i, &ca) in a.iter().enumerate() {
            let mut best = (above[i] + usize::from(ca != cb))
                .min(current[i] + 1)
                .min(above[i + 1] + 1);
            if i > 0 && previous_b == Some(ca) && a[i - 1] == cb {
                best = best.min(before[i - 1] + 1);
            }
            current[i + 1] = best;
            smallest = smallest.min(best);
        }
        let past = smallest > limit;
        if past && above_past {
            return smallest;
        }
        above_past = past;
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
    fn the_bounded_distance_agrees_with_the_full_one_within_the_limit() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "bca", "abcd", "xbcd", "dcba", "olny", "only",
        ];
        for x in words {
            for y in words {
                let a: Vec<char> = x.chars().collect();
                let full = edit_distance(&a, y, &mut Vec::new());
                for limit in 0..5 {
                    assert_eq!(
                        edit_distance_within(&a, y, limit, &mut Vec::new()),
                        Some(full).filter(|&d| d <= limit),
                        "{x} {y} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn letters_never_put_a_name_further_than_its_distance() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "aab",
            "messageentity",
            "messageentty",
            "inputpeer",
            "olny",
            "only",
            "\u{e4}\u{f6}x",
            "x_1.y",
            "zz9",
        ];
        for x in words {
            for y in words {
                let a: Vec<char> = x.chars().collect();
                let d = edit_distance(&a, y, &mut Vec::new());
                let apart = (letters(x) ^ letters(y)).count_ones() as usize;
                assert!(
                    apart <= 2 * d,
                    "{x} {y}: {apart} letters apart, distance {d}"
                );
            }
        }
        assert_eq!((letters("ab") ^ letters("cd")).count_ones(), 4);
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
