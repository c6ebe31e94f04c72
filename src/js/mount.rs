//! The widget's JavaScript entry: `mount(element, options)` and the handle it returns.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{function_component, html, AppHandle, Callback, Html, Properties};

use crate::js::api::{input_text, key_figure_options, to_js};
use crate::js::options::{codes, options, Given, LangCode, Raw};
use crate::finding::Finding;
use crate::figures::key_figures::KeyFigureOptions;
use crate::model::text::Lang;
use crate::web::components::app::{App, AppProps};
use crate::web::state::{DataInput, Theme, ViewMode, WidgetEvent, WidgetOptions};
use crate::web::style;

#[wasm_bindgen(typescript_custom_section)]
const TS_MOUNT: &str = r#"
/** Options for `mount` and `WidgetHandle.update`. Every field is optional. */
export interface MountOptions {
  /**
   * The data set: an object or JSON text in the format "sundhedsklynger/1".
   * `mount` without it shows the data set built in. In `update`, leaving it out keeps
   * the current data and `null` returns to the built-in data set.
   * Bad data never throw: the widget lists the findings instead.
   */
  data?: SundhedsklyngerData | string | null;
  /**
   * An embedded data set by id: "klynger-2022" (the sundhedsklynger, 1 July 2022 – 31
   * December 2026) or "sundhedsraad-2027" (the sundhedsråd, from 1 January 2027); see
   * `dataSets()`. Without `data`, `dataset` and `date` the widget shows the one in force
   * today. An unknown id is a finding, and the one in force today is shown.
   */
  dataset?: string;
  /**
   * A day, "YYYY-MM-DD": the widget shows the embedded structure in force that day (used
   * when neither `data` nor `dataset` is given). A day that is not a date is a finding.
   */
  date?: string;
  /** Id of the region to show, e.g. "RM". An unknown id shows the first region. */
  region?: string;
  /** Language of the user interface: "da" (default) or "en". */
  lang?: "da" | "en";
  /**
   * Rule-profile id to compose and check the bodies with, e.g. "aftale-2021" or
   * "sundhedsloven-2022". Default: the data set's own, else "sundhedsloven-2022".
   * In `update`, `null` returns to the default.
   */
  profile?: string | null;
  /**
   * How the key figures are computed. An object given replaces the options before it;
   * its fields left out take their defaults. In `update`, leaving it out keeps the
   * current options and `null` returns to the defaults.
   */
  keyFigureOptions?: MountKeyFigureOptions | null;
  /** How the region is shown: "chart" (default, the interactive org chart) or "list" (cards). */
  view?: "chart" | "list";
  /** Colour theme: "auto" (default, follows prefers-color-scheme), "light" or "dark". */
  theme?: "light" | "dark" | "auto";
  /** Keep the node selected in the chart in the URL hash (`#sk-node=<id>`). Default false. */
  deepLink?: boolean;
  /**
   * "cooperative" (default): a plain wheel and one finger scroll the page, Ctrl/⌘ + wheel,
   * pinch and two fingers act on the chart (as embedded maps do). "greedy": the wheel and
   * one finger act on the chart, for a page that is only the widget.
   */
  gestures?: "cooperative" | "greedy";
  /**
   * The custom element's `loading` attribute, passed on by it: "eager" or "lazy" (mount
   * itself does nothing with them). Any other value is an `invalid-option` finding.
   */
  loading?: "eager" | "lazy";
}
/** The events of a widget and their `detail`. */
export interface WidgetEventMap {
  /** Once, after the first render, with the data read and checked. */
  ready: { region: string | null; lang: "da" | "en"; ok: boolean; errors: number };
  /** A node of the org chart was selected; `label` is in the language shown. */
  select: {
    id: string;
    /** "region", "seat", or the rule profile's id of the body's or area's kind: "ssu", "cluster", "political", "professional" (2022), "council" (2027). */
    kind: string;
    label: string;
    region: string | null;
  };
  /** The data have errors (at the first render and for new data): the error findings. */
  error: { findings: Finding[] };
}
export type WidgetEventName = keyof WidgetEventMap;
/** `on` and `off` of a mounted widget (merged into the class `WidgetHandle`). */
export interface WidgetHandle {
  /**
   * Calls `callback(detail)` on each `event`. Listeners run after the current task, so
   * one added right after `mount` hears `ready`. Throws a TypeError for an unknown name.
   * @example
   * const widget = mount(el);
   * widget.on("select", (node) => console.log(node.kind, node.label));
   */
  on<K extends WidgetEventName>(event: K, callback: (detail: WidgetEventMap[K]) => void): void;
  /** Removes a listener added with `on` (the same event and function). */
  off<K extends WidgetEventName>(event: K, callback: (detail: WidgetEventMap[K]) => void): void;
}
/** Options for the widget's key figures (see `KeyFigureOptions` for `keyFigures`). */
export interface MountKeyFigureOptions {
  /** Confidence level of every interval: 0.9 to below 1, or 90 to below 100 (default 0.95). */
  level?: number;
  /** Figures from fewer events are shown as suppressed, never as 0 (default 5). */
  suppressBelow?: number;
  /** A directly standardised rate needs at least this many events (default 10). */
  dsrMinEvents?: number;
  /** Interval for proportions: "wilson" (default) or "exact" (Clopper–Pearson). */
  proportionMethod?: "wilson" | "exact";
}
"#;

