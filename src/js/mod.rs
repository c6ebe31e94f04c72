//! The JavaScript boundary: the pure functions ([`api`]) and, with feature `view`, the
//! widget's `mount` and its options ([`mount`]).

pub mod api;
pub mod options;
#[cfg(feature = "view")]
pub mod mount;
