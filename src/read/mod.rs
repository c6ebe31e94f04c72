//! Reading untrusted JSON into a [`Dataset`].
//!
//! Reading never panics and never gives up at the first error: each element of each
//! top-level array is read on its own, so one broken cluster costs that cluster (with a
//! finding that names its path), not the whole data set.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::finding::{at, pointer, Code, Finding, Severity};
use crate::model::{Dataset, Version, FORMAT, FORMAT_V1};
use crate::model::text::Text;

mod errors;
mod limits;
mod origins;
mod scan;
mod shapes;
// Native only: serde_path_to_error is a dev-dependency of the native tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub(crate) use errors::clip;
use errors::*;
pub use limits::*;
pub use origins::*;
use scan::*;
use shapes::*;

fn empty_dataset() -> Dataset {
    Dataset::empty()
}

impl Dataset {
    /// A data set with nothing in it, for inputs that could not be read at all.
    pub fn empty() -> Dataset {
        Dataset {
            format: FORMAT.to_string(),
            schema: None,
            title: None,
            description: None,
            as_of: String::new(),
            profile: None,
            profiles: Vec::new(),
            regions: Vec::new(),
            municipalities: Vec::new(),
            areas: Vec::new(),
            id: None,
            valid_from: None,
            valid_to: None,
            preparatory_from: None,
            status: None,
            sources: Vec::new(),
            persons: Vec::new(),
            seats: Vec::new(),
            standard_populations: Vec::new(),
            indicators: Vec::new(),
            values: Vec::new(),
        }
    }
}

/// Reads a data set from JSON text.
pub fn read_str(text: &str) -> ReadOutcome {
    read_text(text, true)
}

/// [`read_str`] the plain way, by parsing the whole document into a tree first. It gives
/// the same outcome, more slowly; the tests and the fuzzer compare the two.
pub fn read_str_via_tree(text: &str) -> ReadOutcome {
    read_text(text, false)
}

fn read_text(text: &str, fast: bool) -> ReadOutcome {
    let mut findings = Vec::new();
    if text.len() > MAX_INPUT_BYTES {
        findings.push(Finding::new(
            Severity::Error,
            Code::InputTooLarge,
            "",
            Text::new(
                format!("Data er for store: {} byte; højst {} byte.", text.len(), MAX_INPUT_BYTES),
                format!("The data are too large: {} bytes; at most {} bytes.", text.len(), MAX_INPUT_BYTES),
            ),
        ));
        return ReadOutcome { dataset: empty_dataset(), origins: Origins::default(), findings };
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            findings.push(Finding::new(
                Severity::Info,
                Code::ByteOrderMark,
                "",
                Text::new(
                    "Filen begynder med et byte-order mark (BOM); det er ignoreret.",
                    "The file starts with a byte-order mark (BOM); it was ignored.",
                ),
            ));
            rest
        }
        None => text,
    };
    if let Some(mut outcome) = read_well_formed(text).filter(|_| fast) {
        findings.append(&mut outcome.findings);
        outcome.findings = findings;
        return outcome;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            let mut outcome = read_value(&value);
            findings.append(&mut outcome.findings);
            outcome.findings = findings;
            outcome
        }
        Err(e) => {
            findings.push(Finding::new(
                Severity::Error,
                Code::JsonSyntax,
                "",
                Text::new(
                    format!(
                        "Ugyldig JSON i linje {}, kolonne {}: {}. Forventede gyldig JSON (RFC 8259).",
                        e.line(),
                        e.column(),
                        syntax_da(&e)
                    ),
                    format!("Invalid JSON at line {}, column {}: {}. Expected valid JSON (RFC 8259).", e.line(), e.column(), strip_position(&e.to_string())),
                ),
            ));
            ReadOutcome { dataset: empty_dataset(), origins: Origins::default(), findings }
        }
    }
}

/// The fields the top level may have, format `/1`.
const TOP_LEVEL_V1: [&str; 15] = [
    "format", "$schema", "title", "description", "as_of", "profile", "profiles", "regions",
    "municipalities", "clusters", "persons", "seats", "standard_populations", "indicators", "values",
];

/// The fields the top level may have, format `/2`.
const TOP_LEVEL: [&str; 21] = [
    "format", "$schema", "id", "title", "description", "as_of", "valid_from", "valid_to", "preparatory_from", "status",
    "sources", "profile", "profiles", "regions", "municipalities", "areas", "persons", "seats", "standard_populations",
    "indicators", "values",
];

fn top_level(version: Version) -> &'static [&'static str] {
    match version {
        Version::V1 => &TOP_LEVEL_V1,
        Version::V2 => &TOP_LEVEL,
    }
}

