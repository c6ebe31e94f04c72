//! Format `/1` → `/2` without loss: every corpus document and both real data sets, read,
//! written (always as `/2`) and read again, give the same data and the same validation
//! findings, and nothing written is an unknown field of `/2`.

use std::path::Path;

use sundhedsklynger::read::read_str;
use sundhedsklynger::{check, Options};

fn round_trip(name: &str, text: &str) -> Result<(), String> {
    let first = read_str(text);
    let written = serde_json::to_string(&first.dataset).map_err(|e| e.to_string())?;
    let again = read_str(&written);
    if let Some(f) = again.findings.iter().find(|f| f.code.as_str().starts_with("json-")) {
        return Err(format!("{name}: the /2 text does not read cleanly: {} at {}", f.code.as_str(), f.path));
    }
    if again.dataset != first.dataset.upgraded() {
        return Err(format!("{name}: the data changed on the way through /2"));
    }
    // Validation says the same of the data (paths name /2's arrays: compare codes and severities).
    let codes = |t: &str| {
        let mut v: Vec<(String, String)> = check(t, &Options::default())
            .findings
            .iter()
            .filter(|f| !f.code.as_str().starts_with("json-") && f.code.as_str() != "format-unsupported" && f.code.as_str() != "byte-order-mark")
            .map(|f| (f.code.as_str(), format!("{:?}", f.severity)))
            .collect();
        v.sort();
        v
    };
    // Elements that could not be read are not in the data, so their references may differ.
    if first.findings.iter().all(|f| !f.code.as_str().starts_with("json-")) && codes(text) != codes(&written) {
        return Err(format!("{name}: validation differs after the upgrade"));
    }
    Ok(())
}

#[test]
fn the_corpus_and_the_real_data_sets_upgrade_without_loss() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(root.join("tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.ends_with(".json") || name.ends_with(".txt")) || name == "expected.json" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        n += 1;
        if let Err(e) = round_trip(&name, &text) {
            failures.push(e);
        }
    }
    for file in ["default.json", "demo.json", "klynger-2022.json", "sundhedsraad-2027.json"] {
        let text = std::fs::read_to_string(root.join("www/data").join(file)).unwrap();
        n += 1;
        if let Err(e) = round_trip(file, &text) {
            failures.push(e);
        }
    }
    assert!(n > 140, "only {n} documents");
    assert!(failures.is_empty(), "{} of {n}:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_v1_document_with_seats_and_a_profile_upgrades_to_the_v2_shape() {
    let v1 = r#"{"format":"sundhedsklynger/1","as_of":"2024-01-01","profile":"mine",
      "profiles":[{"id":"mine","name":{"da":"M","en":"M"},"description":{"da":"d","en":"d"},
                   "ssu":[{"group":"regional-council-chair","min":1,"max":1}],"political":[],"professional":[]}],
      "regions":[{"id":"R1","name":"Region"}],
      "municipalities":[{"code":"101","name":"A","region":"R1"}],
      "clusters":[{"id":"C1","region":"R1","name":"K","acute_hospitals":[],"status":"confirmed","sources":[],"members":[{"municipality":"101"}]}],
      "seats":[{"id":"s1","body":"R1/ssu","role":"mayor","municipality":"101","cluster":"C1"}]}"#;
    let d = read_str(v1).dataset;
    let v2: serde_json::Value = serde_json::to_value(&d).unwrap();
    assert_eq!(v2["format"], "sundhedsklynger/2");
    assert!(v2.get("clusters").is_none());
    assert_eq!(v2["areas"][0]["kind"], "cluster");
    assert_eq!(v2["seats"][0]["area"], "C1");
    assert!(v2["seats"][0].get("cluster").is_none());
    let bodies = v2["profiles"][0]["bodies"].as_array().unwrap();
    assert_eq!(bodies.iter().map(|b| b["id"].as_str().unwrap()).collect::<Vec<_>>(), ["ssu", "political", "professional"]);
    assert_eq!(bodies[0]["rules"][0]["group"], "regional-council-chair");
    assert!(v2["profiles"][0].get("ssu").is_none());
}
