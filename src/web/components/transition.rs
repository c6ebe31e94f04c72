//! The transition from the health clusters of 2022 to the sundhedsråd of 2027, for the
//! region shown: a summary sentence, a drawing of the flows (2022 areas left, 2027 areas
//! right, a line per pair sharing municipalities, thicker for more municipalities) and two
//! tables that are the drawing's text alternative. A heading with a toggle button
//! (`aria-expanded`), closed at start; the transition is computed once per page, when the
//! section is first opened. Only SVG presentation attributes and classes: no inline styles.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use yew::prelude::*;

use crate::model::text::Lang;
use crate::model::Dataset;
use crate::transition::{transition, Flow, MunicipalityTransition, Transition};
use crate::web::format;
use crate::web::i18n::{self, tr, Key};

/// The embedded data sets the transition goes between.
pub const FROM: &str = "klynger-2022";
pub const TO: &str = "sundhedsraad-2027";

/// Both data sets, read, and the transition between them.
pub struct Computed {
    pub from: Dataset,
    pub to: Dataset,
    pub transition: Transition,
}

thread_local! {
    static COMPUTED: OnceCell<Rc<Computed>> = const { OnceCell::new() };
}

fn embedded(id: &str) -> Dataset {
    let text = crate::DATASETS.iter().find(|(i, _)| *i == id).map(|(_, t)| *t).unwrap_or_default();
    crate::read::read_str(text).dataset
}

/// The transition klynger-2022 → sundhedsraad-2027, computed on the first call.
pub fn computed() -> Rc<Computed> {
    COMPUTED.with(|cell| {
        cell.get_or_init(|| {
            let from = embedded(FROM);
            let to = embedded(TO);
            let transition = transition(&from, &to);
            Rc::new(Computed { from, to, transition })
        })
        .clone()
    })
}

#[derive(Clone, PartialEq, Properties)]
pub struct TransitionProps {
    /// The embedded data set shown (its side of the transition).
    pub dataset: AttrValue,
    /// The region shown, an id of that data set.
    pub region: Option<String>,
    pub lang: Lang,
    /// Prefix of the element ids.
    pub id: AttrValue,
}

/// Which side of the transition the region shown is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    From,
    To,
}

fn unknown(lang: Lang) -> Html {
    html! { <span class="sk-not-given">{ tr(Key::Unknown, lang) }</span> }
}

fn count_or_unknown(value: Option<f64>, lang: Lang) -> Html {
    match value {
        Some(v) => html! { { format::count(v, lang) } },
        None => unknown(lang),
    }
}

/// "7 → 8", read as "7 til 8".
fn before_after(before: Html, after: Html, lang: Lang) -> Html {
    html! {
        <>
            { before }
            <span aria-hidden="true">{ " → " }</span>
            <span class="sk-vh">{ format!(" {} ", tr(Key::To, lang)) }</span>
            { after }
        </>
    }
}

/// Municipal seats: none counted means the data give none, so "ukendt", never 0.
fn seats(n: u32) -> Option<f64> {
    (n > 0).then_some(n as f64)
}

/// A name broken into lines of at most `max` characters (a longer word is hyphenated).
fn wrap(name: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in name.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word[..max - 1].iter().collect();
            lines.push(format!("{head}-"));
            word.drain(..max - 1);
        }
        let word: String = word.into_iter().collect();
        if line.is_empty() {
            line = word;
        } else if line.chars().count() + 1 + word.chars().count() <= max {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

// The drawing's geometry, in viewBox units (CSS px at its natural width: the drawing is
// never drawn wider than 1.25 × this, never narrower than a 390 px phone's column).
const WIDTH: f64 = 344.0;
const BOX_W: f64 = 134.0;
const HEAD: f64 = 26.0;
const LINE: f64 = 17.0;
const PAD: f64 = 6.0;
const GAP: f64 = 10.0;
const CHARS: usize = 15;

struct Box<'a> {
    id: &'a str,
    lines: Vec<String>,
    top: f64,
    height: f64,
}

/// A column of boxes, stacked from the top (see [`spread`]).
fn column<'a>(areas: &[(&'a str, &'a str)]) -> Vec<Box<'a>> {
    let mut y = HEAD;
    areas
        .iter()
        .map(|(id, name)| {
            let lines = wrap(name, CHARS);
            let height = lines.len() as f64 * LINE + 2.0 * PAD;
            let b = Box { id, lines, top: y, height };
            y += height + GAP;
            b
        })
        .collect()
}

/// Spreads a column over `height`: the shorter column is spaced out to match the other.
fn spread(boxes: &mut [Box], height: f64) {
    let used: f64 = boxes.iter().map(|b| b.height).sum();
    let n = boxes.len();
    if n == 0 {
        return;
    }
    let free = (height - HEAD - used).max(0.0);
    if n == 1 {
        boxes[0].top = HEAD + free / 2.0;
        return;
    }
    let gap = free / (n - 1) as f64;
    let mut y = HEAD;
    for b in boxes.iter_mut() {
        b.top = y;
        y += b.height + gap;
    }
}

