#![cfg(not(target_arch = "wasm32"))]
//! The bad-input corpus (tests/corpus/, manifest expected.json, made by make-corpus.py):
//! every case runs through the whole pipeline (read → validate → key figures → chart →
//! layout) and must give the findings the manifest names, with their JSON Pointers, and
//! keep the elements that were not broken. Large cases are generated here, not committed.

#[path = "corpus/pipeline.rs"]
mod pipeline;

use std::collections::BTreeSet;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sundhedsklynger::read::{MAX_ELEMENTS, MAX_INPUT_BYTES, MAX_MUNICIPALITIES, MAX_STRUCTURE_ELEMENTS};
use sundhedsklynger::{read, Code, Finding, Severity};

/// Longest message any finding may have: messages quote data clipped, never whole
/// (the limit, plus the ellipsis that marks a cut).
const MAX_MESSAGE_CHARS: usize = sundhedsklynger::finding::MAX_MESSAGE_CHARS + 1;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn manifest() -> Vec<Value> {
    let text = fs::read_to_string(dir().join("expected.json")).expect("tests/corpus/expected.json");
    serde_json::from_str::<Vec<Value>>(&text).expect("the manifest is a JSON array")
}

/// The base data set every generated case starts from: the corpus's own base (the
/// byte-order-mark case is the base with a BOM before it).
fn base() -> Value {
    let text = fs::read_to_string(dir().join("013-byte-order-mark.txt")).expect("corpus base");
    serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("base is JSON")
}

