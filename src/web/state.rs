//! The widget's state and its reducer (`use_reducer`), as in Yew's `function_todomvc`.
//!
//! The state holds the checked data (a [`Report`]), the rule profile the bodies are
//! composed with, the chosen region with its bodies, and the language. Everything the
//! components show is derived from it; the components only dispatch [`Action`]s.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::chart::{self as tree, Chart, TreeKey, ViewState};
use crate::bodies::{self, RegionBodies};
use crate::chart::layout::Orientation;
use crate::model::Sector;
use crate::chart::draw::{self as chart_draw, Arrangement, Placed};
use crate::chart::viewport::{self, Camera};
use crate::finding::{Finding, Severity};
use crate::figures::key_figures::{self, AreaLevel, Figure, IndicatorFigures, KeyFigureOptions, KeyFigures};
use crate::model::{BodyId, Dataset};
use crate::model::profile::RuleProfile;
use crate::read::Origins;
use crate::model::text::{Lang, Text};
use crate::rules::{self, Options};
use crate::Report;

/// An immutable value shared between state and components, compared by identity so
/// that passing it as a prop is cheap.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where the widget's data come from.
#[derive(Clone, Debug, Default)]
pub enum DataInput {
    /// The embedded data set in force today (by the browser's clock).
    #[default]
    Default,
    /// An embedded data set, by id (the option `dataset`, or the user's choice).
    Builtin(String),
    /// The embedded data set in force on a day, `YYYY-MM-DD` (the option `date`).
    OnDate(String),
    /// JSON text from the host page (untrusted). A `String`, not a `str`: the text comes
    /// from JS as a `String`, and `Rc<str>` would copy it once more (1.4 MB at 10,000 nodes).
    Text(Rc<String>),
    /// Input that could not even be turned into JSON text; the finding says why.
    Invalid(Rc<Finding>),
}

/// The same text is the same `Rc` first, said here rather than left to `Rc`'s own `==`
/// (whose pointer shortcut depends on the type): the props holding a data set's text are
/// compared on every render (1.4 MB at 10,000 nodes, ~0.2 ms each).
impl PartialEq for DataInput {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Default, Self::Default) => true,
            (Self::Builtin(a), Self::Builtin(b)) | (Self::OnDate(a), Self::OnDate(b)) => a == b,
            (Self::Text(a), Self::Text(b)) => Rc::ptr_eq(a, b) || a == b,
            (Self::Invalid(a), Self::Invalid(b)) => a == b,
            _ => false,
        }
    }
}

/// What the host page asks for (`mount` / `update` options).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetOptions {
    pub data: DataInput,
    /// Rule-profile id; `None` uses the data set's own or the default.
    pub profile: Option<String>,
    /// Region to show; `None` keeps the current one (the first at start).
    pub region: Option<String>,
    /// Language; `None` keeps the current one (Danish at start).
    pub lang: Option<Lang>,
    /// How the key figures are computed (confidence level, suppression, proportion method).
    pub key_figure_options: KeyFigureOptions,
    /// Chart or list; `None` keeps the current one (the chart at start).
    pub view: Option<ViewMode>,
    /// Findings about the options themselves (shown with the data's findings).
    pub option_findings: Vec<Finding>,
    /// Colour theme (`auto` follows `prefers-color-scheme`).
    pub theme: Theme,
    /// Keep the selected chart node in the URL hash (`#sk-node=<id>`). Off by default.
    pub deep_link: bool,
    /// `gestures: "greedy"`: the wheel and one finger act on the chart (cooperative, the
    /// default, leaves them to the page).
    pub greedy_gestures: bool,
}

/// What the widget reports to the host page (`WidgetHandle.on`, the custom element's
/// `CustomEvent`s). The App only emits these; `mount.rs` turns them into JS values.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The first render is done, with the data read and checked.
    Ready { region: Option<String>, lang: Lang, errors: usize },
    /// A node of the org chart was selected (click, Enter, the detail panel, a deep link).
    Select { id: String, kind: String, label: String, region: Option<String> },
    /// The data have findings of severity error (at the first render and for new data).
    Error { findings: Vec<Finding> },
}

/// The event name of a chart node's kind: `region`, `seat`, or the profile's id of the
/// body's or area's kind (`ssu`, `political`, `professional`, `cluster`; `council`).
pub fn node_kind_code(node: &tree::ChartNode) -> String {
    match node.kind {
        tree::NodeKind::Region => "region".into(),
        tree::NodeKind::Seat => "seat".into(),
        tree::NodeKind::Body | tree::NodeKind::Area => node.kind_id.clone(),
    }
}

/// How the region is shown: the interactive org chart, or the cards ("Liste").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewMode {
    #[default]
    Chart,
    List,
}

impl ViewMode {
    pub fn from_code(code: &str) -> Option<ViewMode> {
        match code {
            "chart" => Some(ViewMode::Chart),
            "list" => Some(ViewMode::List),
            _ => None,
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The class on `.sk-widget`.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "sk-theme-light",
            Theme::Dark => "sk-theme-dark",
            Theme::Auto => "sk-theme-auto",
        }
    }
}

/// The key figures of the data, computed once per data, profile and options, with an
/// index for looking up one area's figure.
pub struct Figures {
    pub all: KeyFigures,
    /// Per indicator: (level, area, period) → position in its `figures`.
    index: Vec<BTreeMap<(AreaLevel, String, String), usize>>,
    /// Every period any indicator has, sorted (periods sort as text).
    pub periods: Vec<String>,
    /// Every region's bodies, which the figures were computed from, and the data and
    /// profile they are of: the region shown takes its own from here rather than
    /// composing them again (7 % of a first render at 10,000 nodes).
    bodies: Vec<Shared<RegionBodies>>,
    of: (Shared<Report>, Shared<RuleProfile>),
}

