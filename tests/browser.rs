//! The widget in a real browser (wasm-bindgen-test, headless Chromium): mount into a
//! fresh element and check the DOM it produces.
//!
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! cargo test --target wasm32-unknown-unknown --test browser
#![cfg(all(target_arch = "wasm32", feature = "view"))]

use sundhedsklynger::web::{mount, WidgetHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element in the page.
fn host() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    let found = all(root, selector);
    assert_eq!(found.len(), 1, "expected exactly one {selector}, found {}", found.len());
    found.into_iter().next().unwrap()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Options as a JS object, from JSON.
fn options(json: &str) -> Option<JsValue> {
    Some(js_sys::JSON::parse(json).unwrap())
}

async fn mounted(host: &Element, opts: Option<JsValue>) -> WidgetHandle {
    let handle = mount(host.clone(), opts);
    yew::scheduler::flush().await;
    handle
}

fn cluster_ids(root: &Element) -> Vec<String> {
    let mut ids: Vec<String> =
        all(root, "[data-cluster-id]").iter().map(|e| e.get_attribute("data-cluster-id").unwrap()).collect();
    ids.sort();
    ids
}

fn expected_cluster_ids(region: &str) -> Vec<String> {
    let mut ids: Vec<String> = sundhedsklynger::default_data().clusters_of(region).map(|c| c.id.clone()).collect();
    ids.sort();
    ids
}

async fn choose_region(root: &Element, id: &str) {
    let select: HtmlSelectElement = one(root, "select").dyn_into().unwrap();
    select.set_value(id);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("change", &init).unwrap();
    select.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn regions_switcher_and_clusters() {
    let host = host();
    let _handle = mounted(&host, None).await;
    let widget = one(&host, ".sk-widget");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("da"));

    let select = one(&widget, "select");
    let label = one(&widget, "label");
    assert_eq!(text(&label), "Region");
    assert_eq!(label.get_attribute("for"), select.get_attribute("id"), "the label names the select");
    let options = all(&select, "option");
    let values: Vec<String> = options.iter().map(|o| o.get_attribute("value").unwrap()).collect();
    assert_eq!(values, ["RH", "RSJ", "RSD", "RM", "RN"]);
    let names: Vec<String> = options.iter().map(|o| text(o).trim().to_string()).collect();
    assert_eq!(names[4], "Region Nordjylland");

    // The first region is shown at start.
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RH"));

    choose_region(&widget, "RN").await;
    let ids = cluster_ids(&widget);
    assert_eq!(ids.len(), 4);
    assert_eq!(ids, expected_cluster_ids("RN"));
    for cluster in sundhedsklynger::default_data().clusters_of("RN") {
        let card = one(&widget, &format!("[data-cluster-id=\"{}\"]", cluster.id));
        let heading = one(&card, "h3");
        assert!(text(&heading).contains(&cluster.name), "heading of {}: {}", cluster.id, text(&heading));
    }
    assert_eq!(text(&one(&widget, ".sk-region > h2")), "Region Nordjylland");
}

#[wasm_bindgen_test]
async fn language_switch() {
    let host = host();
    let _handle = mounted(&host, None).await;
    let widget = one(&host, ".sk-widget");
    let button: HtmlElement = one(&widget, "button").dyn_into().unwrap();
    assert_eq!(text(&button).trim(), "English");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("en"));
    let danish = text(&widget);
    assert!(danish.contains("Fund i data"));

    button.click();
    yew::scheduler::flush().await;
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    let button: HtmlElement = one(&widget, "button").dyn_into().unwrap();
    assert_eq!(text(&button).trim(), "Dansk");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("da"));
    assert_eq!(text(&one(&widget, "label")), "Region");
    let english = text(&widget);
    assert!(english.contains("Findings in the data"), "{english}");
    assert!(english.contains("Health cooperation committee"));

    button.click();
    yew::scheduler::flush().await;
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("da"));
    assert_eq!(text(&widget), danish);
}

