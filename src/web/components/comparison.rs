//! The clusters side by side for one indicator and period: a dot chart with interval
//! whiskers (one row per cluster, the region's or the nation's value as a reference
//! line) and a sortable table with the same numbers, which is the chart's text
//! alternative. Only SVG presentation attributes and classes: no inline styles.

use std::cmp::Ordering;

use yew::prelude::*;

use super::figure_controls::{indicator_select, section_heading, table_caption};
use super::figure_panel::{area_name, value_text};
use crate::figures::funnel::{tick_digits, ticks};
use crate::figures::key_figures::{AreaLevel, Figure, FigureStatus, NATION};
use crate::model::text::Lang;
use crate::web::format;
use crate::web::i18n::{self, tr, Key};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Region,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Name,
    Value,
    Lower,
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sort {
    key: SortKey,
    ascending: bool,
}

/// The comparison view takes the same inputs as the key-figure section.
pub type ComparisonProps = super::keyfigures::KeyFiguresProps;

struct Row<'a> {
    id: &'a str,
    name: &'a str,
    figure: Option<&'a Figure>,
}

impl Row<'_> {
    fn number(&self, key: SortKey) -> Option<f64> {
        let f = self.figure.filter(|f| f.status == FigureStatus::Ok)?;
        match key {
            SortKey::Name => None,
            SortKey::Value => f.value,
            SortKey::Lower => f.lower,
            SortKey::Upper => f.upper,
        }
    }
}

/// Orders rows: by name, or by a number with rows without one last in either direction.
fn sort_rows(rows: &mut [Row], sort: Sort, lang: Lang) {
    rows.sort_by(|a, b| {
        let by_name = format::compare_names(a.name, b.name, lang);
        let primary = match sort.key {
            SortKey::Name => by_name,
            key => match (a.number(key), b.number(key)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => return by_name,
            },
        };
        let primary = if sort.ascending { primary } else { primary.reverse() };
        primary.then(by_name)
    });
}

const WIDTH: f64 = 440.0;
const MARGIN: f64 = 12.0;
const TOP: f64 = 34.0;
const ROW: f64 = 38.0;
const BOTTOM: f64 = 34.0;

/// The dot chart of the rows that have a value.
fn chart(rows: &[&Row], reference: Option<(&str, f64)>, label: &str, lang: Lang) -> Html {
    let values: Vec<(&str, f64, f64, f64)> = rows
        .iter()
        .filter_map(|r| {
            let f = r.figure?;
            Some((r.name, f.value?, f.lower?, f.upper?))
        })
        .collect();
    if values.is_empty() {
        return html! {};
    }
    let mut lo = values.iter().map(|v| v.2).fold(f64::INFINITY, f64::min);
    let mut hi = values.iter().map(|v| v.3).fold(f64::NEG_INFINITY, f64::max);
    if let Some((_, r)) = reference {
        lo = lo.min(r);
        hi = hi.max(r);
    }
    let (ticks, step) = ticks(lo, hi);
    let lo = ticks.first().copied().unwrap_or(lo);
    let hi = ticks.last().copied().filter(|h| *h > lo).unwrap_or(lo + step);
    let digits = tick_digits(step);
    let plot = WIDTH - 2.0 * MARGIN;
    let x = |v: f64| MARGIN + (v - lo) / (hi - lo) * plot;
    let height = TOP + ROW * values.len() as f64 + BOTTOM;
    let axis_y = TOP + ROW * values.len() as f64 + 4.0;
    let n = |v: f64| format!("{v:.1}");
    html! {
        <svg class="sk-dot-chart" role="img" aria-label={label.to_string()}
            viewBox={format!("0 0 {WIDTH} {}", n(height))} width={n(WIDTH)} height={n(height)}
            preserveAspectRatio="xMinYMin meet" focusable="false">
            <g class="sk-chart-grid">
                { for ticks.iter().map(|t| html! {
                    <>
                        <line class="sk-chart-gridline" x1={n(x(*t))} x2={n(x(*t))} y1={n(TOP - 6.0)} y2={n(axis_y)} />
                        <text class="sk-chart-tick" x={n(x(*t))} y={n(axis_y + 18.0)} text-anchor="middle">
                            { format::number(*t, format::Style::Fixed(digits), lang) }
                        </text>
                    </>
                }) }
                <line class="sk-chart-axis" x1={n(MARGIN)} x2={n(WIDTH - MARGIN)} y1={n(axis_y)} y2={n(axis_y)} />
            </g>
            if let Some((_, value)) = reference {
                <line class="sk-chart-refline" x1={n(x(value))} x2={n(x(value))} y1={n(TOP - 10.0)} y2={n(axis_y)} stroke-dasharray="6 4" />
            }
            { for values.iter().enumerate().map(|(i, (name, value, lower, upper))| {
                let top = TOP + ROW * i as f64;
                let y = top + 26.0;
                html! {
                    <g class="sk-chart-row">
                        <text class="sk-chart-name" x={n(MARGIN)} y={n(top + 13.0)}>{ *name }</text>
                        <line class="sk-chart-whisker" x1={n(x(*lower))} x2={n(x(*upper))} y1={n(y)} y2={n(y)} />
                        <line class="sk-chart-whisker" x1={n(x(*lower))} x2={n(x(*lower))} y1={n(y - 5.0)} y2={n(y + 5.0)} />
                        <line class="sk-chart-whisker" x1={n(x(*upper))} x2={n(x(*upper))} y1={n(y - 5.0)} y2={n(y + 5.0)} />
                        <circle class="sk-chart-dot" cx={n(x(*value))} cy={n(y)} r="5" />
                    </g>
                }
            }) }
            if let Some((name, value)) = reference {
                <text class="sk-chart-reflabel" x={n(if x(value) > WIDTH / 2.0 { x(value) - 4.0 } else { x(value) + 4.0 })} y={n(TOP - 14.0)}
                    text-anchor={if x(value) > WIDTH / 2.0 { "end" } else { "start" }}>
                    { format!("{name}: {}", format::figure(value, lang)) }
                </text>
            }
        </svg>
    }
}

