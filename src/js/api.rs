//! The JavaScript boundary of the pure functions: `dataSets`, `defaultData`, `validate`,
//! `keyFigures`, `upgrade`, `transition`, `layoutTree`, `schema`. Everything crossing it is
//! plain JSON-compatible data.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::finding::{Code, Finding, Severity};
use crate::model::text::Text;
use crate::rules::Options;

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
/** Options for `keyFigures`. */
export interface KeyFigureOptions {
  /** Rule-profile id for the governance figures. */
  profile?: string;
  /**
   * Confidence level of every interval (default 0.95): a fraction from 0.9 to below 1 or a
   * percentage from 90 to below 100 (`99.8` is 99.8 %). Anything else is an
   * `invalid-option` finding.
   */
  level?: number;
  /** Figures from fewer events are suppressed (default 5; ≥ 0). */
  suppressBelow?: number;
  /** A directly standardised rate needs at least this many events (default 10). */
  dsrMinEvents?: number;
  /** Interval for proportions: "wilson" (default) or "exact" (Clopper–Pearson). */
  proportionMethod?: "wilson" | "exact";
}
/** One figure for one area and period. `value` is absent when suppressed or without data. */
export interface Figure {
  level: "municipality" | "cluster" | "region" | "nation";
  area: string; name: string; period: string;
  status: "ok" | "suppressed" | "no-data" | "invalid";
  value: number | null; lower: number | null; upper: number | null;
  numerator: number; denominator: number;
  incomplete?: string[];
  region?: { area: string; value: number; difference: number; significant: boolean };
  nation?: { area: string; value: number; difference: number; significant: boolean };
  trend?: { previous_period: string; previous_value: number; change: number; relative_change: number | null; significant: boolean };
  gap_to_best_fifth?: number;
  /**
   * The indirectly standardised ratio (SMR, 1 = as the reference) and rate (ISR = SMR × the
   * reference's crude rate), for a rate indicator that is directly standardised or gives a
   * `reference`. Interval on the observed count: exact below 10 events, Byar from 10.
   */
  indirect?: {
    status: "ok" | "suppressed" | "invalid";
    observed: number; expected: number | null;
    ratio: number | null; ratio_lower: number | null; ratio_upper: number | null;
    rate: number | null; rate_lower: number | null; rate_upper: number | null;
    method: "exact" | "byar";
  };
  /** The body responsible for the area (a cluster's political level, the sundhedsråd, the region's body, a municipality's council); absent for the nation. */
  responsible?: { body?: string; name: Text };
}
/**
 * Slope and relative index of inequality across groups ordered from the most advantaged
 * (position 0) to the least advantaged (1). `sii` = fitted value at the least advantaged end
 * minus that at the most advantaged end (positive: higher among the least advantaged; PHE's
 * order gives the opposite sign). `rii` = SII ÷ the overall value; `rii_ends` = fitted least
 * ÷ fitted most advantaged end (PHE's RII, the ratio of the fitted ends).
 */
export interface SocialGradient {
  area: string; period: string; sii: number; rii: number | null; rii_ends: number | null;
  fitted_most_advantaged: number; fitted_least_advantaged: number;
}
/** The result of `keyFigures`: findings, the governance figures and each indicator's figures. */
export interface KeyFiguresResult {
  ok: boolean;
  findings: Finding[];
  governance: Record<string, unknown>;
  indicators: Array<{
    id: string; name: Text; unit: Text; synthetic: boolean; periods: string[]; figures: Figure[]; inequality: unknown[];
    gradients: SocialGradient[];
    /** What the figures' `indirect` ratios are measured against: "nation" (its counts of each period) or "data" (the indicator's `reference`). */
    indirect_reference: { source: "nation" | "data"; name: Text } | null;
    [key: string]: unknown;
  }>;
}
/** Options for `layoutTree`. Sizes in CSS px. */
export interface LayoutTreeOptions {
  orientation?: "top-down" | "left-right";
  siblingGap?: number; subtreeGap?: number; levelGap?: number;
  /** Stack a parent's leaf children in columns from this many on. */
  compactMinLeaves?: number; compactColumns?: number;
}
/** Top-left corners of the node boxes and the size of the drawing. */
export interface LayoutTreeResult { x: Float64Array; y: Float64Array; width: number; height: number }
/** One of the embedded data sets, as `dataSets()` lists them. Dates are `YYYY-MM-DD`. */
export interface DataSetInfo {
  id: string; title: Text | null;
  valid_from: string | null; valid_to: string | null; preparatory_from: string | null;
  status: string | null;
}
/** A municipality's membership of an area; `share` only for a split municipality. */
export interface Placement { area: string; share?: number | "unknown" }
/**
 * How a municipality's company (the other municipalities sharing an area with it) changes:
 * "same" (nothing left behind, no new), "merged" (only new), "split" (only left behind),
 * "split-joined" (left behind, new and kept), "moved" (left behind and new, none kept),
 * "unplaced" (in no area on one side).
 */
