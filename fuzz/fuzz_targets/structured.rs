//! The whole pipeline on mutations of a valid data set (the corpus's base: a region, a
//! cluster, seats, persons and an indicator with counts): the fuzzer's bytes choose nodes of the document and
//! what to put there (payload texts, extreme numbers, wrong types, copies, deletions), so
//! the input stays mostly valid and reaches validation, key figures and layout in depth.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

#[path = "../../tests/corpus/pipeline.rs"]
mod pipeline;

/// A small valid data set with every kind of element (see tests/corpus/make-corpus.py).
const BASE: &str = include_str!("../../tests/corpus/013-byte-order-mark.txt");

const TEXTS: &[&str] = &[
    "", " ", "RN", "RN-VEST", "RN/ssu", "RN-VEST/political", "RN-VEST/professional", "773", "787", "101", "p-chair", "p-mayor",
    "ind", "2023", "2022", "0+", "65-69", "90+", "0-4", "unknown", "confirmed", "partial", "unverified", "mayor", "other",
    "regional-council-chair", "general-practice-representative", "chair", "co-chair", "direct", "esp2013", "rate", "proportion",
    "aftale-2021", "sundhedsloven-2022", "https://example.org/", "javascript:alert(1)", "<img src=x onerror=alert(1)>",
    "\u{202e}abc", "a\u{200b}b", "🏥", "2024-02-30", "9999-99-99", "f", "m",
];

fn value(u: &mut Unstructured, base: &Value, depth: u32) -> Result<Value> {
    Ok(match u.int_in_range(0..=14)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => json!(u.arbitrary::<u64>()?),
        4 => {
            let x: f64 = u.arbitrary()?;
            if x.is_finite() { json!(x) } else { json!(1e308) }
        }
        5 => json!(*u.choose(&[0.0, -0.0, 0.5, 1.0, 1.000001, -1.0, 1e-300, 4294967295.0, 4294967296.0, 9007199254740993.0])?),
        6 | 7 | 8 => json!(*u.choose(TEXTS)?),
        9 => {
            let n = u.int_in_range(0..=16)?;
            json!(String::from_utf8_lossy(u.bytes(n)?))
        }
        10 if depth < 3 => {
            let n = u.int_in_range(0..=4)?;
            Value::Array((0..n).map(|_| value(u, base, depth + 1)).collect::<Result<_>>()?)
        }
        11 if depth < 3 => {
            let n = u.int_in_range(0..=3)?;
            let mut m = serde_json::Map::new();
            for _ in 0..n {
                m.insert(u.choose(TEXTS)?.to_string(), value(u, base, depth + 1)?);
            }
            Value::Object(m)
        }
        // A copy of some node of the base: a valid element in the wrong place, or a duplicate.
        _ => {
            let mut all = Vec::new();
            nodes(base, &mut all);
            (*u.choose(&all)?).clone()
        }
    })
}

fn nodes<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    out.push(v);
    match v {
        Value::Array(a) => a.iter().for_each(|x| nodes(x, out)),
        Value::Object(o) => o.values().for_each(|x| nodes(x, out)),
        _ => {}
    }
}

fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{here}/{i}"), out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| pointers(x, format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

fn mutate(u: &mut Unstructured, doc: &mut Value, base: &Value) -> Result<()> {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let at = u.choose(&all)?.clone();
    let new = value(u, base, 0)?;
    let op = u.int_in_range(0..=3)?;
    let Some(target) = doc.pointer_mut(&at) else { return Ok(()) };
    match (op, target) {
        (0, Value::Array(a)) if !a.is_empty() => {
            let i = u.choose_index(a.len())?;
            a.remove(i);
        }
        (0, Value::Object(o)) if !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            o.remove(u.choose(&keys)?);
        }
        (1, Value::Array(a)) if !a.is_empty() => {
            // Duplicate an element: duplicate ids, members, rows.
            let i = u.choose_index(a.len())?;
            let copy = a[i].clone();
            a.push(copy);
        }
        (2, Value::Array(a)) => a.push(new),
        (2, Value::Object(o)) => {
            o.insert(u.choose(TEXTS)?.to_string(), new);
        }
        (_, target) => *target = new,
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let base: Value = serde_json::from_str(BASE.trim_start_matches('\u{feff}')).expect("the base is JSON");
    let mut doc = base.clone();
    let mut u = Unstructured::new(data);
    for _ in 0..u.int_in_range(1..=8).unwrap_or(1) {
        if mutate(&mut u, &mut doc, &base).is_err() {
            break;
        }
    }
    pipeline::run(&doc.to_string());
});
