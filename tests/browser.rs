//! The widget in a real browser (wasm-bindgen-test, headless Chromium): mount into a
//! fresh element and check the DOM it produces.
//!
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! cargo test --target wasm32-unknown-unknown --test browser
#![cfg(all(target_arch = "wasm32", feature = "view"))]

use sundhedsklynger::js::mount::{mount, WidgetHandle};
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

/// Widget options with the `/1` default data (see [`mounted`]).
#[allow(dead_code)]
fn v1_defaults() -> sundhedsklynger::web::state::WidgetOptions {
    sundhedsklynger::web::state::WidgetOptions {
        data: sundhedsklynger::web::state::DataInput::Text(std::rc::Rc::new(sundhedsklynger::DEFAULT_DATA_JSON.to_string())),
        ..Default::default()
    }
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

async fn click(element: &Element) {
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init
    })
    .unwrap();
    element.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// Mounts a widget. Options without `data`, `dataset` or `date` get the `/1` default data
/// (`www/data/default.json`), which these tests were written against: the embedded default
/// is the structure in force today, which changes with the calendar (its own tests below).
async fn mounted(host: &Element, opts: Option<JsValue>) -> WidgetHandle {
    let opts = opts.unwrap_or_else(|| js_sys::Object::new().into());
    let given = |k: &str| js_sys::Reflect::get(&opts, &k.into()).is_ok_and(|v| !v.is_undefined());
    if !given("data") && !given("dataset") && !given("date") {
        js_sys::Reflect::set(&opts, &"data".into(), &sundhedsklynger::DEFAULT_DATA_JSON.into()).unwrap();
    }
    let handle = mount(host.clone(), Some(opts));
    settled(host).await;
    handle
}

/// Waits until the widget in `host` is drawn whole: its first render comes in tasks (the
/// loading line, the steps of reading, the header, the chart, the findings, the key
/// figures and transition; `aria-busy` until then).
async fn settled(host: &Element) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if host.query_selector(".sk-widget:not([aria-busy])").ok().flatten().is_some() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(4).await;
    }
    panic!("the widget was not drawn in 2 s: {}", host.inner_html().chars().take(300).collect::<String>());
}

fn cluster_ids(root: &Element) -> Vec<String> {
    let mut ids: Vec<String> =
        all(root, "[data-cluster-id]").iter().map(|e| e.get_attribute("data-cluster-id").unwrap()).collect();
    ids.sort();
    ids
}