impl Figures {
    fn new(all: KeyFigures, bodies: Vec<RegionBodies>, of: (Shared<Report>, Shared<RuleProfile>)) -> Figures {
        let index = all.indicators.iter().map(key_figures::index).collect();
        let periods: BTreeSet<&String> = all.indicators.iter().flat_map(|i| &i.periods).collect();
        let periods = periods.into_iter().cloned().collect();
        let bodies = bodies.into_iter().map(Shared::new).collect();
        Figures { all, index, periods, bodies, of }
    }

    /// The bodies of `region`, where these figures are of `report` and `profile`.
    fn region_bodies(&self, report: &Shared<Report>, profile: &Shared<RuleProfile>, region: &str) -> Option<Shared<RegionBodies>> {
        if (&self.of.0, &self.of.1) != (report, profile) {
            return None;
        }
        self.bodies.iter().find(|b| b.region == region).cloned()
    }

    /// The figure of `indicator` (by position) for one area and period.
    pub fn get(&self, indicator: usize, level: AreaLevel, area: &str, period: &str) -> Option<&Figure> {
        let i = self.index.get(indicator)?.get(&(level, area.to_string(), period.to_string()))?;
        self.all.indicators.get(indicator)?.figures.get(*i)
    }

    pub fn indicators(&self) -> &[IndicatorFigures] {
        &self.all.indicators
    }
}

/// The widget's state.
#[derive(Clone)]
pub struct State {
    pub data: DataInput,
    pub profile_option: Option<String>,
    pub report: Shared<Report>,
    /// The id of the embedded data set shown; `None` for the host page's data.
    pub dataset: Option<&'static str>,
    /// Findings about the options, kept for the next reload.
    option_findings: Vec<Finding>,
    /// The profile bodies without listed seats are composed from.
    pub profile: Shared<RuleProfile>,
    /// The region shown: always one of the data set's regions, or `None` when it has none.
    pub region: Option<String>,
    /// A region that was asked for but is not in the data (the first is shown instead).
    pub unknown_region: Option<String>,
    /// The SSU and cluster bodies of `region`.
    pub bodies: Option<Shared<RegionBodies>>,
    pub lang: Lang,
    /// The serial of the options last applied (see [`Action::Apply`]).
    pub serial: u32,
    pub key_figure_options: KeyFigureOptions,
    /// The key figures of `report` under `profile` and `key_figure_options`.
    pub figures: Shared<Figures>,
    /// The period the key figures are shown for: one of `figures.periods` (the latest at
    /// start), or `None` when there are none.
    pub period: Option<String>,
    /// Chart or list.
    pub view: ViewMode,
    /// The org chart of `region`, rebuilt only when the region, data or profile change.
    pub chart: Option<Shared<Chart>>,
    /// Raised whenever `chart` is rebuilt (the chart view's key).
    pub chart_serial: u32,
    chart_dirty: bool,
    /// The options of a state not read yet ([`State::pending`]): the first render shows
    /// the loading line, and the reading, checking and drawing come in later tasks.
    pending: Option<Rc<WidgetOptions>>,
}

/// A pending state's data read, not validated yet ([`State::read_pending`]).
pub struct Reading {
    outcome: Result<crate::read::ReadOutcome, Report>,
    chosen: Option<(&'static str, &'static str, Option<Finding>)>,
}

/// A pending state's data, read and checked, with their key figures once computed: what
/// passes from one loading step to the next ([`State::check_pending`]).
pub struct Checked {
    report: Shared<Report>,
    profile: Shared<RuleProfile>,
    dataset: Option<&'static str>,
    figures: Option<Shared<Figures>>,
}

/// What can happen to the state.
pub enum Action {
    /// The user chose a region in the switcher.
    SelectRegion(String),
    /// The user switched the language.
    SetLang(Lang),
    /// The user chose the period the key figures are shown for.
    SelectPeriod(String),
    /// New data: read and check them again, keeping the region where it still exists.
    LoadData(DataInput),
    /// The host page passed new options (`WidgetHandle.update`). Applied once per `serial`.
    Apply { options: WidgetOptions, serial: u32 },
    /// The user switched between chart and list.
    SetView(ViewMode),
    /// The user chose another embedded data set (structure).
    SelectDataset(String),
    /// The data set the user chose could not be fetched: the data shown stay, with the
    /// finding that says so.
    DatasetFailed(Finding),
    /// The state a pending one was waiting for, read and checked in a task of its own
    /// ([`State::pending`]).
    Loaded(Box<State>),
}

impl State {
    /// A state with nothing read yet: the first render, which shows only the loading line
    /// so that reading and checking (one task) and drawing (the next) do not make one long
    /// task with it. [`State::read_pending`], [`State::check_pending`], [`State::figures_pending`] and
    /// [`State::finish_pending`] give the state it waits for, a step per task.
    pub fn pending(options: &WidgetOptions, serial: u32) -> State {
        let report = Report { dataset: Dataset::empty(), origins: Origins::default(), findings: Vec::new() };
        // No rules yet: the loading line shows none, and the built-in profiles are parsed
        // in a later task (`warm`), not in `mount`'s.
        let profile = RuleProfile {
            id: String::new(),
            name: Text::new("", ""),
            description: Text::new("", ""),
            sources: Vec::new(),
            status: crate::model::Status::Confirmed,
            population_date: None,
            areas: Vec::new(),
            bodies: Vec::new(),
            legacy: false,
        };
        let checked = Checked { report: Shared::new(report), profile: Shared::new(profile), dataset: None, figures: None };
        let mut state = State::unselected(options, serial, checked);
        state.pending = Some(Rc::new(options.clone()));
        state
    }

