//! A schema expanded through `tl_example_reexport_lib::tl`, the runtime as
//! a library re-exports it. This crate does not depend on `tl-runtime`, so
//! the generated code builds only if every path in it goes through
//! `crate = "…"`: the types, the codecs, the sample values, and serde's
//! `with = "…"` helpers for byte strings.

/// The project's feature schema and its seed, with every kind of generated item.
pub mod api {
    tl_example_reexport_lib::tl::tl! {
        include = ["../../schema/seed-deps.tl", "../../schema/seed.tl"],
        crate = "::tl_example_reexport_lib::tl",
        derive = [Eq, Hash, serde::Serialize, serde::Deserialize],
        non_exhaustive = true,
        samples = true,
    }
}

/// The feature schema on its own.
pub mod features {
    tl_example_reexport_lib::tl::tl! {
        include = "../../schema/features.tl",
        crate = "::tl_example_reexport_lib::tl",
        derive = [serde::Serialize],
        samples = true,
    }
}
