//! The widget's components. Each is a thin view of the state in `super::state`.

pub mod app;
mod body;
pub mod chart;
mod chart_node;
mod chart_toolbar;
mod cluster;
mod comparison;
mod dataset_switch;
mod detail_panel;
mod figure_panel;
mod findings;
mod governance_figures;
mod keyfigures;
mod lang_switch;
mod region_switcher;
mod seat;
mod sources;
mod ssu;
mod tasks;
mod transition;
mod funnel;
mod inequality;
mod trends;
mod structures;
mod figure_controls;
