#![cfg(not(target_arch = "wasm32"))]
//! Properties over many generated inputs: reading never panics, every finding's path
//! points at something in the input, and a data set survives a JSON round trip.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use sundhedsklynger::{check, default_data, read::read_str, Options, DEFAULT_DATA_JSON};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "[a-zA-Z0-9 /~<>\"'&æøå]{0,12}".prop_map(Value::from),
        Just(json!("101")),
        Just(json!("RH")),
        Just(json!("RH-SYD/political")),
        Just(json!("unknown")),
        Just(json!("unverified")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A mutation of a valid document: replace, delete or add at a random place.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, Value),
    Delete(usize),
    Insert(usize, String, Value),
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), arb_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), "[a-z_]{1,10}", arb_json()).prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
    ]
}

/// All JSON Pointers in a document.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{here}/{i}"), out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| pointers(x, format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    match m {
        Mutation::Replace(i, v) => {
            let p = &all[i % all.len()];
            if let Some(slot) = doc.pointer_mut(p) {
                *slot = v.clone();
            }
        }
        Mutation::Delete(i) => {
            let p = all[i % all.len()].clone();
            if let Some((parent, key)) = p.rsplit_once('/') {
                match doc.pointer_mut(parent) {
                    Some(Value::Array(a)) => {
                        if let Ok(k) = key.parse::<usize>() {
                            a.remove(k);
                        }
                    }
                    Some(Value::Object(o)) => {
                        o.remove(&key.replace("~1", "/").replace("~0", "~"));
                    }
                    _ => {}
                }
            }
        }
        Mutation::Insert(i, k, v) => {
            let p = &all[i % all.len()];
            match doc.pointer_mut(p) {
                Some(Value::Object(o)) => {
                    o.insert(k.clone(), v.clone());
                }
                Some(Value::Array(a)) => a.push(v.clone()),
                _ => {}
            }
        }
    }
}

fn small_doc() -> Value {
    let mut v = common::with_seats();
    v["clusters"][0]["candidates"] = json!(["201"]);
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Random edits of a valid data set: no panic, and every path resolves in the edited input.
    #[test]
    fn finding_paths_resolve_in_the_input(mutations in prop::collection::vec(arb_mutation(), 1..6), use_default in any::<bool>()) {
        let mut doc = if use_default { serde_json::from_str(DEFAULT_DATA_JSON).unwrap() } else { small_doc() };
        for m in &mutations {
            apply(&mut doc, m);
        }
        let report = check(&doc.to_string(), &Options::default());
        for f in &report.findings {
            prop_assert!(doc.pointer(&f.path).is_some(), "{} points nowhere: {:?}", f.path, f);
            prop_assert!(!f.message.da.is_empty() && !f.message.en.is_empty());
        }
    }

    /// Arbitrary JSON, not shaped like a data set at all.
    #[test]
    fn arbitrary_json_never_panics(doc in arb_json()) {
        let report = check(&doc.to_string(), &Options::default());
        for f in &report.findings {
            prop_assert!(doc.pointer(&f.path).is_some(), "{} points nowhere", f.path);
        }
    }

    /// Arbitrary text, mostly not JSON.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = check(&text, &Options::default());
    }

    /// Shares: a split municipality's shares are accepted exactly when they sum to 1.
    #[test]
    fn split_shares_sum_to_one(a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
        let mut v = common::base();
        v["clusters"].as_array_mut().unwrap().push(json!({
            "id": "C3", "region": "R1", "name": "Tre", "acute_hospitals": [], "status": "confirmed", "sources": [],
            "members": [{ "municipality": "101", "share": b }]
        }));
        v["clusters"][0]["members"][0]["share"] = json!(a);
        let report = check(&v.to_string(), &Options::default());
        let flagged = report.findings.iter().any(|f| f.code.as_str() == "split-shares-sum");
        prop_assert_eq!(flagged, (a + b - 1.0).abs() > 1e-6);
    }
}

#[test]
fn default_data_round_trips() {
    let d = default_data();
    let text = serde_json::to_string(d).unwrap();
    let again = read_str(&text);
    assert!(again.findings.is_empty(), "{:?}", again.findings);
    assert_eq!(again.dataset, d.upgraded());
    // Serialising gives back the file as written, in format /2 (no field lost or added):
    // the clusters are areas of kind "cluster".
    let mut original: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    let o = original.as_object_mut().unwrap();
    o.insert("format".into(), json!("sundhedsklynger/2"));
    let mut areas = o.remove("clusters").unwrap();
    for a in areas.as_array_mut().unwrap() {
        a["kind"] = json!("cluster");
    }
    o.insert("areas".into(), areas);
    assert_eq!(serde_json::to_value(d).unwrap(), original);
}

#[test]
fn seats_persons_and_profiles_round_trip() {
    let mut v = small_doc();
    v["profiles"] = json!([{ "id": "x", "name": { "da": "X", "en": "X" }, "description": { "da": "d", "en": "e" },
                             "sources": [], "ssu": [{ "group": "mayor", "per": "body", "min": 0, "max": 2 }], "political": [], "professional": [] }]);
    v["municipalities"][0]["population"] = json!({ "value": 5000, "date": "2022-01-01", "source": "https://example.org" });
    v["clusters"][0]["members"][0]["share"] = json!(0.25);
    let r = read_str(&v.to_string());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let back = serde_json::to_value(&r.dataset).unwrap();
    let again = read_str(&back.to_string());
    assert!(again.findings.is_empty(), "{:?}", again.findings);
    assert_eq!(again.dataset, r.dataset.upgraded());
}
