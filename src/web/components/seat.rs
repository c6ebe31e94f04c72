//! One seat: its sector (as text and colour), what it is, and who holds it where known.

use yew::prelude::*;

use super::sources::Sources;
use crate::bodies::BodySeat;
use crate::bodies::labels::{sector_name, seat_label, status_name};
use crate::model::Status;
use crate::model::text::Lang;
use crate::chart::draw::sector_class;
use crate::web::i18n::{tr, Key};
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct SeatProps {
    pub report: Shared<Report>,
    pub seat: BodySeat,
    pub lang: Lang,
}


#[component]
pub fn SeatView(props: &SeatProps) -> Html {
    let lang = props.lang;
    let seat = &props.seat;
    let data = &props.report.dataset;
    let holder = match (&seat.person, seat.seat_index) {
        (Some(id), _) => Some(match data.person(id) {
            Some(person) => match &person.party {
                Some(party) if !party.trim().is_empty() => format!("{} ({}: {party})", person.name, tr(Key::Party, lang)),
                _ => person.name.clone(),
            },
            None => id.clone(),
        }),
        // A listed seat without a person; derived seats never have one.
        (None, Some(_)) => Some(tr(Key::NoPerson, lang).to_string()),
        (None, None) => None,
    };
    html! {
        <li class={classes!("sk-seat", sector_class(seat.sector()))}>
            <span class="sk-sector">{ sector_name(seat.sector()).get(lang) }</span>
            <span class="sk-seat-label">{ seat_label(data, seat).get(lang) }</span>
            if let Some(holder) = holder {
                <span class={classes!("sk-person", seat.person.is_none().then_some("sk-unknown"))}>{ holder }</span>
            }
            if seat.status != Status::Confirmed {
                <span class="sk-badge">{ status_name(seat.status).get(lang) }</span>
            }
            <Sources sources={seat.sources.clone()} {lang} compact={true} />
        </li>
    }
}
