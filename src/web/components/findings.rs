//! The findings list: every finding, grouped by severity, those about the region shown
//! first in each group. Each shows severity (as text), code, path and message.

use yew::prelude::*;

use crate::bodies::labels::severity_name;
use crate::model::text::Lang;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::{finding_groups, Shared};
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct FindingsProps {
    pub report: Shared<Report>,
    pub region: Option<String>,
    pub lang: Lang,
    /// Id of the section's heading.
    pub id: AttrValue,
}

#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let groups = finding_groups(&props.report, props.region.as_deref());
    html! {
        <section class="sk-findings" data-testid="findings" aria-labelledby={props.id.clone()}>
            <h2 id={props.id.clone()}>{ format!("{} ({})", tr(Key::Findings, lang), props.report.findings.len()) }</h2>
            if groups.is_empty() {
                <p>{ tr(Key::NoFindings, lang) }</p>
            } else {
                <p class="sk-hint">{ tr(Key::FindingsHint, lang) }</p>
            }
            if !groups.is_empty() {
                <p class="sk-findings-summary">
                    { for groups.iter().map(|(severity, items)| html! {
                        <span class={classes!("sk-count", format!("sk-severity-{}", severity_class(*severity)))}>{ i18n::severity_heading(*severity, items.len(), lang) }</span>
                    }) }
                </p>
            }
            { for groups.into_iter().map(|(severity, items)| {
                let severity_text = severity_name(severity).get(lang).to_string();
                // Grouped by code, in the order the codes first appear (the region's first).
                let mut codes: Vec<(String, Vec<_>)> = Vec::new();
                for item in items.iter() {
                    let code = item.finding.code.as_str().to_string();
                    match codes.iter_mut().find(|(c, _)| *c == code) {
                        Some((_, list)) => list.push(item),
                        None => codes.push((code, vec![item])),
                    }
                }
                let open = severity == crate::finding::Severity::Error;
                html! {
                    <>
                        <h3>{ i18n::severity_heading(severity, items.len(), lang) }</h3>
                        { for codes.into_iter().map(|(code, list)| html! {
                        <details class="sk-finding-group" {open} data-code={code.clone()}>
                        <summary><code class="sk-code">{ code.clone() }</code>{ format!(" ({}) ", list.len()) }<span class="sk-message">{ list[0].finding.message.get(lang) }</span></summary>
                        <ul class="sk-finding-list">
                            { for list.into_iter().map(|item| {
                                let f = item.finding;
                                html! {
                                    <li class={classes!("sk-finding", format!("sk-severity-{}", severity_class(severity)))}
                                        data-code={f.code.as_str()}
                                        data-path={f.path.clone()}>
                                        <span class="sk-severity">{ &severity_text }</span>
                                        { " " }
                                        <code class="sk-code">{ f.code.as_str() }</code>
                                        { " " }
                                        if f.path.is_empty() {
                                            <span class="sk-path">{ tr(Key::WholeDocument, lang) }</span>
                                        } else {
                                            <code class="sk-path">{ &f.path }</code>
                                        }
                                        if item.here {
                                            { " " }<span class="sk-here">{ format!("({})", tr(Key::ThisRegion, lang)) }</span>
                                        }
                                        <span class="sk-message">{ f.message.get(lang) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                        </details>
                        }) }
                    </>
                }
            }) }
        </section>
    }
}

fn severity_class(severity: crate::finding::Severity) -> &'static str {
    match severity {
        crate::finding::Severity::Error => "error",
        crate::finding::Severity::Warning => "warning",
        crate::finding::Severity::Info => "info",
    }
}