    /// The state not read yet ([`State::pending`]).
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// The state for the first render.
    pub fn new(options: &WidgetOptions, serial: u32) -> State {
        let (report, profile, dataset) = load(&options.data, &options.profile, &options.option_findings);
        State::assemble(options, serial, Checked { report, profile, dataset, figures: None })
    }

    /// The first step of loading a pending state: its data read.
    pub fn read_pending(&self) -> Option<Reading> {
        self.pending.as_ref().map(|options| read(&options.data))
    }

    /// The second: what was read, validated.
    pub fn check_pending(&self, reading: Reading) -> Option<Checked> {
        let options = self.pending.as_ref()?;
        let (report, profile, dataset) = validate(reading, &options.profile, &options.option_findings);
        Some(Checked { report, profile, dataset, figures: None })
    }

    /// The third: the key figures of the checked data.
    pub fn figures_pending(&self, mut checked: Checked) -> Checked {
        if let Some(options) = &self.pending {
            checked.figures = Some(compute(&checked.report, &checked.profile, &options.key_figure_options));
        }
        checked
    }

    /// The last: the region's bodies and chart; the state the pending one waits for.
    pub fn finish_pending(&self, checked: Checked) -> Option<State> {
        self.pending.as_ref().map(|options| State::assemble(options, self.serial, checked))
    }

    fn assemble(options: &WidgetOptions, serial: u32, checked: Checked) -> State {
        let mut state = State::unselected(options, serial, checked);
        state.select(options.region.clone());
        state
    }

    /// The state of `checked` under `options`, no region selected yet.
    fn unselected(options: &WidgetOptions, serial: u32, checked: Checked) -> State {
        let Checked { report, profile, dataset, figures } = checked;
        let figures = figures.unwrap_or_else(|| compute(&report, &profile, &options.key_figure_options));
        State {
            data: options.data.clone(),
            profile_option: options.profile.clone(),
            report,
            dataset,
            option_findings: options.option_findings.clone(),
            profile,
            region: None,
            unknown_region: None,
            bodies: None,
            lang: options.lang.unwrap_or_default(),
            serial,
            key_figure_options: options.key_figure_options.clone(),
            period: figures.periods.last().cloned(),
            figures,
            view: options.view.unwrap_or_default(),
            chart: None,
            chart_serial: 0,
            chart_dirty: true,
            pending: None,
        }
    }

    /// Selects `requested`, or keeps the current region when `None`; falls back to the
    /// first region when the region is not in the data.
    fn select(&mut self, requested: Option<String>) {
        let regions = &self.report.dataset.regions;
        let exists = |id: &str| regions.iter().any(|r| r.id == id);
        let first = regions.first().map(|r| r.id.clone());
        let (region, unknown) = match requested {
            Some(id) if exists(&id) => (Some(id), None),
            Some(id) => (first, Some(id)),
            None => match &self.region {
                Some(current) if exists(current) => (Some(current.clone()), None),
                _ => (first, None),
            },
        };
        self.bodies = region.as_deref().map(|id| {
            self.figures
                .region_bodies(&self.report, &self.profile, id)
                .unwrap_or_else(|| Shared::new(bodies::region_bodies(&self.report.dataset, id, &self.profile)))
        });
        let stale = match (&self.chart, &region) {
            (Some(chart), Some(id)) => self.region.as_ref() != Some(id) || chart.roots.first().map(|&r| chart.nodes[r].id.as_str()) != Some(id.as_str()),
            (None, None) => false,
            _ => true,
        };
        if stale || self.chart_dirty {
            self.chart = self.bodies.as_ref().map(|bodies| Shared::new(Chart::from_bodies(&self.report.dataset, &self.profile, &[bodies])));
            self.chart_serial = self.chart_serial.wrapping_add(1);
            self.chart_dirty = false;
        }
        self.region = region;
        self.unknown_region = unknown;
    }

    /// Reads the data again where they or the profile changed, and computes the key
    /// figures again where anything they depend on changed.
    fn reload(&mut self, data: DataInput, profile: Option<String>, key_figure_options: KeyFigureOptions) {
        self.reload_with(data, profile, key_figure_options, false)
    }

