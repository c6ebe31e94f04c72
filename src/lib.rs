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

/// The real data sets: `(id, JSON text)`, oldest first.
///
/// Embedded (feature `embedded-data`: native builds, the tests, the Node entry). The
/// browser build leaves them out — 285 KB of JSON, 22 KB gzip, that a page bringing its
/// own data never needs: there `DATASETS` holds the data sets registered so far
/// ([`datasets::register`], after the entry fetched `data/<id>.json`), in the order of
/// [`datasets::KNOWN`]. What every build knows without the texts is [`datasets::KNOWN`].
#[cfg(feature = "embedded-data")]
pub const DATASETS: [(&str, &str); 2] = [
    ("klynger-2022", include_str!("../www/data/klynger-2022.json")),
    ("sundhedsraad-2027", include_str!("../www/data/sundhedsraad-2027.json")),
];

/// The real data sets registered so far (see the embedded [`DATASETS`]).
#[cfg(not(feature = "embedded-data"))]
pub static DATASETS: datasets::Registered = datasets::Registered;

/// The real data sets by id, whether their texts are at hand or not.
pub mod datasets {
    /// What every build knows of a data set without its text: its id, title, period and
    /// status, as its JSON says (a test checks that they agree).
    pub struct Known {
        pub id: &'static str,
        pub title: (&'static str, &'static str),
        pub valid_from: Option<&'static str>,
        pub valid_to: Option<&'static str>,
        pub preparatory_from: Option<&'static str>,
        pub status: Option<&'static str>,
    }

    /// The real data sets, oldest first; the browser entries fetch `data/<id>.json`.
    pub const KNOWN: [Known; 2] = [
        Known {
            id: "klynger-2022",
            title: ("Sundhedsklynger 2022–2026", "Health clusters (sundhedsklynger) 2022–2026"),
            valid_from: Some("2022-07-01"),
            valid_to: Some("2026-12-31"),
            preparatory_from: None,
            status: Some("partial"),
        },
        Known {
            id: "sundhedsraad-2027",
            title: ("Sundhedsråd fra 2027", "Health councils (sundhedsråd) from 2027"),
            valid_from: Some("2027-01-01"),
            valid_to: None,
            preparatory_from: Some("2026-01-01"),
            status: Some("secondary"),
        },
    ];

    /// The known data set `id` names.
    pub fn known(id: &str) -> Option<&'static Known> {
        KNOWN.iter().find(|k| k.id == id)
    }

    /// The text of data set `id`, where it is at hand (embedded, or registered).
    pub fn text(id: &str) -> Option<&'static str> {
        super::DATASETS.iter().find(|(known, _)| *known == id).map(|(_, text)| *text)
    }

    /// Whether the text of data set `id` is at hand.
    pub fn is_loaded(id: &str) -> bool {
        text(id).is_some()
    }

    #[cfg(not(feature = "embedded-data"))]
    pub use registered::{register, Registered};

    #[cfg(not(feature = "embedded-data"))]
    mod registered {
        use std::ops::Deref;
        use std::sync::{Mutex, PoisonError};

        type Sets = &'static [(&'static str, &'static str)];

        /// The registered data sets. Each registration leaks its text and a new slice of at
        /// most [`super::KNOWN`]`.len()` pairs: a data set is registered once per page.
        static SETS: Mutex<Sets> = Mutex::new(&[]);

        /// [`crate::DATASETS`] where they are not embedded: the sets registered so far.
        pub struct Registered;

        impl Deref for Registered {
            type Target = [(&'static str, &'static str)];
            fn deref(&self) -> &Self::Target {
                *SETS.lock().unwrap_or_else(PoisonError::into_inner)
            }
        }

        /// Makes the text of a known data set available. `false` for an id that is not
        /// one of [`super::KNOWN`]; a second registration of an id keeps the first text.
        pub fn register(id: &str, text: String) -> bool {
            let Some(known) = super::known(id) else { return false };
            let mut sets = SETS.lock().unwrap_or_else(PoisonError::into_inner);
            if sets.iter().any(|(i, _)| *i == id) {
                return true;
            }
            let text: &'static str = Box::leak(text.into_boxed_str());
            let mut next = sets.to_vec();
            next.push((known.id, text));
            next.sort_by_key(|(i, _)| super::KNOWN.iter().position(|k| k.id == *i));
            *sets = Box::leak(next.into_boxed_slice());
            true
        }
    }
}

