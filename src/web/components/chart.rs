//! The interactive org chart: an SVG drawing of the visible nodes at their tidy-tree
//! positions, which is also a WAI-ARIA tree (`<svg role="tree">`, `<g role="treeitem">`,
//! `<g role="group">`, one tab stop). Zoom and pan go through the `transform` attribute
//! of one `<g>`; only the nodes on or near the screen are in the DOM.
//!
//! Zoomed out far and crowded (`chart_draw::overview`), the boxes near the screen are drawn
//! as an *overview* instead: a few `aria-hidden` paths without text, one per box style,
//! with only the tab stop, the selection and what belongs to them as full tree items on top.
//! The tree stays a tree for the keyboard and screen readers: it is the same idea as
//! culling, which already takes off-screen items out of the accessibility tree.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart_node::NodeContext;
use super::chart_toolbar::ChartToolbar;
use super::detail_panel::DetailPanel;
use crate::chart::{Chart, TreeKey};
use crate::chart::layout::Orientation;
use crate::model::text::Lang;
use crate::chart::draw::{self as chart_draw, cross_link, HIDDEN};
use crate::web::i18n::{self, tr, Key};
use crate::web::state::{ChartAction, ChartState, Shared};
use crate::Report;

#[derive(Clone, PartialEq, Properties)]
pub struct ChartProps {
    pub chart: Shared<Chart>,
    pub lang: Lang,
    /// Prefix of element ids (unique per widget).
    pub id: AttrValue,
    /// The tree's accessible name.
    #[prop_or_default]
    pub name: AttrValue,
    /// Keep the selection in the URL hash.
    #[prop_or_default]
    pub deep_link: bool,
    /// The data, for names in the detail panel.
    #[prop_or_default]
    pub report: Option<Shared<Report>>,
    /// Key figures of a region or cluster node, for the detail panel.
    #[prop_or_default]
    pub figures: Option<Callback<usize, Html>>,
    /// Told the node index whenever the selection changes to a node.
    #[prop_or_default]
    pub on_select: Option<Callback<usize>>,
}

/// A pointer gesture in progress: pointers down, whether it became a drag, pinch distance.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    moved: bool,
    pinch: Option<f64>,
}

/// The chart node index of the tree item an event happened in.
fn item_of(target: Option<web_sys::EventTarget>, selector: &str) -> Option<(usize, web_sys::Element)> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let item = element.closest(selector).ok()??;
    let attribute = if selector.contains("toggle") { "data-toggle" } else { "data-node-index" };
    Some((item.get_attribute(attribute)?.parse().ok()?, element))
}

/// The key of the tree-view pattern, with the arrows turned for a left-to-right drawing.
pub fn tree_key(key: &str, orientation: Orientation) -> Option<TreeKey> {
    let horizontal = orientation == Orientation::LeftRight;
    Some(match key {
        "ArrowDown" if horizontal => TreeKey::Right,
        "ArrowUp" if horizontal => TreeKey::Left,
        "ArrowRight" if horizontal => TreeKey::Down,
        "ArrowLeft" if horizontal => TreeKey::Up,
        "ArrowDown" => TreeKey::Down,
        "ArrowUp" => TreeKey::Up,
        "ArrowRight" => TreeKey::Right,
        "ArrowLeft" => TreeKey::Left,
        "Home" => TreeKey::Home,
        "End" => TreeKey::End,
        "*" => TreeKey::ExpandSiblings,
        k if k.chars().count() == 1 && !k.starts_with(' ') => TreeKey::Char(k.chars().next()?),
        _ => return None,
    })
}

fn point_in(svg: &web_sys::Element, x: f64, y: f64) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    (x - rect.left(), y - rect.top())
}

