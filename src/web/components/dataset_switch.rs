//! Which structure the widget shows and for which period, and the switch to the other
//! embedded structures ("Sundhedsklynger 2022–2026" / "Sundhedsråd fra 2027").

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};

#[derive(Clone, PartialEq, Properties)]
pub struct DatasetSwitchProps {
    /// The embedded data set shown.
    pub selected: AttrValue,
    pub id: AttrValue,
    pub lang: Lang,
    pub on_select: Callback<String>,
}

#[component]
pub fn DatasetSwitch(props: &DatasetSwitchProps) -> Html {
    let select = use_node_ref();
    {
        // The `selected` attribute alone does not move a select the user has touched.
        let select = select.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                element.set_value(selected);
            }
        });
    }
    let onchange = props.on_select.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="sk-field sk-dataset-field">
            <label for={props.id.clone()}>{ tr(Key::Structure, props.lang) }</label>
            <select id={props.id.clone()} class="sk-dataset" ref={select} {onchange}>
                { for crate::dataset_infos().into_iter().map(|info| {
                    let title = info.title.as_ref().map(|t| t.get(props.lang).to_string()).unwrap_or_else(|| info.id.clone());
                    html! {
                        <option value={info.id.clone()} selected={props.selected.as_str() == info.id}>{ title }</option>
                    }
                }) }
            </select>
        </div>
    }
}
