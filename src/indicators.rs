//! Indicator data in the format: definitions, and counts per municipality × period ×
//! age band (× sex, × education group where given). Counts, never records.

use crate::hash::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::finding::{Code, Finding, Severity};
use crate::model::Dataset;
use crate::read::{clip, Origins};
use crate::stats::standard::{builtin_standards, AgeBand, StandardPopulation};
use crate::text::Text;
use crate::validate::{duplicate_ids, source_url_finding};

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// Events per population (per 1,000, per 100,000): Byar / Dobson intervals.
    Rate,
    /// Numerator within denominator (per cent): Wilson or exact intervals.
    Proportion,
}

/// How an indicator is standardised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Standardisation {
    #[default]
    None,
    /// Direct age standardisation against `standard_population`.
    Direct,
}

/// The definition of a key figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    pub numerator: Text,
    pub denominator: Text,
    pub kind: IndicatorKind,
    /// 1000 for "per 1,000", 100 for per cent.
    pub multiplier: f64,
    /// e.g. `{ "da": "pr. 1.000 borgere 65+", "en": "per 1,000 residents 65+" }`.
    pub unit: Text,
    /// The age bands every value row gives counts for, in order, e.g. `["65-69", …, "90+"]`.
    pub age_bands: Vec<String>,
    #[serde(default)]
    pub standardisation: Standardisation,
    /// Id of a built-in standard population (`esp2013`, `esp2013-fine`, `esp1976`, `who2000`) or one in `standard_populations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_population: Option<String>,
    /// True when a higher value is better (default: lower is better, as for admissions).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub higher_is_better: bool,
    /// Education groups (or other social groups) the values may be split by, from the
    /// most to the least advantaged, for the slope and relative index of inequality.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The period the data cover, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// True for made-up example data: shown as "Eksempeldata – ikke officielle tal".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Group {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    F,
    M,
}

/// Counts for one indicator, municipality and period, one number per age band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct IndicatorValue {
    pub indicator: String,
    /// Kommunekode.
    pub municipality: String,
    /// Period label, e.g. `"2023"`; periods sort as text.
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Group id from the indicator's `groups`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Events (rates) or numerator (proportions), per age band. Alias: `events`.
    #[serde(alias = "events")]
    pub numerator: Vec<f64>,
    /// Population (rates) or denominator (proportions), per age band. Alias: `population`.
    #[serde(alias = "population")]
    pub denominator: Vec<f64>,
}

impl Indicator {
    pub fn bands(&self) -> Vec<Option<AgeBand>> {
        self.age_bands.iter().map(|b| AgeBand::parse(b)).collect()
    }
}

/// The standard population an id names: the data set's own first, then the built-in ones.
pub fn find_standard<'a>(data: &'a Dataset, id: &str) -> Option<&'a StandardPopulation> {
    data.standard_populations.iter().find(|s| s.id == id).or_else(|| builtin_standards().iter().find(|s| s.id == id))
}

