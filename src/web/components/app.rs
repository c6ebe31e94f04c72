//! The widget's root: header with the region and language switches, the region's SSU
//! and clusters, then the findings.

use std::cell::Cell;

use crate::web::task;
use crate::web::timing::mark;
use yew::prelude::*;

use super::chart::{default_name, first_state, ChartView};
use super::dataset_switch::DatasetSwitch;
use super::cluster::ClusterView;
use super::figure_panel::FigurePanel;
use super::findings::Findings;
use super::keyfigures::{KeyFiguresSection, PeriodSelect};
use super::lang_switch::LangSwitch;
use super::region_switcher::RegionSwitcher;
use super::ssu::Ssu;
use super::transition::TransitionView;
use crate::finding::Severity;
use crate::figures::key_figures::AreaLevel;
use crate::model::text::Lang;
use crate::web::i18n::{self, tr, Key};
use crate::chart::NodeKind;
use crate::web::state::{node_kind_code, Action, ChartState, Shared, State, ViewMode, WidgetEvent, WidgetOptions};

/// The root component's properties: the host page's options, and a serial that
/// `WidgetHandle.update` raises so that each call is applied once.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    #[prop_or_default]
    pub options: WidgetOptions,
    #[prop_or_default]
    pub serial: u32,
    /// Receives the widget's events (ready, select, error); `mount` passes one.
    #[prop_or_default]
    pub on_event: Option<Callback<WidgetEvent>>,
}

thread_local! {
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// A prefix for element ids, unique per widget on the page (for `aria-labelledby`).
fn next_id_prefix() -> String {
    INSTANCES.with(|n| {
        n.set(n.get().wrapping_add(1));
        format!("sk{}", n.get())
    })
}

/// The loading line: the widget's first render, and `mount`'s while it fetches a data set
/// (the element's placeholder has the same title, text and progress bar).
pub fn loading(lang: Lang) -> Html {
    let (title, text) = match lang {
        Lang::En => ("Health clusters and health cooperation committees", "Loading the chart …"),
        _ => ("Sundhedsklynger og sundhedssamarbejdsudvalg", "Indlæser diagram …"),
    };
    html! {
        <div class="sk-loading" role="status" aria-busy="true">
            <p class="sk-loading-title">{ title }</p>
            <p>{ text }</p>
            <progress aria-label={text}></progress>
        </div>
    }
}

/// Loads a pending state in steps: the browser's number formatting (its first use loads
/// the locale's data, tens of ms) and the built-in rule profiles, reading, validating, the
/// key figures, the region's bodies and chart; then the state is handed to the reducer,
/// whose render draws the header (the chart and the sections below follow: [`Stage`]).
/// Each step starts in a task of its own once the current one has run its budget
/// ([`task::next_step`]). A step that finds the state no longer pending stops.
async fn load_in_tasks(handle: UseReducerHandle<State>) {
    // Each step first reads the current state: a step that finds new options (an `update`
    // while loading) stops, and the chain those options started does the work with them.
    let serial = handle.serial;
    let next_step = async || {
        task::next_step().await;
        handle.is_pending() && handle.serial == serial
    };
    if !next_step().await {
        return;
    }
    // The number formats (their locale data, unless the JS entry loaded them already)
    // and the built-in rule profiles (a JSON parse), each made once for the page.
    crate::web::format::warm(handle.lang);
    crate::model::profile::builtin_profiles();
    mark("sk:formats");
    if !next_step().await {
        return;
    }
    let Some(reading) = handle.read_pending() else { return };
    mark("sk:read");
    if !next_step().await {
        return;
    }
    let Some(checked) = handle.check_pending(reading) else { return };
    mark("sk:checked");
    if !next_step().await {
        return;
    }
    let checked = handle.figures_pending(checked);
    mark("sk:figures");
    if !next_step().await {
        return;
    }
    let Some(loaded) = handle.finish_pending(checked) else { return };
    mark("sk:composed");
    if next_step().await {
        handle.dispatch(Action::Loaded(Box::new(loaded)));
    }
}

/// Tells the host `ready` unless it was told already: once, by the effect after the first
/// render with the data, or first thing on a select that comes sooner (a page under load).
fn emit_ready_once(sent: &std::cell::RefCell<bool>, on_event: &Callback<WidgetEvent>, ready: WidgetEvent) {
    if !sent.replace(true) {
        on_event.emit(ready);
    }
}

/// The errors among the findings of the data shown.
fn errors_in(state: &State) -> usize {
    state.report.findings.iter().filter(|f| f.severity == Severity::Error).count()
}

/// The chart frame's left and right borders (`.sk-chart-frame` in widget.css): the drawing
/// area is the placeholder's width less these.
const CHART_FRAME_BORDERS: f64 = 2.0;

/// How far the first render with the data has come (one step per task).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// The header and the region's heading; the drawing's place kept.
    Header,
    /// The chart (or the list) too.
    Drawing,
    /// The findings too.
    Findings,
    /// The key figures and transition too.
    Below,
}

