//! The widget's state and its reducer (`use_reducer`), as in Yew's `function_todomvc`.
//!
//! The state holds the checked data (a [`Report`]), the rule profile the bodies are
//! composed with, the chosen region with its bodies, and the language. Everything the
//! components show is derived from it; the components only dispatch [`Action`]s.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::compose::{self, RegionBodies};
use crate::finding::{Finding, Severity};
use crate::keyfigures::{self, AreaLevel, Figure, IndicatorFigures, KeyFigureOptions, KeyFigures};
use crate::model::{BodyId, BodyKind, Dataset};
use crate::profile::RuleProfile;
use crate::read::Origins;
use crate::text::Lang;
use crate::validate::{self, Options};
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
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DataInput {
    /// The embedded default data set.
    #[default]
    Default,
    /// JSON text from the host page (untrusted).
    Text(Rc<str>),
    /// Input that could not even be turned into JSON text; the finding says why.
    Invalid(Rc<Finding>),
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
}

/// The key figures of the data, computed once per data, profile and options, with an
/// index for looking up one area's figure.
pub struct Figures {
    pub all: KeyFigures,
    /// Per indicator: (level, area, period) → position in its `figures`.
    index: Vec<BTreeMap<(AreaLevel, String, String), usize>>,
    /// Every period any indicator has, sorted (periods sort as text).
    pub periods: Vec<String>,
}

impl Figures {
    pub fn new(all: KeyFigures) -> Figures {
        let index = all.indicators.iter().map(keyfigures::index).collect();
        let periods: BTreeSet<&String> = all.indicators.iter().flat_map(|i| &i.periods).collect();
        let periods = periods.into_iter().cloned().collect();
        Figures { all, index, periods }
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
}

impl State {
    /// The state for the first render.
    pub fn new(options: &WidgetOptions, serial: u32) -> State {
        let (report, profile) = load(&options.data, &options.profile);
        let figures = compute(&report, &profile, &options.key_figure_options);
        let mut state = State {
            data: options.data.clone(),
            profile_option: options.profile.clone(),
            report,
            profile,
            region: None,
            unknown_region: None,
            bodies: None,
            lang: options.lang.unwrap_or_default(),
            serial,
            key_figure_options: options.key_figure_options.clone(),
            period: figures.periods.last().cloned(),
            figures,
        };
        state.select(options.region.clone());
        state
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
        self.bodies = region
            .as_deref()
            .map(|id| Shared::new(compose::region_bodies(&self.report.dataset, id, &self.profile)));
        self.region = region;
        self.unknown_region = unknown;
    }

    /// Reads the data again where they or the profile changed, and computes the key
    /// figures again where anything they depend on changed.
    fn reload(&mut self, data: DataInput, profile: Option<String>, key_figure_options: KeyFigureOptions) {
        let data_changed = data != self.data || profile != self.profile_option;
        if data_changed {
            let (report, rule_profile) = load(&data, &profile);
            self.report = report;
            self.profile = rule_profile;
            self.data = data;
            self.profile_option = profile;
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
        // Returning `self` unchanged tells Yew not to render again.
        match action {
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
                next.reload(options.data, options.profile, options.key_figure_options);
                next.select(options.region);
                if let Some(lang) = options.lang {
                    next.lang = lang;
                }
                Rc::new(next)
            }
        }
    }
}

/// Reads and checks the data, and resolves the profile the bodies are composed with.
/// Never panics: bad data give findings and whatever could be read.
fn load(data: &DataInput, profile: &Option<String>) -> (Shared<Report>, Shared<RuleProfile>) {
    let options = Options { profile: profile.clone() };
    let report = match data {
        DataInput::Default => crate::check(crate::DEFAULT_DATA_JSON, &options),
        DataInput::Text(text) => crate::check(text, &options),
        DataInput::Invalid(finding) => Report {
            dataset: Dataset::empty(),
            origins: Origins::default(),
            findings: vec![(**finding).clone()],
        },
    };
    // The finding about an unknown profile is already in the report.
    let (rule_profile, _) = validate::resolve_profile(&report.dataset, &options);
    (Shared::new(report), Shared::new(rule_profile))
}

/// The key figures of a checked data set.
fn compute(report: &Report, profile: &RuleProfile, options: &KeyFigureOptions) -> Shared<Figures> {
    Shared::new(Figures::new(keyfigures::key_figures(&report.dataset, profile, options)))
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
        "clusters" => data.clusters.get(model(&origins.clusters)?).map(|c| c.region.as_str()),
        "seats" => {
            let seat = data.seats.get(model(&origins.seats)?)?;
            let body = BodyId::parse(&seat.body)?;
            match body.kind {
                BodyKind::Ssu => data.region(&body.owner).map(|r| r.id.as_str()),
                _ => data.cluster(&body.owner).map(|c| c.region.as_str()),
            }
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
