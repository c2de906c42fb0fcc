//! Point 5: our generated code and another implementation encode every
//! shared constructor and function to the same bytes.

use std::fmt::Debug;

use tl_runtime::sample::{Flags, Gen, Sample, Visitor};
use tl_runtime::{Bare, Identifiable, RemoteCall, Serialize};

use crate::{corpus, first_difference, hex, report, seed_of, short_debug};

/// Our decode-and-re-encode (`reencode` of one or more generated modules).
pub type Ours = fn(&[u8]) -> Option<tl_runtime::Result<Vec<u8>>>;
/// The other implementation's, `None` for an id it lacks.
pub type Theirs = fn(&[u8]) -> Option<Result<Vec<u8>, String>>;

/// One value on which the two implementations disagree.
#[derive(Clone, Debug)]
pub struct Disagreement {
    /// The constructor or function (TL name).
    pub name: &'static str,
    /// Schema, name, value, bytes and the first differing byte.
    pub message: String,
}

/// A [`Visitor`] over our constructors and functions, comparing with `theirs`:
/// our bytes must survive their decode and re-encode unchanged, and theirs
/// ours.
pub struct Differential {
    schema: &'static str,
    ours: Ours,
    theirs: Theirs,
    /// Constructors both have, compared.
    pub constructors: usize,
    /// Functions both have, compared.
    pub functions: usize,
    /// Constructors and functions the other implementation lacks.
    pub only_ours: Vec<&'static str>,
    /// Disagreements, one per value.
    pub failures: Vec<Disagreement>,
}

