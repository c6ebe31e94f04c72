//! Reading untrusted JSON into a [`Dataset`].
//!
//! Reading never panics and never gives up at the first error: each element of each
//! top-level array is read on its own, so one broken cluster costs that cluster (with a
//! finding that names its path), not the whole data set.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::finding::{at, pointer, pointer_segments, Code, Finding, Severity};
use crate::model::{Dataset, FORMAT};
use crate::text::Text;

/// Largest accepted input, in bytes. The default data set is about 30 KB; real
/// national data with persons and seats stay far below this.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Most elements read from `municipalities`: a kommunekode has three digits, so there are
/// at most 1,000 (Denmark has 98).
pub const MAX_MUNICIPALITIES: usize = 1_000;

/// Most elements read from the other arrays of structure (`regions`, `clusters`,
/// `profiles`, `indicators`, `standard_populations`): Denmark has 5 regions and 22
/// clusters. The limits bound the lookups between arrays that validation, key figures and
/// the chart do (each body looks for its seats among all seats).
pub const MAX_STRUCTURE_ELEMENTS: usize = 200;

/// Most elements read from `persons`, `seats` and `values`: room for the 100,000-seat
/// chart the browser tests draw, and for 200,000 rows of counts.
pub const MAX_ELEMENTS: usize = 200_000;

/// Most elements read from the top-level array `key`; elements after them are reported
/// (`too-many-elements`) and not read.
pub fn max_elements(key: &str) -> usize {
    match key {
        "persons" | "seats" | "values" => MAX_ELEMENTS,
        "municipalities" => MAX_MUNICIPALITIES,
        _ => MAX_STRUCTURE_ELEMENTS,
    }
}

/// Where each element that was read came from: its index in the input array. Elements
/// that failed to read are left out of the data set, so indices can differ.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origins {
    pub profiles: Vec<usize>,
    pub regions: Vec<usize>,
    pub municipalities: Vec<usize>,
    pub clusters: Vec<usize>,
    pub persons: Vec<usize>,
    pub seats: Vec<usize>,
    pub standard_populations: Vec<usize>,
    pub indicators: Vec<usize>,
    pub values: Vec<usize>,
    /// Ids and codes of elements that could not be read. References to them are not
    /// reported again: the read error already names the element.
    pub unreadable: BTreeSet<String>,
}

impl Origins {
    /// Origins for a data set built in memory: every index is its own.
    pub fn identity(data: &Dataset) -> Origins {
        Origins {
            profiles: (0..data.profiles.len()).collect(),
            regions: (0..data.regions.len()).collect(),
            municipalities: (0..data.municipalities.len()).collect(),
            clusters: (0..data.clusters.len()).collect(),
            persons: (0..data.persons.len()).collect(),
            seats: (0..data.seats.len()).collect(),
            standard_populations: (0..data.standard_populations.len()).collect(),
            indicators: (0..data.indicators.len()).collect(),
            values: (0..data.values.len()).collect(),
            unreadable: BTreeSet::new(),
        }
    }

    /// The input index of element `i` of `array`.
    pub fn index(&self, array: &str, i: usize) -> usize {
        let list = match array {
            "profiles" => &self.profiles,
            "regions" => &self.regions,
            "municipalities" => &self.municipalities,
            "clusters" => &self.clusters,
            "persons" => &self.persons,
            "seats" => &self.seats,
            "standard_populations" => &self.standard_populations,
            "indicators" => &self.indicators,
            "values" => &self.values,
            _ => return i,
        };
        list.get(i).copied().unwrap_or(i)
    }

    /// JSON Pointer to element `i` of `array` (model index), then `rest`.
    pub fn path(&self, array: &str, i: usize, rest: &[&str]) -> String {
        at(array, self.index(array, i), rest)
    }
}

/// What reading produced: the data that could be read, where it came from, and findings.
#[derive(Clone, Debug)]
pub struct ReadOutcome {
    pub dataset: Dataset,
    pub origins: Origins,
    pub findings: Vec<Finding>,
}

