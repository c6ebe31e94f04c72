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
use super::chart_toolbar::{zoom_controls, ChartToolbar};
use super::detail_panel::DetailPanel;
use crate::chart::{Chart, TreeKey};
use crate::chart::layout::Orientation;
use crate::model::text::Lang;
use crate::chart::draw::{self as chart_draw, cross_link, sector_class, sector_shape, HIDDEN, LINE, PAD};
use crate::chart::viewport;
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
    /// Cooperative gestures (the default): a plain wheel and one finger scroll the page;
    /// Ctrl/⌘ + wheel, pinch and two fingers act on the chart. Off (`gestures: "greedy"`)
    /// for a page that is only the widget; full screen acts as off.
    #[prop_or(true)]
    pub cooperative: bool,
    /// The chart's first state, made before the view (by [`first_state`], in a task of its
    /// own): the first render then draws the first view at once (issue 14).
    #[prop_or_default]
    pub first: Option<Shared<ChartState>>,
}

/// The first state of a chart whose drawing area is `width` CSS px wide (measured on its
/// placeholder): its first view laid out and fitted, as measuring would find it.
pub fn first_state(chart: Shared<Chart>, width: f64) -> ChartState {
    ChartState::sized(chart, Some((width, unmeasured_frame_height(max_frame_height()))))
}

/// The tallest the drawing area gets: most of the window.
fn max_frame_height() -> f64 {
    web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).map_or(640.0, |h| (h * 0.8).clamp(320.0, 900.0))
}

/// The drawing area's height before the drawing has one of its own.
fn unmeasured_frame_height(max_height: f64) -> f64 {
    480.0_f64.min(max_height)
}

/// A pointer gesture in progress: pointers down, whether it became a drag, pinch distance
/// and midpoint.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    moved: bool,
    pinch: Option<(f64, (f64, f64))>,
    /// A touch pointer is down (cooperative mode leaves one finger to the page).
    touch: bool,
}

