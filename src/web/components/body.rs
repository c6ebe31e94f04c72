//! A body (a region's or an area's: an SSU, a cluster's level, a sundhedsråd) with what it
//! does and its seats.

use yew::prelude::*;

use super::seat::SeatView;
use crate::bodies::Body;
use super::tasks::Tasks;
use crate::model::profile::RuleProfile;
use crate::model::text::Lang;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct BodyProps {
    pub report: Shared<Report>,
    pub body: Body,
    pub lang: Lang,
    pub profile_name: AttrValue,
    /// The profile: the body's kind, its name and tasks.
    pub profile: Shared<RuleProfile>,
    /// Id of the body's heading.
    pub id: AttrValue,
    /// Heading level: 3 for the SSU, 4 for a cluster level.
    pub level: u8,
}

#[component]
pub fn BodyView(props: &BodyProps) -> Html {
    let lang = props.lang;
    let body = &props.body;
    let name = props.profile.body_kind_name(&body.id.kind).get(lang).to_string();
    let tasks = props.profile.body_kind(&body.id.kind).map(|k| k.tasks.clone()).unwrap_or_default();
    let heading = html! {
        <>
            { name }
            <span class="sk-count">{ format!(" ({})", i18n::seat_count(body.seats.len(), lang)) }</span>
        </>
    };
    let heading = if props.level <= 3 {
        html! { <h3 id={props.id.clone()}>{ heading }</h3> }
    } else {
        html! { <h4 id={props.id.clone()}>{ heading }</h4> }
    };
    html! {
        <section class={classes!("sk-body", body.derived.then_some("sk-derived-body"))} aria-labelledby={props.id.clone()}>
            { heading }
            <Tasks {tasks} {lang} id={format!("{}-tasks", props.id)} />
            if body.derived {
                <p class="sk-derived">{ i18n::derived(&props.profile_name, lang) }</p>
            }
            if body.seats.is_empty() {
                <p>{ tr(Key::NoSeats, lang) }</p>
            } else {
                <ul class="sk-seats">
                    { for body.seats.iter().map(|seat| html! {
                        <SeatView report={props.report.clone()} seat={seat.clone()} {lang} />
                    }) }
                </ul>
            }
        </section>
    }
}