/// A large case: its text, and the 10 MB key where the expected pointer names one.
fn generate(name: &str) -> (String, Option<String>) {
    let ten_mb = 10 * 1024 * 1024;
    let mut v = base();
    match name {
        "ten-megabyte-name" => {
            let mut c = v["clusters"][0].clone();
            c["id"] = json!("RN-BIG");
            c["name"] = json!("N".repeat(ten_mb));
            c["members"] = json!([]);
            v["clusters"].as_array_mut().unwrap().push(c);
        }
        "ten-megabyte-unknown-key" => {
            let key = "k".repeat(ten_mb);
            v[key.as_str()] = json!(1);
            return (v.to_string(), Some(key));
        }
        "ten-megabyte-source-url" => v["clusters"][0]["sources"][0] = json!(format!("javascript:{}", "a".repeat(ten_mb))),
        "million-municipalities" => {
            let ms: Vec<String> = (0..1_000_000).map(|i| format!(r#"{{"code":"{:03}","name":"M","region":"RN"}}"#, i % 1000)).collect();
            return (with_array(&v, "municipalities", &ms.join(",")), None);
        }
        "million-empty-municipalities" => {
            let ms = format!("{},{}", v["municipalities"][0], v["municipalities"][1]);
            return (with_array(&v, "municipalities", &format!("{ms}{}", ",{}".repeat(1_000_000 - 2))), None);
        }
        "municipalities-over-limit" => {
            let ms = v["municipalities"].as_array_mut().unwrap();
            ms.extend((0..1000).map(|i| format!("{i:03}")).filter(|c| c != "773" && c != "787").map(|c| json!({ "code": c, "name": "M", "region": "RN" })));
            ms.extend((0..500).map(|i| json!({ "code": format!("{i:03}"), "name": "M", "region": "RN" })));
            assert_eq!(ms.len(), MAX_MUNICIPALITIES + 500);
        }
        "clusters-over-limit" => {
            // 50 copies more than the limit, under new ids: the manifest expects the cut at 200.
            let c = v["clusters"][0].clone();
            v["clusters"] = Value::Array((0..MAX_STRUCTURE_ELEMENTS + 50).map(|i| json!(c.clone()).as_object().cloned().map(|mut o| {
                o.insert("id".into(), json!(if i == 0 { "RN-VEST".to_string() } else { format!("RN-{i}") }));
                Value::Object(o)
            }).unwrap()).collect());
        }
        "seats-over-limit" | "hundred-thousand-seats" => {
            let n = if name == "seats-over-limit" { MAX_ELEMENTS } else { 100_000 };
            let mut seats: Vec<String> = v["seats"].as_array().unwrap().iter().map(Value::to_string).collect();
            seats.extend((0..n).map(|i| format!(r#"{{"id":"x{i}","body":"RN/ssu","role":"other"}}"#)));
            return (with_array(&v, "seats", &seats.join(",")), None);
        }
        "deep-array-nesting" => return ("[".repeat(100_000), None),
        "deep-object-nesting-in-title" => {
            let text = v.to_string();
            let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
            return (text.replacen('{', &format!("{{\"title\":{deep},"), 1), None);
        }
        "nesting-at-limit" => {
            // serde_json stops at 128 levels; 120 is read and reported as a wrong type.
            let text = v.to_string();
            let deep = format!("{}{}", "[".repeat(120), "]".repeat(120));
            return (text.replacen('{', &format!("{{\"title\":{deep},"), 1), None);
        }
        "million-counts" => {
            let mut v = v;
            v["values"][0]["numerator"] = json!("@@COUNTS@@");
            return (v.to_string().replacen("\"@@COUNTS@@\"", &format!("[1{}]", ",1".repeat(999_999)), 1), None);
        }
        "input-just-over-limit" => {
            let text = v.to_string();
            let pad = MAX_INPUT_BYTES + 1 - text.len();
            return (format!("{text}{}", " ".repeat(pad)), None);
        }
        other => panic!("unknown generator {other}"),
    }
    (v.to_string(), None)
}

/// `v` as JSON text with the array `key` replaced by `[elements]` (written as text: a
/// million `serde_json::Value`s take long to build in a debug build).
fn with_array(v: &Value, key: &str, elements: &str) -> String {
    let mut v = v.clone();
    v[key] = json!("@@ARRAY@@");
    v.to_string().replacen("\"@@ARRAY@@\"", &format!("[{elements}]"), 1)
}

fn severity(s: &str) -> Severity {
    serde_json::from_value(json!(s)).unwrap_or_else(|_| panic!("severity {s}"))
}

fn code(s: &str) -> Code {
    serde_json::from_value(json!(s)).unwrap_or_else(|_| panic!("the manifest names an unknown code {s}"))
}

fn summary(fs: &[Finding]) -> String {
    let mut out = String::new();
    for f in fs.iter().take(20) {
        let path: String = f.path.chars().take(60).collect();
        out.push_str(&format!("\n  {:?} {} {path}", f.severity, f.code.as_str()));
    }
    if fs.len() > 20 {
        out.push_str(&format!("\n  … {} in all", fs.len()));
    }
    out
}

/// Every string in a JSON value.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

/// Runs one case and checks it; returns a description of what is wrong, if anything.
fn check_case(case: &Value) -> Result<(), String> {
    let (text, big_key) = match (case.get("file").and_then(Value::as_str), case.get("generator").and_then(Value::as_str)) {
        (Some(file), None) => {
            let bytes = fs::read(dir().join(file)).map_err(|e| format!("{file}: {e}"))?;
            // As the browser reads a file: UTF-8 with U+FFFD for bad bytes.
            (String::from_utf8_lossy(&bytes).into_owned(), None)
        }
        (None, Some(generator)) => generate(generator),
        _ => return Err("a case needs exactly one of \"file\" and \"generator\"".into()),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| pipeline::run(&text))).map_err(|e| {
        let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
        format!("PANIC: {msg}")
    })?;
    // Reading element by element from the text gives exactly what reading the whole tree gives.
    let (fast, tree) = (read::read_str(&text), read::read_str_via_tree(&text));
    if fast.dataset != tree.dataset || fast.origins != tree.origins || fast.findings != tree.findings {
        return Err(format!("the fast reading differs from the tree reading:{}\nvs{}", summary(&fast.findings), summary(&tree.findings)));
    }
    let fs = &outcome.report.findings;
    let expect = case["expect"].as_array().ok_or("no \"expect\" list")?;
    let mut expected = Vec::new();
    for e in expect {
        let pointer = e["pointer"].as_str().ok_or("expect without pointer")?;
        let pointer = match &big_key {
            Some(key) => pointer.replace("<10 MB key>", key),
            None => pointer.to_string(),
        };
        expected.push((code(e["code"].as_str().unwrap_or("")), severity(e["severity"].as_str().unwrap_or("")), pointer));
    }
    for (c, s, p) in &expected {
        if !fs.iter().any(|f| f.code == *c && f.severity == *s && f.path == *p) {
            return Err(format!("no {:?} {} at {}; got:{}", s, c.as_str(), p.chars().take(60).collect::<String>(), summary(fs)));
        }
    }
    let is_expected = |f: &Finding| expected.iter().any(|(c, s, p)| f.code == *c && f.severity == *s && f.path == *p);
    if case["only"] == json!(true) {
        if fs.len() != expected.len() || !fs.iter().all(is_expected) {
            return Err(format!("expected exactly {} finding(s); got:{}", expected.len(), summary(fs)));
        }
    } else if case["only_errors"] == json!(true) {
        if let Some(f) = fs.iter().find(|f| f.severity == Severity::Error && !is_expected(f)) {
            return Err(format!("unexpected error {} at {}; got:{}", f.code.as_str(), f.path, summary(fs)));
        }
    } else {
        // Other errors keep to the codes the case is about, and the cascades it names
        // ("also": e.g. a seat that could not be read leaves its body too few seats).
        let also = case.get("also").and_then(Value::as_array).cloned().unwrap_or_default();
        let codes: BTreeSet<&str> = expect.iter().chain(&also).filter_map(|e| e.get("code").unwrap_or(e).as_str()).collect();
        if let Some(f) = fs.iter().find(|f| f.severity == Severity::Error && !codes.contains(f.code.as_str().as_str())) {
            return Err(format!("unexpected error {} at {}; got:{}", f.code.as_str(), f.path, summary(fs)));
        }
    }
    // Every finding: both languages, a bounded message, and a path into the input.
    let parsed: Option<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok();
    for f in fs {
        if f.message.da.is_empty() || f.message.en.is_empty() {
            return Err(format!("{} at {}: a message is empty", f.code.as_str(), f.path));
        }
        let longest = f.message.da.chars().count().max(f.message.en.chars().count());
        if longest > MAX_MESSAGE_CHARS {
            return Err(format!("{} at {}: message of {longest} characters", f.code.as_str(), f.path.chars().take(60).collect::<String>()));
        }
        if let Some(doc) = &parsed {
            if !f.path.is_empty() && doc.pointer(&f.path).is_none() {
                return Err(format!("{}: path {} is not in the input", f.code.as_str(), f.path.chars().take(60).collect::<String>()));
            }
        }
    }
    // What was not broken is kept.
    if let Some(keep) = case.get("keep").and_then(Value::as_object) {
        let data = serde_json::to_value(&outcome.report.dataset).map_err(|e| e.to_string())?;
        for (array, n) in keep {
            // Data are written in format /2: a /1 document's clusters are its areas.
            let key = if array == "clusters" { "areas" } else { array.as_str() };
            let got = data.get(key).and_then(Value::as_array).map_or(0, Vec::len) as u64;
            if Some(got) != n.as_u64() {
                return Err(format!("kept {got} {array}; expected {n}"));
            }
        }
    }
    if let Some(texts) = case.get("texts").and_then(Value::as_array) {
        let mut all = Vec::new();
        strings(&serde_json::to_value(&outcome.report.dataset).map_err(|e| e.to_string())?, &mut all);
        for t in texts.iter().filter_map(Value::as_str) {
            if !all.iter().any(|s| s == t) {
                return Err(format!("the text {t:?} was not kept verbatim"));
            }
        }
    }
    // The chart holds every region, cluster and seat that was read.
    let d = &outcome.report.dataset;
    if outcome.laid_out != outcome.chart_nodes {
        return Err(format!("laid out {} of {} chart nodes", outcome.laid_out, outcome.chart_nodes));
    }
    let drawn_clusters = d.areas.iter().filter(|c| d.region(&c.region).is_some()).count();
    if outcome.chart_nodes < d.regions.len() + drawn_clusters {
        return Err(format!("{} chart nodes for {} regions and {drawn_clusters} clusters", outcome.chart_nodes, d.regions.len()));
    }
    // Results cross to JavaScript as JSON: not many times larger than the input. (Key
    // figures repeat a cluster's name in each figure: a 10 MB name gives ~60 MB.)
    if outcome.json_bytes > 8 * text.len() + 1_000_000 {
        return Err(format!("{} bytes of results for {} bytes of input", outcome.json_bytes, text.len()));
    }
    Ok(())
}

fn run_cases(long: bool) {
    let cases = manifest();
    assert!(cases.len() >= 60, "the corpus has {} cases; at least 60", cases.len());
    let cases: Vec<&Value> = cases.iter().filter(|c| (c["long"] == json!(true)) == long).collect();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases.iter().copied() {
        let name = case.get("file").or_else(|| case.get("name")).and_then(Value::as_str).unwrap_or("?").to_string();
        let start = std::time::Instant::now();
        if let Err(e) = check_case(case) {
            eprintln!("FAILED {name}: {e}");
            failures.push(format!("{name}: {e}"));
        }
        let took = start.elapsed();
        if took.as_secs_f64() > 2.0 {
            eprintln!("slow case {name}: {took:?}");
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn every_case_gives_its_findings_and_keeps_the_rest() {
    run_cases(false);
}

/// The generated large cases (10 MB strings, a million municipalities, 200,000 seats …):
/// about two minutes in a debug build, a few seconds optimised. `make test-fuzz` and
/// `make fuzz` run them with `cargo test --release --test corpus -- --ignored`.
#[test]
#[ignore = "long: run by make test-fuzz (release build)"]
fn large_generated_cases() {
    run_cases(true);
}

#[test]
fn manifest_and_files_agree() {
    let cases = manifest();
    let listed: BTreeSet<String> = cases.iter().filter_map(|c| c.get("file").and_then(Value::as_str)).map(str::to_string).collect();
    let on_disk: BTreeSet<String> = fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.len() > 4 && n.as_bytes()[..3].iter().all(u8::is_ascii_digit) && n.as_bytes()[3] == b'-')
        .collect();
    assert_eq!(listed, on_disk, "every corpus file is in expected.json and every listed file exists");
    let names: Vec<&str> = cases.iter().filter_map(|c| c.get("file").or_else(|| c.get("name")).and_then(Value::as_str)).collect();
    assert_eq!(names.len(), cases.len(), "every case has a file or a name");
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), names.len(), "case names are unique");
    for c in &cases {
        assert!(c.get("expect").and_then(Value::as_array).is_some(), "{c}: no expect list");
    }
}

/// Every finding code the README's table lists (all reachable from data) is produced by
/// at least one case.
#[test]
fn every_documented_code_has_a_case() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("## Validation findings").nth(1).unwrap().split("\n## ").next().unwrap();
    let mut documented = BTreeSet::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cell = line.split('|').nth(1).unwrap();
        for part in cell.split('`').skip(1).step_by(2) {
            code(part);
            documented.insert(part.to_string());
        }
    }
    assert!(documented.len() >= 40, "read {} codes from the README table", documented.len());
    let covered: BTreeSet<String> =
        manifest().iter().flat_map(|c| c["expect"].as_array().cloned().unwrap_or_default()).filter_map(|e| e["code"].as_str().map(str::to_string)).collect();
    let missing: Vec<&String> = documented.difference(&covered).collect();
    assert!(missing.is_empty(), "codes without a corpus case: {missing:?}");
}