fn column_height(boxes: &[Box]) -> f64 {
    boxes.last().map_or(HEAD, |b| b.top + b.height)
}

fn boxes_html(boxes: &[Box], x: f64, class: &'static str) -> Html {
    let n = |v: f64| format!("{v:.1}");
    html! {
        <g class={class}>
            { for boxes.iter().map(|b| html! {
                <g class="sk-transition-box" data-area={b.id.to_string()}>
                    <rect x={n(x + 0.5)} y={n(b.top)} width={n(BOX_W - 1.0)} height={n(b.height)} rx="4" />
                    <text x={n(x + PAD + 1.0)} y={n(b.top + PAD + LINE - 4.0)}>
                        { for b.lines.iter().enumerate().map(|(i, line)| html! {
                            <tspan x={n(x + PAD + 1.0)} dy={if i == 0 { "0".to_string() } else { n(LINE) }}>{ line.clone() }</tspan>
                        }) }
                    </text>
                </g>
            }) }
        </g>
    }
}

/// The drawing of `flows`: `from_areas` left, `to_areas` right, in data order.
fn drawing(
    flows: &[&Flow],
    from_areas: &[(&str, &str)],
    to_areas: &[(&str, &str)],
    names: &HashMap<&str, &str>,
    label: String,
    described_by: String,
    lang: Lang,
) -> Html {
    let mut left = column(from_areas);
    let mut right = column(to_areas);
    let height = column_height(&left).max(column_height(&right));
    spread(&mut left, height);
    spread(&mut right, height);
    let index = |boxes: &[Box], id: &str| boxes.iter().position(|b| b.id == id);
    // Where each flow leaves its left box and enters its right box: ordered by the other
    // end, spaced evenly over the box.
    let end = |boxes: &[Box], own: &dyn Fn(&Flow) -> &str, other: &dyn Fn(&Flow) -> Option<usize>, f: &Flow| -> f64 {
        let Some(i) = index(boxes, own(f)) else { return 0.0 };
        let mut mine: Vec<&&Flow> = flows.iter().filter(|g| own(g) == own(f)).collect();
        mine.sort_by_key(|g| other(g));
        let k = mine.iter().position(|g| g.from == f.from && g.to == f.to).unwrap_or(0);
        let b = &boxes[i];
        b.top + b.height * (k as f64 + 0.5) / mine.len() as f64
    };
    let x1 = BOX_W;
    let x2 = WIDTH - BOX_W;
    let mid = (x1 + x2) / 2.0;
    let n = |v: f64| format!("{v:.1}");
    let municipalities = |f: &Flow| -> String {
        let list: Vec<String> = f.municipalities.iter().map(|c| names.get(c.as_str()).map_or_else(|| c.clone(), |s| s.to_string())).collect();
        list.join(", ")
    };
    let area_name = |areas: &[(&str, &str)], id: &str| areas.iter().find(|(i, _)| *i == id).map_or(id.to_string(), |(_, n)| n.to_string());
    html! {
        <svg class="sk-transition-drawing" role="img" aria-label={label} aria-describedby={described_by}
            viewBox={format!("0 0 {WIDTH} {}", n(height + 2.0))} width={n(WIDTH)} height={n(height + 2.0)}
            preserveAspectRatio="xMinYMin meet" focusable="false">
            <text class="sk-transition-year" x="1" y="16">{ "2022" }</text>
            <text class="sk-transition-year" x={n(WIDTH - 1.0)} y="16" text-anchor="end">{ "2027" }</text>
            <g class="sk-transition-flows">
                { for flows.iter().map(|f| {
                    let y1 = end(&left, &|g: &Flow| g.from.as_str(), &|g: &Flow| index(&right, &g.to), f);
                    let y2 = end(&right, &|g: &Flow| g.to.as_str(), &|g: &Flow| index(&left, &g.from), f);
                    let count = f.municipalities.len() as u32;
                    let width = (1.5 + 2.5 * count as f64).min(24.0);
                    let title = format!(
                        "{} → {}: {} ({})",
                        area_name(from_areas, &f.from),
                        area_name(to_areas, &f.to),
                        i18n::municipalities(count, &format::count(count as f64, lang), lang),
                        municipalities(f),
                    );
                    html! {
                        <path class="sk-transition-flow" data-from={f.from.clone()} data-to={f.to.clone()} data-municipalities={count.to_string()}
                            d={format!("M{} {}C{} {} {} {} {} {}", n(x1), n(y1), n(mid), n(y1), n(mid), n(y2), n(x2), n(y2))}
                            stroke-width={n(width)}>
                            <title>{ title }</title>
                        </path>
                    }
                }) }
            </g>
            { boxes_html(&left, 0.0, "sk-transition-from") }
            { boxes_html(&right, WIDTH - BOX_W, "sk-transition-to") }
        </svg>
    }
}

