//! What a body does: its kind's tasks in the rule profile, each with its sources, so that a
//! citizen learns what the body is for, not only who sits in it.

use yew::prelude::*;

use super::sources::host;
use crate::model::profile::Task;
use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};

#[derive(Clone, PartialEq, Properties)]
pub struct TasksProps {
    pub tasks: Vec<Task>,
    pub lang: Lang,
    /// Id of the list's heading.
    pub id: AttrValue,
}

#[component]
pub fn Tasks(props: &TasksProps) -> Html {
    if props.tasks.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    html! {
        <section class="sk-tasks" aria-labelledby={props.id.clone()}>
            <h4 id={props.id.clone()}>{ tr(Key::Tasks, lang) }</h4>
            <ul>
                { for props.tasks.iter().map(|t| html! {
                    <li>
                        { t.text.get(lang) }
                        // Compact: each source by its host, the full address in the link.
                        { for t.sources.iter().filter(|u| crate::rules::is_web_url(u)).map(|url| html! {
                            <>{ " " }<a class="sk-task-source" href={url.clone()} title={url.clone()} rel="noopener noreferrer">{ format!("[{}]", host(url)) }</a></>
                        }) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

