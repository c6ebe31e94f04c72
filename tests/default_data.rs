//! The embedded default data: the real cluster list, carried over faithfully.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use sundhedsklynger::model::Status;
use sundhedsklynger::{check, default_data, Options, Severity, DEFAULT_DATA_JSON};

#[test]
fn counts() {
    let d = default_data();
    assert_eq!(d.regions.len(), 5);
    assert_eq!(d.areas.len(), 22);
    assert_eq!(d.municipalities.len(), 98);
    let per_region: BTreeMap<&str, usize> = d.regions.iter().map(|r| (r.id.as_str(), d.areas_of(&r.id).count())).collect();
    // Danske Regioner: Hovedstaden 5, Midtjylland 5, Nordjylland 4, Syddanmark 4, Sjælland 4.
    assert_eq!(per_region["RH"], 5);
    assert_eq!(per_region["RM"], 5);
    assert_eq!(per_region["RN"], 4);
    assert_eq!(per_region["RSJ"], 4);
    assert_eq!(per_region["RSD"], 4);
}

#[test]
fn validation_matches_the_done_criteria() {
    let r = check(DEFAULT_DATA_JSON, &Options::default());
    let errors: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let unplaced: BTreeSet<String> = r
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "municipality-unplaced")
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            let i: usize = f.path.trim_start_matches("/municipalities/").parse().unwrap();
            r.dataset.municipalities[i].name.clone()
        })
        .collect();
    let expected: BTreeSet<String> = ["Faxe", "Lejre", "Næstved", "Billund", "Middelfart", "Vejen"].map(String::from).into();
    assert_eq!(unplaced, expected);

    let split: Vec<_> = r.findings.iter().filter(|f| f.code.as_str() == "split-share-unknown").collect();
    assert_eq!(split.len(), 1);
    assert_eq!(split[0].severity, Severity::Warning);
    let kbh = r.dataset.municipalities.iter().position(|m| m.code == "101").unwrap();
    assert_eq!(split[0].path, format!("/municipalities/{kbh}"));

    let warnings = r.findings.iter().filter(|f| f.severity == Severity::Warning).count();
    assert_eq!(warnings, 7, "six unplaced and one split");

    let unverified: BTreeSet<&str> =
        r.dataset.areas.iter().filter(|c| c.status == Status::Unverified).map(|c| c.id.as_str()).collect();
    assert!(!unverified.is_empty());
    for (i, c) in r.dataset.areas.iter().enumerate() {
        let has_info = r.findings.iter().any(|f| f.code.as_str() == "unverified-cluster" && f.path == format!("/clusters/{i}"));
        assert_eq!(has_info, unverified.contains(c.id.as_str()), "{}", c.id);
    }
}

/// The reference list beside the project (`../shared/reference/clusters.json`) and the
/// embedded data agree on every cluster's members, status and sources.
#[test]
fn agrees_with_the_reference_list() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/clusters.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        // Only a checkout without shared/ beside it lacks the file; CI has it.
        assert!(std::env::var("CI").is_err(), "CI must have ../shared/reference/clusters.json");
        eprintln!("skipped: {path} not found");
        return;
    };
    let reference: Value = serde_json::from_str(&text).unwrap();
    let d = default_data();
    let clusters = reference["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), d.areas.len());
    for rc in clusters {
        let id = rc["id"].as_str().unwrap();
        let c = d.area(id).unwrap_or_else(|| panic!("cluster {id} missing"));
        let members: BTreeSet<&str> = rc["municipalities"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
        let ours: BTreeSet<&str> = c.members.iter().map(|m| m.municipality.as_str()).collect();
        assert_eq!(members, ours, "{id}");
        assert_eq!(serde_json::to_value(c.status).unwrap(), rc["status"], "{id}");
        assert_eq!(serde_json::to_value(c.name_status).unwrap(), rc["name_status"], "{id}");
        let sources: Vec<&str> = rc["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        assert_eq!(sources, c.sources, "{id}");
        let candidates: BTreeSet<&str> = rc["ambiguous_unplaced"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
        assert_eq!(candidates, c.candidates.iter().map(String::as_str).collect(), "{id}");
        let region = d.region(&c.region).unwrap();
        assert_eq!(region.name, rc["region"].as_str().unwrap(), "{id}");
    }
    let names: BTreeMap<&str, &str> = reference["municipalities"].as_array().unwrap().iter().map(|m| (m["code"].as_str().unwrap(), m["name"].as_str().unwrap())).collect();
    for m in &d.municipalities {
        assert_eq!(names.get(m.code.as_str()), Some(&m.name.as_str()), "{}", m.code);
    }
}

#[test]
fn no_invented_people_or_numbers() {
    let d = default_data();
    assert!(d.persons.is_empty());
    assert!(d.seats.is_empty());
    assert!(d.municipalities.iter().all(|m| m.population.is_none()), "no population without a source");
}

/// The demo's key-figure data are synthetic and say so; the structure is the default data.
#[test]
fn demo_data_is_labelled_synthetic_and_valid() {
    let text = include_str!("../www/data/demo.json");
    let r = check(text, &Options::default());
    assert!(!r.has_errors(), "{:#?}", r.findings.iter().filter(|f| f.severity == Severity::Error).collect::<Vec<_>>());
    assert!(!r.dataset.indicators.is_empty());
    for ind in &r.dataset.indicators {
        assert!(ind.synthetic, "{} must be marked synthetic", ind.id);
        assert!(ind.name.da.contains("eksempeldata") && ind.name.en.contains("example data"));
    }
    assert_eq!(r.dataset.areas, default_data().areas);
    assert_eq!(r.dataset.municipalities, default_data().municipalities, "no population is added");
    let synthetic = r.findings.iter().filter(|f| f.code.as_str() == "synthetic-data").count();
    assert_eq!(synthetic, r.dataset.indicators.len());
}