    /// [`State::reload`], reading the data again also when they did not change (`force`:
    /// the findings about the options did).
    fn reload_with(&mut self, data: DataInput, profile: Option<String>, key_figure_options: KeyFigureOptions, force: bool) {
        let data_changed = force || data != self.data || profile != self.profile_option;
        if data_changed {
            let (report, rule_profile, dataset) = load(&data, &profile, &self.option_findings);
            self.report = report;
            self.dataset = dataset;
            self.profile = rule_profile;
            self.data = data;
            self.profile_option = profile;
            self.chart_dirty = true;
        }
        if data_changed || key_figure_options != self.key_figure_options {
            self.figures = compute(&self.report, &self.profile, &key_figure_options);
            self.key_figure_options = key_figure_options;
            // Keep the period where the new figures have it; else show the latest.
            if !self.period.as_ref().is_some_and(|p| self.figures.periods.contains(p)) {
                self.period = self.figures.periods.last().cloned();
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Not read yet: new options replace the pending ones; the loaded state is taken when
        // it was read from the options pending now; anything else reads them first.
        if let Some(options) = &self.pending {
            return match action {
                Action::Apply { options: mut next, serial } if serial != self.serial => {
                    // Region, language and view apply once, when given: the first ones stay.
                    next.region = next.region.or_else(|| options.region.clone());
                    next.lang = next.lang.or(options.lang);
                    next.view = next.view.or(options.view);
                    Rc::new(State::pending(&next, serial))
                }
                Action::Apply { .. } => self,
                Action::Loaded(state) if state.serial == self.serial => Rc::new(*state),
                Action::Loaded(_) => Rc::new(State::new(options, self.serial)),
                action => Rc::new(State::new(options, self.serial)).reduce(action),
            };
        }
        // Returning `self` unchanged tells Yew not to render again.
        match action {
            Action::Loaded(_) => self,
            Action::SelectRegion(id) => {
                if self.region.as_deref() == Some(id.as_str()) && self.unknown_region.is_none() {
                    return self;
                }
                let mut next = (*self).clone();
                next.select(Some(id));
                Rc::new(next)
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                Rc::new(State { lang, ..(*self).clone() })
            }
            Action::SelectPeriod(period) => {
                if self.period.as_ref() == Some(&period) || !self.figures.periods.contains(&period) {
                    return self;
                }
                Rc::new(State { period: Some(period), ..(*self).clone() })
            }
            Action::LoadData(data) => {
                let mut next = (*self).clone();
                let profile = next.profile_option.clone();
                let key_figure_options = next.key_figure_options.clone();
                next.reload(data, profile, key_figure_options);
                next.select(None);
                Rc::new(next)
            }
            Action::Apply { options, serial } => {
                if serial == self.serial {
                    return self;
                }
                let mut next = (*self).clone();
                next.serial = serial;
                let force = options.option_findings != next.option_findings;
                next.option_findings = options.option_findings;
                next.reload_with(options.data, options.profile, options.key_figure_options, force);
                next.select(options.region);
                if let Some(lang) = options.lang {
                    next.lang = lang;
                }
                if let Some(view) = options.view {
                    next.view = view;
                }
                Rc::new(next)
            }
            Action::SelectDataset(id) => {
                if self.dataset == Some(id.as_str()) {
                    return self;
                }
                let mut next = (*self).clone();
                let profile = next.profile_option.clone();
                let key_figure_options = next.key_figure_options.clone();
                // The choice replaces the options' findings about the data set.
                next.option_findings.clear();
                next.reload(DataInput::Builtin(id), profile, key_figure_options);
                next.select(None);
                Rc::new(next)
            }
            Action::DatasetFailed(finding) => {
                let mut next = (*self).clone();
                let (data, profile, key_figure_options) = (next.data.clone(), next.profile_option.clone(), next.key_figure_options.clone());
                next.option_findings = vec![finding];
                next.reload_with(data, profile, key_figure_options, true);
                let region = next.region.clone();
                next.select(region);
                Rc::new(next)
            }
            Action::SetView(view) => {
                if view == self.view {
                    return self;
                }
                Rc::new(State { view, ..(*self).clone() })
            }
        }
    }
}

/// Today in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The embedded data set an input names (its id and text), with a finding where the option
/// could not be used as given (an unknown id, a day that is not a date): then the data set
/// in force today is shown, and the finding says so. `None` for the host page's data.
fn builtin(data: &DataInput) -> Option<(&'static str, &'static str, Option<Finding>)> {
    let by_id = |id: &str| crate::DATASETS.iter().find(|(d, _)| *d == id).copied();
    let in_force = || crate::dataset_in_force(&today()).and_then(by_id).unwrap_or(crate::DATASETS[0]);
    let known = || crate::DATASETS.iter().map(|(id, _)| *id).collect::<Vec<_>>().join(", ");
    let ((id, text), finding) = match data {
        DataInput::Default => (in_force(), None),
        DataInput::Builtin(id) => match by_id(id) {
            Some(set) => (set, None),
            None => {
                let shown = in_force();
                let f = option_finding(
                    format!("Ukendt datasæt \"{}\" (dataset); forventede et af: {}. Viser {}, som gælder i dag.", crate::read::clip(id), known(), shown.0),
                    format!("Unknown data set \"{}\" (dataset); expected one of: {}. Showing {}, in force today.", crate::read::clip(id), known(), shown.0),
                );
                (shown, Some(f))
            }
        },
        DataInput::OnDate(date) => match crate::dataset_in_force(date).and_then(by_id) {
            Some(set) => (set, None),
            None => {
                let shown = in_force();
                let f = option_finding(
                    format!("Datoen \"{}\" (date) er ikke en dato; forventede ÅÅÅÅ-MM-DD, f.eks. \"2027-01-01\". Viser {}, som gælder i dag.", crate::read::clip(date), shown.0),
                    format!("The day \"{}\" (date) is not a date; expected YYYY-MM-DD, e.g. \"2027-01-01\". Showing {}, in force today.", crate::read::clip(date), shown.0),
                );
                (shown, Some(f))
            }
        },
        DataInput::Text(_) | DataInput::Invalid(_) => return None,
    };
    Some((id, text, finding))
}

/// A finding about an option of the widget.
pub fn option_finding(da: String, en: String) -> Finding {
    Finding::new(crate::Severity::Error, crate::Code::InvalidOption, "", crate::Text::new(da, en))
}

/// Reads and checks the data, and resolves the profile the bodies are composed with.
/// Never panics: bad data give findings and whatever could be read.
fn load(data: &DataInput, profile: &Option<String>, option_findings: &[Finding]) -> (Shared<Report>, Shared<RuleProfile>, Option<&'static str>) {
    validate(read(data), profile, option_findings)
}

/// The first half of [`load`]: the data read, not validated yet.
fn read(data: &DataInput) -> Reading {
    let chosen = builtin(data);
    let outcome = match (data, &chosen) {
        (_, Some((_, text, _))) => Ok(crate::read::read_str(text)),
        (DataInput::Text(text), None) => Ok(crate::read::read_str(text)),
        (_, None) => Err(Report {
            dataset: Dataset::empty(),
            origins: Origins::default(),
            findings: match data {
                DataInput::Invalid(finding) => vec![(**finding).clone()],
                _ => Vec::new(),
            },
        }),
    };
    Reading { outcome, chosen }
}

/// The second half of [`load`]: what was read, validated, with the findings about the
/// options first.
fn validate(reading: Reading, profile: &Option<String>, option_findings: &[Finding]) -> (Shared<Report>, Shared<RuleProfile>, Option<&'static str>) {
    let options = Options { profile: profile.clone() };
    let Reading { outcome, chosen } = reading;
    let mut report = match outcome {
        Ok(outcome) => crate::check_read(outcome, &options),
        Err(report) => report,
    };
    let mut first: Vec<Finding> = option_findings.to_vec();
    first.extend(chosen.as_ref().and_then(|(_, _, f)| f.clone()));
    if !first.is_empty() {
        first.append(&mut report.findings);
        report.findings = first;
    }
    // The finding about an unknown profile is already in the report.
    let (rule_profile, _) = rules::resolve_profile(&report.dataset, &options);
    (Shared::new(report), Shared::new(rule_profile), chosen.map(|(id, _, _)| id))
}

/// The key figures of a checked data set.
fn compute(report: &Shared<Report>, profile: &Shared<RuleProfile>, options: &KeyFigureOptions) -> Shared<Figures> {
    let bodies = bodies::all_region_bodies(&report.dataset, profile);
    let all = key_figures::key_figures_of(&report.dataset, profile, options, &bodies);
    Shared::new(Figures::new(all, bodies, (report.clone(), profile.clone())))
}

/// The region a finding is about, where its path points into a region, municipality,
/// cluster or seat that was read.
pub fn finding_region<'a>(report: &'a Report, finding: &Finding) -> Option<&'a str> {
    let mut segments = finding.path.split('/').skip(1);
    let array = segments.next()?;
    let input_index: usize = segments.next()?.parse().ok()?;
    let data = &report.dataset;
    let origins = &report.origins;
    // Paths use input indices; elements that failed to read are not in the model.
    let model = |list: &[usize]| list.iter().position(|&i| i == input_index);
    match array {
        "regions" => data.regions.get(model(&origins.regions)?).map(|r| r.id.as_str()),
        "municipalities" => data.municipalities.get(model(&origins.municipalities)?).map(|m| m.region.as_str()),
        "clusters" | "areas" => data.areas.get(model(&origins.areas)?).map(|c| c.region.as_str()),
        "seats" => {
            let seat = data.seats.get(model(&origins.seats)?)?;
            let body = BodyId::parse(&seat.body)?;
            // A body's owner is a region or an area.
            data.region(&body.owner).map(|r| r.id.as_str()).or_else(|| data.area(&body.owner).map(|c| c.region.as_str()))
        }
        _ => None,
    }
}

