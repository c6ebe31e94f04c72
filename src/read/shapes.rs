//! The schema's shapes: which keys each object may have, found from the embedded JSON
//! Schema's reading shapes (`crate::SCHEMA_SHAPES_JSON`), for the unknown-key findings.

use serde_json::Value;

use crate::finding::{pointer, pointer_segments, Code, Finding, Severity};
use crate::model::text::Text;

use crate::model::Version;

use super::*;

/// The relative paths of the keys the schema does not have, in the order serde meets them
/// (a `Value`'s keys are sorted); the value of such a key is not looked into.
pub(super) fn unknown_keys(value: &Value, shapes: &Shapes, shape: usize, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
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

pub(super) fn unknown_field(base: &str, segs: &[String]) -> Finding {
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

thread_local! {
    /// The version of the document being read: its shapes are the ones checked. Reading is
    /// not reentrant, so the reader sets it once it knows the format ([`reading`]).
    static READING: std::cell::Cell<Version> = const { std::cell::Cell::new(Version::V2) };
}

/// Reads with the shapes of `version` until the guard is dropped.
pub(super) fn reading(version: Version) -> impl Drop {
    struct Restore(Version);
    impl Drop for Restore {
        fn drop(&mut self) {
            READING.with(|r| r.set(self.0));
        }
    }
    Restore(READING.with(|r| r.replace(version)))
}

pub(super) fn current() -> Version {
    READING.with(|r| r.get())
}

pub(super) fn schema_root() -> &'static Value {
    static V1: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    static V2: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    match current() {
        Version::V1 => V1.get_or_init(|| crate::schema_shapes(Version::V1)),
        Version::V2 => V2.get_or_init(|| crate::schema_shapes(Version::V2)),
    }
}

/// Follows `$ref`s, and picks the object or array branch of an `anyOf`/`oneOf`
/// (optional fields are `anyOf: [T, null]`).
pub(super) fn resolve(mut node: &'static Value) -> &'static Value {
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
pub(super) fn schema_node(path: &[String]) -> Option<&'static Value> {
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
pub(super) fn allowed_fields(path: &[String]) -> Option<Vec<String>> {
    let props = schema_node(path)?.get("properties")?.as_object()?;
    Some(props.keys().map(|k| format!("\"{k}\"")).collect())
}

/// The shape of a schema node (serde reads a JSON array as a struct, field by field in
/// order; the format does not allow that, so reading checks values against the shapes).
pub(super) fn shape_id(node: &'static Value) -> Option<usize> {
    shapes().id.get(&(resolve(node) as *const Value as usize)).copied()
}

/// The path (innermost segment first) of the first array where an object belongs.
pub(super) fn array_in(value: &Value, shapes: &Shapes, shape: usize) -> Option<Vec<String>> {
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
pub(super) struct Shapes {
    pub(super) table: Vec<Shape>,
    /// Resolved schema node (by address) → its shape.
    pub(super) id: crate::hash::HashMap<usize, usize>,
}

pub(super) enum Shape {
    Object(crate::hash::HashMap<&'static str, usize>),
    Array(usize),
    Leaf,
}

pub(super) fn shapes() -> &'static Shapes {
    static V1: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
    static V2: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
    let cell = match current() {
        Version::V1 => &V1,
        Version::V2 => &V2,
    };
    cell.get_or_init(|| {
        let mut shapes = Shapes { table: Vec::new(), id: crate::hash::HashMap::default() };
        shape_of(resolve(schema_root()), &mut shapes);
        shapes
    })
}

/// The shape of a resolved schema node; a node met again (a recursive type) reuses its entry.
pub(super) fn shape_of(node: &'static Value, shapes: &mut Shapes) -> usize {
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

/// The shape at `path` (property names and indices) inside a value of shape `shape`.
pub(super) fn shape_at(shape: usize, path: &[String]) -> Option<&'static Shape> {
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
