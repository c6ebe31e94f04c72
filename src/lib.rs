//! # sundhedsklynger
//!
//! How Danish health care is governed across region and municipality: each region's
//! health cooperation committee (*sundhedssamarbejdsudvalg*, SSU) and its health clusters
//! (*sundhedsklynger*), checked against rule profiles and drawn as an org chart.
//!
//! The crate is a pure core (this module tree, no browser types, tested natively) plus,
//! on wasm32, a thin JS boundary ([`api`]) and, with feature `view`, a Yew widget.
//!
//! ```
//! let report = sundhedsklynger::check(sundhedsklynger::DEFAULT_DATA_JSON, &Default::default());
//! assert!(!report.has_errors());
//! assert_eq!(report.dataset.areas.len(), 22);
//! ```

pub mod bodies;
pub mod chart;
pub mod figures;
pub mod finding;
pub mod model;
pub mod read;
pub mod rules;
pub mod transition;

/// Hash maps and sets keyed by ids and codes from the data. std's SipHash was a sixth of
/// the time it took to read, check and chart 10,000 seats; foldhash (what hashbrown uses)
/// is several times faster and still seeded per process.
pub mod hash {
    pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
    pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
}

#[cfg(target_arch = "wasm32")]
pub mod js;
#[cfg(all(target_arch = "wasm32", feature = "view"))]
pub mod web;

use std::sync::OnceLock;

pub use finding::{Code, Finding, Severity};
pub use model::Dataset;
pub use read::{Origins, ReadOutcome};
pub use model::text::{Lang, Text};
pub use rules::Options;

/// The embedded default data: all regions, clusters and municipalities, with sources.
pub const DEFAULT_DATA_JSON: &str = include_str!("../www/data/default.json");

/// The default data set, read once.
pub fn default_data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| read::read_str(DEFAULT_DATA_JSON).dataset)
}

/// The real data sets, embedded: `(id, JSON text)`, oldest first.
pub const DATASETS: [(&str, &str); 2] = [
    ("klynger-2022", include_str!("../www/data/klynger-2022.json")),
    ("sundhedsraad-2027", include_str!("../www/data/sundhedsraad-2027.json")),
];

/// What [`dataset_infos`] tells of an embedded data set (read from its JSON).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DatasetInfo {
    pub id: String,
    pub title: Option<Text>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub preparatory_from: Option<String>,
    pub status: Option<String>,
}

/// The embedded data sets' ids, titles, periods and statuses, in [`DATASETS`]' order.
pub fn dataset_infos() -> Vec<DatasetInfo> {
    static INFOS: OnceLock<Vec<DatasetInfo>> = OnceLock::new();
    INFOS
        .get_or_init(|| {
            DATASETS
                .iter()
                .map(|(id, text)| {
                    let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
                    let s = |k: &str| v.get(k).and_then(serde_json::Value::as_str).map(str::to_string);
                    DatasetInfo {
                        id: id.to_string(),
                        title: v.get("title").and_then(|t| serde_json::from_value(t.clone()).ok()),
                        valid_from: s("valid_from"),
                        valid_to: s("valid_to"),
                        preparatory_from: s("preparatory_from"),
                        status: s("status"),
                    }
                })
                .collect()
        })
        .clone()
}

/// The id of the embedded data set in force on `date` (`YYYY-MM-DD`, compared as text):
/// the one whose `[valid_from, valid_to]` holds it; before the first, the first; in a gap
/// between two, the earlier. `None` for a date that is not a calendar date.
pub fn dataset_in_force(date: &str) -> Option<&'static str> {
    if !rules::is_date(date) {
        return None;
    }
    let infos = dataset_infos();
    let mut best: Option<usize> = None;
    for (i, info) in infos.iter().enumerate() {
        let started = info.valid_from.as_deref().is_none_or(|f| f <= date);
        let not_ended = info.valid_to.as_deref().is_none_or(|t| date <= t);
        if started && not_ended {
            return Some(DATASETS[i].0);
        }
        if started {
            best = Some(i);
        }
    }
    Some(DATASETS[best.unwrap_or(0)].0)
}

