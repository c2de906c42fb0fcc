//! Schema-conformance suite: every real schema of the corpus in
//! `../../shared/schemas` parses, its ids verify, its generated code
//! round-trips every constructor and function, survives hostile bytes, agrees
//! with grammers-tl-types and with neighbouring layers, and `tl decode` reads
//! its sample values as the generated code does.
//!
//! The test binaries in `tests/` instantiate [`schema_suite!`] once per schema
//! file; this crate holds the checks they share. `TL_REPORT=1 cargo test -p
//! tl-conformance` rewrites `REPORT.md` from the run (see [`report`]).
//!
//! ```
//! let dir = tl_conformance::corpus::dir();
//! assert!(dir.join("telegram/api.tl").is_file());
//! ```
//!
//! # CI time
//!
//! `bash .ci/run` prints each phase's wall time at the end. Measured on a
//! clean clone on the 2-core CI-like machine (`git clone`, the corpus linked
//! beside it as `../shared`, then `CI=true bash .ci/run`), in seconds:
//!
//! | phase | before (9e6d8fb, busy machine) | after, run 1 (8a60674) | after, run 2 (8a60674) |
//! |---|---|---|---|
//! | fmt | 1 | 1 | 0 |
//! | clippy | 435 | 182 | 140 |
//! | build (`cargo test --workspace --no-run`) | 943 | 299 | 294 |
//! | test | 69 | 46 | 47 |
//! | no_std runtime | not checked | 1 | 0 |
//! | doc (`-D warnings`) | not checked | 24 | 24 |
//! | total | 1,448 | 553 | 505 |
//!
//! What changed: Telegram's layers are expanded once each (227 twice), in two
//! test binaries of about equal size that build on both cores
//! (`telegram_layers.rs`, `telegram_230.rs`); gotd's copy of layer 228 is
//! parsed and compared, not expanded; clippy skips the schema binaries and
//! the benches, whose generated code `tl-codegen/tests/expanded.rs` lints
//! through the golden files; CI builds carry no debug info. (Run 1's
//! clippy phase shared the machine with a 78 s `cargo clippy` of the
//! benches.)

pub mod alloc_count;
pub mod corpus;
pub mod decode;
pub mod differential;
pub mod enum_size;
pub mod evolution;
pub mod fuzz;
pub mod hostile;
pub mod ids;
pub mod layout;
pub mod report;
pub mod round_trip;

/// The offset of the first byte where `a` and `b` differ (or the shorter length).
pub fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    if a == b {
        return None;
    }
    Some(
        a.iter()
            .zip(b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len())),
    )
}

/// `Debug` text cut to a length that keeps a failure message readable.
pub fn short_debug(value: &impl std::fmt::Debug) -> String {
    let text = format!("{value:?}");
    if text.len() <= 1500 {
        return text;
    }
    let mut end = 1500;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} chars)", &text[..end], text.len())
}

/// Lower-case hex of `bytes`, for failure messages.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stable 64-bit seed from a name (FNV-1a), so each type gets its own values.
pub fn seed_of(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One schema's generated module under test, with its corpus checks:
///
/// ```text
/// tl_conformance::schema_suite! {
///     api_160 = "../../shared/schemas/telegram/layers/api-160.tl",
/// }
/// ```
///
/// expands to `mod api_160 { tl!{…} }` plus four tests: the file parses and
/// its ids verify except exactly the known deviations it holds,
/// [`tl_corpus::id_exceptions`]; every constructor and function
/// round-trips; hostile bytes never panic or over-allocate; every enum is at
/// most [`tl_corpus::ENUM_SIZE_BOUND`] bytes. `api_160::layer()` describes
/// the module for [`evolution::Evolution`]. The path must be
/// spelled from the crate root (`tl!` resolves it against
/// `CARGO_MANIFEST_DIR`); the report names the schema by the part after
/// `schemas/`. `schema_suite! { api_227 = "…", layer_only }` expands to the
/// module and `layer()` only, for a binary that compares the layer with a
/// neighbour while another binary runs its suite.
#[macro_export]
macro_rules! schema_suite {
    ($module:ident = $path:literal $(,)?) => {
        $crate::schema_suite!(@module $module = $path, {
            mod conformance {
                const PATH: &str = $path;

                #[test]
                fn parses_and_ids_verify() {
                    $crate::ids::check_file(PATH);
                }

                #[test]
                fn every_constructor_and_function_round_trips() {
                    let mut v = $crate::round_trip::RoundTrip::new(PATH);
                    super::visit_samples(&mut v);
                    v.finish();
                }

                #[test]
                fn hostile_bytes_never_panic_or_over_allocate() {
                    let mut v = $crate::hostile::Hostile::new(PATH);
                    super::visit_samples(&mut v);
                    v.finish();
                }

                #[test]
                fn every_enum_is_at_most_the_promised_size() {
                    let mut v = $crate::enum_size::EnumSizes::new(PATH);
                    super::visit_samples(&mut v);
                    v.finish();
                }
            }
        });
    };
    // The module and `layer()` without the tests: for a binary that compares
    // this schema with a neighbour, when another binary runs its suite.
    ($module:ident = $path:literal, layer_only $(,)?) => {
        $crate::schema_suite!(@module $module = $path, {});
    };
    (@module $module:ident = $path:literal, { $($tests:tt)* }) => {
        mod $module {
            // Every id deviation is let through here so that the module
            // builds; `parses_and_ids_verify` then requires the deviations to
            // be exactly the documented ones.
            ::tl_runtime::tl! {
                include = $path,
                allow_id_mismatch = ["*"],
                samples = true,
            }

            /// This module, for comparing layers.
            // Only the binaries that compare layers call it.
            #[allow(dead_code)]
            pub fn layer() -> $crate::evolution::Layer {
                $crate::evolution::Layer {
                    name: stringify!($module),
                    path: $path,
                    reencode,
                    name_for_id,
                }
            }

            $($tests)*
        }
    };
}
