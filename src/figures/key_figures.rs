//! Key figures: the governance figures the structure itself gives, and the health
//! indicators computed for every municipality, cluster, region and the nation.
//!
//! Areas are aggregated by summing numerators and denominators per age band — never by
//! averaging rates. A municipality split between clusters counts in each by its share;
//! where the share is unknown it is left out of the cluster figure, which says so.
//! Regions and the nation sum their municipalities directly, so they are complete even
//! where clusters are not.

use std::collections::{BTreeMap, BTreeSet};

use crate::hash::HashMap;

use serde::Serialize;

use crate::bodies::{all_region_bodies, RegionBodies};
use crate::model::indicator::{Indicator, IndicatorKind, Standardisation};
use crate::bodies::labels::body_name;
use crate::model::{Dataset, Sector};
use crate::model::profile::RuleProfile;
use crate::figures::stats::ci::Interval;
use crate::figures::stats::indirect::{indirectly_standardised_ratio, reference_crude_rate};
use crate::figures::stats::rate::{crude_rate, direct_standardised_rate, proportion, BandCount, Estimate, ProportionMethod, StatsError};
use crate::model::text::Text;
use crate::finding::{Code, Finding, Severity};

/// The 2022 start-up funds: 80 mio. kr., half from the municipalities and half from the
/// regions, each half divided among the clusters by population (seeds; kl.dk).
pub const START_UP_FUNDS_2022: f64 = 80_000_000.0;

/// Settings for the computation.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigureOptions {
    /// Confidence level of every interval: 0.9–1 or 90–100 (`99.8` is 99.8 %, as
    /// PHEindicatormethods reads it); [`KeyFigureOptions::validated`] checks it.
    pub level: f64,
    /// Figures from fewer events than this are suppressed (shown as suppressed, never as 0).
    pub suppress_below: f64,
    /// A directly standardised rate needs at least this many events (public-health practice: 10).
    pub dsr_min_events: f64,
    pub proportion_method: ProportionMethod,
}

impl Default for KeyFigureOptions {
    fn default() -> Self {
        KeyFigureOptions { level: 0.95, suppress_below: 5.0, dsr_min_events: 10.0, proportion_method: ProportionMethod::Wilson }
    }
}

/// The confidence level as a fraction, accepted as PHEindicatormethods accepts it: a
/// fraction from 0.9 or a percentage from 90, below 1 / 100 (a 100 % interval has no
/// bounds). `None` for anything else.
pub fn confidence_level(level: f64) -> Option<f64> {
    if (0.9..1.0).contains(&level) {
        Some(level)
    } else if (90.0..100.0).contains(&level) {
        Some(level / 100.0)
    } else {
        None
    }
}

/// An option of the key figures that cannot be used as given. Names the option as the
/// JavaScript API spells it.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionError {
    /// `level` outside 0.9–1 and 90–100.
    Level(f64),
    /// `suppressBelow` negative or not finite.
    SuppressBelow(f64),
    /// `dsrMinEvents` negative or not finite.
    DsrMinEvents(f64),
    /// `proportionMethod` neither `"wilson"` nor `"exact"`.
    ProportionMethod(String),
    /// A numeric option given as something else (the option's name).
    NotANumber(&'static str),
}

impl OptionError {
    /// The option's name: `level`, `suppressBelow`, `dsrMinEvents`, `proportionMethod`.
    pub fn option(&self) -> &'static str {
        match self {
            OptionError::Level(_) => "level",
            OptionError::SuppressBelow(_) => "suppressBelow",
            OptionError::DsrMinEvents(_) => "dsrMinEvents",
            OptionError::ProportionMethod(_) => "proportionMethod",
            OptionError::NotANumber(name) => name,
        }
    }

    pub fn message(&self) -> Text {
        let name = self.option();
        match self {
            OptionError::Level(x) => Text::new(
                format!("Indstillingen \"level\" er {x}; forventede et konfidensniveau fra 0,9 til under 1 eller fra 90 til under 100, f.eks. 0,95 eller 99,8."),
                format!("The option \"level\" is {x}; expected a confidence level from 0.9 to below 1 or from 90 to below 100, e.g. 0.95 or 99.8."),
            ),
            OptionError::SuppressBelow(x) | OptionError::DsrMinEvents(x) => Text::new(
                format!("Indstillingen \"{name}\" er {x}; forventede et antal hændelser ≥ 0."),
                format!("The option \"{name}\" is {x}; expected a number of events ≥ 0."),
            ),
            OptionError::ProportionMethod(m) => Text::new(
                format!("Indstillingen \"proportionMethod\" er \"{}\"; forventede \"wilson\" eller \"exact\".", crate::read::clip(m)),
                format!("The option \"proportionMethod\" is \"{}\"; expected \"wilson\" or \"exact\".", crate::read::clip(m)),
            ),
            OptionError::NotANumber(_) => Text::new(format!("Indstillingen \"{name}\" skal være et tal."), format!("The option \"{name}\" must be a number.")),
        }
    }

    /// The error as a finding (`invalid-option`).
    pub fn finding(&self) -> Finding {
        Finding::new(Severity::Error, Code::InvalidOption, "", self.message())
    }
}