/// A data set read and validated.
#[derive(Clone, Debug)]
pub struct Report {
    pub dataset: Dataset,
    pub origins: Origins,
    /// Reading findings first, then validation findings; errors before warnings before info.
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Reads JSON text and validates what could be read.
pub fn check(text: &str, options: &Options) -> Report {
    let ReadOutcome { dataset, origins, mut findings } = read::read_str(text);
    // A document that is not a data set at all gives nothing to validate.
    let readable = !findings.iter().any(|f| matches!(f.code, Code::JsonSyntax | Code::JsonNotObject | Code::InputTooLarge));
    if readable {
        findings.extend(rules::validate(&dataset, &origins, options));
        findings.sort_by_key(|f| f.severity);
    }
    Report { dataset, origins, findings }
}

/// The JSON Schema of the data format, generated from the Rust types.
#[cfg(not(target_arch = "wasm32"))]
pub fn generate_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("$id".into(), "https://sundhedsklynger.invalid/schema/sundhedsklynger-2.schema.json".into());
    let mut value = schema.to_value();
    standard_formats(&mut value);
    value
}

/// The `format`s JSON Schema 2020-12 defines; validators such as ajv in strict mode refuse
/// any other.
#[cfg(not(target_arch = "wasm32"))]
const STANDARD_FORMATS: [&str; 19] = [
    "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
    "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer",
    "relative-json-pointer", "regex",
];

/// Replaces the non-standard `format`s schemars writes for Rust's number types (`uint32`,
/// `double`, …) by the bounds they stand for (`minimum`, `maximum`), or drops them where
/// they stand for none (`double`, `int64`); standard formats are kept.
#[cfg(not(target_arch = "wasm32"))]
fn standard_formats(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(obj) => {
            if let Some(format) = obj.get("format").and_then(Value::as_str).map(str::to_string) {
                if !STANDARD_FORMATS.contains(&format.as_str()) {
                    obj.remove("format");
                    let (min, max): (Option<i64>, Option<u64>) = match format.as_str() {
                        "uint8" => (Some(0), Some(u8::MAX.into())),
                        "uint16" => (Some(0), Some(u16::MAX.into())),
                        "uint32" => (Some(0), Some(u32::MAX.into())),
                        "uint" | "uint64" | "uint128" => (Some(0), None),
                        "int8" => (Some(i8::MIN.into()), Some(i8::MAX as u64)),
                        "int16" => (Some(i16::MIN.into()), Some(i16::MAX as u64)),
                        "int32" => (Some(i32::MIN.into()), Some(i32::MAX as u64)),
                        _ => (None, None),
                    };
                    // A bound the type already states (schemars writes `minimum: 0` for
                    // unsigned types) is kept where it is the tighter one.
                    if let Some(min) = min {
                        if obj.get("minimum").and_then(Value::as_f64).is_none_or(|m| m < min as f64) {
                            obj.insert("minimum".into(), min.into());
                        }
                    }
                    if let Some(max) = max {
                        if obj.get("maximum").and_then(Value::as_f64).is_none_or(|m| m > max as f64) {
                            obj.insert("maximum".into(), max.into());
                        }
                    }
                }
            }
            for (key, v) in obj.iter_mut() {
                match (key.as_str(), v) {
                    // Maps of names to schemas: a property may be called "default".
                    ("properties" | "patternProperties" | "$defs" | "dependentSchemas", Value::Object(map)) => {
                        map.values_mut().for_each(standard_formats)
                    }
                    // Data, not schemas (an example data set has a "format").
                    ("const" | "enum" | "default" | "examples", _) => {}
                    (_, v) => standard_formats(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(standard_formats),
        _ => {}
    }
}

/// The shipped JSON Schema (`schema/sundhedsklynger.schema.json`). It is generated from the
/// Rust types natively (`generate_schema`, checked by the tests); the wasm build embeds the
/// file rather than the generator, which would add its code to every download.
pub const SCHEMA_JSON: &str = include_str!("../schema/sundhedsklynger.schema.json");

/// The JSON Schema of format `/1` as it was shipped, kept unchanged: `/1` documents are
/// checked against its shapes, so they read with the findings they always had.
pub const SCHEMA_V1_JSON: &str = include_str!("../schema/sundhedsklynger-1.schema.json");

/// The JSON Schema of format `/1`.
pub fn schema_v1() -> serde_json::Value {
    serde_json::from_str(SCHEMA_V1_JSON).unwrap_or(serde_json::Value::Null)
}

/// The JSON Schema of the data format.
pub fn schema() -> serde_json::Value {
    serde_json::from_str(SCHEMA_JSON).unwrap_or(serde_json::Value::Null)
}
