//! Key figures: the statistics ([`stats`]) and the figures per area and body computed from
//! a data set ([`key_figures`]).

pub mod funnel;
pub mod key_figures;
pub mod structures;
pub mod stats;
