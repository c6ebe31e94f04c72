//! The controls the key-figure views share: a section heading with the example-data label,
//! the labelled indicator `<select>`, and the radio group choosing municipalities or areas.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::figure_panel::{level_code, synthetic_label};
use crate::figures::key_figures::{AreaLevel, IndicatorFigures};
use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};

/// `<h3 id>` with `title`, and the example-data label when the indicator is synthetic.
pub fn section_heading(id: &str, title: &str, synthetic: bool, lang: Lang) -> Html {
    html! {
        <h3 id={id.to_string()}>
            { title.to_string() }
            if synthetic {
                { " " }{ synthetic_label(lang) }
            }
        </h3>
    }
}

/// The labelled indicator `<select>` (`id`), its value the indicator's index kept in `state`.
pub fn indicator_select(id: &str, indicators: &[IndicatorFigures], selected: usize, state: &UseStateHandle<usize>, lang: Lang) -> Html {
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                state.set(i);
            }
        })
    };
    html! {
        <div class="sk-field">
            <label for={id.to_string()}>{ tr(Key::Indicator, lang) }</label>
            <select id={id.to_string()} {onchange}>
                { for indicators.iter().enumerate().map(|(i, x)| html! {
                    <option value={i.to_string()} selected={i == selected}>{ x.name.get(lang) }</option>
                }) }
            </select>
        </div>
    }
}

/// The radio group (`name`) choosing municipalities or areas, kept in `state`.
pub fn among_fieldset(name: &str, state: &UseStateHandle<AreaLevel>, lang: Lang) -> Html {
    let levels = [(AreaLevel::Municipality, Key::Municipalities), (AreaLevel::Cluster, Key::Areas)];
    html! {
        <fieldset class="sk-scope">
            <legend>{ tr(Key::FunnelAmong, lang) }</legend>
            { for levels.iter().map(|(level, key)| {
                let onchange = {
                    let (state, level) = (state.clone(), *level);
                    Callback::from(move |_: Event| state.set(level))
                };
                html! {
                    <label>
                        <input type="radio" name={name.to_string()} value={level_code(*level)} checked={**state == *level} {onchange} />
                        { " " }{ tr(*key, lang) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// A table's `<caption id>` with the example-data label when the indicator is synthetic.
pub fn table_caption(id: &str, text: &str, synthetic: bool, lang: Lang) -> Html {
    html! {
        <caption id={id.to_string()}>
            { text.to_string() }
            if synthetic {
                { " " }{ synthetic_label(lang) }
            }
        </caption>
    }
}

/// The note where a view has nothing to show.
pub fn no_data(lang: Lang) -> Html {
    html! { <p class="sk-note">{ tr(Key::NoData, lang) }</p> }
}