impl ReadOutcome {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

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
            clusters: Vec::new(),
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

/// The fields the top level may have.
const TOP_LEVEL: [&str; 15] = [
    "format", "$schema", "title", "description", "as_of", "profile", "profiles", "regions",
    "municipalities", "clusters", "persons", "seats", "standard_populations", "indicators", "values",
];

/// The top-level arrays: read element by element from their text when the document is
/// well-formed (see [`read_well_formed`]).
const ARRAYS: [&str; 9] = ["profiles", "regions", "municipalities", "clusters", "persons", "seats", "standard_populations", "indicators", "values"];

/// Deeper than this, the byte scan of an element gives up and leaves the element to serde,
/// which stops at 128 levels (a syntax error of the whole document, as the tree reading
/// reports it).
const MAX_SCAN_DEPTH: usize = 128;

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

/// The texts of the elements of each top-level array, each with whether it fits its shape.
type RawArrays<'a> = std::collections::BTreeMap<String, Vec<(&'a str, bool)>>;

/// The top level of a document by a byte scan: the fields that are not arrays of the format
/// as values, the arrays as their elements' texts.
fn scan_top(text: &str) -> Option<(Map<String, Value>, RawArrays<'_>)> {
    let mut scan = Scan { text, at: 0, shapes: shapes(), depth: 0, fits: true };
    let mut other = Map::new();
    let mut arrays = RawArrays::new();
    if !scan.open(b'{', b'}')? {
        loop {
            let key = scan.key()?.ok()?.to_string();
            // A key met twice: the tree reading keeps the last value but checks both.
            if arrays.contains_key(&key) || other.contains_key(&key) {
                return None;
            }
            if ARRAYS.contains(&key.as_str()) {
                let item = schema_node(&[key.clone(), "0".to_string()]).and_then(shape_id);
                let mut elements = Vec::new();
                // Not an array (`None`): the tree reading says so.
                if !scan.open(b'[', b']')? {
                    loop {
                        scan.skip_space();
                        let start = scan.at;
                        scan.fits = item.is_some();
                        if !scan.value(item) {
                            return None;
                        }
                        elements.push((text.get(start..scan.at)?, scan.fits));
                        if scan.next_or_end(b']')? {
                            break;
                        }
                    }
                }
                arrays.insert(key, elements);
            } else {
                let start = scan.at;
                if !scan.value(None) {
                    return None;
                }
                let value = serde_json::from_str::<Value>(text.get(start..scan.at)?).ok()?;
                other.insert(key, value);
            }
            if scan.next_or_end(b'}')? {
                break;
            }
        }
    }
    scan.skip_space();
    (scan.at == text.len()).then_some((other, arrays))
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

    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => findings.push(Finding::new(
            Severity::Error,
            Code::FormatUnsupported,
            "/format",
            Text::new(
                format!("Formatet {} understøttes ikke; forventede \"{FORMAT}\".", short(other)),
                format!("The format {} is not supported; expected \"{FORMAT}\".", short(other)),
            ),
        )),
        None => findings.push(missing_field("", "format")),
    }

    for key in obj.keys() {
        if !TOP_LEVEL.contains(&key.as_str()) {
            findings.push(Finding::new(
                Severity::Error,
                Code::JsonUnknownField,
                pointer([key.as_str()]),
                Text::new(
                    format!("Ukendt felt \"{}\"; forventede et af: {}.", clip(key), TOP_LEVEL.join(", ")),
                    format!("Unknown field \"{}\"; expected one of: {}.", clip(key), TOP_LEVEL.join(", ")),
                ),
            ));
        }
    }

    data.schema = field(obj, "$schema", &mut findings);
    data.title = field(obj, "title", &mut findings);
    data.description = field(obj, "description", &mut findings);
    data.profile = field(obj, "profile", &mut findings);
    match obj.get("as_of") {
        Some(_) => data.as_of = field::<String>(obj, "as_of", &mut findings).unwrap_or_default(),
        None => findings.push(missing_field("", "as_of")),
    }

    (data.profiles, origins.profiles) = array(obj, raw, malformed, "profiles", false, &mut findings, &mut origins.unreadable);
    (data.regions, origins.regions) = array(obj, raw, malformed, "regions", true, &mut findings, &mut origins.unreadable);
    (data.municipalities, origins.municipalities) = array(obj, raw, malformed, "municipalities", true, &mut findings, &mut origins.unreadable);
    (data.clusters, origins.clusters) = array(obj, raw, malformed, "clusters", true, &mut findings, &mut origins.unreadable);
    (data.persons, origins.persons) = array(obj, raw, malformed, "persons", false, &mut findings, &mut origins.unreadable);
    (data.seats, origins.seats) = array(obj, raw, malformed, "seats", false, &mut findings, &mut origins.unreadable);
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