impl KeyFigureOptions {
    /// The options checked, with the level as a fraction (`99.8` → `0.998`); every option that
    /// cannot be used otherwise. There is no fallback: a caller shows the errors.
    pub fn validated(mut self) -> Result<KeyFigureOptions, Vec<OptionError>> {
        let mut errors = Vec::new();
        match confidence_level(self.level) {
            Some(level) => self.level = level,
            None => errors.push(OptionError::Level(self.level)),
        }
        if !(self.suppress_below.is_finite() && self.suppress_below >= 0.0) {
            errors.push(OptionError::SuppressBelow(self.suppress_below));
        }
        if !(self.dsr_min_events.is_finite() && self.dsr_min_events >= 0.0) {
            errors.push(OptionError::DsrMinEvents(self.dsr_min_events));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaLevel {
    Municipality,
    Cluster,
    Region,
    Nation,
}

/// The id used for Denmark as a whole.
pub const NATION: &str = "DK";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyFigures {
    pub governance: Governance,
    pub indicators: Vec<IndicatorFigures>,
}

// ---------------------------------------------------------------- governance figures

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Governance {
    /// Whether the 2022 start-up funds apply: the structure was in force in 2022.
    pub start_up_funds_apply: bool,
    /// How the areas are named: "Sundhedsklynge" / "Sundhedsråd" (the profile's first kind).
    pub area_name: Text,
    pub bodies: Vec<BodyFigures>,
    pub clusters: Vec<ClusterFigures>,
    pub regions: Vec<RegionFigures>,
    pub nation: NationFigures,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectorCounts {
    pub region: u32,
    pub municipality: u32,
    pub general_practice: u32,
    pub patients: u32,
    pub other: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BodyFigures {
    pub id: String,
    /// The profile's id of the body's kind.
    pub kind: String,
    pub region: String,
    pub name: Text,
    /// True when the seats come from the rule profile, not from the data.
    pub derived: bool,
    pub seats: u32,
    pub by_sector: SectorCounts,
    /// Regional seats minus all others: above 0 the region holds the majority (+1 in every
    /// sundhedsråd).
    pub regional_majority: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Funds {
    pub municipal: f64,
    pub regional: f64,
    pub total: f64,
}

/// Figures of an area (a cluster, a sundhedsråd's area); `clusters` in the API.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterFigures {
    pub id: String,
    /// The area's kind (`"cluster"`, `"council"`).
    pub kind: String,
    pub region: String,
    pub name: String,
    pub municipalities: u32,
    /// Sum of the members' populations (split ones by share); absent when any is unknown.
    pub population: Option<f64>,
    /// Members whose population, or whose share of a split, is not known.
    pub population_unknown: Vec<String>,
    /// Municipal seats of the area's body that gives the municipalities most seats (the
    /// political level of a cluster, the sundhedsråd).
    pub municipal_seats: u32,
    pub inhabitants_per_municipal_seat: Option<f64>,
    /// This cluster's part of the 2022 start-up funds, where every population is known and the
    /// structure was in force in 2022.
    pub start_up_funds: Option<Funds>,
}

/// The spread of a number across a region: smallest, largest, and their ratio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub min: f64,
    pub max: f64,
    pub ratio: Option<f64>,
    /// Ids (kommunekode) at the two ends.
    pub min_at: String,
    pub max_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionFigures {
    pub id: String,
    pub name: String,
    pub clusters: u32,
    pub municipalities: u32,
    pub population: Option<f64>,
    /// Inhabitants a municipal seat on a cluster's political level represents, across the region.
    pub representation: Option<Spread>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NationFigures {
    pub regions: u32,
    pub clusters: u32,
    pub municipalities: u32,
    pub population: Option<f64>,
    /// 80 mio. kr. / population.
    pub funds_per_inhabitant: Option<f64>,
    /// Inhabitants a municipal seat represents, across the country (Læsø … København).
    pub representation: Option<Spread>,
}

fn sector_counts<'a>(sectors: impl Iterator<Item = Sector> + 'a) -> SectorCounts {
    let mut c = SectorCounts { region: 0, municipality: 0, general_practice: 0, patients: 0, other: 0 };
    for s in sectors {
        match s {
            Sector::Region => c.region += 1,
            Sector::Municipality => c.municipality += 1,
            Sector::GeneralPractice => c.general_practice += 1,
            Sector::Patients => c.patients += 1,
            Sector::Other => c.other += 1,
        }
    }
    c
}

/// The members of a cluster with the fraction of each that belongs to it; `None` where
/// the municipality is split and its share is unknown.
fn member_fractions(data: &Dataset, cluster: &crate::model::Area) -> Vec<(String, Option<f64>)> {
    cluster
        .members
        .iter()
        .map(|m| (m.municipality.clone(), m.fraction(data.areas_with_member(&m.municipality).count() > 1)))
        .collect()
}

pub fn governance(data: &Dataset, profile: &RuleProfile) -> Governance {
    governance_of(data, profile, &all_region_bodies(data, profile))
}

/// [`governance`] from every region's bodies (`all`: [`all_region_bodies`], in data order).
pub fn governance_of(data: &Dataset, profile: &RuleProfile, all: &[RegionBodies]) -> Governance {
    let population = |code: &str| data.municipality(code).and_then(|m| m.population.as_ref()).map(|p| p.value as f64);
    let national_population: Option<f64> = data.municipalities.iter().map(|m| population(&m.code)).sum();
    let national_population = national_population.filter(|p| *p > 0.0 && !data.municipalities.is_empty());

    // The start-up funds were given to the clusters of 2022: only a structure in force then has them.
    let in_force_in_2022 = data.valid_from.as_deref().is_none_or(|d| d <= "2022-12-31") && data.valid_to.as_deref().is_none_or(|d| d >= "2022-01-01");
    let mut bodies = Vec::new();
    let mut clusters = Vec::new();
    let mut regions = Vec::new();
    let mut all_reps: Vec<(f64, String)> = Vec::new();
    for (region, rb) in data.regions.iter().zip(all) {
        let mut seat_reps: Vec<(f64, String)> = Vec::new();
        for body in rb.all() {
            bodies.push(BodyFigures {
                id: body.id.to_string(),
                kind: body.id.kind.clone(),
                region: region.id.clone(),
                name: body_name(data, profile, body),
                derived: body.derived,
                seats: body.seats.len() as u32,
                by_sector: sector_counts(body.seats.iter().map(|s| s.sector())),
                regional_majority: {
                    let regional = body.seats.iter().filter(|s| s.sector() == Sector::Region).count() as i32;
                    2 * regional - body.seats.len() as i32
                },
            });
        }
        for ab in &rb.areas {
            let Some(cluster) = data.area(&ab.area) else { continue };
            let fractions = member_fractions(data, cluster);
            let mut unknown = Vec::new();
            let mut total = 0.0;
            for (code, fraction) in &fractions {
                match (population(code), fraction) {
                    (Some(p), Some(f)) => total += p * f,
                    _ => unknown.push(code.clone()),
                }
            }
            let cluster_population = unknown.is_empty().then_some(total);
            let representing_seats: &[crate::bodies::BodySeat] = ab.representing().map(|b| b.seats.as_slice()).unwrap_or_default();
            let municipal_seats = representing_seats.iter().filter(|s| s.sector() == Sector::Municipality).count() as u32;
            // Each municipal seat represents its municipality's people in this area.
            for (code, fraction) in &fractions {
                let seats = representing_seats.iter().filter(|s| s.sector() == Sector::Municipality && s.municipality.as_deref() == Some(code)).count();
                if let (Some(p), Some(f), true) = (population(code), fraction, seats > 0) {
                    seat_reps.push((p * f / seats as f64, code.clone()));
                }
            }
            let funds = match (cluster_population, national_population) {
                (Some(p), Some(n)) if in_force_in_2022 => {
                    let half = START_UP_FUNDS_2022 / 2.0 * p / n;
                    Some(Funds { municipal: half, regional: half, total: 2.0 * half })
                }
                _ => None,
            };
            clusters.push(ClusterFigures {
                id: cluster.id.clone(),
                kind: cluster.kind.clone(),
                region: region.id.clone(),
                name: cluster.name.clone(),
                municipalities: cluster.members.len() as u32,
                population: cluster_population,
                population_unknown: unknown,
                municipal_seats,
                inhabitants_per_municipal_seat: cluster_population.filter(|_| municipal_seats > 0).map(|p| p / municipal_seats as f64),
                start_up_funds: funds,
            });
        }
        let members: Vec<&str> = data.municipalities.iter().filter(|m| m.region == region.id).map(|m| m.code.as_str()).collect();
        let region_population: Option<f64> = members.iter().map(|c| population(c)).sum();
        regions.push(RegionFigures {
            id: region.id.clone(),
            name: region.name.clone(),
            clusters: rb.areas.len() as u32,
            municipalities: members.len() as u32,
            population: region_population.filter(|_| !members.is_empty()),
            representation: spread(&seat_reps),
        });
        all_reps.extend(seat_reps);
    }
    Governance {
        start_up_funds_apply: in_force_in_2022,
        area_name: profile.areas.first().map(|a| a.name.clone()).unwrap_or_else(|| Text::new("Område", "Area")),
        bodies,
        clusters,
        regions,
        nation: NationFigures {
            regions: data.regions.len() as u32,
            clusters: data.areas.len() as u32,
            municipalities: data.municipalities.len() as u32,
            population: national_population,
            funds_per_inhabitant: national_population.filter(|_| in_force_in_2022).map(|p| START_UP_FUNDS_2022 / p),
            representation: spread(&all_reps),
        },
    }
}

fn spread(values: &[(f64, String)]) -> Option<Spread> {
    let min = values.iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
    let max = values.iter().max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(Spread { min: min.0, max: max.0, ratio: (min.0 > 0.0).then(|| max.0 / min.0), min_at: min.1.clone(), max_at: max.1.clone() })
}

// ---------------------------------------------------------------- indicator figures

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureStatus {
    Ok,
    /// Too few events to publish.
    Suppressed,
    /// No counts for this area and period.
    NoData,
    /// The counts cannot give a figure (zero denominator, invalid counts).
    Invalid,
}

/// One figure compared with another: the other's value, the difference, and whether the
/// two intervals are apart ("significant").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub area: String,
    pub value: f64,
    pub difference: f64,
    pub significant: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    pub previous_period: String,
    pub previous_value: f64,
    pub change: f64,
    pub relative_change: Option<f64>,
    /// The two periods' intervals do not overlap.
    pub significant: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub level: AreaLevel,
    pub area: String,
    pub name: String,
    pub period: String,
    pub status: FigureStatus,
    pub value: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub numerator: f64,
    pub denominator: f64,
    /// Municipalities left out because they are split with an unknown share.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Comparison>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nation: Option<Comparison>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
    /// Difference to the mean of the best fifth of the same level's areas (nationally).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_to_best_fifth: Option<f64>,
    /// The indirectly standardised ratio (SMR) and rate (ISR), for a rate indicator that is
    /// directly standardised or gives a `reference`: for areas too small for a stable DSR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indirect: Option<IndirectFigure>,
    /// The body responsible for the area: a cluster's political level or the sundhedsråd, the
    /// region's own body, a municipality's council. Absent for the nation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Responsible>,
}

/// The body responsible for an area's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Responsible {
    /// The body's id (`"C1/politisk"`), where it is a body of the data set; absent for a
    /// municipality's council, which the data do not list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub name: Text,
}

/// The indirectly standardised ratio of one area and period against the indicator's
/// reference (the nation's counts of the same period, or the indicator's `reference`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndirectFigure {
    /// `ok`, `suppressed` (fewer observed events than `suppressBelow`), `invalid`.
    pub status: FigureStatus,
    /// Observed events O.
    pub observed: f64,
    /// Expected events E = Σ population × reference rate, over the age bands.
    /// E; absent where it cannot be computed.
    pub expected: Option<f64>,
    /// O / E: 1 is as the reference (shown × 100).
    pub ratio: Option<f64>,
    pub ratio_lower: Option<f64>,
    pub ratio_upper: Option<f64>,
    /// The indirectly standardised rate: the ratio × the reference's crude rate, in the unit.
    pub rate: Option<f64>,
    pub rate_lower: Option<f64>,
    pub rate_upper: Option<f64>,
    /// The interval on O: `"exact"` (chi-square) below 10 observed events, `"byar"` from 10.
    pub method: &'static str,
}

/// What the indirectly standardised ratios of an indicator are measured against.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndirectReference {
    /// `"nation"` (the nation's counts of each period) or `"data"` (the indicator's `reference`).
    pub source: &'static str,
    pub name: Text,
}

/// Inequality between areas of one level within one scope (a region or the nation).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inequality {
    pub scope: String,
    pub among: AreaLevel,
    pub period: String,
    pub areas: u32,
    pub min: f64,
    pub max: f64,
    /// Ids of the areas with the lowest and the highest value.
    pub min_at: String,
    pub max_at: String,
    pub range: f64,
    pub ratio: Option<f64>,
    pub best_fifth: f64,
    pub worst_fifth: f64,
}

