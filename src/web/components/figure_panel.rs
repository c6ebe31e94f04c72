//! The key-figure panel of one area (a cluster, a region or the nation) for the chosen
//! period: each indicator's value with unit, interval, comparison with region and nation,
//! change since the previous period, counts, period and source. Suppressed figures say
//! so and never show 0; figures from example data carry the label next to them.

use yew::prelude::*;

use crate::figures::key_figures::{AreaLevel, Figure, FigureStatus, IndicatorFigures, IndirectFigure, KeyFigureOptions, NATION};
use crate::model::Dataset;
use crate::model::text::Lang;
use crate::rules::is_web_url;
use crate::web::format;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::{Figures, Shared};
use crate::Report;

/// The `data-figure-level` value of a level.
pub fn level_code(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Municipality => "municipality",
        AreaLevel::Cluster => "cluster",
        AreaLevel::Region => "region",
        AreaLevel::Nation => "nation",
    }
}

/// The name of an area (region by id, the nation in the language shown).
pub fn area_name(data: &Dataset, id: &str, lang: Lang) -> String {
    if id == NATION {
        return tr(Key::Nation, lang).to_string();
    }
    data.region(id).map(|r| r.name.clone()).or_else(|| data.area(id).map(|c| c.name.clone())).unwrap_or_else(|| id.to_string())
}

/// A heading of the given level (2–6).
pub fn heading(level: u8, id: Option<AttrValue>, class: Option<&'static str>, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(2, 6));
    html! { <@{tag} id={id} class={class}>{ children }</@> }
}

/// The label on every figure from example data.
pub fn synthetic_label(lang: Lang) -> Html {
    html! { <span class="sk-synthetic">{ tr(Key::Synthetic, lang) }</span> }
}

/// The number of events below which `figure` was suppressed: the suppression limit, or
/// the minimum for a directly standardised rate where that is what held it back.
pub fn suppression_limit(figure: &Figure, indicator: &IndicatorFigures, options: &KeyFigureOptions) -> f64 {
    if indicator.standardised && figure.numerator >= options.suppress_below {
        options.dsr_min_events
    } else {
        options.suppress_below
    }
}

/// The value of a figure as shown: the number, or why there is none. Never 0 for a
/// figure that has no value.
pub fn value_text(figure: Option<&Figure>, indicator: &IndicatorFigures, options: &KeyFigureOptions, lang: Lang) -> Html {
    match figure {
        Some(f) => match (f.status, f.value) {
            (FigureStatus::Ok, Some(v)) => html! { <span class="sk-value">{ format::figure(v, lang) }</span> },
            (FigureStatus::Suppressed, _) => {
                let n = format::count(suppression_limit(f, indicator, options), lang);
                html! { <span class="sk-value sk-suppressed">{ i18n::suppressed(&n, lang) }</span> }
            }
            (FigureStatus::Invalid, _) => html! { <span class="sk-value sk-no-value">{ tr(Key::Invalid, lang) }</span> },
            _ => html! { <span class="sk-value sk-no-value">{ tr(Key::NoData, lang) }</span> },
        },
        None => html! { <span class="sk-value sk-no-value">{ tr(Key::NoData, lang) }</span> },
    }
}

/// "21,0–25,9".
pub fn interval_text(lower: f64, upper: f64, lang: Lang) -> String {
    format!("{}–{}", format::figure(lower, lang), format::figure(upper, lang))
}

