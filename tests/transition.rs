//! The transition from the health clusters of 2022 to the sundhedsråd of 2027, on the real
//! data, on two tiny hand-made data sets, and on empty ones; the embedded data sets' infos.

use sundhedsklynger::model::Dataset;
use sundhedsklynger::transition::{transition, Change};
use sundhedsklynger::{dataset_in_force, dataset_infos, read::read_str};

fn klynger() -> Dataset {
    read_str(include_str!("../www/data/klynger-2022.json")).dataset
}

fn raad() -> Dataset {
    read_str(include_str!("../www/data/sundhedsraad-2027.json")).dataset
}

fn area_ids(p: &[sundhedsklynger::transition::Placement]) -> Vec<&str> {
    p.iter().map(|p| p.area.as_str()).collect()
}

#[test]
fn every_municipality_once_with_its_areas() {
    let t = transition(&klynger(), &raad());
    assert_eq!(t.municipalities.len(), 98);
    let codes: Vec<&str> = t.municipalities.iter().map(|m| m.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "sorted by code, each once");
    for m in &t.municipalities {
        assert!(!m.from_areas.is_empty(), "{} has no area in 2022", m.code);
        assert_eq!(m.to_areas.len(), 1, "{} is in one sundhedsråd", m.code);
        assert_ne!(m.change, Change::Unplaced);
    }
    assert_eq!(t.summary.municipalities_from, 98);
    assert_eq!(t.summary.municipalities_to, 98);
    assert_eq!(t.summary.areas_from, 22);
    assert_eq!(t.summary.areas_to, 17);
}

#[test]
fn koebenhavn_from_two_clusters_into_one_council() {
    let t = transition(&klynger(), &raad());
    let kbh = t.municipalities.iter().find(|m| m.code == "101").unwrap();
    let mut from = area_ids(&kbh.from_areas);
    from.sort();
    assert_eq!(from, ["RH-BYEN", "RH-SYD"]);
    assert_eq!(area_ids(&kbh.to_areas), ["OST-HOVEDSTADEN"]);
    assert_eq!(kbh.from_region.as_deref(), Some("RH"));
    assert_eq!(kbh.to_region.as_deref(), Some("OST"));
    assert_eq!(kbh.kept_together, ["147"]);
    assert_eq!(kbh.new_neighbours, ["400"]);
    assert_eq!(kbh.change, Change::SplitJoined);
    // Its share of each cluster is unknown: the flows it is in have no population.
    for f in t.flows.iter().filter(|f| f.municipalities.contains(&"101".to_string())) {
        assert_eq!(f.to, "OST-HOVEDSTADEN");
        assert_eq!(f.population, None);
    }
    let hovedstaden = t.areas.iter().find(|a| a.id == "OST-HOVEDSTADEN").unwrap();
    let mut preds: Vec<&str> = hovedstaden.predecessors.iter().map(|p| p.id.as_str()).collect();
    preds.sort();
    assert_eq!(preds, ["RH-BORNHOLM", "RH-BYEN", "RH-SYD"]);
    // In the sundhedsråd København is a whole member: its population is known there.
    assert!(hovedstaden.population_to.is_some());
}

#[test]
fn nordjylland_three_clusters_into_limfjorden() {
    let t = transition(&klynger(), &raad());
    let into: Vec<&str> = t.flows.iter().filter(|f| f.to == "RN-LIMFJORDEN").map(|f| f.from.as_str()).collect();
    assert_eq!(into, ["RN-MIDT", "RN-SYD", "RN-VEST"]);
    for from in ["RN-MIDT", "RN-SYD", "RN-VEST"] {
        let out: Vec<&str> = t.flows.iter().filter(|f| f.from == from).map(|f| f.to.as_str()).collect();
        assert_eq!(out, ["RN-LIMFJORDEN"], "{from} goes whole into Limfjorden");
    }
    let limfjorden = t.areas.iter().find(|a| a.id == "RN-LIMFJORDEN").unwrap();
    assert_eq!(limfjorden.predecessors.len(), 3);
    assert_eq!(limfjorden.predecessors.iter().map(|p| p.shared).sum::<u32>(), 7);
    // RN-NORD becomes Vendsyssel unchanged.
    let vendsyssel: Vec<&str> = t.flows.iter().filter(|f| f.to == "RN-VENDSYSSEL").map(|f| f.from.as_str()).collect();
    assert_eq!(vendsyssel, ["RN-NORD"]);
    let hjoerring = t.municipalities.iter().find(|m| m.code == "860").unwrap();
    assert_eq!(hjoerring.change, Change::Same);
}

