//! Funnel-plot control limits (Spiegelhalter 2005): around a target value, the range an
//! area of a given size would fall in by chance alone, at 95 % and 99.8 %.
//!
//! As PHEindicatormethods' `calculate_funnel_limits`:
//! - counts (rates and standardised ratios): exact Poisson limits for every size. At
//!   denominator n with target θ per unit (expected events E = θ·n), the lower limit is
//!   O_L / n where the exact upper confidence limit of O_L events is E, the upper limit
//!   O_U / n where the exact lower confidence limit of O_U is E (chi-square / gamma
//!   quantiles, solved for a continuous O). For a ratio, n is the expected events and θ
//!   the target ratio (1 for the reference itself).
//! - proportions: the Wilson score limits inverted around the target proportion p₀
//!   (PHE's `sigma_adjustment`), clamped to [0, 1].

use statrs::function::gamma::gamma_lr;

use super::ci::{level_fraction, z_for_level, Interval};

/// Where an area lies against the control limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outlier {
    /// Inside the 95 % limits.
    Within,
    /// Above the 95 % limit, inside the 99.8 % limit.
    High95,
    /// Above the 99.8 % limit.
    High998,
    /// Below the 95 % limit, inside the 99.8 % limit.
    Low95,
    /// Below the 99.8 % limit.
    Low998,
}

impl Outlier {
    /// Classifies `value` against the 95 % and 99.8 % limits. A value on a limit is inside.
    pub fn classify(value: f64, l95: Interval, l998: Interval) -> Outlier {
        if value > l998.upper {
            Outlier::High998
        } else if value > l95.upper {
            Outlier::High95
        } else if value < l998.lower {
            Outlier::Low998
        } else if value < l95.lower {
            Outlier::Low95
        } else {
            Outlier::Within
        }
    }

    /// `"within"`, `"high-95"`, `"high-99.8"`, `"low-95"`, `"low-99.8"`.
    pub fn code(self) -> &'static str {
        match self {
            Outlier::Within => "within",
            Outlier::High95 => "high-95",
            Outlier::High998 => "high-99.8",
            Outlier::Low95 => "low-95",
            Outlier::Low998 => "low-99.8",
        }
    }

    pub fn is_outside(self) -> bool {
        self != Outlier::Within
    }
}

/// Bisection for the `x` in `[lo, hi]` where the decreasing function `f` crosses `target`.
fn solve_decreasing(f: impl Fn(f64) -> f64, target: f64, mut lo: f64, mut hi: f64) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if f(mid) > target {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-12 * hi.max(1.0) {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// Exact Poisson control limits on a count around `expected` events: the (continuous)
/// counts [O_L, O_U] whose exact upper / lower confidence limits are `expected`. `None` for
/// an expected count that is not positive and finite or a level [`level_fraction`] rejects.
pub fn poisson_count_limits(expected: f64, level: f64) -> Option<Interval> {
    let level = level_fraction(level)?;
    if !(expected.is_finite() && expected > 0.0) {
        return None;
    }
    let half = (1.0 - level) / 2.0;
    // U(O) = E ⇔ P(O + 1, E) = 1 − α/2, P the regularised lower gamma function (decreasing in O).
    let p_upper = |o: f64| gamma_lr(o + 1.0, expected);
    let lower = if p_upper(0.0) <= 1.0 - half { 0.0 } else { solve_decreasing(p_upper, 1.0 - half, 0.0, expected) };
    // L(O) = E ⇔ P(O, E) = α/2 (decreasing in O); O_U lies above E.
    let p_lower = |o: f64| gamma_lr(o, expected);
    let mut hi = expected + 1.0;
    while p_lower(hi) > half && hi < 1e15 {
        hi = expected + 2.0 * (hi - expected);
    }
    let upper = solve_decreasing(p_lower, half, expected, hi);
    Some(Interval { lower, upper })
}

/// Control limits on a rate (events per unit of `denominator`, before any multiplier) around
/// the target rate `target`: [`poisson_count_limits`] of E = target × denominator, divided by
/// the denominator. For a standardised ratio pass the expected events as the denominator and
/// the target ratio (1 for the reference) as the target.
pub fn poisson_limits(denominator: f64, target: f64, level: f64) -> Option<Interval> {
    if !(denominator.is_finite() && denominator > 0.0 && target.is_finite() && target > 0.0) {
        return None;
    }
    poisson_count_limits(target * denominator, level).map(|i| i.scale(1.0 / denominator))
}

/// Control limits on a proportion (a fraction, before any multiplier) of `denominator` around
/// the target proportion `target` (PHE's `sigma_adjustment`: the Wilson score interval
/// inverted), clamped to [0, 1]. `None` for a denominator that is not positive, a target
/// outside [0, 1] or a level [`level_fraction`] rejects.
pub fn proportion_limits(denominator: f64, target: f64, level: f64) -> Option<Interval> {
    level_fraction(level)?;
    if !(denominator.is_finite() && denominator > 0.0 && (0.0..=1.0).contains(&target)) {
        return None;
    }
    let (n, p) = (denominator, target);
    let z2 = z_for_level(level).powi(2);
    let first = p * (n / z2 + 1.0);
    let root = ((8.0 * p * (n / z2 + 1.0)).powi(2) - 64.0 * (1.0 / z2 + 1.0 / n) * p * (n * (p * (n / z2 + 2.0) - 1.0) + z2 * (p - 1.0))).max(0.0).sqrt();
    let last = 1.0 / z2 + 1.0 / n;
    let lower = (first - root / 8.0) / last / n;
    let upper = (first + root / 8.0) / last / n;
    Some(Interval { lower: lower.clamp(0.0, 1.0), upper: upper.clamp(0.0, 1.0) })
}
