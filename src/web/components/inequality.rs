//! Inequality drawn: for one indicator and period, the municipalities' or areas' values on
//! one axis (a strip), the lowest and highest named, the best and worst fifths marked, with
//! the range, the ratio highest/lowest and each area's gap to the best fifth in words and in
//! a table; where values are split by group, the slope and relative index of inequality
//! (SII, both RIIs) in a sentence that states the order and sign.

use yew::prelude::*;

use super::figure_controls::{among_fieldset, indicator_select, no_data, section_heading, table_caption};
use super::figure_panel::area_name;
use crate::figures::funnel::{tick_digits, ticks};
use crate::figures::key_figures::{AreaLevel, FigureStatus, NATION};
use crate::model::text::Lang;
use crate::web::format;
use crate::web::i18n::{self, tr, Key};

pub type InequalityProps = super::keyfigures::KeyFiguresProps;

const WIDTH: f64 = 400.0;
const LEFT: f64 = 14.0;
const RIGHT: f64 = 14.0;

fn n(v: f64) -> String {
    format!("{v:.1}")
}

#[component]
pub fn InequalityView(props: &InequalityProps) -> Html {
    let lang = props.lang;
    let indicator = use_state(|| 0usize);
    let among = use_state(|| AreaLevel::Municipality);
    let data = &props.report.dataset;
    let indicators = props.figures.indicators();
    let Some(period) = props.period.as_deref() else { return html! {} };
    if indicators.is_empty() {
        return html! {};
    }
    let index = if *indicator < indicators.len() { *indicator } else { 0 };
    let ind = &indicators[index];
    let scope = props.region.as_deref().filter(|r| data.region(r).is_some()).unwrap_or(NATION);
    let scope_name = area_name(data, scope, lang);
    let id = |suffix: &str| format!("{}-inequality-{suffix}", props.id);
    let inequality = ind.inequality.iter().find(|q| q.scope == scope && q.among == *among && q.period == period);
    let name_of = |level: AreaLevel, id: &str| match level {
        AreaLevel::Municipality => data.municipality(id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_string()),
        _ => area_name(data, id, lang),
    };
    let in_scope = |area: &str| match (*among, scope) {
        (_, NATION) => true,
        (AreaLevel::Municipality, r) => data.municipality(area).is_some_and(|m| m.region == r),
        (_, r) => data.area(area).is_some_and(|a| a.region == r),
    };
    let mut rows: Vec<(&str, f64, Option<f64>)> = ind
        .figures
        .iter()
        .filter(|f| f.level == *among && f.period == period && f.status == FigureStatus::Ok && f.incomplete.is_empty() && in_scope(&f.area))
        .filter_map(|f| f.value.map(|v| (f.area.as_str(), v, f.gap_to_best_fifth)))
        .collect();
    let better_first = |a: &f64, b: &f64| if ind.higher_is_better { b.total_cmp(a) } else { a.total_cmp(b) };
    rows.sort_by(|a, b| better_first(&a.1, &b.1));
    let gradients: Vec<_> = ind.gradients.iter().filter(|g| g.period == period && (g.area == scope || g.area == NATION)).collect();

    html! {
        <section class="sk-inequality" data-testid="inequality" aria-labelledby={id("heading")}>
            { section_heading(&id("heading"), &format!("{} – {}", tr(Key::Inequality, lang), scope_name), ind.synthetic, lang) }
            <div class="sk-comparison-controls">
                { indicator_select(&id("indicator"), indicators, index, &indicator, lang) }
                { among_fieldset(&id("among"), &among, lang) }
            </div>
            if let Some(q) = inequality {
                <p class="sk-inequality-sentence">
                    { i18n::inequality_sentence(
                        *among == AreaLevel::Municipality,
                        (&name_of(*among, &q.max_at), &format::figure(q.max, lang)),
                        (&name_of(*among, &q.min_at), &format::figure(q.min, lang)),
                        &format!("{} {}", format::figure(q.range, lang), ind.unit.get(lang)),
                        q.ratio.map(|r| format::number(r, format::Style::Fixed(2), lang)).as_deref(),
                        lang,
                    ) }
                </p>
                { strip(&rows, q.best_fifth, q.worst_fifth, (&name_of(*among, &q.min_at), q.min), (&name_of(*among, &q.max_at), q.max), &id("heading"), lang) }
                <p class="sk-chart-note">{ i18n::strip_legend(lang) }</p>
                <dl class="sk-figure-facts sk-inequality-facts">
                    <dt>{ tr(Key::Range, lang) }</dt><dd>{ format::figure(q.range, lang) }</dd>
                    <dt>{ tr(Key::RatioHighLow, lang) }</dt>
                    <dd>{ q.ratio.map(|r| format::number(r, format::Style::Fixed(2), lang)).unwrap_or_else(|| "–".into()) }</dd>
                    <dt>{ tr(Key::BestFifth, lang) }</dt><dd>{ format::figure(q.best_fifth, lang) }</dd>
                    <dt>{ tr(Key::WorstFifth, lang) }</dt><dd>{ format::figure(q.worst_fifth, lang) }</dd>
                </dl>
                if scope == NATION {
                    <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={id("caption")}>
                        <table class="sk-table sk-inequality-table">
                            { table_caption(&id("caption"), &format!("{}: {}, {}", tr(Key::GapToBestFifth, lang), ind.name.get(lang), period), ind.synthetic, lang) }
                            <thead><tr>
                                <th scope="col">{ tr(Key::Name, lang) }</th>
                                <th scope="col">{ tr(Key::Value, lang) }</th>
                                <th scope="col">{ tr(Key::GapToBestFifth, lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for rows.iter().map(|(area, v, gap)| html! {
                                    <tr data-row-area={area.to_string()}>
                                        <th scope="row">{ name_of(*among, area) }</th>
                                        <td class="sk-num">{ format::figure(*v, lang) }</td>
                                        <td class="sk-num">{ gap.map(|g| format::number(g, format::Style::Signed(1), lang)).unwrap_or_else(|| "–".into()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            } else {
                { no_data(lang) }
            }
            if !gradients.is_empty() {
                <h4>{ tr(Key::Gradient, lang) }</h4>
                { for gradients.iter().map(|g| html! {
                    <p class="sk-gradient-sentence" data-area={g.area.clone()}>
                        { i18n::gradient_sentence(
                            &area_name(data, &g.area, lang),
                            &format::number(g.sii, format::Style::Signed(1), lang),
                            g.sii > 0.0,
                            g.rii_ends.map(|r| format::number(r, format::Style::Fixed(2), lang)).as_deref(),
                            g.rii.map(|r| format::number(r, format::Style::Fixed(2), lang)).as_deref(),
                            lang,
                        ) }
                    </p>
                }) }
            }
        </section>
    }
}

/// The strip: every value as a tick on one axis, the best and worst fifths' means as bands'
/// edges, the lowest and highest named. Decorative beside the sentence and the table, which
/// carry the numbers: `aria-labelledby` names it, the sentence describes it.
fn strip(rows: &[(&str, f64, Option<f64>)], best: f64, worst: f64, low: (&str, f64), high: (&str, f64), heading: &str, lang: Lang) -> Html {
    let lo = rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min).min(best.min(worst));
    let hi = rows.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max).max(best.max(worst));
    let (ticks, step) = ticks(lo, hi);
    let (lo, hi) = (ticks.first().copied().unwrap_or(lo), ticks.last().copied().unwrap_or(hi));
    let span = (hi - lo).max(f64::EPSILON);
    let x = |v: f64| LEFT + (v - lo) / span * (WIDTH - LEFT - RIGHT);
    let axis = 78.0;
    let (a, b) = (x(best.min(worst)), x(best.max(worst)));
    // A label left of the middle starts at its value, one right of it ends there: never cut.
    // The arrow stands at the value.
    let label = |v: f64, y: f64, name: &str| {
        let (anchor, text) = if x(v) < WIDTH / 2.0 { ("start", format!("↓ {name}")) } else { ("end", format!("{name} ↓")) };
        html! { <text class="sk-strip-label" x={n(x(v).clamp(LEFT, WIDTH - RIGHT))} y={n(y)} text-anchor={anchor}>{ text }</text> }
    };
    html! {
        <svg class="sk-inequality-strip" role="img" aria-labelledby={heading.to_string()} viewBox={format!("0 0 {WIDTH} 128")} preserveAspectRatio="xMinYMin meet">
            <rect class="sk-fifths" x={n(a)} y="44" width={n((b - a).max(1.0))} height="44" />
            <line class="sk-fifth-best" x1={n(x(best))} x2={n(x(best))} y1="40" y2="92" />
            <line class="sk-fifth-worst" x1={n(x(worst))} x2={n(x(worst))} y1="40" y2="92" stroke-dasharray="5 3" />
            { for rows.iter().map(|(_, v, _)| html! { <line class="sk-strip-tick" x1={n(x(*v))} x2={n(x(*v))} y1="54" y2="78" /> }) }
            <line class="sk-chart-axis" x1={n(LEFT)} x2={n(WIDTH - RIGHT)} y1={n(axis + 10.0)} y2={n(axis + 10.0)} />
            { for ticks.iter().map(|t| html! {
                <text class="sk-funnel-tick" x={n(x(*t))} y="122" text-anchor="middle">{ format::number(*t, format::Style::Fixed(tick_digits(step)), lang) }</text>
            }) }
            { label(low.1, 18.0, low.0) }
            { label(high.1, 36.0, high.0) }
        </svg>
    }
}
