#![cfg(not(target_arch = "wasm32"))]
//! The JSON Schema is generated from the Rust types; the shipped file is that output.

use serde_json::{json, Value};
use sundhedsklynger::{generate_schema, schema, schema_v1, DEFAULT_DATA_JSON};

const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/sundhedsklynger.schema.json");

/// The committed schema equals the generated one. `SK_UPDATE_SCHEMA=1 cargo test --test schema` rewrites it.
#[test]
fn shipped_schema_is_generated() {
    let generated = serde_json::to_string_pretty(&generate_schema()).unwrap() + "\n";
    // Written before the embedded copy is compared: that copy is compiled in, so it is the
    // new file only from the next build on.
    let updating = std::env::var("SK_UPDATE_SCHEMA").is_ok();
    if updating {
        std::fs::write(SCHEMA_FILE, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    assert!(shipped == generated, "schema/sundhedsklynger.schema.json is stale: run SK_UPDATE_SCHEMA=1 cargo test --test schema");
    if !updating {
        assert_eq!(schema(), generate_schema(), "the embedded schema is the generated one");
    }
}

/// The schema of format /1 (the shipped file, kept as it was): the tests below give /1 documents.
fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema_v1()).expect("the schema is a valid JSON Schema")
}

/// The schema of format /2, generated from the types.
fn validator_v2() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema is a valid JSON Schema")
}