/// Slope and relative index of inequality across social groups.
///
/// Order and sign: the groups are placed from the most advantaged (position 0) to the least
/// advantaged (position 1), each at the midpoint of its cumulative population share, and a
/// population-weighted line is fitted. **SII = fitted value at the least advantaged end minus
/// the fitted value at the most advantaged end**: positive when the least advantaged have the
/// higher value (e.g. more admissions). PHEindicatormethods orders from the most deprived
/// and so gives the opposite sign for the same data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SocialGradient {
    pub area: String,
    pub period: String,
    /// Fitted value at the least advantaged end minus that at the most advantaged end (see the type).
    pub sii: f64,
    /// SII divided by the overall (mean) value of the area: the RII of "SII ÷ mean".
    pub rii: Option<f64>,
    /// Fitted value at the least advantaged end divided by that at the most advantaged end:
    /// the RII as PHEindicatormethods gives it (the ratio of the fitted ends). Absent where the
    /// fitted value at the most advantaged end is not above 0.
    pub rii_ends: Option<f64>,
    /// Fitted values at the most and the least advantaged ends.
    pub fitted_most_advantaged: f64,
    pub fitted_least_advantaged: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorFigures {
    pub id: String,
    pub name: Text,
    pub unit: Text,
    pub kind: IndicatorKind,
    pub multiplier: f64,
    pub standardised: bool,
    pub standard_population: Option<String>,
    pub higher_is_better: bool,
    pub synthetic: bool,
    pub source: Option<String>,
    pub period_text: Option<Text>,
    pub periods: Vec<String>,
    pub figures: Vec<Figure>,
    pub inequality: Vec<Inequality>,
    pub gradients: Vec<SocialGradient>,
    /// The reference of the figures' `indirect` ratios; absent where there are none.
    pub indirect_reference: Option<IndirectReference>,
}