export type Change = "same" | "merged" | "split" | "split-joined" | "moved" | "unplaced";
export interface MunicipalityTransition {
  code: string; name: string;
  from_areas: Placement[]; to_areas: Placement[];
  from_region: string | null; to_region: string | null;
  change: Change;
  kept_together: string[]; new_neighbours: string[]; left_behind: string[];
  /** Municipal seats attributed to it in its areas' representing bodies. */
  seats_from: number; seats_to: number;
}
export interface Predecessor {
  id: string; name: string; municipalities: string[]; shared: number;
  population: number | null; municipal_seats: number; inhabitants_per_municipal_seat: number | null;
}
/** An area of the `to` side with what it comes from. Populations are null where any is unknown. */
export interface AreaTransition {
  id: string; kind: string; name: string; region: string; members: string[];
  population_from: number | null; population_to: number | null;
  seats_from: number; seats_to: number;
  inhabitants_per_municipal_seat_from: number | null; inhabitants_per_municipal_seat_to: number | null;
  predecessors: Predecessor[];
}
/** Municipalities going from one area to another (a Sankey band); `population` from the `to` side. */
export interface Flow { from: string; to: string; municipalities: string[]; population: number | null }
export interface TransitionSummary {
  municipalities_from: number; municipalities_to: number; areas_from: number; areas_to: number;
  region_changed: number; merged_areas: number; split_areas: number; unchanged_areas: number;
  changes: Partial<Record<Change, number>>;
}
/** The result of `transition(from, to)`. */
export interface Transition {
  from_id: string | null; to_id: string | null;
  municipalities: MunicipalityTransition[]; areas: AreaTransition[]; flows: Flow[];
  summary: TransitionSummary;
}
/** A data set in the format "sundhedsklynger/2" or "/1" (see `schema()`). */
export type SundhedsklyngerData = import("../data.js").SundhedsklyngerData;
"#;

#[derive(Serialize)]
struct ValidationResult {
    ok: bool,
    findings: Vec<Finding>,
}

/// Plain data to a JS value: serialised to JSON text and parsed by the engine's own
/// `JSON.parse`, which builds large results (25,000 figures) several times faster than
/// creating each object across the boundary.
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
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

/// The options of `validate`, typed ([`crate::js::options`]): the rule options and the
/// findings about options that cannot be used.
pub(crate) fn read_options(options: &JsValue) -> (Options, Vec<Finding>) {
    let (given, mut findings) = crate::js::options::ValidateOptions::read(options);
    findings.extend(given.findings());
    (Options { profile: given.profile.value() }, findings)
}

/// The real data sets: id, title, period and status of each, oldest first (known without
/// their texts, so it stays synchronous in every entry).
#[wasm_bindgen(js_name = dataSets, unchecked_return_type = "DataSetInfo[]")]
pub fn data_sets() -> JsValue {
    to_js(&crate::dataset_infos())
}

/// Today by the caller's clock, `YYYY-MM-DD`.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or_default().to_string()
}

/// The id of the real data set in force on `date` (`YYYY-MM-DD`; without it, today by
/// the caller's clock); `undefined` for a date that is not a date.
#[wasm_bindgen(js_name = dataSetInForce)]
pub fn data_set_in_force(date: Option<String>) -> Option<String> {
    crate::dataset_in_force(&date.unwrap_or_else(today)).map(str::to_string)
}