/// A finding as listed: `here` when it is about the region shown.
pub struct ListedFinding<'a> {
    pub finding: &'a Finding,
    pub here: bool,
}

/// All findings grouped by severity (errors first); within each group the findings
/// about the region shown come first, otherwise in the report's order.
pub fn finding_groups<'a>(report: &'a Report, region: Option<&str>) -> Vec<(Severity, Vec<ListedFinding<'a>>)> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter_map(|severity| {
            let mut items: Vec<ListedFinding> = report
                .findings
                .iter()
                .filter(|f| f.severity == severity)
                .map(|finding| ListedFinding {
                    finding,
                    here: region.is_some() && finding_region(report, finding) == region,
                })
                .collect();
            items.sort_by_key(|item| !item.here);
            (!items.is_empty()).then_some((severity, items))
        })
        .collect()
}

// ------------------------------------------------------------------ the chart view

pub use crate::chart::viewport::{MAX_SCALE, MIN_SCALE};

/// The chart view's state: what is expanded, shown, focused, selected and searched, the
/// layout of the visible nodes, and the zoom and pan (`screen = world × scale + (x, y)`).
#[derive(Clone)]
pub struct ChartState {
    pub chart: Shared<Chart>,
    pub view: Rc<ViewState>,
    pub orientation: Orientation,
    pub placed: Shared<Placed>,
    /// The item with the tab stop (a chart node index; 0 in an empty chart).
    pub focus: usize,
    pub selected: Option<usize>,
    pub query: String,
    pub hits: Rc<Vec<usize>>,
    /// Position in `hits` of the current hit.
    pub hit: Option<usize>,
    pub scale: f64,
    pub x: f64,
    pub y: f64,
    /// Size of the drawing area on screen (CSS px); 0 until measured.
    pub viewport: (f64, f64),
    fitted: bool,
    /// Set by the user (the toolbar or an option); otherwise chosen from the width.
    pub orientation_chosen: bool,
    /// Columns a compact block of leaves may take (from the drawing area's width).
    pub columns: usize,
    /// Shown full screen (the wheel and one finger then act on the chart directly).
    pub fullscreen: bool,
    /// Raised when the DOM focus should move to `focus` (keyboard, click, breadcrumb): a
    /// serial rather than a flag, so that an action reduced before the next render (a
    /// resize) cannot take the request away.
    pub focus_serial: u32,
    /// Draw every visible node, the whole chart fitted (printing).
    pub printing: bool,
    /// The node the last camera move centred, with that camera. The drawing area follows
    /// the drawing's height, so a centring that reveals nodes is measured against a frame
    /// that then grows: while the camera is still the one recorded, a new height centres
    /// the node again.
    centred: Option<(usize, Camera)>,
}

