//! serde's errors turned into findings: a JSON Pointer to where reading stopped and a
//! message in Danish and English.

use serde_json::Value;

use crate::finding::{pointer, Code, Finding, Severity};
use crate::model::text::Text;

use super::*;

/// The path of the value serde was reading when it stopped after `stop` bytes of `text`,
/// compact JSON that serde_json wrote (one line, well-formed): the innermost value that
/// starts at `stop` or spans it. serde_json stops at the start of a value it does not take
/// (a map where a number belongs) and after one it took and then refused (a string that is
/// not a known variant, a number out of range, an object without a required field).
pub(super) fn path_at(text: &str, stop: usize) -> Vec<String> {
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
pub(super) struct PathWalk<'t> {
    pub(super) text: &'t str,
    pub(super) stop: usize,
    pub(super) at: usize,
    pub(super) path: Vec<String>,
    pub(super) found: Vec<String>,
}

impl PathWalk<'_> {
    pub(super) fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    pub(super) fn value(&mut self) {
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
    pub(super) fn member(&mut self) {
        self.value();
        if self.byte() == Some(b',') {
            self.at += 1;
        }
    }

    /// A string from its opening quote to after its closing one.
    pub(super) fn string(&mut self) {
        self.at += 1;
        while let Some(b) = self.byte() {
            self.at += if b == b'\\' { 2 } else { 1 };
            if b == b'"' {
                break;
            }
        }
    }
}

/// Turns a serde error in reading `text`, the value at `base`, into a finding with the
/// full JSON Pointer and a message in both languages.
pub(super) fn serde_finding(
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
pub(super) fn serde_error_at(
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

/// serde_json's message for `found` where an enum (a text, or a map of one key) belongs.
pub(super) fn not_an_enum(found: &Value) -> String {
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
pub(super) fn describe(msg: &str) -> (Code, Text) {
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

pub(super) fn found_da(found: &str) -> String {
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

pub(super) fn expected_en(expected: &str) -> String {
    match expected {
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" => "a whole, non-negative number".into(),
        "f64" => "a number".into(),
        "a sequence" => "a list (JSON array)".into(),
        crate::model::text::TEXT_EXPECTED => "a text, or an object with \"da\" and \"en\"".into(),
        "unit variant" | "variant identifier" => "a text value".into(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("an object ({name})"),
            None => other.to_string(),
        },
    }
}

pub(super) fn expected_da(expected: &str) -> String {
    let table: [(&str, &str); 13] = [
        ("a string", "en tekst"),
        (crate::model::text::TEXT_EXPECTED, "en tekst eller et objekt med \"da\" og \"en\""),
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
pub(super) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

pub(super) fn syntax_da(e: &serde_json::Error) -> String {
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

pub(super) fn kind_da(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "en sandhedsværdi",
        Value::Number(_) => "et tal",
        Value::String(_) => "en tekst",
        Value::Array(_) => "en liste",
        Value::Object(_) => "et objekt",
    }
}

pub(super) fn kind_en(v: &Value) -> &'static str {
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
pub(super) fn short(v: &Value) -> String {
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