/// The short hint of the cooperative gestures, and a serial that restarts its fade.
#[derive(Clone, Copy, PartialEq)]
struct GestureHint {
    key: Key,
    serial: u32,
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
    // A first state made for another chart is not this one's.
    let first = props.first.clone().filter(|f| f.chart == props.chart);
    let skip_measure = use_mut_ref(|| first.as_ref().is_some_and(|f| f.viewport.0 > 0.0));
    let state = use_reducer({
        let chart = props.chart.clone();
        move || first.map_or_else(|| ChartState::new(chart), |f| (*f).clone())
    });
    let svg_ref = use_node_ref();
    let container_ref = use_node_ref();
    // The DOM focus is on a tree item (set by focusin, cleared by a focusout that leaves the tree).
    let tree_focused = use_mut_ref(|| false);
    // The last `focus_serial` the DOM focus followed.
    let focus_handled = use_mut_ref(|| 0u32);
    let gesture = use_mut_ref(Gesture::default);
    let hint = use_state(|| None::<GestureHint>);
    let minimap_on = use_state(|| true);
    // Wheel and one finger act on the chart: not cooperative, or full screen.
    let greedy = !props.cooperative || state.fullscreen;
    let greedy_ref = use_mut_ref(|| greedy);
    *greedy_ref.borrow_mut() = greedy;
    let hint_serial = use_mut_ref(|| 0u32);
    // Shows a gesture hint for two seconds (a timeout rather than a CSS fade: reduced
    // motion turns animations off, and the hint must still go).
    let show_hint = {
        let hint = hint.clone();
        let hint_serial = hint_serial.clone();
        move |key: Key| {
            let serial = {
                let mut s = hint_serial.borrow_mut();
                *s = s.wrapping_add(1);
                *s
            };
            if hint.map(|h| h.key) != Some(key) {
                hint.set(Some(GestureHint { key, serial }));
            }
            let (hint, hint_serial) = (hint.clone(), hint_serial.clone());
            let clear = Closure::once_into_js(move || {
                if *hint_serial.borrow() == serial {
                    hint.set(None);
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 2000);
            }
        }
    };
    let lang = props.lang;
    let prefix = props.id.to_string();

    // After every render: measure the drawing area, and move the DOM focus where the
    // keyboard or a click put the tab stop.
    {
        let svg_ref = svg_ref.clone();
        let dispatcher = state.dispatcher();
        let handled = focus_handled.clone();
        let serial = state.focus_serial;
        let item_id = format!("{prefix}-n{}", state.focus);
        let in_tree = tree_focused.clone();
        // The first render of a chart whose first state came with it is not measured: that
        // would force a layout in the task that drew it. The resize observer reports the size
        // once the browser has laid it out (before it paints), should it differ.
        let sized = std::mem::take(&mut *skip_measure.borrow_mut());
        use_effect(move || {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                if !sized {
                    let rect = svg.get_bounding_client_rect();
                    dispatcher.dispatch(ChartAction::Viewport(rect.width(), rect.height()));
                }
                let active = svg.owner_document().and_then(|d| d.active_element());
                // A re-render that moved the focused item in the DOM (a keyed list moves
                // elements, and a moved element loses focus without a blur event) leaves
                // the focus on <body>: it goes back to the tab stop.
                let lost = *in_tree.borrow() && active.as_ref().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
                let follow = *handled.borrow() != serial;
                if follow || lost {
                    let active = active.map(|a| a.id());
                    if active.as_deref() == Some(item_id.as_str()) {
                        *handled.borrow_mut() = serial;
                    } else if let Ok(Some(item)) = svg.query_selector(&format!("[id=\"{item_id}\"]")) {
                        if let Some(item) = item.dyn_ref::<web_sys::SvgElement>() {
                            let options = web_sys::FocusOptions::new();
                            options.set_prevent_scroll(true);
                            let _ = item.focus_with_options(&options);
                            // Followed only once the item was there: a render that does not
                            // hold it yet (the overview, a relayout) leaves it to the next.
                            *handled.borrow_mut() = serial;
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
        let container_ref = container_ref.clone();
        let dispatcher = state.dispatcher();
        let greedy_ref = greedy_ref.clone();
        let show_hint = show_hint.clone();
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
                    let greedy = greedy_ref.clone();
                    let show_hint = show_hint.clone();
                    Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
                        // Cooperative: a plain wheel scrolls the page (a hint says how to zoom).
                        if !*greedy.borrow() && !(e.ctrl_key() || e.meta_key()) {
                            show_hint(Key::WheelHint);
                            return;
                        }
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
                // Full screen entered or left (the button, Esc, the browser's own controls).
                let on_fullscreen = {
                    let dispatcher = dispatcher.clone();
                    let container = container_ref.cast::<web_sys::Element>();
                    Closure::<dyn Fn()>::new(move || {
                        let current = web_sys::window().and_then(|w| w.document()).and_then(|d| d.fullscreen_element());
                        let on = matches!((&current, &container), (Some(a), Some(b)) if a == b);
                        dispatcher.dispatch(ChartAction::Fullscreen(on));
                    })
                };
                let document = window.document();
                if let Some(document) = &document {
                    let _ = document.add_event_listener_with_callback("fullscreenchange", on_fullscreen.as_ref().unchecked_ref());
                }
                cleanups.push(Box::new(move || {
                    if let Some(document) = document {
                        let _ = document.remove_event_listener_with_callback("fullscreenchange", on_fullscreen.as_ref().unchecked_ref());
                    }
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
    let onfocusout = {
        let tree_focused = tree_focused.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = match (e.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()), svg_ref.cast::<web_sys::Node>()) {
                (Some(to), Some(svg)) => svg.contains(Some(&to)),
                _ => false,
            };
            *tree_focused.borrow_mut() = inside;
        })
    };
    let onfocusin = {
        let dispatcher = state.dispatcher();
        let tree_focused = tree_focused.clone();
        Callback::from(move |e: FocusEvent| {
            *tree_focused.borrow_mut() = true;
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
                g.touch = e.pointer_type() == "touch";
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
        let greedy_ref = greedy_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(i) = g.pointers.iter().position(|p| p.0 == e.pointer_id()) else { return };
            let (x, y) = (e.client_x() as f64, e.client_y() as f64);
            let (dx, dy) = (x - g.pointers[i].1, y - g.pointers[i].2);
            g.pointers[i] = (e.pointer_id(), x, y);
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else { return };
            let greedy = *greedy_ref.borrow();
            match g.pointers.len() {
                // Cooperative: one finger is the page's (it scrolls; `touch-action` lets it).
                1 if g.touch && !greedy => {}
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
                    // Two fingers: pinch zooms about their midpoint, and moving them pans.
                    if let Some((before, at)) = g.pinch.filter(|p| p.0 > 0.0) {
                        dispatcher.dispatch(ChartAction::Pan(mid.0 - at.0, mid.1 - at.1));
                        dispatcher.dispatch(ChartAction::Zoom(distance / before, Some(mid)));
                    }
                    g.pinch = Some((distance, mid));
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
    // The browser took a lone finger to scroll the page: say how to move the chart.
    let onpointercancel = {
        let gesture = gesture.clone();
        let show_hint = show_hint.clone();
        let greedy = greedy;
        Callback::from(move |e: PointerEvent| {
            let lone = {
                let mut g = gesture.borrow_mut();
                let lone = g.pointers.len() == 1 && e.pointer_type() == "touch";
                g.pointers.retain(|p| p.0 != e.pointer_id());
                g.pinch = None;
                lone
            };
            if lone && !greedy {
                show_hint(Key::TouchHint);
            }
        })
    };
    let on_fullscreen = {
        let container_ref = container_ref.clone();
        let on = state.fullscreen;
        Callback::from(move |()| {
            if on {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    document.exit_fullscreen();
                }
            } else if let Some(container) = container_ref.cast::<web_sys::Element>() {
                let _ = container.request_fullscreen();
            }
        })
    };
    let on_minimap = {
        let minimap_on = minimap_on.clone();
        Callback::from(move |()| minimap_on.set(!*minimap_on))
    };

    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |v: usize| {
            dispatcher.dispatch(ChartAction::Centre(v));
            dispatcher.dispatch(ChartAction::Select(v));
        })
    };

    // The minimap, where the drawing is larger than the view; its boxes are the whole
    // drawing, made again only when the layout changes, and not at all while it is hidden
    // (the first render of a chart that fits).
    let show_minimap = {
        let l = &state.placed.layout;
        *minimap_on
            && !state.printing
            && state.viewport.0 > 0.0
            && (l.total_width * state.scale > state.viewport.0 || l.total_height * state.scale > state.viewport.1)
    };
    let minimap_paths = use_memo((state.placed.clone(), show_minimap), |(placed, shown)| {
        if !*shown || placed.order.len() > MINIMAP_MAX_BOXES {
            return Vec::new();
        }
        chart_draw::overview_paths(&state.chart, placed, &vec![true; placed.order.len()])
    });
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
    // The seat cards under the rows that are drawn.
    let cards: Vec<Html> = if overview {
        Vec::new()
    } else {
        placed
            .cards
            .iter()
            .filter(|c| c.slots.clone().any(|i| include[i]))
            .map(|c| {
                let (x, y, w, h) = c.rect;
                html! {
                    <g class="sk-card-group" key={c.body}>
                        <rect class="sk-card" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="6" />
                        { for c.groups.iter().map(|(sector, top, count)| html! {
                            <g class={classes!("sk-card-heading-group", sector_class(*sector))}>
                                <path class="sk-glyph" transform={format!("translate({} {})", x + PAD, top + 5.0)} d={sector_shape(*sector)} />
                                <text class="sk-card-heading" x={(x + PAD + 18.0).to_string()} y={(top + LINE).to_string()}>{ chart_draw::card_heading(*sector, *count, lang) }</text>
                            </g>
                        }) }
                    </g>
                }
            })
            .collect()
    };
    // The drawing area follows the drawing's height, up to most of the window.
    let max_height = max_frame_height();
    let frame_height = if state.viewport.0 > 0.0 { viewport::frame_height(l.total_height, state.scale, 240.0, max_height) } else { unmeasured_frame_height(max_height) };
    // The focused item's path, for the breadcrumbs.
    let mut path = Vec::new();
    if !state.is_empty() {
        let mut at = Some(state.focus);
        while let Some(v) = at {
            path.push(v);
            at = chart.nodes[v].parent;
        }
        path.reverse();
    }
    // Always there (with the root alone too): a path that came and went would move the chart.
    let breadcrumbs = {
        let last = path.len().saturating_sub(1);
        html! {
            <nav class="sk-breadcrumbs" aria-label={tr(Key::Breadcrumbs, lang)}>
                <ol>
                    { for path.iter().enumerate().map(|(i, &v)| {
                        let label = chart.nodes[v].label.get(lang).to_string();
                        if i == last {
                            html! { <li aria-current="location">{ label }</li> }
                        } else {
                            let dispatcher = state.dispatcher();
                            let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(ChartAction::Goto(v)));
                            html! { <li><button type="button" class="sk-crumb" {onclick}>{ label }</button></li> }
                        }
                    }) }
                </ol>
            </nav>
        }
    };
    let minimap = show_minimap.then(|| minimap_view(&state, &minimap_paths));
    let gesture_hint = hint.map(|h| html! { <p class="sk-gesture-hint" key={h.serial.to_string()}>{ tr(h.key, lang) }</p> });

    html! {
        <div class={classes!("sk-chart", state.fullscreen.then_some("sk-is-fullscreen"))} part="chart-container" ref={container_ref}>
            <ChartToolbar state={state.clone()} {lang} id={prefix.clone()} minimap={*minimap_on} {on_minimap} />
            { breadcrumbs }
            <div class={classes!("sk-chart-body", state.selected.is_some().then_some("sk-has-selection"))}>
                <div class={classes!("sk-chart-frame", state.printing.then_some("sk-printing"), (!greedy).then_some("sk-cooperative"))}>
                    { zoom_controls(&state, lang, &prefix, on_fullscreen) }
                    <svg ref={svg_ref}
                        height={frame_height.to_string()}
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
                        {onkeydown} {onfocusin} {onfocusout} {onclick} {onpointerdown} {onpointermove}
                        onpointerup={onpointerup} {onpointercancel}>
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
                            <g class="sk-cards" aria-hidden="true">{ for cards }</g>
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
                    // Always one element here: Yew matches unkeyed children from the end, and a
                    // minimap that came and went would shift the match and re-create the svg
                    // (losing its wheel listener and resize observer).
                    <div class="sk-minimap-slot">{ for minimap }</div>
                    <div class="sk-gesture-hint-area" role="status" aria-live="polite">{ for gesture_hint }</div>
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

/// Above this many boxes the minimap shows the drawing's outline only (its paths would be
/// megabytes at 100,000 nodes).
const MINIMAP_MAX_BOXES: usize = 4000;
/// The minimap's size on screen (CSS px).
const MINIMAP_SIZE: (f64, f64) = (168.0, 112.0);

/// The minimap: the whole drawing in miniature with the part on screen as a frame; a click
/// or a drag in it moves there. Hidden from assistive technology: the tree is the structure.
fn minimap_view(state: &UseReducerHandle<ChartState>, paths: &[chart_draw::OverviewPath]) -> Html {
    let l = &state.placed.layout;
    let (tw, th) = (l.total_width.max(1.0), l.total_height.max(1.0));
    let (mw, mh) = MINIMAP_SIZE;
    let k = (mw / tw).min(mh / th);
    let (ox, oy) = ((mw - tw * k) / 2.0, (mh - th * k) / 2.0);
    let (wx, wy, ww, wh) = state.window();
    let to_world = move |e: &PointerEvent| -> Option<(f64, f64)> {
        let target = e.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let (px, py) = point_in(&target, e.client_x() as f64, e.client_y() as f64);
        Some(((px - ox) / k, (py - oy) / k))
    };
    let onpointerdown = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: PointerEvent| {
            e.stop_propagation();
            if let Some((x, y)) = to_world(&e) {
                dispatcher.dispatch(ChartAction::CentreAt(x, y));
            }
            if let Some(target) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let onpointermove = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: PointerEvent| {
            e.stop_propagation();
            if e.buttons() & 1 == 1 {
                if let Some((x, y)) = to_world(&e) {
                    dispatcher.dispatch(ChartAction::CentreAt(x, y));
                }
            }
        })
    };
    let stop = Callback::from(|e: PointerEvent| e.stop_propagation());
    html! {
        <svg class="sk-minimap" aria-hidden="true" focusable="false" width={mw.to_string()} height={mh.to_string()}
            {onpointerdown} {onpointermove} onpointerup={stop}>
            <rect class="sk-minimap-back" width={mw.to_string()} height={mh.to_string()} />
            <g transform={format!("translate({ox} {oy}) scale({k})")}>
                if paths.is_empty() {
                    <rect class="sk-mini" width={tw.to_string()} height={th.to_string()} />
                }
                { for paths.iter().map(|p| html! { <path class={p.class.replacen("sk-overview", "sk-mini", 1)} d={p.d.clone()} /> }) }
                <rect class="sk-minimap-view" x={wx.to_string()} y={wy.to_string()} width={ww.to_string()} height={wh.to_string()} />
            </g>
        </svg>
    }
}
