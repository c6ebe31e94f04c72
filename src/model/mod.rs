//! The governance model and its JSON format: the data set's types ([`dataset`]), what a
//! seat is ([`roles`]), rule profiles as data ([`profile`]), key-figure definitions and
//! counts ([`indicator`]), standard populations ([`standard`]) and bilingual text ([`text`]).
//!
//! Modules depend one way: `text` ← `roles` ← `profile`, `standard` ← `indicator` ← `dataset`.

pub mod dataset;
pub mod indicator;
pub mod profile;
pub mod roles;
pub mod standard;
pub mod text;

pub use dataset::*;
pub use roles::*;