/// Gives the wasm the text of a real data set the entry fetched (`data/<id>.json`);
/// `false` for an id that is not a known data set. Used by the browser entries.
#[cfg(not(feature = "embedded-data"))]
#[doc(hidden)]
#[wasm_bindgen(js_name = __registerDataSet, skip_typescript)]
pub fn register_data_set(id: &str, text: String) -> bool {
    crate::datasets::register(id, text)
}

/// A real data set: the one `id` names, or without `id` the one in force today by the
/// caller's clock (the health clusters of 2022 until 2026-12-31, then the sundhedsråd).
/// Throws an `Error` naming the id and the known ones for an unknown id. A fresh object on
/// every call. (The browser entries wrap it in a `Promise`: they fetch the text first.)
#[wasm_bindgen(js_name = defaultData, unchecked_return_type = "SundhedsklyngerData")]
pub fn default_data(id: Option<String>) -> Result<JsValue, JsValue> {
    let id = match id {
        Some(id) => id,
        None => crate::dataset_in_force(&today()).unwrap_or(crate::datasets::KNOWN[0].id).to_string(),
    };
    let Some(known) = crate::datasets::known(&id) else {
        let known = crate::datasets::KNOWN.iter().map(|k| format!("\"{}\"", k.id)).collect::<Vec<_>>().join(", ");
        return Err(js_sys::Error::new(&format!("Ukendt datasæt \"{id}\"; kendte: {known}. / Unknown data set \"{id}\"; known: {known}.")).into());
    };
    match crate::datasets::text(known.id) {
        Some(text) => js_sys::JSON::parse(text),
        None => Err(js_sys::Error::new(&format!(
            "Datasættet \"{id}\" er ikke hentet endnu (brug await defaultData(\"{id}\")). / The data set \"{id}\" is not loaded yet (use await defaultData(\"{id}\"))."
        ))
        .into()),
    }
}

/// A finding's path and message, for an exception's text.
fn findings_text(findings: &[&Finding]) -> (String, String) {
    let shown = findings.iter().take(5);
    let at = |f: &Finding, m: &str| if f.path.is_empty() { m.to_string() } else { format!("{}: {m}", f.path) };
    let da = shown.clone().map(|f| at(f, &f.message.da)).collect::<Vec<_>>().join(" ");
    let en = shown.map(|f| at(f, &f.message.en)).collect::<Vec<_>>().join(" ");
    let more = findings.len().saturating_sub(5);
    if more > 0 {
        (format!("{da} (og {more} til)"), format!("{en} (and {more} more)"))
    } else {
        (da, en)
    }
}

/// Reads a data set for `upgrade` and `transition`: throws an `Error` when reading it gives
/// errors (not JSON, not an object, too large, wrong types, …); validation is not run.
fn read_for(data: &JsValue, what: &str) -> Result<crate::Dataset, JsValue> {
    let outcome = input_text(data).map(|text| crate::read::read_str(&text));
    let (dataset, findings) = match outcome {
        Ok(o) => (o.dataset, o.findings),
        Err(finding) => (crate::Dataset::empty(), vec![finding]),
    };
    let errors: Vec<&Finding> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
    if errors.is_empty() {
        return Ok(dataset);
    }
    let (da, en) = findings_text(&errors);
    Err(js_sys::Error::new(&format!("{what}: data kan ikke læses. {da} / The data cannot be read. {en}")).into())
}

/// A data set (an object, or JSON text, format `/1` or `/2`) as format `/2` writes it: an
/// object to `JSON.stringify`. Throws an `Error` listing the findings when reading gives
/// errors, so nothing that could not be read is silently dropped; validation findings
/// (`validate`) do not stop it.
#[wasm_bindgen(js_name = upgrade, unchecked_return_type = "SundhedsklyngerData")]
pub fn upgrade(#[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] data: JsValue) -> Result<JsValue, JsValue> {
    let dataset = read_for(&data, "upgrade")?;
    Ok(to_js(&dataset.upgraded()))
}

/// How one data set's areas become another's: each municipality's areas and company on both
/// sides, each `to` area's predecessors, populations and municipal seats, the flows between
/// areas, a summary. Throws an `Error` when reading either gives errors.
#[wasm_bindgen(js_name = transition, unchecked_return_type = "Transition")]
pub fn transition(
    #[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] to: JsValue,
) -> Result<JsValue, JsValue> {
    let from = read_for(&from, "transition(from)")?;
    let to = read_for(&to, "transition(to)")?;
    Ok(to_js(&crate::transition::transition(&from, &to)))
}

