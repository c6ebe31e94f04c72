//! Confidence intervals. Quantiles come from `statrs` rather than hand-written
//! approximations: the normal and beta inverse CDFs are easy to get subtly wrong.

use statrs::distribution::{Beta, ContinuousCDF, Normal};

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

/// The standard-normal quantile for a two-sided interval at `level` (e.g. 0.95 → 1.95996).
/// Levels outside (0, 1) fall back to 0.95.
pub fn z_for_level(level: f64) -> f64 {
    use std::cell::Cell;
    thread_local! {
        // The last level asked for: a computation asks for one level thousands of times.
        static LAST: Cell<(f64, f64)> = const { Cell::new((f64::NAN, f64::NAN)) };
    }
    let level = if level > 0.0 && level < 1.0 { level } else { 0.95 };
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

/// Exact Clopper–Pearson interval from beta quantiles.
pub fn clopper_pearson(x: f64, n: f64, level: f64) -> Interval {
    if n <= 0.0 {
        return Interval { lower: 0.0, upper: 1.0 };
    }
    let level = if level > 0.0 && level < 1.0 { level } else { 0.95 };
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