#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let state = use_reducer({
        let chart = props.chart.clone();
        move || ChartState::new(chart)
    });
    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let lang = props.lang;
    let prefix = props.id.to_string();

    // After every render: measure the drawing area, and move the DOM focus where the
    // keyboard or a click put the tab stop.
    {
        let svg_ref = svg_ref.clone();
        let dispatcher = state.dispatcher();
        let follow = state.follow_focus.then_some(state.focus);
        let item_id = format!("{prefix}-n{}", state.focus);
        use_effect(move || {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let rect = svg.get_bounding_client_rect();
                dispatcher.dispatch(ChartAction::Viewport(rect.width(), rect.height()));
                if follow.is_some() {
                    let active = svg.owner_document().and_then(|d| d.active_element()).map(|a| a.id());
                    if active.as_deref() != Some(item_id.as_str()) {
                        if let Ok(Some(item)) = svg.query_selector(&format!("[id=\"{item_id}\"]")) {
                            if let Some(item) = item.dyn_ref::<web_sys::SvgElement>() {
                                let options = web_sys::FocusOptions::new();
                                options.set_prevent_scroll(true);
                                let _ = item.focus_with_options(&options);
                            }
                        }
                    }
                }
            }
        });
    }

    // Window resize, wheel zoom (not passive: it must stop the page from scrolling) and
    // printing (draw the whole chart while the page prints).
    {
        let svg_ref = svg_ref.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let svg = svg_ref.cast::<web_sys::Element>();
            let mut cleanups: Vec<Box<dyn FnOnce()>> = Vec::new();
            if let (Some(window), Some(svg)) = (window, svg) {
                let on_resize = {
                    let svg = svg.clone();
                    let dispatcher = dispatcher.clone();
                    Closure::<dyn Fn()>::new(move || {
                        let rect = svg.get_bounding_client_rect();
                        dispatcher.dispatch(ChartAction::Viewport(rect.width(), rect.height()));
                    })
                };
                let on_wheel = {
                    let svg = svg.clone();
                    let dispatcher = dispatcher.clone();
                    Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
                        e.prevent_default();
                        let unit = match e.delta_mode() {
                            1 => 16.0,
                            2 => 400.0,
                            _ => 1.0,
                        };
                        let factor = (-e.delta_y() * unit * 0.0015).exp();
                        let at = point_in(&svg, e.client_x() as f64, e.client_y() as f64);
                        dispatcher.dispatch(ChartAction::Zoom(factor, Some(at)));
                    })
                };
                let before_print = {
                    let dispatcher = dispatcher.clone();
                    Closure::<dyn Fn()>::new(move || dispatcher.dispatch(ChartAction::Printing(true)))
                };
                let after_print = {
                    let dispatcher = dispatcher.clone();
                    Closure::<dyn Fn()>::new(move || dispatcher.dispatch(ChartAction::Printing(false)))
                };
                // The drawing area's own size changes too: a widget that starts hidden (a
                // closed tab or accordion on a CMS page) is measured, and fitted, when shown.
                let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
                if let Some(observer) = &observer {
                    observer.observe(&svg);
                }
                let options = web_sys::AddEventListenerOptions::new();
                options.set_passive(false);
                let _ = svg.add_event_listener_with_callback_and_add_event_listener_options("wheel", on_wheel.as_ref().unchecked_ref(), &options);
                let _ = window.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
                let _ = window.add_event_listener_with_callback("beforeprint", before_print.as_ref().unchecked_ref());
                let _ = window.add_event_listener_with_callback("afterprint", after_print.as_ref().unchecked_ref());
                cleanups.push(Box::new(move || {
                    if let Some(observer) = observer {
                        observer.disconnect();
                    }
                    let _ = svg.remove_event_listener_with_callback("wheel", on_wheel.as_ref().unchecked_ref());
                    let _ = window.remove_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
                    let _ = window.remove_event_listener_with_callback("beforeprint", before_print.as_ref().unchecked_ref());
                    let _ = window.remove_event_listener_with_callback("afterprint", after_print.as_ref().unchecked_ref());
                }));
            }
            move || cleanups.into_iter().for_each(|f| f())
        });
    }

    // Deep link: select the node named in the hash at start, and write the selection back.
    {
        let dispatcher = state.dispatcher();
        let chart = props.chart.clone();
        use_effect_with(props.deep_link, move |on| {
            if *on {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                if let Some(id) = hash.strip_prefix("#sk-node=") {
                    let id = js_sys::decode_uri_component(id).ok().and_then(|s| s.as_string()).unwrap_or_default();
                    if let Some(v) = chart.nodes.iter().position(|n| n.id == id) {
                        dispatcher.dispatch(ChartAction::Centre(v));
                        dispatcher.dispatch(ChartAction::Select(v));
                    }
                }
            }
        });
    }
    {
        let chart = props.chart.clone();
        let on = props.deep_link;
        use_effect_with(state.selected, move |selected| {
            if let (true, Some(v), Some(window)) = (on, *selected, web_sys::window()) {
                let id = String::from(js_sys::encode_uri_component(&chart.nodes[v].id));
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#sk-node={id}")));
                }
            }
        });
    }

    // Report a new selection to the host (the widget's `select` event).
    {
        let on_select = props.on_select.clone();
        use_effect_with(state.selected, move |selected| {
            if let (Some(on_select), Some(v)) = (on_select, *selected) {
                on_select.emit(v);
            }
        });
    }

    let onkeydown = {
        let dispatcher = state.dispatcher();
        let orientation = state.orientation;
        let focus = state.focus;
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let Some((v, target)) = item_of(e.target(), "[role=\"treeitem\"]") else { return };
            if target.get_attribute("role").as_deref() != Some("treeitem") {
                return;
            }
            if v != focus {
                dispatcher.dispatch(ChartAction::Focus(v));
            }
            let key = e.key();
            if key == "Enter" || key == " " {
                e.prevent_default();
                dispatcher.dispatch(ChartAction::Select(v));
            } else if let Some(k) = tree_key(&key, orientation) {
                e.prevent_default();
                dispatcher.dispatch(ChartAction::Key(k, lang));
            }
        })
    };
    let onfocusin = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: FocusEvent| {
            if let Some((v, target)) = item_of(e.target(), "[role=\"treeitem\"]") {
                if target.get_attribute("role").as_deref() == Some("treeitem") {
                    dispatcher.dispatch(ChartAction::Focus(v));
                }
            }
        })
    };
    // A click on the overview selects the box under the pointer and zooms in on it (100 %,
    // centred): at the overview's zoom the box is a few pixels wide and has no text, so
    // selecting it alone would leave nothing readable to look at; zoomed in, the node and
    // its neighbours are full tree items again and the keyboard goes on from there.
    let onclick = {
        let dispatcher = state.dispatcher();
        let gesture = gesture.clone();
        let placed = state.placed.clone();
        let (x, y, scale) = (state.x, state.y, state.scale);
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut gesture.borrow_mut().moved) {
                return;
            }
            if let Some((v, _)) = item_of(e.target(), ".sk-toggle") {
                dispatcher.dispatch(ChartAction::Toggle(v));
            } else if let Some((v, _)) = item_of(e.target(), "[role=\"treeitem\"]") {
                dispatcher.dispatch(ChartAction::Select(v));
            } else if let (Some(target), Some(svg)) = (e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()), svg_ref.cast::<web_sys::Element>()) {
                if target.class_list().contains("sk-overview") && scale > 0.0 {
                    let (px, py) = point_in(&svg, e.client_x() as f64, e.client_y() as f64);
                    if let Some(v) = chart_draw::node_at(&placed, (px - x) / scale, (py - y) / scale) {
                        dispatcher.dispatch(ChartAction::Inspect(v));
                    }
                }
            }
        })
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.moved = false;
                g.start = (e.client_x() as f64, e.client_y() as f64);
            }
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.pointers.push((e.pointer_id(), e.client_x() as f64, e.client_y() as f64));
            g.pinch = None;
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let dispatcher = state.dispatcher();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(i) = g.pointers.iter().position(|p| p.0 == e.pointer_id()) else { return };
            let (x, y) = (e.client_x() as f64, e.client_y() as f64);
            let (dx, dy) = (x - g.pointers[i].1, y - g.pointers[i].2);
            g.pointers[i] = (e.pointer_id(), x, y);
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else { return };
            match g.pointers.len() {
                1 => {
                    if !g.moved && ((x - g.start.0).powi(2) + (y - g.start.1).powi(2)).sqrt() > 4.0 {
                        g.moved = true;
                        let _ = svg.set_pointer_capture(e.pointer_id());
                    }
                    if g.moved {
                        dispatcher.dispatch(ChartAction::Pan(dx, dy));
                    }
                }
                2 => {
                    let (a, b) = (g.pointers[0], g.pointers[1]);
                    let distance = ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt();
                    let mid = point_in(&svg, (a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
                    if let Some(before) = g.pinch.filter(|d| *d > 0.0) {
                        dispatcher.dispatch(ChartAction::Zoom(distance / before, Some(mid)));
                    }
                    g.pinch = Some(distance);
                    g.moved = true;
                }
                _ => {}
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.pinch = None;
        })
    };

    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |v: usize| {
            dispatcher.dispatch(ChartAction::Centre(v));
            dispatcher.dispatch(ChartAction::Select(v));
        })
    };

    let chart = &state.chart;
    let placed = &state.placed;
    // The slots on or near the screen; drawn as full tree items, or as the overview.
    let culled = state.culled();
    let overview = chart_draw::overview(state.scale, culled.iter().filter(|c| **c).count(), state.printing, state.viewport.0 > 0.0);
    // The slots drawn as full tree items: in full mode the culled ones and their ancestors
    // (a tree item holds its children); in both modes the tab stop, the selection, the
    // selected person's other seats and the current search hit, with their ancestors.
    let mut include = if overview { vec![false; culled.len()] } else { culled.clone() };
    let mark = |v: usize, include: &mut Vec<bool>| {
        let mut at = Some(v);
        while let Some(x) = at {
            let slot = placed.slot.get(x).copied().unwrap_or(HIDDEN);
            if slot == HIDDEN {
                break;
            }
            include[slot] = true;
            at = chart.nodes[x].parent;
        }
    };
    if !overview {
        for slot in 0..include.len() {
            if include[slot] {
                if let Some(p) = chart.nodes[placed.order[slot]].parent {
                    let ps = placed.slot[p];
                    if ps != HIDDEN && !include[ps] {
                        mark(p, &mut include);
                    }
                }
            }
        }
    }
    // The selected person's other seats too: they are highlighted and joined by links.
    let linked = state.linked();
    let current_hit = state.hit.and_then(|i| state.hits.get(i).copied());
    if !state.is_empty() {
        mark(state.focus, &mut include);
        for v in state.selected.into_iter().chain(current_hit).chain(linked.iter().copied()) {
            mark(v, &mut include);
        }
    }
    let hits: Vec<usize> = state.hits.iter().copied().collect();
    let ctx = NodeContext {
        chart,
        view: &state.view,
        placed,
        include: &include,
        orientation: state.orientation,
        focus: state.focus,
        selected: state.selected,
        linked: &linked,
        hits: &hits,
        current_hit,
        lang,
        prefix: &prefix,
    };
    // Every link as one path: into the full items, and in the overview into its boxes too.
    let (boxes, hit_outlines, links) = if overview {
        let boxes: Vec<bool> = culled.iter().zip(&include).map(|(c, i)| *c && !*i).collect();
        let hit_slots = hits.iter().map(|&v| placed.slot[v]).filter(|&s| s != HIDDEN && boxes[s]);
        let outlines = chart_draw::outline_path(placed, hit_slots);
        let to: Vec<bool> = culled.iter().zip(&include).map(|(c, i)| *c || *i).collect();
        let links = chart_draw::links_path(chart, placed, &to, state.orientation);
        (chart_draw::overview_paths(chart, placed, &boxes), outlines, links)
    } else {
        (Vec::new(), String::new(), chart_draw::links_path(chart, placed, &include, state.orientation))
    };
    let cross = state.selected.into_iter().flat_map(|s| {
        linked.iter().filter_map(move |&o| Some(html! { <path class="sk-cross" d={cross_link(placed.rect(s)?, placed.rect(o)?)} /> })).collect::<Vec<_>>()
    });
    let descriptions: Vec<Html> = placed
        .order
        .iter()
        .enumerate()
        .filter(|(slot, v)| include[*slot] && chart.nodes[**v].person.is_some())
        .filter_map(|(_, &v)| {
            let text = chart.other_seats_description(v, lang)?;
            Some(html! { <span key={v} id={ctx.description_id(v)}>{ text }</span> })
        })
        .collect();
    let roots: Vec<Html> = chart.roots.iter().filter(|&&r| placed.slot[r] != HIDDEN && include[placed.slot[r]]).map(|&r| ctx.item(r)).collect();
    let l = &placed.layout;
    let (transform, view_box) = if state.printing {
        (String::new(), Some(format!("-16 -16 {} {}", l.total_width + 32.0, l.total_height + 32.0)))
    } else {
        (format!("translate({} {}) scale({})", state.x, state.y, state.scale), None)
    };
    let help_id = format!("{prefix}-chart-help");
    let nodes_in_dom = include.iter().filter(|i| **i).count();

    html! {
        <div class="sk-chart" part="chart-container">
            <ChartToolbar state={state.clone()} {lang} id={prefix.clone()} />
            <div class="sk-chart-body">
                <div class={classes!("sk-chart-frame", state.printing.then_some("sk-printing"))}>
                    <svg ref={svg_ref}
                        class="sk-chart-svg"
                        part="chart"
                        role="tree"
                        aria-label={props.name.clone()}
                        aria-describedby={help_id.clone()}
                        aria-orientation={(state.orientation == Orientation::LeftRight).then_some("horizontal")}
                        data-nodes-total={chart.nodes.len().to_string()}
                        data-nodes-in-dom={nodes_in_dom.to_string()}
                        data-overview={overview.then_some("true")}
                        viewBox={view_box}
                        {onkeydown} {onfocusin} {onclick} {onpointerdown} {onpointermove}
                        onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                        <g class="sk-viewport" role="none" transform={transform}>
                            <g class="sk-links" aria-hidden="true">
                                if !links.is_empty() {
                                    <path class="sk-link" d={links} />
                                }
                            </g>
                            if overview {
                                <g class="sk-overview-boxes" aria-hidden="true">
                                    { for boxes.into_iter().map(|p| html! { <path class={p.class} d={p.d} data-boxes={p.boxes.to_string()} /> }) }
                                    if !hit_outlines.is_empty() {
                                        <path class="sk-overview-hits" d={hit_outlines} />
                                    }
                                </g>
                            }
                            <g class="sk-cross-links" aria-hidden="true">{ for cross }</g>
                            { for roots }
                        </g>
                    </svg>
                    <p class="sk-overview-hint" role="status" aria-live="polite">
                        if overview {
                            { tr(Key::OverviewHint, lang) }
                        }
                    </p>
                    if state.is_empty() {
                        <p class="sk-notice">{ tr(Key::NoRegions, lang) }</p>
                    }
                </div>
                <DetailPanel chart={state.chart.clone()} selected={state.selected} {lang} id={prefix.clone()} report={props.report.clone()} figures={props.figures.clone()} {on_select} />
            </div>
            <p id={help_id} class="sk-hint sk-chart-help">{ tr(Key::ChartHelp, lang) }</p>
            <div hidden=true>{ for descriptions }</div>
        </div>
    }
}

/// The whole visible chart as a standalone SVG file.
pub fn export_whole(state: &ChartState, lang: Lang) -> String {
    chart_draw::export_svg(&state.chart, &state.view, &state.placed, state.orientation, lang, None)
}

thread_local! {
    /// The last export, for tests and hosts that want the text rather than a download.
    pub static LAST_EXPORT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The name shown for a chart: "Organisationsdiagram: <root label>".
pub fn default_name(chart: &Chart, lang: Lang) -> String {
    let root = chart.roots.first().map(|&r| chart.nodes[r].label.get(lang).to_string()).unwrap_or_default();
    i18n::chart_name(&root, lang)
}