/// Counts per age band for one area and period.
type Bands = Vec<BandCount>;

fn add(acc: &mut Bands, other: &[BandCount], factor: f64) {
    if acc.len() < other.len() {
        acc.resize(other.len(), BandCount { events: 0.0, population: 0.0 });
    }
    for (a, b) in acc.iter_mut().zip(other) {
        a.events += b.events * factor;
        a.population += b.population * factor;
    }
}

struct Calculator<'a> {
    indicator: &'a Indicator,
    weights: Option<Vec<f64>>,
    options: &'a KeyFigureOptions,
}

impl Calculator<'_> {
    fn estimate(&self, bands: &[BandCount]) -> (FigureStatus, Option<Estimate>, f64, f64) {
        let events: f64 = bands.iter().map(|b| b.events).sum();
        let population: f64 = bands.iter().map(|b| b.population).sum();
        let ind = self.indicator;
        let result: Result<Estimate, StatsError> = match (&self.weights, ind.kind) {
            // A proportion cannot have more events than people in any band (a rate can).
            (_, IndicatorKind::Proportion) if bands.iter().any(|b| b.events > b.population) => Err(StatsError::EventsAbovePopulation),
            (Some(w), _) => direct_standardised_rate(bands, w, ind.multiplier, self.options.level),
            (None, IndicatorKind::Rate) => crude_rate(events, population, ind.multiplier, self.options.level),
            (None, IndicatorKind::Proportion) => proportion(events, population, ind.multiplier, self.options.level, self.options.proportion_method),
        };
        match result {
            Err(_) => (FigureStatus::Invalid, None, events, population),
            Ok(_) if events < self.options.suppress_below => (FigureStatus::Suppressed, None, events, population),
            Ok(_) if self.weights.is_some() && events < self.options.dsr_min_events => (FigureStatus::Suppressed, None, events, population),
            Ok(e) => (FigureStatus::Ok, Some(e), events, population),
        }
    }
}

