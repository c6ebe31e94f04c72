//! Confidence intervals. Quantiles come from `statrs` rather than hand-written
//! approximations: the normal and beta inverse CDFs are easy to get subtly wrong.

use statrs::distribution::{Beta, ChiSquared, ContinuousCDF, Normal};

/// From this many events on, the interval on a count is Byar's approximation; below it the
/// exact Poisson interval (as PHEindicatormethods' `phe_rate` / `calculate_rate`).
pub const EXACT_POISSON_BELOW: f64 = 10.0;

/// A two-sided interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

impl Interval {
    pub fn contains(&self, x: f64) -> bool {
        self.lower <= x && x <= self.upper
    }

    /// True when two intervals share no point: a difference the data support.
    pub fn disjoint(&self, other: &Interval) -> bool {
        self.upper < other.lower || other.upper < self.lower
    }

    pub fn scale(self, factor: f64) -> Interval {
        Interval { lower: self.lower * factor, upper: self.upper * factor }
    }
}

/// A confidence level as a fraction: a fraction in (0, 1) as given, or a percentage in
/// [90, 100) divided by 100 (`99.8` → `0.998`, as PHEindicatormethods reads it). `None` for
/// anything else — there is no fallback level.
pub fn level_fraction(level: f64) -> Option<f64> {
    if level > 0.0 && level < 1.0 {
        Some(level)
    } else if (90.0..100.0).contains(&level) {
        Some(level / 100.0)
    } else {
        None
    }
}

/// The standard-normal quantile for a two-sided interval at `level` (e.g. 0.95 → 1.95996;
/// a percentage such as 99.8 is read as by [`level_fraction`]). NaN for a level that is
/// neither: no silent fallback.
pub fn z_for_level(level: f64) -> f64 {
    use std::cell::Cell;
    thread_local! {
        // The last level asked for: a computation asks for one level thousands of times.
        static LAST: Cell<(f64, f64)> = const { Cell::new((f64::NAN, f64::NAN)) };
    }
    let Some(level) = level_fraction(level) else { return f64::NAN };
    LAST.with(|last| {
        let (l, z) = last.get();
        if l == level {
            return z;
        }
        // Normal::new(0, 1) cannot fail.
        let z = Normal::new(0.0, 1.0).map(|n| n.inverse_cdf(1.0 - (1.0 - level) / 2.0)).unwrap_or(1.959_963_984_540_054);
        last.set((level, z));
        z
    })
}

/// Byar's approximation to the exact Poisson interval for a count `x`.
/// L = x(1 − 1/(9x) − z/(3√x))³, U = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³; L = 0 for x = 0.
pub fn byar(x: f64, z: f64) -> Interval {
    let lower = if x <= 0.0 { 0.0 } else { x * (1.0 - 1.0 / (9.0 * x) - z / (3.0 * x.sqrt())).powi(3) };
    let x1 = x.max(0.0) + 1.0;
    let upper = x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * x1.sqrt())).powi(3);
    Interval { lower: lower.max(0.0), upper }
}

/// Counts below this have the exact interval's lower bound 0 ([`exact_poisson`]).
const TINY_COUNT: f64 = 1e-6;

/// The exact Poisson interval for a count `x` (Garwood): L = χ²(α/2; 2x)/2,
/// U = χ²(1 − α/2; 2x + 2)/2, with L = 0 for x = 0. `level` as [`level_fraction`] reads it;
/// NaN bounds for a level it rejects. Works for fractional counts (a split municipality's share).
pub fn exact_poisson(x: f64, level: f64) -> Interval {
    let Some(level) = level_fraction(level) else { return Interval { lower: f64::NAN, upper: f64::NAN } };
    let alpha = 1.0 - level;
    let x = x.max(0.0);
    let quantile = |df: f64, p: f64| ChiSquared::new(df).map(|c| c.inverse_cdf(p) / 2.0).unwrap_or(f64::NAN);
    // Below a millionth of an event the lower bound is taken as 0 (χ²(p; df) ≈
    // (p·2^(df/2)·Γ(df/2 + 1))^(2/df) is far below the count there), and statrs' search
    // panics for a subnormal df (the fuzzer's x = 2e-323): no quantile is asked for.
    let lower = if x < TINY_COUNT { 0.0 } else { quantile(2.0 * x, alpha / 2.0) };
    Interval { lower, upper: quantile(2.0 * x + 2.0, 1.0 - alpha / 2.0) }
}

/// The interval on a Poisson count `x` that rates use: exact below
/// [`EXACT_POISSON_BELOW`] (10) events, Byar's approximation from 10 on — the switch of
/// PHEindicatormethods' `phe_rate`. Byar's lower limit is up to 48 % too low at x = 1.
pub fn poisson_interval(x: f64, level: f64) -> Interval {
    if x < EXACT_POISSON_BELOW {
        exact_poisson(x, level)
    } else {
        byar(x, z_for_level(level))
    }
}

/// Wilson score interval for `x` successes of `n`: bounds always within [0, 1].
pub fn wilson(x: f64, n: f64, z: f64) -> Interval {
    if n <= 0.0 {
        return Interval { lower: 0.0, upper: 1.0 };
    }
    let x = x.clamp(0.0, n);
    let z2 = z * z;
    let root = z * (z2 + 4.0 * x * (1.0 - x / n)).sqrt();
    let denom = 2.0 * (n + z2);
    Interval {
        lower: ((2.0 * x + z2 - root) / denom).clamp(0.0, 1.0),
        upper: ((2.0 * x + z2 + root) / denom).clamp(0.0, 1.0),
    }
}

/// Exact Clopper–Pearson interval from beta quantiles. `level` as [`level_fraction`] reads
/// it; NaN bounds for a level it rejects.
pub fn clopper_pearson(x: f64, n: f64, level: f64) -> Interval {
    let Some(level) = level_fraction(level) else { return Interval { lower: f64::NAN, upper: f64::NAN } };
    if n <= 0.0 {
        return Interval { lower: 0.0, upper: 1.0 };
    }
    let alpha = 1.0 - level;
    let x = x.clamp(0.0, n);
    let lower = if x <= 0.0 {
        0.0
    } else {
        Beta::new(x, n - x + 1.0).map(|b| b.inverse_cdf(alpha / 2.0)).unwrap_or(0.0)
    };
    let upper = if x >= n {
        1.0
    } else {
        Beta::new(x + 1.0, n - x).map(|b| b.inverse_cdf(1.0 - alpha / 2.0)).unwrap_or(1.0)
    };
    Interval { lower: lower.clamp(0.0, 1.0), upper: upper.clamp(0.0, 1.0) }
}
