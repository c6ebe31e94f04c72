//! The widget's components. Each is a thin view of the state in `super::state`.

pub mod app;
mod body;
mod cluster;
mod findings;
mod lang_switch;
mod region_switcher;
mod seat;
mod sources;
mod ssu;