/// The path of the value serde was reading when it stopped after `stop` bytes of `text`,
/// compact JSON that serde_json wrote (one line, well-formed): the innermost value that
/// starts at `stop` or spans it. serde_json stops at the start of a value it does not take
/// (a map where a number belongs) and after one it took and then refused (a string that is
/// not a known variant, a number out of range, an object without a required field).
fn path_at(text: &str, stop: usize) -> Vec<String> {
    let mut walk = PathWalk {
        text,
        stop,
        at: 0,
        path: Vec::new(),
        found: Vec::new(),
    };
    walk.value();
    walk.found
}

/// The walk of [`path_at`]: `path` is where it is, `found` the innermost value so far that
/// holds `stop`.
struct PathWalk<'t> {
    text: &'t str,
    stop: usize,
    at: usize,
    path: Vec<String>,
    found: Vec<String>,
}

impl PathWalk<'_> {
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn value(&mut self) {
        let start = self.at;
        match self.byte() {
            Some(b'{') => {
                self.at += 1;
                while self.byte() == Some(b'"') {
                    let key_start = self.at;
                    self.string();
                    let key = serde_json::from_str::<String>(&self.text[key_start..self.at])
                        .unwrap_or_default();
                    self.at += 1; // ':'
                    self.path.push(key);
                    self.member();
                    self.path.pop();
                }
                self.at += 1; // '}'
            }
            Some(b'[') => {
                self.at += 1;
                let mut index = 0usize;
                while !matches!(self.byte(), Some(b']') | None) {
                    self.path.push(index.to_string());
                    self.member();
                    self.path.pop();
                    index += 1;
                }
                self.at += 1; // ']'
            }
            Some(b'"') => self.string(),
            Some(_) => {
                while !matches!(self.byte(), None | Some(b',' | b'}' | b']')) {
                    self.at += 1;
                }
            }
            None => {}
        }
        // Parents are met before their children, so the innermost value is recorded last.
        if (start..=self.at).contains(&self.stop) && self.found.len() <= self.path.len() {
            self.found.clone_from(&self.path);
        }
    }

    /// A member's or an element's value, and the comma after it.
    fn member(&mut self) {
        self.value();
        if self.byte() == Some(b',') {
            self.at += 1;
        }
    }

    /// A string from its opening quote to after its closing one.
    fn string(&mut self) {
        self.at += 1;
        while let Some(b) = self.byte() {
            self.at += if b == b'\\' { 2 } else { 1 };
            if b == b'"' {
                break;
            }
        }
    }
}

