//! The chart's drawing helpers (`src/chart/draw.rs`), part of the pure core, checked
//! against the real data (its own unit tests run with the library's).

use sundhedsklynger::chart::draw::{overview, Placed, OVERVIEW_MIN_NODES};
use sundhedsklynger::chart::{set_all, Chart};
use sundhedsklynger::chart::layout::Orientation;

/// The promise behind `OVERVIEW_MIN_NODES`: the real data never reach the overview, even
/// with every body of the largest region open and the whole region in the window.
#[test]
fn default_data_never_reaches_the_overview() {
    let report = sundhedsklynger::check(sundhedsklynger::DEFAULT_DATA_JSON, &Default::default());
    let profile = sundhedsklynger::rules::resolve_profile(&report.dataset, &Default::default()).0;
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
