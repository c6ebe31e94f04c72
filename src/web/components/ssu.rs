//! The region's health cooperation committee (sundhedssamarbejdsudvalg).

use yew::prelude::*;

use super::body::BodyView;
use crate::bodies::Body;
use crate::model::text::Lang;
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct SsuProps {
    pub report: Shared<Report>,
    pub body: Body,
    pub lang: Lang,
    pub profile_name: AttrValue,
    pub id: AttrValue,
    /// Shown after the committee: the region's key-figure panel.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Ssu(props: &SsuProps) -> Html {
    html! {
        <div class="sk-ssu">
            <BodyView
                report={props.report.clone()}
                body={props.body.clone()}
                lang={props.lang}
                profile_name={props.profile_name.clone()}
                id={props.id.clone()}
                level={3}
            />
            { props.children.clone() }
        </div>
    }
}
