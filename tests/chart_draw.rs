//! The chart's drawing helpers (`src/web/chart_draw.rs`) natively: the module is wasm-only
//! in the library (it lives under `web`), but it uses nothing of the browser, so this test
//! crate compiles the same file against the library's core modules and runs its unit tests
//! (the `tests` module at its end) as well as the checks below.
#![allow(dead_code)]

// `crate::chart`, `crate::labels`, … in the included file resolve to the library's modules.
pub use sundhedsklynger::{chart, labels, layout, model, profile, text};
pub use sundhedsklynger::default_data;
#[path = "../src/web/chart_draw.rs"]
mod chart_draw;

use chart_draw::{overview, Placed, OVERVIEW_MIN_NODES};
use sundhedsklynger::chart::{set_all, Chart};
use sundhedsklynger::layout::Orientation;

/// The promise behind `OVERVIEW_MIN_NODES`: the real data never reach the overview, even
/// with every body of the largest region open and the whole region in the window.
#[test]
fn default_data_never_reaches_the_overview() {
    let report = sundhedsklynger::check(sundhedsklynger::DEFAULT_DATA_JSON, &Default::default());
    let profile = sundhedsklynger::validate::resolve_profile(&report.dataset, &Default::default()).0;
    let mut largest = 0;
    for region in &report.dataset.regions {
        let chart = Chart::build(&report.dataset, &profile, &[region.id.as_str()]);
        let mut view = chart.initial_state();
        set_all(&chart, &mut view, true);
        let placed = Placed::new(&chart, &view, Orientation::TopDown);
        largest = largest.max(placed.order.len());
        assert!(!overview(0.01, placed.order.len(), false, true) && !overview(1.0, placed.order.len(), false, false), "region {} has {} boxes", region.id, placed.order.len());
    }
    eprintln!("largest region: {largest} boxes with every body open (OVERVIEW_MIN_NODES = {OVERVIEW_MIN_NODES})");
    assert!(largest > 50, "the default data have regions of {largest} boxes at most");
}
