//! Trends as small multiples: one small chart per area (the region's or the nation's areas,
//! then the region and the nation) of one indicator over the periods, on a shared axis, each
//! value with its interval; suppressed periods marked ×, never drawn as 0. Each chart's
//! accessible name lists its values; the same numbers are in the comparison and panels.

use yew::prelude::*;

use super::figure_controls::{indicator_select, section_heading};
use super::figure_panel::area_name;
use crate::figures::funnel::{tick_digits, ticks};
use crate::figures::key_figures::{AreaLevel, Figure, FigureStatus, NATION};
use crate::web::format;
use crate::web::i18n::{self, tr, Key};

pub type TrendsProps = super::keyfigures::KeyFiguresProps;

const W: f64 = 200.0;
const H: f64 = 120.0;
const LEFT: f64 = 34.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 22.0;

fn n(v: f64) -> String {
    format!("{v:.1}")
}

#[component]
pub fn Trends(props: &TrendsProps) -> Html {
    let lang = props.lang;
    let indicator = use_state(|| 0usize);
    let data = &props.report.dataset;
    let figures = &props.figures;
    let indicators = figures.indicators();
    if indicators.is_empty() || figures.periods.len() < 2 {
        return html! {};
    }
    let index = if *indicator < indicators.len() { *indicator } else { 0 };
    let ind = &indicators[index];
    let periods = &ind.periods;
    let region = props.region.as_deref().filter(|r| data.region(r).is_some());
    let mut areas: Vec<(AreaLevel, String, String)> =
        data.areas.iter().filter(|a| region.is_none_or(|r| a.region == r)).map(|a| (AreaLevel::Cluster, a.id.clone(), a.name.clone())).collect();
    if let Some(r) = region {
        areas.push((AreaLevel::Region, r.to_string(), area_name(data, r, lang)));
    }
    areas.push((AreaLevel::Nation, NATION.to_string(), tr(Key::Nation, lang).to_string()));
    let series = |level: AreaLevel, area: &str| -> Vec<Option<&Figure>> { periods.iter().map(|p| figures.get(index, level, area, p)).collect() };
    // One axis for all panels: from the lowest lower limit to the highest upper limit.
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (level, area, _) in &areas {
        for f in series(*level, area).into_iter().flatten().filter(|f| f.status == FigureStatus::Ok) {
            lo = lo.min(f.lower.or(f.value).unwrap_or(lo));
            hi = hi.max(f.upper.or(f.value).unwrap_or(hi));
        }
    }
    if !lo.is_finite() || !hi.is_finite() {
        return html! {};
    }
    let (yt, step) = ticks(lo, hi);
    let (lo, hi) = (yt.first().copied().unwrap_or(lo), yt.last().copied().filter(|h| *h > lo).unwrap_or(lo + step));
    let y = |v: f64| TOP + (1.0 - (v - lo) / (hi - lo)) * (H - TOP - BOTTOM);
    let x = |i: usize| LEFT + 10.0 + i as f64 * (W - LEFT - 20.0) / (periods.len().max(2) - 1) as f64;
    let digits = tick_digits(step);
    let id = |suffix: &str| format!("{}-trends-{suffix}", props.id);
    let panel = |level: AreaLevel, area: &str, name: &str| {
        let s = series(level, area);
        let values: Vec<String> = periods
            .iter()
            .zip(&s)
            .map(|(p, f)| match f.filter(|f| f.status == FigureStatus::Ok).and_then(|f| Some((f.value?, f.lower?, f.upper?))) {
                Some((v, l, u)) => format!("{p} {} ({})", format::figure(v, lang), super::figure_panel::interval_text(l, u, lang)),
                None if f.is_some_and(|f| f.status == FigureStatus::Suppressed) => format!("{p} {}", i18n::suppressed_short(lang)),
                None => format!("{p} –"),
            })
            .collect();
        let points: Vec<(usize, f64)> = s.iter().enumerate().filter_map(|(i, f)| f.filter(|f| f.status == FigureStatus::Ok).and_then(|f| f.value).map(|v| (i, v))).collect();
        let line = points.iter().enumerate().map(|(k, (i, v))| format!("{}{} {}", if k == 0 { "M" } else { " L" }, n(x(*i)), n(y(*v)))).collect::<String>();
        html! {
            <figure class="sk-trend-panel" data-area={area.to_string()}>
                <figcaption>{ name }</figcaption>
                <svg role="img" aria-label={i18n::trend_label(name, &values, lang)} viewBox={format!("0 0 {W} {H}")} preserveAspectRatio="xMinYMin meet">
                    { for [lo, hi].iter().map(|t| html! {
                        <>
                            <line class="sk-chart-gridline" x1={n(LEFT)} x2={n(W - 4.0)} y1={n(y(*t))} y2={n(y(*t))} />
                            <text class="sk-funnel-tick" x={n(LEFT - 4.0)} y={n(y(*t) + 5.0)} text-anchor="end">{ format::number(*t, format::Style::Fixed(digits), lang) }</text>
                        </>
                    }) }
                    <path class="sk-trend-line" d={line} />
                    { for s.iter().enumerate().map(|(i, f)| match f.filter(|f| f.status == FigureStatus::Ok).and_then(|f| Some((f.value?, f.lower?, f.upper?))) {
                        Some((v, l, u)) => html! {
                            <>
                                <line class="sk-chart-whisker" x1={n(x(i))} x2={n(x(i))} y1={n(y(l.max(lo)))} y2={n(y(u.min(hi)))} />
                                <circle class="sk-chart-dot" cx={n(x(i))} cy={n(y(v))} r="4" />
                            </>
                        },
                        None => html! { <text class="sk-trend-missing" x={n(x(i))} y={n(H - BOTTOM - 4.0)} text-anchor="middle">{ "×" }</text> },
                    }) }
                    <text class="sk-funnel-tick" x={n(x(0) - 8.0)} y={n(H - 4.0)} text-anchor="start">{ &periods[0] }</text>
                    <text class="sk-funnel-tick" x={n(W - 2.0)} y={n(H - 4.0)} text-anchor="end">{ &periods[periods.len() - 1] }</text>
                </svg>
            </figure>
        }
    };
    html! {
        <section class="sk-trends" data-testid="trends" aria-labelledby={id("heading")}>
            { section_heading(&id("heading"), tr(Key::Trends, lang), ind.synthetic, lang) }
            { indicator_select(&id("indicator"), indicators, index, &indicator, lang) }
            <p class="sk-hint">{ tr(Key::TrendsHint, lang) }{ " " }{ format!("({})", ind.unit.get(lang)) }</p>
            <div class="sk-trend-grid">
                { for areas.iter().map(|(level, area, name)| panel(*level, area, name)) }
            </div>
        </section>
    }
}