/// What [`dataset_infos`] tells of a data set.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DatasetInfo {
    pub id: String,
    pub title: Option<Text>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub preparatory_from: Option<String>,
    pub status: Option<String>,
}

/// The real data sets' ids, titles, periods and statuses, oldest first
/// ([`datasets::KNOWN`]; their texts need not be at hand).
pub fn dataset_infos() -> Vec<DatasetInfo> {
    let s = |v: Option<&str>| v.map(str::to_string);
    datasets::KNOWN
        .iter()
        .map(|k| DatasetInfo {
            id: k.id.to_string(),
            title: Some(Text::new(k.title.0.to_string(), k.title.1.to_string())),
            valid_from: s(k.valid_from),
            valid_to: s(k.valid_to),
            preparatory_from: s(k.preparatory_from),
            status: s(k.status),
        })
        .collect()
}

/// The id of the real data set in force on `date` (`YYYY-MM-DD`, compared as text):
/// the one whose `[valid_from, valid_to]` holds it; before the first, the first; in a gap
/// between two, the earlier. `None` for a date that is not a calendar date.
pub fn dataset_in_force(date: &str) -> Option<&'static str> {
    if !rules::is_date(date) {
        return None;
    }
    let mut best: Option<usize> = None;
    for (i, k) in datasets::KNOWN.iter().enumerate() {
        let started = k.valid_from.is_none_or(|f| f <= date);
        let not_ended = k.valid_to.is_none_or(|t| date <= t);
        if started && not_ended {
            return Some(k.id);
        }
        if started {
            best = Some(i);
        }
    }
    Some(datasets::KNOWN[best.unwrap_or(0)].id)
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
    check_read(read::read_str(text), options)
}

/// The second half of [`check`]: what was read, validated (the widget does the two halves
/// in separate tasks).
pub fn check_read(outcome: ReadOutcome, options: &Options) -> Report {
    let ReadOutcome { dataset, origins, mut findings } = outcome;
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
/// Rust types natively (`generate_schema`, checked by the tests); the Node entry embeds the
/// file rather than the generator, which would add its code to every download, and the
/// browser build leaves it out (its entries fetch `schema.json` when asked for it).
#[cfg(feature = "embedded-data")]
pub const SCHEMA_JSON: &str = include_str!("../schema/sundhedsklynger.schema.json");

/// The JSON Schema of format `/1` as it was shipped, kept unchanged: `/1` documents are
/// checked against its shapes, so they read with the findings they always had.
pub const SCHEMA_V1_JSON: &str = include_str!("../schema/sundhedsklynger-1.schema.json");

/// What reading needs of the two schemas — their `$defs`, `$ref`s, `anyOf`/`oneOf`,
/// `properties` and `items`, nothing else ([`reduced_schema`]) — for the unknown-key
/// findings and the shapes the byte scan checks. Embedded in every build (5 KB where the
/// two full schemas are 60 KB); `tests` checks that they are the reduced shipped schemas.
pub const SCHEMA_SHAPES_JSON: &str = include_str!("../schema/reading/sundhedsklynger-2.shapes.json");
/// [`SCHEMA_SHAPES_JSON`] of format `/1`.
pub const SCHEMA_V1_SHAPES_JSON: &str = include_str!("../schema/reading/sundhedsklynger-1.shapes.json");

/// The shapes of the schema of `version` ([`SCHEMA_SHAPES_JSON`]), as reading uses them.
pub fn schema_shapes(version: model::Version) -> serde_json::Value {
    let text = match version {
        model::Version::V1 => SCHEMA_V1_SHAPES_JSON,
        model::Version::V2 => SCHEMA_SHAPES_JSON,
    };
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

/// A JSON Schema reduced to what reading looks at: in each schema node its `$defs`,
/// `$ref`, `anyOf`, `oneOf`, `properties` and `items`; maps of names keep every name.
#[cfg(not(target_arch = "wasm32"))]
pub fn reduced_schema(node: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let Value::Object(obj) = node else { return Value::Object(Default::default()) };
    let mut out = serde_json::Map::new();
    for (key, v) in obj {
        let reduced = match (key.as_str(), v) {
            ("$ref", Value::String(_)) => v.clone(),
            ("anyOf" | "oneOf", Value::Array(items)) => Value::Array(items.iter().map(reduced_schema).collect()),
            ("items", _) => reduced_schema(v),
            ("properties" | "$defs", Value::Object(map)) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), reduced_schema(v))).collect())
            }
            _ => continue,
        };
        out.insert(key.clone(), reduced);
    }
    Value::Object(out)
}

