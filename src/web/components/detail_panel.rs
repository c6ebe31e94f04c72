//! The detail panel of the node selected in the chart: what it is, who holds it, where,
//! its status and sources, the person's other seats, and key figures for an area.

use yew::prelude::*;

use super::sources::Sources;
use crate::chart::{Chart, NodeKind};
use super::tasks::Tasks;
use crate::bodies::labels::{municipality_name, sector_name, status_name};
use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct DetailProps {
    pub chart: Shared<Chart>,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub id: AttrValue,
    /// The data, for municipality names (codes are shown without).
    #[prop_or_default]
    pub report: Option<Shared<Report>>,
    /// Key figures of a region or cluster node.
    #[prop_or_default]
    pub figures: Option<Callback<usize, Html>>,
    /// Jump to another seat of the same person.
    pub on_select: Callback<usize>,
}

#[component]
pub fn DetailPanel(props: &DetailProps) -> Html {
    let lang = props.lang;
    let chart = &props.chart;
    let heading_id = format!("{}-detail", props.id);
    let Some(v) = props.selected.filter(|&v| v < chart.nodes.len()) else {
        return html! {
            <aside class="sk-detail" part="detail" aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ tr(Key::Details, lang) }</h3>
                <p class="sk-hint">{ tr(Key::NoSelection, lang) }</p>
            </aside>
        };
    };
    let node = &chart.nodes[v];
    let kind = match node.kind {
        NodeKind::Region => tr(Key::Region, lang).to_string(),
        NodeKind::Area | NodeKind::Body => node.kind_name.as_ref().map(|k| k.get(lang).to_string()).unwrap_or_else(|| node.kind_id.clone()),
        NodeKind::Seat => tr(Key::Role, lang).to_string(),
    };
    let municipality = node.municipality.as_ref().map(|code| match &props.report {
        Some(report) => municipality_name(&report.dataset, code).get(lang).to_string(),
        None => code.clone(),
    });
    let body = (node.kind == NodeKind::Seat).then(|| node.parent.map(|b| chart.path_label(b, lang))).flatten();
    let others = chart.other_seats(v);
    let description = chart.other_seats_description(v, lang);
    let figures = match (node.kind, &props.figures) {
        (NodeKind::Region | NodeKind::Area, Some(callback)) => callback.emit(v),
        _ => html! {},
    };
    html! {
        <aside class="sk-detail" part="detail" aria-labelledby={heading_id.clone()} data-node={node.id.clone()}>
            <h3 id={heading_id}>{ node.label.get(lang) }</h3>
            <dl class="sk-facts">
                <dt>{ tr(Key::Kind, lang) }</dt>
                <dd>{ kind }</dd>
                if let Some(sector) = node.sector {
                    <dt>{ tr(Key::Sector, lang) }</dt>
                    <dd>{ sector_name(sector).get(lang) }</dd>
                }
                if let Some(detail) = &node.detail {
                    <dt>{ if node.kind == NodeKind::Seat { tr(Key::Person, lang) } else { tr(Key::Members, lang) } }</dt>
                    <dd class="sk-detail-person">{ detail.get(lang) }</dd>
                }
                if let Some(m) = municipality {
                    <dt>{ tr(Key::Municipality, lang) }</dt>
                    <dd>{ m }</dd>
                }
                if let Some(body) = body {
                    <dt>{ tr(Key::Body, lang) }</dt>
                    <dd>{ body }</dd>
                }
                <dt>{ tr(Key::Status, lang) }</dt>
                <dd>{ status_name(node.status).get(lang) }</dd>
                if !node.sources.is_empty() {
                    <dt>{ tr(Key::Sources, lang) }</dt>
                    <dd><Sources sources={node.sources.clone()} {lang} /></dd>
                }
            </dl>
            if node.derived {
                <p class="sk-hint">{ tr(Key::Derived, lang) }</p>
            }
            <Tasks tasks={node.tasks.clone()} {lang} id={format!("{}-tasks", props.id)} />
            if let Some(description) = description {
                <p class="sk-other-seats">{ description }</p>
                <ul class="sk-other-seat-list">
                    { for others.into_iter().map(|s| {
                        let on_select = props.on_select.clone();
                        let label = match chart.nodes[s].parent {
                            Some(b) => format!("{} – {}", chart.nodes[s].label.get(lang), chart.path_label(b, lang)),
                            None => chart.nodes[s].label.get(lang).to_string(),
                        };
                        html! {
                            <li><button type="button" class="sk-link-button" onclick={Callback::from(move |_: MouseEvent| on_select.emit(s))}>{ label }</button></li>
                        }
                    }) }
                </ul>
            }
            { figures }
        </aside>
    }
}