/// A table in a region that scrolls sideways on narrow screens, named by its caption (whose
/// text stays in view while the table scrolls).
fn scroll_table(caption_id: String, class: &'static str, caption: String, head: Html, body: Html) -> Html {
    html! {
        <div class="sk-table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class={classes!("sk-table", class)}>
                <caption id={caption_id}><span class="sk-caption-text">{ caption }</span></caption>
                <thead>{ head }</thead>
                <tbody>{ body }</tbody>
            </table>
        </div>
    }
}

fn content(c: &Computed, side: Side, region: &str, lang: Lang, id: &str) -> Html {
    let t = &c.transition;
    let shown = match side {
        Side::From => &c.from,
        Side::To => &c.to,
    };
    let region_name = shown.region(region).map_or_else(|| region.to_string(), |r| r.name.clone());
    let in_region = |m: &MunicipalityTransition| match side {
        Side::From => m.from_region.as_deref() == Some(region),
        Side::To => m.to_region.as_deref() == Some(region),
    };
    let muni: HashMap<&str, &MunicipalityTransition> = t.municipalities.iter().map(|m| (m.code.as_str(), m)).collect();
    let names: HashMap<&str, &str> = t.municipalities.iter().map(|m| (m.code.as_str(), m.name.as_str())).collect();
    let flows: Vec<&Flow> = t.flows.iter().filter(|f| f.municipalities.iter().any(|code| muni.get(code.as_str()).is_some_and(|m| in_region(m)))).collect();
    let from_ids: BTreeSet<&str> = flows.iter().map(|f| f.from.as_str()).collect();
    let to_ids: BTreeSet<&str> = flows.iter().map(|f| f.to.as_str()).collect();
    let mut seen = BTreeSet::new();
    let from_areas: Vec<(&str, &str)> =
        c.from.areas.iter().filter(|a| from_ids.contains(a.id.as_str()) && seen.insert(a.id.as_str())).map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let mut seen = BTreeSet::new();
    let to_areas: Vec<(&str, &str)> =
        c.to.areas.iter().filter(|a| to_ids.contains(a.id.as_str()) && seen.insert(a.id.as_str())).map(|a| (a.id.as_str(), a.name.as_str())).collect();
    // The 2022 areas in the order of where their municipalities go (the mean position of
    // their 2027 areas, by municipalities), so that few lines cross; data order otherwise.
    let mut from_areas = from_areas;
    let barycentre = |id: &str| -> f64 {
        let (mut sum, mut weight) = (0.0, 0.0);
        for f in flows.iter().filter(|f| f.from == id) {
            let j = to_areas.iter().position(|(t, _)| *t == f.to).unwrap_or(0) as f64;
            let w = f.municipalities.len() as f64;
            sum += j * w;
            weight += w;
        }
        if weight > 0.0 { sum / weight } else { 0.0 }
    };
    from_areas.sort_by(|a, b| barycentre(a.0).total_cmp(&barycentre(b.0)));
    let from_name = |id: &str| c.from.area(id).map_or_else(|| id.to_string(), |a| a.name.clone());
    let to_name = |id: &str| c.to.area(id).map_or_else(|| id.to_string(), |a| a.name.clone());

    // The summary sentence, from the summary's numbers and the data's names.
    let s = &t.summary;
    let f = |n: u32| format::count(n as f64, lang);
    let (af, at, mg, sp, rf, rt) = (f(s.areas_from), f(s.areas_to), f(s.merged_areas), f(s.split_areas), f(from_areas.len() as u32), f(to_areas.len() as u32));
    let reunited: Vec<(String, String)> = t
        .municipalities
        .iter()
        .filter(|m| m.from_areas.len() >= 2 && m.to_areas.len() == 1)
        .map(|m| (m.name.clone(), to_name(&m.to_areas[0].area)))
        .collect();
    let summary = i18n::transition_summary(
        &i18n::TransitionCounts {
            areas_from: (s.areas_from, &af),
            areas_to: (s.areas_to, &at),
            merged: (s.merged_areas, &mg),
            split: (s.split_areas, &sp),
            reunited: &reunited,
            region: Some((&region_name, (from_areas.len() as u32, &rf), (to_areas.len() as u32, &rt))),
        },
        lang,
    );

    let note_id = format!("{id}-drawing-note");
    let label = i18n::transition_drawing(&region_name, from_areas.len(), to_areas.len(), flows.len(), lang);

    // Per new area.
    let head = html! {
        <tr>
            <th scope="col">{ tr(Key::Council, lang) }</th>
            <th scope="col">{ tr(Key::ComesFrom, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::Inhabitants, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::MunicipalSeatsBeforeAfter, lang) }</th>
            <th scope="col" class="sk-num">{ tr(Key::PerSeatBeforeAfter, lang) }</th>
        </tr>
    };
    let body = html! {
        { for t.areas.iter().filter(|a| to_ids.contains(a.id.as_str())).map(|a| html! {
            <tr data-transition-area={a.id.clone()}>
                <th scope="row">{ &a.name }</th>
                <td>
                    <ul class="sk-transition-preds">
                        { for a.predecessors.iter().map(|p| {
                            let name = if p.name.is_empty() { from_name(&p.id) } else { p.name.clone() };
                            html! {
                                <li data-predecessor={p.id.clone()}>
                                    { format!("{name} ({})", i18n::municipalities(p.shared, &f(p.shared), lang)) }
                                </li>
                            }
                        }) }
                    </ul>
                </td>
                <td class="sk-num" data-field="population">{ count_or_unknown(a.population_to, lang) }</td>
                <td class="sk-num" data-field="seats">
                    { before_after(count_or_unknown(seats(a.seats_from), lang), count_or_unknown(seats(a.seats_to), lang), lang) }
                </td>
                <td class="sk-num" data-field="per-seat">
                    { before_after(count_or_unknown(a.inhabitants_per_municipal_seat_from, lang), count_or_unknown(a.inhabitants_per_municipal_seat_to, lang), lang) }
                </td>
            </tr>
        }) }
    };
    let councils = scroll_table(format!("{id}-councils-caption"), "sk-transition-councils", i18n::councils_caption(&region_name, lang), head, body);

    // Per municipality, by name.
    let mut municipalities: Vec<&MunicipalityTransition> = t.municipalities.iter().filter(|m| in_region(m)).collect();
    municipalities.sort_by(|a, b| format::compare_names(&a.name, &b.name, lang));
    let areas_cell = |placements: &[crate::transition::Placement], name: &dyn Fn(&str) -> String| -> Html {
        if placements.is_empty() {
            return html! { <span class="sk-not-given">{ tr(Key::NotPlaced, lang) }</span> };
        }
        let list: Vec<String> = placements.iter().map(|p| name(&p.area)).collect();
        html! { { i18n::and_list(&list, lang) } }
    };
    let head = html! {
        <tr>
            <th scope="col">{ tr(Key::Municipality, lang) }</th>
            <th scope="col">{ "2022" }</th>
            <th scope="col">{ "2027" }</th>
            <th scope="col">{ tr(Key::TransitionChange, lang) }</th>
        </tr>
    };
    let body = html! {
        { for municipalities.iter().map(|m| html! {
            <tr data-transition-municipality={m.code.clone()}>
                <th scope="row">{ &m.name }</th>
                <td>{ areas_cell(&m.from_areas, &from_name) }</td>
                <td>{ areas_cell(&m.to_areas, &to_name) }</td>
                <td data-change={serde_json::to_value(m.change).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()}>
                    { i18n::change(m.change, lang) }
                </td>
            </tr>
        }) }
    };
    let table = scroll_table(
        format!("{id}-municipalities-caption"),
        "sk-transition-municipalities",
        i18n::transition_municipalities_caption(&region_name, lang),
        head,
        body,
    );

    html! {
        <>
            <p class="sk-transition-summary">{ summary }</p>
            if !flows.is_empty() {
                <figure class="sk-transition-figure">
                    { drawing(&flows, &from_areas, &to_areas, &names, label, note_id.clone(), lang) }
                    <figcaption id={note_id} class="sk-hint">{ tr(Key::TransitionDrawingNote, lang) }</figcaption>
                </figure>
            }
            { councils }
            { table }
        </>
    }
}

#[component]
pub fn TransitionView(props: &TransitionProps) -> Html {
    let open = use_state(|| false);
    let lang = props.lang;
    let side = match props.dataset.as_str() {
        FROM => Side::From,
        TO => Side::To,
        _ => return html! {},
    };
    let heading_id = format!("{}-transition", props.id);
    let body_id = format!("{}-transition-body", props.id);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <section class="sk-transition" data-testid="transition" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>
                <button type="button" class="sk-transition-toggle" aria-expanded={open.to_string()} aria-controls={body_id.clone()} onclick={toggle}>
                    <span class="sk-transition-marker" aria-hidden="true">{ if *open { "▾" } else { "▸" } }</span>
                    { tr(Key::TransitionTitle, lang) }
                </button>
            </h2>
            <div id={body_id} class="sk-transition-body" hidden={!*open}>
                if *open {
                    if let Some(region) = props.region.as_deref() {
                        { content(&computed(), side, region, lang, &props.id) }
                    }
                }
            </div>
        </section>
    }
}