options! {
    /// The options of `mount` and `WidgetHandle.update` (see `MountOptions` in TypeScript).
    pub struct MountOptionsIn {
        data: Raw = "data", "et objekt eller JSON-tekst", "an object or JSON text";
        dataset: String = "dataset", "en tekst (et datasæts id)", "a string (a data set's id)";
        date: String = "date", "en tekst, ÅÅÅÅ-MM-DD", "a string, YYYY-MM-DD";
        region: String = "region", "en tekst (en regions id)", "a string (a region's id)";
        lang: LangCode = "lang", "\"da\" eller \"en\"", "\"da\" or \"en\"";
        profile: String = "profile", "en tekst (en regelprofils id) eller null", "a string (a rule profile's id) or null";
        key_figure_options: Raw = "keyFigureOptions", "et objekt eller null", "an object or null";
        view: ViewCode = "view", "\"chart\" eller \"list\"", "\"chart\" or \"list\"";
        theme: ThemeCode = "theme", "\"auto\", \"light\" eller \"dark\"", "\"auto\", \"light\" or \"dark\"";
        deep_link: bool = "deepLink", "true eller false", "true or false";
        loading: LoadingCode = "loading", "\"lazy\" eller \"eager\"", "\"lazy\" or \"eager\"";
        gestures: GesturesCode = "gestures", "\"cooperative\" eller \"greedy\"", "\"cooperative\" or \"greedy\"";
    }
}

codes! {
    /// `gestures`' codes: cooperative (a plain wheel and one finger scroll the page) or greedy.
    pub enum GesturesCode {
        Cooperative = "cooperative",
        Greedy = "greedy",
    }
}

codes! {
    /// `view`'s codes.
    pub enum ViewCode {
        Chart = "chart",
        List = "list",
    }
}