/// The version whose shapes a document is checked with: its format's; for a document whose
/// format is missing or unsupported, `/1` where it has `clusters` and no `areas`.
fn version_of(obj: &Map<String, Value>) -> Version {
    match obj.get("format").and_then(Value::as_str).and_then(Version::of) {
        Some(v) => v,
        None if obj.contains_key("clusters") && !obj.contains_key("areas") => Version::V1,
        None => Version::V2,
    }
}

/// The version the reader is reading.
fn current_version() -> Version {
    shapes::current()
}

/// The top-level arrays of a version.
fn arrays_of(version: Version) -> [&'static str; 9] {
    let mut a = ARRAYS;
    a[3] = version.areas_key();
    a
}

/// The top-level arrays: read element by element from their text when the document is
/// well-formed (see [`read_well_formed`]).
const ARRAYS: [&str; 9] = ["profiles", "regions", "municipalities", "areas", "persons", "seats", "standard_populations", "indicators", "values"];

/// Reads a JSON object without building a tree of the whole document: one scan of the
/// bytes finds the top-level fields and the texts of the arrays' elements, and checks each
/// element against its shape in the schema; each element is then read straight from its
/// text. A tree of 10,000 seats and persons cost more to build and drop than the rest of
/// reading. `None` (broken text, not an object, an escaped top-level key) leaves the input
/// to `read_value`, which reports it; so does an element that turns out not to be JSON.
fn read_well_formed(text: &str) -> Option<ReadOutcome> {
    let (other, arrays) = scan_top(text)?;
    let malformed = std::cell::Cell::new(false);
    let outcome = read_object(&other, &arrays, &malformed);
    (!malformed.get()).then_some(outcome)
}

/// Reads a data set from a parsed JSON value.
pub fn read_value(value: &Value) -> ReadOutcome {
    let Some(obj) = value.as_object() else {
        let findings = vec![Finding::new(
            Severity::Error,
            Code::JsonNotObject,
            "",
            Text::new(
                format!("Fandt {}; forventede et JSON-objekt med \"format\": \"{FORMAT}\".", kind_da(value)),
                format!("Found {}; expected a JSON object with \"format\": \"{FORMAT}\".", kind_en(value)),
            ),
        )];
        return ReadOutcome { dataset: empty_dataset(), origins: Origins::default(), findings };
    };
    read_object(obj, &RawArrays::new(), &std::cell::Cell::new(false))
}

/// Reads the top-level object: the top-level arrays from `raw` where they are there (text),
/// else from `obj`.
/// Sets `malformed` where a raw array or element turns out not to be well-formed JSON.
fn read_object(obj: &Map<String, Value>, raw: &RawArrays, malformed: &std::cell::Cell<bool>) -> ReadOutcome {
    let mut findings = Vec::new();
    let mut data = empty_dataset();
    let mut origins = Origins::default();
    let version = version_of(obj);
    let _reading = reading(version);
    let top = top_level(version);
    origins.areas_key = AreasKey(version.areas_key());

    match obj.get("format") {
        Some(Value::String(f)) if Version::of(f).is_some() => data.format = f.clone(),
        Some(other) => findings.push(Finding::new(
            Severity::Error,
            Code::FormatUnsupported,
            "/format",
            Text::new(
                format!("Formatet {} understøttes ikke; forventede \"{FORMAT}\" (eller \"{FORMAT_V1}\").", short(other)),
                format!("The format {} is not supported; expected \"{FORMAT}\" (or \"{FORMAT_V1}\").", short(other)),
            ),
        )),
        None => findings.push(missing_field("", "format")),
    }

    for key in obj.keys() {
        if !top.contains(&key.as_str()) {
            findings.push(Finding::new(
                Severity::Error,
                Code::JsonUnknownField,
                pointer([key.as_str()]),
                Text::new(
                    format!("Ukendt felt \"{}\"; forventede et af: {}.", clip(key), top.join(", ")),
                    format!("Unknown field \"{}\"; expected one of: {}.", clip(key), top.join(", ")),
                ),
            ));
        }
    }

    data.schema = field(obj, "$schema", &mut findings);
    data.title = field(obj, "title", &mut findings);
    data.description = field(obj, "description", &mut findings);
    data.profile = field(obj, "profile", &mut findings);
    if version == Version::V2 {
        data.id = field(obj, "id", &mut findings);
        data.valid_from = field(obj, "valid_from", &mut findings);
        data.valid_to = field(obj, "valid_to", &mut findings);
        data.preparatory_from = field(obj, "preparatory_from", &mut findings);
        data.status = field(obj, "status", &mut findings);
        data.sources = field(obj, "sources", &mut findings).unwrap_or_default();
    }
    match obj.get("as_of") {
        Some(_) => data.as_of = field::<String>(obj, "as_of", &mut findings).unwrap_or_default(),
        None => findings.push(missing_field("", "as_of")),
    }

    (data.profiles, origins.profiles) = array(obj, raw, malformed, "profiles", false, &mut findings, &mut origins.unreadable);
    if version == Version::V2 {
        // `ssu`, `political` and `professional` are unknown fields of a /2 profile, reported
        // as ignored: they are, so a /2 profile has only the body kinds it lists.
        for p in data.profiles.iter_mut().filter(|p| p.legacy) {
            p.areas.clear();
            p.bodies.clear();
            p.legacy = false;
        }
    }
    (data.regions, origins.regions) = array(obj, raw, malformed, "regions", true, &mut findings, &mut origins.unreadable);
    (data.municipalities, origins.municipalities) = array(obj, raw, malformed, "municipalities", true, &mut findings, &mut origins.unreadable);
    (data.areas, origins.areas) = array(obj, raw, malformed, version.areas_key(), true, &mut findings, &mut origins.unreadable);
    (data.persons, origins.persons) = array(obj, raw, malformed, "persons", false, &mut findings, &mut origins.unreadable);
    (data.seats, origins.seats) = array(obj, raw, malformed, "seats", false, &mut findings, &mut origins.unreadable);
    // A seat's area is `cluster` in /1 and `area` in /2; the other name is an unknown field
    // of that version, reported as ignored, and so ignored here.
    for seat in &mut data.seats {
        let v1 = seat.cluster_v1.take();
        if version == Version::V1 {
            seat.area = v1;
        }
    }
    if version == Version::V1 {
        without_v2_fields(&mut data);
    }
    (data.standard_populations, origins.standard_populations) =
        array(obj, raw, malformed, "standard_populations", false, &mut findings, &mut origins.unreadable);
    (data.indicators, origins.indicators) = array(obj, raw, malformed, "indicators", false, &mut findings, &mut origins.unreadable);
    (data.values, origins.values) = array(obj, raw, malformed, "values", false, &mut findings, &mut origins.unreadable);

    ReadOutcome { dataset: data, origins, findings }
}