/// Findings about indicators, standard populations and values.
pub fn validate_indicators(data: &Dataset, origins: &Origins) -> Vec<Finding> {
    let mut out = Vec::new();
    let std_ids = data.standard_populations.iter().enumerate().map(|(i, s)| (i, s.id.as_str()));
    duplicate_ids(origins, "standard_populations", std_ids, "id", &mut HashMap::default(), &mut out);
    let indicator_ids = data.indicators.iter().enumerate().map(|(i, ind)| (i, ind.id.as_str()));
    duplicate_ids(origins, "indicators", indicator_ids, "id", &mut HashMap::default(), &mut out);
    let mut push = |severity, code, path: String, da: String, en: String| out.push(Finding::new(severity, code, path, Text::new(da, en)));

    for (i, s) in data.standard_populations.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("standard_populations", i, rest);
        let parsed: Vec<Option<AgeBand>> = s.bands.iter().map(|(b, _)| AgeBand::parse(b)).collect();
        for (j, ((band, weight), p)) in s.bands.iter().zip(&parsed).enumerate() {
            let j = j.to_string();
            if p.is_none() {
                push(Severity::Error, Code::InvalidAgeBand, path(&["bands", &j, "0"]), format!("Aldersgruppen \"{}\" er ugyldig; forventede f.eks. \"65-69\" eller \"90+\".", clip(band)), format!("The age band \"{}\" is invalid; expected e.g. \"65-69\" or \"90+\".", clip(band)));
            }
            if !(weight.is_finite() && *weight >= 0.0) {
                push(Severity::Error, Code::InvalidCount, path(&["bands", &j, "1"]), "Vægten skal være et tal ≥ 0.".into(), "The weight must be a number ≥ 0.".into());
            }
        }
        overlapping_bands(&parsed, &mut |j| {
            push(Severity::Error, Code::OverlappingAgeBands, path(&["bands", &j.to_string(), "0"]), "Aldersgruppen overlapper en tidligere gruppe.".into(), "The age band overlaps an earlier band.".into())
        });
    }

    let indicators: HashMap<&str, &Indicator> = data.indicators.iter().map(|ind| (ind.id.as_str(), ind)).collect();
    for (i, ind) in data.indicators.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("indicators", i, rest);
        if !(ind.multiplier.is_finite() && ind.multiplier > 0.0) {
            push(Severity::Error, Code::InvalidCount, path(&["multiplier"]), "Multiplikatoren skal være et tal > 0, f.eks. 1000 eller 100.".into(), "The multiplier must be a number > 0, e.g. 1000 or 100.".into());
        }
        if ind.age_bands.is_empty() {
            push(Severity::Error, Code::MissingAgeBands, path(&["age_bands"]), "Indikatoren har ingen aldersgrupper; forventede mindst én, f.eks. [\"0+\"].".into(), "The indicator has no age bands; expected at least one, e.g. [\"0+\"].".into());
        }
        let parsed = ind.bands();
        for (j, (band, p)) in ind.age_bands.iter().zip(&parsed).enumerate() {
            if p.is_none() {
                push(Severity::Error, Code::InvalidAgeBand, path(&["age_bands", &j.to_string()]), format!("Aldersgruppen \"{}\" er ugyldig; forventede f.eks. \"65-69\" eller \"90+\".", clip(band)), format!("The age band \"{}\" is invalid; expected e.g. \"65-69\" or \"90+\".", clip(band)));
            }
        }
        overlapping_bands(&parsed, &mut |j| {
            push(Severity::Error, Code::OverlappingAgeBands, path(&["age_bands", &j.to_string()]), "Aldersgruppen overlapper en tidligere gruppe.".into(), "The age band overlaps an earlier band.".into())
        });
        if let Some(f) = ind.source.as_deref().and_then(|src| source_url_finding(path(&["source"]), src)) {
            push(f.severity, f.code, f.path, f.message.da, f.message.en);
        }
        if ind.standardisation == Standardisation::Direct {
            match ind.standard_population.as_deref().map(|id| (id, find_standard(data, id))) {
                None => push(Severity::Error, Code::JsonMissingField, path(&[]), "Direkte standardisering kræver \"standard_population\".".into(), "Direct standardisation needs \"standard_population\".".into()),
                Some((id, None)) => push(Severity::Error, Code::UnknownReference, path(&["standard_population"]), format!("Standardbefolkningen \"{}\" findes ikke.", clip(id)), format!("The standard population \"{}\" does not exist.", clip(id))),
                Some((_, Some(std))) => {
                    for (j, band) in parsed.iter().enumerate() {
                        if let Some(band) = band {
                            if std.weight_for(band).is_none() {
                                push(Severity::Error, Code::InvalidAgeBand, path(&["age_bands", &j.to_string()]), format!("Aldersgruppen {band} passer ikke til standardbefolkningen {}s grupper.", std.id), format!("The age band {band} does not fit the bands of the standard population {}.", std.id));
                            }
                        }
                    }
                }
            }
        }
        if ind.synthetic {
            push(Severity::Info, Code::SyntheticData, path(&[]), format!("\"{}\" er eksempeldata – ikke officielle tal.", ind.name.da), format!("\"{}\" is example data – not official figures.", ind.name.en));
        }
    }

    // (indicator, municipality, period) → whether rows are split by sex / group, and the keys seen.
    let mut seen_rows: HashMap<(&str, &str, &str), (bool, bool)> = HashMap::default();
    let mut seen_keys = HashSet::default();
    for (i, v) in data.values.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("values", i, rest);
        let Some(ind) = indicators.get(v.indicator.as_str()) else {
            if !origins.unreadable.contains(&v.indicator) {
                push(Severity::Error, Code::UnknownReference, path(&["indicator"]), format!("Henviser til indikatoren \"{}\", som ikke findes.", clip(&v.indicator)), format!("Refers to the indicator \"{}\", which does not exist.", clip(&v.indicator)));
            }
            continue;
        };
        if data.municipality(&v.municipality).is_none() && !origins.unreadable.contains(&v.municipality) {
            push(Severity::Error, Code::UnknownReference, path(&["municipality"]), format!("Henviser til kommunen \"{}\", som ikke findes.", clip(&v.municipality)), format!("Refers to the municipality \"{}\", which does not exist.", clip(&v.municipality)));
        }
        if let Some(g) = &v.group {
            if !ind.groups.iter().any(|x| &x.id == g) {
                push(Severity::Error, Code::UnknownReference, path(&["group"]), format!("Gruppen \"{}\" er ikke en af indikatorens grupper.", clip(g)), format!("The group \"{}\" is not one of the indicator's groups.", clip(g)));
            }
        }
        let key = (v.indicator.as_str(), v.municipality.as_str(), v.period.as_str(), v.sex, v.group.as_deref());
        if !seen_keys.insert(key) {
            push(Severity::Error, Code::DuplicateValue, path(&[]), "Der er allerede en række for samme indikator, kommune, periode, køn og gruppe.".into(), "There is already a row for the same indicator, municipality, period, sex and group.".into());
        }
        let split = (v.sex.is_some(), v.group.is_some());
        match seen_rows.get(&(key.0, key.1, key.2)) {
            Some(first) if *first != split => push(
                Severity::Error,
                Code::DuplicateValue,
                path(&[]),
                "Rækker med og uden opdeling (køn/gruppe) for samme indikator, kommune og periode ville tælle de samme hændelser to gange.".into(),
                "Rows with and without a split (sex/group) for the same indicator, municipality and period would count the same events twice.".into(),
            ),
            Some(_) => {}
            None => {
                seen_rows.insert((key.0, key.1, key.2), split);
            }
        }
        let n = ind.age_bands.len();
        for (field, list) in [("numerator", &v.numerator), ("denominator", &v.denominator)] {
            if list.len() != n {
                push(Severity::Error, Code::MissingAgeBands, path(&[field]), format!("{} tal; indikatoren har {n} aldersgrupper.", list.len()), format!("{} numbers; the indicator has {n} age bands.", list.len()));
            }
            for (j, x) in list.iter().enumerate() {
                if !x.is_finite() || *x < 0.0 || x.fract() != 0.0 {
                    push(Severity::Error, Code::InvalidCount, path(&[field, &j.to_string()]), format!("{x} er ikke et antal; forventede et helt tal ≥ 0."), format!("{x} is not a count; expected a whole number ≥ 0."));
                }
            }
        }
        for (j, (x, d)) in v.numerator.iter().zip(&v.denominator).enumerate() {
            let band = ind.age_bands.get(j).map(String::as_str).unwrap_or("");
            if x > d {
                push(Severity::Error, Code::EventsAbovePopulation, path(&["numerator", &j.to_string()]), format!("{x} hændelser over en befolkning på {d} i aldersgruppen {band}."), format!("{x} events above a population of {d} in the age band {band}."));
            } else if *d == 0.0 && *x == 0.0 && n == 1 {
                push(Severity::Warning, Code::ZeroDenominator, path(&["denominator", &j.to_string()]), "Nævneren er 0; tallet kan ikke beregnes.".into(), "The denominator is 0; the figure cannot be computed.".into());
            }
        }
    }
    out
}

/// Calls `report(j)` for each band that overlaps an earlier one.
fn overlapping_bands(bands: &[Option<AgeBand>], report: &mut dyn FnMut(usize)) {
    for (j, b) in bands.iter().enumerate() {
        if let Some(b) = b {
            if bands[..j].iter().flatten().any(|a| a.overlaps(b)) {
                report(j);
            }
        }
    }
}