fn municipality_names(data: &crate::model::Dataset, codes: &[String]) -> Vec<String> {
    codes.iter().map(|c| data.municipality(c).map(|m| m.name.clone()).unwrap_or_else(|| c.clone())).collect()
}

#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let lang = props.lang;
    let indicator = use_state(|| 0usize);
    let scope = use_state(|| Scope::Region);
    let sort = use_state(|| Sort { key: SortKey::Name, ascending: true });
    let figures = &props.figures;
    let data = &props.report.dataset;
    let indicators = figures.indicators();
    if indicators.is_empty() {
        return html! {};
    }
    let index = if *indicator < indicators.len() { *indicator } else { 0 };
    let ind = &indicators[index];
    let region = props.region.as_deref().filter(|r| data.region(r).is_some());
    let scope_now = if region.is_none() { Scope::All } else { *scope };
    let period = props.period.as_deref();

    let mut rows: Vec<Row> = data
        .areas
        .iter()
        .filter(|c| scope_now == Scope::All || Some(c.region.as_str()) == region)
        .map(|c| Row { id: &c.id, name: &c.name, figure: period.and_then(|p| figures.get(index, AreaLevel::Cluster, &c.id, p)) })
        .collect();
    sort_rows(&mut rows, *sort, lang);

    let (reference_level, reference_area) = match (scope_now, region) {
        (Scope::Region, Some(r)) => (AreaLevel::Region, r),
        _ => (AreaLevel::Nation, NATION),
    };
    let reference_name = area_name(data, reference_area, lang);
    let reference_value = period
        .and_then(|p| figures.get(index, reference_level, reference_area, p))
        .filter(|f| f.status == FigureStatus::Ok)
        .and_then(|f| f.value);
    let scope_text = match (scope_now, region) {
        (Scope::Region, Some(r)) => i18n::in_region(&area_name(data, r, lang), lang),
        _ => tr(Key::WholeCountry, lang).to_string(),
    };
    let area_kind = figures.all.governance.area_name.get(lang);
    let caption = i18n::comparison_caption(ind.name.get(lang), ind.unit.get(lang), period.unwrap_or(""), &scope_text, area_kind);
    let chart_rows: Vec<&Row> = rows.iter().filter(|r| r.figure.is_some_and(|f| f.status == FigureStatus::Ok && f.value.is_some())).collect();
    let left_out: Vec<String> = rows.iter().filter(|r| !chart_rows.iter().any(|c| c.id == r.id)).map(|r| r.name.to_string()).collect();
    let reference_text = match reference_value {
        Some(v) => format!("{reference_name} ({})", format::figure(v, lang)),
        None => reference_name.clone(),
    };

    let heading_id = format!("{}-comparison", props.id);
    let caption_id = format!("{}-comparison-caption", props.id);
    let scope_name = format!("{}-comparison-scope", props.id);

    let on_scope = |value: Scope| {
        let scope = scope.clone();
        Callback::from(move |_: Event| scope.set(value))
    };
    let header = |key: SortKey, label: &str| {
        let current = *sort;
        let active = current.key == key;
        let aria_sort = active.then_some(if current.ascending { "ascending" } else { "descending" });
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let ascending = if current.key == key { !current.ascending } else { true };
                sort.set(Sort { key, ascending });
            })
        };
        let arrow = match aria_sort {
            Some("ascending") => "↑",
            Some(_) => "↓",
            None => "↕",
        };
        html! {
            <th scope="col" aria-sort={aria_sort} data-sort-key={format!("{key:?}").to_lowercase()}>
                <button type="button" class="sk-sort" {onclick}>
                    { label.to_string() }{ " " }<span class="sk-sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let compare_cell = |f: &Figure| {
        let c = match scope_now {
            Scope::Region => f.region.as_ref(),
            Scope::All => f.nation.as_ref(),
        };
        match c {
            Some(c) => i18n::comparison_short(c.significant, c.difference, lang).to_string(),
            None => "–".to_string(),
        }
    };

    html! {
        <section class="sk-comparison" data-testid="comparison" aria-labelledby={heading_id.clone()}>
            { section_heading(&heading_id, tr(Key::Comparison, lang), ind.synthetic, lang) }
            <div class="sk-comparison-controls">
                { indicator_select(&format!("{}-comparison-indicator", props.id), indicators, index, &indicator, lang) }
                <fieldset class="sk-scope">
                    <legend>{ tr(Key::ShowClusters, lang) }</legend>
                    if let Some(r) = region {
                        <label>
                            <input type="radio" name={scope_name.clone()} value="region"
                                checked={scope_now == Scope::Region} onchange={on_scope(Scope::Region)} />
                            { " " }{ i18n::in_region(&area_name(data, r, lang), lang) }
                        </label>
                    }
                    <label>
                        <input type="radio" name={scope_name.clone()} value="all"
                            checked={scope_now == Scope::All} onchange={on_scope(Scope::All)} />
                        { " " }{ tr(Key::WholeCountry, lang) }
                    </label>
                </fieldset>
            </div>
            <p class="sk-hint">{ tr(Key::ComparisonHint, lang) }</p>
            { chart(&chart_rows, reference_value.map(|v| (reference_name.as_str(), v)), &i18n::chart_label(&caption, &reference_text, lang), lang) }
            if !left_out.is_empty() {
                <p class="sk-chart-note">{ i18n::not_in_chart(&left_out, lang) }</p>
            }
            <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                <table class="sk-table sk-comparison-table">
                    { table_caption(&caption_id, &caption, ind.synthetic, lang) }
                    <thead>
                        <tr>
                            { header(SortKey::Name, area_kind) }
                            { header(SortKey::Value, tr(Key::Value, lang)) }
                            { header(SortKey::Lower, tr(Key::Lower, lang)) }
                            { header(SortKey::Upper, tr(Key::Upper, lang)) }
                            <th scope="col">{ i18n::compared_with(&reference_name, reference_value.map(|v| format::figure(v, lang)).as_deref(), lang) }</th>
                            <th scope="col">{ tr(Key::Responsible, lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let f = row.figure.filter(|f| f.status == FigureStatus::Ok);
                            html! {
                                <tr data-row-area={row.id.to_string()}>
                                    <th scope="row">
                                        { row.name }
                                        if let Some(f) = row.figure.filter(|f| !f.incomplete.is_empty()) {
                                            <span class="sk-incomplete-mark">{ format!(" ({})", i18n::without(&municipality_names(data, &f.incomplete), lang)) }</span>
                                        }
                                    </th>
                                    <td class="sk-num">{ value_text(row.figure, ind, &props.options, lang) }</td>
                                    <td class="sk-num">{ f.and_then(|f| f.lower).map(|v| format::figure(v, lang)).unwrap_or_else(|| "–".into()) }</td>
                                    <td class="sk-num">{ f.and_then(|f| f.upper).map(|v| format::figure(v, lang)).unwrap_or_else(|| "–".into()) }</td>
                                    <td>{ f.map(compare_cell).unwrap_or_else(|| "–".into()) }</td>
                                    <td>{ row.figure.and_then(|f| f.responsible.as_ref()).map(|r| r.name.get(lang).to_string()).unwrap_or_else(|| "–".into()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