/// An area's SMR (× 100) with its interval and method, the ISR, observed and expected; or why
/// there is none (suppressed below the limit, never 0).
pub fn indirect_text(s: &IndirectFigure, ind: &IndicatorFigures, level_text: &str, options: &KeyFigureOptions, lang: Lang) -> Html {
    match (s.status, s.ratio, s.ratio_lower, s.ratio_upper) {
        (FigureStatus::Ok, Some(r), Some(lo), Some(hi)) => {
            let smr = i18n::smr_value(&format::figure(r * 100.0, lang), &format::figure(lo * 100.0, lang), &format::figure(hi * 100.0, lang), level_text, s.method == "exact", lang);
            let reference = ind.indirect_reference.as_ref().map(|r| r.name.get(lang).to_string()).unwrap_or_default();
            html! {
                <>
                    <span class="sk-smr-value">{ smr }</span>
                    if let (Some(rate), Some(lo), Some(hi)) = (s.rate, s.rate_lower, s.rate_upper) {
                        <br />
                        <span class="sk-isr">{ format!("{}: {} {} ({})", tr(Key::Isr, lang), format::figure(rate, lang), ind.unit.get(lang), interval_text(lo, hi, lang)) }</span>
                    }
                    <br />
                    <span class="sk-observed-expected">{ i18n::observed_expected(&format::count(s.observed, lang), &s.expected.map(|e| format::figure(e, lang)).unwrap_or_else(|| "–".into()), &reference, lang) }</span>
                </>
            }
        }
        (FigureStatus::Suppressed, ..) => html! { <span class="sk-suppressed">{ i18n::suppressed(&format::count(options.suppress_below, lang), lang) }</span> },
        _ => html! { <span class="sk-no-value">{ tr(Key::Invalid, lang) }</span> },
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct FigurePanelProps {
    pub figures: Shared<Figures>,
    pub report: Shared<Report>,
    pub level: AreaLevel,
    pub area: AttrValue,
    pub name: AttrValue,
    pub period: Option<String>,
    pub lang: Lang,
    pub options: KeyFigureOptions,
    /// Id of the panel's heading.
    pub id: AttrValue,
    /// Level of the panel's heading; each indicator's name is one below.
    pub heading: u8,
}

#[component]
pub fn FigurePanel(props: &FigurePanelProps) -> Html {
    let lang = props.lang;
    let indicators = props.figures.indicators();
    if indicators.is_empty() {
        return html! {};
    }
    let data = &props.report.dataset;
    let period = props.period.as_deref();
    let figure = |i: usize| period.and_then(|p| props.figures.get(i, props.level, &props.area, p));
    let any_synthetic = indicators.iter().any(|i| i.synthetic);

    // Municipalities left out of any of the area's figures (a split with unknown share).
    let mut left_out: Vec<String> = Vec::new();
    for i in 0..indicators.len() {
        for code in figure(i).map(|f| f.incomplete.as_slice()).unwrap_or_default() {
            let name = data.municipality(code).map(|m| m.name.clone()).unwrap_or_else(|| code.clone());
            if !left_out.contains(&name) {
                left_out.push(name);
            }
        }
    }
    let level_text = format::level(props.options.level, lang);

    let title = html! {
        <>
            { i18n::key_figures_for(&props.name, period, lang) }
            if any_synthetic {
                { " " }{ synthetic_label(lang) }
            }
        </>
    };
    html! {
        <section class={classes!("sk-figure-panel", format!("sk-figure-panel-{}", level_code(props.level)))}
            data-figure-area={props.area.clone()}
            data-figure-level={level_code(props.level)}
            aria-labelledby={props.id.clone()}>
            { heading(props.heading, Some(props.id.clone()), Some("sk-figure-panel-title"), title) }
            if !left_out.is_empty() {
                <p class="sk-incomplete">{ i18n::incomplete(&left_out, lang) }</p>
            }
            <ul class="sk-figure-list">
                { for (0..indicators.len()).map(|i| figure_item(&Item {
                    indicator: &indicators[i],
                    figure: figure(i),
                    data,
                    level_text: &level_text,
                    options: &props.options,
                    heading: props.heading + 1,
                    lang,
                })) }
            </ul>
            <p class="sk-hint">{ i18n::significance_hint(&level_text, lang) }</p>
            if indicators.iter().any(|i| i.indirect_reference.is_some()) {
                <p class="sk-hint">{ tr(Key::SmrHint, lang) }</p>
            }
        </section>
    }
}

/// One indicator's figure in a panel.
struct Item<'a> {
    indicator: &'a IndicatorFigures,
    figure: Option<&'a Figure>,
    data: &'a Dataset,
    level_text: &'a str,
    options: &'a KeyFigureOptions,
    heading: u8,
    lang: Lang,
}

fn figure_item(props: &Item) -> Html {
    let lang = props.lang;
    let ind = props.indicator;
    let f = props.figure;
    let data = props.data;
    let ok = f.filter(|f| f.status == FigureStatus::Ok);
    let status = match f.map(|f| f.status) {
        Some(FigureStatus::Ok) => "ok",
        Some(FigureStatus::Suppressed) => "suppressed",
        Some(FigureStatus::Invalid) => "invalid",
        Some(FigureStatus::NoData) | None => "no-data",
    };
    let compare = |c: &crate::figures::key_figures::Comparison| {
        i18n::comparison(c.significant, c.difference, &area_name(data, &c.area, lang), &format::figure(c.value, lang), lang)
    };
    let method = if ind.standardised { i18n::standardised(ind.standard_population.as_deref(), lang) } else { i18n::crude(ind.kind, lang).to_string() };
    html! {
        <li class="sk-figure" data-indicator={ind.id.clone()} data-status={status}>
            { heading(props.heading, None, Some("sk-figure-name"), html! { { ind.name.get(lang) } }) }
            <p class="sk-figure-main">
                { value_text(f, ind, props.options, lang) }
                if ok.is_some() {
                    { " " }<span class="sk-unit">{ ind.unit.get(lang) }</span>
                }
                if ind.synthetic {
                    { " " }{ synthetic_label(lang) }
                }
            </p>
            <dl class="sk-figure-facts">
                if let Some(f) = ok {
                    if let (Some(lower), Some(upper)) = (f.lower, f.upper) {
                        <dt>{ i18n::interval(props.level_text, lang) }</dt>
                        <dd class="sk-interval">{ interval_text(lower, upper, lang) }</dd>
                    }
                    if let Some(c) = &f.region {
                        <dt>{ tr(Key::ComparedWithRegion, lang) }</dt>
                        <dd class="sk-compare-region">{ compare(c) }</dd>
                    }
                    if let Some(c) = &f.nation {
                        <dt>{ tr(Key::ComparedWithNation, lang) }</dt>
                        <dd class="sk-compare-nation">{ compare(c) }</dd>
                    }
                    if let Some(t) = &f.trend {
                        <dt>{ tr(Key::Change, lang) }</dt>
                        <dd class="sk-trend">
                            { i18n::trend(
                                &format::number(t.change, format::Style::Signed(1), lang),
                                t.change,
                                t.significant,
                                &t.previous_period,
                                &format::figure(t.previous_value, lang),
                                lang,
                            ) }
                        </dd>
                    }
                    <dt>{ tr(Key::NumeratorDenominator, lang) }</dt>
                    <dd class="sk-counts">{ format!("{} / {}", format::count(f.numerator, lang), format::count(f.denominator, lang)) }</dd>
                }
                if let Some(s) = f.and_then(|f| f.indirect.as_ref()) {
                    <dt>{ tr(Key::Smr, lang) }</dt>
                    <dd class="sk-smr">{ indirect_text(s, ind, props.level_text, props.options, lang) }</dd>
                }
                if let Some(r) = f.and_then(|f| f.responsible.as_ref()) {
                    <dt>{ tr(Key::Responsible, lang) }</dt>
                    <dd class="sk-responsible">{ r.name.get(lang) }</dd>
                }
            </dl>
            <p class="sk-figure-meta">
                <span>
                    { format!("{}: {}", tr(Key::Period, lang), f.map(|f| f.period.clone()).unwrap_or_default()) }
                    if let Some(text) = &ind.period_text {
                        { format!(" ({})", text.get(lang)) }
                    }
                    { ". " }
                </span>
                <span>{ format!("{}: {}. ", tr(Key::Method, lang), method) }</span>
                <span>
                    { format!("{}: ", tr(Key::Source, lang)) }
                    { match &ind.source {
                        Some(s) if is_web_url(s) => html! { <a href={s.clone()} rel="noopener noreferrer">{ s }</a> },
                        Some(s) if !s.trim().is_empty() => html! {
                            <><span class="sk-source-text">{ s }</span>{ format!(" ({})", tr(Key::NotALink, lang)) }</>
                        },
                        _ => html! { <span class="sk-not-given">{ tr(Key::NotGiven, lang) }</span> },
                    } }
                </span>
            </p>
        </li>
    }
}