fn expected_cluster_ids(region: &str) -> Vec<String> {
    let mut ids: Vec<String> = sundhedsklynger::default_data().areas_of(region).map(|c| c.id.clone()).collect();
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
    let label = one(&widget, ".sk-controls label");
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
    for cluster in sundhedsklynger::default_data().areas_of("RN") {
        // The chart (default view): the cluster's tree item is named after it.
        let node = one(&widget, &format!("[data-cluster-id=\"{}\"]", cluster.id));
        assert_eq!(node.get_attribute("role").as_deref(), Some("treeitem"));
        assert!(node.get_attribute("aria-label").unwrap().starts_with(&cluster.name), "{}", cluster.id);
        assert!(text(&node).contains(&cluster.name) || cluster.name.chars().count() > 28, "{}", cluster.id);
    }
    // The list view: a card per cluster with the name as heading.
    click(&one(&widget, "button.sk-view-list")).await;
    for cluster in sundhedsklynger::default_data().areas_of("RN") {
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
    let button: HtmlElement = one(&widget, "button.sk-lang").dyn_into().unwrap();
    assert_eq!(text(&button).trim(), "English");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("en"));
    let danish = text(&widget);
    assert!(danish.contains("Fund i data"));

    button.click();
    yew::scheduler::flush().await;
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    let button: HtmlElement = one(&widget, "button.sk-lang").dyn_into().unwrap();
    assert_eq!(text(&button).trim(), "Dansk");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("da"));
    assert_eq!(text(&one(&widget, ".sk-controls label")), "Region");
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
    let _handle = mounted(&host, options(r#"{"region": "RM", "view": "list"}"#)).await;
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
    let _handle = mounted(&host, options(r#"{"region": "RH", "view": "list"}"#)).await;
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
    let button: HtmlElement = one(&widget, "button.sk-lang").dyn_into().unwrap();
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

/// `destroy` parks its Yew app for the next `mount` to reuse (Yew 0.23 leaks listeners per
/// app): the next widget must start afresh, in its own host, with nothing of the last one.
#[wasm_bindgen_test]
async fn a_widget_mounted_after_another_was_destroyed_starts_afresh() {
    let first_region = sundhedsklynger::default_data().regions[0].id.clone();
    let first_host = host();
    let mut first = mounted(&first_host, options(r#"{"lang": "en", "view": "list"}"#)).await;
    let widget = one(&first_host, ".sk-widget");
    choose_region(&widget, "RN").await;
    assert_eq!(cluster_ids(&widget), expected_cluster_ids("RN"));
    // At once, as React's strict mode does: the parked app has not rendered in between.
    first.destroy();
    let second_host = host();
    let _second = mounted(&second_host, options(r#"{"view": "list"}"#)).await;
    assert!(all(&first_host, ".sk-widget").is_empty(), "nothing went back to the old host");
    let widget = one(&second_host, ".sk-widget");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("da"));
    assert_eq!(cluster_ids(&widget), expected_cluster_ids(&first_region));
    // The old handle does not reach the new widget.
    first.update(options(r#"{"region": "RSD"}"#));
    yew::scheduler::flush().await;
    assert_eq!(cluster_ids(&widget), expected_cluster_ids(&first_region));
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
    // The chart: names are text in the tree items and the detail panel.
    let node = one(&widget, "[data-cluster-id]");
    assert!(node.get_attribute("aria-label").unwrap().contains("<script>"));
    click(&node).await;
    let detail = one(&widget, ".sk-detail");
    assert!(text(&detail).contains("javascript:window.skPwned=6"));
    assert_eq!(all(&detail, "a").len(), 1, "only the web link is a link");
    assert!(all(&host, "script, img, b, [onclick], [onerror], [style]").is_empty());
    // The list view.
    click(&one(&widget, "button.sk-view-list")).await;
    let card = one(&widget, "[data-cluster-id]");
    assert_eq!(card.get_attribute("data-cluster-id").as_deref(), Some("C1\" onclick=\"window.skPwned=2"));
    assert!(text(&one(&card, "h3")).contains("<script>window.skPwned=3</script>"));
    assert!(text(&card).contains("javascript:window.skPwned=6"));
    // The profile's task sources are links of their own (web addresses only).
    let links = all(&card, "a:not(.sk-task-source)");
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

    let state = Rc::new(State::new(&WidgetOptions { region: Some("RM".into()), ..v1_defaults() }, 0));
    assert_eq!(state.region.as_deref(), Some("RM"));
    assert_eq!(state.lang, Lang::Da);
    assert_eq!(state.bodies.as_ref().unwrap().areas.len(), 5);

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
    let loaded = Rc::clone(&state).reduce(Action::LoadData(DataInput::Text(Rc::new(only_rn.to_string()))));
    assert_eq!(loaded.region.as_deref(), Some("RM"));
    assert!(loaded.bodies.as_ref().unwrap().areas.is_empty());
    let rn = Rc::clone(&loaded).reduce(Action::SelectRegion("RN".into()));
    assert_eq!(rn.bodies.as_ref().unwrap().areas.len(), 1);
    // Findings about the region shown come first in their group.
    let groups = finding_groups(&rn.report, Some("RM"));
    let warnings = &groups.iter().find(|(s, _)| *s == Severity::Warning).unwrap().1;
    assert!(warnings[0].here, "{:?}", warnings.iter().map(|w| &w.finding.path).collect::<Vec<_>>());
    let back = Rc::clone(&rn).reduce(Action::LoadData(DataInput::Builtin("klynger-2022".into())));
    assert_eq!(back.region.as_deref(), Some("RN"));
    assert_eq!(back.dataset, Some("klynger-2022"));
    assert_eq!(back.report.dataset.areas.len(), 22);
}

// ---------------------------------------------------------------- key figures

mod key_figures {
    use super::*;
    use sundhedsklynger::figures::key_figures::{key_figures, AreaLevel, FigureStatus, KeyFigureOptions, KeyFigures};
    use sundhedsklynger::Options;

    const DEMO: &str = include_str!("../www/data/demo.json");

    /// The key figures of the demo data, computed by the core as the widget does.
    fn demo_figures(options: &KeyFigureOptions) -> (sundhedsklynger::Dataset, KeyFigures) {
        let report = sundhedsklynger::check(DEMO, &Options::default());
        let (profile, _) = sundhedsklynger::rules::resolve_profile(&report.dataset, &Options::default());
        let figures = key_figures(&report.dataset, &profile, options);
        (report.dataset, figures)
    }

    /// Mount options with the demo data and `extra` fields (JSON).
    fn demo_options(extra: &str) -> Option<JsValue> {
        let opts = js_sys::JSON::parse(extra).unwrap();
        js_sys::Reflect::set(&opts, &"data".into(), &DEMO.into()).unwrap();
        // The key-figure panels sit in the cards of the list view.
        js_sys::Reflect::set(&opts, &"view".into(), &"list".into()).unwrap();
        Some(opts)
    }

    /// "23,4" / "23.4": one decimal, as the core's value; the test data stay below 1,000.
    fn one_decimal(value: f64, comma: bool) -> String {
        assert!(value.abs() < 1000.0);
        let text = format!("{value:.1}");
        if comma { text.replace('.', ",") } else { text }
    }

    /// The select whose label has this text.
    fn labelled_select(root: &Element, label: &str) -> HtmlSelectElement {
        let label = all(root, "label").into_iter().find(|l| text(l).trim() == label).unwrap_or_else(|| panic!("no label {label}"));
        let id = label.get_attribute("for").unwrap();
        one(root, &format!("select#{id}")).dyn_into().unwrap()
    }

    async fn choose(select: &HtmlSelectElement, value: &str) {
        select.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }

    async fn click(element: &Element) {
        element.clone().dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    fn row_areas(table: &Element) -> Vec<String> {
        all(table, "tbody tr").iter().map(|r| r.get_attribute("data-row-area").unwrap()).collect()
    }

    #[wasm_bindgen_test]
    async fn cluster_panel_period_and_language() {
        let (_, kf) = demo_figures(&KeyFigureOptions::default());
        let ind = &kf.indicators[0];
        let latest = ind.periods.last().unwrap().clone();
        let first = ind.periods.first().unwrap().clone();
        let figure = |period: &str| {
            ind.figures.iter().find(|f| f.level == AreaLevel::Cluster && f.area == "RM-HORSENS" && f.period == period).unwrap()
        };
        assert_eq!(figure(&latest).status, FigureStatus::Ok);

        let host = host();
        let _handle = mounted(&host, demo_options(r#"{"region": "RM"}"#)).await;
        let widget = one(&host, ".sk-widget");
        one(&widget, "section[data-testid=\"key-figures\"]");
        // The panel is inside the cluster's element, and says its area and level.
        let panel = one(&widget, "[data-cluster-id=\"RM-HORSENS\"] [data-figure-area=\"RM-HORSENS\"]");
        assert_eq!(panel.get_attribute("data-figure-level").as_deref(), Some("cluster"));
        let heading = one(&panel, ".sk-figure-panel-title");
        assert!(text(&heading).contains(&latest), "{}", text(&heading));
        assert_eq!(all(&heading, ".sk-synthetic").len(), 1, "the label once in the heading");
        let item = one(&panel, &format!(".sk-figure[data-indicator=\"{}\"]", ind.id));
        let value = text(&one(&item, ".sk-value"));
        assert_eq!(value, one_decimal(figure(&latest).value.unwrap(), true));
        assert!(value.contains(','), "decimal comma: {value}");
        assert_eq!(text(&one(&item, ".sk-synthetic")), "Eksempeldata – ikke officielle tal");
        let f = figure(&latest);
        assert_eq!(
            text(&one(&item, ".sk-interval")),
            format!("{}–{}", one_decimal(f.lower.unwrap(), true), one_decimal(f.upper.unwrap(), true))
        );
        assert!(text(&item).contains(ind.unit.da.as_str()));
        // Every figure of a synthetic indicator carries the label.
        for item in all(&panel, ".sk-figure") {
            one(&item, ".sk-synthetic");
        }
        // The region's and the nation's panels.
        one(&widget, ".sk-ssu [data-figure-area=\"RM\"][data-figure-level=\"region\"]");
        one(&widget, "section[data-testid=\"key-figures\"] [data-figure-area=\"DK\"][data-figure-level=\"nation\"]");

        // Another period changes the value.
        let select = labelled_select(&widget, "Periode");
        assert_eq!(select.value(), latest, "the latest period by default");
        choose(&select, &first).await;
        let panel = one(&widget, "[data-figure-area=\"RM-HORSENS\"]");
        let item = one(&panel, &format!(".sk-figure[data-indicator=\"{}\"]", ind.id));
        let earlier = text(&one(&item, ".sk-value"));
        assert_eq!(earlier, one_decimal(figure(&first).value.unwrap(), true));
        assert_ne!(earlier, value);
        assert!(text(&one(&panel, ".sk-figure-panel-title")).contains(&first));

        // English: a decimal point, and the period kept.
        click(&one(&widget, "button.sk-lang")).await;
        let select = labelled_select(&widget, "Period");
        assert_eq!(select.value(), first);
        let item = one(&widget, &format!("[data-figure-area=\"RM-HORSENS\"] .sk-figure[data-indicator=\"{}\"]", ind.id));
        let english = text(&one(&item, ".sk-value"));
        assert_eq!(english, one_decimal(figure(&first).value.unwrap(), false));
        assert!(english.contains('.') && !english.contains(','), "{english}");
        assert_eq!(text(&one(&item, ".sk-synthetic")), "Example data – not official figures");
        // Counts have a thousands separator: a comma in English.
        let counts = text(&one(&item, ".sk-counts"));
        let denominator = figure(&first).denominator;
        assert!(denominator >= 1000.0);
        assert!(counts.contains(','), "{counts}");
        assert!(all(&host, "[style]").is_empty(), "no inline styles");
    }

    #[wasm_bindgen_test]
    async fn comparison_chart_and_sortable_table() {
        let (data, kf) = demo_figures(&KeyFigureOptions::default());
        let ind = &kf.indicators[0];
        let latest = ind.periods.last().unwrap();
        let host = host();
        let _handle = mounted(&host, demo_options(r#"{"region": "RM"}"#)).await;
        let section = one(&host, "section[data-testid=\"comparison\"]");
        let table = one(&section, "table");
        one(&table, "caption");
        let mut expected: Vec<&str> = data.areas_of("RM").map(|c| c.id.as_str()).collect();
        let mut shown = row_areas(&table);
        shown.sort();
        expected.sort();
        assert_eq!(shown, expected);
        let name_header = one(&table, "th[data-sort-key=\"name\"]");
        let value_header = one(&table, "th[data-sort-key=\"value\"]");
        assert_eq!(name_header.get_attribute("aria-sort").as_deref(), Some("ascending"));
        assert_eq!(value_header.get_attribute("aria-sort"), None);
        for th in all(&table, "th") {
            assert!(th.get_attribute("scope").is_some(), "a th without scope: {}", text(&th));
        }

        // The chart: an image with a name, one dot per cluster with a value.
        let svg = one(&section, "svg");
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        assert!(svg.get_attribute("aria-label").unwrap().len() > 20);
        assert_eq!(all(&svg, ".sk-chart-dot").len(), expected.len());
        one(&svg, ".sk-chart-refline");

        // Sorting by value: ascending, then descending.
        let value_of = |id: &str| {
            ind.figures.iter().find(|f| f.level == AreaLevel::Cluster && f.area == id && &f.period == latest).unwrap().value.unwrap()
        };
        let mut by_value: Vec<&str> = expected.clone();
        by_value.sort_by(|a, b| value_of(a).total_cmp(&value_of(b)));
        click(&one(&value_header, "button")).await;
        let table = one(&host, "section[data-testid=\"comparison\"] table");
        assert_eq!(row_areas(&table), by_value);
        assert_eq!(one(&table, "th[data-sort-key=\"value\"]").get_attribute("aria-sort").as_deref(), Some("ascending"));
        assert_eq!(one(&table, "th[data-sort-key=\"name\"]").get_attribute("aria-sort"), None);
        let first_value = text(&all(&table, "tbody tr td")[0]);
        assert_eq!(first_value, one_decimal(value_of(by_value[0]), true));
        click(&one(&table, "th[data-sort-key=\"value\"] button")).await;
        let table = one(&host, "section[data-testid=\"comparison\"] table");
        by_value.reverse();
        assert_eq!(row_areas(&table), by_value);
        assert_eq!(one(&table, "th[data-sort-key=\"value\"]").get_attribute("aria-sort").as_deref(), Some("descending"));
        // The chart follows the table's order.
        let names: Vec<String> = all(&host, "section[data-testid=\"comparison\"] .sk-chart-name").iter().map(text).collect();
        let expected_names: Vec<String> = by_value.iter().map(|id| data.area(id).unwrap().name.clone()).collect();
        assert_eq!(names, expected_names);

        // All clusters of the country.
        click(&one(&host, "section[data-testid=\"comparison\"] input[value=\"all\"]")).await;
        let table = one(&host, "section[data-testid=\"comparison\"] table");
        assert_eq!(row_areas(&table).len(), data.areas.len());
        // RH-SYD and RH-BYEN leave out København, whose share is unknown: the table says so.
        let syd = one(&table, "tr[data-row-area=\"RH-SYD\"]");
        assert!(text(&syd).contains("uden København"), "{}", text(&syd));
    }

    #[wasm_bindgen_test]
    async fn incomplete_cluster_names_the_left_out_municipality() {
        let host = host();
        let _handle = mounted(&host, demo_options(r#"{"region": "RH"}"#)).await;
        let panel = one(&host, "[data-figure-area=\"RH-SYD\"]");
        assert!(
            text(&one(&panel, ".sk-incomplete")).contains("København indgår ikke: befolkningsandelen i klyngen kendes ikke"),
            "{}",
            text(&panel)
        );
        assert!(all(&one(&host, "[data-figure-area=\"RH-NORD\"]"), ".sk-incomplete").is_empty());
    }

    #[wasm_bindgen_test]
    async fn suppressed_figures_are_marked_never_zero() {
        let host = host();
        let mut handle = mounted(&host, demo_options(r#"{"region": "RM", "keyFigureOptions": {"suppressBelow": 1e9}}"#)).await;
        let widget = one(&host, ".sk-widget");
        let items = all(&widget, ".sk-figure");
        // 5 clusters + region + nation, 3 indicators each.
        assert_eq!(items.len(), 7 * 3);
        for item in &items {
            assert_eq!(item.get_attribute("data-status").as_deref(), Some("suppressed"));
            let value = one(item, ".sk-value");
            assert!(value.class_list().contains("sk-suppressed"));
            assert_eq!(text(&value), "Undertrykt (færre end 1.000.000.000 hændelser)");
            assert!(all(item, ".sk-interval, .sk-counts").is_empty(), "no interval or counts for a suppressed figure");
        }
        let table = one(&widget, "section[data-testid=\"comparison\"] table");
        for row in all(&table, "tbody tr") {
            one(&row, ".sk-suppressed");
        }
        for cell in all(&widget, ".sk-figure-panel .sk-value, .sk-figure-panel dd, section[data-testid=\"comparison\"] td") {
            let t = text(&cell);
            assert!(t.trim() != "0" && !t.starts_with("0,"), "a value shown as 0: {t}");
        }
        assert!(all(&widget, "section[data-testid=\"comparison\"] svg").is_empty());
        one(&widget, "section[data-testid=\"comparison\"] .sk-chart-note");

        // Other updates keep the options; null returns to the defaults.
        handle.update(options(r#"{"lang": "en"}"#));
        yew::scheduler::flush().await;
        for value in all(&widget, "[data-figure-area=\"RM\"] .sk-figure .sk-value") {
            assert_eq!(text(&value), "Suppressed (fewer than 1,000,000,000 events)");
        }
        handle.update(options(r#"{"keyFigureOptions": null}"#));
        yew::scheduler::flush().await;
        assert!(all(&widget, ".sk-suppressed").is_empty());
    }

    #[wasm_bindgen_test]
    async fn governance_figures_with_the_default_data() {
        let report = sundhedsklynger::check(sundhedsklynger::DEFAULT_DATA_JSON, &Options::default());
        let (profile, _) = sundhedsklynger::rules::resolve_profile(&report.dataset, &Options::default());
        let gov = sundhedsklynger::figures::key_figures::governance(&report.dataset, &profile);
        let body = gov.bodies.iter().find(|b| b.id == "RM-HORSENS/political").unwrap();
        assert_eq!((body.by_sector.region, body.by_sector.municipality, body.by_sector.general_practice), (2, 4, 1));

        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RM"}"#)).await;
        let section = one(&host, "section[data-testid=\"key-figures\"]");
        // No indicators: no panels, no comparison, no period select; the governance figures always.
        assert!(all(&host, "[data-figure-area], section[data-testid=\"comparison\"]").is_empty());
        let row = one(&section, "tr[data-body-id=\"RM-HORSENS/political\"]");
        let cell = |sector: &str| text(&one(&row, &format!("td[data-sector=\"{sector}\"]")));
        assert_eq!(cell("region"), body.by_sector.region.to_string());
        assert_eq!(cell("municipality"), body.by_sector.municipality.to_string());
        assert_eq!(cell("general-practice"), body.by_sector.general_practice.to_string());
        assert_eq!(cell("patients"), body.by_sector.patients.to_string());
        assert_eq!(cell("total"), body.seats.to_string());
        let horsens = one(&section, "tr[data-governance-cluster=\"RM-HORSENS\"]");
        assert_eq!(text(&one(&horsens, "td[data-field=\"population\"]")), "ikke oplyst");
        assert_eq!(text(&one(&horsens, "td[data-field=\"per-seat\"]")), "ikke oplyst");
        let region = one(&section, "tr[data-governance-region=\"RM\"]");
        assert_eq!(text(&one(&region, "td[data-field=\"population\"]")), "ikke oplyst");
        // Tables have captions, headers with scope, and scroll inside a named, focusable region.
        let tables = all(&section, "table");
        assert_eq!(tables.len(), 3);
        for table in &tables {
            let caption = one(table, "caption");
            let scroller = table.parent_element().unwrap();
            assert_eq!(scroller.get_attribute("tabindex").as_deref(), Some("0"));
            assert_eq!(scroller.get_attribute("aria-labelledby"), caption.get_attribute("id"));
            for th in all(table, "th") {
                assert!(th.get_attribute("scope").is_some());
            }
        }
        // English.
        click(&one(&host, "button.sk-lang")).await;
        let horsens = one(&host, "tr[data-governance-cluster=\"RM-HORSENS\"]");
        assert_eq!(text(&one(&horsens, "td[data-field=\"population\"]")), "not given");
    }

    #[wasm_bindgen_test]
    fn period_is_kept_and_validated_by_the_reducer() {
        use std::rc::Rc;
        use sundhedsklynger::web::state::{Action, DataInput, State, WidgetOptions};
        use yew::Reducible;

        let demo = WidgetOptions { data: DataInput::Text(Rc::new(DEMO.to_string())), ..Default::default() };
        let state = Rc::new(State::new(&demo, 0));
        let periods = state.figures.periods.clone();
        assert_eq!(state.period.as_ref(), periods.last());
        let same = Rc::clone(&state).reduce(Action::SelectPeriod("1900".into()));
        assert!(Rc::ptr_eq(&same, &state), "an unknown period is ignored");
        let first = Rc::clone(&state).reduce(Action::SelectPeriod(periods[0].clone()));
        assert_eq!(first.period.as_ref(), Some(&periods[0]));
        assert!(first.figures == state.figures, "a period change does not compute the figures again");
        // New options compute the figures again and keep the period.
        let options = KeyFigureOptions { suppress_below: 1e9, ..Default::default() };
        let next = Rc::clone(&first).reduce(Action::Apply { options: WidgetOptions { key_figure_options: options, ..demo.clone() }, serial: 1 });
        assert!(next.figures != first.figures);
        assert_eq!(next.period.as_ref(), Some(&periods[0]));
        // Data without indicators: no period.
        let default = Rc::clone(&next).reduce(Action::LoadData(DataInput::Default));
        assert_eq!(default.period, None);
        assert!(default.figures.periods.is_empty());
    }
}

/// The org chart (the default view): tree-view semantics, interaction, export, culling.
mod chart_view {
    use super::*;
    use std::rc::Rc;
    use sundhedsklynger::chart::{navigate, Chart, TreeKey};
    use sundhedsklynger::web::state::{Shared, State, WidgetOptions};
    use sundhedsklynger::Lang;

    /// What the widget opens at first view in `widget`'s drawing area (its width picks the
    /// orientation and the columns; areas whose bodies do not fit are closed).
    fn first_view_of(chart: &Chart, widget: &Element) -> sundhedsklynger::chart::ViewState {
        use sundhedsklynger::chart::draw::{first_view_state, orientation_for, Arrangement};
        let rect = one(widget, "svg[role=\"tree\"]").get_bounding_client_rect();
        let w = rect.width();
        let arrangement = Arrangement { orientation: orientation_for(w), columns: Arrangement::columns_for(w, sundhedsklynger::chart::viewport::READABLE_SCALE) };
        first_view_state(chart, arrangement, (w, 480.0_f64.min(rect.height().max(1.0))))
    }

    fn chart_of(region: &str) -> Rc<Chart> {
        let state = State::new(&WidgetOptions { region: Some(region.into()), ..v1_defaults() }, 0);
        let chart: Chart = (*state.chart.unwrap()).clone();
        Rc::new(chart)
    }

    fn items(root: &Element) -> Vec<Element> {
        all(root, "[role=\"treeitem\"]")
    }

    fn node_el(root: &Element, id: &str) -> Element {
        one(root, &format!("[role=\"treeitem\"][data-node=\"{id}\"]"))
    }

    fn index(chart: &Chart, id: &str) -> usize {
        chart.nodes.iter().position(|n| n.id == id).unwrap_or_else(|| panic!("no node {id}"))
    }

    fn transform(root: &Element) -> String {
        one(root, ".sk-viewport").get_attribute("transform").unwrap()
    }

    fn scale_of(transform: &str) -> f64 {
        let s = transform.split("scale(").nth(1).unwrap();
        s.trim_end_matches(')').parse().unwrap()
    }

    async fn key(target: &Element, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    fn active() -> Option<Element> {
        document().active_element()
    }

    async fn type_search(root: &Element, query: &str) {
        let input: web_sys::HtmlInputElement = one(root, "input.sk-search-input").dyn_into().unwrap();
        input.set_value(query);
        let init = EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }

    #[wasm_bindgen_test]
    async fn tree_semantics_and_initial_view() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RM"}"#)).await;
        let widget = one(&host, ".sk-widget");
        let chart = chart_of("RM");
        let state = first_view_of(&chart, &widget);
        assert_ne!(state, chart.initial_state(), "Region Midtjylland's clusters are closed at first: their bodies would not fit readably");
        let tree = one(&widget, "svg[role=\"tree\"]");
        assert_eq!(tree.get_attribute("aria-label").as_deref(), Some("Organisationsdiagram: Region Midtjylland"));
        assert!(tree.get_attribute("aria-orientation").is_none());
        // Small trees: every visible node is in the DOM, in display order.
        let shown: Vec<String> = items(&widget).iter().map(|e| e.get_attribute("data-node").unwrap()).collect();
        let expected: Vec<String> = chart.visible(&state).iter().map(|&v| chart.nodes[v].id.clone()).collect();
        assert_eq!(shown, expected);
        for e in items(&widget) {
            let v = index(&chart, &e.get_attribute("data-node").unwrap());
            assert_eq!(e.get_attribute("aria-level"), Some((chart.depth(v) + 1).to_string()));
            let (size, pos) = chart.set_position(v, &state);
            assert_eq!(e.get_attribute("aria-setsize"), Some(size.to_string()));
            assert_eq!(e.get_attribute("aria-posinset"), Some(pos.to_string()));
            let expanded = e.get_attribute("aria-expanded");
            if chart.is_parent(v, &state) {
                assert_eq!(expanded, Some(state.expanded[v].to_string()), "{}", chart.nodes[v].id);
            } else {
                assert!(expanded.is_none(), "aria-expanded on a leaf {}", chart.nodes[v].id);
            }
            assert_eq!(e.get_attribute("aria-selected").as_deref(), Some("false"));
            assert_eq!(e.get_attribute("part").as_deref(), Some("node"));
        }
        // Children of an open item are in a group inside it.
        let root = node_el(&widget, "RM");
        let group = one(&root, ":scope > [role=\"group\"]");
        assert_eq!(all(&group, ":scope > [role=\"treeitem\"]").len(), chart.children[index(&chart, "RM")].len());
        // One tab stop.
        assert_eq!(all(&widget, "[role=\"treeitem\"][tabindex=\"0\"]").len(), 1);
        assert_eq!(root.get_attribute("tabindex").as_deref(), Some("0"));
        // The DOM contract of the other views is kept.
        assert_eq!(cluster_ids(&widget), expected_cluster_ids("RM"));
        one(&widget, "section[data-testid=\"findings\"]");
        for part in ["toolbar", "chart", "detail", "node"] {
            assert!(!all(&widget, &format!("[part=\"{part}\"]")).is_empty(), "part {part}");
        }
        assert!(all(&host, "[style]").is_empty(), "no inline styles");
        assert!(one(&widget, ".sk-viewport").get_attribute("transform").unwrap().contains("scale("));
    }

    #[wasm_bindgen_test]
    async fn expand_and_collapse_one_and_all() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RM"}"#)).await;
        let widget = one(&host, ".sk-widget");
        let chart = chart_of("RM");
        let body = "RM-HORSENS/political";
        // The cluster opens with a click on its toggle, and keeps its place on screen.
        let cluster = node_el(&widget, "RM-HORSENS");
        let place = |e: &Element| { let r = one(e, ":scope > .sk-node-visual > .sk-node-box").get_bounding_client_rect(); (r.left().round(), r.top().round()) };
        let at = place(&cluster);
        click(&one(&cluster, ":scope > .sk-node-visual > .sk-toggle")).await;
        assert_eq!(place(&node_el(&widget, "RM-HORSENS")), at, "the toggled node stays where it was");
        let before = items(&widget).len();
        let node = node_el(&widget, body);
        assert_eq!(node.get_attribute("aria-expanded").as_deref(), Some("false"));
        click(&one(&node, ":scope > .sk-node-visual > .sk-toggle")).await;
        let node = node_el(&widget, body);
        assert_eq!(node.get_attribute("aria-expanded").as_deref(), Some("true"));
        let kids = chart.children[index(&chart, body)].len();
        assert_eq!(all(&node, "[role=\"group\"] > [role=\"treeitem\"]").len(), kids);
        assert_eq!(items(&widget).len(), before + kids);
        click(&one(&node, ":scope > .sk-node-visual > .sk-toggle")).await;
        assert_eq!(node_el(&widget, body).get_attribute("aria-expanded").as_deref(), Some("false"));
        assert_eq!(items(&widget).len(), before);

        click(&one(&widget, "button.sk-collapse-all")).await;
        assert_eq!(items(&widget).len(), chart.roots.len());
        assert_eq!(node_el(&widget, "RM").get_attribute("aria-expanded").as_deref(), Some("false"));
        click(&one(&widget, "button.sk-expand-all")).await;
        click(&one(&widget, "button.sk-fit")).await;
        let tree = one(&widget, "svg[role=\"tree\"]");
        assert_eq!(tree.get_attribute("data-nodes-total"), Some(chart.nodes.len().to_string()));
        let shown = items(&widget);
        assert!(shown.len() > before, "more nodes after expanding all");
        for e in shown {
            if let Some(x) = e.get_attribute("aria-expanded") {
                assert_eq!(x, "true");
            }
        }
    }

    /// Resolves after the next animation frame (where ResizeObserver reports).
    async fn next_frame() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// A widget that starts hidden (a closed tab on a CMS page) is fitted when it is shown,
    /// with no window resize: the drawing area's own size is observed.
    #[wasm_bindgen_test]
    async fn a_widget_shown_after_mounting_hidden_is_fitted() {
        let seen = host();
        let _seen_handle = mounted(&seen, options(r#"{"region": "RM"}"#)).await;
        for _ in 0..2 {
            next_frame().await;
            yew::scheduler::flush().await;
        }
        let fitted = transform(&one(&seen, ".sk-widget"));
        let hidden = host();
        hidden.set_attribute("style", "display: none").unwrap();
        let _handle = mounted(&hidden, options(r#"{"region": "RM"}"#)).await;
        let widget = one(&hidden, ".sk-widget");
        assert_eq!(scale_of(&transform(&widget)), 1.0, "not measured while hidden");
        hidden.remove_attribute("style").unwrap();
        for _ in 0..3 {
            next_frame().await;
            yew::scheduler::flush().await;
        }
        assert_eq!(transform(&widget), fitted, "fitted like a widget that was shown from the start");
        assert_ne!(fitted, "translate(0 0) scale(1)", "measured and placed");
        assert!(scale_of(&fitted) >= 1.0, "readable: {fitted}");
    }

    #[wasm_bindgen_test]
    async fn zoom_fit_and_orientation() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RN"}"#)).await;
        let widget = one(&host, ".sk-widget");
        let fitted = transform(&widget);
        let s0 = scale_of(&fitted);
        assert!(s0 > 0.0 && s0 <= 1.0);
        click(&one(&widget, "button.sk-zoom-in")).await;
        let s1 = scale_of(&transform(&widget));
        assert!((s1 / s0 - 1.25).abs() < 1e-6, "{s0} → {s1}");
        click(&one(&widget, "button.sk-zoom-out")).await;
        click(&one(&widget, "button.sk-zoom-out")).await;
        assert!((scale_of(&transform(&widget)) / s0 - 0.8).abs() < 1e-6);
        click(&one(&widget, "button.sk-fit")).await;
        assert_eq!(transform(&widget), fitted);
        // Left to right: the tree says so, and the layout turns.
        let orientation = one(&widget, "button.sk-orientation");
        assert_eq!(orientation.get_attribute("aria-pressed").as_deref(), Some("false"));
        let root_box = || one(&node_el(&widget, "RN"), ":scope > .sk-node-visual").get_attribute("transform").unwrap();
        let ssu_box = || one(&node_el(&widget, "RN/ssu"), ":scope > .sk-node-visual").get_attribute("transform").unwrap();
        let xy = |t: String| -> (f64, f64) {
            let inner = t.trim_start_matches("translate(").trim_end_matches(')').to_string();
            let mut it = inner.split(' ').map(|x| x.parse::<f64>().unwrap());
            (it.next().unwrap(), it.next().unwrap())
        };
        assert!(xy(ssu_box()).1 > xy(root_box()).1, "top-down: children below");
        click(&orientation).await;
        assert_eq!(one(&widget, "svg[role=\"tree\"]").get_attribute("aria-orientation").as_deref(), Some("horizontal"));
        assert_eq!(one(&widget, "button.sk-orientation").get_attribute("aria-pressed").as_deref(), Some("true"));
        assert!(xy(ssu_box()).0 > xy(root_box()).0, "left-right: children to the right");
        // Arrows turn: → is "next", ↓ opens.
        let chart = chart_of("RN");
        let root = node_el(&widget, "RN");
        key(&root, "ArrowRight").await;
        let next = chart.visible(&chart.initial_state())[1];
        assert_eq!(active().unwrap().get_attribute("data-node"), Some(chart.nodes[next].id.clone()));
        key(&active().unwrap(), "ArrowLeft").await;
        assert_eq!(active().unwrap().get_attribute("data-node").as_deref(), Some("RN"));
        key(&active().unwrap(), "ArrowUp").await;
        assert_eq!(node_el(&widget, "RN").get_attribute("aria-expanded").as_deref(), Some("false"));
        key(&active().unwrap(), "ArrowDown").await;
        assert_eq!(node_el(&widget, "RN").get_attribute("aria-expanded").as_deref(), Some("true"));
    }

    #[wasm_bindgen_test]
    async fn keyboard_walk_follows_the_apg_table() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RSJ"}"#)).await;
        let widget = one(&host, ".sk-widget");
        let chart = chart_of("RSJ");
        let mut state = first_view_of(&chart, &widget);
        let mut focus = chart.roots[0];
        let start: HtmlElement = node_el(&widget, &chart.nodes[focus].id).unchecked_into();
        let start: Element = start.into();
        start.dyn_ref::<web_sys::SvgElement>().unwrap().focus().unwrap();
        yew::scheduler::flush().await;
        let keys = [
            ("ArrowDown", TreeKey::Down),
            ("ArrowDown", TreeKey::Down),
            ("ArrowRight", TreeKey::Right),
            ("ArrowRight", TreeKey::Right),
            ("ArrowDown", TreeKey::Down),
            ("ArrowLeft", TreeKey::Left),
            ("ArrowLeft", TreeKey::Left),
            ("End", TreeKey::End),
            ("ArrowUp", TreeKey::Up),
            ("Home", TreeKey::Home),
            ("ArrowDown", TreeKey::Down),
            ("*", TreeKey::ExpandSiblings),
            ("s", TreeKey::Char('s')),
            ("p", TreeKey::Char('p')),
            ("ArrowLeft", TreeKey::Left),
        ];
        for (name, tree_key) in keys {
            focus = navigate(&chart, &mut state, focus, tree_key, Lang::Da);
            key(&active().expect("a focused item"), name).await;
            let now = active().unwrap();
            assert_eq!(now.get_attribute("data-node"), Some(chart.nodes[focus].id.clone()), "after {name}");
            assert_eq!(now.get_attribute("tabindex").as_deref(), Some("0"));
            for e in items(&widget) {
                let v = index(&chart, &e.get_attribute("data-node").unwrap());
                if chart.is_parent(v, &state) {
                    assert_eq!(e.get_attribute("aria-expanded"), Some(state.expanded[v].to_string()), "{} after {name}", chart.nodes[v].id);
                }
            }
        }
        // Enter selects and opens the detail panel.
        key(&active().unwrap(), "Enter").await;
        assert_eq!(active().unwrap().get_attribute("aria-selected").as_deref(), Some("true"));
        assert_eq!(one(&widget, ".sk-detail").get_attribute("data-node"), Some(chart.nodes[focus].id.clone()));
    }

    #[wasm_bindgen_test]
    async fn search_highlights_counts_and_next_reveals() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RM"}"#)).await;
        let widget = one(&host, ".sk-widget");
        let chart = chart_of("RM");
        let query = "borgmester";
        let hits = chart.search(query);
        assert!(hits.len() >= 2);
        type_search(&widget, query).await;
        assert_eq!(text(&one(&widget, ".sk-hit-count")), format!("{} fund", hits.len()));
        // The first hit is inside a closed body: "next" reveals and centres it.
        let first = &chart.nodes[hits[0]].id;
        assert!(all(&widget, &format!("[data-node=\"{first}\"]")).is_empty());
        click(&one(&widget, "button.sk-next-hit")).await;
        let node = node_el(&widget, first);
        assert!(node.class_list().contains("sk-hit-current"));
        assert_eq!(node.get_attribute("tabindex").as_deref(), Some("0"));
        assert_eq!(text(&one(&widget, ".sk-hit-count")), format!("Fund 1 af {}", hits.len()));
        click(&one(&widget, "button.sk-next-hit")).await;
        let second = node_el(&widget, &chart.nodes[hits[1]].id);
        assert!(second.class_list().contains("sk-hit-current"));
        assert!(!node_el(&widget, first).class_list().contains("sk-hit-current"));
        assert!(node_el(&widget, first).class_list().contains("sk-hit"));
        // Centred: the hit's box centre is at the middle of the drawing.
        let svg = one(&widget, "svg[role=\"tree\"]").get_bounding_client_rect();
        let r = one(&second, ":scope > .sk-node-visual > .sk-node-box").get_bounding_client_rect();
        assert!(((r.left() + r.width() / 2.0) - (svg.left() + svg.width() / 2.0)).abs() < 2.0);
        assert!(((r.top() + r.height() / 2.0) - (svg.top() + svg.height() / 2.0)).abs() < 2.0);
    }

    #[wasm_bindgen_test]
    async fn sector_filter_hides_seats() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RN"}"#)).await;
        let widget = one(&host, ".sk-widget");
        click(&one(&widget, "button.sk-expand-all")).await;
        click(&one(&widget, "button.sk-fit")).await;
        let gp = "[role=\"treeitem\"].sk-sector-general-practice";
        assert!(!all(&widget, gp).is_empty());
        let municipal = all(&widget, "[role=\"treeitem\"].sk-sector-municipality").len();
        let checkbox: web_sys::HtmlInputElement = one(&widget, "input[data-sector=\"sk-sector-general-practice\"]").dyn_into().unwrap();
        checkbox.set_checked(false);
        let init = EventInit::new();
        init.set_bubbles(true);
        checkbox.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
        assert!(all(&widget, gp).is_empty(), "general-practice seats are hidden");
        // Other sectors stay (more may come into view as the rows close up).
        assert!(all(&widget, "[role=\"treeitem\"].sk-sector-municipality").len() >= municipal);
        // aria-setsize counts the shown siblings only.
        let chart = chart_of("RN");
        let mut state = chart.initial_state();
        sundhedsklynger::chart::set_all(&chart, &mut state, true);
        state.hidden_sectors = vec![sundhedsklynger::model::Sector::GeneralPractice];
        for e in all(&widget, "[role=\"treeitem\"].sk-kind-seat") {
            let v = index(&chart, &e.get_attribute("data-node").unwrap());
            assert_eq!(e.get_attribute("aria-setsize"), Some(chart.set_position(v, &state).0.to_string()), "{}", chart.nodes[v].id);
        }
    }

    fn with_seats_options() -> Option<JsValue> {
        // Persons with seats in two bodies (see tests/common: p-alfa, p-chair).
        let data = include_str!("browser_seats.json");
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"data".into(), &data.into()).unwrap();
        js_sys::Reflect::set(&opts, &"region".into(), &"R1".into()).unwrap();
        Some(opts.into())
    }

    #[wasm_bindgen_test]
    async fn one_person_in_two_bodies_and_detail_panel() {
        let host = host();
        let _handle = mounted(&host, with_seats_options()).await;
        let widget = one(&host, ".sk-widget");
        let report = sundhedsklynger::check(include_str!("browser_seats.json"), &Default::default());
        let profile = sundhedsklynger::rules::resolve_profile(&report.dataset, &Default::default()).0;
        let chart = Chart::build(&report.dataset, &profile, &["R1"]);
        let seats = chart.person_seats["p-alfa"].clone();
        assert_eq!(seats.len(), 2);
        let (a, b) = (seats[0], seats[1]);
        // Open the first seat's body and select the seat.
        let body = chart.nodes[chart.nodes[a].parent.unwrap()].id.clone();
        click(&one(&node_el(&widget, &body), ":scope > .sk-node-visual > .sk-toggle")).await;
        click(&one(&node_el(&widget, &chart.nodes[a].id), ":scope > .sk-node-visual > .sk-node-box")).await;
        let selected = node_el(&widget, &chart.nodes[a].id);
        assert_eq!(selected.get_attribute("aria-selected").as_deref(), Some("true"));
        // The other seat is revealed and highlighted, with a dashed link between them.
        let other = node_el(&widget, &chart.nodes[b].id);
        assert!(other.class_list().contains("sk-linked"));
        assert_eq!(all(&widget, ".sk-cross").len(), 1);
        // The description names the other seat; so does the detail panel.
        let description = chart.other_seats_description(a, Lang::Da).unwrap();
        let id = selected.get_attribute("aria-describedby").unwrap();
        assert_eq!(text(&one(&widget, &format!("[id=\"{id}\"]"))), description);
        let other_id = other.get_attribute("aria-describedby").unwrap();
        assert_eq!(text(&one(&widget, &format!("[id=\"{other_id}\"]"))), chart.other_seats_description(b, Lang::Da).unwrap());
        let detail = one(&widget, ".sk-detail");
        assert!(text(&detail).contains(&description));
        assert!(text(&one(&detail, "h3")).contains(chart.nodes[a].label.da.as_str()));
        assert!(text(&detail).contains("Borgmester Alfa"));
        // Jump to the other seat from the panel.
        click(&one(&detail, ".sk-link-button")).await;
        assert_eq!(node_el(&widget, &chart.nodes[b].id).get_attribute("aria-selected").as_deref(), Some("true"));
        // A cluster's details: status and http(s) sources as links.
        click(&one(&node_el(&widget, "C1"), ":scope > .sk-node-visual > .sk-node-box")).await;
        let detail = one(&widget, ".sk-detail");
        assert_eq!(text(&one(&detail, "h3")), "Klynge Et");
        assert!(text(&detail).contains("Bekræftet"), "{}", text(&detail));
        let links = all(&detail, "a");
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].get_attribute("href").as_deref(), Some("https://example.org/c1"));
    }

    #[wasm_bindgen_test]
    async fn export_svg_holds_the_nodes() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RN"}"#)).await;
        let widget = one(&host, ".sk-widget");
        click(&one(&widget, "button.sk-export-svg")).await;
        let svg = sundhedsklynger::web::last_export().expect("an export");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<style>"));
        let chart = chart_of("RN");
        let shown = chart.visible(&first_view_of(&chart, &widget));
        assert_eq!(svg.matches("<g class=\"sk-node ").count(), shown.len());
        for v in shown {
            let first_word = chart.nodes[v].label.da.split_whitespace().next().unwrap().to_string();
            assert!(svg.contains(&first_word), "{first_word}");
        }
        // It parses as XML.
        let parser = js_sys::Reflect::get(&web_sys::window().unwrap(), &"DOMParser".into()).unwrap();
        let parser = js_sys::Reflect::construct::<fn() -> JsValue>(parser.unchecked_ref(), &js_sys::Array::new()).unwrap();
        let parse: js_sys::Function = js_sys::Reflect::get(&parser, &"parseFromString".into()).unwrap().unchecked_into();
        let doc = parse.call2(&parser, &svg.clone().into(), &"image/svg+xml".into()).unwrap();
        let doc: web_sys::Document = doc.unchecked_into();
        assert!(doc.query_selector("parsererror").unwrap().is_none());
        // PNG: a chart that fits a canvas gives no message.
        click(&one(&widget, "button.sk-export-png")).await;
        assert_eq!(text(&one(&widget, ".sk-export-message")), "");
    }

    /// "This view" exports what is on screen: after zooming in, fewer nodes and a smaller box.
    #[wasm_bindgen_test]
    async fn export_of_the_current_view() {
        let host = host();
        let _handle = mounted(&host, options(r#"{"region": "RH"}"#)).await;
        let widget = one(&host, ".sk-widget");
        click(&one(&widget, "button.sk-export-svg")).await;
        let whole = sundhedsklynger::web::last_export().expect("an export");
        // Select a cluster, zoom in, and centre on it: it is on screen, much of the chart is not.
        click(&node_el(&widget, "RH-SYD")).await;
        for _ in 0..4 {
            click(&one(&widget, "button.sk-zoom-in")).await;
        }
        click(&one(&widget, "button.sk-centre")).await;
        click(&one(&widget, "button.sk-export-view")).await;
        let view = sundhedsklynger::web::last_export().expect("an export");
        let nodes = |svg: &str| svg.matches("<g class=\"sk-node ").count();
        let width = |svg: &str| -> f64 {
            let start = svg.find("width=\"").unwrap() + 7;
            svg[start..start + svg[start..].find('"').unwrap()].parse().unwrap()
        };
        assert!(view.contains("Sundhedsklynge Syd"), "the centred cluster is in the view");
        assert!(nodes(&view) < nodes(&whole), "{} vs {}", nodes(&view), nodes(&whole));
        assert!(width(&view) < width(&whole), "{} vs {}", width(&view), width(&whole));
    }

    /// The chart of region R1 of `browser_seats.json` with `extra` more SSU seats (ids
    /// `<prefix><i>`, no person); `only_extra`: without the SSU seats the file lists.
    fn r1_with_ssu_seats(extra: usize, prefix: &str, only_extra: bool) -> Chart {
        use sundhedsklynger::model::Dataset;
        let mut data: Dataset = serde_json::from_str(include_str!("browser_seats.json")).unwrap();
        let template = data.seats.iter().find(|s| s.body == "R1/ssu").unwrap().clone();
        if only_extra {
            data.seats.retain(|s| s.body != "R1/ssu");
        }
        data.seats.extend((0..extra).map(|i| {
            let mut seat = template.clone();
            seat.id = format!("{prefix}{i}");
            seat.person = None;
            seat
        }));
        let profile = sundhedsklynger::rules::resolve_profile(&data, &Default::default()).0;
        Chart::build(&data, &profile, &["R1"])
    }

    /// The chart view alone on `chart` in `host`, rendered.
    async fn chart_view_of(host: &Element, chart: &Chart, id: &str, name: &str) -> yew::AppHandle<sundhedsklynger::web::ChartView> {
        chart_view_sized(host, chart, id, name, None).await
    }

    /// The same, given its first state for a drawing area `width` px wide before its first
    /// render (as the widget makes it, from the width of the chart's placeholder).
    async fn chart_view_sized(host: &Element, chart: &Chart, id: &str, name: &str, width: Option<f64>) -> yew::AppHandle<sundhedsklynger::web::ChartView> {
        let chart = Shared::new(chart.clone());
        let props = sundhedsklynger::web::ChartProps {
            first: width.map(|w| Shared::new(sundhedsklynger::web::first_state(chart.clone(), w))),
            chart,
            lang: Lang::Da,
            id: id.to_string().into(),
            name: name.to_string().into(),
            deep_link: false,
            report: None,
            figures: None,
            on_select: None,
            cooperative: true,
        };
        let app = yew::Renderer::<sundhedsklynger::web::ChartView>::with_root_and_props(host.clone(), props).render();
        yew::scheduler::flush().await;
        app
    }

    /// Given its first state for its width, the chart draws in its first render the first
    /// view that measuring finds: the same items at the same place.
    #[wasm_bindgen_test]
    async fn a_chart_given_its_first_state_draws_the_first_view_that_measuring_finds() {
        let chart = r1_with_ssu_seats(400, "w", false);
        let snapshot = |host: &Element| {
            let svg = one(host, "svg[role=\"tree\"]");
            let ids: Vec<String> = items(host).iter().map(|e| e.get_attribute("data-node").unwrap()).collect();
            let transform = one(host, "g.sk-viewport").get_attribute("transform").unwrap();
            (ids, transform, svg.get_attribute("height").unwrap(), svg.get_attribute("data-nodes-in-dom").unwrap())
        };
        let measured_host = host();
        let measured = chart_view_of(&measured_host, &chart, "m", "Målt").await;
        let width = one(&measured_host, "svg[role=\"tree\"]").get_bounding_client_rect().width();
        assert!(width > 0.0);
        let expected = snapshot(&measured_host);
        assert!(expected.0.len() >= 3, "{:?}", expected.0);
        measured.destroy();
        let sized_host = host();
        // Drawn without measuring: what the resize observer may report later must not be
        // needed to get here.
        let sized = chart_view_sized(&sized_host, &chart, "m", "Målt", Some(width)).await;
        assert_eq!(snapshot(&sized_host), expected);
        sized.destroy();
        yew::scheduler::flush().await;
    }

    #[wasm_bindgen_test]
    async fn large_tree_is_culled() {
        let chart = r1_with_ssu_seats(100_000, "big", true);
        assert!(chart.nodes.len() > 100_000);
        let host = host();
        let app = chart_view_of(&host, &chart, "big", "Stort diagram").await;
        click(&one(&host, "button.sk-expand-all")).await;
        let tree = one(&host, "svg[role=\"tree\"]");
        assert_eq!(tree.get_attribute("data-nodes-total"), Some(chart.nodes.len().to_string()));
        let in_dom = items(&host).len();
        assert!(in_dom > 3 && in_dom < 500, "{in_dom} of {} nodes in the DOM", chart.nodes.len());
        let first_seen: Vec<String> = items(&host).iter().map(|e| e.get_attribute("data-node").unwrap()).collect();
        // End moves the focus to the last of the 100,000 seats: it is scrolled into view
        // and put in the DOM, and the DOM stays small.
        let root = node_el(&host, &chart.nodes[chart.roots[0]].id);
        root.dyn_ref::<web_sys::SvgElement>().unwrap().focus().unwrap();
        key(&root, "End").await;
        let last = chart.nodes.last().unwrap().id.clone();
        assert_eq!(active().unwrap().get_attribute("data-node"), Some(last.clone()));
        let now: Vec<String> = items(&host).iter().map(|e| e.get_attribute("data-node").unwrap()).collect();
        assert!(now.len() < 500, "{}", now.len());
        assert!(now.contains(&last) && !first_seen.contains(&last));
        for _ in 0..3 {
            click(&one(&host, "button.sk-zoom-out")).await;
        }
        assert!(items(&host).len() < 2_000);
        app.destroy();
        yew::scheduler::flush().await;
    }

    /// Zoomed out with thousands of seats near the screen: the overview (paths, no tree
    /// items but the tab stop); a click on a box selects that node and zooms in on it.
    #[wasm_bindgen_test]
    async fn overview_when_zoomed_out_and_crowded() {
        use sundhedsklynger::chart::draw::{node_at, Placed};
        let chart = r1_with_ssu_seats(3_000, "many", false);
        let host = host();
        // A wide drawing (the widget's stylesheet is not adopted here): at 5 % its culling
        // window holds ~350 seats of the row.
        host.set_id("sk-overview-test");
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some("#sk-overview-test .sk-chart-svg { display: block; width: 2000px; height: 600px; }"));
        document().head().unwrap().append_child(&style).unwrap();
        let app = chart_view_of(&host, &chart, "ov", "Oversigt").await;
        let tree = || one(&host, "svg[role=\"tree\"]");
        let hint = || text(&one(&host, ".sk-overview-hint[role=\"status\"]"));
        assert_eq!(tree().get_attribute("data-overview"), None);
        assert_eq!(hint(), "");
        click(&one(&host, "button.sk-expand-all")).await;
        click(&one(&host, "button.sk-fit")).await;
        // Fit stops at the readable size; the overview is an explicit choice (zoom out).
        assert!(scale_of(&transform(&host)) >= 1.0, "{}", transform(&host));
        // The seats are rows of one tall card: at 5 % its window holds ~300 of them.
        for _ in 0..14 {
            click(&one(&host, "button.sk-zoom-out")).await;
        }
        assert!(scale_of(&transform(&host)) < 0.35, "{}", transform(&host));
        assert_eq!(tree().get_attribute("data-overview").as_deref(), Some("true"));
        let in_dom = items(&host).len();
        assert!((1..50).contains(&in_dom), "{in_dom} tree items");
        assert_eq!(tree().get_attribute("data-nodes-in-dom"), Some(in_dom.to_string()));
        assert_eq!(all(&host, "[role=\"treeitem\"][tabindex=\"0\"]").len(), 1);
        assert!(hint().starts_with("Zoom ind for at læse navnene"), "{}", hint());
        let boxes: usize = all(&host, "path.sk-overview").iter().map(|p| p.get_attribute("data-boxes").unwrap().parse::<usize>().unwrap()).sum();
        assert!(boxes > 150, "{boxes} boxes in the overview");
        assert_eq!(all(&host, ".sk-links > path").len(), 1, "all links are one path");

        // Click the middle of a seat's box on screen, found from its path data and the zoom.
        let t = transform(&host);
        let (tx, ty) = {
            let inner = t.trim_start_matches("translate(");
            let inner = &inner[..inner.find(')').unwrap()];
            let mut it = inner.split(' ').map(|x| x.parse::<f64>().unwrap());
            (it.next().unwrap(), it.next().unwrap())
        };
        let scale = scale_of(&t);
        let svg_rect = tree().get_bounding_client_rect();
        let path = all(&host, "path.sk-overview.sk-kind-seat").into_iter().next().expect("a seat path");
        let d = path.get_attribute("d").unwrap();
        let (world, screen) = d
            .split('M')
            .skip(1)
            .find_map(|sub| {
                let nums: Vec<f64> = sub.split(|c: char| c == ' ' || c.is_ascii_alphabetic()).filter(|x| !x.is_empty()).map(|x| x.parse().unwrap()).collect();
                let (wx, wy) = (nums[0] + nums[2] / 2.0, nums[1] + nums[3] / 2.0);
                let (sx, sy) = (svg_rect.left() + tx + wx * scale, svg_rect.top() + ty + wy * scale);
                (sx > svg_rect.left() + 20.0 && sx < svg_rect.right() - 20.0).then_some(((wx, wy), (sx, sy)))
            })
            .expect("a seat box on screen");
        let mut view = chart.initial_state();
        sundhedsklynger::chart::set_all(&chart, &mut view, true);
        let expected = node_at(&Placed::new(&chart, &view, sundhedsklynger::chart::layout::Orientation::TopDown), world.0, world.1).expect("a node there");
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_client_x(screen.0.round() as i32);
        init.set_client_y(screen.1.round() as i32);
        path.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
        assert_eq!(tree().get_attribute("data-overview"), None, "zoomed in: no overview");
        assert_eq!(scale_of(&transform(&host)), 1.0);
        let selected = one(&host, "[role=\"treeitem\"][aria-selected=\"true\"]");
        assert_eq!(selected.get_attribute("data-node"), Some(chart.nodes[expected].id.clone()));
        assert!(items(&host).len() > in_dom);
        assert_eq!(hint(), "");
        app.destroy();
        yew::scheduler::flush().await;
        host.remove();
        style.remove();
    }
}

// ---------------------------------------------------------------- the two structures

mod structures {
    use super::*;

    async fn change(select: &Element, value: &str) {
        let select: HtmlSelectElement = select.clone().dyn_into().unwrap();
        select.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }

    fn region_ids(host: &Element) -> Vec<String> {
        all(host, "select:not(.sk-dataset) option").iter().filter_map(|o| o.get_attribute("value")).collect()
    }

    #[wasm_bindgen_test]
    async fn the_default_is_the_structure_in_force_today() {
        let host = host();
        let _w = mount(host.clone(), None);
        super::settled(&host).await;
        let now = js_sys::Date::new_0();
        let today = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
        let expected = sundhedsklynger::dataset_in_force(&today).unwrap();
        let select: HtmlSelectElement = one(&host, "select.sk-dataset").dyn_into().unwrap();
        assert_eq!(select.value(), expected);
    }

    #[wasm_bindgen_test]
    async fn dataset_and_date_choose_the_structure_and_the_header_says_which() {
        let host = host();
        let mut w = mounted(&host, options(r#"{"dataset":"sundhedsraad-2027","region":"RN"}"#)).await;
        let select: HtmlSelectElement = one(&host, "select.sk-dataset").dyn_into().unwrap();
        assert_eq!(select.value(), "sundhedsraad-2027");
        assert!(text(&one(&host, ".sk-period")).contains("Gælder fra 1. januar 2027 (forberedende fra 1. januar 2026)"));
        assert!(region_ids(&host).contains(&"OST".to_string()) && region_ids(&host).len() == 4);
        // The day decides: the last day of the clusters, the first of the councils.
        w.update(options(r#"{"date":"2026-12-31"}"#));
        yew::scheduler::flush().await;
        assert_eq!(one(&host, "select.sk-dataset").dyn_into::<HtmlSelectElement>().unwrap().value(), "klynger-2022");
        assert!(text(&one(&host, ".sk-period")).contains("Gælder 1. juli 2022 – 31. december 2026"));
        assert_eq!(region_ids(&host).len(), 5);
        w.update(options(r#"{"date":"2027-01-01"}"#));
        yew::scheduler::flush().await;
        assert_eq!(one(&host, "select.sk-dataset").dyn_into::<HtmlSelectElement>().unwrap().value(), "sundhedsraad-2027");
        // The switch in the header moves to the other structure.
        change(&one(&host, "select.sk-dataset"), "klynger-2022").await;
        assert_eq!(region_ids(&host).len(), 5);
        assert!(text(&one(&host, ".sk-period")).contains("31. december 2026"));
    }

    #[wasm_bindgen_test]
    async fn a_council_shows_its_tasks_and_its_published_members() {
        let host = host();
        let _w = mounted(&host, options(r#"{"dataset":"sundhedsraad-2027","region":"RN","view":"list"}"#)).await;
        let cards = all(&host, "[data-cluster-id]");
        assert_eq!(cards.len(), 2, "Vendsyssel and Limfjorden");
        let limfjorden = cards.iter().find(|c| c.get_attribute("data-cluster-id").as_deref() == Some("RN-LIMFJORDEN")).unwrap();
        assert!(text(&one(limfjorden, ".sk-tasks")).contains("nærsundhedsplan"));
        // 8 municipal + 9 regional seats, the chair and vice-chair regional.
        assert!(text(limfjorden).contains("17 pladser"), "{}", text(limfjorden));
        assert!(text(limfjorden).contains("Pia Buus Pinstrup"));
    }

    #[wasm_bindgen_test]
    async fn an_unknown_dataset_or_a_bad_date_is_a_finding_that_names_the_option() {
        let host = host();
        let mut w = mounted(&host, options(r#"{"dataset":"klynger-1999"}"#)).await;
        let f = one(&host, ".sk-finding[data-code=\"invalid-option\"]");
        assert!(text(&f).contains("klynger-1999") && text(&f).contains("dataset"), "{}", text(&f));
        w.update(options(r#"{"date":"2027-02-30"}"#));
        yew::scheduler::flush().await;
        let f = one(&host, ".sk-finding[data-code=\"invalid-option\"]");
        assert!(text(&f).contains("2027-02-30") && text(&f).contains("date"), "{}", text(&f));
    }
}

/// The first render comes in steps (issue 14): the loading line at once, then the chart,
/// then the sections below it; options given meanwhile are applied, and those of `mount`
/// that they leave out (the region) are kept.
#[wasm_bindgen_test]
async fn the_first_render_comes_in_steps_and_an_update_meanwhile_is_applied() {
    let host = host();
    let opts = js_sys::JSON::parse(r#"{"region":"RN"}"#).unwrap();
    js_sys::Reflect::set(&opts, &"data".into(), &sundhedsklynger::DEFAULT_DATA_JSON.into()).unwrap();
    let mut w = mount(host.clone(), Some(opts));
    yew::scheduler::flush().await;
    assert_eq!(one(&host, ".sk-widget").get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(text(&one(&host, ".sk-widget .sk-loading p:not(.sk-loading-title)")), "Indlæser diagram …");
    assert!(all(&host, "[role=\"treeitem\"]").is_empty(), "no chart before the data are checked");
    w.update(options(r#"{"lang":"en"}"#));
    settled(&host).await;
    let widget = one(&host, ".sk-widget");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"), "the update's language");
    let region: HtmlSelectElement = one(&host, ".sk-region-field select").dyn_into().unwrap();
    assert_eq!(region.value(), "RN", "mount's region kept");
    assert!(all(&host, ".sk-loading").is_empty());
    assert!(!all(&host, "[role=\"treeitem\"]").is_empty() && !all(&host, "section.sk-findings").is_empty());
}

/// The steps after the data come in their order, a mark each (header, chart, findings,
/// key figures and transition), and `ready` comes once the chart is in the DOM: a host
/// that waits for it finds the chart.
#[wasm_bindgen_test]
async fn the_steps_after_the_data_come_in_order_and_ready_finds_the_chart() {
    let marks = || -> Vec<String> {
        let list = js_sys::Function::new_no_args("return performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('sk:'))").call0(&JsValue::NULL).unwrap();
        js_sys::Array::from(&list).iter().filter_map(|v| v.as_string()).collect()
    };
    js_sys::Function::new_no_args("performance.clearMarks()").call0(&JsValue::NULL).unwrap();
    let host = host();
    let w = mount(host.clone(), options(r#"{"dataset":"klynger-2022","region":"RM"}"#));
    let chart_at_ready = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    let on_ready = {
        let host = host.clone();
        let seen = chart_at_ready.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || seen.set(Some(!all(&host, "[role=\"treeitem\"]").is_empty())))
    };
    w.on("ready", on_ready.as_ref().unchecked_ref::<js_sys::Function>().clone()).unwrap();
    settled(&host).await;
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(10).await;
    assert_eq!(chart_at_ready.get(), Some(true), "ready came, with the chart in the DOM");
    let marks = marks();
    let steps = ["sk:formats", "sk:read", "sk:checked", "sk:figures", "sk:composed", "sk:header", "sk:drawn", "sk:findings", "sk:below"];
    let last: Vec<usize> = steps.iter().map(|s| marks.iter().rposition(|m| m == s).unwrap_or_else(|| panic!("no {s} in {marks:?}"))).collect();
    assert!(last.windows(2).all(|p| p[0] < p[1]), "the steps out of order: {marks:?}");
    drop(on_ready);
}

#[wasm_bindgen_test]
async fn transition_view_for_nordjylland() {
    use sundhedsklynger::read::read_str;
    let from = read_str(include_str!("../www/data/klynger-2022.json")).dataset;
    let to = read_str(include_str!("../www/data/sundhedsraad-2027.json")).dataset;
    let t = sundhedsklynger::transition::transition(&from, &to);
    let host = host();
    let _handle = mounted(&host, options(r#"{"dataset":"sundhedsraad-2027","region":"RN","view":"list"}"#)).await;
    let widget = one(&host, ".sk-widget");
    let section = one(&widget, "section.sk-transition");
    // The chart first, then the findings, then (collapsed) the key figures, then the transition.
    let order: Vec<String> = all(&widget, ":scope > section, :scope > .sk-below > section, :scope > .sk-below > details").iter().map(|s| s.get_attribute("class").unwrap_or_default()).collect();
    let at = |class: &str| order.iter().position(|c| c.split(' ').any(|x| x == class));
    assert_eq!(at("sk-findings"), at("sk-region").map(|i| i + 1), "{order:?}");
    assert_eq!(at("sk-transition"), at("sk-figures-details").map(|i| i + 1), "{order:?}");
    let button = one(&section, "h2 > button.sk-transition-toggle");
    assert_eq!(text(&button).trim_start_matches(['▸', '▾']).trim(), "Overgangen: sundhedsklynger 2022 → sundhedsråd 2027");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"), "closed at start");
    assert!(all(&section, "table").is_empty());
    click(&button).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    let body = one(&section, ".sk-transition-body");
    assert_eq!(button.get_attribute("aria-controls"), body.get_attribute("id"));
    assert!(!body.has_attribute("hidden"));

    let summary = text(&one(&section, ".sk-transition-summary"));
    assert!(summary.starts_with("22 sundhedsklynger bliver til 17 sundhedsråd; 4 råd samler flere klynger"), "{summary}");
    assert!(summary.contains("København samles i Sundhedsråd Hovedstaden"), "{summary}");
    assert!(summary.contains("I Region Nordjylland bliver 4 sundhedsklynger til 2 sundhedsråd."), "{summary}");

    // The councils table: Limfjorden's predecessors by name, with their shared counts.
    let name = |id: &str| from.area(id).unwrap().name.clone();
    let row = one(&section, "table.sk-transition-councils tr[data-transition-area=\"RN-LIMFJORDEN\"]");
    assert_eq!(text(&one(&row, "th[scope=\"row\"]")), "Sundhedsråd Limfjorden");
    let preds: Vec<String> = all(&row, "li[data-predecessor]").iter().map(text).collect();
    assert_eq!(preds, [format!("{} (2 kommuner)", name("RN-MIDT")), format!("{} (3 kommuner)", name("RN-SYD")), format!("{} (2 kommuner)", name("RN-VEST"))]);
    assert_eq!(name("RN-MIDT"), "Klynge MIDT");
    // da-DK numbers, before → after read as "før til efter".
    let limfjorden = t.areas.iter().find(|a| a.id == "RN-LIMFJORDEN").unwrap();
    assert_eq!(limfjorden.population_to, Some(434_400.0));
    assert_eq!(text(&one(&row, "[data-field=\"population\"]")), "434.400");
    assert_eq!(text(&one(&row, "[data-field=\"seats\"]")), "7 →  til 8");
    assert_eq!(text(&one(&row, "[data-field=\"per-seat\"]")), "61.580 →  til 54.300");
    let councils = one(&section, "table.sk-transition-councils");
    assert!(text(&one(&councils, "caption")).contains("Region Nordjylland"));
    assert_eq!(all(&councils, "thead th[scope=\"col\"]").len(), 5);
    assert_eq!(all(&councils, "tbody tr").len(), 2, "Vendsyssel and Limfjorden");
    assert!(!text(&councils).contains("ukendt"));

    // The municipalities table: the 11 of Nordjylland, with their change in words.
    let municipalities = one(&section, "table.sk-transition-municipalities");
    let rows = all(&municipalities, "tbody tr");
    assert_eq!(rows.len(), 11);
    assert_eq!(rows.len(), to.municipalities.iter().filter(|m| m.region == "RN").count());
    assert!(all(&municipalities, "tbody th[scope=\"row\"]").len() == 11);
    let hjoerring = one(&municipalities, "tr[data-transition-municipality=\"860\"]");
    let cells: Vec<String> = all(&hjoerring, "td").iter().map(text).collect();
    assert_eq!(cells, ["Klynge NORD", "Sundhedsråd Vendsyssel", "uændret"]);
    let aalborg = one(&municipalities, "tr[data-transition-municipality=\"851\"]");
    assert_eq!(text(&all(&aalborg, "td")[2]), "lagt sammen med andre");

    // The drawing: one path per flow of the region, each with a title; the tables are its
    // text alternative.
    let svg = one(&section, "svg.sk-transition-drawing");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(svg.get_attribute("aria-label").unwrap().contains("Region Nordjylland"));
    let note = document().get_element_by_id(&svg.get_attribute("aria-describedby").unwrap()).expect("the description");
    assert!(text(&note).contains("Tabellerne nedenfor"), "{}", text(&note));
    let expected = t.flows.iter().filter(|f| f.municipalities.iter().any(|c| t.municipalities.iter().any(|m| &m.code == c && m.to_region.as_deref() == Some("RN")))).count();
    assert_eq!(expected, 4);
    let paths = all(&svg, "path");
    assert_eq!(paths.len(), expected);
    for p in &paths {
        let title = text(&one(p, "title"));
        assert!(title.contains(" → ") && title.contains("kommune"), "{title}");
    }
    let thickest = paths.iter().find(|p| p.get_attribute("data-from").as_deref() == Some("RN-NORD")).unwrap();
    assert_eq!(thickest.get_attribute("data-municipalities").as_deref(), Some("4"));

    // English, and closing again.
    click(&one(&widget, "button.sk-lang")).await;
    let button = one(&host, "button.sk-transition-toggle");
    assert!(text(&button).contains("The transition: health clusters 2022 → health councils 2027"));
    assert!(text(&one(&host, "table.sk-transition-municipalities")).contains("unchanged"));
    click(&button).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(all(&host, "section.sk-transition table").is_empty());
}

#[wasm_bindgen_test]
async fn transition_view_for_hovedstaden_2022() {
    let host = host();
    let _handle = mounted(&host, options(r#"{"dataset":"klynger-2022","region":"RH"}"#)).await;
    click(&one(&host, "button.sk-transition-toggle")).await;
    let section = one(&host, "section.sk-transition");
    // København is split between two clusters in 2022: two flows into Hovedstaden.
    let rows = all(&section, "table.sk-transition-municipalities tbody tr");
    assert_eq!(rows.len(), 29);
    let kbh = one(&section, "tr[data-transition-municipality=\"101\"]");
    assert_eq!(text(&all(&kbh, "td")[2]), "delt og lagt sammen");
    let councils: Vec<String> = all(&section, "table.sk-transition-councils tbody tr").iter().map(|r| r.get_attribute("data-transition-area").unwrap()).collect();
    assert_eq!(councils, ["OST-HOVEDSTADEN", "OST-KOBENHAVNS-OMEGN-NORD", "OST-NORDSJAELLAND", "OST-AMAGER-VESTEGNEN"]);
    assert!(all(&section, "svg path").iter().all(|p| p.get_attribute("data-from").unwrap().starts_with("RH-")));
}

#[wasm_bindgen_test]
async fn no_transition_view_for_the_host_pages_data() {
    let host = host();
    let data = serde_json::to_string(sundhedsklynger::DATASETS[1].1).unwrap();
    let _handle = mounted(&host, options(&format!(r#"{{"data":{data}}}"#))).await;
    assert!(all(&host, "section.sk-transition").is_empty());
}

// ---------------------------------------------------------------- funnel, inequality, trends, structures

mod issue_15 {
    use super::*;
    use sundhedsklynger::figures::funnel::funnel;
    use sundhedsklynger::figures::key_figures::{key_figures, AreaLevel, KeyFigureOptions};
    use sundhedsklynger::Options;

    const DEMO: &str = include_str!("../www/data/demo.json");

    /// Opens the widget's collapsed sections (the key figures open on request).
    async fn open_sections(host: &Element) {
        for d in all(host, "details") {
            d.set_attribute("open", "").unwrap();
        }
        yew::scheduler::flush().await;
    }

    fn demo(extra: &str) -> Option<JsValue> {
        let opts = js_sys::JSON::parse(extra).unwrap();
        js_sys::Reflect::set(&opts, &"data".into(), &DEMO.into()).unwrap();
        js_sys::Reflect::set(&opts, &"view".into(), &"list".into()).unwrap();
        Some(opts)
    }

    #[wasm_bindgen_test]
    async fn funnel_points_are_focusable_named_and_tabulated() {
        let report = sundhedsklynger::check(DEMO, &Options::default());
        let (profile, _) = sundhedsklynger::rules::resolve_profile(&report.dataset, &Options::default());
        let kf = key_figures(&report.dataset, &profile, &KeyFigureOptions::default());
        let ind = &kf.indicators[0];
        let period = ind.periods.last().unwrap();
        let in_rm = |f: &sundhedsklynger::figures::key_figures::Figure| report.dataset.municipality(&f.area).is_some_and(|m| m.region == "RM");
        let expected = funnel(ind, AreaLevel::Municipality, period, in_rm, (AreaLevel::Region, "RM")).unwrap();

        let host = host();
        let _handle = mounted(&host, demo(r#"{"region": "RM"}"#)).await;
        open_sections(&host).await;
        let section = one(&host, "section[data-testid=\"funnel\"]");
        let points = all(&section, "svg .sk-funnel-point");
        assert_eq!(points.len(), expected.points.len());
        for (el, p) in points.iter().zip(&expected.points) {
            assert_eq!(el.get_attribute("tabindex").as_deref(), Some("0"), "keyboard-reachable");
            assert_eq!(el.get_attribute("data-area").as_deref(), Some(p.area.as_str()));
            assert_eq!(el.get_attribute("data-outlier").as_deref(), Some(p.outlier.code()));
            let name = el.get_attribute("aria-label").unwrap();
            assert!(name.starts_with(&format!("{}: ", p.name)), "{name}");
        }
        // Focus reaches a point.
        points[0].clone().dyn_into::<web_sys::SvgElement>().unwrap().focus().unwrap();
        assert_eq!(document().active_element().as_ref(), Some(&points[0]));
        // The table holds every point and the areas left out; the outside ones are named.
        let table = one(&section, "table.sk-funnel-table");
        one(&table, "caption");
        let rows = all(&table, "tbody tr");
        assert_eq!(rows.len(), expected.points.len() + expected.left_out.len());
        let outside = text(&one(&section, ".sk-funnel-outside"));
        for p in expected.outside() {
            assert!(outside.contains(&p.name), "{outside} lacks {}", p.name);
        }
        // Areas instead of municipalities.
        let radios = all(&section, "input[type=\"radio\"]");
        click(&radios[1]).await;
        let section = one(&host, "section[data-testid=\"funnel\"]");
        let areas: Vec<String> = all(&section, "svg .sk-funnel-point").iter().map(|e| e.get_attribute("data-area").unwrap()).collect();
        assert!(!areas.is_empty() && areas.iter().all(|a| report.dataset.area(a).is_some_and(|c| c.region == "RM")), "{areas:?}");
        assert!(all(&host, "[style]").is_empty(), "no inline styles");
    }

    #[wasm_bindgen_test]
    async fn inequality_sentence_trends_and_structures() {
        let host = host();
        let _handle = mounted(&host, demo(r#"{"region": "RM"}"#)).await;
        open_sections(&host).await;
        let inequality = one(&host, "section[data-testid=\"inequality\"]");
        let sentence = text(&one(&inequality, ".sk-inequality-sentence"));
        assert!(sentence.starts_with("Forskellen mellem den højeste ("), "{sentence}");
        assert!(sentence.contains(','), "da-DK numbers: {sentence}");
        one(&inequality, "svg.sk-inequality-strip");
        // Trends: one panel per area of the region, the region and the nation.
        let trends = one(&host, "section[data-testid=\"trends\"]");
        let panels = all(&trends, ".sk-trend-panel");
        let report = sundhedsklynger::check(DEMO, &Options::default());
        assert_eq!(panels.len(), report.dataset.areas_of("RM").count() + 2);
        for p in &panels {
            let label = one(p, "svg").get_attribute("aria-label").unwrap();
            assert!(label.contains("2019") && label.contains("2023"), "{label}");
        }
        // The same municipalities in both structures: Horsens in its 2022 cluster and its 2027 council.
        let structures = one(&host, "section[data-testid=\"structures\"]");
        let horsens = one(&structures, "tr[data-row-municipality=\"615\"]");
        let cells = all(&horsens, "td");
        assert_eq!(cells.len(), 2);
        assert!(text(&cells[0]).contains("Horsens"), "{}", text(&cells[0]));
        assert!(text(&cells[1]).contains("Sundhedsråd"), "{}", text(&cells[1]));
        // English.
        click(&one(&host, "button.sk-lang")).await;
        let sentence = text(&one(&host, "section[data-testid=\"inequality\"] .sk-inequality-sentence"));
        assert!(sentence.starts_with("The difference between the highest ("), "{sentence}");
    }
}

/// A step of the first render goes on in the same task while the task is inside its budget
/// and yields once it has run longer (issue 14: the chain shares a task when it is quick,
/// and no task is long when it is not). Whether it yielded shows in a microtask queued
/// before it: only a yield lets it run first.
#[wasm_bindgen_test]
async fn a_step_yields_only_once_its_task_has_run_its_budget() {
    use std::cell::Cell;
    use std::rc::Rc;
    use sundhedsklynger::web::task::{next_step, next_task, STEP_BUDGET_MS};
    let ran_first = |flag: &Rc<Cell<bool>>| {
        let flag = Rc::clone(flag);
        let done = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_| flag.set(true));
        let _ = js_sys::Promise::resolve(&JsValue::UNDEFINED).then(&done);
        done.forget();
    };
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    next_task().await;
    let quick = Rc::new(Cell::new(false));
    ran_first(&quick);
    next_step().await;
    assert!(!quick.get(), "a step at the start of a task ran in a later task");
    let start = now();
    while now() - start < STEP_BUDGET_MS + 2.0 {}
    let slow = Rc::new(Cell::new(false));
    ran_first(&slow);
    next_step().await;
    assert!(slow.get(), "a step after the task's budget did not yield");
}
