//! The JavaScript boundary of the pure functions: `defaultData`, `validate`, `schema`.
//! Everything crossing it is plain JSON-compatible data.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::finding::{Code, Finding, Severity};
use crate::text::Text;
use crate::validate::Options;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A text in Danish and English. */
export interface Text { da: string; en: string }
/** One thing found in a data set. `path` is a JSON Pointer into the input. */
export interface Finding {
  severity: "error" | "warning" | "info";
  code: string;
  path: string;
  message: Text;
}
/** The result of `validate`: `ok` is true when no finding is an error. */
export interface ValidationResult { ok: boolean; findings: Finding[] }
/** Options for `validate`. `profile`: a rule-profile id, e.g. "aftale-2021" or "sundhedsloven-2022". */
export interface ValidateOptions { profile?: string }
/** A data set in the format "sundhedsklynger/1" (see `schema()`). */
export type SundhedsklyngerData = Record<string, unknown> & { format: "sundhedsklynger/1" };
"#;

#[derive(Serialize)]
struct ValidationResult {
    ok: bool,
    findings: Vec<Finding>,
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Turns what a caller passed (JSON text or a JS object) into JSON text. A JS value
/// that `JSON.stringify` cannot handle (a cycle, a BigInt) becomes a finding.
pub(crate) fn input_text(data: &JsValue) -> Result<String, Finding> {
    if let Some(text) = data.as_string() {
        return Ok(text);
    }
    let not_json = |detail: String| {
        Finding::new(
            Severity::Error,
            Code::JsonSyntax,
            "",
            Text::new(
                format!("Data kan ikke læses som JSON: {detail}. Forventede et objekt i formatet sundhedsklynger/1 eller JSON-tekst."),
                format!("The data cannot be read as JSON: {detail}. Expected an object in the format sundhedsklynger/1 or JSON text."),
            ),
        )
    };
    if data.is_undefined() || data.is_null() {
        return Err(not_json("ingen data / no data".into()));
    }
    match js_sys::JSON::stringify(data) {
        Ok(s) => s.as_string().ok_or_else(|| not_json("JSON.stringify gav intet / gave nothing".into())),
        Err(e) => Err(not_json(js_sys::Error::from(e).message().into())),
    }
}

pub(crate) fn read_options(options: &JsValue) -> Options {
    let profile = if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str("profile")).ok().and_then(|v| v.as_string())
    } else {
        None
    };
    Options { profile }
}

/// The embedded default data set (all regions, clusters and municipalities, with sources).
#[wasm_bindgen(js_name = defaultData, unchecked_return_type = "SundhedsklyngerData")]
pub fn default_data() -> JsValue {
    js_sys::JSON::parse(crate::DEFAULT_DATA_JSON).unwrap_or(JsValue::NULL)
}

/// Validates a data set (an object, or JSON text). Never throws: every problem is a finding.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    let options = read_options(&options.unwrap_or(JsValue::UNDEFINED));
    let findings = match input_text(&data) {
        Ok(text) => crate::check(&text, &options).findings,
        Err(finding) => vec![finding],
    };
    let ok = !findings.iter().any(|f| f.severity == Severity::Error);
    to_js(&ValidationResult { ok, findings })
}

/// The JSON Schema of the data format.
#[wasm_bindgen(js_name = schema, unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> JsValue {
    to_js(&crate::schema())
}