/// The relative paths of the keys the schema does not have, in the order serde meets them
/// (a `Value`'s keys are sorted); the value of such a key is not looked into.
fn unknown_keys(value: &Value, shapes: &Shapes, shape: usize, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match (&shapes.table[shape], value) {
        (Shape::Object(props), Value::Object(o)) => {
            for (k, v) in o {
                path.push(k.clone());
                match props.get(k.as_str()) {
                    Some(&child) => unknown_keys(v, shapes, child, path, out),
                    None => out.push(path.clone()),
                }
                path.pop();
            }
        }
        (Shape::Array(items), Value::Array(a)) => {
            for (i, v) in a.iter().enumerate() {
                path.push(i.to_string());
                unknown_keys(v, shapes, *items, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn unknown_field(base: &str, segs: &[String]) -> Finding {
    let name = segs.last().map(String::as_str).unwrap_or("");
    let base_segs = pointer_segments(base);
    let parent: Vec<String> = base_segs.iter().chain(&segs[..segs.len().saturating_sub(1)]).cloned().collect();
    let allowed = allowed_fields(&parent).map(|f| f.join(", ")).unwrap_or_default();
    Finding::new(
        Severity::Error,
        Code::JsonUnknownField,
        format!("{base}{}", pointer(segs)),
        Text::new(
            format!("Ukendt felt \"{}\" (ignoreret); forventede et af: {allowed}.", clip(name)),
            format!("Unknown field \"{}\" (ignored); expected one of: {allowed}.", clip(name)),
        ),
    )
}

fn schema_root() -> &'static Value {
    static SCHEMA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(crate::schema)
}

/// Follows `$ref`s, and picks the object or array branch of an `anyOf`/`oneOf`
/// (optional fields are `anyOf: [T, null]`).
fn resolve(mut node: &'static Value) -> &'static Value {
    let root = schema_root();
    for _ in 0..8 {
        if let Some(name) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            node = &root["$defs"][name];
        } else if let Some(any) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            match any.iter().map(resolve).find(|n| n.get("properties").is_some() || n.get("items").is_some()) {
                Some(n) => node = n,
                None => break,
            }
        } else {
            break;
        }
    }
    node
}

/// The schema node for a path of property names and indices, from the root.
fn schema_node(path: &[String]) -> Option<&'static Value> {
    let mut node = resolve(schema_root());
    for seg in path {
        node = match (node.get("items"), node.get("properties").and_then(|p| p.get(seg))) {
            (Some(items), _) if seg.bytes().all(|b| b.is_ascii_digit()) => resolve(items),
            (_, Some(prop)) => resolve(prop),
            _ => return None,
        };
    }
    Some(node)
}

/// The field names the schema allows for the object at `path`: the schema is the one
/// description of the format, so messages cannot drift from it.
fn allowed_fields(path: &[String]) -> Option<Vec<String>> {
    let props = schema_node(path)?.get("properties")?.as_object()?;
    Some(props.keys().map(|k| format!("\"{k}\"")).collect())
}

/// The shape of a schema node (serde reads a JSON array as a struct, field by field in
/// order; the format does not allow that, so reading checks values against the shapes).
fn shape_id(node: &'static Value) -> Option<usize> {
    shapes().id.get(&(resolve(node) as *const Value as usize)).copied()
}

/// A byte scan of well-formed-looking JSON text that checks values against the schema's
/// shapes: every key of every object a property the schema has, no array where an object
/// belongs. Hand-written because serde's walk of the same text, and the skipping of it into
/// `RawValue`s, cost more than half of reading. It checks the structure (brackets, commas,
/// colons, strings) but not what is inside strings, numbers and literals: each element is
/// then read by serde, and anything the scan finds unusual (an escaped key) is left to the
/// full reading. The tests and the fuzzer compare the result with the tree reading's.
struct Scan<'t> {
    text: &'t str,
    at: usize,
    shapes: &'static Shapes,
    depth: usize,
    /// Cleared where a value does not fit its shape; the scan goes on to the value's end.
    fits: bool,
}

impl<'t> Scan<'t> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// `bracket` opens an object or array: `true` when `close` follows at once (empty), and
    /// both are taken; `None` when something else stands there.
    #[inline(always)]
    fn open(&mut self, bracket: u8, close: u8) -> Option<bool> {
        self.skip_space();
        if self.peek()? != bracket {
            return None;
        }
        self.at += 1;
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Some(empty)
    }

    /// A key and its colon: the key as [`Scan::string`] gives it; `None` when broken.
    #[inline(always)]
    fn key(&mut self) -> Option<Result<&'t str, ()>> {
        self.skip_space();
        if self.peek()? != b'"' {
            return None;
        }
        let key = self.string()?;
        self.skip_space();
        if self.peek()? != b':' {
            return None;
        }
        self.at += 1;
        Some(key)
    }

    /// After a member or an element: `,` (more follow: `false`) or `close` (the end: `true`);
    /// `None` for anything else.
    #[inline(always)]
    fn next_or_end(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        let end = match self.peek()? {
            b',' => false,
            b if b == close => true,
            _ => return None,
        };
        self.at += 1;
        Some(end)
    }

    /// A string at `at` (its opening quote): its content, or `Err` when it has escapes;
    /// `None` when it does not end or has a raw control character.
    #[inline(always)]
    fn string(&mut self) -> Option<Result<&'t str, ()>> {
        let bytes = self.text.as_bytes();
        let start = self.at + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            match bytes.get(i)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    i += 2;
                }
                // JSON strings have no raw control characters (a top-level key is read by
                // this scan alone).
                0..=0x1f => return None,
                _ => i += 1,
            }
        }
        self.at = i + 1;
        Some(if escaped { Err(()) } else { self.text.get(start..i).ok_or(()) })
    }

    /// One value, checked against `shape` (`None`: anything goes inside); false where the
    /// text is broken or nested deeper than serde reads.
    fn value(&mut self, shape: Option<usize>) -> bool {
        if self.depth == MAX_SCAN_DEPTH {
            return false;
        }
        self.depth += 1;
        let whole = self.value_inside(shape);
        self.depth -= 1;
        whole
    }

    fn value_inside(&mut self, shape: Option<usize>) -> bool {
        self.skip_space();
        let shape = shape.map(|s| &self.shapes.table[s]);
        match self.peek() {
            Some(b'{') => {
                let props = match shape {
                    Some(Shape::Object(props)) => Some(props),
                    _ => None,
                };
                if self.open(b'{', b'}') == Some(true) {
                    return true;
                }
                loop {
                    let child = match (self.key(), props) {
                        (None, _) => return false,
                        (Some(Ok(key)), Some(props)) => match props.get(key) {
                            Some(&child) => Some(child),
                            None => {
                                self.fits = false;
                                None
                            }
                        },
                        (Some(Ok(_)), None) => None,
                        // An escaped key: the full reading decides.
                        (Some(Err(())), _) => {
                            self.fits = false;
                            None
                        }
                    };
                    if !self.value(child) {
                        return false;
                    }
                    match self.next_or_end(b'}') {
                        Some(true) => return true,
                        Some(false) => {}
                        None => return false,
                    }
                }
            }
            Some(b'[') => {
                let item = match shape {
                    Some(Shape::Object(_)) => {
                        self.fits = false;
                        None
                    }
                    Some(Shape::Array(items)) => Some(*items),
                    _ => None,
                };
                if self.open(b'[', b']') == Some(true) {
                    return true;
                }
                loop {
                    if !self.value(item) {
                        return false;
                    }
                    match self.next_or_end(b']') {
                        Some(true) => return true,
                        Some(false) => {}
                        None => return false,
                    }
                }
            }
            Some(b'"') => self.string().is_some(),
            Some(b',' | b':' | b'}' | b']') | None => false,
            Some(_) => {
                // A number, true, false or null: up to the next delimiter (serde checks it).
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.at += 1;
                }
                true
            }
        }
    }
}

