//! Statistics for key figures: rates, shares, direct age standardisation, confidence
//! intervals, aggregation and inequality. Pure functions over counts; no records.
//!
//! Methods follow the R package PHEindicatormethods (UK public-health agency), the
//! reference implementation named in `key-figures.md`.

pub mod ci;
pub mod rate;

pub use ci::{byar, clopper_pearson, exact_poisson, level_fraction, poisson_interval, wilson, z_for_level, Interval, EXACT_POISSON_BELOW};
pub use rate::{crude_rate, direct_standardised_rate, proportion, BandCount, Estimate, ProportionMethod, StatsError};