impl PartialEq for ChartState {
    fn eq(&self, other: &Self) -> bool {
        self.chart == other.chart
            && Rc::ptr_eq(&self.view, &other.view)
            && self.placed == other.placed
            && self.orientation == other.orientation
            && self.focus == other.focus
            && self.selected == other.selected
            && self.query == other.query
            && Rc::ptr_eq(&self.hits, &other.hits)
            && self.hit == other.hit
            && (self.scale, self.x, self.y) == (other.scale, other.x, other.y)
            && self.viewport == other.viewport
            && self.printing == other.printing
            && self.columns == other.columns
            && self.fullscreen == other.fullscreen
            && self.focus_serial == other.focus_serial
    }
}

/// What can happen in the chart view.
pub enum ChartAction {
    /// A key of the tree-view pattern on the focused item, in the language shown.
    Key(TreeKey, Lang),
    /// Enter / click: select a node (and focus it).
    Select(usize),
    /// A click on the overview: select the node, and zoom to 100 % centred on it. Selecting
    /// alone would leave a box a few pixels wide without text; at 100 % the node and its
    /// neighbours are readable tree items again, and the keyboard goes on from there.
    Inspect(usize),
    /// The item received focus (tab, click).
    Focus(usize),
    /// Open or close a node.
    Toggle(usize),
    ExpandAll,
    CollapseAll,
    /// Zoom by a factor about a point on screen (the centre when `None`).
    Zoom(f64, Option<(f64, f64)>),
    /// Set the zoom to an absolute scale about the centre.
    ZoomTo(f64),
    Pan(f64, f64),
    Fit,
    /// Centre a node (revealing it first).
    Centre(usize),
    Viewport(f64, f64),
    Search(String),
    NextHit,
    /// Show or hide one sector's seats.
    Sector(Sector, bool),
    Orientation(Orientation),
    Printing(bool),
    Fullscreen(bool),
    /// Centre the world point (x, y): a click or drag in the minimap.
    CentreAt(f64, f64),
    /// Go to a node: reveal, centre readable and focus it (a breadcrumb).
    Goto(usize),
}

impl ChartState {
    pub fn new(chart: Shared<Chart>) -> ChartState {
        Self::sized(chart, None)
    }

    /// The state of a chart whose drawing area's size is known before it is drawn (measured
    /// on its placeholder): the first render draws the first view, without measuring the
    /// drawing area (a forced layout) and drawing again in the same task.
    pub fn sized(chart: Shared<Chart>, size: Option<(f64, f64)>) -> ChartState {
        let size = size.filter(|(w, h)| *w > 0.0 && *h > 0.0);
        let view = chart.initial_state();
        // With a size, the first view's placement replaces this one at once.
        let placed = Shared::new(if size.is_some() { Placed::default() } else { Placed::new(&chart, &view, Orientation::TopDown) });
        let mut state = ChartState {
            focus: chart.roots.first().copied().unwrap_or(0),
            chart,
            view: Rc::new(view),
            orientation: Orientation::TopDown,
            placed,
            selected: None,
            query: String::new(),
            hits: Rc::new(Vec::new()),
            hit: None,
            scale: 1.0,
            x: 0.0,
            y: 0.0,
            viewport: (0.0, 0.0),
            fitted: false,
            orientation_chosen: false,
            columns: 6,
            fullscreen: false,
            focus_serial: 0,
            printing: false,
            centred: None,
        };
        if let Some((w, h)) = size {
            state.viewport = (w, h);
            state.first_view();
            state.fitted = true;
        }
        state
    }

    pub fn camera(&self) -> Camera {
        Camera { scale: self.scale, x: self.x, y: self.y }
    }

    /// Takes `camera`, clamped so that some of the drawing stays on screen.
    fn set_camera(&mut self, mut camera: Camera) {
        let l = &self.placed.layout;
        camera.clamp((0.0, 0.0, l.total_width, l.total_height), self.viewport);
        (self.scale, self.x, self.y) = (camera.scale, camera.x, camera.y);
    }

    fn arrangement(&self) -> Arrangement {
        Arrangement { orientation: self.orientation, columns: self.columns }
    }

    /// Relayout keeping node `anchor` where it is on screen (expand, collapse, filter).
    fn relayout_pinned(&mut self, anchor: usize) {
        let before = self.placed.rect(anchor).map(|r| self.camera().to_screen((r.0, r.1)));
        self.relayout();
        match (before, self.placed.rect(anchor)) {
            (Some(screen), Some(r)) => {
                let mut camera = self.camera();
                camera.pin((r.0, r.1), screen);
                self.set_camera(camera);
            }
            _ => self.set_camera(self.camera()),
        }
    }

    /// The first view, once the drawing area is measured: the orientation for its width
    /// (unless chosen), what is open, and a readable zoom with the top in view.
    fn first_view(&mut self) {
        let (w, h) = self.viewport;
        if !self.orientation_chosen {
            self.orientation = chart_draw::orientation_for(w);
        }
        self.columns = Arrangement::columns_for(w, viewport::READABLE_SCALE);
        self.view = Rc::new(chart_draw::first_view_state(&self.chart, self.arrangement(), (w, h)));
        self.relayout();
        self.fit();
    }

