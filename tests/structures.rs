#![cfg(not(target_arch = "wasm32"))]
//! The key figures in the 2027 structure, and one figure across the two structures.

use sundhedsklynger::figures::key_figures::{key_figures, AreaLevel, FigureStatus, KeyFigureOptions};
use sundhedsklynger::figures::structures::{compare_structures, with_counts_of};
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::{check, Options, DATASETS};

fn read(text: &str) -> sundhedsklynger::Report {
    check(text, &Options::default())
}

fn demo() -> sundhedsklynger::Report {
    read(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/demo.json")).unwrap())
}

fn builtin(id: &str) -> sundhedsklynger::Report {
    read(DATASETS.iter().find(|(k, _)| *k == id).unwrap().1)
}

#[test]
fn every_council_of_2027_has_figures_and_its_council_named() {
    let demo = demo();
    let councils = builtin("sundhedsraad-2027");
    let data = with_counts_of(&councils.dataset, &demo.dataset);
    let profile = sundhedsklynger::rules::resolve_profile(&data, &Options::default()).0;
    let kf = key_figures(&data, &profile, &KeyFigureOptions::default());
    assert_eq!(kf.indicators.len(), demo.dataset.indicators.len());
    for ind in &kf.indicators {
        let period = ind.periods.last().unwrap();
        for area in &data.areas {
            let f = ind.figures.iter().find(|f| f.level == AreaLevel::Cluster && f.area == area.id && &f.period == period).unwrap();
            assert_eq!(f.status, FigureStatus::Ok, "{} {}", ind.id, area.id);
            let body = f.responsible.as_ref().unwrap();
            assert!(body.body.as_deref().unwrap().starts_with(&format!("{}/", area.id)), "{body:?}");
            assert!(body.name.da.to_lowercase().contains("sundhedsråd"), "{body:?}");
        }
        // The same counts: the nation's figure is the same in both structures.
        let in_2022 = key_figures(&demo.dataset, builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").unwrap(), &KeyFigureOptions::default());
        let nation = |k: &sundhedsklynger::figures::key_figures::KeyFigures| {
            k.indicators.iter().find(|i| i.id == ind.id).unwrap().figures.iter().find(|f| f.level == AreaLevel::Nation && &f.period == period).unwrap().value
        };
        assert_eq!(nation(&kf), nation(&in_2022));
    }
}

#[test]
fn one_figure_in_both_structures_per_municipality() {
    let demo = demo();
    let councils = builtin("sundhedsraad-2027");
    let ind = &demo.dataset.indicators[0];
    let period = "2023";
    let c = compare_structures(&demo.dataset, &councils.dataset, &ind.id, period, &KeyFigureOptions::default()).unwrap();
    assert_eq!(c.rows.len(), demo.dataset.municipalities.len());
    for row in &c.rows {
        assert!(!row.to.is_empty(), "{} has a council", row.name);
        for a in &row.to {
            let council = councils.dataset.area(&a.area).unwrap();
            assert!(council.members.iter().any(|m| m.municipality == row.code));
            let f = a.figure.as_ref().unwrap();
            // The council's figure sums its members' counts: its numerator is the members' sum.
            let sum: f64 = demo
                .dataset
                .values
                .iter()
                .filter(|v| v.indicator == ind.id && v.period == period && council.members.iter().any(|m| m.municipality == v.municipality))
                .map(|v| v.numerator.iter().sum::<f64>())
                .sum();
            if council.members.iter().all(|m| m.share.is_none()) {
                assert!((f.numerator - sum).abs() < 1e-9, "{}: {} vs {sum}", a.area, f.numerator);
            }
        }
        for a in &row.from {
            assert!(demo.dataset.area(&a.area).is_some());
        }
    }
    // The structures differ: some municipality's area value changes.
    assert!(c.changed().count() > 0);
    assert!(compare_structures(&demo.dataset, &councils.dataset, "no-such", period, &KeyFigureOptions::default()).is_none());
}
