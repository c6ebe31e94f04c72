//! Reading untrusted JSON: every error names its JSON Pointer and what was expected,
//! in Danish and English; one bad element costs that element only.

mod common;

use common::*;
use serde_json::json;
use sundhedsklynger::read::{read_str, MAX_INPUT_BYTES};
use sundhedsklynger::{check, Options, Severity::Error, Severity::Info};

#[test]
fn syntax_error_names_line_and_column() {
    let r = check("{\n  \"format\": \"sundhedsklynger/1\",\n  \"regions\": [,]\n}", &Options::default());
    assert_finding(&r.findings, Error, "json-syntax", "");
    let f = &r.findings[0];
    assert!(f.message.en.contains("line 3"), "{}", f.message.en);
    assert!(f.message.da.contains("linje 3") && f.message.da.contains("forventede"), "{}", f.message.da);
    assert_eq!(r.findings.len(), 1, "nothing else is reported for text that is not JSON");
}

#[test]
fn not_an_object_or_wrong_format() {
    assert_finding(&check("[1,2]", &Options::default()).findings, Error, "json-not-object", "");
    let mut v = base();
    v["format"] = json!("sundhedsklynger/3");
    assert_finding(&findings(&v), Error, "format-unsupported", "/format");
    v.as_object_mut().unwrap().remove("format");
    assert_finding(&findings(&v), Error, "json-missing-field", "");
}

#[test]
fn wrong_type_names_the_path_and_expectation() {
    let mut v = base();
    v["municipalities"][0]["code"] = json!(7);
    let fs = findings(&v);
    assert_finding(&fs, Error, "json-type", "/municipalities/0/code");
    let f = fs.iter().find(|f| f.path == "/municipalities/0/code").unwrap();
    assert!(f.message.en.contains("expected a string"), "{}", f.message.en);
    assert!(f.message.da.contains("forventede en tekst"), "{}", f.message.da);
}

#[test]
fn nested_paths_and_enum_values() {
    let mut v = base();
    v["clusters"][1]["members"][0]["share"] = json!(2.5);
    v["clusters"][0]["status"] = json!("maybe");
    let fs = findings(&v);
    assert_finding(&fs, Error, "json-type", "/clusters/1/members/0/share");
    assert_finding(&fs, Error, "json-type", "/clusters/0/status");
    let status = fs.iter().find(|f| f.path == "/clusters/0/status").unwrap();
    assert!(status.message.en.contains("\"confirmed\""), "lists the allowed values: {}", status.message.en);
}

#[test]
fn missing_and_unknown_fields() {
    let mut v = base();
    v["clusters"][0].as_object_mut().unwrap().remove("name");
    v["regions"][1]["colour"] = json!("red");
    v["extra"] = json!(1);
    let fs = findings(&v);
    assert_finding(&fs, Error, "json-missing-field", "/clusters/0");
    assert!(fs.iter().any(|f| f.path == "/clusters/0" && f.message.en.contains("\"name\"")));
    assert_finding(&fs, Error, "json-unknown-field", "/regions/1/colour");
    assert_finding(&fs, Error, "json-unknown-field", "/extra");
    let r = check(&v.to_string(), &Options::default());
    assert_eq!(r.dataset.regions.len(), 2, "an unknown field costs the field, not the region");
    let f = r.findings.iter().find(|f| f.path == "/regions/1/colour").unwrap();
    assert!(f.message.en.contains("\"name\"") && f.message.en.contains("\"code\""), "lists the allowed fields: {}", f.message.en);
    v.as_object_mut().unwrap().remove("clusters");
    assert_finding(&findings(&v), Error, "json-missing-field", "");
}

#[test]
fn one_bad_element_keeps_the_rest_and_later_paths_stay_true() {
    let mut v = base();
    v["clusters"].as_array_mut().unwrap().insert(0, json!({ "id": 5 }));
    // The second real cluster (now input index 2) gets an unverified status.
    v["clusters"][2]["status"] = json!("unverified");
    let r = check(&v.to_string(), &Options::default());
    assert_eq!(r.dataset.areas.len(), 2, "the two good clusters are kept");
    assert_finding(&r.findings, Error, "json-type", "/clusters/0/id");
    // Validation findings point into the input, not into the filtered model.
    assert_finding(&r.findings, Info, "unverified-cluster", "/clusters/2");
}