/// The JSON Schema of format `/1`.
pub fn schema_v1() -> serde_json::Value {
    serde_json::from_str(SCHEMA_V1_JSON).unwrap_or(serde_json::Value::Null)
}

/// The JSON Schema of the data format.
#[cfg(feature = "embedded-data")]
pub fn schema() -> serde_json::Value {
    serde_json::from_str(SCHEMA_JSON).unwrap_or(serde_json::Value::Null)
}

#[cfg(all(test, feature = "embedded-data", not(target_arch = "wasm32")))]
mod tests {
    /// The reading shapes are the shipped schemas reduced; `SK_UPDATE_SHAPES=1 cargo test
    /// --lib shapes` writes them anew after the schema changed.
    #[test]
    fn reading_shapes_are_the_reduced_schemas() {
        for (full, shapes, file) in [
            (super::SCHEMA_JSON, super::SCHEMA_SHAPES_JSON, "schema/reading/sundhedsklynger-2.shapes.json"),
            (super::SCHEMA_V1_JSON, super::SCHEMA_V1_SHAPES_JSON, "schema/reading/sundhedsklynger-1.shapes.json"),
        ] {
            let full: serde_json::Value = serde_json::from_str(full).expect("schema is JSON");
            let want = serde_json::to_string(&super::reduced_schema(&full)).expect("JSON") + "\n";
            if std::env::var_os("SK_UPDATE_SHAPES").is_some() {
                std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + file, &want).expect("write");
            } else {
                assert_eq!(shapes, want, "{file} is not the reduced schema: SK_UPDATE_SHAPES=1 cargo test --lib shapes");
            }
        }
    }

    /// `datasets::KNOWN` says of each data set what its JSON says.
    #[test]
    fn known_data_sets_agree_with_their_json() {
        assert_eq!(super::DATASETS.len(), super::datasets::KNOWN.len());
        for ((id, text), known) in super::DATASETS.iter().zip(&super::datasets::KNOWN) {
            let v: serde_json::Value = serde_json::from_str(text).expect("the data set is JSON");
            let s = |k: &str| v.get(k).and_then(serde_json::Value::as_str);
            assert_eq!(*id, known.id);
            assert_eq!(s("id"), Some(known.id));
            assert_eq!(v["title"]["da"].as_str(), Some(known.title.0), "{id}");
            assert_eq!(v["title"]["en"].as_str(), Some(known.title.1), "{id}");
            assert_eq!(s("valid_from"), known.valid_from, "{id}");
            assert_eq!(s("valid_to"), known.valid_to, "{id}");
            assert_eq!(s("preparatory_from"), known.preparatory_from, "{id}");
            assert_eq!(s("status"), known.status, "{id}");
        }
    }
}