/// The path (innermost segment first) of the first array where an object belongs.
fn array_in(value: &Value, shapes: &Shapes, shape: usize) -> Option<Vec<String>> {
    match &shapes.table[shape] {
        Shape::Object(props) => match value {
            Value::Array(_) => return Some(Vec::new()),
            Value::Object(o) => {
                for (k, v) in o {
                    if let Some(&child) = props.get(k.as_str()) {
                        if let Some(mut path) = array_in(v, shapes, child) {
                            path.push(k.clone());
                            return Some(path);
                        }
                    }
                }
            }
            _ => {}
        },
        Shape::Array(items) => {
            if let Value::Array(a) = value {
                // Arrays of numbers or strings hold no objects: nothing to look at.
                if matches!(shapes.table[*items], Shape::Leaf) {
                    return None;
                }
                for (i, v) in a.iter().enumerate() {
                    if let Some(mut path) = array_in(v, shapes, *items) {
                        path.push(i.to_string());
                        return Some(path);
                    }
                }
            }
        }
        Shape::Leaf => {}
    }
    None
}

/// The schema reduced to what `array_for_object` asks of it, built once: looking up
/// `$ref`s, `properties` and `items` in the schema's JSON for every value read was a
/// quarter of the reading time.
struct Shapes {
    table: Vec<Shape>,
    /// Resolved schema node (by address) → its shape.
    id: crate::hash::HashMap<usize, usize>,
}