fn field<T: DeserializeOwned>(obj: &Map<String, Value>, key: &str, findings: &mut Vec<Finding>) -> Option<T> {
    let value = obj.get(key)?;
    if value.is_null() {
        return None;
    }
    element(value, || pointer([key]), schema_node(&[key.to_string()]).and_then(shape_id), findings)
}

/// Reads one element. Unknown fields are reported and skipped, so a typo in one field
/// does not cost the element; any other error does, and is reported with its path.
/// `shape` is the element's shape in the schema (looked up once per array by the caller);
/// `base` makes the element's JSON Pointer, built only when there is something to report.
fn element<T: DeserializeOwned>(value: &Value, base: impl Fn() -> String, shape: Option<usize>, findings: &mut Vec<Finding>) -> Option<T> {
    // The model's types ignore keys they do not know; the schema's shapes name them, and
    // find an array standing for an object (serde would read it field by field).
    let mut unknown: Vec<Vec<String>> = Vec::new();
    if let Some(shape) = shape {
        let shapes = shapes();
        if let Some(mut rel) = array_in(value, shapes, shape) {
            // Built from the array found up to `value`: reversed.
            rel.reverse();
            findings.push(Finding::new(
                Severity::Error,
                Code::JsonType,
                format!("{}{}", base(), pointer(&rel)),
                Text::new("forkert type: fandt en liste; forventede et objekt.", "wrong type: found an array; expected an object."),
            ));
            return None;
        }
        unknown_keys(value, shapes, shape, &mut Vec::new(), &mut unknown);
    }
    let base = base();
    // Read from the value's compact text, the one reader of the model's types the fast path
    // has compiled already; the error's column then says where in that text serde stopped.
    // (Reading from the `Value` with serde_path_to_error gave the same paths but compiled a
    // second reader of every type: 30 KB of the gzipped wasm.)
    let text = value.to_string();
    match serde_json::from_str::<T>(&text) {
        Ok(item) => {
            for segs in unknown {
                findings.push(unknown_field(&base, &segs));
            }
            Some(item)
        }
        Err(e) => {
            findings.push(serde_finding(&base, value, shape, &text, &e));
            None
        }
    }
}