codes! {
    /// `theme`'s codes.
    pub enum ThemeCode {
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
}

codes! {
    /// `loading`'s codes (the custom element's attribute; `mount` only checks it).
    pub enum LoadingCode {
        Lazy = "lazy",
        Eager = "eager",
    }
}

/// Options as passed from JavaScript: `None` where a field was not given.
#[derive(Default)]
struct Read {
    data: Option<DataInput>,
    option_findings: Vec<Finding>,
    profile: Option<Option<String>>,
    region: Option<String>,
    lang: Option<Lang>,
    key_figure_options: Option<KeyFigureOptions>,
    view: Option<ViewMode>,
    theme: Option<Theme>,
    deep_link: Option<bool>,
    cooperative: Option<bool>,
}

impl Read {
    /// Reads the options object ([`MountOptionsIn`]); `undefined` and `null` mean "no
    /// options". An option it does not have or of the wrong type (a `lang` other than
    /// "da"/"en", a `view` other than "chart"/"list", …) is an `invalid-option` finding
    /// naming it, and is ignored. Never throws.
    fn read(options: &JsValue) -> Read {
        let (given, mut option_findings) = MountOptionsIn::read(options);
        option_findings.extend(given.findings());
        let data = match given.data {
            Given::Absent => None,
            Given::Null => Some(DataInput::Default),
            Given::Value(Raw(value)) | Given::Wrong(value) => Some(match input_text(&value) {
                Ok(text) => DataInput::Text(Rc::new(text)),
                Err(finding) => DataInput::Invalid(Rc::new(finding)),
            }),
        };
        // `dataset` and `date` name an embedded data set where no `data` are given.
        let dataset = given.dataset.value();
        let date = given.date.value();
        let data = match (data, dataset, date) {
            // `data: null` (back to the built-in data) with a data set or a day names which.
            (Some(DataInput::Default), Some(id), _) => Some(DataInput::Builtin(id)),
            (Some(DataInput::Default), None, Some(day)) => Some(DataInput::OnDate(day)),
            (Some(data), given, _) => {
                if given.is_some() {
                    option_findings.push(crate::web::state::option_finding(
                        "Både \"data\" og \"dataset\" er angivet; viser \"data\".".into(),
                        "Both \"data\" and \"dataset\" are given; showing \"data\".".into(),
                    ));
                }
                Some(data)
            }
            (None, Some(id), _) => Some(DataInput::Builtin(id)),
            (None, None, Some(day)) => Some(DataInput::OnDate(day)),
            (None, None, None) => None,
        };
        let profile = match given.profile {
            Given::Null => Some(None),
            Given::Value(p) => Some(Some(p)),
            Given::Absent | Given::Wrong(_) => None,
        };
        // `null` gives the defaults. Options that cannot be used are findings and leave
        // the key-figure options as they were.
        let key_figure_options = match given.key_figure_options {
            Given::Null => Some(KeyFigureOptions::default()),
            Given::Value(Raw(v)) => match key_figure_options(&v, false).1 {
                Ok(o) => Some(o),
                Err(findings) => {
                    option_findings.extend(findings);
                    None
                }
            },
            Given::Absent | Given::Wrong(_) => None,
        };
        let view = given.view.value().map(|v| match v {
            ViewCode::Chart => ViewMode::Chart,
            ViewCode::List => ViewMode::List,
        });
        let theme = given.theme.value().map(|t| match t {
            ThemeCode::Auto => Theme::Auto,
            ThemeCode::Light => Theme::Light,
            ThemeCode::Dark => Theme::Dark,
        });
        Read {
            data,
            option_findings,
            profile,
            region: given.region.value(),
            lang: given.lang.value().map(Lang::from),
            key_figure_options,
            view,
            theme,
            deep_link: given.deep_link.value(),
            cooperative: given.gestures.value().map(|g| g == GesturesCode::Cooperative),
        }
    }
}

/// The event names `on` accepts.
const EVENTS: [&str; 3] = ["ready", "select", "error"];

/// The host page's listeners: (event name, function).
type Listeners = Rc<RefCell<Vec<(&'static str, js_sys::Function)>>>;

#[derive(Serialize)]
#[serde(untagged)]
enum Detail<'a> {
    Ready { region: &'a Option<String>, lang: &'static str, ok: bool, errors: usize },
    Select { id: &'a str, kind: &'a str, label: &'a str, region: &'a Option<String> },
    Error { findings: &'a [Finding] },
}

/// The event's name and its `detail` as a JS value.
fn event_value(event: &WidgetEvent) -> (&'static str, JsValue) {
    let (name, detail) = match event {
        WidgetEvent::Ready { region, lang, errors } => {
            ("ready", Detail::Ready { region, lang: lang.code(), ok: *errors == 0, errors: *errors })
        }
        WidgetEvent::Select { id, kind, label, region } => ("select", Detail::Select { id, kind, label, region }),
        WidgetEvent::Error { findings } => ("error", Detail::Error { findings }),
    };
    (name, to_js(&detail))
}

/// Calls the listeners of an event, after the current task (so that listeners added
/// right after `mount` hear `ready`). A listener that throws is reported like an
/// exception in a DOM event listener (`reportError`) and the others still run.
fn dispatch(listeners: &Listeners, event: WidgetEvent) {
    let (name, detail) = event_value(&event);
    let listeners = Rc::clone(listeners);
    yew::platform::spawn_local(async move {
        // A copy: a listener may add or remove listeners, or destroy the widget.
        let called: Vec<js_sys::Function> =
            listeners.borrow().iter().filter(|(n, _)| *n == name).map(|(_, f)| f.clone()).collect();
        for f in called {
            if let Err(error) = f.call1(&JsValue::UNDEFINED, &detail) {
                report_error(&error);
            }
        }
    });
}

fn report_error(error: &JsValue) {
    let global = js_sys::global();
    if let Ok(report) = js_sys::Reflect::get(&global, &JsValue::from_str("reportError")) {
        if let Some(report) = report.dyn_ref::<js_sys::Function>() {
            let _ = report.call1(&global, error);
        }
    }
}

fn event_name(event: &str) -> Result<&'static str, JsValue> {
    EVENTS.iter().copied().find(|e| *e == event).ok_or_else(|| {
        js_sys::TypeError::new(&format!("unknown event {event:?}: expected one of {}", EVENTS.join(", "))).into()
    })
}

struct Mounted {
    app: AppHandle<Host>,
    /// The `<div>` the widget renders into, a child of the host element.
    root: Element,
    props: AppProps,
    /// Raised per mount: the widget inside a reused app starts afresh.
    generation: u32,
    listeners: Listeners,
    /// Raised by every `show`: a fetch that ends after a newer `show` is ignored.
    shown: u32,
    /// Whether the widget itself (not the placeholder) is rendered.
    drawn: bool,
}

type Cell = Rc<RefCell<Mounted>>;

/// Renders the props, or, while the data set they show is fetched, the placeholder (or
/// the widget as it was, when it was drawn already: its state stays), then the widget.
/// A data set that cannot be fetched is a `load-failed` finding in the widget.
fn show(cell: &Cell) {
    let mut m = cell.borrow_mut();
    m.shown = m.shown.wrapping_add(1);
    let missing = missing(&m.props.options.data);
    if missing.is_empty() {
        let builtin = !matches!(m.props.options.data, DataInput::Text(_) | DataInput::Invalid(_));
        let host = HostProps { app: Some(m.props.clone()), generation: m.generation, loading: None };
        m.drawn = true;
        m.app.update(host);
        if builtin {
            prefetch_rest();
        }
        return;
    }
    if !m.drawn {
        let host = HostProps { app: None, generation: m.generation, loading: Some(m.props.options.lang.unwrap_or_default()) };
        m.app.update(host);
    }
    let token = m.shown;
    let weak = Rc::downgrade(cell);
    drop(m);
    yew::platform::spawn_local(async move {
        let mut failed = None;
        for id in missing {
            if let Err(reason) = crate::web::loader::fetch(id).await {
                failed = Some((id, reason));
                break;
            }
        }
        // The widget in a task of its own: the fetch may have finished long ago (the
        // element asks for it while the .wasm loads), and then this is `mount`'s task.
        crate::web::task::next_task().await;
        let Some(cell) = weak.upgrade() else { return };
        if cell.borrow().shown != token {
            return;
        }
        match failed {
            None => show(&cell),
            Some((id, reason)) => {
                let mut m = cell.borrow_mut();
                let finding = crate::web::loader::load_failed(id, &reason);
                let mut props = m.props.clone();
                props.options.data = DataInput::Invalid(Rc::new(finding));
                props.serial = props.serial.wrapping_add(1);
                let host = HostProps { app: Some(props), generation: m.generation, loading: None };
                m.drawn = true;
                m.app.update(host);
            }
        }
    });
}

/// What `mount` renders: the widget; a placeholder while the data set it shows is fetched
/// (`loading`, in the language asked for); or nothing while the app is parked.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
struct HostProps {
    app: Option<AppProps>,
    generation: u32,
    loading: Option<Lang>,
}

/// Yew 0.23 leaks the event listeners it adds to each app's root (`HostHandlers` forgets
/// its closures), about 2 KB of wasm and JS memory per app. So `destroy` parks its app
/// here and the next `mount` reuses it, its widget keyed by the generation so that no
/// state carries over; 1,000 mount/destroy cycles then cost no more than one.
#[function_component]
fn Host(props: &HostProps) -> Html {
    match (&props.app, props.loading) {
        (Some(app), _) => html! { <App key={props.generation} ..app.clone() /> },
        (None, Some(lang)) => crate::web::components::app::loading(lang),
        (None, None) => Html::default(),
    }
}

thread_local! {
    /// Whether the other data sets were asked for (once, after a first one was shown).
    static PREFETCHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sets how the wasm gets a real data set's text where it is not embedded: the browser
/// entries pass a function `(id) => Promise` that fetches `data/<id>.json` and registers it.
#[doc(hidden)]
#[wasm_bindgen(js_name = __setDataSetLoader, skip_typescript)]
pub fn set_data_set_loader(loader: js_sys::Function) {
    crate::web::loader::set(loader);
}

/// The real data sets `data` needs whose texts are not at hand: the one it shows (for an
/// unknown id or a bad day, the one in force today, which the widget then shows), and for
/// an unknown id all of them (its finding lists the known ones). Mirrors `state::builtin`.
fn missing(data: &DataInput) -> Vec<&'static str> {
    let today = || crate::dataset_in_force(&crate::web::state::today());
    let ids: Vec<&'static str> = match data {
        DataInput::Default => today().into_iter().collect(),
        DataInput::Builtin(id) => match crate::datasets::known(id) {
            Some(k) => vec![k.id],
            None => crate::datasets::KNOWN.iter().map(|k| k.id).collect(),
        },
        DataInput::OnDate(date) => crate::dataset_in_force(date).or_else(today).into_iter().collect(),
        DataInput::Text(_) | DataInput::Invalid(_) => Vec::new(),
    };
    ids.into_iter().filter(|id| !crate::datasets::is_loaded(id)).collect()
}