#[test]
fn byte_order_mark_is_ignored_with_a_note() {
    let text = format!("\u{feff}{}", base());
    let r = check(&text, &Options::default());
    assert_finding(&r.findings, Info, "byte-order-mark", "");
    assert_eq!(r.dataset.areas.len(), 2);
}

#[test]
fn input_size_is_limited() {
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    let r = read_str(&big);
    assert_finding(&r.findings, Error, "input-too-large", "");
}

#[test]
fn huge_strings_are_clipped_in_messages() {
    let mut v = base();
    v["clusters"][0]["region"] = json!("x".repeat(1_000_000));
    let fs = findings(&v);
    let f = fs.iter().find(|f| f.path == "/clusters/0/region").unwrap();
    assert!(f.message.da.len() < 500 && f.message.en.len() < 500);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let text = "[".repeat(100_000);
    let r = check(&text, &Options::default());
    assert_finding(&r.findings, Error, "json-syntax", "");
}

#[test]
fn json_pointer_escapes_keys() {
    let mut v = base();
    v["regions"][0]["a/b~c"] = json!(1);
    assert_finding(&findings(&v), Error, "json-unknown-field", "/regions/0/a~1b~0c");
}

#[test]
fn an_array_is_not_an_object() {
    // serde would read `[""]` as a membership, field by field; the format does not.
    let mut v = base();
    v["clusters"][0]["members"][1] = json!(["102"]);
    v["regions"][1] = json!(["R2", "Region To"]);
    let r = check(&v.to_string(), &Options::default());
    assert_finding(&r.findings, Error, "json-type", "/clusters/0/members/1");
    assert_finding(&r.findings, Error, "json-type", "/regions/1");
    assert_eq!(r.dataset.regions.len(), 1);
}

/// The fast reading (each element from its text, checked by a byte scan) and the reading of
/// the whole tree agree on texts the scan finds unusual: escaped keys, odd white space,
/// empty objects and arrays, an unknown key deep inside, a string with brackets and quotes.
#[test]
fn the_fast_reading_agrees_with_the_tree_reading_on_unusual_texts() {
    use sundhedsklynger::read::read_str_via_tree;
    let text = serde_json::to_string_pretty(&base()).unwrap();
    let variants = [
        // "na\u006de" is "name": the scan leaves escaped keys to the full reading.
        text.replacen("\"name\"", "\"na\\u006de\"", 3),
        text.replace(": ", " :\t\r\n "),
        text.replacen("\"name\": \"", "\"name\": \"}]{[\\\"", 2),
        text.replacen("\"sources\": [", "\"sources\": [ ], \"colour\": {\"a\": [1, {\"b\": {}}]}, \"x\": [", 1),
        text.replacen("\"members\": [", "\"members\": [{\"municipality\": \"615\", \"extra\": {\"deep\": [[]]}},", 1),
    ];
    for (i, variant) in variants.iter().enumerate() {
        let (fast, tree) = (read_str(variant), read_str_via_tree(variant));
        assert_eq!(fast.findings, tree.findings, "variant {i}");
        assert_eq!(fast.origins, tree.origins, "variant {i}");
        assert!(fast.dataset == tree.dataset, "variant {i}: the data sets differ");
    }
    // The escaped key is read as the key it spells.
    let escaped = read_str(&variants[0]);
    assert!(!escaped.has_errors(), "{:?}", escaped.findings);
    // The unknown keys are found by either reading.
    assert!(read_str(&variants[3]).findings.iter().any(|f| f.code.as_str() == "json-unknown-field"));
    assert!(read_str(&variants[4]).findings.iter().any(|f| f.path.ends_with("/extra")));
}

/// `base()` with one SSU seat whose `title` is `title`.
fn with_seat_title(title: serde_json::Value) -> serde_json::Value {
    let mut v = base();
    v["seats"] = json!([{ "id": "s1", "body": "R1/ssu", "role": "regional-council-member", "title": title }]);
    v
}