#[test]
fn the_real_data_sets_and_upgraded_data_fit_the_schema_of_format_2() {
    let v = validator_v2();
    for file in ["klynger-2022.json", "sundhedsraad-2027.json"] {
        let text = std::fs::read_to_string(format!("{}/www/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let data: Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = v.iter_errors(&data).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    // A /1 document written out (upgraded) is a /2 document; the /1 text itself is not.
    let upgraded = serde_json::to_value(sundhedsklynger::default_data()).unwrap();
    assert!(v.is_valid(&upgraded));
    assert!(!v.is_valid(&serde_json::from_str::<Value>(DEFAULT_DATA_JSON).unwrap()));
}

#[test]
fn accepts_the_default_data() {
    let data: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    let v = validator();
    let errors: Vec<String> = v.iter_errors(&data).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn accepts_seats_persons_and_profiles() {
    let data = json!({
        "format": "sundhedsklynger/1", "as_of": "2024-01-01", "profile": "mine",
        "profiles": [{ "id": "mine", "name": { "da": "Min", "en": "Mine" }, "description": { "da": "x", "en": "x" },
                       "ssu": [{ "group": "regional-council-chair", "min": 1, "max": 1 }], "political": [], "professional": [] }],
        "regions": [{ "id": "R1", "name": "Region" }],
        "municipalities": [{ "code": "101", "name": "A", "region": "R1",
                             "population": { "value": 1000, "date": "2022-01-01", "source": "https://example.org" } }],
        "clusters": [{ "id": "C1", "region": "R1", "name": "K", "acute_hospitals": [], "status": "partial", "sources": [],
                       "members": [{ "municipality": "101", "share": "unknown" }] }],
        "persons": [{ "id": "p1", "name": "P", "party": "A" }],
        "seats": [{ "id": "s1", "body": "R1/ssu", "role": "regional-council-chair", "person": "p1", "office": "chair" }]
    });
    assert!(validator().is_valid(&data));
}

#[test]
fn rejects_broken_examples() {
    let base: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    let v = validator();
    type Breaker = Box<dyn Fn(&mut Value)>;
    let broken: Vec<(&str, Breaker)> = vec![
        ("missing format", Box::new(|d| { d.as_object_mut().unwrap().remove("format"); })),
        ("wrong format", Box::new(|d| d["format"] = json!("sundhedsklynger/2"))),
        ("code as a number", Box::new(|d| d["municipalities"][0]["code"] = json!(101))),
        ("code with four digits", Box::new(|d| d["municipalities"][0]["code"] = json!("1010"))),
        ("unknown status", Box::new(|d| d["clusters"][0]["status"] = json!("maybe"))),
        ("share above 1", Box::new(|d| d["clusters"][0]["members"][0]["share"] = json!(1.5))),
        ("share as other text", Box::new(|d| d["clusters"][0]["members"][0]["share"] = json!("half"))),
        ("unknown field", Box::new(|d| d["regions"][0]["colour"] = json!("red"))),
        ("clusters not an array", Box::new(|d| d["clusters"] = json!({}))),
        ("date not a date", Box::new(|d| d["as_of"] = json!("1 July 2022"))),
        ("negative population", Box::new(|d| d["municipalities"][0]["population"] = json!({ "value": -1, "date": "2022-01-01", "source": "https://x.org" }))),
        ("unknown role", Box::new(|d| d["seats"] = json!([{ "id": "s", "body": "RH/ssu", "role": "king" }]))),
    ];
    for (name, breaker) in broken {
        let mut d = base.clone();
        breaker(&mut d);
        assert!(!v.is_valid(&d), "the schema accepted: {name}");
    }
}

/// The schema and the reader agree: what the schema rejects, reading reports as an error.
#[test]
fn schema_and_reader_agree_on_broken_examples() {
    let base: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    for (path, value) in [("/municipalities/0/code", json!(101)), ("/clusters/0/status", json!("maybe")), ("/clusters/0/members/0/share", json!(2))] {
        let mut d = base.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        d.pointer_mut(parent).unwrap()[key] = value;
        assert!(!validator().is_valid(&d));
        let report = sundhedsklynger::check(&d.to_string(), &Default::default());
        assert!(report.findings.iter().any(|f| f.path == path && f.severity == sundhedsklynger::Severity::Error), "{path}");
    }
}

/// Only the formats JSON Schema defines (strict validators such as ajv refuse others): the
/// `uint32` and `double` schemars writes become bounds or nothing.
#[test]
fn uses_standard_formats_only() {
    fn walk(v: &Value, at: String, formats: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if let Some(f) = o.get("format").and_then(Value::as_str) {
                    formats.push(format!("{at}: {f}"));
                }
                o.iter().for_each(|(k, x)| walk(x, format!("{at}/{k}"), formats));
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(x, format!("{at}/{i}"), formats)),
            _ => {}
        }
    }
    let schema = generate_schema();
    let mut formats = Vec::new();
    walk(&schema, String::new(), &mut formats);
    let standard = ["date-time", "date", "time", "duration", "email", "uri", "uri-reference", "uuid", "regex"];
    let odd: Vec<&String> = formats.iter().filter(|f| !standard.iter().any(|s| f.ends_with(&format!(": {s}")))).collect();
    assert!(odd.is_empty(), "non-standard formats: {odd:?}");
    let value = &schema["$defs"]["Population"]["properties"]["value"];
    assert_eq!((&value["minimum"], &value["maximum"]), (&json!(0), &json!(4_294_967_295u64)), "{value}");
    let v = validator();
    let mut data: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    for (population, valid) in [(json!(4_294_967_295u64), true), (json!(4_294_967_296u64), false), (json!(-1), false)] {
        data["municipalities"][0]["population"] = json!({ "value": population, "date": "2022-01-01", "source": "https://x.org" });
        assert_eq!(v.is_valid(&data), valid, "population {population}");
    }
}

/// A text is `{ "da", "en" }` with both, or a plain string (the Danish text, used for English too).
#[test]
fn a_text_is_a_string_or_both_languages() {
    let v = validator();
    let mut data: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    for (title, valid) in [
        (json!("Sundhedsklynger"), true),
        (json!({ "da": "Sundhedsklynger", "en": "Health clusters" }), true),
        (json!({ "da": "Sundhedsklynger" }), false),
        (json!({ "da": "a", "en": "b", "de": "c" }), false),
        (json!(1), false),
        (json!(["a", "b"]), false),
    ] {
        data["title"] = title.clone();
        assert_eq!(v.is_valid(&data), valid, "title {title}");
        let report = sundhedsklynger::check(&data.to_string(), &Default::default());
        assert_eq!(!report.has_errors(), valid, "reading title {title}: {:?}", report.findings.first());
    }
}
