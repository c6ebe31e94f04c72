#![cfg(not(target_arch = "wasm32"))]
//! Funnel plots: which areas are plotted, their limits and classification, the geometry.

use sundhedsklynger::figures::funnel::{funnel, layout, measure_of, ticks, Frame, Measure};
use sundhedsklynger::figures::key_figures::{key_figures, AreaLevel, FigureStatus, KeyFigureOptions, NATION};
use sundhedsklynger::figures::stats::{poisson_limits, proportion_limits, Outlier};
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::{check, Options};

fn demo() -> sundhedsklynger::figures::key_figures::KeyFigures {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/demo.json")).unwrap();
    let r = check(&text, &Options::default());
    let profile = builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").unwrap();
    key_figures(&r.dataset, profile, &KeyFigureOptions::default())
}

const FRAME: Frame = Frame { width: 400.0, height: 300.0, left: 48.0, right: 12.0, top: 12.0, bottom: 40.0 };

#[test]
fn every_municipality_is_plotted_or_left_out_with_its_reason() {
    let kf = demo();
    assert!(!kf.indicators.is_empty());
    for ind in &kf.indicators {
        let period = ind.periods.last().unwrap();
        let f = funnel(ind, AreaLevel::Municipality, period, |_| true, (AreaLevel::Nation, NATION)).unwrap();
        let municipalities = ind.figures.iter().filter(|x| x.level == AreaLevel::Municipality && &x.period == period).count();
        assert_eq!(f.points.len() + f.left_out.len(), municipalities, "{}", ind.id);
        assert!(f.points.len() > 50, "{}: {}", ind.id, f.points.len());
        assert!(f.left_out.iter().all(|l| l.status != FigureStatus::Ok), "{:?}", f.left_out);
        let nation = ind.figures.iter().find(|x| x.level == AreaLevel::Nation && &x.period == period).unwrap();
        match measure_of(ind) {
            Measure::Ratio => assert_eq!(f.target, 100.0, "the nation against itself"),
            _ => assert_eq!(Some(f.target), nation.value),
        }
        for p in &f.points {
            let (a, b) = match f.measure {
                Measure::Proportion => (proportion_limits(p.x, f.target / 100.0, 0.95).unwrap().scale(100.0), proportion_limits(p.x, f.target / 100.0, 0.998).unwrap().scale(100.0)),
                _ => (
                    poisson_limits(p.x, f.target / f.multiplier, 0.95).unwrap().scale(f.multiplier),
                    poisson_limits(p.x, f.target / f.multiplier, 0.998).unwrap().scale(f.multiplier),
                ),
            };
            assert_eq!((p.limits95, p.limits998), (a, b));
            assert_eq!(p.outlier, Outlier::classify(p.y, a, b));
            assert!(b.lower <= a.lower && a.upper <= b.upper);
        }
        // Sorted by size; the geometry keeps every point inside the frame.
        assert!(f.points.windows(2).all(|w| w[0].x <= w[1].x));
        let g = layout(&f, FRAME);
        assert_eq!(g.points.len(), f.points.len());
        for (x, y) in &g.points {
            assert!((FRAME.left..=FRAME.width - FRAME.right).contains(x) && (FRAME.top..=FRAME.height - FRAME.bottom).contains(y), "({x}, {y})");
        }
        assert!(g.limit_paths.iter().all(|d| d.starts_with('M')), "{:?}", g.limit_paths);
        assert!(g.x_ticks.first().unwrap().1 == 0.0 && g.y_ticks.first().unwrap().1 == 0.0);
    }
}

#[test]
fn the_standardised_indicator_plots_its_smr_against_expected_events() {
    let kf = demo();
    let ind = kf.indicators.iter().find(|i| i.standardised).unwrap();
    let period = ind.periods.last().unwrap();
    let f = funnel(ind, AreaLevel::Cluster, period, |_| true, (AreaLevel::Nation, NATION)).unwrap();
    assert_eq!(f.measure, Measure::Ratio);
    for p in &f.points {
        let fig = ind.figures.iter().find(|x| x.level == AreaLevel::Cluster && x.area == p.area && &x.period == period).unwrap();
        let s = fig.indirect.as_ref().unwrap();
        assert_eq!((p.x, p.y), (s.expected.unwrap(), s.ratio.unwrap() * 100.0));
    }
    // Around a region instead: its own SMR is the target, only its clusters are shown.
    let region = ind.figures.iter().find(|x| x.level == AreaLevel::Region && &x.period == period).unwrap();
    let clusters_of_region = |x: &sundhedsklynger::figures::key_figures::Figure| x.region.as_ref().is_some_and(|c| c.area == region.area);
    let r = funnel(ind, AreaLevel::Cluster, period, clusters_of_region, (AreaLevel::Region, &region.area)).unwrap();
    assert!((r.target - region.indirect.as_ref().unwrap().ratio.unwrap() * 100.0).abs() < 1e-9);
    assert!(!r.points.is_empty() && r.points.len() < f.points.len());
}

#[test]
fn an_area_far_from_the_target_is_named_outside() {
    // Three areas of 10,000 against a pooled 2 %: one at 2 %, one at 3 % (far above), one at 1.9 %.
    let kf = demo();
    let mut ind = kf.indicators.iter().find(|i| !i.standardised && i.kind == sundhedsklynger::model::indicator::IndicatorKind::Rate).unwrap().clone();
    let period = ind.periods.last().unwrap().clone();
    let mut kept = 0;
    ind.figures.retain(|f| {
        let keep = f.period == period && (f.level == AreaLevel::Nation || (f.level == AreaLevel::Municipality && kept < 3));
        kept += (keep && f.level == AreaLevel::Municipality) as usize;
        keep
    });
    let m = ind.multiplier;
    let mut it = ind.figures.iter_mut().filter(|f| f.level == AreaLevel::Municipality);
    for (f, rate) in it.by_ref().zip([0.02, 0.03, 0.019]) {
        (f.status, f.value, f.denominator) = (FigureStatus::Ok, Some(rate * m), 10_000.0);
    }
    let nation = ind.figures.iter_mut().find(|f| f.level == AreaLevel::Nation).unwrap();
    nation.value = Some(0.02 * m);
    let f = funnel(&ind, AreaLevel::Municipality, &period, |_| true, (AreaLevel::Nation, NATION)).unwrap();
    let outside: Vec<(f64, Outlier)> = f.outside().map(|p| (p.y / m, p.outlier)).collect();
    assert_eq!(outside, vec![(0.03, Outlier::High998)]);
}

#[test]
fn ticks_are_round_and_cover_the_range() {
    let (t, step) = ticks(0.0, 87.0);
    assert_eq!(step, 20.0);
    assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    let (t, step) = ticks(0.0, 0.37);
    assert!((step - 0.1).abs() < 1e-12 && t.len() == 5, "{t:?}");
}