enum Shape {
    Object(crate::hash::HashMap<&'static str, usize>),
    Array(usize),
    Leaf,
}

fn shapes() -> &'static Shapes {
    static SHAPES: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = Shapes { table: Vec::new(), id: crate::hash::HashMap::default() };
        shape_of(resolve(schema_root()), &mut shapes);
        shapes
    })
}

/// The shape of a resolved schema node; a node met again (a recursive type) reuses its entry.
fn shape_of(node: &'static Value, shapes: &mut Shapes) -> usize {
    let key = node as *const Value as usize;
    if let Some(&id) = shapes.id.get(&key) {
        return id;
    }
    let id = shapes.table.len();
    shapes.table.push(Shape::Leaf);
    shapes.id.insert(key, id);
    let shape = if let Some(props) = node.get("properties").and_then(Value::as_object) {
        Shape::Object(props.iter().map(|(k, v)| (k.as_str(), shape_of(resolve(v), shapes))).collect())
    } else if let Some(items) = node.get("items") {
        Shape::Array(shape_of(resolve(items), shapes))
    } else {
        Shape::Leaf
    };
    shapes.table[id] = shape;
    id
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

/// Turns a serde error in reading `text`, the value at `base`, into a finding with the
/// full JSON Pointer and a message in both languages.
fn serde_finding(
    base: &str,
    value: &Value,
    shape: Option<usize>,
    text: &str,
    e: &serde_json::Error,
) -> Finding {
    let (segments, msg) = serde_error_at(value, shape, text, e);
    let path = format!("{base}{}", pointer(&segments));
    let (code, text) = describe(&msg);
    // serde reports a missing field at the object that lacks it; the message names it.
    Finding::new(Severity::Error, code, path, text)
}

/// Where in `value` serde stopped reading `text` (its compact JSON) with `e`, and what it
/// says: the path and message reading `value` itself with serde_path_to_error gave (the
/// tests compare the two on ~30,000 broken elements).
fn serde_error_at(
    value: &Value,
    shape: Option<usize>,
    text: &str,
    e: &serde_json::Error,
) -> (Vec<String>, String) {
    let mut msg = strip_position(&e.to_string());
    // `text` is one line: the column is the number of bytes serde had read. serde refuses
    // an array either at its `[` or, after taking the `[` (a value where an enum belongs:
    // "expected value"; a type that reads any JSON), just after it, where the array's first
    // element starts. Which of the two it was: the array, unless the schema has an array or
    // an object there (serde reads an object's fields from an array too), so that serde took
    // the array and refused its first element.
    let not_enum = msg == "expected value";
    let mut segments = path_at(text, e.column());
    if (not_enum || msg.starts_with("invalid type: sequence"))
        && e.column() > 0
        && text.as_bytes().get(e.column() - 1) == Some(&b'[')
    {
        let array = path_at(text, e.column() - 1);
        let taken = match shape {
            Some(shape) => matches!(
                shape_at(shape, &array),
                Some(Shape::Array(_) | Shape::Object(_))
            ),
            None => text.as_bytes().get(e.column()) == Some(&b'['),
        };
        if !taken {
            segments = array;
        }
    }
    if not_enum || msg.starts_with("unknown variant") {
        // The tree reading named what it found, and refused a map of more than one key
        // before looking at the first.
        match value.pointer(&pointer(&segments)) {
            Some(found @ Value::Object(o)) if o.len() != 1 => msg = not_an_enum(found),
            Some(found) if not_enum => msg = not_an_enum(found),
            _ => {}
        }
    }
    (segments, msg)
}

/// The shape at `path` (property names and indices) inside a value of shape `shape`.
fn shape_at(shape: usize, path: &[String]) -> Option<&'static Shape> {
    let shapes = shapes();
    let mut shape = &shapes.table[shape];
    for seg in path {
        shape = match shape {
            Shape::Object(props) => &shapes.table[*props.get(seg.as_str())?],
            Shape::Array(items) => &shapes.table[*items],
            Shape::Leaf => return None,
        };
    }
    Some(shape)
}

