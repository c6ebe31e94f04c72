//! The funnel plot of one indicator and period: municipalities or areas (clusters, councils)
//! by value against size, with the 95 % and 99.8 % control limits around the nation's or the
//! region's value, drawn as inline SVG from the core's geometry (`crate::figures::funnel`).
//! Every point is keyboard-reachable with an accessible name; the shape (▲ above, ▼ below,
//! filled outside 99.8 %) carries the position as well as the colour; the areas outside are
//! named, and a table holds every number as the text alternative.

use yew::prelude::*;

use super::figure_controls::{among_fieldset, indicator_select, no_data, section_heading, table_caption};
use super::figure_panel::area_name;
use crate::figures::funnel::{funnel, layout, tick_digits, Frame, Funnel, Measure};
use crate::figures::key_figures::{AreaLevel, Figure, NATION};
use crate::figures::stats::Outlier;
use crate::model::text::Lang;
use crate::web::format;
use crate::web::i18n::{self, tr, Key};

/// The funnel takes the same inputs as the key-figure section.
pub type FunnelProps = super::keyfigures::KeyFiguresProps;

const FRAME: Frame = Frame { width: 400.0, height: 300.0, left: 46.0, right: 10.0, top: 12.0, bottom: 46.0 };

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The marker of a point: a circle inside, a triangle up (above) or down (below) outside;
/// filled outside 99.8 %.
fn marker(o: Outlier, x: f64, y: f64) -> (String, &'static str) {
    let r = 6.0;
    let up = format!("M{} {} L{} {} L{} {} Z", n(x), n(y - r), n(x + r), n(y + r * 0.8), n(x - r), n(y + r * 0.8));
    let down = format!("M{} {} L{} {} L{} {} Z", n(x), n(y + r), n(x + r), n(y - r * 0.8), n(x - r), n(y - r * 0.8));
    let circle = format!("M{} {} a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0 Z", n(x - 4.0), n(y));
    match o {
        Outlier::Within => (circle, "sk-funnel-within"),
        Outlier::High95 => (up, "sk-funnel-out95"),
        Outlier::High998 => (up, "sk-funnel-out998"),
        Outlier::Low95 => (down, "sk-funnel-out95"),
        Outlier::Low998 => (down, "sk-funnel-out998"),
    }
}

fn value_text(v: f64, lang: Lang) -> String {
    format::figure(v, lang)
}

fn size_text(f: &Funnel, x: f64, lang: Lang) -> String {
    if f.measure == Measure::Ratio {
        format::figure(x, lang)
    } else {
        format::count(x, lang)
    }
}

fn plot(f: &Funnel, label: &str, axes: &(String, String), lang: Lang) -> Html {
    let g = layout(f, FRAME);
    let bottom = FRAME.height - FRAME.bottom;
    let right = FRAME.width - FRAME.right;
    let y_digits = tick_digits(g.y_step);
    html! {
        <svg class="sk-funnel-plot" role="group" aria-label={label.to_string()}
            viewBox={format!("0 0 {} {}", FRAME.width, FRAME.height)} preserveAspectRatio="xMinYMin meet">
            <g class="sk-funnel-grid" aria-hidden="true">
                { for g.y_ticks.iter().map(|(y, v)| html! {
                    <>
                        <line class="sk-chart-gridline" x1={n(FRAME.left)} x2={n(right)} y1={n(*y)} y2={n(*y)} />
                        <text class="sk-funnel-tick" x={n(FRAME.left - 4.0)} y={n(y + 5.0)} text-anchor="end">{ format::number(*v, format::Style::Fixed(y_digits), lang) }</text>
                    </>
                }) }
                { for g.x_ticks.iter().enumerate().filter(|(i, _)| i % 2 == 0).map(|(_, (x, v))| html! {
                    <text class="sk-funnel-tick" x={n(*x)} y={n(bottom + 18.0)} text-anchor="middle">{ format::number(*v, format::Style::Fixed(tick_digits(g.x_step)), lang) }</text>
                }) }
                <line class="sk-chart-axis" x1={n(FRAME.left)} x2={n(right)} y1={n(bottom)} y2={n(bottom)} />
                <line class="sk-chart-axis" x1={n(FRAME.left)} x2={n(FRAME.left)} y1={n(FRAME.top)} y2={n(bottom)} />
                <text class="sk-funnel-axis-label" x={n(FRAME.left + FRAME.plot_width() / 2.0)} y={n(FRAME.height - 4.0)} text-anchor="middle">{ &axes.1 }</text>
                <line class="sk-funnel-target" x1={n(FRAME.left)} x2={n(right)} y1={n(g.target_y)} y2={n(g.target_y)} />
                <path class="sk-funnel-limit95" d={g.limit_paths[0].clone()} />
                <path class="sk-funnel-limit95" d={g.limit_paths[1].clone()} />
                <path class="sk-funnel-limit998" d={g.limit_paths[2].clone()} stroke-dasharray="6 4" />
                <path class="sk-funnel-limit998" d={g.limit_paths[3].clone()} stroke-dasharray="6 4" />
            </g>
            { for f.points.iter().zip(&g.points).map(|(p, (x, y))| {
                let (d, class) = marker(p.outlier, *x, *y);
                let name = i18n::funnel_point(&p.name, &value_text(p.y, lang), &size_text(f, p.x, lang), i18n::outlier(p.outlier, lang), lang);
                html! {
                    <path class={classes!("sk-funnel-point", class)} d={d} tabindex="0" role="img" aria-label={name.clone()} data-area={p.area.clone()} data-outlier={p.outlier.code()}>
                        <title>{ name }</title>
                    </path>
                }
            }) }
        </svg>
    }
}