#[test]
fn flows_add_up_to_the_memberships() {
    let (k, r) = (klynger(), raad());
    let t = transition(&k, &r);
    let flowing: usize = t.flows.iter().map(|f| f.municipalities.len()).sum();
    let pairs: usize = t.municipalities.iter().map(|m| m.from_areas.len() * m.to_areas.len()).sum();
    assert_eq!(flowing, pairs);
    // Every to-side membership is one, so the flows also count the 2022 memberships.
    let memberships_2022: usize = k.areas.iter().map(|a| a.members.len()).sum();
    assert_eq!(flowing, memberships_2022);
    assert_eq!(memberships_2022, 99, "98 municipalities, København twice");
}

#[test]
fn seats_to_agree_with_the_governance_figures() {
    let r = raad();
    let t = transition(&klynger(), &r);
    let (profile, _) = sundhedsklynger::rules::resolve_profile(&r, &Default::default());
    let g = sundhedsklynger::figures::key_figures::governance(&r, &profile);
    for a in &t.areas {
        let c = g.clusters.iter().find(|c| c.id == a.id).unwrap();
        assert_eq!(a.seats_to, c.municipal_seats, "{}", a.id);
        assert_eq!(a.population_to, c.population, "{}", a.id);
        assert_eq!(a.inhabitants_per_municipal_seat_to, c.inhabitants_per_municipal_seat, "{}", a.id);
    }
}

#[test]
fn real_numbers() {
    let t = transition(&klynger(), &raad());
    let s = &t.summary;
    println!("summary: {}", serde_json::to_string_pretty(s).unwrap());
    for a in &t.areas {
        println!(
            "{:28} members {:2} pop {:?} → {:?} seats {:3} → {:3} per seat {:?} → {:?} preds {:?}",
            a.id,
            a.members.len(),
            a.population_from,
            a.population_to,
            a.seats_from,
            a.seats_to,
            a.inhabitants_per_municipal_seat_from.map(f64::round),
            a.inhabitants_per_municipal_seat_to.map(f64::round),
            a.predecessors.iter().map(|p| (p.id.as_str(), p.shared)).collect::<Vec<_>>()
        );
    }
    assert_eq!(s.merged_areas, 4, "Limfjorden, Hovedstaden, Østsjælland og Øerne, Midt- og Vestsjælland");
    assert!(s.split_areas >= 1, "RH-SYD gives to two councils");
    assert_eq!(s.changes.values().sum::<u32>(), 98);
}

// ------------------------------------------------------------------ hand-made data sets

fn tiny(areas: &str) -> Dataset {
    let text = format!(
        r#"{{"format":"sundhedsklynger/2","as_of":"2026-01-01","regions":[{{"id":"R","name":"Region"}}],
        "municipalities":[
          {{"code":"001","name":"A","region":"R","population":{{"value":100,"date":"2026-01-01","source":"https://x.invalid"}}}},
          {{"code":"002","name":"B","region":"R","population":{{"value":200,"date":"2026-01-01","source":"https://x.invalid"}}}},
          {{"code":"003","name":"C","region":"R","population":{{"value":300,"date":"2026-01-01","source":"https://x.invalid"}}}}
        ],
        "areas":[{areas}]}}"#
    );
    let outcome = read_str(&text);
    assert!(outcome.findings.iter().all(|f| f.severity != sundhedsklynger::Severity::Error), "{:?}", outcome.findings);
    outcome.dataset
}

