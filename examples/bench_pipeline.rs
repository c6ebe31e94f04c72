//! Where the widget's first render goes, natively, stage by stage, on one data file:
//! read + validate, key figures, the chart of the first region, its layout.
//! `cargo run --release --example bench_pipeline <data.json>` (e.g. one of `make bench`'s
//! generated data sets); median of 5 runs per stage.
use std::time::Instant;

use sundhedsklynger::chart::{set_all, Chart};
use sundhedsklynger::figures::key_figures::{key_figures, KeyFigureOptions};
use sundhedsklynger::chart::layout::{layout, LayoutOptions};
use sundhedsklynger::rules::{resolve_profile, Options};

fn median_ms<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(std::hint::black_box(f()));
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    (times[2], out.expect("ran"))
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_pipeline <data.json>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = Options::default();
    let (read_ms, outcome) = median_ms(|| sundhedsklynger::read::read_str(&text));
    let (check_ms, report) = median_ms(|| sundhedsklynger::check(&text, &options));
    let (profile, _) = resolve_profile(&report.dataset, &options);
    let (kf_ms, _) = median_ms(|| key_figures(&report.dataset, &profile, &KeyFigureOptions::default()));
    let region = report.dataset.regions.first().map(|r| r.id.as_str()).unwrap_or_default();
    let (chart_ms, chart) = median_ms(|| Chart::build(&report.dataset, &profile, &[region]));
    let view = chart.initial_state();
    let visible = |view: &sundhedsklynger::chart::ViewState| {
        let order = chart.visible(view);
        let mut slot = vec![usize::MAX; chart.nodes.len()];
        for (i, &v) in order.iter().enumerate() {
            slot[v] = i;
        }
        let parent: Vec<Option<usize>> = order.iter().map(|&v| chart.nodes[v].parent.map(|p| slot[p])).collect();
        let n = parent.len();
        layout(&parent, &vec![200.0; n], &vec![60.0; n], &LayoutOptions::default()).map(|l| l.x.len()).unwrap_or(0)
    };
    let (first_ms, shown_first) = median_ms(|| visible(&view));
    let mut all = view.clone();
    set_all(&chart, &mut all, true);
    let (all_ms, shown_all) = median_ms(|| visible(&all));
    println!("{path}: {} bytes, {} findings, {} chart nodes", text.len(), report.findings.len(), chart.nodes.len());
    println!("  read                  {read_ms:8.2} ms ({} reading findings)", outcome.findings.len());
    println!("  read + validate       {check_ms:8.2} ms");
    println!("  key figures           {kf_ms:8.2} ms");
    println!("  chart of {region:<12} {chart_ms:8.2} ms");
    println!("  visible + layout      {first_ms:8.2} ms ({shown_first} nodes shown at first)");
    println!("  all expanded + layout {all_ms:8.2} ms ({shown_all} nodes)");
}