/// Once a data set is shown, the others are fetched in the background, so that the
/// widget's structure switch and its transition have them at hand.
fn prefetch_rest() {
    if PREFETCHED.with(|p| p.replace(true)) {
        return;
    }
    yew::platform::spawn_local(async {
        for k in &crate::datasets::KNOWN {
            if !crate::datasets::is_loaded(k.id) {
                let _ = crate::web::loader::fetch(k.id).await;
            }
        }
    });
}

/// At most this many parked apps are kept (more than this many widgets destroyed and
/// none mounted again: the rest are torn down).
const POOL_SIZE: usize = 8;

thread_local! {
    static PARKED: RefCell<Vec<(AppHandle<Host>, Element, u32)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget. `update` changes what it shows, `on`/`off` listen to its events,
/// `destroy` removes it; `free()` (wasm-bindgen) releases the handle itself.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Option<Cell>,
}

/// Mounts the widget into `element`: appends a `<div>` to it (other children stay) and
/// renders into that. Without `data` it shows the data set built in. Never throws on
/// bad data: the widget then shows the findings, with their JSON paths.
#[wasm_bindgen(js_name = mount)]
pub fn mount(
    element: Element,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>,
) -> WidgetHandle {
    let given = Read::read(&options.unwrap_or(JsValue::UNDEFINED));
    let listeners: Listeners = Rc::default();
    let on_event = {
        let listeners = Rc::clone(&listeners);
        Callback::from(move |event: WidgetEvent| dispatch(&listeners, event))
    };
    let props = AppProps {
        options: WidgetOptions {
            data: given.data.unwrap_or_default(),
            option_findings: given.option_findings,
            profile: given.profile.flatten(),
            region: given.region,
            lang: given.lang,
            key_figure_options: given.key_figure_options.unwrap_or_default(),
            view: given.view,
            theme: given.theme.unwrap_or_default(),
            deep_link: given.deep_link.unwrap_or(false),
            greedy_gestures: given.cooperative == Some(false),
        },
        serial: 0,
        on_event: Some(on_event),
    };
    let parked = PARKED.with(|p| p.borrow_mut().pop());
    let (app, root, generation) = match parked {
        Some((app, root, generation)) if element.append_child(&root).is_ok() => {
            style::apply(&root);
            (app, root, generation.wrapping_add(1))
        }
        other => {
            if let Some((app, _, _)) = other {
                app.destroy();
            }
            let Some(root) = element.owner_document().and_then(|d| d.create_element("div").ok()) else {
                return WidgetHandle { inner: None };
            };
            root.set_class_name("sk-root");
            if element.append_child(&root).is_err() {
                return WidgetHandle { inner: None };
            }
            style::apply(&root);
            let app = yew::Renderer::<Host>::with_root_and_props(root.clone(), HostProps::default()).render();
            (app, root, 0)
        }
    };
    let cell = Rc::new(RefCell::new(Mounted { app, root, props, generation, listeners, shown: 0, drawn: false }));
    show(&cell);
    WidgetHandle { inner: Some(cell) }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Changes the options. Fields left out keep their current value (the region and
    /// language the user chose stay unless `region` / `lang` are given). Does nothing
    /// after `destroy`.
    pub fn update(&mut self, #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>) {
        let Some(cell) = self.inner.as_ref() else { return };
        let given = Read::read(&options.unwrap_or(JsValue::UNDEFINED));
        let mut props = cell.borrow().props.clone();
        // The findings are about these options: they replace those of the last ones.
        props.options.option_findings = given.option_findings;
        if let Some(data) = given.data {
            props.options.data = data;
        }
        if let Some(profile) = given.profile {
            props.options.profile = profile;
        }
        if let Some(options) = given.key_figure_options {
            props.options.key_figure_options = options;
        }
        // Region and language apply once, when given: the user may change them later.
        if let Some(theme) = given.theme {
            props.options.theme = theme;
        }
        if let Some(deep_link) = given.deep_link {
            props.options.deep_link = deep_link;
        }
        if let Some(cooperative) = given.cooperative {
            props.options.greedy_gestures = !cooperative;
        }
        props.options.region = given.region;
        props.options.lang = given.lang;
        props.options.view = given.view;
        props.serial = props.serial.wrapping_add(1);
        cell.borrow_mut().props = props;
        show(cell);
    }

    /// Calls `callback(detail)` on each `event`: `"ready"`, `"select"` or `"error"`
    /// (see `WidgetEventMap`). Listeners run after the current task, so one added right
    /// after `mount` hears `ready`. Throws a `TypeError` for an unknown event name; does
    /// nothing after `destroy`. Remove a listener with `off`.
    /// (Typed by the `WidgetHandle` interface in `TS_MOUNT`: TypeScript needs a generic.)
    #[wasm_bindgen(skip_typescript)]
    pub fn on(&self, event: &str, callback: js_sys::Function) -> Result<(), JsValue> {
        let name = event_name(event)?;
        if let Some(cell) = &self.inner {
            cell.borrow().listeners.borrow_mut().push((name, callback));
        }
        Ok(())
    }

    /// Removes a listener added with `on` (the same event and function).
    /// (Typed by the `WidgetHandle` interface in `TS_MOUNT`: TypeScript needs a generic.)
    #[wasm_bindgen(skip_typescript)]
    pub fn off(&self, event: &str, callback: js_sys::Function) -> Result<(), JsValue> {
        let name = event_name(event)?;
        if let Some(cell) = &self.inner {
            cell.borrow().listeners.borrow_mut().retain(|(n, f)| !(*n == name && f == &callback));
        }
        Ok(())
    }

    /// Removes the widget and its `<div>` from the host element and drops every
    /// listener; the host's other children stay. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(cell) = self.inner.take() {
            {
                let mut mounted = cell.borrow_mut();
                // A fetch still under way ends without showing anything (it holds a `Weak`).
                mounted.shown = mounted.shown.wrapping_add(1);
                mounted.listeners.borrow_mut().clear();
                mounted.root.remove();
                // Park the app (see `Host`): its widget is torn down, its root kept.
                let generation = mounted.generation;
                mounted.app.update(HostProps { app: None, generation, loading: None });
            }
            let Ok(mounted) = Rc::try_unwrap(cell).map(RefCell::into_inner) else { return };
            let (app, root, generation) = (mounted.app, mounted.root, mounted.generation);
            PARKED.with(|p| {
                let mut parked = p.borrow_mut();
                if parked.len() < POOL_SIZE {
                    parked.push((app, root, generation));
                } else {
                    app.destroy();
                }
            });
        }
    }
}
