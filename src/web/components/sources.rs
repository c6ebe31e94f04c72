//! A list of sources. Only http(s) URLs become links; anything else stays plain text.

use yew::prelude::*;

use crate::model::text::Lang;
use crate::rules::is_web_url;
use crate::web::i18n::{tr, Key};

#[derive(Clone, PartialEq, Properties)]
pub struct SourcesProps {
    pub sources: Vec<String>,
    pub lang: Lang,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    if props.sources.is_empty() {
        return html! {};
    }
    html! {
        <ul class="sk-sources">
            { for props.sources.iter().map(|source| {
                if is_web_url(source) {
                    html! { <li><a href={source.clone()} rel="noopener noreferrer">{ source }</a></li> }
                } else {
                    html! {
                        <li>
                            <span class="sk-source-text">{ source }</span>
                            { format!(" ({})", tr(Key::NotALink, props.lang)) }
                        </li>
                    }
                }
            }) }
        </ul>
    }
}