impl Calculator<'_> {
    /// The indirectly standardised ratio and rate of `bands` against `reference`.
    fn indirect(&self, bands: &[BandCount], reference: &[BandCount]) -> IndirectFigure {
        let observed: f64 = bands.iter().map(|b| b.events).sum();
        let result = indirectly_standardised_ratio(bands, reference, self.options.level)
            .and_then(|r| reference_crude_rate(reference, self.indicator.multiplier).map(|crude| (r, crude)));
        let mut f = IndirectFigure {
            status: FigureStatus::Invalid,
            observed,
            expected: None,
            ratio: None,
            ratio_lower: None,
            ratio_upper: None,
            rate: None,
            rate_lower: None,
            rate_upper: None,
            method: crate::figures::stats::PoissonMethod::for_count(observed).code(),
        };
        if let Ok((r, crude)) = result {
            f.expected = Some(r.expected);
            if observed < self.options.suppress_below {
                f.status = FigureStatus::Suppressed;
            } else {
                let (rate, interval) = r.rate(crude);
                f.status = FigureStatus::Ok;
                (f.ratio, f.ratio_lower, f.ratio_upper) = (Some(r.ratio), Some(r.interval.lower), Some(r.interval.upper));
                (f.rate, f.rate_lower, f.rate_upper) = (Some(rate), Some(interval.lower), Some(interval.upper));
            }
        }
        f
    }
}

/// An area figures are computed for: its parts are (municipality index, fraction), the
/// fraction `None` where a split share is unknown.
struct Area<'d> {
    level: AreaLevel,
    id: &'d str,
    name: &'d str,
    /// Index of the area's region among the areas, for comparisons.
    region: Option<usize>,
    region_id: Option<&'d str>,
    parts: Vec<(usize, Option<f64>)>,
}

/// Every area of a data set: municipalities, clusters, regions, the nation (last).
fn areas(data: &Dataset) -> Vec<Area<'_>> {
    let municipality_index: HashMap<&str, usize> = data.municipalities.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let n_m = data.municipalities.len();
    let n_c = data.areas.len();
    let region_area = |id: &str| data.regions.iter().position(|r| r.id == id).map(|i| n_m + n_c + i);
    let mut areas = Vec::with_capacity(n_m + n_c + data.regions.len() + 1);
    for (i, m) in data.municipalities.iter().enumerate() {
        areas.push(Area { level: AreaLevel::Municipality, id: &m.code, name: &m.name, region: region_area(&m.region), region_id: Some(&m.region), parts: vec![(i, Some(1.0))] });
    }
    for c in &data.areas {
        let parts = member_fractions(data, c).into_iter().filter_map(|(code, f)| municipality_index.get(code.as_str()).map(|&i| (i, f))).collect();
        areas.push(Area { level: AreaLevel::Cluster, id: &c.id, name: &c.name, region: region_area(&c.region), region_id: Some(&c.region), parts });
    }
    for r in &data.regions {
        let parts = data.municipalities.iter().enumerate().filter(|(_, m)| m.region == r.id).map(|(i, _)| (i, Some(1.0))).collect();
        areas.push(Area { level: AreaLevel::Region, id: &r.id, name: &r.name, region: None, region_id: None, parts });
    }
    areas.push(Area { level: AreaLevel::Nation, id: NATION, name: "Danmark", region: None, region_id: None, parts: (0..n_m).map(|i| (i, Some(1.0))).collect() });
    areas
}

