//! The region switcher: a labelled `<select>` of the data set's regions.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct RegionSwitcherProps {
    pub report: Shared<Report>,
    pub selected: Option<String>,
    pub id: AttrValue,
    pub lang: Lang,
    pub on_select: Callback<String>,
}

#[component]
pub fn RegionSwitcher(props: &RegionSwitcherProps) -> Html {
    let select = use_node_ref();
    {
        // The `selected` attribute alone does not move a select the user has touched.
        let select = select.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let (Some(element), Some(id)) = (select.cast::<HtmlSelectElement>(), selected) {
                element.set_value(id);
            }
        });
    }
    let onchange = props.on_select.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="sk-field sk-region-field">
            <label for={props.id.clone()}>{ tr(Key::Region, props.lang) }</label>
            <select id={props.id.clone()} ref={select} {onchange} disabled={props.report.dataset.regions.is_empty()}>
                { for props.report.dataset.regions.iter().map(|r| html! {
                    <option value={r.id.clone()} selected={props.selected.as_deref() == Some(r.id.as_str())}>
                        { &r.name }
                    </option>
                }) }
            </select>
        </div>
    }
}
