//! Tidy-tree layout for org charts: the `sundhedsklynger-layout` crate (crates/layout).
//!
//! It is a crate of its own so that the release build can compile it for speed
//! (`opt-level = 3`) while the rest of the wasm is compiled for size: at `opt-level = "z"`
//! not even slice indexing is inlined in its hot loops, and it ran 2–3× slower.
pub use sundhedsklynger_layout::*;
