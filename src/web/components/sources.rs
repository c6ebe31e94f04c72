//! A list of sources. Only http(s) URLs become links; anything else stays plain text.

use yew::prelude::*;

use crate::model::text::Lang;
use crate::rules::is_web_url;
use crate::web::i18n::{tr, Key};

#[derive(Clone, PartialEq, Properties)]
pub struct SourcesProps {
    pub sources: Vec<String>,
    pub lang: Lang,
    /// One line of links named by their host ("[rn.dk]"), the address in the link's title:
    /// for lists of hundreds of seats, each citing the same long addresses.
    #[prop_or_default]
    pub compact: bool,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    if props.sources.is_empty() {
        return html! {};
    }
    if props.compact {
        return html! {
            <span class="sk-sources sk-sources-compact">
                { for props.sources.iter().map(|source| if is_web_url(source) {
                    html! { <>{ " " }<a href={source.clone()} title={source.clone()} rel="noopener noreferrer">{ format!("[{}]", host(source)) }</a></> }
                } else {
                    html! { <>{ " " }<span class="sk-source-text">{ source }</span>{ format!(" ({})", tr(Key::NotALink, props.lang)) }</> }
                }) }
            </span>
        };
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

/// "regional-indsigt.dk" of "https://www.regional-indsigt.dk/2025/…".
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}