/// Computes every figure for one indicator.
pub fn indicator_figures(data: &Dataset, indicator: &Indicator, options: &KeyFigureOptions) -> IndicatorFigures {
    let n_bands = indicator.age_bands.len();
    let weights: Option<Vec<f64>> = match indicator.standardisation {
        Standardisation::None => None,
        Standardisation::Direct => indicator.standard_population.as_deref().and_then(|id| data.standard_population(id)).and_then(|std| {
            indicator.bands().iter().map(|b| b.as_ref().and_then(|b| std.weight_for(b))).collect::<Option<Vec<f64>>>()
        }),
    };
    let calc = Calculator { indicator, weights, options };
    let zero = BandCount { events: 0.0, population: 0.0 };

    let rows: Vec<_> = data.values.iter().filter(|v| v.indicator == indicator.id && v.numerator.len() == n_bands && v.denominator.len() == n_bands).collect();
    let periods: Vec<&str> = rows.iter().map(|v| v.period.as_str()).collect::<BTreeSet<_>>().into_iter().collect();
    let period_index: HashMap<&str, usize> = periods.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let municipality_index: HashMap<&str, usize> = data.municipalities.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let group_index: HashMap<&str, usize> = indicator.groups.iter().enumerate().map(|(i, g)| (g.id.as_str(), i)).collect();
    let n_p = periods.len();
    let n_g = indicator.groups.len();

    // Counts per (municipality, period), summed over sex and group; and per group.
    let mut counts: Vec<Option<Bands>> = vec![None; data.municipalities.len() * n_p];
    let mut group_counts: Vec<Option<Bands>> = vec![None; data.municipalities.len() * n_p * n_g];
    for v in &rows {
        let (Some(&mi), Some(&pi)) = (municipality_index.get(v.municipality.as_str()), period_index.get(v.period.as_str())) else { continue };
        let bands: Bands = v.numerator.iter().zip(&v.denominator).map(|(&events, &population)| BandCount { events, population }).collect();
        add(counts[mi * n_p + pi].get_or_insert_with(Vec::new), &bands, 1.0);
        if let Some(&gi) = v.group.as_deref().and_then(|g| group_index.get(g)) {
            add(group_counts[(mi * n_p + pi) * n_g + gi].get_or_insert_with(Vec::new), &bands, 1.0);
        }
    }

    // Indirect standardisation, for a rate that is directly standardised or gives a reference:
    // against the indicator's reference, or the nation's counts of the same period.
    let indirect_wanted = indicator.kind == IndicatorKind::Rate && (indicator.standardisation == Standardisation::Direct || indicator.reference.is_some());
    let given_reference: Option<Bands> = indicator
        .reference
        .as_ref()
        .filter(|r| r.events.len() == n_bands && r.population.len() == n_bands)
        .map(|r| r.events.iter().zip(&r.population).map(|(&events, &population)| BandCount { events, population }).collect());
    let indirect_reference = match (&indicator.reference, indirect_wanted) {
        (_, false) => None,
        (Some(r), true) => Some(IndirectReference { source: "data", name: r.name.clone() }),
        (None, true) => Some(IndirectReference { source: "nation", name: Text::new("Hele landet i samme periode", "Denmark in the same period") }),
    };
    let national_bands: Vec<Bands> = if indirect_wanted && given_reference.is_none() {
        (0..n_p)
            .map(|pi| {
                let mut acc: Bands = vec![zero; n_bands];
                for mi in 0..data.municipalities.len() {
                    if let Some(b) = &counts[mi * n_p + pi] {
                        add(&mut acc, b, 1.0);
                    }
                }
                acc
            })
            .collect()
    } else {
        Vec::new()
    };
    let reference_of = |pi: usize| -> Option<&[BandCount]> {
        if !indirect_wanted {
            None
        } else if indicator.reference.is_some() {
            given_reference.as_deref()
        } else {
            national_bands.get(pi).map(Vec::as_slice)
        }
    };

    let areas = areas(data);
    let mut figures: Vec<Figure> = Vec::with_capacity(areas.len() * n_p);
    let mut estimates: Vec<Option<(f64, Interval)>> = Vec::with_capacity(areas.len() * n_p);
    for area in &areas {
        for (pi, period) in periods.iter().enumerate() {
            let mut acc: Bands = vec![zero; n_bands];
            let mut incomplete = Vec::new();
            let mut any = false;
            for &(mi, fraction) in &area.parts {
                match (&counts[mi * n_p + pi], fraction) {
                    (Some(b), Some(f)) => {
                        add(&mut acc, b, f);
                        any = true;
                    }
                    (Some(_), None) => incomplete.push(data.municipalities[mi].code.clone()),
                    (None, _) => {}
                }
            }
            let (status, estimate, numerator, denominator) = if any { calc.estimate(&acc) } else { (FigureStatus::NoData, None, 0.0, 0.0) };
            let indirect = reference_of(pi).filter(|_| any).map(|reference| calc.indirect(&acc, reference));
            estimates.push(estimate.map(|e| (e.value, e.interval)));
            figures.push(Figure {
                level: area.level,
                area: area.id.to_string(),
                name: area.name.to_string(),
                period: period.to_string(),
                status,
                value: estimate.map(|e| e.value),
                lower: estimate.map(|e| e.interval.lower),
                upper: estimate.map(|e| e.interval.upper),
                numerator,
                denominator,
                incomplete,
                region: None,
                nation: None,
                trend: None,
                gap_to_best_fifth: None,
                indirect,
                responsible: None,
            });
        }
    }

    // Comparisons with the region and the nation, and the trend against the latest earlier period.
    let nation = areas.len() - 1;
    let compare = |value: f64, interval: Interval, other: Option<(f64, Interval)>, id: &str| {
        other.map(|(v, i)| Comparison { area: id.to_string(), value: v, difference: value - v, significant: interval.disjoint(&i) })
    };
    for (ai, area) in areas.iter().enumerate() {
        for pi in 0..n_p {
            let Some((value, interval)) = estimates[ai * n_p + pi] else { continue };
            let f = &mut figures[ai * n_p + pi];
            if let (Some(r), Some(rid)) = (area.region, area.region_id) {
                f.region = compare(value, interval, estimates[r * n_p + pi], rid);
            }
            if ai != nation {
                f.nation = compare(value, interval, estimates[nation * n_p + pi], NATION);
            }
            if let Some((prev, (pv, pint))) = (0..pi).rev().find_map(|q| estimates[ai * n_p + q].map(|e| (q, e))) {
                f.trend = Some(Trend {
                    previous_period: periods[prev].to_string(),
                    previous_value: pv,
                    change: value - pv,
                    relative_change: (pv != 0.0).then(|| (value - pv) / pv),
                    significant: interval.disjoint(&pint),
                });
            }
        }
    }

    // Inequality among municipalities and among clusters, per region and nationally.
    let mut inequality = Vec::new();
    let better = |a: f64, b: f64| if indicator.higher_is_better { b.total_cmp(&a) } else { a.total_cmp(&b) };
    for among in [AreaLevel::Municipality, AreaLevel::Cluster] {
        let scopes = data.regions.iter().map(|r| Some(r.id.as_str())).chain([None]);
        for scope in scopes {
            let members: Vec<usize> = areas.iter().enumerate().filter(|(_, a)| a.level == among && (scope.is_none() || a.region_id == scope)).map(|(i, _)| i).collect();
            for (pi, period) in periods.iter().enumerate() {
                let mut values: Vec<(f64, usize)> = members
                    .iter()
                    .map(|ai| ai * n_p + pi)
                    .filter(|&i| figures[i].incomplete.is_empty())
                    .filter_map(|i| estimates[i].map(|e| (e.0, i)))
                    .collect();
                if values.len() < 2 {
                    continue;
                }
                values.sort_by(|a, b| better(a.0, b.0));
                let k = values.len().div_ceil(5);
                let mean = |xs: &[(f64, usize)]| xs.iter().map(|x| x.0).sum::<f64>() / xs.len() as f64;
                let best = mean(&values[..k]);
                let worst = mean(&values[values.len() - k..]);
                let lowest = values.iter().min_by(|a, b| a.0.total_cmp(&b.0)).map_or((f64::NAN, 0), |x| *x);
                let highest = values.iter().max_by(|a, b| a.0.total_cmp(&b.0)).map_or((f64::NAN, 0), |x| *x);
                let (min, max) = (lowest.0, highest.0);
                if scope.is_none() {
                    for (v, i) in &values {
                        figures[*i].gap_to_best_fifth = Some(v - best);
                    }
                }
                inequality.push(Inequality {
                    scope: scope.unwrap_or(NATION).to_string(),
                    among,
                    period: period.to_string(),
                    areas: values.len() as u32,
                    min,
                    max,
                    min_at: figures[lowest.1].area.clone(),
                    max_at: figures[highest.1].area.clone(),
                    range: max - min,
                    ratio: (min > 0.0).then(|| max / min),
                    best_fifth: best,
                    worst_fifth: worst,
                });
            }
        }
    }

    // Social gradient across groups, for each region and the nation.
    let mut gradients = Vec::new();
    if n_g > 0 && group_counts.iter().any(Option::is_some) {
        for area in areas.iter().filter(|a| matches!(a.level, AreaLevel::Region | AreaLevel::Nation)) {
            for (pi, period) in periods.iter().enumerate() {
                let mut groups: Vec<(f64, f64)> = Vec::new(); // (population, value)
                let mut total: Bands = vec![zero; n_bands];
                for gi in 0..n_g {
                    let mut acc: Bands = vec![zero; n_bands];
                    for &(mi, _) in &area.parts {
                        if let Some(b) = &group_counts[(mi * n_p + pi) * n_g + gi] {
                            add(&mut acc, b, 1.0);
                        }
                    }
                    add(&mut total, &acc, 1.0);
                    if let (FigureStatus::Ok, Some(e), _, pop) = calc.estimate(&acc) {
                        groups.push((pop, e.value));
                    }
                }
                if groups.len() < 2 || groups.len() != n_g {
                    continue;
                }
                if let (Some((sii, intercept)), (_, Some(overall), _, _)) = (slope_fit(&groups), calc.estimate(&total)) {
                    let (most, least) = (intercept, intercept + sii);
                    gradients.push(SocialGradient {
                        area: area.id.to_string(),
                        period: period.to_string(),
                        sii,
                        rii: (overall.value != 0.0).then(|| sii / overall.value),
                        rii_ends: (most > 0.0).then(|| least / most),
                        fitted_most_advantaged: most,
                        fitted_least_advantaged: least,
                    });
                }
            }
        }
    }

    IndicatorFigures {
        id: indicator.id.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        kind: indicator.kind,
        multiplier: indicator.multiplier,
        standardised: indicator.standardisation == Standardisation::Direct,
        standard_population: indicator.standard_population.clone(),
        higher_is_better: indicator.higher_is_better,
        synthetic: indicator.synthetic,
        source: indicator.source.clone(),
        period_text: indicator.period.clone(),
        periods: periods.iter().map(|p| p.to_string()).collect(),
        figures,
        inequality,
        gradients,
        indirect_reference,
    }
}

