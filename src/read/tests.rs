//! Native only: serde_path_to_error is a dev-dependency of the native tests.

use super::*;

/// Reads `value` as `T` both ways: by serde_path_to_error over the `Value` (the way
/// reading went until it was dropped for size) and as `element` does now. Both must
/// accept the same values and give the same message and path.
fn compare<T: DeserializeOwned>(value: &Value, shape: Option<usize>) -> Result<(), String> {
    use serde_path_to_error::Segment;
    let old = serde_path_to_error::deserialize::<_, T>(value);
    let text = value.to_string();
    let new = serde_json::from_str::<T>(&text);
    match (old, new) {
        (Ok(_), Ok(_)) => Ok(()),
        (Err(old), Err(new)) => {
            let old_path: Vec<String> = old
                .path()
                .iter()
                .filter_map(|seg| match seg {
                    Segment::Seq { index } => Some(index.to_string()),
                    Segment::Map { key } => Some(key.clone()),
                    Segment::Enum { .. } | Segment::Unknown => None,
                })
                .collect();
            let (new_path, new_msg) = serde_error_at(value, shape, &text, &new);
            let old_msg = old.inner().to_string();
            if old_path == new_path && old_msg == new_msg {
                Ok(())
            } else {
                Err(format!(
                    "{text}: was {old_path:?} {old_msg:?}, now {new_path:?} {new_msg:?}"
                ))
            }
        }
        (old, new) => Err(format!(
            "{text}: read before {}, now {}",
            old.is_ok(),
            new.is_ok()
        )),
    }
}

fn compare_element(array: &str, value: &Value) -> Result<(), String> {
    use crate::model::indicator::{Indicator, IndicatorValue};
    use crate::model::{Area, Municipality, Person, Region, Seat};
    let shape = schema_node(&[array.to_string(), "0".to_string()]).and_then(shape_id);
    match array {
        "profiles" => compare::<crate::model::profile::RuleProfile>(value, shape),
        "regions" => compare::<Region>(value, shape),
        "municipalities" => compare::<Municipality>(value, shape),
        "areas" | "clusters" => compare::<Area>(value, shape),
        "persons" => compare::<Person>(value, shape),
        "seats" => compare::<Seat>(value, shape),
        "standard_populations" => {
            compare::<crate::model::standard::StandardPopulation>(value, shape)
        }
        "indicators" => compare::<Indicator>(value, shape),
        "values" => compare::<IndicatorValue>(value, shape),
        _ => Ok(()),
    }
}

/// JSON Pointers of every value inside `value`, its root excluded.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(o) => o.iter().map(|(k, v)| (pointer([k]), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (pointer([i.to_string()]), v))
            .collect(),
        _ => Vec::new(),
    };
    for (seg, child) in children {
        let p = format!("{at}{seg}");
        out.push(p.clone());
        pointers(child, p, out);
    }
}

/// Every element of the embedded data, the demo data and the corpus's base, with each
/// value inside it replaced by values of other types and ranges, and each member
/// removed: ~35,000 readings whose paths and messages must not have changed.
#[test]
fn error_paths_are_those_serde_path_to_error_gave() {
    let replacements = [
        serde_json::json!("x"),
        serde_json::json!("unknown"),
        serde_json::json!(""),
        serde_json::json!(-1),
        serde_json::json!(0),
        serde_json::json!(1.5),
        serde_json::json!(1e300),
        serde_json::json!(4_294_967_296u64),
        serde_json::json!(null),
        serde_json::json!(true),
        serde_json::json!({}),
        serde_json::json!({ "da": 1 }),
        serde_json::json!([]),
        serde_json::json!([1, "a"]),
        serde_json::json!([[1]]),
        serde_json::json!([{}]),
        serde_json::json!({ "confirmed": null, "b": 2 }),
        serde_json::json!({ "a": [1] }),
        serde_json::json!([[[1]]]),
        serde_json::json!({ "da": [1], "en": {} }),
        serde_json::json!("2026-13-45"),
        serde_json::json!("a\"b\\"),
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus_base =
        std::fs::read_to_string(format!("{root}/tests/corpus/013-byte-order-mark.txt"))
            .unwrap();
    let demo = std::fs::read_to_string(format!("{root}/www/data/demo.json")).unwrap();
    let mut failures = Vec::new();
    let mut readings = 0usize;
    for text in [
        crate::DEFAULT_DATA_JSON,
        demo.as_str(),
        corpus_base.trim_start_matches('\u{feff}'),
    ] {
        let doc: Value = serde_json::from_str(text).unwrap();
        let version = doc.as_object().map(version_of).unwrap_or_default();
        let _reading = reading(version);
        for array in arrays_of(version) {
            let Some(elements) = doc.get(array).and_then(Value::as_array) else {
                continue;
            };
            for element in elements.iter().take(25) {
                let mut paths = Vec::new();
                pointers(element, String::new(), &mut paths);
                let mut variants = vec![element.clone()];
                for p in &paths {
                    for r in &replacements {
                        let mut v = element.clone();
                        if let Some(slot) = v.pointer_mut(p) {
                            *slot = r.clone();
                        }
                        variants.push(v);
                    }
                    // Without this member (objects only).
                    let (parent, key) = p.rsplit_once('/').unwrap();
                    let mut v = element.clone();
                    if let Some(Value::Object(o)) = v.pointer_mut(parent) {
                        o.remove(&key.replace("~1", "/").replace("~0", "~"));
                        variants.push(v);
                    }
                }
                for v in variants.iter().chain(replacements.iter()) {
                    readings += 1;
                    if let Err(e) = compare_element(array, v) {
                        failures.push(format!("{array}: {e}"));
                    }
                }
            }
        }
    }
    assert!(readings > 20_000, "only {readings} readings");
    assert!(
        failures.is_empty(),
        "{} of {readings} differ, e.g.:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The path of a few stops in a hand-written text, one per way serde stops.
#[test]
fn path_at_finds_the_value_serde_stopped_in() {
    let text = r#"{"a":"xy","b":[1,{"c":null}],"d\"e":{}}"#;
    let at = |needle: &str, after: bool| {
        let i = text.find(needle).unwrap();
        path_at(text, if after { i + needle.len() } else { i })
    };
    assert_eq!(at(r#""xy""#, true), ["a"]); // after a string it refused
    assert_eq!(at(r#"[1"#, false), ["b"]); // at an array it did not take
    assert_eq!(at("[1", true), ["b", "0"]); // after a number
    assert_eq!(at(r#"{"c""#, false), ["b", "1"]);
    assert_eq!(at("null", true), ["b", "1", "c"]);
    assert_eq!(at(r#"null}"#, true), ["b", "1"]); // after an object missing a field
    assert_eq!(at("{}", false), [r#"d"e"#]); // an escaped key, unescaped
    assert_eq!(path_at(text, text.len()), Vec::<String>::new());
}