    /// The point zoom buttons zoom about: the selected or focused node where it is on
    /// screen, else the middle of the part of the drawing on screen.
    fn zoom_centre(&self) -> (f64, f64) {
        let camera = self.camera();
        for v in self.selected.into_iter().chain([self.focus]) {
            if let Some(r) = self.placed.rect(v) {
                let (x, y) = camera.to_screen((r.0 + r.2 / 2.0, r.1 + r.3 / 2.0));
                if x >= 0.0 && y >= 0.0 && x <= self.viewport.0 && y <= self.viewport.1 {
                    return (x, y);
                }
            }
        }
        let l = &self.placed.layout;
        let (x0, y0) = camera.to_screen((0.0, 0.0));
        let (x1, y1) = camera.to_screen((l.total_width, l.total_height));
        let (vw, vh) = self.viewport;
        ((x0.max(0.0) + x1.min(vw)) / 2.0, (y0.max(0.0) + y1.min(vh)) / 2.0)
    }

    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.chart.nodes.is_empty()
    }

    fn relayout(&mut self) {
        self.placed = Shared::new(Placed::arranged(&self.chart, &self.view, self.arrangement()));
    }

    /// The part of the drawing on screen, in world coordinates (x, y, width, height).
    pub fn window(&self) -> (f64, f64, f64, f64) {
        let (w, h) = self.viewport;
        (-self.x / self.scale, -self.y / self.scale, w / self.scale, h / self.scale)
    }

    /// The slots to put in the DOM: boxes on or near the screen (half a screen around).
    pub fn culled(&self) -> Vec<bool> {
        if self.printing {
            // Everything, as a static drawing would.
            return vec![true; self.placed.order.len()];
        }
        if self.viewport.0 <= 0.0 {
            // Not measured yet (the first render, or a widget in a closed tab): none but
            // the tab stop, which the view adds. The first render measures the drawing area
            // and draws the first view at once; drawing every open box first, only to take
            // most of them out again in the same task, was most of the first render's time
            // (and of its DOM churn) at 1,000 nodes and more.
            return vec![false; self.placed.order.len()];
        }
        let window = self.window();
        chart_draw::cull(&self.placed, window, window.2.max(window.3) * 0.5)
    }

    /// "Fit to screen": everything open when it fits readably, else the focused item's
    /// subtree (the root's at first) at the readable zoom (`viewport::fit_readable`).
    pub fn fit(&mut self) {
        let (w, h) = self.viewport;
        let l = &self.placed.layout;
        if w <= 0.0 || h <= 0.0 || l.total_width <= 0.0 {
            return;
        }
        let root = self.chart.roots.first().copied().unwrap_or(0);
        let anchor = if self.placed.rect(self.focus).is_some() { self.focus } else { root };
        // A seat's subtree is its row: fit its body's instead.
        let anchor = match self.chart.nodes.get(anchor) {
            Some(n) if n.kind == tree::NodeKind::Seat => n.parent.unwrap_or(anchor),
            _ => anchor,
        };
        let focus = self.placed.subtree_rect(&self.chart, anchor);
        let camera = viewport::fit_readable((l.total_width, l.total_height), focus, (w, h));
        self.set_camera(camera);
    }

    /// Moves the drawing so that node `v` is in the middle of the viewport, readable.
    pub fn centre(&mut self, v: usize) {
        if let Some(r) = self.placed.rect(v) {
            let mut camera = self.camera();
            camera.scale = camera.scale.max(viewport::READABLE_SCALE);
            camera.centre_on(r, self.viewport);
            self.set_camera(camera);
            self.centred = Some((v, self.camera()));
        }
    }

    /// Brings `v` on screen at a readable size where it is not.
    fn keep_in_view(&mut self, v: usize) {
        let Some(r) = self.placed.rect(v) else { return };
        if self.viewport.0 > 0.0 {
            let camera = viewport::bring_into_view(self.camera(), r, self.viewport);
            self.set_camera(camera);
        }
    }

    /// Makes `v` visible (expanding its ancestors); true when the layout changed.
    fn reveal(&mut self, v: usize) -> bool {
        if self.placed.rect(v).is_some() {
            return false;
        }
        let view = Rc::make_mut(&mut self.view);
        self.chart.reveal(v, view);
        if let Some(sector) = self.chart.nodes[v].sector {
            view.hidden_sectors.retain(|s| *s != sector);
        }
        true
    }

    fn zoom_about(&mut self, scale: f64, at: Option<(f64, f64)>) {
        let at = at.unwrap_or_else(|| self.zoom_centre());
        let mut camera = self.camera();
        camera.zoom_about(scale, at);
        self.set_camera(camera);
    }

    /// The seats highlighted with the selection: the selected seat's person's other seats.
    pub fn linked(&self) -> Vec<usize> {
        self.selected.map(|s| self.chart.other_seats(s)).unwrap_or_default()
    }
}

impl Reducible for ChartState {
    type Action = ChartAction;