/// Validates a data set (an object, or JSON text). Never throws: every problem is a finding.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] data: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    let (options, option_findings) = read_options(&options.unwrap_or(JsValue::UNDEFINED));
    let mut findings = match input_text(&data) {
        Ok(text) => crate::check(&text, &options).findings,
        Err(finding) => vec![finding],
    };
    // Options that cannot be used are findings with the data's (errors first).
    findings.extend(option_findings);
    findings.sort_by_key(|f| f.severity);
    let ok = !findings.iter().any(|f| f.severity == Severity::Error);
    to_js(&ValidationResult { ok, findings })
}

#[derive(Serialize)]
struct KeyFiguresResult {
    ok: bool,
    findings: Vec<Finding>,
    #[serde(flatten)]
    figures: crate::figures::key_figures::KeyFigures,
}

fn number_option(options: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_f64()).filter(|x| x.is_finite())
}

/// The key-figure options a caller passed, checked (typed: [`crate::js::options`]): the
/// rule profile where `profile` is allowed (`keyFigures`; the widget's `keyFigureOptions`
/// have none), and the options, or every option that cannot be used as an
/// `invalid-option` finding naming it — an unknown one, one of the wrong type, `level`
/// not a fraction from 0.9 or a percentage from 90 (`99` is 99 %). Nothing falls back
/// silently to a default.
pub(crate) fn key_figure_options(
    options: &JsValue,
    profile_allowed: bool,
) -> (Option<String>, Result<crate::figures::key_figures::KeyFigureOptions, Vec<Finding>>) {
    use crate::figures::key_figures::{KeyFigureOptions, OptionError};
    use crate::js::options::{Given, KeyFigureOptionsIn};
    let (given, mut findings) = KeyFigureOptionsIn::read(options);
    let mut o = KeyFigureOptions::default();
    let mut errors = Vec::new();
    let mut number = |g: &Given<f64>, name: &'static str, target: &mut f64| match g {
        Given::Value(x) => *target = *x,
        Given::Wrong(_) => errors.push(OptionError::NotANumber(name)),
        Given::Absent | Given::Null => {}
    };
    number(&given.level, "level", &mut o.level);
    number(&given.suppress_below, "suppressBelow", &mut o.suppress_below);
    number(&given.dsr_min_events, "dsrMinEvents", &mut o.dsr_min_events);
    match &given.proportion_method {
        Given::Value(code) => match crate::figures::stats::ProportionMethod::from_code(code) {
            Some(m) => o.proportion_method = m,
            None => errors.push(OptionError::ProportionMethod(code.clone())),
        },
        Given::Wrong(v) => errors.push(OptionError::ProportionMethod(js_sys::JSON::stringify(v).ok().and_then(|t| t.as_string()).unwrap_or_default())),
        Given::Absent | Given::Null => {}
    }
    // The numeric options' and proportionMethod's findings are OptionError's (above); a
    // `profile` of the wrong type gets the struct's own.
    let profile_wrong: Vec<Finding> = given.wrong_fields().into_iter().filter(|(n, ..)| *n == "profile").map(|(n, v, e)| crate::js::options::wrong(n, v, e)).collect();
    let profile = match given.profile {
        Given::Absent | Given::Null => None,
        _ if !profile_allowed => {
            let known: Vec<&str> = KeyFigureOptionsIn::NAMES.iter().copied().filter(|n| *n != "profile").collect();
            findings.push(crate::js::options::unknown("profile", &known));
            None
        }
        Given::Value(p) => Some(p),
        Given::Wrong(_) => {
            findings.extend(profile_wrong);
            None
        }
    };
    let checked = match o.validated() {
        Ok(o) if errors.is_empty() && findings.is_empty() => Ok(o),
        Ok(_) => Err(findings.into_iter().chain(errors.iter().map(OptionError::finding)).collect()),
        Err(more) => Err(findings.into_iter().chain(errors.iter().chain(&more).map(OptionError::finding)).collect()),
    };
    (profile, checked)
}