/// serde_json's message for `found` where an enum (a text, or a map of one key) belongs.
fn not_an_enum(found: &Value) -> String {
    use serde::de::{Error, Unexpected};
    let unexpected = match found {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (_, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => {
            return serde_json::Error::invalid_value(Unexpected::Map, &"map with a single key")
                .to_string()
        }
    };
    serde_json::Error::invalid_type(unexpected, &"string or map").to_string()
}

/// Classifies serde's English message and gives it in Danish too. serde's messages
/// have a small fixed grammar ("invalid type: X, expected Y", "missing field `f`", …);
/// a phrase this table does not know stays in English inside the Danish sentence.
fn describe(msg: &str) -> (Code, Text) {
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = rest.trim_matches('`');
        return (
            Code::JsonMissingField,
            Text::new(format!("Feltet \"{name}\" mangler."), format!("The field \"{name}\" is missing.")),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let name = name.trim_matches('`');
        let list = expected.strip_prefix("expected one of ").or_else(|| expected.strip_prefix("expected ")).unwrap_or("").replace('`', "\"");
        let (da, en) = if list.is_empty() {
            ("ingen felter her".to_string(), "no fields here".to_string())
        } else {
            (format!("et af: {list}"), format!("one of: {list}"))
        };
        return (
            Code::JsonUnknownField,
            Text::new(format!("Ukendt felt \"{}\"; forventede {da}.", clip(name)), format!("Unknown field \"{}\"; expected {en}.", clip(name))),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let name = name.trim_matches('`');
        let list = expected.strip_prefix("expected one of ").or_else(|| expected.strip_prefix("expected ")).unwrap_or("").replace('`', "\"");
        return (
            Code::JsonType,
            Text::new(
                format!("Ukendt værdi \"{}\"; forventede en af: {list}.", clip(name)),
                format!("Unknown value \"{}\"; expected one of: {list}.", clip(name)),
            ),
        );
    }
    for (prefix, da_word, en_word) in [("invalid type: ", "forkert type", "wrong type"), ("invalid value: ", "ugyldig værdi", "invalid value"), ("invalid length ", "forkert længde", "wrong length")] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return (
                    Code::JsonType,
                    Text::new(
                        format!("{da_word}: fandt {}; forventede {}.", found_da(found), expected_da(expected)),
                        format!("{en_word}: found {}; expected {}.", clip(&found.replace('`', "")), expected_en(expected)),
                    ),
                );
            }
        }
    }
    (Code::JsonType, Text::new(format!("Ugyldige data: {}.", clip(msg)), format!("Invalid data: {}.", clip(msg))))
}

fn found_da(found: &str) -> String {
    let found = clip(&found.replace('`', ""));
    for (en, da) in [
        ("string ", "teksten "),
        ("integer ", "heltallet "),
        ("floating point ", "decimaltallet "),
        ("boolean ", "sandhedsværdien "),
    ] {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{da}{rest}");
        }
    }
    match found.as_str() {
        "null" => "null".into(),
        "sequence" => "en liste".into(),
        "map" => "et objekt".into(),
        other => other.to_string(),
    }
}

fn expected_en(expected: &str) -> String {
    match expected {
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" => "a whole, non-negative number".into(),
        "f64" => "a number".into(),
        "a sequence" => "a list (JSON array)".into(),
        crate::text::TEXT_EXPECTED => "a text, or an object with \"da\" and \"en\"".into(),
        "unit variant" | "variant identifier" => "a text value".into(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("an object ({name})"),
            None => other.to_string(),
        },
    }
}