#[component]
pub fn FunnelPlot(props: &FunnelProps) -> Html {
    let lang = props.lang;
    let indicator = use_state(|| 0usize);
    let among = use_state(|| AreaLevel::Municipality);
    let figures = &props.figures;
    let data = &props.report.dataset;
    let indicators = figures.indicators();
    let Some(period) = props.period.as_deref() else { return html! {} };
    if indicators.is_empty() {
        return html! {};
    }
    let index = if *indicator < indicators.len() { *indicator } else { 0 };
    let ind = &indicators[index];
    let region = props.region.as_deref().filter(|r| data.region(r).is_some());
    let (reference_level, reference_area) = match region {
        Some(r) => (AreaLevel::Region, r),
        None => (AreaLevel::Nation, NATION),
    };
    let in_region = |f: &Figure| match region {
        None => true,
        Some(r) => match f.level {
            AreaLevel::Municipality => data.municipality(&f.area).is_some_and(|m| m.region == r),
            _ => data.area(&f.area).is_some_and(|a| a.region == r),
        },
    };
    let reference_name = area_name(data, reference_area, lang);
    let the_funnel = funnel(ind, *among, period, in_region, (reference_level, reference_area));

    let id = |suffix: &str| format!("{}-funnel-{suffix}", props.id);
    let measure_is_ratio = the_funnel.as_ref().is_some_and(|f| f.measure == Measure::Ratio);
    let denominator = data.indicators.iter().find(|i| i.id == ind.id).map(|i| i.denominator.get(lang).to_string()).unwrap_or_default();
    let axes = i18n::funnel_axes(measure_is_ratio, ind.unit.get(lang), &denominator, lang);
    let caption = i18n::funnel_caption(ind.name.get(lang), &axes.0, &axes.1, &reference_name, period, lang);

    html! {
        <section class="sk-funnel" data-testid="funnel" aria-labelledby={id("heading")}>
            { section_heading(&id("heading"), tr(Key::Funnel, lang), ind.synthetic, lang) }
            <div class="sk-comparison-controls">
                { indicator_select(&id("indicator"), indicators, index, &indicator, lang) }
                { among_fieldset(&id("among"), &among, lang) }
            </div>
            <p class="sk-hint">{ tr(Key::FunnelHint, lang) }</p>
            if let Some(f) = &the_funnel {
                <p class="sk-funnel-caption" id={id("caption")}>{ &caption }</p>
                <p class="sk-funnel-yaxis" aria-hidden="true">{ format!("↑ {}", axes.0) }</p>
                { plot(f, &caption, &axes, lang) }
                <p class="sk-chart-note">{ i18n::funnel_legend(&reference_name, &format::figure(f.target, lang), lang) }</p>
                <p class="sk-funnel-outside" aria-live="polite">
                    { {
                        let outside: Vec<String> = f.outside().map(|p| format!("{} ({})", p.name, i18n::outlier(p.outlier, lang).to_lowercase())).collect();
                        if outside.is_empty() { tr(Key::OutsideNone, lang).to_string() } else { i18n::outside_list(&outside, lang) }
                    } }
                </p>
                if !f.left_out.is_empty() {
                    <p class="sk-chart-note">{ i18n::not_in_chart(&f.left_out.iter().map(|l| l.name.clone()).collect::<Vec<_>>(), lang) }</p>
                }
                <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={id("table-caption")}>
                    <table class="sk-table sk-funnel-table">
                        { table_caption(&id("table-caption"), &caption, ind.synthetic, lang) }
                        <thead>
                            <tr>
                                <th scope="col">{ tr(Key::Name, lang) }</th>
                                <th scope="col">{ &axes.0 }</th>
                                <th scope="col">{ format!("{} ({})", tr(Key::Size, lang), axes.1) }</th>
                                <th scope="col">{ tr(Key::Limits95, lang) }</th>
                                <th scope="col">{ tr(Key::Limits998, lang) }</th>
                                <th scope="col">{ tr(Key::Position, lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for f.points.iter().map(|p| html! {
                                <tr data-row-area={p.area.clone()} data-outlier={p.outlier.code()}>
                                    <th scope="row">{ &p.name }</th>
                                    <td class="sk-num">{ value_text(p.y, lang) }</td>
                                    <td class="sk-num">{ size_text(f, p.x, lang) }</td>
                                    <td class="sk-num">{ super::figure_panel::interval_text(p.limits95.lower, p.limits95.upper, lang) }</td>
                                    <td class="sk-num">{ super::figure_panel::interval_text(p.limits998.lower, p.limits998.upper, lang) }</td>
                                    <td>{ i18n::outlier(p.outlier, lang) }</td>
                                </tr>
                            }) }
                            { for f.left_out.iter().map(|l| html! {
                                <tr data-row-area={l.area.clone()} data-outlier="none">
                                    <th scope="row">{ &l.name }</th>
                                    <td class="sk-num" colspan="5"><span class="sk-suppressed">{ status_text(l.status, props, lang) }</span></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            } else {
                { no_data(lang) }
            }
        </section>
    }
}

/// Why an area is not in the funnel: suppressed (with the limit), no data, invalid.
fn status_text(status: crate::figures::key_figures::FigureStatus, props: &FunnelProps, lang: Lang) -> String {
    use crate::figures::key_figures::FigureStatus::*;
    match status {
        Suppressed => i18n::suppressed(&format::count(props.options.suppress_below, lang), lang),
        Invalid => tr(Key::Invalid, lang).to_string(),
        _ => tr(Key::NoData, lang).to_string(),
    }
}
