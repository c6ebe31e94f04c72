//! The byte scan of a well-formed document: the top-level fields and each array element's
//! text, with their shapes checked, without a tree of the whole document.

use serde_json::{Map, Value};

use crate::model::Version;

use super::*;

/// Deeper than this, the byte scan of an element gives up and leaves the element to serde,
/// which stops at 128 levels (a syntax error of the whole document, as the tree reading
/// reports it).
pub(super) const MAX_SCAN_DEPTH: usize = 128;

/// The texts of the elements of each top-level array, each with whether it fits its shape.
pub(super) type RawArrays<'a> = std::collections::BTreeMap<String, Vec<(&'a str, bool)>>;

/// The top level of a document by a byte scan: the fields that are not arrays of the format
/// as values, the arrays as their elements' texts.
///
/// The version's shapes must be known before the arrays: the scan takes the fast way only
/// when `"format"` comes first (as in every data set the tools write); otherwise it leaves
/// the document to the tree reading, which finds the format wherever it is.
pub(super) fn scan_top(text: &str) -> Option<(Map<String, Value>, RawArrays<'_>)> {
    let mut scan = Scan { text, at: 0, shapes: shapes(), depth: 0, fits: true };
    let mut other = Map::new();
    let mut arrays = RawArrays::new();
    let mut shapes_of_version = None;
    if !scan.open(b'{', b'}')? {
        loop {
            let key = scan.key()?.ok()?.to_string();
            if shapes_of_version.is_none() {
                if key != "format" {
                    return None;
                }
                let start = scan.at;
                if !scan.value(None) {
                    return None;
                }
                let value = serde_json::from_str::<Value>(text.get(start..scan.at)?).ok()?;
                // An unsupported format: the tree reading tells which shapes to report with.
                let version = value.as_str().and_then(Version::of)?;
                shapes_of_version = Some(reading(version));
                scan.shapes = shapes();
                other.insert(key, value);
                if scan.next_or_end(b'}')? {
                    break;
                }
                continue;
            }
            // A key met twice: the tree reading keeps the last value but checks both.
            if arrays.contains_key(&key) || other.contains_key(&key) {
                return None;
            }
            if arrays_of(current_version()).contains(&key.as_str()) {
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

/// A byte scan of well-formed-looking JSON text that checks values against the schema's
/// shapes: every key of every object a property the schema has, no array where an object
/// belongs. Hand-written because serde's walk of the same text, and the skipping of it into
/// `RawValue`s, cost more than half of reading. It checks the structure (brackets, commas,
/// colons, strings) but not what is inside strings, numbers and literals: each element is
/// then read by serde, and anything the scan finds unusual (an escaped key) is left to the
/// full reading. The tests and the fuzzer compare the result with the tree reading's.
pub(super) struct Scan<'t> {
    pub(super) text: &'t str,
    pub(super) at: usize,
    pub(super) shapes: &'static Shapes,
    pub(super) depth: usize,
    /// Cleared where a value does not fit its shape; the scan goes on to the value's end.
    pub(super) fits: bool,
}

impl<'t> Scan<'t> {
    #[inline(always)]
    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    pub(super) fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// `bracket` opens an object or array: `true` when `close` follows at once (empty), and
    /// both are taken; `None` when something else stands there.
    #[inline(always)]
    pub(super) fn open(&mut self, bracket: u8, close: u8) -> Option<bool> {
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
    pub(super) fn key(&mut self) -> Option<Result<&'t str, ()>> {
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
    pub(super) fn next_or_end(&mut self, close: u8) -> Option<bool> {
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
    pub(super) fn string(&mut self) -> Option<Result<&'t str, ()>> {
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
    pub(super) fn value(&mut self, shape: Option<usize>) -> bool {
        if self.depth == MAX_SCAN_DEPTH {
            return false;
        }
        self.depth += 1;
        let whole = self.value_inside(shape);
        self.depth -= 1;
        whole
    }

    pub(super) fn value_inside(&mut self, shape: Option<usize>) -> bool {
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
