//! Shared test data: a small, valid data set to break one rule at a time.
#![allow(dead_code)]

use serde_json::{json, Value};
use sundhedsklynger::{check, Finding, Options, Severity};

/// Two regions; R1 has cluster C1 (municipalities 101, 102), R2 has C2 (201).
pub fn base() -> Value {
    json!({
        "format": "sundhedsklynger/1",
        "as_of": "2024-01-01",
        "regions": [
            { "id": "R1", "name": "Region Et", "code": "1084" },
            { "id": "R2", "name": "Region To" }
        ],
        "municipalities": [
            { "code": "101", "name": "Alfa", "region": "R1" },
            { "code": "102", "name": "Beta", "region": "R1" },
            { "code": "201", "name": "Gamma", "region": "R2" }
        ],
        "clusters": [
            { "id": "C1", "region": "R1", "name": "Klynge Et", "acute_hospitals": ["Hospital Et"], "status": "confirmed",
              "sources": ["https://example.org/c1"], "members": [ { "municipality": "101" }, { "municipality": "102" } ] },
            { "id": "C2", "region": "R2", "name": "Klynge To", "acute_hospitals": ["Hospital To"], "status": "confirmed",
              "sources": ["https://example.org/c2"], "members": [ { "municipality": "201" } ] }
        ]
    })
}

pub fn findings(v: &Value) -> Vec<Finding> {
    check(&v.to_string(), &Options::default()).findings
}

pub fn findings_with(v: &Value, profile: &str) -> Vec<Finding> {
    check(&v.to_string(), &Options { profile: Some(profile.to_string()) }).findings
}

/// (severity, code, path) of each finding, for compact assertions.
pub fn summary(fs: &[Finding]) -> Vec<(Severity, String, String)> {
    fs.iter().map(|f| (f.severity, f.code.as_str(), f.path.clone())).collect()
}

/// Asserts that a finding with this code, path and severity exists, with both languages filled.
#[track_caller]
pub fn assert_finding(fs: &[Finding], severity: Severity, code: &str, path: &str) {
    let hit = fs.iter().find(|f| f.code.as_str() == code && f.path == path);
    match hit {
        Some(f) => {
            assert_eq!(f.severity, severity, "severity of {code} at {path}");
            assert!(!f.message.da.is_empty() && !f.message.en.is_empty(), "message in both languages");
            assert_ne!(f.message.da, f.message.en, "Danish and English differ for {code}");
        }
        None => panic!("no {code} at {path}; got {:#?}", summary(fs)),
    }
}

#[track_caller]
pub fn assert_no_code(fs: &[Finding], code: &str) {
    assert!(fs.iter().all(|f| f.code.as_str() != code), "unexpected {code}: {:#?}", summary(fs));
}

/// Full seats for R1's bodies under `sundhedsloven-2022`, with persons.
pub fn with_seats() -> Value {
    let mut v = base();
    v["persons"] = json!([
        { "id": "p-chair", "name": "Formand Person", "party": "A" },
        { "id": "p-alfa", "name": "Borgmester Alfa" },
        { "id": "p-beta", "name": "Borgmester Beta" }
    ]);
    v["seats"] = json!([
        { "id": "s1", "body": "C1/political", "role": "regional-council-chair", "person": "p-chair", "office": "co-chair" },
        { "id": "s2", "body": "C1/political", "role": "regional-council-member" },
        { "id": "s3", "body": "C1/political", "role": "mayor", "municipality": "101", "person": "p-alfa", "office": "co-chair" },
        { "id": "s4", "body": "C1/political", "role": "mayor", "municipality": "102", "person": "p-beta" },
        { "id": "s5", "body": "C1/political", "role": "general-practice-representative" },
        { "id": "s6", "body": "R1/ssu", "role": "regional-council-chair", "person": "p-chair", "office": "chair" },
        { "id": "s7", "body": "R1/ssu", "role": "regional-council-member" },
        { "id": "s8", "body": "R1/ssu", "role": "regional-council-member" },
        { "id": "s9", "body": "R1/ssu", "role": "mayor", "cluster": "C1", "municipality": "101", "person": "p-alfa", "office": "vice-chair" },
        { "id": "s10", "body": "R1/ssu", "role": "general-practice-representative" },
        { "id": "s11", "body": "C1/professional", "role": "psychiatry-representative" },
        { "id": "s12", "body": "C1/professional", "role": "regional-representative" },
        { "id": "s13", "body": "C1/professional", "role": "municipal-representative", "municipality": "101" },
        { "id": "s14", "body": "C1/professional", "role": "municipal-representative", "municipality": "102" },
        { "id": "s15", "body": "C1/professional", "role": "general-practice-representative" },
        { "id": "s16", "body": "C1/professional", "role": "patient-representative" }
    ]);
    v
}

/// Index of the seat with this id in `v["seats"]`.
pub fn seat(v: &Value, id: &str) -> usize {
    v["seats"].as_array().unwrap().iter().position(|s| s["id"] == id).unwrap()
}

pub fn remove_seat(v: &mut Value, id: &str) {
    let i = seat(v, id);
    v["seats"].as_array_mut().unwrap().remove(i);
}
