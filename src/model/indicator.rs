//! Indicator data in the format: definitions, and counts per municipality × period ×
//! age band (× sex, × education group where given). Counts, never records.

use serde::{Deserialize, Serialize};

use super::standard::AgeBand;
use super::text::Text;

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// Events per population (per 1,000, per 100,000): exact Poisson below 10 events, Byar
    /// from 10 on; Dobson for a standardised rate. Events may exceed the population.
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
    /// The reference of the indirectly standardised ratio (SMR / ISR): events and population
    /// per age band. Without it the nation's counts of the same period are the reference.
    /// A rate indicator gets the ratio where it is directly standardised or gives a reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
}

/// Reference counts for indirect standardisation, one number per age band of the indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Reference {
    /// What the reference is, e.g. `{ "da": "Hele landet 2019", "en": "Denmark 2019" }`.
    pub name: Text,
    pub events: Vec<f64>,
    pub population: Vec<f64>,
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
