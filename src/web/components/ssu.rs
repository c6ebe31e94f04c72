//! A body the region owns (the sundhedssamarbejdsudvalg in 2022), then the region's panel.

use yew::prelude::*;

use super::body::BodyView;
use crate::bodies::Body;
use crate::model::profile::RuleProfile;
use crate::model::text::Lang;
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct SsuProps {
    pub report: Shared<Report>,
    pub bodies: Vec<Body>,
    pub lang: Lang,
    pub profile_name: AttrValue,
    pub profile: Shared<RuleProfile>,
    pub id: AttrValue,
    /// Shown after the committee: the region's key-figure panel.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Ssu(props: &SsuProps) -> Html {
    html! {
        <div class="sk-ssu">
            { for props.bodies.iter().map(|body| html! {
                <BodyView
                    report={props.report.clone()}
                    body={body.clone()}
                    lang={props.lang}
                    profile_name={props.profile_name.clone()}
                    profile={props.profile.clone()}
                    id={format!("{}-{}", props.id, body.id.kind)}
                    level={3}
                />
            }) }
            { props.children.clone() }
        </div>
    }
}