#[wasm_bindgen_test]
async fn seats_of_midtjylland() {
    let host = host();
    let _handle = mounted(&host, options(r#"{"region": "RM"}"#)).await;
    let widget = one(&host, ".sk-widget");
    let horsens = one(&widget, "[data-cluster-id=\"RM-HORSENS\"]");
    let labels: Vec<String> = all(&horsens, ".sk-seat-label").iter().map(text).collect();
    assert!(labels.iter().any(|l| l == "Borgmester, Horsens Kommune"), "{labels:?}");
    // The default data list no persons: the seats come from the rule profile, and say so.
    assert!(text(&horsens).contains("Sammensætning ifølge regelprofilen"));
    // The sector is written out, not only coloured.
    let mayor = all(&horsens, ".sk-seat").into_iter().find(|s| text(s).contains("Horsens Kommune")).unwrap();
    assert!(mayor.class_list().contains("sk-sector-municipality"));
    assert_eq!(text(&one(&mayor, ".sk-sector")), "Kommune");
    // The SSU is shown with its seats.
    let ssu = one(&widget, ".sk-ssu");
    assert!(text(&one(&ssu, "h3")).starts_with("Sundhedssamarbejdsudvalg"));
    assert!(!all(&ssu, ".sk-seat").is_empty());
}

#[wasm_bindgen_test]
async fn cluster_details_status_and_split() {
    let host = host();
    let _handle = mounted(&host, options(r#"{"region": "RH"}"#)).await;
    let widget = one(&host, ".sk-widget");
    // København is split between two clusters, share unknown.
    let syd = one(&widget, "[data-cluster-id=\"RH-SYD\"]");
    assert!(text(&syd).contains("delt med Sundhedsklynge Byen – andel ukendt"), "{}", text(&syd));
    // An unverified cluster says so in text.
    let nord = one(&widget, "[data-cluster-id=\"RH-NORD\"]");
    assert!(text(&one(&nord, ".sk-badges")).contains("Ikke bekræftet"));
    // Sources are links with rel="noopener noreferrer".
    let links = all(&syd, ".sk-sources a");
    assert!(!links.is_empty());
    for a in links {
        assert!(a.get_attribute("href").unwrap().starts_with("http"));
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    // Candidates ("mulige") where the data have them.
    choose_region(&widget, "RSD").await;
    let fyn = one(&widget, "[data-cluster-id=\"RSD-FYN\"]");
    assert!(text(&fyn).contains("Mulige kommuner"));
    assert!(text(&fyn).contains("Middelfart"));
    assert!(text(&one(&fyn, ".sk-badges")).contains("Navn: Ikke bekræftet"));
}

#[wasm_bindgen_test]
async fn findings_are_listed() {
    let host = host();
    let _handle = mounted(&host, None).await;
    let section = one(&host, "section[data-testid=\"findings\"]");
    let labelled_by = section.get_attribute("aria-labelledby").unwrap();
    assert_eq!(one(&section, "h2").get_attribute("id").as_deref(), Some(labelled_by.as_str()));
    let unplaced = all(&section, "li[data-code=\"municipality-unplaced\"]");
    assert!(!unplaced.is_empty());
    let report = sundhedsklynger::check(sundhedsklynger::DEFAULT_DATA_JSON, &Default::default());
    assert_eq!(all(&section, "li[data-code]").len(), report.findings.len(), "every finding is listed once");
    let faxe = report.findings.iter().find(|f| f.message.da.contains("Faxe (320)")).unwrap();
    let item = one(&section, &format!("li[data-code=\"{}\"][data-path=\"{}\"]", faxe.code.as_str(), faxe.path));
    assert!(text(&item).contains(&faxe.message.da));
    assert!(text(&item).contains("Advarsel"));
}

#[wasm_bindgen_test]
async fn broken_json_shows_findings() {
    let host = host();
    let _handle = mounted(&host, options(r#"{"data": "{ not json"}"#)).await;
    let widget = one(&host, ".sk-widget");
    one(&widget, "[role=\"alert\"]");
    let item = one(&widget, "section[data-testid=\"findings\"] li[data-code=\"json-syntax\"]");
    assert_eq!(item.get_attribute("data-path").as_deref(), Some(""));
    // The widget keeps working: the language switch still does.
    let button: HtmlElement = one(&widget, "button").dyn_into().unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn unknown_region_reference_shows_findings() {
    let host = host();
    let data = r#"{"format":"sundhedsklynger/1","as_of":"2024-01-01",
        "regions":[{"id":"RA","name":"Region A"}],
        "municipalities":[{"code":"101","name":"København","region":"RA"}],
        "clusters":[{"id":"C1","region":"XX","name":"Klynge","acute_hospitals":["H"],"status":"confirmed","sources":[],"members":[{"municipality":"101"}]}]}"#;
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"data".into(), &js_sys::JSON::parse(data).unwrap()).unwrap();
    let _handle = mounted(&host, Some(opts.into())).await;
    let widget = one(&host, ".sk-widget");
    let item = one(&widget, "li[data-code=\"unknown-reference\"]");
    assert_eq!(item.get_attribute("data-path").as_deref(), Some("/clusters/0/region"));
    assert!(text(&item).contains("XX"));
    assert_eq!(text(&one(&widget, ".sk-region > h2")), "Region A");
}

#[wasm_bindgen_test]
async fn unserialisable_data_and_unknown_region_option() {
    // A cycle: JSON.stringify throws; mount must not.
    let host_a = host();
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"self".into(), &data).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"data".into(), &data).unwrap();
    let _a = mounted(&host_a, Some(opts.into())).await;
    one(&host_a, "li[data-code=\"json-syntax\"][data-path=\"\"]");

    // An unknown region falls back to the first, with a notice.
    let host_b = host();
    let _b = mounted(&host_b, options(r#"{"region": "NOPE", "lang": "en"}"#)).await;
    let widget = one(&host_b, ".sk-widget");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RH"));
    assert!(text(&one(&widget, ".sk-notice")).contains("NOPE"));
}

#[wasm_bindgen_test]
async fn update_changes_region_and_language() {
    let host = host();
    let mut handle = mounted(&host, None).await;
    let widget = one(&host, ".sk-widget");
    handle.update(options(r#"{"region": "RSD", "lang": "en"}"#));
    yew::scheduler::flush().await;
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RSD"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    let select: HtmlSelectElement = one(&widget, "select").dyn_into().unwrap();
    assert_eq!(select.value(), "RSD");

    // The user picks a region; an update without `region` keeps it.
    choose_region(&widget, "RN").await;
    handle.update(options(r#"{"lang": "da"}"#));
    yew::scheduler::flush().await;
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("da"));
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RN"));

    // The same region given again applies again.
    handle.update(options(r#"{"region": "RSD"}"#));
    yew::scheduler::flush().await;
    choose_region(&widget, "RM").await;
    handle.update(options(r#"{"region": "RSD"}"#));
    yew::scheduler::flush().await;
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RSD"));
    let select: HtmlSelectElement = one(&widget, "select").dyn_into().unwrap();
    assert_eq!(select.value(), "RSD");

    // New data replace the old; bad data give findings, and null returns to the default.
    handle.update(options(r#"{"data": "[]"}"#));
    yew::scheduler::flush().await;
    one(&widget, "li[data-code=\"json-not-object\"]");
    assert!(all(&widget, "[data-cluster-id]").is_empty());
    handle.update(options(r#"{"data": null}"#));
    yew::scheduler::flush().await;
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RH"));
}

#[wasm_bindgen_test]
async fn destroy_keeps_the_hosts_other_children() {
    let host = host();
    let before = document().create_element("p").unwrap();
    before.set_text_content(Some("before"));
    host.append_child(&before).unwrap();
    let mut handle = mounted(&host, None).await;
    let after = document().create_element("p").unwrap();
    after.set_text_content(Some("after"));
    host.append_child(&after).unwrap();
    assert_eq!(text(&before), "before", "mount did not clear the host");
    assert_eq!(host.child_element_count(), 3);
    one(&host, ".sk-widget");

    handle.destroy();
    yew::scheduler::flush().await;
    assert!(all(&host, ".sk-widget").is_empty());
    assert_eq!(host.child_element_count(), 2);
    assert_eq!(host.first_element_child().unwrap(), before);
    assert_eq!(host.last_element_child().unwrap(), after);
    // Harmless twice, and after destroy.
    handle.destroy();
    handle.update(options(r#"{"region": "RN"}"#));
    yew::scheduler::flush().await;
    assert_eq!(host.child_element_count(), 2);
}

#[wasm_bindgen_test]
async fn data_are_text_never_markup() {
    let host = host();
    let data = r#"{"format":"sundhedsklynger/1","as_of":"2024-01-01",
        "regions":[{"id":"RA","name":"<img src=x onerror=\"window.skPwned=1\">Region A"}],
        "municipalities":[{"code":"101","name":"<b>København</b>","region":"RA"}],
        "clusters":[{"id":"C1\" onclick=\"window.skPwned=2","region":"RA",
          "name":"<script>window.skPwned=3</script><img src=x onerror=\"window.skPwned=4\">",
          "acute_hospitals":["<img src=x onerror=\"window.skPwned=5\">"],"status":"confirmed",
          "sources":["javascript:window.skPwned=6","JaVaScRiPt:alert(1)"," javascript:alert(1)","https://example.org/ok"],
          "notes":"<a href=\"javascript:alert(1)\">x</a>",
          "members":[{"municipality":"101"}]}]}"#;
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"data".into(), &data.into()).unwrap();
    let _handle = mounted(&host, Some(opts.into())).await;
    let widget = one(&host, ".sk-widget");
    assert!(all(&host, "script, img, b").is_empty(), "markup from the data became elements");
    assert!(all(&host, "a[href^=\"javascript\" i], a[href*=\"javascript\" i]").is_empty());
    assert!(all(&host, "[onclick], [onerror], [style]").is_empty());
    let card = one(&widget, "[data-cluster-id]");
    assert_eq!(card.get_attribute("data-cluster-id").as_deref(), Some("C1\" onclick=\"window.skPwned=2"));
    assert!(text(&one(&card, "h3")).contains("<script>window.skPwned=3</script>"));
    assert!(text(&card).contains("javascript:window.skPwned=6"));
    let links = all(&card, "a");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].get_attribute("href").as_deref(), Some("https://example.org/ok"));
    let window = web_sys::window().unwrap();
    let pwned = js_sys::Reflect::get(&window, &"skPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a payload ran: {pwned:?}");
    one(&widget, "li[data-code=\"invalid-source-url\"][data-path=\"/clusters/0/sources/0\"]");
}

#[wasm_bindgen_test]
async fn stylesheet_is_adopted_once_without_inline_styles() {
    let count = || {
        let sheets = js_sys::Reflect::get(&document(), &"adoptedStyleSheets".into()).unwrap();
        js_sys::Array::from(&sheets).length()
    };
    let host_a = host();
    let _a = mounted(&host_a, None).await;
    let after_first = count();
    assert!(after_first >= 1);
    let host_b = host();
    let _b = mounted(&host_b, None).await;
    assert_eq!(count(), after_first, "the stylesheet was adopted twice");
    assert!(all(&host_a, "[style]").is_empty());
    // Two widgets on one page have distinct element ids.
    let id_a = one(&host_a, "select").get_attribute("id").unwrap();
    let id_b = one(&host_b, "select").get_attribute("id").unwrap();
    assert_ne!(id_a, id_b);
    // The stylesheet applies: the sector colour is a custom property.
    let widget: HtmlElement = one(&host_a, ".sk-widget").dyn_into().unwrap();
    let style = web_sys::window().unwrap().get_computed_style(&widget).unwrap().unwrap();
    assert!(!style.get_property_value("--sk-color-region").unwrap().trim().is_empty());
}

#[wasm_bindgen_test]
async fn works_inside_a_shadow_root() {
    let outer = host();
    let shadow = outer.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let inner = document().create_element("div").unwrap();
    shadow.append_child(&inner).unwrap();
    let _handle = mounted(&inner, options(r#"{"region": "RN"}"#)).await;
    assert_eq!(cluster_ids(&inner), expected_cluster_ids("RN"));
    let sheets = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(js_sys::Array::from(&sheets).length(), 1);
    let widget: HtmlElement = one(&inner, ".sk-widget").dyn_into().unwrap();
    let style = web_sys::window().unwrap().get_computed_style(&widget).unwrap().unwrap();
    assert!(!style.get_property_value("--sk-color-region").unwrap().trim().is_empty());
}

#[wasm_bindgen_test]
fn reducer_keeps_what_it_can_and_skips_no_ops() {
    use std::rc::Rc;
    use sundhedsklynger::web::state::{finding_groups, Action, DataInput, State, WidgetOptions};
    use sundhedsklynger::{Lang, Severity};
    use yew::Reducible;

    let state = Rc::new(State::new(&WidgetOptions { region: Some("RM".into()), ..Default::default() }, 0));
    assert_eq!(state.region.as_deref(), Some("RM"));
    assert_eq!(state.lang, Lang::Da);
    assert_eq!(state.bodies.as_ref().unwrap().clusters.len(), 5);

    // No-ops return the same state, so Yew does not render again.
    let same = Rc::clone(&state).reduce(Action::SelectRegion("RM".into()));
    assert!(Rc::ptr_eq(&same, &state));
    let same = Rc::clone(&state).reduce(Action::SetLang(Lang::Da));
    assert!(Rc::ptr_eq(&same, &state));
    let same = Rc::clone(&state).reduce(Action::Apply { options: WidgetOptions::default(), serial: 0 });
    assert!(Rc::ptr_eq(&same, &state));

    // An unknown region shows the first and remembers what was asked for.
    let next = Rc::clone(&state).reduce(Action::SelectRegion("XX".into()));
    assert_eq!(next.region.as_deref(), Some("RH"));
    assert_eq!(next.unknown_region.as_deref(), Some("XX"));

    // New data keep the region where it still exists, else show the first.
    let only_rn = r#"{"format":"sundhedsklynger/1","as_of":"2024-01-01",
        "regions":[{"id":"RN","name":"Region Nordjylland"},{"id":"RM","name":"Region Midtjylland"}],
        "municipalities":[{"code":"851","name":"Aalborg","region":"RN"}],
        "clusters":[{"id":"RN-MIDT","region":"RN","name":"Klynge MIDT","acute_hospitals":["Aalborg"],"status":"confirmed","sources":[],"members":[{"municipality":"851"}]}]}"#;
    let loaded = Rc::clone(&state).reduce(Action::LoadData(DataInput::Text(Rc::from(only_rn))));
    assert_eq!(loaded.region.as_deref(), Some("RM"));
    assert!(loaded.bodies.as_ref().unwrap().clusters.is_empty());
    let rn = Rc::clone(&loaded).reduce(Action::SelectRegion("RN".into()));
    assert_eq!(rn.bodies.as_ref().unwrap().clusters.len(), 1);
    // Findings about the region shown come first in their group.
    let groups = finding_groups(&rn.report, Some("RM"));
    let warnings = &groups.iter().find(|(s, _)| *s == Severity::Warning).unwrap().1;
    assert!(warnings[0].here, "{:?}", warnings.iter().map(|w| &w.finding.path).collect::<Vec<_>>());
    let back = Rc::clone(&rn).reduce(Action::LoadData(DataInput::Default));
    assert_eq!(back.region.as_deref(), Some("RN"));
    assert_eq!(back.report.dataset.clusters.len(), 22);
}
