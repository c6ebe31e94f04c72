//! The key-figure section: the nation's panel, the comparison of clusters and the
//! governance figures; and the period switcher that the header shows beside the region.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::comparison::Comparison;
use super::funnel::FunnelPlot;
use super::inequality::InequalityView;
use super::structures::Structures;
use super::trends::Trends;
use super::figure_panel::{synthetic_label, FigurePanel};
use super::governance_figures::GovernanceFigures;
use crate::figures::key_figures::{AreaLevel, KeyFigureOptions, NATION};
use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};
use crate::web::state::{Figures, Shared};
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct PeriodSelectProps {
    pub periods: Vec<String>,
    pub selected: Option<String>,
    pub id: AttrValue,
    pub lang: Lang,
    pub on_select: Callback<String>,
}

/// The period switcher: a labelled `<select>` of every period in the key figures.
#[component]
pub fn PeriodSelect(props: &PeriodSelectProps) -> Html {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let (Some(element), Some(period)) = (select.cast::<HtmlSelectElement>(), selected) {
                element.set_value(period);
            }
        });
    }
    let onchange = props.on_select.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="sk-field">
            <label for={props.id.clone()}>{ tr(Key::Period, props.lang) }</label>
            <select id={props.id.clone()} ref={select} {onchange}>
                { for props.periods.iter().rev().map(|p| html! {
                    <option value={p.clone()} selected={props.selected.as_ref() == Some(p)}>{ p }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct KeyFiguresProps {
    pub figures: Shared<Figures>,
    pub report: Shared<Report>,
    pub region: Option<String>,
    pub period: Option<String>,
    pub lang: Lang,
    pub options: KeyFigureOptions,
    /// Prefix of the element ids.
    pub id: AttrValue,
}

#[component]
pub fn KeyFiguresSection(props: &KeyFiguresProps) -> Html {
    let lang = props.lang;
    let heading_id = format!("{}-key-figures", props.id);
    let indicators = props.figures.indicators();
    let synthetic = indicators.iter().any(|i| i.synthetic);
    html! {
        <section class="sk-key-figures" data-testid="key-figures" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>
                { tr(Key::Indicators, lang) }
                if synthetic {
                    { " " }{ synthetic_label(lang) }
                }
            </h2>
            if indicators.is_empty() {
                <p class="sk-note">{ tr(Key::NoIndicators, lang) }</p>
            } else {
                if props.figures.periods.is_empty() {
                    <p class="sk-note">{ tr(Key::NoPeriods, lang) }</p>
                }
                <FigurePanel
                    figures={props.figures.clone()}
                    report={props.report.clone()}
                    level={AreaLevel::Nation}
                    area={NATION}
                    name={tr(Key::Nation, lang)}
                    period={props.period.clone()}
                    {lang}
                    options={props.options.clone()}
                    id={format!("{}-panel-nation", props.id)}
                    heading={3}
                />
                <Comparison
                    figures={props.figures.clone()}
                    report={props.report.clone()}
                    region={props.region.clone()}
                    period={props.period.clone()}
                    {lang}
                    options={props.options.clone()}
                    id={props.id.clone()}
                />
                <FunnelPlot ..props.clone() />
                <InequalityView ..props.clone() />
                <Trends ..props.clone() />
                <Structures ..props.clone() />
            }
            <GovernanceFigures
                figures={props.figures.clone()}
                report={props.report.clone()}
                region={props.region.clone()}
                {lang}
                id={props.id.clone()}
            />
        </section>
    }
}