#[test]
fn a_plain_string_text_is_the_danish_text_used_for_english_too() {
    use sundhedsklynger::read::read_str_via_tree;
    use sundhedsklynger::Text;
    let mut v = with_seat_title(json!("Direktør"));
    v["title"] = json!("Sundhedsklynger");
    let text = v.to_string();
    for outcome in [read_str(&text), read_str_via_tree(&text)] {
        assert!(outcome.findings.is_empty(), "{:#?}", summary(&outcome.findings));
        assert_eq!(outcome.dataset.seats[0].title, Some(Text::new("Direktør", "Direktør")));
        assert_eq!(outcome.dataset.title, Some(Text::new("Sundhedsklynger", "Sundhedsklynger")));
    }
    assert!(check(&text, &Options::default()).findings.iter().all(|f| f.code.as_str() != "json-unknown-field" && f.code.as_str() != "json-type"));
    // Written back, a text is always the object.
    let written = serde_json::to_value(&read_str(&text).dataset).unwrap();
    assert_eq!(written["seats"][0]["title"], json!({ "da": "Direktør", "en": "Direktør" }));
    assert_eq!(serde_json::from_str::<Text>(r#""Titel""#).unwrap(), Text::new("Titel", "Titel"));
    assert_eq!(serde_json::from_str::<Text>(r#"{"da":"Titel","en":"Title"}"#).unwrap(), Text::new("Titel", "Title"));
}

#[test]
fn a_text_object_still_needs_both_languages() {
    let fs = findings(&with_seat_title(json!({ "da": "Direktør" })));
    assert_finding(&fs, Error, "json-missing-field", "/seats/0/title");
    let f = fs.iter().find(|f| f.path == "/seats/0/title").unwrap();
    assert!(f.message.en.contains("\"en\"") && f.message.da.contains("\"en\""), "{:?}", f.message);
    let mut v = base();
    v["title"] = json!({ "en": "Title" });
    assert_finding(&findings(&v), Error, "json-missing-field", "/title");
}

#[test]
fn a_text_object_with_an_unknown_key_is_reported_and_the_rest_kept() {
    use sundhedsklynger::Text;
    let v = with_seat_title(json!({ "da": "Direktør", "en": "Director", "de": "Direktor" }));
    let fs = findings(&v);
    assert_finding(&fs, Error, "json-unknown-field", "/seats/0/title/de");
    let f = fs.iter().find(|f| f.path == "/seats/0/title/de").unwrap();
    assert!(f.message.en.contains("\"da\", \"en\""), "names the allowed keys: {}", f.message.en);
    let outcome = read_str(&v.to_string());
    assert_eq!(outcome.dataset.seats[0].title, Some(Text::new("Direktør", "Director")));
}

#[test]
fn a_text_of_another_type_says_what_a_text_may_be() {
    let fs = findings(&with_seat_title(json!(7)));
    assert_finding(&fs, Error, "json-type", "/seats/0/title");
    let f = fs.iter().find(|f| f.path == "/seats/0/title").unwrap();
    assert!(f.message.en.contains("expected a text, or an object with \"da\" and \"en\""), "{}", f.message.en);
    assert!(f.message.da.contains("forventede en tekst eller et objekt med \"da\" og \"en\""), "{}", f.message.da);
}

/// Inputs the pipeline fuzzer found where the two readings differed, kept as regressions.
/// The first (a 75-digit integer) differed only without serde_json's `float_roundtrip`,
/// which the native tests always get through the jsonschema dev-dependency; the fuzz build
/// (no dev-dependencies) also reads these files as seeds, so it is the build that guards it.
#[test]
fn the_fast_reading_agrees_with_the_tree_reading_on_fuzzer_finds() {
    use sundhedsklynger::read::read_str_via_tree;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (fast, tree) = (read_str(&text), read_str_via_tree(&text));
        assert_eq!(summary(&fast.findings), summary(&tree.findings), "{}", path.display());
        assert_eq!(fast.findings, tree.findings, "{}", path.display());
        assert_eq!(fast.origins, tree.origins, "{}", path.display());
        assert!(fast.dataset == tree.dataset, "{}: the data sets differ:\n{:?}\nvs\n{:?}", path.display(), fast.dataset, tree.dataset);
        seen += 1;
    }
    assert!(seen > 0, "no regressions in {}", dir.display());
}
