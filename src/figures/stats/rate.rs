//! Crude rates, proportions and directly age-standardised rates, with intervals.

use super::ci::{byar, clopper_pearson, wilson, z_for_level, Interval};

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
    /// More events than population in a band, or numerator above denominator.
    EventsAbovePopulation,
    /// No standard weight for the bands used.
    NoStandardWeight,
}

fn valid(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// Crude rate: events / population × multiplier, with Byar's interval on the count.
pub fn crude_rate(events: f64, population: f64, multiplier: f64, level: f64) -> Result<Estimate, StatsError> {
    if !valid(events) || !valid(population) {
        return Err(StatsError::InvalidCount);
    }
    if population <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    let scale = multiplier / population;
    Ok(Estimate {
        value: events * scale,
        interval: byar(events, z_for_level(level)).scale(scale),
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

/// Proportion: numerator / denominator × multiplier (100 for per cent).
pub fn proportion(numerator: f64, denominator: f64, multiplier: f64, level: f64, method: ProportionMethod) -> Result<Estimate, StatsError> {
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
/// L = DSR + √(var/O)·(Byar_L(O) − O), U likewise. With O = 0 the interval is [0, Byar_U(0)·…].
///
/// `weights[i]` is the standard weight of `bands[i]`. A band with population 0 and no
/// events contributes nothing; with events it is an error.
pub fn direct_standardised_rate(bands: &[BandCount], weights: &[f64], multiplier: f64, level: f64) -> Result<Estimate, StatsError> {
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
        if b.events > b.population {
            return Err(StatsError::EventsAbovePopulation);
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
    let z = z_for_level(level);
    let interval = if observed > 0.0 {
        let b = byar(observed, z);
        let k = (var / observed).sqrt();
        Interval { lower: (dsr + k * (b.lower - observed)).max(0.0), upper: dsr + k * (b.upper - observed) }
    } else {
        Interval { lower: 0.0, upper: 0.0 }
    };
    Ok(Estimate { value: dsr * multiplier, interval: interval.scale(multiplier), numerator: observed, denominator: population })
}