/// Slope index of inequality: groups ordered from most to least advantaged, each placed
/// at the midpoint of its cumulative population share; the population-weighted least
/// squares slope of the group values on that position (the fitted least advantaged end
/// minus the most advantaged end).
pub fn slope_index(groups: &[(f64, f64)]) -> Option<f64> {
    slope_fit(groups).map(|(slope, _)| slope)
}

/// The population-weighted line of [`slope_index`]: (slope, intercept), the intercept being
/// the fitted value at the most advantaged end (position 0).
pub fn slope_fit(groups: &[(f64, f64)]) -> Option<(f64, f64)> {
    let total: f64 = groups.iter().map(|g| g.0).sum();
    if total <= 0.0 {
        return None;
    }
    let mut cumulative = 0.0;
    let points: Vec<(f64, f64, f64)> = groups
        .iter()
        .map(|(pop, value)| {
            let mid = (cumulative + pop / 2.0) / total;
            cumulative += pop;
            (mid, *value, *pop)
        })
        .collect();
    let x_mean = points.iter().map(|p| p.0 * p.2).sum::<f64>() / total;
    let y_mean = points.iter().map(|p| p.1 * p.2).sum::<f64>() / total;
    let sxx: f64 = points.iter().map(|p| p.2 * (p.0 - x_mean).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| p.2 * (p.0 - x_mean) * (p.1 - y_mean)).sum();
    (sxx > 0.0).then(|| {
        let slope = sxy / sxx;
        (slope, y_mean - slope * x_mean)
    })
}

