//! The org chart without the browser: the tree of nodes and its navigation ([`tree`]), the
//! tidy-tree layout ([`layout`]) and the drawing's geometry, text and SVG ([`draw`]).

pub mod draw;
pub mod layout;
pub mod tree;
pub mod viewport;

pub use tree::*;
