//! The Yew widget: an org chart of one region's SSU and health clusters, with the
//! validation findings, in Danish and English.
//!
//! Architecture as in Yew's `function_todomvc`: [`state`] holds the widget's state and
//! its reducer; `components` are thin views of it; `crate::js::mount` is the JavaScript
//! entry. All logic about the data lives in the pure core (`bodies`, `rules`, `chart`, …).

pub(crate) mod components;
pub(crate) mod export;
mod format;
mod i18n;
pub(crate) mod loader;
pub mod state;
pub(crate) mod style;
/// Public for the browser tests of its yields.
#[doc(hidden)]
pub mod task;
mod timing;

pub use components::app::{App, AppProps};
pub use components::chart::{first_state, ChartProps, ChartView};

/// The text of the last SVG or PNG export made with the chart's buttons (for tests and
/// hosts that want the file's text rather than a download).
pub fn last_export() -> Option<String> {
    components::chart::LAST_EXPORT.with(|last| last.borrow().clone())
}