/// Reads each element of a top-level array on its own.
fn array<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    raw: &RawArrays,
    malformed: &std::cell::Cell<bool>,
    key: &str,
    required: bool,
    findings: &mut Vec<Finding>,
    unreadable: &mut BTreeSet<String>,
) -> (Vec<T>, Vec<usize>) {
    let mut items = Vec::new();
    let mut origins = Vec::new();
    if let Some(elements) = raw.get(key) {
        if elements.len() > max_elements(key) {
            findings.push(too_many(key, elements.len()));
        }
        let shape = schema_node(&[key.to_string(), "0".to_string()]).and_then(shape_id);
        for (i, &(element_text, fits)) in elements.iter().take(max_elements(key)).enumerate() {
            // Straight from the text where the element fits its shape and reads.
            if let Some(item) = fits.then(|| serde_json::from_str::<T>(element_text).ok()).flatten() {
                items.push(item);
                origins.push(i);
                continue;
            }
            // Else as a value, for findings with paths.
            let Ok(value) = serde_json::from_str::<Value>(element_text) else {
                // The scan checks the structure, not what is inside strings, numbers and
                // literals (a lone surrogate, 1e400, `tru`): such a text is not JSON.
                malformed.set(true);
                return (items, origins);
            };
            if let Some(item) = element::<T>(&value, || at(key, i, &[]), shape, findings) {
                items.push(item);
                origins.push(i);
            } else if let Some(id) = value.get("id").or_else(|| value.get("code")).and_then(Value::as_str) {
                unreadable.insert(id.to_string());
            }
        }
        // Elements past the limit are not read, but they must be JSON all the same.
        if elements.iter().skip(max_elements(key)).any(|(t, _)| serde_json::from_str::<serde::de::IgnoredAny>(t).is_err()) {
            malformed.set(true);
        }
        return (items, origins);
    }
    match obj.get(key) {
        None => {
            if required {
                findings.push(missing_field("", key));
            }
        }
        Some(Value::Array(elements)) => {
            let max = max_elements(key);
            if elements.len() > max {
                findings.push(too_many(key, elements.len()));
            }
            let shape = schema_node(&[key.to_string(), "0".to_string()]).and_then(shape_id);
            for (i, value) in elements.iter().take(max).enumerate() {
                if let Some(item) = element::<T>(value, || at(key, i, &[]), shape, findings) {
                    items.push(item);
                    origins.push(i);
                } else if let Some(id) = value.get("id").or_else(|| value.get("code")).and_then(Value::as_str) {
                    unreadable.insert(id.to_string());
                }
            }
        }
        Some(other) => findings.push(not_a_list(key, other)),
    }
    (items, origins)
}

/// `too-many-elements`: the list `key` has `len` elements, more than it may.
fn too_many(key: &str, len: usize) -> Finding {
    let max = max_elements(key);
    Finding::new(
        Severity::Error,
        Code::TooManyElements,
        at(key, max, &[]),
        Text::new(
            format!("Listen \"{key}\" har {len} elementer; højst {max} læses, og resten (fra nr. {}) er ignoreret.", max + 1),
            format!("The list \"{key}\" has {len} elements; at most {max} are read, and the rest (from number {}) were ignored.", max + 1),
        ),
    )
}

/// `json-type`: the top-level field `key` is `other`, not a list.
fn not_a_list(key: &str, other: &Value) -> Finding {
    Finding::new(
        Severity::Error,
        Code::JsonType,
        pointer([key]),
        Text::new(
            format!("Fandt {}; forventede en liste (JSON-array).", kind_da(other)),
            format!("Found {}; expected a list (JSON array).", kind_en(other)),
        ),
    )
}

fn missing_field(parent: &str, name: &str) -> Finding {
    Finding::new(
        Severity::Error,
        Code::JsonMissingField,
        parent.to_string(),
        Text::new(format!("Feltet \"{name}\" mangler."), format!("The field \"{name}\" is missing.")),
    )
}

/// The fields of format `/2` in a `/1` document are unknown fields there, reported as
/// ignored: serde read them into the common types, so they are dropped here, and a `/1`
/// document means what it always meant (every area a cluster, no periods).
fn without_v2_fields(data: &mut Dataset) {
    for r in &mut data.regions {
        (r.valid_from, r.valid_to) = (None, None);
    }
    for m in &mut data.municipalities {
        if let Some(p) = &mut m.population {
            p.status = None;
        }
    }
    for a in &mut data.areas {
        a.kind = crate::model::CLUSTER.to_string();
        (a.valid_from, a.valid_to) = (None, None);
        for m in &mut a.members {
            (m.valid_from, m.valid_to) = (None, None);
        }
    }
    for s in &mut data.seats {
        s.substitute = None;
        (s.valid_from, s.valid_to) = (None, None);
    }
    // A /1 profile has its rules at `ssu`, `political`, `professional`; `areas` and `bodies`
    // are unknown there.
    for p in data.profiles.iter_mut().filter(|p| !p.legacy) {
        p.areas.clear();
        p.bodies.clear();
    }
}
