//! The whole pipeline the widget runs on a data set, as pure functions: read and validate
//! (`check`), key figures (as the wasm `keyFigures` entry computes them), the org chart of
//! every region and of all regions, fully expanded, laid out as the widget lays it out,
//! plus search and the keyboard model. Shared by tests/corpus.rs and the fuzz targets
//! (fuzz/fuzz_targets/*.rs include this file).

use sundhedsklynger::chart::{navigate, set_all, Chart, TreeKey};
use sundhedsklynger::figures::key_figures::{key_figures, KeyFigureOptions, KeyFigures};
use sundhedsklynger::chart::layout::{layout, LayoutOptions, Orientation};
use sundhedsklynger::rules::resolve_profile;
use sundhedsklynger::{check, Lang, Options, Report};

/// What one run produced, for the assertions.
#[allow(dead_code)]
pub struct Outcome {
    pub report: Report,
    pub figures: KeyFigures,
    /// Findings and key figures as the JS boundary serialises them.
    pub json_bytes: usize,
    /// Nodes of the chart of all regions.
    pub chart_nodes: usize,
    /// Nodes laid out (all regions, all expanded).
    pub laid_out: usize,
}

/// Box height of a node kind, as `src/chart/draw.rs` gives it (the widget module is
/// wasm-only, so the sizes are repeated here; the layout only needs finite sizes ≥ 0).
fn node_height(kind: sundhedsklynger::chart::NodeKind) -> f64 {
    use sundhedsklynger::chart::NodeKind;
    match kind {
        NodeKind::Region | NodeKind::Body => 52.0,
        NodeKind::Area => 68.0,
        NodeKind::Seat => 84.0,
    }
}

/// Lays out the visible nodes of a chart (every node expanded), both orientations.
fn lay_out(chart: &Chart) -> usize {
    let mut state = chart.initial_state();
    set_all(chart, &mut state, true);
    let order = chart.visible(&state);
    let mut slot = vec![usize::MAX; chart.nodes.len()];
    for (i, &v) in order.iter().enumerate() {
        slot[v] = i;
    }
    let parent: Vec<Option<usize>> = order.iter().map(|&v| chart.nodes[v].parent.map(|p| slot[p])).collect();
    let width = vec![208.0; order.len()];
    let height: Vec<f64> = order.iter().map(|&v| node_height(chart.nodes[v].kind)).collect();
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        let options = LayoutOptions { orientation, ..LayoutOptions::default() };
        let l = layout(&parent, &width, &height, &options).expect("the chart is a forest with finite sizes");
        assert!(l.total_width.is_finite() && l.total_height.is_finite(), "layout size is finite");
        assert!(l.x.iter().chain(&l.y).all(|c| c.is_finite()), "every position is finite");
    }
    // The keyboard model and search walk the same tree.
    if let Some(&first) = order.first() {
        let mut focus = first;
        for key in [TreeKey::End, TreeKey::Home, TreeKey::Down, TreeKey::Right, TreeKey::Right, TreeKey::Down, TreeKey::Left, TreeKey::Up, TreeKey::ExpandSiblings, TreeKey::Char('k')] {
            focus = navigate(chart, &mut state, focus, key, Lang::Da);
            assert!(focus < chart.nodes.len());
        }
        let _ = chart.path_label(focus, Lang::En);
        let _ = chart.other_seats_description(focus, Lang::Da);
    }
    let _ = chart.search("klynge <script>");
    order.len()
}

/// Runs the whole pipeline on JSON text.
#[allow(dead_code)]
pub fn run(text: &str) -> Outcome {
    let options = Options::default();
    let report = check(text, &options);
    let (profile, _) = resolve_profile(&report.dataset, &options);
    let figures = key_figures(&report.dataset, &profile, &KeyFigureOptions::default());
    let json_bytes = serde_json::to_string(&report.findings).map(|s| s.len()).unwrap_or(0)
        + serde_json::to_string(&figures).map(|s| s.len()).unwrap_or(0);
    for region in &report.dataset.regions {
        let chart = Chart::build(&report.dataset, &profile, &[region.id.as_str()]);
        lay_out(&chart);
    }
    let chart = Chart::build(&report.dataset, &profile, &[]);
    let laid_out = lay_out(&chart);
    Outcome { report, figures, json_bytes, chart_nodes: chart.nodes.len(), laid_out }
}
