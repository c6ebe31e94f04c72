//! Indirect standardisation: the standardised ratio (SMR, ISR) of observed to expected
//! events, where the expected events apply reference rates by age band to the area's own
//! population — what small areas use when a directly standardised rate is too unstable.
//!
//! As PHEindicatormethods' `calculate_ISRatio` / `calculate_ISRate`: E = Σᵢ nᵢ·(x_refᵢ / n_refᵢ),
//! ratio = O / E; the interval is the Poisson interval on O divided by E — exact
//! (chi-square quantiles) below 10 observed events, Byar's approximation from 10 on
//! ([`poisson_interval`]); E is taken as known (no variance). The indirectly standardised
//! rate is the ratio × the reference's crude rate.

use super::ci::{level_fraction, poisson_interval, Interval, EXACT_POISSON_BELOW};
use super::rate::{BandCount, StatsError};

/// Which Poisson interval a count got: exact below 10 events, Byar's from 10 on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoissonMethod {
    Exact,
    Byar,
}

impl PoissonMethod {
    /// The method [`poisson_interval`] uses for `observed` events.
    pub fn for_count(observed: f64) -> PoissonMethod {
        if observed < EXACT_POISSON_BELOW {
            PoissonMethod::Exact
        } else {
            PoissonMethod::Byar
        }
    }

    /// `"exact"` or `"byar"`, as the API spells it.
    pub fn code(self) -> &'static str {
        match self {
            PoissonMethod::Exact => "exact",
            PoissonMethod::Byar => "byar",
        }
    }
}

/// A standardised ratio with its interval: `ratio` = observed / expected (1 = as expected).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    pub observed: f64,
    pub expected: f64,
    pub ratio: f64,
    pub interval: Interval,
    pub method: PoissonMethod,
}

impl Ratio {
    /// The indirectly standardised rate: the ratio and its interval × the reference's crude
    /// rate (already multiplied, e.g. per 1,000).
    pub fn rate(&self, reference_crude_rate: f64) -> (f64, Interval) {
        (self.ratio * reference_crude_rate, self.interval.scale(reference_crude_rate))
    }
}

fn valid(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// The reference's rate in each band, events / population. A band without population and
/// without events has rate 0 (it adds nothing to any expected count); one with events but
/// no population is an error.
pub fn reference_rates(reference: &[BandCount]) -> Result<Vec<f64>, StatsError> {
    reference
        .iter()
        .map(|b| {
            if !valid(b.events) || !valid(b.population) {
                Err(StatsError::InvalidCount)
            } else if b.population > 0.0 {
                Ok(b.events / b.population)
            } else if b.events > 0.0 {
                Err(StatsError::ZeroDenominator)
            } else {
                Ok(0.0)
            }
        })
        .collect()
}

/// The expected events: Σᵢ nᵢ·λᵢ, the area's population in each band times the reference rate.
pub fn expected_events(bands: &[BandCount], rates: &[f64]) -> Result<f64, StatsError> {
    if bands.len() != rates.len() || bands.is_empty() {
        return Err(StatsError::BandMismatch);
    }
    let mut expected = 0.0;
    for (b, &rate) in bands.iter().zip(rates) {
        if !valid(b.population) || !valid(rate) {
            return Err(StatsError::InvalidCount);
        }
        expected += b.population * rate;
    }
    Ok(expected)
}

/// The standardised ratio O / E with the Poisson interval on O divided by E (exact below 10
/// events, Byar from 10 on). `level` as [`level_fraction`] reads it.
pub fn standardised_ratio(observed: f64, expected: f64, level: f64) -> Result<Ratio, StatsError> {
    if level_fraction(level).is_none() {
        return Err(StatsError::InvalidLevel);
    }
    if !valid(observed) || !valid(expected) {
        return Err(StatsError::InvalidCount);
    }
    if expected <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    Ok(Ratio {
        observed,
        expected,
        ratio: observed / expected,
        interval: poisson_interval(observed, level).scale(1.0 / expected),
        method: PoissonMethod::for_count(observed),
    })
}

/// The indirectly standardised ratio of an area's `bands` against a `reference` (events and
/// population per band, in the same order): expected events from the reference's rates,
/// then [`standardised_ratio`].
pub fn indirectly_standardised_ratio(bands: &[BandCount], reference: &[BandCount], level: f64) -> Result<Ratio, StatsError> {
    if bands.iter().any(|b| !valid(b.events)) {
        return Err(StatsError::InvalidCount);
    }
    let rates = reference_rates(reference)?;
    let expected = expected_events(bands, &rates)?;
    standardised_ratio(bands.iter().map(|b| b.events).sum(), expected, level)
}

/// The reference's crude rate × `multiplier`: Σ events / Σ population.
pub fn reference_crude_rate(reference: &[BandCount], multiplier: f64) -> Result<f64, StatsError> {
    let events: f64 = reference.iter().map(|b| b.events).sum();
    let population: f64 = reference.iter().map(|b| b.population).sum();
    if !valid(events) || !valid(population) {
        return Err(StatsError::InvalidCount);
    }
    if population <= 0.0 {
        return Err(StatsError::ZeroDenominator);
    }
    Ok(events / population * multiplier)
}
