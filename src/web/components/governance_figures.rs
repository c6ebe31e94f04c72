//! The figures the governance structure itself gives, shown always: seats per body by
//! sector, the region's clusters with population, representation and start-up funds,
//! and every region's population and representation spread. Unknown populations are
//! "ikke oplyst", never 0.

use yew::prelude::*;

use crate::figures::key_figures::{Governance, SectorCounts};
use crate::bodies::labels::sector_name;
use crate::model::{Dataset, Sector};
use crate::model::text::Lang;
use crate::web::format;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::{Figures, Shared};
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct GovernanceProps {
    pub figures: Shared<Figures>,
    pub report: Shared<Report>,
    pub region: Option<String>,
    pub lang: Lang,
    /// Prefix of the element ids.
    pub id: AttrValue,
}

fn not_given(lang: Lang) -> Html {
    html! { <span class="sk-not-given">{ tr(Key::NotGiven, lang) }</span> }
}

fn count_or_not_given(value: Option<f64>, lang: Lang) -> Html {
    match value {
        Some(v) => html! { { format::count(v, lang) } },
        None => not_given(lang),
    }
}

fn kroner_or_not_given(value: Option<f64>, lang: Lang) -> Html {
    match value {
        Some(v) => html! { { format::kroner(v, lang) } },
        None => not_given(lang),
    }
}

fn municipality(data: &Dataset, code: &str) -> String {
    data.municipality(code).map(|m| m.name.clone()).unwrap_or_else(|| code.to_string())
}

/// A table in a region that scrolls sideways on narrow screens, named by its caption.
fn scroll_table(caption_id: String, class: &'static str, caption: Html, head: Html, body: Html) -> Html {
    html! {
        <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class={classes!("sk-table", class)}>
                <caption id={caption_id}>{ caption }</caption>
                <thead>{ head }</thead>
                <tbody>{ body }</tbody>
            </table>
        </div>
    }
}

fn seats_table(gov: &Governance, data: &Dataset, region: &str, lang: Lang, id: String) -> Html {
    let bodies: Vec<_> = gov.bodies.iter().filter(|b| b.region == region).collect();
    let other = bodies.iter().any(|b| b.by_sector.other > 0);
    let mut sectors = vec![Sector::Region, Sector::Municipality, Sector::GeneralPractice, Sector::Patients];
    if other {
        sectors.push(Sector::Other);
    }
    let get = |c: &SectorCounts, s: Sector| match s {
        Sector::Region => c.region,
        Sector::Municipality => c.municipality,
        Sector::GeneralPractice => c.general_practice,
        Sector::Patients => c.patients,
        Sector::Other => c.other,
    };
    let region_name = data.region(region).map(|r| r.name.clone()).unwrap_or_else(|| region.to_string());
    let head = html! {
        <tr>
            <th scope="col">{ tr(Key::Body, lang) }</th>
            { for sectors.iter().map(|s| html! { <th scope="col" class="sk-num">{ sector_name(*s).get(lang) }</th> }) }
            <th scope="col" class="sk-num">{ tr(Key::Total, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::RegionalMajority, lang) }</th>
        </tr>
    };
    let body = html! {
        { for bodies.iter().map(|b| html! {
            <tr data-body-id={b.id.clone()}>
                <th scope="row">
                    { b.name.get(lang) }
                    if b.derived {
                        <span class="sk-derived-mark">{ format!(" ({})", tr(Key::ByProfile, lang)) }</span>
                    }
                </th>
                { for sectors.iter().map(|s| html! {
                    <td class="sk-num" data-sector={sector_code(*s)}>{ format::count(get(&b.by_sector, *s) as f64, lang) }</td>
                }) }
                <td class="sk-num" data-sector="total">{ format::count(b.seats as f64, lang) }</td>
                <td class="sk-num" data-field="majority">{ i18n::majority(b.regional_majority, lang) }</td>
            </tr>
        }) }
    };
    scroll_table(id, "sk-seats-table", html! { { i18n::seats_caption(&region_name, lang) } }, head, body)
}

fn sector_code(sector: Sector) -> &'static str {
    match sector {
        Sector::Region => "region",
        Sector::Municipality => "municipality",
        Sector::GeneralPractice => "general-practice",
        Sector::Patients => "patients",
        Sector::Other => "other",
    }
}

fn clusters_table(gov: &Governance, data: &Dataset, region: &str, lang: Lang, id: String) -> Html {
    let region_name = data.region(region).map(|r| r.name.clone()).unwrap_or_else(|| region.to_string());
    let head = html! {
        <tr>
            <th scope="col">{ gov.area_name.get(lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Members, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Population, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::InhabitantsPerSeat, lang) }</th>
            if gov.start_up_funds_apply {
                <th scope="col" class="sk-num">{ tr(Key::FundsMunicipal, lang) }</th>
                <th scope="col" class="sk-num">{ tr(Key::FundsRegional, lang) }</th>
                <th scope="col" class="sk-num">{ tr(Key::FundsTotal, lang) }</th>
            }
        </tr>
    };
    let body = html! {
        { for gov.clusters.iter().filter(|c| c.region == region).map(|c| html! {
            <tr data-governance-cluster={c.id.clone()}>
                <th scope="row">{ &c.name }</th>
                <td class="sk-num">{ format::count(c.municipalities as f64, lang) }</td>
                <td class="sk-num" data-field="population">{ count_or_not_given(c.population, lang) }</td>
                <td class="sk-num" data-field="per-seat">{ count_or_not_given(c.inhabitants_per_municipal_seat, lang) }</td>
                if gov.start_up_funds_apply {
                    <td class="sk-num">{ kroner_or_not_given(c.start_up_funds.as_ref().map(|f| f.municipal), lang) }</td>
                    <td class="sk-num">{ kroner_or_not_given(c.start_up_funds.as_ref().map(|f| f.regional), lang) }</td>
                    <td class="sk-num">{ kroner_or_not_given(c.start_up_funds.as_ref().map(|f| f.total), lang) }</td>
                }
            </tr>
        }) }
    };
    let caption = i18n::areas_caption(&gov.area_name, &region_name, gov.start_up_funds_apply, lang);
    scroll_table(id, "sk-clusters-table", html! { { caption } }, head, body)
}

