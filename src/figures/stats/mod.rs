//! Statistics for key figures: rates, shares, direct and indirect age standardisation,
//! confidence intervals, funnel-plot control limits, aggregation and inequality. Pure
//! functions over counts; no records.
//!
//! Methods follow the R package PHEindicatormethods (UK public-health agency), the
//! reference implementation named in `key-figures.md`.

pub mod ci;
pub mod funnel;
pub mod indirect;
pub mod rate;

pub use ci::{byar, clopper_pearson, exact_poisson, level_fraction, poisson_interval, wilson, z_for_level, Interval, EXACT_POISSON_BELOW};
pub use funnel::{poisson_count_limits, poisson_limits, proportion_limits, Outlier};
pub use indirect::{expected_events, indirectly_standardised_ratio, reference_crude_rate, reference_rates, standardised_ratio, PoissonMethod, Ratio};
pub use rate::{crude_rate, direct_standardised_rate, proportion, BandCount, Estimate, ProportionMethod, StatsError};