/// The body responsible for each area: a cluster's representing body (its political level,
/// the sundhedsråd; [`crate::bodies::AreaBodies::representing`]), the region's own body (the
/// SSU in 2022) or else its regional council, each municipality's council. The nation has none.
/// `all`: every region's bodies ([`all_region_bodies`], in data order).
fn responsible_bodies(data: &Dataset, profile: &RuleProfile, all: &[RegionBodies]) -> HashMap<(AreaLevel, String), Responsible> {
    let mut out = HashMap::default();
    for m in &data.municipalities {
        let name = Text::new(format!("Kommunalbestyrelsen, {}", m.name), format!("Municipal council, {}", m.name));
        out.insert((AreaLevel::Municipality, m.code.clone()), Responsible { body: None, name });
    }
    for (region, rb) in data.regions.iter().zip(all) {
        let own = match rb.bodies.first() {
            Some(b) => Responsible { body: Some(b.id.to_string()), name: body_name(data, profile, b) },
            None => Responsible { body: None, name: Text::new(format!("Regionsrådet, {}", region.name), format!("Regional council, {}", region.name)) },
        };
        out.insert((AreaLevel::Region, region.id.clone()), own);
        for ab in &rb.areas {
            if let Some(b) = ab.representing() {
                out.insert((AreaLevel::Cluster, ab.area.clone()), Responsible { body: Some(b.id.to_string()), name: body_name(data, profile, b) });
            }
        }
    }
    out
}

/// All key figures of a data set; each figure names the body responsible for its area.
pub fn key_figures(data: &Dataset, profile: &RuleProfile, options: &KeyFigureOptions) -> KeyFigures {
    key_figures_of(data, profile, options, &all_region_bodies(data, profile))
}

/// [`key_figures`] from every region's bodies (`all`: [`all_region_bodies`], in data
/// order), for a caller that has them already.
pub fn key_figures_of(data: &Dataset, profile: &RuleProfile, options: &KeyFigureOptions, all: &[RegionBodies]) -> KeyFigures {
    let responsible = responsible_bodies(data, profile, all);
    let mut indicators: Vec<IndicatorFigures> = data.indicators.iter().map(|i| indicator_figures(data, i, options)).collect();
    for figure in indicators.iter_mut().flat_map(|i| i.figures.iter_mut()) {
        figure.responsible = responsible.get(&(figure.level, figure.area.clone())).cloned();
    }
    KeyFigures { governance: governance_of(data, profile, all), indicators }
}

/// Figures of one indicator keyed for lookup: (level, area, period) → index.
pub fn index(figures: &IndicatorFigures) -> BTreeMap<(AreaLevel, String, String), usize> {
    figures.figures.iter().enumerate().map(|(i, f)| ((f.level, f.area.clone(), f.period.clone()), i)).collect()
}
