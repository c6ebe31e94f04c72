//! The chart's tools: expand and collapse all, zoom, fit, centre, orientation, search
//! with hit count and "next", the sector filter, and export (SVG, PNG) and print.
//! A wrapping row of ordinary controls (not `role="toolbar"`: every control has its own
//! tab stop).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart::{export_whole, LAST_EXPORT};
use crate::bodies::labels::sector_name;
use crate::chart::layout::Orientation;
use crate::model::Sector;
use crate::model::text::Lang;
use crate::chart::draw::{self as chart_draw, sector_class, sector_shape};
use crate::web::export;
use crate::web::i18n::{self, tr, Key};
use crate::web::state::{ChartAction, ChartState};

#[derive(Clone, PartialEq, Properties)]
pub struct ToolbarProps {
    pub state: UseReducerHandle<ChartState>,
    pub lang: Lang,
    pub id: AttrValue,
    /// The minimap is shown.
    pub minimap: bool,
    pub on_minimap: Callback<()>,
}

const SECTORS: [Sector; 5] = [Sector::Region, Sector::Municipality, Sector::GeneralPractice, Sector::Patients, Sector::Other];

fn file_name(state: &ChartState, extension: &str) -> String {
    let root = state.chart.roots.first().map(|&r| state.chart.nodes[r].id.as_str()).unwrap_or("chart");
    let safe: String = root.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("sundhedsklynger-{safe}.{extension}")
}