/// Computes every key figure: governance figures and, for each indicator, each
/// municipality, cluster, region and the nation. Never throws: options that cannot be used
/// (`level` outside 0.9–1 / 90–100, a negative `suppressBelow`, an unknown
/// `proportionMethod`) are `invalid-option` findings, and then no indicator is computed.
#[wasm_bindgen(js_name = keyFigures, unchecked_return_type = "KeyFiguresResult")]
pub fn key_figures(
    #[wasm_bindgen(unchecked_param_type = "SundhedsklyngerData | string")] data: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "KeyFigureOptions")] options: Option<JsValue>,
) -> JsValue {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let (profile, figure_options) = key_figure_options(&options, true);
    let validate_options = Options { profile };
    let (dataset, findings) = match input_text(&data) {
        Ok(text) => {
            let report = crate::check(&text, &validate_options);
            (report.dataset, report.findings)
        }
        Err(finding) => (crate::Dataset::empty(), vec![finding]),
    };
    let (profile, _) = crate::rules::resolve_profile(&dataset, &validate_options);
    let mut findings = findings;
    let figures = match figure_options {
        Ok(o) => crate::figures::key_figures::key_figures(&dataset, &profile, &o),
        // Options that cannot be used give their findings and no indicator figures — never
        // figures at a level the caller did not ask for.
        Err(option_findings) => {
            findings.extend(option_findings);
            crate::figures::key_figures::KeyFigures { governance: crate::figures::key_figures::governance(&dataset, &profile), indicators: Vec::new() }
        }
    };
    let ok = !findings.iter().any(|f| f.severity == Severity::Error);
    to_js(&KeyFiguresResult { ok, findings, figures })
}

/// Lays out a forest: `parents[i]` is the index of node i's parent, or −1 for a root;
/// children keep their order. Throws a `RangeError` naming the node for a cycle, an unknown
/// parent, a bad size or arrays of different lengths.
#[wasm_bindgen(js_name = layoutTree, unchecked_return_type = "LayoutTreeResult")]
pub fn layout_tree(
    parents: &[i32],
    widths: &[f64],
    heights: &[f64],
    #[wasm_bindgen(unchecked_optional_param_type = "LayoutTreeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    use crate::chart::layout::{layout, LayoutError, LayoutOptions, Orientation};
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let mut o = LayoutOptions::default();
    if options.is_object() {
        let get = |k: &str| number_option(&options, k).filter(|x| *x >= 0.0);
        o.sibling_gap = get("siblingGap").unwrap_or(o.sibling_gap);
        o.subtree_gap = get("subtreeGap").unwrap_or(o.subtree_gap);
        o.level_gap = get("levelGap").unwrap_or(o.level_gap);
        o.compact_min_leaves = get("compactMinLeaves").map(|n| n as usize);
        o.compact_columns = get("compactColumns").map_or(o.compact_columns, |n| n as usize);
        let orientation = js_sys::Reflect::get(&options, &JsValue::from_str("orientation")).ok().and_then(|v| v.as_string());
        if orientation.as_deref() == Some("left-right") {
            o.orientation = Orientation::LeftRight;
        }
    }
    let parent: Vec<Option<usize>> = parents.iter().map(|&p| usize::try_from(p).ok()).collect();
    let error = |e: LayoutError| -> JsValue {
        let msg = match e {
            LayoutError::LengthMismatch => "parents, widths and heights must have the same length".to_string(),
            LayoutError::UnknownParent { node } => format!("node {node}: its parent does not exist"),
            LayoutError::Cycle { node } => format!("node {node} is on a cycle of parents"),
            LayoutError::InvalidSize { node } => format!("node {node}: width and height must be finite and ≥ 0"),
        };
        js_sys::RangeError::new(&msg).into()
    };
    let l = layout(&parent, widths, heights, &o).map_err(error)?;
    let out = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), &v);
    set("x", js_sys::Float64Array::from(l.x.as_slice()).into())?;
    set("y", js_sys::Float64Array::from(l.y.as_slice()).into())?;
    set("width", l.total_width.into())?;
    set("height", l.total_height.into())?;
    Ok(out.into())
}

/// The JSON Schema of the data format. (Only where it is embedded: the browser entries
/// fetch `schema.json` instead.)
#[cfg(feature = "embedded-data")]
#[wasm_bindgen(js_name = schema, unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> JsValue {
    to_js(&crate::schema())
}