impl Differential {
    /// Compares the schema at `path` (as written in `tl!`) with `theirs`;
    /// `ours` decodes their bytes back.
    pub fn new(path: &'static str, ours: Ours, theirs: Theirs) -> Self {
        Differential {
            schema: corpus::name(path),
            ours,
            theirs,
            constructors: 0,
            functions: 0,
            only_ours: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// Compares `T`'s sample values; `false` if the other side lacks `T`.
    fn compare<T: Sample + Bare + Identifiable + Debug>(&mut self) -> bool {
        let seed = seed_of(T::NAME);
        let mut shapes = vec![
            (Flags::AllOff, 0, 0),
            (Flags::AllOn, 0, 2),
            (Flags::AllOn, 254, 1),
        ];
        shapes.extend((0..crate::round_trip::decisions::<T>(seed)).map(|k| (Flags::Only(k), 3, 1)));
        for (flags, text, vec) in shapes {
            let value = T::sample(&mut Gen::new(seed, flags, text, vec));
            let bytes = value.to_bytes();
            let why = match self.verdict(&bytes) {
                None => {
                    self.only_ours.push(T::NAME);
                    return false;
                }
                Some(Ok(())) => continue,
                Some(Err(why)) => why,
            };
            self.failures.push(Disagreement {
                name: T::NAME,
                message: format!(
                    "{}: {} ({flags:?}, strings {text} bytes, vectors {vec} items): {why}\n  value: {}\n  our bytes: {}",
                    self.schema,
                    T::NAME,
                    short_debug(&value),
                    hex(&bytes)
                ),
            });
        }
        true
    }

    /// Whether both sides agree on `bytes` (ours): they decode and re-encode
    /// them unchanged, and we do the same with their encoding. `None` if they
    /// lack the id, else why they disagree.
    fn verdict(&self, bytes: &[u8]) -> Option<Result<(), String>> {
        let theirs = match (self.theirs)(bytes)? {
            Ok(theirs) => theirs,
            Err(e) => return Some(Err(format!("they cannot decode our bytes: {e}"))),
        };
        if let Some(at) = first_difference(bytes, &theirs) {
            return Some(Err(format!(
                "they re-encode differently from byte {at}: {}",
                hex(&theirs)
            )));
        }
        Some(match (self.ours)(&theirs) {
            Some(Ok(back)) => match first_difference(&theirs, &back) {
                None => Ok(()),
                Some(at) => Err(format!(
                    "we re-encode their bytes differently from byte {at}: {}",
                    hex(&back)
                )),
            },
            Some(Err(e)) => Err(format!("we cannot decode their bytes: {e}")),
            None => Err("we lack the id of their bytes".to_string()),
        })
    }
}

impl Visitor for Differential {
    fn constructor<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + Clone + PartialEq + Debug,
    {
        if self.compare::<T>() {
            self.constructors += 1;
        }
    }

    fn function<T>(&mut self)
    where
        T: Sample + Bare + Identifiable + RemoteCall + Clone + PartialEq + Debug,
    {
        if self.compare::<T>() {
            self.functions += 1;
        }
    }

    fn boxed<T>(&mut self, _name: &'static str)
    where
        T: Sample + Serialize + tl_runtime::Deserialize + Clone + PartialEq + Debug,
    {
        // Every variant of a boxed type is one of the constructors above.
    }
}

/// How many constructors and functions grammers' dispatch covers
/// (`GRAMMERS_CONSTRUCTORS.len()`, `GRAMMERS_FUNCTIONS.len()` of the build
/// script's `grammers_dispatch.rs`).
#[derive(Clone, Copy, Debug)]
pub struct Coverage {
    /// Constructors.
    pub constructors: usize,
    /// Non-generic functions.
    pub functions: usize,
}

/// Reports the comparison with grammers-tl-types 0.11 of layer 230's API
/// (`api`) and MTProto (`mtproto`) schemas, and fails unless most of the API
/// was compared and the disagreements are exactly [`GRAMMERS_DIFFERENCES`].
pub fn check_against_grammers(api: &Differential, mtproto: &Differential, grammers: Coverage) {
    let mut only_ours = api.only_ours.clone();
    only_ours.extend(&mtproto.only_ours);
    let failures: Vec<_> = api.failures.iter().chain(&mtproto.failures).collect();
    let text = format!(
        "{} constructors compared ({} of api-230.tl, {} of grammers/mtproto.tl; grammers' dispatch covers {}), \
         {} functions compared ({} of api-230.tl, {} of grammers/mtproto.tl; grammers' dispatch covers {}, \
         `{{X:Type}}` functions left out on both sides), {} disagreeing values; ours only: {only_ours:?}",
        api.constructors + mtproto.constructors,
        api.constructors,
        mtproto.constructors,
        grammers.constructors,
        api.functions + mtproto.functions,
        api.functions,
        mtproto.functions,
        grammers.functions,
        failures.len()
    );
    println!("{text}");
    report::note("grammers-tl-types 0.11", &text);
    for side in [api, mtproto] {
        report::record(side.schema, report::Column::Grammers, side.constructors);
        report::record(
            side.schema,
            report::Column::GrammersFunctions,
            side.functions,
        );
    }
    assert!(api.constructors > 1000, "{text}");
    assert!(api.functions > 800, "{text}");
    let mut disagreeing: Vec<&str> = failures.iter().map(|f| f.name).collect();
    disagreeing.sort_unstable();
    disagreeing.dedup();
    let mut known: Vec<&str> = GRAMMERS_DIFFERENCES.iter().map(|(name, _)| *name).collect();
    known.sort_unstable();
    assert_eq!(
        disagreeing,
        known,
        "disagreements with grammers other than the documented ones:\n{}",
        failures
            .iter()
            .take(20)
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Where grammers-tl-types 0.11 and we differ, and why; each was checked by hand
/// against the bytes in the failure message.
pub const GRAMMERS_DIFFERENCES: &[(&str, &str)] = &[
    // grammers drops a `flags:#` word that no field refers to (it decodes it as
    // `_flags` and writes `0u32` back), so a non-zero value does not survive its
    // round trip; we keep the word as a field (`flags: u32`) and write it back as
    // received. Lossy on grammers' side; the wire format allows any value.
    (
        "exportedChatlistInvite",
        "unused flags word written as 0 by grammers",
    ),
    (
        "chatlists.exportedChatlistInvite",
        "contains exportedChatlistInvite",
    ),
    (
        "chatlists.exportedInvites",
        "contains exportedChatlistInvite",
    ),
    (
        "buttonTypeRequestPeer",
        "unused flags word written as 0 by grammers",
    ),
    ("keyboardButton", "can contain buttonTypeRequestPeer"),
    ("keyboardButtonRow", "can contain buttonTypeRequestPeer"),
    // `stories.allStoriesNotModified` has such a word too, but its samples
    // draw 0 for it (an edge value), which both sides write alike.
    // `tlsBlockString data:bytes = TlsBlock` (grammers/mtproto.tl, no `#id`):
    // we compute 0x4218a164 by the Telegram rule (bytes → string), which is the
    // CRC32 of tdesktop's own line `tlsBlockString data:string = TlsBlock`;
    // grammers uses 0xb2b51dca. The TLS block schema describes tdesktop's fake
    // ClientHello and is never sent as boxed TL, so neither id reaches the wire.
    (
        "tlsBlockString",
        "constructor id computed differently for a definition without #id",
    ),
];
