//! Funnel plots (Spiegelhalter 2005) of one indicator and period: each area's value against
//! its size, with the 95 % and 99.8 % control limits around a reference value (the nation's
//! or a region's), the areas outside named. Pure data and geometry; the view draws it.
//!
//! What is plotted depends on the indicator:
//! - a **directly standardised rate**: the indirectly standardised ratio × 100 (SMR) against
//!   the expected events — the DSR has no simple count distribution, the SMR has;
//! - a **crude rate**: the rate against the population, exact Poisson limits;
//! - a **proportion**: the per cent against the denominator, PHE's Wilson-based limits.

use crate::figures::key_figures::{AreaLevel, Figure, FigureStatus, IndicatorFigures};
use crate::figures::stats::funnel::{poisson_limits, proportion_limits, Outlier};
use crate::figures::stats::ci::Interval;
use crate::model::indicator::IndicatorKind;

/// What a funnel plots on its axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// SMR × 100 against expected events.
    Ratio,
    /// Rate (× multiplier) against population.
    Rate,
    /// Per cent (× multiplier) against denominator.
    Proportion,
}

/// One area in the funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub area: String,
    pub name: String,
    /// The size: expected events (ratio) or the denominator.
    pub x: f64,
    /// The value in the plotted unit.
    pub y: f64,
    pub limits95: Interval,
    pub limits998: Interval,
    pub outlier: Outlier,
}

/// An area that cannot be plotted, and why (suppressed, no data, …).
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    pub area: String,
    pub name: String,
    pub status: FigureStatus,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Funnel {
    pub measure: Measure,
    pub among: AreaLevel,
    /// The reference value in the plotted unit (100 for a ratio against the nation).
    pub target: f64,
    /// The unit's multiplier (100 for a ratio × 100, per cent; 1,000 for per 1,000).
    pub multiplier: f64,
    pub points: Vec<Point>,
    pub left_out: Vec<LeftOut>,
}

impl Funnel {
    /// The control limits at size `x` and `level`, in the plotted unit.
    pub fn limits(&self, x: f64, level: f64) -> Option<Interval> {
        limits(self.measure, x, self.target / self.multiplier, level).map(|i| i.scale(self.multiplier))
    }

    /// The points outside the 95 % limits (and so also those outside the 99.8 % ones).
    pub fn outside(&self) -> impl Iterator<Item = &Point> {
        self.points.iter().filter(|p| p.outlier.is_outside())
    }
}

/// Limits at size `x` around `target` per unit (before the multiplier).
fn limits(measure: Measure, x: f64, target: f64, level: f64) -> Option<Interval> {
    match measure {
        Measure::Ratio | Measure::Rate => poisson_limits(x, target, level),
        Measure::Proportion => proportion_limits(x, target, level),
    }
}

/// The measure of an indicator's funnel.
pub fn measure_of(indicator: &IndicatorFigures) -> Measure {
    match (indicator.kind, indicator.standardised) {
        (IndicatorKind::Proportion, _) => Measure::Proportion,
        (IndicatorKind::Rate, true) => Measure::Ratio,
        (IndicatorKind::Rate, false) => Measure::Rate,
    }
}

/// A figure's (x, y) in the measure's unit, or why it has none.
fn coordinates(measure: Measure, f: &Figure) -> Result<(f64, f64), FigureStatus> {
    match measure {
        Measure::Ratio => match &f.indirect {
            Some(s) => match (s.status, s.expected, s.ratio) {
                (FigureStatus::Ok, Some(e), Some(r)) if e > 0.0 => Ok((e, r * 100.0)),
                (status, _, _) => Err(if status == FigureStatus::Ok { FigureStatus::Invalid } else { status }),
            },
            None => Err(f.status),
        },
        Measure::Rate | Measure::Proportion => match (f.status, f.value) {
            (FigureStatus::Ok, Some(v)) if f.denominator > 0.0 => Ok((f.denominator, v)),
            (status, _) => Err(status),
        },
    }
}

