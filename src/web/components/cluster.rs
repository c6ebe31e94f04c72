//! One area (a health cluster, a sundhedsråd's area): name and status, hospitals,
//! municipalities, sources, notes, and its bodies.

use yew::prelude::*;

use super::body::BodyView;
use super::sources::Sources;
use crate::bodies::AreaBodies;
use crate::model::profile::RuleProfile;
use crate::bodies::labels::{municipality_name, status_name};
use crate::model::Status;
use crate::model::text::Lang;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::Shared;
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct ClusterProps {
    pub report: Shared<Report>,
    pub bodies: AreaBodies,
    pub lang: Lang,
    pub profile_name: AttrValue,
    pub profile: Shared<RuleProfile>,
    /// Id of the cluster's heading; the levels' headings derive from it.
    pub id: AttrValue,
    /// Shown at the end of the cluster: its key-figure panel.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ClusterView(props: &ClusterProps) -> Html {
    let lang = props.lang;
    let data = &props.report.dataset;
    let Some(cluster) = data.area(&props.bodies.area) else {
        return html! {};
    };
    let short_name = |code: &str| match data.municipality(code) {
        Some(m) => m.name.clone(),
        None => municipality_name(data, code).get(lang).to_string(),
    };
    let members = cluster.members.iter().map(|member| {
        let others: Vec<String> = data
            .areas_with_member(&member.municipality)
            .filter(|c| c.id != cluster.id)
            .map(|c| c.name.clone())
            .collect();
        let split = (member.share.is_some() || !others.is_empty()).then(|| i18n::split(&others, member.share, lang));
        let status = member.effective_status(cluster);
        html! {
            <li>
                { short_name(&member.municipality) }
                if let Some(split) = split {
                    <span class="sk-split">{ format!(" ({split})") }</span>
                }
                if status != Status::Confirmed && status != cluster.status {
                    { " " }<span class="sk-badge">{ status_name(status).get(lang) }</span>
                }
            </li>
        }
    });
    html! {
        <section class="sk-cluster" data-cluster-id={cluster.id.clone()} aria-labelledby={props.id.clone()}>
            <h3 id={props.id.clone()}>{ &cluster.name }</h3>
            if cluster.name_status != Status::Confirmed || cluster.status != Status::Confirmed {
                <p class="sk-badges">
                    if cluster.name_status != Status::Confirmed {
                        <span class="sk-badge">{ i18n::status_of(Key::Name, cluster.name_status, lang) }</span>
                    }
                    if cluster.status != Status::Confirmed {
                        <span class="sk-badge">{ i18n::status_of(Key::Membership, cluster.status, lang) }</span>
                    }
                </p>
            }
            <dl class="sk-facts">
                if !cluster.acute_hospitals.is_empty() {
                    <dt>{ tr(Key::AcuteHospitals, lang) }</dt>
                    <dd>
                        <ul>{ for cluster.acute_hospitals.iter().map(|h| html! { <li>{ h }</li> }) }</ul>
                    </dd>
                }
                <dt>{ format!("{} ({})", tr(Key::Members, lang), cluster.members.len()) }</dt>
                <dd>
                    if cluster.members.is_empty() {
                        { tr(Key::NoMembers, lang) }
                    } else {
                        <ul class="sk-members">{ for members }</ul>
                    }
                </dd>
                if !cluster.candidates.is_empty() {
                    <dt>{ tr(Key::Candidates, lang) }</dt>
                    <dd>
                        <p class="sk-hint">{ tr(Key::CandidatesHint, lang) }</p>
                        <ul class="sk-members">
                            { for cluster.candidates.iter().map(|code| html! { <li>{ short_name(code) }</li> }) }
                        </ul>
                    </dd>
                }
                if !cluster.sources.is_empty() {
                    <dt>{ tr(Key::Sources, lang) }</dt>
                    <dd><Sources sources={cluster.sources.clone()} {lang} /></dd>
                }
                if !cluster.notes.trim().is_empty() {
                    <dt>{ tr(Key::Notes, lang) }</dt>
                    <dd>{ &cluster.notes }</dd>
                }
            </dl>
            <div class="sk-levels">
                { for props.bodies.bodies.iter().map(|body| html! {
                    <BodyView
                        report={props.report.clone()}
                        body={body.clone()}
                        {lang}
                        profile_name={props.profile_name.clone()}
                        profile={props.profile.clone()}
                        id={format!("{}-{}", props.id, body.id.kind)}
                        level={4}
                    />
                }) }
            </div>
            { props.children.clone() }
        </section>
    }
}