fn area(id: &str, members: &[&str]) -> String {
    let m: Vec<String> = members.iter().map(|c| format!(r#"{{"municipality":"{c}"}}"#)).collect();
    format!(r#"{{"id":"{id}","region":"R","name":"{id}","acute_hospitals":[],"status":"confirmed","sources":[],"members":[{}]}}"#, m.join(","))
}

#[test]
fn a_merge_and_a_split_exactly() {
    // Before: X = {A, B}, Y = {C}. After: Z = {A, B, C} (a merge). And back (a split).
    let before = tiny(&[area("X", &["001", "002"]), area("Y", &["003"])].join(","));
    let after = tiny(&area("Z", &["001", "002", "003"]));

    let t = transition(&before, &after);
    let json = serde_json::to_value(&t).unwrap();
    let flows = serde_json::json!([
        { "from": "X", "to": "Z", "municipalities": ["001", "002"], "population": 300.0 },
        { "from": "Y", "to": "Z", "municipalities": ["003"], "population": 300.0 }
    ]);
    assert_eq!(json["flows"], flows);
    let a = &t.municipalities[0];
    assert_eq!((a.code.as_str(), a.change), ("001", Change::Merged));
    assert_eq!(a.kept_together, ["002"]);
    assert_eq!(a.new_neighbours, ["003"]);
    assert!(a.left_behind.is_empty());
    assert_eq!(t.municipalities[2].change, Change::Merged);
    assert_eq!(
        json["municipalities"][2],
        serde_json::json!({
            "code": "003", "name": "C",
            "from_areas": [{ "area": "Y" }], "to_areas": [{ "area": "Z" }],
            "from_region": "R", "to_region": "R", "change": "merged",
            "kept_together": [], "new_neighbours": ["001", "002"], "left_behind": [],
            "seats_from": 1, "seats_to": 1
        })
    );
    let z = &json["areas"][0];
    assert_eq!(z["members"], serde_json::json!(["001", "002", "003"]));
    assert_eq!(z["population_from"], 600.0);
    assert_eq!(z["population_to"], 600.0);
    // The default profile derives one municipal seat per member.
    assert_eq!((z["seats_from"].as_u64(), z["seats_to"].as_u64()), (Some(3), Some(3)));
    assert_eq!(z["inhabitants_per_municipal_seat_to"], 200.0);
    assert_eq!(z["predecessors"][0]["id"], "X");
    assert_eq!(z["predecessors"][0]["shared"], 2);
    assert_eq!(z["predecessors"][0]["population"], 300.0);
    assert_eq!(z["predecessors"][1]["population"], 300.0);
    let s = &t.summary;
    assert_eq!((s.merged_areas, s.split_areas, s.unchanged_areas, s.region_changed), (1, 0, 0, 0));
    assert_eq!(s.changes.get("merged"), Some(&3));

    let back = transition(&after, &before);
    assert_eq!(back.municipalities[0].change, Change::Split);
    assert_eq!(back.municipalities[0].left_behind, ["003"]);
    assert_eq!(back.municipalities[2].change, Change::Split);
    assert_eq!((back.summary.merged_areas, back.summary.split_areas), (0, 1));
    let to: Vec<&str> = back.flows.iter().map(|f| f.to.as_str()).collect();
    assert_eq!(to, ["X", "Y"]);

    // The same structure again: nothing changes, every area is unchanged.
    let same = transition(&before, &before);
    assert!(same.municipalities.iter().all(|m| m.change == Change::Same));
    assert_eq!(same.summary.unchanged_areas, 2);
}

#[test]
fn a_moved_municipality_and_one_known_on_one_side_only() {
    // Before: X = {A, B}. After: X = {A}, Y = {B, C}: B moved (nothing kept), C is new.
    let before = tiny(&area("X", &["001", "002"]));
    let after = tiny(&[area("X", &["001"]), area("Y", &["002", "003"])].join(","));
    let t = transition(&before, &after);
    let c: Vec<(&str, Change)> = t.municipalities.iter().map(|m| (m.code.as_str(), m.change)).collect();
    assert_eq!(c, [("001", Change::Split), ("002", Change::Moved), ("003", Change::Unplaced)]);
    assert!(t.municipalities[2].from_areas.is_empty());
}

#[test]
fn empty_and_odd_data_do_not_panic() {
    let empty = Dataset::empty();
    let t = transition(&empty, &empty);
    assert!(t.municipalities.is_empty() && t.areas.is_empty() && t.flows.is_empty());
    assert_eq!(t.summary.municipalities_from, 0);
    assert_eq!(t.summary.merged_areas, 0);

    let k = klynger();
    let t = transition(&empty, &k);
    assert_eq!(t.municipalities.len(), 98);
    assert!(t.municipalities.iter().all(|m| m.change == Change::Unplaced && m.from_areas.is_empty()));
    assert!(t.flows.is_empty());
    assert!(t.areas.iter().all(|a| a.population_from.is_none() && a.predecessors.is_empty()));
    let t = transition(&k, &empty);
    assert!(t.areas.is_empty());

    // Duplicate ids and a member listed twice.
    let dup = tiny(&[area("X", &["001", "001", "002"]), area("X", &["003"])].join(","));
    let t = transition(&dup, &dup);
    assert_eq!(t.municipalities.len(), 3);
    assert_eq!(t.flows.iter().map(|f| f.municipalities.len()).sum::<usize>(), 3);
}

// ------------------------------------------------------------------ embedded data sets

#[test]
fn dataset_in_force_by_date() {
    assert_eq!(dataset_in_force("2026-12-01"), Some("klynger-2022"));
    assert_eq!(dataset_in_force("2026-12-31"), Some("klynger-2022"));
    assert_eq!(dataset_in_force("2027-01-01"), Some("sundhedsraad-2027"));
    assert_eq!(dataset_in_force("2040-06-30"), Some("sundhedsraad-2027"));
    assert_eq!(dataset_in_force("2022-07-01"), Some("klynger-2022"));
    assert_eq!(dataset_in_force("2020-01-01"), Some("klynger-2022"));
    assert_eq!(dataset_in_force("2026-13-01"), None);
    assert_eq!(dataset_in_force("2027-02-29"), None);
    assert_eq!(dataset_in_force("2028-02-29"), Some("sundhedsraad-2027"));
    assert_eq!(dataset_in_force("2027-1-01"), None);
    assert_eq!(dataset_in_force(""), None);
    assert_eq!(dataset_in_force("2027-01-01T00:00"), None);
}

#[test]
fn dataset_infos_from_the_embedded_json() {
    let infos = dataset_infos();
    let ids: Vec<&str> = infos.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["klynger-2022", "sundhedsraad-2027"]);
    assert_eq!(infos[0].valid_from.as_deref(), Some("2022-07-01"));
    assert_eq!(infos[0].valid_to.as_deref(), Some("2026-12-31"));
    assert_eq!(infos[1].valid_from.as_deref(), Some("2027-01-01"));
    assert_eq!(infos[1].valid_to, None);
    assert_eq!(infos[1].preparatory_from.as_deref(), Some("2026-01-01"));
    assert_eq!(infos[0].title.as_ref().unwrap().da, "Sundhedsklynger 2022–2026");
    assert_eq!(infos[1].status.as_deref(), Some("secondary"));
    // Each embedded data set reads without errors and has the id it is listed under.
    for (id, text) in sundhedsklynger::DATASETS {
        let report = sundhedsklynger::check(text, &Default::default());
        assert!(!report.has_errors(), "{id}");
        assert_eq!(report.dataset.id.as_deref(), Some(id));
    }
}