/// The funnel of `indicator` in `period` for the areas of level `among` that `in_scope`
/// accepts (e.g. those of one region), around the value of the `reference` area (level, id).
/// `None` when the reference has no value to draw limits around.
pub fn funnel(indicator: &IndicatorFigures, among: AreaLevel, period: &str, in_scope: impl Fn(&Figure) -> bool, reference: (AreaLevel, &str)) -> Option<Funnel> {
    let measure = measure_of(indicator);
    let multiplier = if measure == Measure::Ratio { 100.0 } else { indicator.multiplier };
    let of_period = |f: &&Figure| f.period == period;
    let reference_figure = indicator.figures.iter().filter(of_period).find(|f| f.level == reference.0 && f.area == reference.1)?;
    let (_, target) = coordinates(measure, reference_figure).ok()?;
    if !(target > 0.0 && target.is_finite()) || (measure == Measure::Proportion && target > multiplier) {
        return None;
    }
    let mut out = Funnel { measure, among, target, multiplier, points: Vec::new(), left_out: Vec::new() };
    for f in indicator.figures.iter().filter(of_period).filter(|f| f.level == among && in_scope(f)) {
        match coordinates(measure, f) {
            Ok((x, y)) => {
                let (Some(l95), Some(l998)) = (out.limits(x, 0.95), out.limits(x, 0.998)) else {
                    out.left_out.push(LeftOut { area: f.area.clone(), name: f.name.clone(), status: FigureStatus::Invalid });
                    continue;
                };
                out.points.push(Point { area: f.area.clone(), name: f.name.clone(), x, y, limits95: l95, limits998: l998, outlier: Outlier::classify(y, l95, l998) });
            }
            Err(status) => out.left_out.push(LeftOut { area: f.area.clone(), name: f.name.clone(), status }),
        }
    }
    out.points.sort_by(|a, b| a.x.total_cmp(&b.x));
    Some(out)
}

// ---------------------------------------------------------------- geometry

/// Rounded tick positions covering `lo..hi` (about five), and the step between them.
pub fn ticks(lo: f64, hi: f64) -> (Vec<f64>, f64) {
    let span = (hi - lo).max(f64::EPSILON * hi.abs().max(1.0));
    let raw = span / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let step = magnitude
        * if norm < 1.5 {
            1.0
        } else if norm < 3.0 {
            2.0
        } else if norm < 7.0 {
            5.0
        } else {
            10.0
        };
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let mut out = Vec::new();
    let mut t = first;
    while t <= last + step * 1e-6 && out.len() < 20 {
        out.push(t);
        t += step;
    }
    (out, step)
}

/// Decimals for tick labels of this step.
pub fn tick_digits(step: f64) -> u8 {
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

/// The drawing area of a plot, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }
    pub fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }
}

/// A funnel laid out in a frame: points, the four limit lines as SVG path data, the target
/// line and the axes' ticks, all in user units.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelGeometry {
    pub frame: Frame,
    /// (x, y) of each of the funnel's points, in its order.
    pub points: Vec<(f64, f64)>,
    /// Path data of the lower and upper 95 % limits, then the lower and upper 99.8 % limits.
    pub limit_paths: [String; 4],
    pub target_y: f64,
    /// (position, value) of the ticks on the size axis and on the value axis.
    pub x_ticks: Vec<(f64, f64)>,
    pub y_ticks: Vec<(f64, f64)>,
    pub x_step: f64,
    pub y_step: f64,
}

/// Lays out `funnel` in `frame`: the size axis from 0 to beyond the largest area, the value
/// axis from 0 to above the highest point and the target; limit lines are cut where they
/// leave the plot.
pub fn layout(funnel: &Funnel, frame: Frame) -> FunnelGeometry {
    let max_x = funnel.points.iter().map(|p| p.x).fold(0.0, f64::max).max(1.0) * 1.05;
    let mut max_y = funnel.points.iter().map(|p| p.y).fold(funnel.target, f64::max) * 1.15;
    if funnel.measure == Measure::Proportion {
        max_y = max_y.min(funnel.multiplier);
    }
    let (xt, x_step) = ticks(0.0, max_x);
    let (yt, y_step) = ticks(0.0, max_y);
    let x_hi = xt.last().copied().filter(|v| *v > 0.0).unwrap_or(max_x);
    let y_hi = yt.last().copied().filter(|v| *v > 0.0).unwrap_or(max_y);
    let sx = |x: f64| frame.left + x / x_hi * frame.plot_width();
    let sy = |y: f64| frame.top + (1.0 - y / y_hi) * frame.plot_height();
    // Limits sampled densely near 0, where they change fastest.
    let samples: Vec<f64> = (1..=120).map(|i| x_hi * (i as f64 / 120.0).powi(2)).collect();
    let path = |level: f64, upper: bool| {
        let mut d = String::new();
        for &x in &samples {
            let Some(l) = funnel.limits(x, level) else { continue };
            let y = if upper { l.upper } else { l.lower };
            if !(0.0..=y_hi).contains(&y) {
                if !d.is_empty() && upper {
                    break;
                }
                continue;
            }
            d.push_str(&format!("{}{:.1} {:.1}", if d.is_empty() { "M" } else { " L" }, sx(x), sy(y)));
        }
        d
    };
    FunnelGeometry {
        frame,
        points: funnel.points.iter().map(|p| (sx(p.x), sy(p.y.min(y_hi)))).collect(),
        limit_paths: [path(0.95, false), path(0.95, true), path(0.998, false), path(0.998, true)],
        target_y: sy(funnel.target),
        x_ticks: xt.iter().map(|&t| (sx(t), t)).collect(),
        y_ticks: yt.iter().map(|&t| (sy(t), t)).collect(),
        x_step,
        y_step,
    }
}