#[component]
pub fn ChartToolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let message = use_state(|| None::<&'static str>);
    let act = |action: fn() -> ChartAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let on_search = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                dispatcher.dispatch(ChartAction::Search(input.value()));
            }
        })
    };
    let on_search_key = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                dispatcher.dispatch(ChartAction::NextHit);
            }
        })
    };
    let centre = {
        let dispatcher = state.dispatcher();
        let target = state.selected.unwrap_or(state.focus);
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(ChartAction::Centre(target)))
    };
    let arrange = |orientation: Orientation| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(ChartAction::Orientation(orientation)))
    };
    let pressed = |orientation: Orientation| if state.orientation == orientation { "true" } else { "false" };
    let minimap = {
        let on = props.on_minimap.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let export_svg = {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let svg = export_whole(&state, lang);
            let ok = export::download_svg(&svg, &file_name(&state, "svg")).is_ok();
            LAST_EXPORT.with(|last| *last.borrow_mut() = Some(svg));
            message.set((!ok).then_some(tr(Key::ExportFailed, lang)));
        })
    };
    // The part on screen only: the same drawing cut to the visible window.
    let export_view = {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let window = (state.viewport.0 > 0.0).then(|| state.window());
            let svg = chart_draw::export_svg(&state.chart, &state.view, &state.placed, state.orientation, lang, window);
            let ok = export::download_svg(&svg, &file_name(&state, "svg")).is_ok();
            LAST_EXPORT.with(|last| *last.borrow_mut() = Some(svg));
            message.set((!ok).then_some(tr(Key::ExportFailed, lang)));
        })
    };
    let export_png = {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let l = &state.placed.layout;
            let (w, h) = (l.total_width + 32.0, l.total_height + 32.0);
            let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
            if !export::png_fits(w, h, ratio) {
                message.set(Some(tr(Key::TooLargeForPng, lang)));
                return;
            }
            let svg = export_whole(&state, lang);
            let on_error = {
                let message = message.clone();
                Callback::from(move |()| message.set(Some(tr(Key::ExportFailed, lang))))
            };
            let ok = export::download_png(&svg, w, h, &file_name(&state, "png"), on_error).is_ok();
            LAST_EXPORT.with(|last| *last.borrow_mut() = Some(svg));
            message.set((!ok).then_some(tr(Key::ExportFailed, lang)));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let present: Vec<Sector> = SECTORS.into_iter().filter(|s| state.chart.nodes.iter().any(|n| n.sector == Some(*s))).collect();
    let search_id = format!("{}-chart-search", props.id);
    html! {
        <div class="sk-toolbar" part="toolbar" role="group" aria-label={tr(Key::ChartTools, lang)}>
            <div class="sk-tool-row">
                <span class="sk-search">
                    <label for={search_id.clone()}>{ tr(Key::Search, lang) }</label>
                    <input id={search_id} type="search" class="sk-search-input" placeholder={tr(Key::SearchHint, lang)} title={tr(Key::SearchHint, lang)} value={state.query.clone()} oninput={on_search} onkeydown={on_search_key} />
                    <button type="button" class="sk-next-hit" disabled={state.hits.is_empty()} onclick={act(|| ChartAction::NextHit)}>{ tr(Key::NextHit, lang) }</button>
                    <span class="sk-hit-count" role="status">
                        if !state.query.trim().is_empty() {
                            { i18n::hits(state.hits.len(), state.hit, lang) }
                        }
                    </span>
                </span>
                <button type="button" class="sk-expand-all" onclick={act(|| ChartAction::ExpandAll)}>{ tr(Key::ExpandAll, lang) }</button>
                <button type="button" class="sk-collapse-all" onclick={act(|| ChartAction::CollapseAll)}>{ tr(Key::CollapseAll, lang) }</button>
            </div>
            <details class="sk-more-tools">
                <summary>{ tr(Key::MoreTools, lang) }<span class="sk-more-detail">{ tr(Key::MoreToolsDetail, lang) }</span></summary>
            <div class="sk-tool-row">
                <button type="button" class="sk-centre" onclick={centre}>{ tr(Key::CentreSelected, lang) }</button>
                <span class="sk-arrange" role="group" aria-label={tr(Key::Arrangement, lang)}>
                    <button type="button" class="sk-arrange-top-down" aria-pressed={pressed(Orientation::TopDown)} onclick={arrange(Orientation::TopDown)}>{ tr(Key::ArrangeTopDown, lang) }</button>
                    <button type="button" class="sk-orientation" aria-pressed={pressed(Orientation::LeftRight)} onclick={arrange(Orientation::LeftRight)}>{ tr(Key::ArrangeLeftRight, lang) }</button>
                    <button type="button" class="sk-arrange-indented" aria-pressed={pressed(Orientation::Indented)} onclick={arrange(Orientation::Indented)}>{ tr(Key::ArrangeIndented, lang) }</button>
                </span>
                <button type="button" class="sk-minimap-toggle" aria-pressed={if props.minimap { "true" } else { "false" }} onclick={minimap}>{ tr(Key::Minimap, lang) }</button>
            </div>
            <div class="sk-tool-row">
                if !present.is_empty() {
                    <fieldset class="sk-sector-filter">
                        <legend>{ tr(Key::Sectors, lang) }</legend>
                        { for present.into_iter().map(|sector| {
                            let dispatcher = state.dispatcher();
                            let shown = !state.view.hidden_sectors.contains(&sector);
                            let onchange = Callback::from(move |e: Event| {
                                if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    dispatcher.dispatch(ChartAction::Sector(sector, input.checked()));
                                }
                            });
                            html! {
                                <label class={classes!("sk-sector-option", sector_class(sector))}>
                                    <input type="checkbox" checked={shown} {onchange} data-sector={sector_class(sector)} />
                                    <svg class="sk-sector-glyph" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path class="sk-glyph" d={sector_shape(sector)} /></svg>
                                    { sector_name(sector).get(lang) }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
                <details class="sk-export-menu">
                    <summary>{ tr(Key::ExportMenu, lang) }</summary>
                    <div class="sk-export-items">
                        <button type="button" class="sk-export-svg" onclick={export_svg}>{ tr(Key::ExportSvg, lang) }</button>
                        <button type="button" class="sk-export-view" onclick={export_view}>{ tr(Key::ExportView, lang) }</button>
                        <button type="button" class="sk-export-png" onclick={export_png}>{ tr(Key::ExportPng, lang) }</button>
                        <button type="button" class="sk-print" onclick={print}>{ tr(Key::Print, lang) }</button>
                    </div>
                </details>
            </div>
            </details>
            <span class="sk-export-message" role="status">{ (*message).unwrap_or_default() }</span>
        </div>
    }
}

/// The zoom controls over the drawing's corner, as maps have them: out, the level, in,
/// fit, full screen.
pub fn zoom_controls(state: &UseReducerHandle<ChartState>, lang: Lang, id: &str, on_fullscreen: Callback<()>) -> Html {
    let zoom = |factor: f64| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(ChartAction::Zoom(factor, None)))
    };
    let fit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(ChartAction::Fit))
    };
    let percent = format!("{} %", (state.scale * 100.0).round());
    let fullscreen = Callback::from(move |_: MouseEvent| on_fullscreen.emit(()));
    html! {
        <div class="sk-zoom-overlay">
            <span class="sk-zoom" role="group" aria-label={tr(Key::Zoom, lang)}>
                <button type="button" class="sk-zoom-out" aria-label={tr(Key::ZoomOut, lang)} title={tr(Key::ZoomOut, lang)} onclick={zoom(1.0 / 1.25)}>{ "−" }</button>
                <output id={format!("{id}-zoom-level")} class="sk-zoom-level" aria-live="off" aria-label={tr(Key::ZoomLevel, lang)}>{ percent }</output>
                <button type="button" class="sk-zoom-in" aria-label={tr(Key::ZoomIn, lang)} title={tr(Key::ZoomIn, lang)} onclick={zoom(1.25)}>{ "+" }</button>
            </span>
            <button type="button" class="sk-fit" onclick={fit}>{ tr(Key::Fit, lang) }</button>
            <button type="button" class="sk-fullscreen" aria-pressed={if state.fullscreen { "true" } else { "false" }} onclick={fullscreen}>{ tr(if state.fullscreen { Key::ExitFullscreen } else { Key::Fullscreen }, lang) }</button>
        </div>
    }
}
