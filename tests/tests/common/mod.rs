//! Shared by the layer binaries: evolution across layers where a constructor
//! keeps its id but a `flags.N?true` field changed meaning.
//!
//! Ids are blind to `?true` fields (the Telegram id rule drops them before
//! hashing), so two layers can share a constructor id while one of them has a
//! true flag the other lacks, or at another bit: the newer layer then drops or
//! moves that bit on re-encoding. Such a value re-encodes to the same length
//! with differences only inside aligned 32-bit words (a flags word); every
//! other field is byte-identical. That drift is counted and reported, not
//! failed; any other difference still fails.

use std::collections::BTreeSet;
use std::sync::Mutex;

/// (layer pair, outermost constructor id) of values that showed flag-word drift.
pub static DRIFT: Mutex<BTreeSet<(&str, u32)>> = Mutex::new(BTreeSet::new());

/// `newer`'s result for `old`, with flag-word drift recorded and accepted.
pub fn accept_flag_drift(
    pair: &'static str,
    old: &[u8],
    newer: Option<tl_runtime::Result<Vec<u8>>>,
) -> Option<tl_runtime::Result<Vec<u8>>> {
    match newer {
        Some(Ok(new)) if new != old && only_words_differ(old, &new) => {
            let id = u32::from_le_bytes(old[..4].try_into().expect("4 bytes"));
            DRIFT.lock().expect("drift set").insert((pair, id));
            Some(Ok(old.to_vec()))
        }
        other => other,
    }
}

fn only_words_differ(old: &[u8], new: &[u8]) -> bool {
    let differing = old
        .chunks(4)
        .zip(new.chunks(4))
        .filter(|(a, b)| a != b)
        .count();
    old.len() == new.len() && old.len() % 4 == 0 && old.len() >= 4 && differing <= 8
}

/// The drift seen for `pair`, as hex ids (after the pair's test ran).
pub fn drift_report(pair: &str) -> String {
    let ids = DRIFT.lock().expect("drift set");
    let ids: Vec<String> = ids
        .iter()
        .filter(|(p, _)| *p == pair)
        .map(|(_, id)| format!("{id:#010x}"))
        .collect();
    format!(
        "{} constructors with true-flag drift (same id, a `?true` bit dropped or moved): {}",
        ids.len(),
        ids.join(", ")
    )
}
