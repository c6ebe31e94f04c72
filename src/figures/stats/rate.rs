//! Crude rates, proportions and directly age-standardised rates, with intervals.

use super::ci::{clopper_pearson, level_fraction, poisson_interval, wilson, z_for_level, Interval};

/// Events and population in one age band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandCount {
    pub events: f64,
    pub population: f64,
}

/// A figure with its interval, from `numerator` events over `denominator`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub interval: Interval,
    pub numerator: f64,
    pub denominator: f64,
}

/// Why a figure cannot be computed. The caller turns it into a finding or a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsError {
    /// The denominator (or a band's population with events) is zero.
    ZeroDenominator,
    /// A count is negative or not finite.
    InvalidCount,
    /// Numerator above denominator in a proportion (a rate of repeatable events may have
    /// more events than people).
    EventsAbovePopulation,
    /// No standard weight for the bands used.
    NoStandardWeight,
    /// The confidence level is neither a fraction in (0, 1) nor a percentage in [90, 100).
    InvalidLevel,
    /// The reference (of an indirect standardisation) has not one count per age band.
    BandMismatch,
}

fn valid(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// Crude rate: events / population × multiplier, with the Poisson interval on the count:
/// exact (chi-square quantiles) below 10 events, Byar's approximation from 10 on
/// ([`poisson_interval`], as PHEindicatormethods' `phe_rate`). Events may exceed the
/// population (repeatable events: admissions, contacts).
pub fn crude_rate(events: f64, population: f64, multiplier: f64, level: f64) -> Result<Estimate, StatsError> {
    if level_fraction(level).is_none() {
        return Err(StatsError::InvalidLevel);
    }
    if !valid(events) || !valid(population) {
        return Err(StatsError::InvalidCount);
    }
    if population <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    let scale = multiplier / population;
    Ok(Estimate {
        value: events * scale,
        interval: poisson_interval(events, level).scale(scale),
        numerator: events,
        denominator: population,
    })
}

/// How to put an interval on a proportion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProportionMethod {
    #[default]
    Wilson,
    ClopperPearson,
}

impl ProportionMethod {
    /// The method an option names: `"wilson"` or `"exact"` (Clopper–Pearson).
    pub fn from_code(code: &str) -> Option<ProportionMethod> {
        match code {
            "wilson" => Some(ProportionMethod::Wilson),
            "exact" => Some(ProportionMethod::ClopperPearson),
            _ => None,
        }
    }
}

/// Proportion: numerator / denominator × multiplier (100 for per cent).
pub fn proportion(numerator: f64, denominator: f64, multiplier: f64, level: f64, method: ProportionMethod) -> Result<Estimate, StatsError> {
    if level_fraction(level).is_none() {
        return Err(StatsError::InvalidLevel);
    }
    if !valid(numerator) || !valid(denominator) {
        return Err(StatsError::InvalidCount);
    }
    if denominator <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    if numerator > denominator {
        return Err(StatsError::EventsAbovePopulation);
    }
    let interval = match method {
        ProportionMethod::Wilson => wilson(numerator, denominator, z_for_level(level)),
        ProportionMethod::ClopperPearson => clopper_pearson(numerator, denominator, level),
    };
    Ok(Estimate { value: numerator / denominator * multiplier, interval: interval.scale(multiplier), numerator, denominator })
}

/// Directly age-standardised rate: DSR = Σ wᵢ·xᵢ/nᵢ / Σ wᵢ × multiplier, with the
/// Dobson et al. (1991) interval: var = Σ xᵢ(wᵢ/nᵢ)² / (Σwᵢ)², O = Σxᵢ,
/// L = DSR + √(var/O)·(P_L(O) − O), U likewise, where P is the Poisson interval on the total
/// count O: Byar's from 10 events on (exactly PHEindicatormethods' `calculate_dsr`, which
/// gives no DSR below 10), the exact one below 10 ([`poisson_interval`]), which only
/// matters when the caller lowers the suppression limit. With O = 0 the interval is [0, 0].
///
/// `weights[i]` is the standard weight of `bands[i]`. A band may have more events than
/// people (repeatable events); a band with population 0 and no events contributes nothing,
/// with events it is an error.
pub fn direct_standardised_rate(bands: &[BandCount], weights: &[f64], multiplier: f64, level: f64) -> Result<Estimate, StatsError> {
    if level_fraction(level).is_none() {
        return Err(StatsError::InvalidLevel);
    }
    if bands.len() != weights.len() || bands.is_empty() {
        return Err(StatsError::NoStandardWeight);
    }
    let mut sum_w = 0.0;
    let mut weighted = 0.0;
    let mut var_sum = 0.0;
    let mut observed = 0.0;
    let mut population = 0.0;
    for (b, &w) in bands.iter().zip(weights) {
        if !valid(b.events) || !valid(b.population) || !valid(w) {
            return Err(StatsError::InvalidCount);
        }
        sum_w += w;
        observed += b.events;
        population += b.population;
        if b.population > 0.0 {
            let r = w / b.population;
            weighted += r * b.events;
            var_sum += b.events * r * r;
        } else if b.events > 0.0 {
            return Err(StatsError::ZeroDenominator);
        }
    }
    if sum_w <= 0.0 {
        return Err(StatsError::NoStandardWeight);
    }
    if population <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    let dsr = weighted / sum_w;
    let var = var_sum / (sum_w * sum_w);
    let interval = if observed > 0.0 {
        let b = poisson_interval(observed, level);
        let k = (var / observed).sqrt();
        Interval { lower: (dsr + k * (b.lower - observed)).max(0.0), upper: dsr + k * (b.upper - observed) }
    } else {
        Interval { lower: 0.0, upper: 0.0 }
    };
    Ok(Estimate { value: dsr * multiplier, interval: interval.scale(multiplier), numerator: observed, denominator: population })
}