fn expected_da(expected: &str) -> String {
    let table: [(&str, &str); 13] = [
        ("a string", "en tekst"),
        (crate::text::TEXT_EXPECTED, "en tekst eller et objekt med \"da\" og \"en\""),
        ("u32", "et helt tal fra 0 til 4294967295"),
        ("u64", "et helt, ikke-negativt tal"),
        ("f64", "et tal"),
        ("a sequence", "en liste (JSON-array)"),
        ("a boolean", "en sandhedsværdi (true/false)"),
        ("a share between 0 and 1 or \"unknown\"", "en andel mellem 0 og 1 eller \"unknown\""),
        ("unit variant", "en tekstværdi"),
        ("variant identifier", "en tekstværdi"),
        ("a map", "et objekt"),
        ("a borrowed string", "en tekst"),
        ("a character", "et tegn"),
    ];
    if let Some((_, da)) = table.iter().find(|(en, _)| *en == expected) {
        return da.to_string();
    }
    if let Some(name) = expected.strip_prefix("struct ") {
        return format!("et objekt ({name})");
    }
    if let Some(name) = expected.strip_prefix("enum ") {
        return format!("en af de tilladte værdier ({name})");
    }
    if let Some(n) = expected.strip_prefix("an array of length ") {
        return format!("en liste med {n} elementer");
    }
    expected.to_string()
}

/// serde_json appends " at line L column C" to errors; JSON Pointer paths replace it.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn syntax_da(e: &serde_json::Error) -> String {
    let msg = strip_position(&e.to_string());
    let table = [
        ("EOF while parsing", "filen slutter for tidligt"),
        ("expected value", "forventede en værdi"),
        ("key must be a string", "en nøgle skal være en tekst i anførselstegn"),
        ("trailing comma", "overskydende komma"),
        ("trailing characters", "tegn efter slutningen af JSON-dokumentet"),
        ("expected `,` or `}`", "forventede , eller }"),
        ("expected `,` or `]`", "forventede , eller ]"),
        ("expected `:`", "forventede :"),
        ("control character", "kontroltegn i tekst"),
        ("invalid escape", "ugyldig escape-sekvens"),
        ("invalid number", "ugyldigt tal"),
        ("number out of range", "tal uden for det tilladte område"),
        ("recursion limit exceeded", "for dybt indlejret"),
        ("lone leading surrogate", "ugyldigt Unicode-tegn"),
        ("invalid unicode code point", "ugyldigt Unicode-tegn"),
        ("expected ident", "ugyldigt ord (forventede true, false eller null)"),
    ];
    table
        .iter()
        .find(|(en, _)| msg.contains(en))
        .map(|(_, da)| da.to_string())
        .unwrap_or(msg)
}

fn kind_da(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "en sandhedsværdi",
        Value::Number(_) => "et tal",
        Value::String(_) => "en tekst",
        Value::Array(_) => "en liste",
        Value::Object(_) => "et objekt",
    }
}

fn kind_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A short rendering of a value for a message.
fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", clip(s)),
        Value::Array(_) | Value::Object(_) => kind_en(v).to_string(),
        other => clip(&other.to_string()),
    }
}

/// Messages quote user data; a 10 MB name must not become a 10 MB message.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

// Native only: serde_path_to_error is a dev-dependency of the native tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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
        use crate::indicators::{Indicator, IndicatorValue};
        use crate::model::{Cluster, Municipality, Person, Region, Seat};
        let shape = schema_node(&[array.to_string(), "0".to_string()]).and_then(shape_id);
        match array {
            "profiles" => compare::<crate::profile::RuleProfile>(value, shape),
            "regions" => compare::<Region>(value, shape),
            "municipalities" => compare::<Municipality>(value, shape),
            "clusters" => compare::<Cluster>(value, shape),
            "persons" => compare::<Person>(value, shape),
            "seats" => compare::<Seat>(value, shape),
            "standard_populations" => {
                compare::<crate::stats::standard::StandardPopulation>(value, shape)
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
            for array in ARRAYS {
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
}