    fn reduce(self: Rc<Self>, action: ChartAction) -> Rc<Self> {
        if self.is_empty() && !matches!(action, ChartAction::Viewport(..) | ChartAction::Printing(_)) {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            ChartAction::Key(key, lang) => {
                let before = self.view.clone();
                let view = Rc::make_mut(&mut next.view);
                next.focus = tree::navigate(&self.chart, view, self.focus, key, lang);
                if *before != *next.view {
                    next.relayout_pinned(self.focus);
                }
                next.keep_in_view(next.focus);
                next.focus_serial = next.focus_serial.wrapping_add(1);
            }
            ChartAction::Select(v) | ChartAction::Inspect(v) => {
                if v >= self.chart.nodes.len() {
                    return self;
                }
                next.selected = Some(v);
                next.focus = v;
                next.focus_serial = next.focus_serial.wrapping_add(1);
                // Show every seat of the same person, to draw the cross-links.
                let mut changed = false;
                for other in self.chart.other_seats(v) {
                    changed |= next.reveal(other);
                }
                if changed {
                    next.relayout();
                }
                if matches!(action, ChartAction::Inspect(_)) {
                    next.scale = 1.0;
                    next.centre(v);
                }
            }
            ChartAction::Focus(v) => {
                if v == self.focus || v >= self.chart.nodes.len() {
                    return self;
                }
                next.focus = v;
            }
            ChartAction::Toggle(v) => {
                if v >= self.chart.nodes.len() || !self.chart.is_parent(v, &self.view) {
                    return self;
                }
                let view = Rc::make_mut(&mut next.view);
                view.expanded[v] = !view.expanded[v];
                next.focus = v;
                next.relayout_pinned(v);
            }
            ChartAction::ExpandAll | ChartAction::CollapseAll => {
                let open = matches!(action, ChartAction::ExpandAll);
                tree::set_all(&self.chart, Rc::make_mut(&mut next.view), open);
                // The focused item stays where it is; collapsed away, the focus goes to
                // the root, which stays where it is instead.
                let root = self.chart.roots.first().copied().unwrap_or(0);
                let keep = if open || self.chart.nodes[self.focus].kind == tree::NodeKind::Region { self.focus } else { root };
                next.relayout_pinned(keep);
                if next.placed.rect(next.focus).is_none() {
                    next.focus = root;
                }
            }
            ChartAction::Zoom(factor, at) => next.zoom_about(self.scale * factor, at),
            ChartAction::ZoomTo(scale) => next.zoom_about(scale, None),
            ChartAction::Pan(dx, dy) => {
                let mut camera = self.camera();
                camera.x += dx;
                camera.y += dy;
                next.set_camera(camera);
            }
            ChartAction::Fit => next.fit(),
            ChartAction::Centre(v) => {
                if v >= self.chart.nodes.len() {
                    return self;
                }
                if next.reveal(v) {
                    next.relayout();
                }
                next.centre(v);
            }
            ChartAction::Viewport(w, h) => {
                if (w, h) == self.viewport {
                    return self;
                }
                next.viewport = (w, h);
                if !self.fitted && w > 0.0 && h > 0.0 {
                    next.first_view();
                    next.fitted = true;
                } else if self.fitted && w > 0.0 && w != self.viewport.0 {
                    // A new width: the columns (and, unless chosen, the orientation) follow.
                    let orientation = if self.orientation_chosen { self.orientation } else { chart_draw::orientation_for(w) };
                    let columns = Arrangement::columns_for(w, viewport::READABLE_SCALE);
                    if orientation != self.orientation {
                        next.orientation = orientation;
                        next.columns = columns;
                        next.relayout();
                        next.fit();
                    } else if columns != self.columns {
                        next.columns = columns;
                        next.relayout_pinned(self.focus);
                    }
                } else if let Some((v, camera)) = self.centred {
                    // Only the height changed: a node centred in the old frame stays centred.
                    if self.fitted && camera == self.camera() {
                        next.centre(v);
                    }
                }
            }
            ChartAction::Search(query) => {
                if query == self.query {
                    return self;
                }
                next.hits = Rc::new(self.chart.search(&query));
                next.query = query;
                next.hit = None;
            }
            ChartAction::NextHit => {
                if self.hits.is_empty() {
                    return self;
                }
                let i = self.hit.map_or(0, |h| (h + 1) % self.hits.len());
                let v = self.hits[i];
                next.hit = Some(i);
                if next.reveal(v) {
                    next.relayout();
                }
                next.focus = v;
                next.centre(v);
            }
            ChartAction::Sector(sector, shown) => {
                let view = Rc::make_mut(&mut next.view);
                view.hidden_sectors.retain(|s| *s != sector);
                if !shown {
                    view.hidden_sectors.push(sector);
                }
                if *view == *self.view {
                    return self;
                }
                let anchor = match self.chart.nodes[self.focus].kind {
                    tree::NodeKind::Seat => self.chart.nodes[self.focus].parent.unwrap_or(self.focus),
                    _ => self.focus,
                };
                next.relayout_pinned(anchor);
                // A hidden seat hands the focus and the selection to its body.
                if next.placed.rect(next.focus).is_none() {
                    next.focus = self.chart.nodes[next.focus].parent.unwrap_or(next.focus);
                }
                if next.selected.is_some_and(|s| next.placed.rect(s).is_none()) {
                    next.selected = None;
                }
            }
            ChartAction::Orientation(orientation) => {
                if orientation == self.orientation {
                    return self;
                }
                next.orientation = orientation;
                next.orientation_chosen = true;
                next.relayout();
                next.fit();
            }
            ChartAction::Printing(printing) => {
                if printing == self.printing {
                    return self;
                }
                next.printing = printing;
            }
            ChartAction::CentreAt(x, y) => {
                let mut camera = self.camera();
                camera.centre_on((x, y, 0.0, 0.0), self.viewport);
                next.set_camera(camera);
            }
            ChartAction::Goto(v) => {
                if v >= self.chart.nodes.len() {
                    return self;
                }
                if next.reveal(v) {
                    next.relayout();
                }
                next.focus = v;
                next.focus_serial = next.focus_serial.wrapping_add(1);
                next.centre(v);
            }
            ChartAction::Fullscreen(on) => {
                if on == self.fullscreen {
                    return self;
                }
                next.fullscreen = on;
            }
        }
        Rc::new(next)
    }
}