fn regions_table(gov: &Governance, data: &Dataset, lang: Lang, id: String) -> Html {
    let head = html! {
        <tr>
            <th scope="col">{ tr(Key::Region, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Clusters, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Members, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Population, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::FewestPerSeat, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::MostPerSeat, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::SpreadRatio, lang) }</th>
        </tr>
    };
    let nation = &gov.nation;
    let body = html! {
        <>
            { for gov.regions.iter().map(|r| {
                let spread = r.representation.as_ref();
                html! {
                    <tr data-governance-region={r.id.clone()}>
                        <th scope="row">{ &r.name }</th>
                        <td class="sk-num">{ format::count(r.clusters as f64, lang) }</td>
                        <td class="sk-num">{ format::count(r.municipalities as f64, lang) }</td>
                        <td class="sk-num" data-field="population">{ count_or_not_given(r.population, lang) }</td>
                        <td class="sk-num">
                            { match spread {
                                Some(s) => html! { { i18n::value_at(&format::count(s.min, lang), &municipality(data, &s.min_at)) } },
                                None => not_given(lang),
                            } }
                        </td>
                        <td class="sk-num">
                            { match spread {
                                Some(s) => html! { { i18n::value_at(&format::count(s.max, lang), &municipality(data, &s.max_at)) } },
                                None => not_given(lang),
                            } }
                        </td>
                        <td class="sk-num">
                            { match spread.and_then(|s| s.ratio) {
                                Some(x) => html! { { format::figure(x, lang) } },
                                None => not_given(lang),
                            } }
                        </td>
                    </tr>
                }
            }) }
            <tr data-governance-region="DK" class="sk-total-row">
                <th scope="row">{ tr(Key::Nation, lang) }</th>
                <td class="sk-num">{ format::count(nation.clusters as f64, lang) }</td>
                <td class="sk-num">{ format::count(nation.municipalities as f64, lang) }</td>
                <td class="sk-num" data-field="population">{ count_or_not_given(nation.population, lang) }</td>
                <td class="sk-num">
                    { match &nation.representation {
                        Some(s) => html! { { i18n::value_at(&format::count(s.min, lang), &municipality(data, &s.min_at)) } },
                        None => not_given(lang),
                    } }
                </td>
                <td class="sk-num">
                    { match &nation.representation {
                        Some(s) => html! { { i18n::value_at(&format::count(s.max, lang), &municipality(data, &s.max_at)) } },
                        None => not_given(lang),
                    } }
                </td>
                <td class="sk-num" data-field="nation-ratio">
                    { match nation.representation.as_ref().and_then(|s| s.ratio) {
                        Some(x) => html! { { format::figure(x, lang) } },
                        None => not_given(lang),
                    } }
                </td>
            </tr>
        </>
    };
    scroll_table(id, "sk-regions-table", html! { { tr(Key::RegionsCaption, lang) } }, head, body)
}

#[component]
pub fn GovernanceFigures(props: &GovernanceProps) -> Html {
    let lang = props.lang;
    let gov = &props.figures.all.governance;
    let data = &props.report.dataset;
    let region = props.region.as_deref().filter(|r| data.region(r).is_some());
    let heading_id = format!("{}-governance", props.id);
    let populations_missing = gov.nation.population.is_none() || gov.clusters.iter().any(|c| c.population.is_none());
    let per_inhabitant = gov.nation.funds_per_inhabitant.map(|x| {
        let x = format::number(x, format::Style::Fixed(2), lang);
        match lang {
            Lang::Da => format!("{x} kr."),
            Lang::En => format!("DKK {x}"),
        }
    });
    html! {
        <section class="sk-governance" data-testid="governance-figures" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ tr(Key::Governance, lang) }</h3>
            if populations_missing {
                <p class="sk-hint">{ i18n::populations_unknown(lang) }</p>
            }
            if let Some(region) = region {
                { seats_table(gov, data, region, lang, format!("{}-seats-caption", props.id)) }
                { clusters_table(gov, data, region, lang, format!("{}-clusters-caption", props.id)) }
                if gov.start_up_funds_apply {
                    <p class="sk-hint">{ i18n::funds_note(per_inhabitant.as_deref(), lang) }</p>
                }
            }
            { regions_table(gov, data, lang, format!("{}-regions-caption", props.id)) }
        </section>
    }
}