/// The first render in steps, in as many tasks as it takes for none to be long (issue 14):
/// the loading line; the number formats; the data read; checked; their key figures; the region's bodies and
/// chart composed; the header drawn; the chart; the findings; then the key figures and
/// transition.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || State::pending(&props.options, props.serial)
    });
    {
        let handle = state.clone();
        use_effect_with((state.is_pending(), state.serial), move |(pending, _)| {
            if *pending {
                wasm_bindgen_futures::spawn_local(load_in_tasks(handle));
            }
        });
    }
    // After the data: the header first, then a step each for the chart (or list), the
    // findings, and the key figures and transition; each step marked (`sk:header`,
    // `sk:drawn`, `sk:findings`, `sk:below`).
    let stage = use_state(|| Stage::Header);
    // The chart's first state, made in a step of its own between the header and the chart
    // (its layout, fitted to the placeholder's width): the chart's first render then draws
    // at once, without measuring (a forced layout) or drawing twice.
    let pending_ref = use_node_ref();
    let first_chart = use_mut_ref(|| None::<Shared<ChartState>>);
    {
        let stage = stage.clone();
        let pending_ref = pending_ref.clone();
        let first_chart = first_chart.clone();
        let chart = state.chart.clone();
        use_effect_with((state.is_pending(), *stage), move |(pending, shown)| {
            let next = match (*pending, *shown) {
                (true, _) => None,
                (false, Stage::Header) => {
                    mark("sk:header");
                    Some(Stage::Drawing)
                }
                (false, Stage::Drawing) => {
                    mark("sk:drawn");
                    Some(Stage::Findings)
                }
                (false, Stage::Findings) => {
                    mark("sk:findings");
                    Some(Stage::Below)
                }
                (false, Stage::Below) => {
                    mark("sk:below");
                    None
                }
            };
            if let Some(next) = next {
                wasm_bindgen_futures::spawn_local(async move {
                    // Up to the chart, the steps share a task while it is short; once the
                    // chart is drawn, the browser paints it before the rest comes.
                    if next > Stage::Drawing {
                        task::next_task().await;
                        // The seats' search texts, before the widget is done (`aria-busy`
                        // off): 2–3 ms at 10,000 nodes that the first search would pay.
                        if let (Stage::Below, Some(chart)) = (next, &chart) {
                            chart.search_texts();
                        }
                    } else {
                        task::next_step().await;
                    }
                    if next == Stage::Drawing {
                        // Laid out already when a frame came since the header; else this lays it out.
                        let width = pending_ref.cast::<web_sys::Element>().map(|e| e.get_bounding_client_rect().width() - CHART_FRAME_BORDERS);
                        if let (Some(chart), Some(width)) = (chart, width.filter(|w| *w > 0.0)) {
                            *first_chart.borrow_mut() = Some(Shared::new(first_state(chart, width)));
                            task::next_step().await;
                        }
                    }
                    stage.set(next);
                });
            }
        });
    }
    let prefix = use_state(next_id_prefix);
    {
        // New options from the host page (the first call is a no-op: same serial).
        let dispatcher = state.dispatcher();
        use_effect_with(props.clone(), move |props| {
            dispatcher.dispatch(Action::Apply { options: props.options.clone(), serial: props.serial });
        });
    }
    // Events for the host page: `ready` once after the first render with the data, `error`
    // whenever the data read have errors (first render and new data).
    // Once: by the effect after that render, or first thing on a select that comes sooner
    // (a page under load), so that a host always hears `ready` before anything else.
    let ready_sent = use_mut_ref(|| false);
    let send_ready = {
        let on_event = props.on_event.clone();
        let ready_sent = ready_sent.clone();
        let ready = WidgetEvent::Ready { region: state.region.clone(), lang: state.lang, errors: errors_in(&state) };
        move || {
            if let Some(on_event) = &on_event {
                emit_ready_once(&ready_sent, on_event, ready.clone());
            }
        }
    };
    {
        let send_ready = send_ready.clone();
        use_effect_with((state.is_pending(), *stage), move |(pending, stage)| {
            if !*pending && *stage >= Stage::Drawing {
                send_ready();
            }
        });
    }
    {
        let on_event = props.on_event.clone();
        use_effect_with(state.report.clone(), move |report| {
            let findings: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).cloned().collect();
            if let (Some(on_event), false) = (on_event, findings.is_empty()) {
                on_event.emit(WidgetEvent::Error { findings });
            }
        });
    }
    let on_region = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| dispatcher.dispatch(Action::SelectRegion(id)))
    };
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang: Lang| dispatcher.dispatch(Action::SetLang(lang)))
    };
    let on_view = |view: ViewMode| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetView(view)))
    };
    // A structure whose file the background fetch has not brought yet (the switch used
    // within a second of the first chart) is fetched first: chosen before it is there, it
    // would read as an unknown data set.
    // Only the last choice counts: a fetch that ends after the user chose again is dropped.
    let fetching = use_state(|| None::<String>);
    let last_choice = use_mut_ref(|| None::<String>);
    let on_dataset = {
        let dispatcher = state.dispatcher();
        let fetching = fetching.clone();
        Callback::from(move |id: String| {
            *last_choice.borrow_mut() = Some(id.clone());
            if crate::datasets::known(&id).is_none() || crate::datasets::is_loaded(&id) {
                fetching.set(None);
                dispatcher.dispatch(Action::SelectDataset(id));
                return;
            }
            fetching.set(Some(id.clone()));
            let dispatcher = dispatcher.clone();
            let fetching = fetching.clone();
            let last_choice = last_choice.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = crate::web::loader::fetch(&id).await;
                if last_choice.borrow().as_deref() != Some(id.as_str()) {
                    return;
                }
                fetching.set(None);
                match fetched {
                    Ok(()) => dispatcher.dispatch(Action::SelectDataset(id)),
                    Err(reason) => dispatcher.dispatch(Action::DatasetFailed(crate::web::loader::load_failed(&id, &reason))),
                }
            });
        })
    };
    // The data shown, written in format /2 (a /1 document upgraded), as a file.
    let on_download = {
        let report = state.report.clone();
        let name = state.dataset.map(str::to_string).or_else(|| report.dataset.id.clone()).unwrap_or_else(|| "sundhedsklynger".into());
        Callback::from(move |_: MouseEvent| {
            if let Ok(text) = serde_json::to_string_pretty(&report.dataset.upgraded()) {
                let _ = crate::web::export::download_json(&(text + "\n"), &format!("{name}.json"));
            }
        })
    };
    let on_period = {
        let dispatcher = state.dispatcher();
        Callback::from(move |period: String| dispatcher.dispatch(Action::SelectPeriod(period)))
    };

    // The chart's two callbacks, made again only when what they use changes: the chart's
    // props compare callbacks by identity, and new ones on every render re-rendered the
    // whole chart (and measured it: a forced layout) in each later step of the first render
    // and on every change elsewhere in the widget (a period, a section opened).
    let chart_callbacks = use_memo(
        (state.chart.clone(), state.figures.clone(), state.report.clone(), state.period.clone(), state.key_figure_options.clone(), state.lang, state.region.clone(), errors_in(&state), props.on_event.clone()),
        {
            let ready_sent = ready_sent.clone();
            let prefix = prefix.to_string();
            move |(chart, figures, report, period, options, lang, region, errors, on_event)| {
                let lang = *lang;
                // The key figures of a region or cluster node in the chart's detail panel.
                let on_figures = chart.clone().filter(|_| !figures.indicators().is_empty()).map(|chart| {
                    let (figures, report, period, options) = (figures.clone(), report.clone(), period.clone(), options.clone());
                    Callback::from(move |v: usize| {
                        let node = &chart.nodes[v];
                        let level = match node.kind {
                            NodeKind::Region => AreaLevel::Region,
                            NodeKind::Area => AreaLevel::Cluster,
                            _ => return html! {},
                        };
                        html! {
                            <FigurePanel
                                figures={figures.clone()}
                                report={report.clone()}
                                {level}
                                area={node.id.clone()}
                                name={node.label.get(lang).to_string()}
                                period={period.clone()}
                                {lang}
                                options={options.clone()}
                                id={format!("{prefix}-detail-figures")}
                                heading={4}
                            />
                        }
                    })
                });
                // A chart node selected: reported with its label in the language shown
                // (after `ready`, should the select come first).
                let on_select = on_event.clone().zip(chart.clone()).map(|(on_event, chart)| {
                    let (region, errors) = (region.clone(), *errors);
                    Callback::from(move |v: usize| {
                        if let Some(node) = chart.nodes.get(v) {
                            emit_ready_once(&ready_sent, &on_event, WidgetEvent::Ready { region: region.clone(), lang, errors });
                            on_event.emit(WidgetEvent::Select {
                                id: node.id.clone(),
                                kind: node_kind_code(node),
                                label: node.label.get(lang).to_string(),
                                region: region.clone(),
                            });
                        }
                    })
                });
                (on_figures, on_select)
            }
        },
    );
    // The prepared first state, for the chart it was made for (dropped once another is shown).
    let first = first_chart.borrow().clone().filter(|f| Some(&f.chart) == state.chart.as_ref());
    if first.is_none() {
        *first_chart.borrow_mut() = None;
    }
    let lang = state.lang;
    if state.is_pending() {
        return html! {
            <div class={classes!("sk-widget", props.options.theme.class())} lang={lang.code()} aria-busy="true">
                { loading(lang) }
            </div>
        };
    }
    let report = state.report.clone();
    let data = &report.dataset;
    let title = data.title.as_ref().map(|t| t.get(lang).to_string()).filter(|t| !t.trim().is_empty());
    let title = title.unwrap_or_else(|| tr(Key::DefaultTitle, lang).to_string());
    let region = state.region.as_deref().and_then(|id| data.region(id));
    let errors = errors_in(&state);
    let profile_name = state.profile.name.get(lang).to_string();
    let region_heading = format!("{}-region", *prefix);
    let figures = state.figures.clone();
    let has_indicators = !figures.indicators().is_empty();
    // The key-figure panel of one area, placed in its cluster or beside its committee.
    let panel = |level: AreaLevel, area: &str, name: &str, id: String| {
        if !has_indicators {
            return html! {};
        }
        html! {
            <FigurePanel
                figures={figures.clone()}
                report={report.clone()}
                {level}
                area={area.to_string()}
                name={name.to_string()}
                period={state.period.clone()}
                {lang}
                options={state.key_figure_options.clone()}
                {id}
                heading={4}
            />
        }
    };

    html! {
        <div class={classes!("sk-widget", props.options.theme.class())} lang={lang.code()} aria-busy={(*stage != Stage::Below).then_some("true")}>
            <header class="sk-header">
                // The language switch sits on the title's line: one row less on a phone.
                <div class="sk-header-top">
                    <p class="sk-title">{ title }</p>
                    <LangSwitch {lang} on_change={on_lang} />
                </div>
                <p class="sk-meta">
                    if let Some(period) = i18n::period(data.valid_from.as_deref(), data.valid_to.as_deref(), data.preparatory_from.as_deref(), lang) {
                        <span class="sk-period">{ period }</span>
                    }
                    if let Some(status) = data.status.filter(|s| *s != crate::model::Status::Confirmed) {
                        <span class="sk-badge">{ crate::bodies::labels::status_name(status).get(lang) }</span>
                    }
                    if !data.as_of.is_empty() {
                        <span>{ format!("{} {}", tr(Key::AsOf, lang), i18n::date(&data.as_of, lang)) }</span>
                    }
                    <span>{ format!("{}: {}", tr(Key::RuleProfile, lang), profile_name) }</span>
                </p>
                <div class="sk-controls" role="group" aria-label={tr(if figures.periods.is_empty() { Key::Controls } else { Key::ControlsWithPeriod }, lang)}>
                    if let Some(dataset) = state.dataset {
                        <DatasetSwitch
                            selected={dataset}
                            id={format!("{}-dataset-select", *prefix)}
                            {lang}
                            on_select={on_dataset}
                        />
                    }
                    <RegionSwitcher
                        report={report.clone()}
                        selected={state.region.clone()}
                        id={format!("{}-region-select", *prefix)}
                        {lang}
                        on_select={on_region}
                    />
                    if !figures.periods.is_empty() {
                        <PeriodSelect
                            periods={figures.periods.clone()}
                            selected={state.period.clone()}
                            id={format!("{}-period-select", *prefix)}
                            {lang}
                            on_select={on_period}
                        />
                    }
                    <button type="button" class="sk-download-data" onclick={on_download}>{ tr(Key::DownloadData, lang) }</button>
                    <span class="sk-view-switch" role="group" aria-label={tr(Key::ViewSwitch, lang)}>
                        <button type="button" class="sk-view-chart" aria-pressed={(state.view == ViewMode::Chart).to_string()} onclick={on_view(ViewMode::Chart)}>{ tr(Key::ViewChart, lang) }</button>
                        <button type="button" class="sk-view-list" aria-pressed={(state.view == ViewMode::List).to_string()} onclick={on_view(ViewMode::List)}>{ tr(Key::ViewList, lang) }</button>
                    </span>
                </div>
            </header>
            if fetching.is_some() {
                <p class="sk-notice" role="status">{ tr(Key::FetchingDataset, lang) }</p>
            }
            if errors > 0 {
                <p class="sk-alert" role="alert">{ i18n::error_banner(errors, lang) }</p>
            }
            if let Some(requested) = &state.unknown_region {
                <p class="sk-notice" role="status">
                    { i18n::unknown_region(requested, region.map(|r| r.name.as_str()), lang) }
                </p>
            }
            if let (Some(region), Some(bodies)) = (region, state.bodies.clone()) {
                <section class={classes!("sk-region", (state.view == ViewMode::Chart).then_some("sk-region-chart"))} aria-labelledby={region_heading.clone()}>
                    <h2 id={region_heading}>{ &region.name }</h2>
                    if *stage == Stage::Header {
                        <div class="sk-drawing-pending" ref={pending_ref}></div>
                    } else if state.view == ViewMode::Chart {
                        if let Some(chart) = state.chart.clone() {
                            <ChartView
                                key={state.chart_serial.to_string()}
                                name={default_name(&chart, lang)}
                                {chart}
                                {lang}
                                id={format!("{}-chart", *prefix)}
                                deep_link={props.options.deep_link}
                                cooperative={!props.options.greedy_gestures}
                                report={report.clone()}
                                figures={chart_callbacks.0.clone()}
                                on_select={chart_callbacks.1.clone()}
                                first={first.clone()}
                            />
                        }
                    } else {
                    <Ssu
                        report={report.clone()}
                        bodies={bodies.bodies.clone()}
                        {lang}
                        profile_name={profile_name.clone()}
                        profile={state.profile.clone()}
                        id={format!("{}-body", *prefix)}
                    >
                        { panel(AreaLevel::Region, &region.id, &region.name, format!("{}-panel-region", *prefix)) }
                    </Ssu>
                    <div class="sk-clusters">
                        { for bodies.areas.iter().enumerate().map(|(i, cluster)| {
                            let name = data.area(&cluster.area).map(|c| c.name.clone()).unwrap_or_default();
                            html! {
                                <ClusterView
                                    report={report.clone()}
                                    bodies={cluster.clone()}
                                    {lang}
                                    profile_name={profile_name.clone()}
                                    profile={state.profile.clone()}
                                    id={format!("{}-c{i}", *prefix)}
                                >
                                    { panel(AreaLevel::Cluster, &cluster.area, &name, format!("{}-c{i}-figures", *prefix)) }
                                </ClusterView>
                            }
                        }) }
                    </div>
                    }
                </section>
            } else {
                <p class="sk-notice">{ tr(Key::NoRegions, lang) }</p>
            }
            // Kept in a fixed element while it waits, so that Yew matches the children.
            <div class="sk-below">
            if *stage >= Stage::Findings {
            <Findings
                report={report.clone()}
                region={state.region.clone()}
                {lang}
                id={format!("{}-findings", *prefix)}
            />
            }
            if *stage == Stage::Below {
            if has_indicators || !report.dataset.regions.is_empty() {
                <details class="sk-collapsible sk-figures-details">
                    <summary>{ i18n::figures_summary(figures.indicators().len(), figures.indicators().iter().any(|i| i.synthetic), lang) }</summary>
                    <KeyFiguresSection
                        figures={figures.clone()}
                        report={report.clone()}
                        region={state.region.clone()}
                        period={state.period.clone()}
                        {lang}
                        options={state.key_figure_options.clone()}
                        id={prefix.to_string()}
                    />
                </details>
            }
            if let Some(dataset) = state.dataset {
                <TransitionView
                    {dataset}
                    region={state.region.clone()}
                    {lang}
                    id={prefix.to_string()}
                />
            }
            }
            </div>
        </div>
    }
}
