//! One indicator in both structures for the same municipalities: a table of each
//! municipality's value in its area of the structure shown and in its area of the other
//! embedded structure (health clusters 2022 ↔ sundhedsråd 2027), computed in the core
//! (`crate::figures::structures`) from the shown data's municipal counts.

use yew::prelude::*;

use super::figure_controls::{indicator_select, section_heading, table_caption};
use super::figure_panel::value_text;
use crate::figures::structures::{compare_structures, AreaValue, StructureComparison};
use crate::model::text::Lang;
use crate::model::Dataset;
use crate::web::format;
use crate::web::i18n::{tr, Key};

pub type StructuresProps = super::keyfigures::KeyFiguresProps;

/// The embedded structure to compare with: the sundhedsråd for data of clusters, the
/// clusters for data of sundhedsråd.
fn other_structure(data: &Dataset) -> Option<Dataset> {
    let kind = data.areas.first().map(|a| a.kind.as_str())?;
    let id = match kind {
        "cluster" => "sundhedsraad-2027",
        "council" => "klynger-2022",
        _ => return None,
    };
    let text = crate::DATASETS.iter().find(|(k, _)| *k == id)?.1;
    Some(crate::read::read_str(text).dataset)
}

/// A structure's title, or its areas' kind where it has none.
fn structure_title(data: &Dataset, lang: Lang) -> String {
    data.title.as_ref().map(|t| t.get(lang).to_string()).unwrap_or_else(|| data.areas.first().map(|a| a.kind.clone()).unwrap_or_default())
}

#[component]
pub fn Structures(props: &StructuresProps) -> Html {
    let lang = props.lang;
    let indicator = use_state(|| 0usize);
    let data = &props.report.dataset;
    let indicators = props.figures.indicators();
    let index = if *indicator < indicators.len() { *indicator } else { 0 };
    let period = props.period.clone();
    let comparison: std::rc::Rc<Option<(StructureComparison, Dataset)>> = {
        let report = props.report.clone();
        let options = props.options.clone();
        let id = indicators.get(index).map(|i| i.id.clone());
        use_memo((report.clone(), id.clone(), period.clone(), options.clone()), move |_| {
            let (id, period) = (id?, period?);
            let other = other_structure(&report.dataset)?;
            let c = compare_structures(&report.dataset, &other, &id, &period, &options)?;
            Some((c, other))
        })
    };
    let Some((c, other)) = comparison.as_ref() else { return html! {} };
    let ind = &indicators[index];
    let here = structure_title(data, lang);
    let region = props.region.as_deref().filter(|r| data.region(r).is_some());
    let there = structure_title(other, lang);
    let id = |suffix: &str| format!("{}-structures-{suffix}", props.id);
    let cell = |values: &[AreaValue], figures: &crate::figures::key_figures::IndicatorFigures| -> Html {
        html! {
            <>
                { for values.iter().enumerate().map(|(i, a)| html! {
                    <>
                        if i > 0 { <br /> }
                        <span class="sk-structure-area">{ &a.name }</span>
                        if let Some(s) = a.share {
                            { format!(" ({} %)", format::number(s * 100.0, format::Style::Fixed(0), lang)) }
                        }
                        { ": " }
                        { value_text(a.figure.as_ref(), figures, &props.options, lang) }
                    </>
                }) }
                if values.is_empty() {
                    <span class="sk-no-value">{ tr(Key::NotPlaced, lang) }</span>
                }
            </>
        }
    };
    html! {
        <section class="sk-structures" data-testid="structures" aria-labelledby={id("heading")}>
            { section_heading(&id("heading"), tr(Key::Structures, lang), ind.synthetic, lang) }
            { indicator_select(&id("indicator"), indicators, index, &indicator, lang) }
            <p class="sk-hint">{ tr(Key::StructuresHint, lang) }</p>
            <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={id("caption")}>
                <table class="sk-table sk-structures-table">
                    { table_caption(
                        &id("caption"),
                        &format!("{}, {}, {}{}", ind.name.get(lang), ind.unit.get(lang), props.period.clone().unwrap_or_default(),
                            region.map(|r| format!(", {}", super::figure_panel::area_name(data, r, lang))).unwrap_or_default()),
                        ind.synthetic,
                        lang,
                    ) }
                    <thead>
                        <tr>
                            <th scope="col">{ tr(Key::Municipality, lang) }</th>
                            <th scope="col">{ here }</th>
                            <th scope="col">{ there }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for c.rows.iter().filter(|row| region.is_none_or(|r| data.municipality(&row.code).is_some_and(|m| m.region == r))).map(|row| html! {
                            <tr data-row-municipality={row.code.clone()}>
                                <th scope="row">{ &row.name }</th>
                                <td>{ cell(&row.from, &c.from) }</td>
                                <td>{ cell(&row.to, &c.to) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
