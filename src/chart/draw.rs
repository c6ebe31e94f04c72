//! What the chart draws, without the browser: box sizes per node kind, text broken into
//! lines by character count (no measuring), elbow links, sector cues, culling against the
//! viewport, and the standalone SVG export. The chart component and the export share it.

use crate::chart::{Chart, NodeKind, ViewState};
use crate::bodies::labels::{sector_name, status_name};
use crate::chart::layout::{layout, Layout, LayoutOptions, Orientation};
use crate::model::{Sector, Status};
use crate::model::text::Lang;

/// Width of every node box (CSS px).
pub const NODE_WIDTH: f64 = 208.0;
/// Inner padding of a box.
pub const PAD: f64 = 10.0;
/// Height of one text line.
pub const LINE: f64 = 16.0;
/// Characters per line: a conservative 6.4 px per character at 12–13 px type.
pub const CHARS: usize = 28;

/// The box height of a node kind: the lines it has room for.
pub fn node_height(kind: NodeKind) -> f64 {
    match kind {
        // Label (2 lines).
        NodeKind::Region | NodeKind::Body => 2.0 * PAD + 2.0 * LINE,
        // Label (2 lines) and a facts line.
        NodeKind::Area => 2.0 * PAD + 3.0 * LINE,
        // Sector and status, label (2 lines), holder.
        NodeKind::Seat => 2.0 * PAD + 4.0 * LINE,
    }
}

/// Breaks `text` into at most `max_lines` lines of at most `width` characters, at spaces
/// where possible; a cut-off text ends in "…".
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    let words: Vec<&str> = text.split_whitespace().collect();
    'words: for word in words {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let len = current.chars().count();
            let need = if len == 0 { word.len() } else { len + 1 + word.len() };
            if need <= width {
                if len > 0 {
                    current.push(' ');
                }
                current.extend(word.iter());
                continue 'words;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut current));
            } else {
                // A word longer than a line: break it.
                let head: String = word[..width].iter().collect();
                word = word[width..].to_vec();
                lines.push(head);
            }
            if lines.len() == max_lines {
                truncated = true;
                break 'words;
            }
        }
    }
    if !truncated && !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            chars.truncate(width - 1);
            while chars.last() == Some(&' ') {
                chars.pop();
            }
            *last = chars.into_iter().collect::<String>() + "…";
        }
    }
    lines
}

/// The CSS class that gives a sector its colour.
pub fn sector_class(sector: Sector) -> &'static str {
    match sector {
        Sector::Region => "sk-sector-region",
        Sector::Municipality => "sk-sector-municipality",
        Sector::GeneralPractice => "sk-sector-general-practice",
        Sector::Patients => "sk-sector-patients",
        Sector::Other => "sk-sector-other",
    }
}

/// A small shape per sector (path in a 12×12 box), so that colour is never the only cue:
/// square, circle, triangle, diamond, hexagon.
pub fn sector_shape(sector: Sector) -> &'static str {
    match sector {
        Sector::Region => "M1 1H11V11H1Z",
        Sector::Municipality => "M6 0.5A5.5 5.5 0 1 1 5.99 0.5Z",
        Sector::GeneralPractice => "M6 0.5L11.5 11H0.5Z",
        Sector::Patients => "M6 0L12 6L6 12L0 6Z",
        Sector::Other => "M3 0.8H9L12 6L9 11.2H3L0 6Z",
    }
}

/// The CSS class of a node kind.
pub fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Region => "sk-kind-region",
        NodeKind::Area => "sk-kind-cluster",
        NodeKind::Body => "sk-kind-body",
        NodeKind::Seat => "sk-kind-seat",
    }
}

/// The text of one node box, broken into lines, and the full text for `<title>`, the
/// accessible name and the detail panel.
pub struct NodeText {
    /// Seats: sector and, unless confirmed, status ("Kommune · Ikke bekræftet").
    pub kicker: Option<String>,
    pub label: Vec<String>,
    pub detail: Option<String>,
    pub full: String,
}

pub fn node_text(chart: &Chart, v: usize, lang: Lang) -> NodeText {
    let node = &chart.nodes[v];
    let label = node.label.get(lang);
    let detail = node.detail.as_ref().map(|d| d.get(lang).to_string());
    let status = (node.status != Status::Confirmed).then(|| status_name(node.status).get(lang).to_string());
    let kicker = match (node.kind, node.sector) {
        (NodeKind::Seat, Some(sector)) => Some(match &status {
            Some(s) => format!("{} · {s}", sector_name(sector).get(lang)),
            None => sector_name(sector).get(lang).to_string(),
        }),
        // Clusters carry their status in the detail line already.
        (NodeKind::Region | NodeKind::Body, _) => status.clone(),
        _ => None,
    };
    let mut full = label.to_string();
    for extra in [&detail, &kicker].into_iter().flatten() {
        full.push_str(". ");
        full.push_str(extra);
    }
    let label_lines = match (node.kind, &kicker) {
        // Region and body: a status takes the second label line.
        (NodeKind::Region | NodeKind::Body, Some(_)) => 1,
        _ => 2,
    };
    NodeText {
        kicker: kicker.map(|k| wrap(&k, CHARS, 1).remove(0)),
        label: wrap(label, CHARS, label_lines),
        detail: detail.filter(|d| !d.trim().is_empty()).map(|d| wrap(&d, CHARS, 1).remove(0)),
        full,
    }
}

/// Where an outline's link leaves its parent: this far in from the parent's left edge.
pub const INDENT_LINK: f64 = 12.0;

/// Width of a body's seat card.
pub const CARD_WIDTH: f64 = 264.0;
/// Characters per line in a seat card (the card's inner width at 6.4 px a character).
pub const CARD_CHARS: usize = 36;
/// Height of one seat's row in a card: two lines (role and municipality; holder and party).
pub const SEAT_ROW: f64 = 2.0 * LINE + 6.0;
/// Height of a sector's heading in a card.
pub const CARD_HEADING: f64 = LINE + 8.0;
/// Inner padding of a card, above its first heading and below its last row.
pub const CARD_PAD: f64 = 6.0;

/// The seats of an open body, drawn as one card below it: grouped by sector (a heading
/// per group), one row per seat. The seats stay tree items; only their boxes are rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The body (chart node).
    pub body: usize,
    /// x, y, width, height.
    pub rect: (f64, f64, f64, f64),
    /// The slots of its seats in `Placed::order` (contiguous: a body's shown children).
    pub slots: std::ops::Range<usize>,
    /// Each sector's heading: the sector, the heading's top and how many seats follow.
    pub groups: Vec<(Sector, f64, usize)>,
}

/// How the visible nodes are arranged: the orientation, and how many columns a compact
/// block of leaves may take (the drawing area's width in boxes at the readable zoom).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrangement {
    pub orientation: Orientation,
    pub columns: usize,
}

impl Arrangement {
    /// Top-down with up to 6 columns of leaves: what an unmeasured drawing area gets.
    pub fn new(orientation: Orientation) -> Arrangement {
        Arrangement { orientation, columns: 6 }
    }

    /// The columns of boxes that fit `width` CSS px at `scale`.
    pub fn columns_for(width: f64, scale: f64) -> usize {
        if width <= 0.0 || scale <= 0.0 {
            return 6;
        }
        (((width / scale - 32.0 + 16.0) / (NODE_WIDTH + 16.0)).floor() as usize).max(1)
    }
}

/// The visible nodes laid out: `order` in display order, `slot[v]` the position of chart
/// node `v` in `order` (`usize::MAX` where hidden), the layout indexed by slot (a seat's
/// box is its row in its body's card), and the cards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    pub order: Vec<usize>,
    pub slot: Vec<usize>,
    pub layout: Layout,
    pub cards: Vec<Card>,
}

pub const HIDDEN: usize = usize::MAX;

impl Placed {
    pub fn new(chart: &Chart, view: &ViewState, orientation: Orientation) -> Placed {
        Placed::arranged(chart, view, Arrangement::new(orientation))
    }

    pub fn arranged(chart: &Chart, view: &ViewState, arrangement: Arrangement) -> Placed {
        let order = chart.visible(view);
        let mut slot = vec![HIDDEN; chart.nodes.len()];
        for (i, &v) in order.iter().enumerate() {
            slot[v] = i;
        }
        // The layout's input: every visible node but seats, and one card per open body
        // with seats (a child of the body); `input[slot]` is a node's index there.
        let mut input = vec![HIDDEN; order.len()];
        let (mut parent, mut width, mut height) = (Vec::new(), Vec::new(), Vec::new());
        let mut cards: Vec<(Card, usize)> = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let v = order[i];
            let node = &chart.nodes[v];
            if node.kind == NodeKind::Seat {
                // The run of this body's seats (contiguous in pre-order).
                let body = node.parent.unwrap_or(v);
                let start = i;
                while i < order.len() && chart.nodes[order[i]].kind == NodeKind::Seat && chart.nodes[order[i]].parent == node.parent {
                    i += 1;
                }
                let mut groups: Vec<(Sector, f64, usize)> = Vec::new();
                for &s in &order[start..i] {
                    let sector = chart.nodes[s].sector.unwrap_or(Sector::Other);
                    match groups.last_mut() {
                        Some(g) if g.0 == sector => g.2 += 1,
                        _ => groups.push((sector, 0.0, 1)),
                    }
                }
                let h = 2.0 * CARD_PAD + groups.iter().map(|g| CARD_HEADING + g.2 as f64 * SEAT_ROW).sum::<f64>();
                let body_input = slot.get(body).and_then(|&b| input.get(b)).copied().filter(|&b| b != HIDDEN);
                parent.push(body_input);
                width.push(CARD_WIDTH);
                height.push(h);
                cards.push((Card { body, rect: (0.0, 0.0, CARD_WIDTH, h), slots: start..i, groups }, parent.len() - 1));
                continue;
            }
            input[i] = parent.len();
            parent.push(node.parent.map(|p| input[slot[p]]).filter(|&p| p != HIDDEN));
            width.push(NODE_WIDTH);
            height.push(node_height(node.kind));
            i += 1;
        }
        let options = LayoutOptions { orientation: arrangement.orientation, compact_min_leaves: Some(3), compact_columns: arrangement.columns.max(1), ..LayoutOptions::default() };
        let placed = layout(&parent, &width, &height, &options).unwrap_or_default();
        let n = order.len();
        let mut out = Layout { x: vec![0.0; n], y: vec![0.0; n], width: vec![0.0; n], height: vec![0.0; n], total_width: placed.total_width, total_height: placed.total_height };
        for (s, &k) in input.iter().enumerate() {
            if k != HIDDEN && k < placed.x.len() {
                (out.x[s], out.y[s], out.width[s], out.height[s]) = (placed.x[k], placed.y[k], placed.width[k], placed.height[k]);
            }
        }
        let cards = cards
            .into_iter()
            .map(|(mut card, k)| {
                let (x, y) = (placed.x.get(k).copied().unwrap_or(0.0), placed.y.get(k).copied().unwrap_or(0.0));
                card.rect = (x, y, CARD_WIDTH, card.rect.3);
                let mut top = y + CARD_PAD;
                let mut s = card.slots.start;
                for g in &mut card.groups {
                    g.1 = top;
                    top += CARD_HEADING;
                    for _ in 0..g.2 {
                        (out.x[s], out.y[s], out.width[s], out.height[s]) = (x, top, CARD_WIDTH, SEAT_ROW);
                        top += SEAT_ROW;
                        s += 1;
                    }
                }
                card
            })
            .collect();
        Placed { order, slot, layout: out, cards }
    }

    /// The box of chart node `v` (x, y, width, height), where it is visible.
    pub fn rect(&self, v: usize) -> Option<(f64, f64, f64, f64)> {
        let i = *self.slot.get(v)?;
        if i == HIDDEN {
            return None;
        }
        let l = &self.layout;
        Some((*l.x.get(i)?, *l.y.get(i)?, l.width[i], l.height[i]))
    }

    /// The card holding the seat in `slot`, if it is one.
    pub fn card_of_slot(&self, slot: usize) -> Option<&Card> {
        self.cards.iter().find(|c| c.slots.contains(&slot))
    }

    /// The bounding box (x, y, width, height) of `v` and everything shown below it.
    pub fn subtree_rect(&self, chart: &Chart, v: usize) -> Option<(f64, f64, f64, f64)> {
        let start = *self.slot.get(v)?;
        if start == HIDDEN {
            return None;
        }
        let depth = chart.depth(v);
        let l = &self.layout;
        let (mut x0, mut y0, mut x1, mut y1) = (l.x[start], l.y[start], l.x[start] + l.width[start], l.y[start] + l.height[start]);
        for i in start + 1..self.order.len() {
            if chart.depth(self.order[i]) <= depth {
                break;
            }
            x0 = x0.min(l.x[i]);
            y0 = y0.min(l.y[i]);
            x1 = x1.max(l.x[i] + l.width[i]);
            y1 = y1.max(l.y[i] + l.height[i]);
        }
        Some((x0, y0, x1 - x0, y1 - y0))
    }
}

/// A card's heading for a sector's seats: "Kommune (8)".
pub fn card_heading(sector: Sector, count: usize, lang: Lang) -> String {
    format!("{} ({count})", sector_name(sector).get(lang))
}

/// The drawing area is narrower than this (CSS px): the chart is drawn as an outline
/// ([`Orientation::Indented`]); a tree's rows of 208 px boxes do not fit a phone.
pub const NARROW: f64 = 600.0;

/// The orientation that suits a drawing area `width` CSS px wide.
pub fn orientation_for(width: f64) -> Orientation {
    if width > 0.0 && width < NARROW {
        Orientation::Indented
    } else {
        Orientation::TopDown
    }
}

/// What is open at first view: the chart's initial state (regions and areas open), with
/// the areas closed again where their bodies would not fit the drawing area (`size`, CSS
/// px) at the readable zoom — so that the first view shows the region and the whole first
/// level below it, readable, rather than a strip of unreadable boxes.
pub fn first_view_state(chart: &Chart, arrangement: Arrangement, size: (f64, f64)) -> ViewState {
    let mut view = chart.initial_state();
    let placed = Placed::arranged(chart, &view, arrangement);
    let (w, h) = (size.0 - 2.0 * crate::chart::viewport::PAD, size.1 - 2.0 * crate::chart::viewport::PAD);
    let scale = crate::chart::viewport::READABLE_SCALE;
    let fits = match arrangement.orientation {
        Orientation::Indented => placed.layout.total_height * scale <= h,
        _ => placed.layout.total_width * scale <= w,
    };
    if !fits {
        for (v, node) in chart.nodes.iter().enumerate() {
            if node.kind == NodeKind::Area {
                view.expanded[v] = false;
            }
        }
    }
    view
}

/// The two lines of a seat's row in its card: the role (with municipality or area) and the
/// holder with party, or the status where no one is named; and the full text.
pub fn seat_row_text(chart: &Chart, v: usize, lang: Lang) -> (String, String) {
    let node = &chart.nodes[v];
    let mut second = node.detail.as_ref().map(|d| d.get(lang).to_string()).unwrap_or_default();
    if node.status != Status::Confirmed {
        let status = status_name(node.status).get(lang).to_string();
        second = if second.is_empty() { status.to_string() } else { format!("{second} · {status}") };
    }
    // No holder and no status to show: the role has both lines.
    if second.is_empty() {
        let mut lines = wrap(node.label.get(lang), CARD_CHARS, 2).into_iter();
        return (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
    }
    let role = wrap(node.label.get(lang), CARD_CHARS, 1).into_iter().next().unwrap_or_default();
    (role, wrap(&second, CARD_CHARS, 1).into_iter().next().unwrap_or_default())
}

/// The elbow link from parent box `p` to child box `c`.
pub fn elbow(p: (f64, f64, f64, f64), c: (f64, f64, f64, f64), orientation: Orientation) -> String {
    let mut d = String::new();
    write_elbow(&mut d, p, c, orientation);
    d
}

/// Appends the elbow link from `p` to `c` to a path's `d` (one subpath, `M…V…H…V…`).
pub fn write_elbow(d: &mut String, p: (f64, f64, f64, f64), c: (f64, f64, f64, f64), orientation: Orientation) {
    let (m, a, b, e) = match orientation {
        Orientation::TopDown => {
            let (x1, y1) = (p.0 + p.2 / 2.0, p.1 + p.3);
            let (x2, y2) = (c.0 + c.2 / 2.0, c.1);
            ((x1, y1), ('V', y1 + (y2 - y1) / 2.0), ('H', x2), ('V', y2))
        }
        Orientation::LeftRight => {
            let (x1, y1) = (p.0 + p.2, p.1 + p.3 / 2.0);
            let (x2, y2) = (c.0, c.1 + c.3 / 2.0);
            ((x1, y1), ('H', x1 + (x2 - x1) / 2.0), ('V', y2), ('H', x2))
        }
        // Down the parent's left edge (inside its indent), then right into the child.
        Orientation::Indented => {
            let (x1, y1) = (p.0 + INDENT_LINK, p.1 + p.3);
            let y2 = c.1 + (c.3 / 2.0).min(LINE + PAD);
            ((x1, y1), ('V', y2), ('H', c.0), ('H', c.0))
        }
    };
    d.push('M');
    num(d, m.0);
    d.push(' ');
    num(d, m.1);
    for (command, value) in [a, b, e] {
        d.push(command);
        num(d, value);
    }
}

/// Writes `v` rounded to one decimal, without a fraction where it is whole ("12", "12.5"):
/// path data stay short, and a tenth of a CSS pixel is finer than any zoom shows.
pub fn num(out: &mut String, v: f64) {
    use std::fmt::Write;
    let r = (v * 10.0).round() / 10.0 + 0.0;
    let _ = write!(out, "{r}");
}

/// A dashed cross-link between two seats of one person: a gentle curve between centres.
pub fn cross_link(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> String {
    let (x1, y1) = (a.0 + a.2 / 2.0, a.1 + a.3 / 2.0);
    let (x2, y2) = (b.0 + b.2 / 2.0, b.1 + b.3 / 2.0);
    let lift = ((x2 - x1).abs() + (y2 - y1).abs()) * 0.2 + 40.0;
    let (cx, cy) = ((x1 + x2) / 2.0, y1.min(y2) - lift);
    format!("M{x1} {y1}Q{cx} {cy} {x2} {y2}")
}

/// Which slots to draw: boxes that meet the viewport `view` (world coordinates: x, y,
/// width, height) grown by `margin` on every side.
pub fn cull(placed: &Placed, view: (f64, f64, f64, f64), margin: f64) -> Vec<bool> {
    let (x0, y0) = (view.0 - margin, view.1 - margin);
    let (x1, y1) = (view.0 + view.2 + margin, view.1 + view.3 + margin);
    let l = &placed.layout;
    (0..placed.order.len()).map(|i| l.x[i] < x1 && l.x[i] + l.width[i] > x0 && l.y[i] < y1 && l.y[i] + l.height[i] > y0).collect()
}

// ------------------------------------------------------------------ the overview

/// Below this zoom the boxes' text cannot be read (12 px type × 0.35 ≈ 4 px on screen), so
/// a crowded view is drawn as an overview (see [`overview`]).
pub const OVERVIEW_SCALE: f64 = 0.35;

/// The overview is drawn only with more boxes than this in the culling window: fewer full
/// tree items are cheap to draw, and the charts of the real data (at most 116 boxes in a
/// region with every body open; `tests/chart_draw.rs` checks it) never change. A full tree
/// item is ≈ 11 SVG elements with ≈ 12 attributes: at 10,000 nodes after *expand all* the
/// bench's window (at the smallest zoom) holds ≈ 180 of them, ≈ 170 ms of Yew, style and
/// layout, where the overview's few paths take a few ms. Hence 150 rather than a round 300,
/// which that window never reaches.
pub const OVERVIEW_MIN_NODES: usize = 150;

/// Whether the chart is drawn as an overview: boxes without text, a few `<path>`s for all of
/// them, with only the tab stop, the selection and what belongs to them as full tree items.
/// Zoomed out so far that text is unreadable *and* crowded; never while printing.
///
/// Before the drawing area is `measured` (the first render: the zoom is not fitted yet and
/// every visible box counts as in the window) a crowded chart is drawn as the overview too:
/// the fit right after the first render keeps it or replaces it, where full items would be
/// created only for the fit to take them away (at 10,000 nodes, a third of the first render).
pub fn overview(scale: f64, boxes_in_window: usize, printing: bool, measured: bool) -> bool {
    !printing && (scale < OVERVIEW_SCALE || !measured) && boxes_in_window > OVERVIEW_MIN_NODES
}

/// Number of box styles of the overview: 4 kinds × (no sector + 5 sectors) × (confirmed or not).
pub const BOX_STYLES: usize = 4 * 6 * 2;

/// The overview style of chart node `v` (an index below [`BOX_STYLES`]): its kind, its
/// sector and whether it is unverified, the three things the full box shows by its classes.
pub fn box_style(chart: &Chart, v: usize) -> usize {
    let node = &chart.nodes[v];
    let kind = match node.kind {
        NodeKind::Region => 0,
        NodeKind::Area => 1,
        NodeKind::Body => 2,
        NodeKind::Seat => 3,
    };
    let sector = match node.sector {
        None => 0,
        Some(Sector::Region) => 1,
        Some(Sector::Municipality) => 2,
        Some(Sector::GeneralPractice) => 3,
        Some(Sector::Patients) => 4,
        Some(Sector::Other) => 5,
    };
    (kind * 6 + sector) * 2 + usize::from(node.status != Status::Confirmed)
}

/// The classes of an overview path of `style`: `sk-overview`, the kind's class, the sector's
/// (with `sk-overview-sector`, which fills the box with the sector's colour) and
/// `sk-unverified` for a dashed outline.
pub fn box_style_class(style: usize) -> String {
    let kind = ["sk-kind-region", "sk-kind-cluster", "sk-kind-body", "sk-kind-seat"][(style / 12).min(3)];
    let sector = [None, Some(Sector::Region), Some(Sector::Municipality), Some(Sector::GeneralPractice), Some(Sector::Patients), Some(Sector::Other)][(style / 2) % 6];
    let mut class = format!("sk-overview {kind}");
    if let Some(sector) = sector {
        class.push_str(" sk-overview-sector ");
        class.push_str(sector_class(sector));
    }
    if style % 2 == 1 {
        class.push_str(" sk-unverified");
    }
    class
}

/// One path of the overview: its classes, its data and how many boxes (subpaths) it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewPath {
    pub class: String,
    pub d: String,
    pub boxes: usize,
}

/// Appends box `r` as one closed subpath: `M x y h w v h h -w z`.
fn write_box(d: &mut String, r: (f64, f64, f64, f64)) {
    d.push('M');
    num(d, r.0);
    d.push(' ');
    num(d, r.1);
    d.push('h');
    num(d, r.2);
    d.push('v');
    num(d, r.3);
    d.push('h');
    num(d, -r.2);
    d.push('z');
}

/// The overview of the slots where `draw` is true: one path per box style in use (in the
/// order of [`box_style`]), each holding all its boxes as subpaths.
pub fn overview_paths(chart: &Chart, placed: &Placed, draw: &[bool]) -> Vec<OverviewPath> {
    let mut paths: Vec<(String, usize)> = vec![(String::new(), 0); BOX_STYLES];
    let l = &placed.layout;
    for (i, &v) in placed.order.iter().enumerate() {
        if !draw.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (d, boxes) = &mut paths[box_style(chart, v)];
        write_box(d, (l.x[i], l.y[i], l.width[i], l.height[i]));
        *boxes += 1;
    }
    paths
        .into_iter()
        .enumerate()
        .filter(|(_, (_, boxes))| *boxes > 0)
        .map(|(style, (d, boxes))| OverviewPath { class: box_style_class(style), d, boxes })
        .collect()
}

/// The outlines of the slots `mark` holds (search hits in the overview), as one path.
pub fn outline_path(placed: &Placed, slots: impl Iterator<Item = usize>) -> String {
    let mut d = String::new();
    let l = &placed.layout;
    for i in slots {
        if i < placed.order.len() {
            write_box(&mut d, (l.x[i], l.y[i], l.width[i], l.height[i]));
        }
    }
    d
}

/// Every link into a slot where `draw` is true, as the `d` of one path: an elbow subpath
/// per link, parent to child.
pub fn links_path(chart: &Chart, placed: &Placed, draw: &[bool], orientation: Orientation) -> String {
    let mut d = String::new();
    let drawn = |i: usize| draw.get(i).copied().unwrap_or(false);
    for (i, &v) in placed.order.iter().enumerate() {
        if !drawn(i) || chart.nodes[v].kind == NodeKind::Seat {
            continue;
        }
        let Some(p) = chart.nodes[v].parent else { continue };
        if let (Some(pr), Some(cr)) = (placed.rect(p), placed.rect(v)) {
            write_elbow(&mut d, pr, cr, orientation);
        }
    }
    // One link into each card, drawn when any of its rows is.
    for card in &placed.cards {
        if card.slots.clone().any(drawn) {
            if let Some(pr) = placed.rect(card.body) {
                write_elbow(&mut d, pr, card.rect, orientation);
            }
        }
    }
    d
}

/// The chart node whose box holds the world point (x, y), if any.
pub fn node_at(placed: &Placed, x: f64, y: f64) -> Option<usize> {
    let l = &placed.layout;
    (0..placed.order.len()).find(|&i| x >= l.x[i] && x <= l.x[i] + l.width[i] && y >= l.y[i] && y <= l.y[i] + l.height[i]).map(|i| placed.order[i])
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The styles an exported SVG file needs (it has no widget around it).
pub const EXPORT_CSS: &str = "svg{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:12px;background:#fff}\
.sk-link{fill:none;stroke:#767676;stroke-width:1.5}\
.sk-cross{fill:none;stroke:#6a1b9a;stroke-width:2;stroke-dasharray:6 4}\
.sk-node-box{fill:#fff;stroke:#767676;stroke-width:1}\
.sk-kind-region .sk-node-box,.sk-kind-cluster .sk-node-box{fill:#eef3fa;stroke:#005a9c}\
.sk-unverified .sk-node-box{stroke-dasharray:5 3;stroke:#7a5200}\
.sk-card{fill:#fafafa;stroke:#767676;stroke-width:1}.sk-card-heading{font-weight:700;fill:#1a1a1a}\
.sk-node-label{font-weight:600;fill:#1a1a1a}.sk-node-detail,.sk-node-kicker{fill:#4a4a4a}\
.sk-stripe{fill:#767676}.sk-sector-region .sk-stripe,.sk-sector-region .sk-glyph{fill:#005a9c}\
.sk-sector-municipality .sk-stripe,.sk-sector-municipality .sk-glyph{fill:#2c6e31}\
.sk-sector-general-practice .sk-stripe,.sk-sector-general-practice .sk-glyph{fill:#8a4500}\
.sk-sector-patients .sk-stripe,.sk-sector-patients .sk-glyph{fill:#6a1b9a}\
.sk-sector-other .sk-stripe,.sk-sector-other .sk-glyph{fill:#555}";

/// The visible chart (or, with `window`, only the nodes within that world rectangle) as a
/// standalone SVG document with its styles inlined.
pub fn export_svg(chart: &Chart, view: &ViewState, placed: &Placed, orientation: Orientation, lang: Lang, window: Option<(f64, f64, f64, f64)>) -> String {
    use std::fmt::Write;
    let l = &placed.layout;
    let margin = 16.0;
    let (vx, vy, vw, vh) = window.unwrap_or((0.0, 0.0, l.total_width, l.total_height));
    let keep = match window {
        Some(w) => cull(placed, w, 0.0),
        None => vec![true; placed.order.len()],
    };
    let mut s = String::new();
    let (w, h) = (vw + 2.0 * margin, vh + 2.0 * margin);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"{} {} {w} {h}\" role=\"img\" lang=\"{}\"><style>{EXPORT_CSS}</style>",
        vx - margin,
        vy - margin,
        lang.code()
    );
    let title = chart.roots.first().map(|&r| chart.nodes[r].label.get(lang).to_string()).unwrap_or_default();
    let _ = write!(s, "<title>{}</title><g>", xml_escape(&title));
    for (i, &v) in placed.order.iter().enumerate() {
        if let Some(p) = chart.nodes[v].parent {
            let (Some(pr), Some(cr)) = (placed.rect(p), placed.rect(v)) else { continue };
            if keep[i] || keep[placed.slot[p]] {
                let _ = write!(s, "<path class=\"sk-link\" d=\"{}\"/>", elbow(pr, cr, orientation));
            }
        }
    }
    s.push_str("</g>");
    for card in &placed.cards {
        if !card.slots.clone().any(|i| keep[i]) {
            continue;
        }
        let (x, y, w, h) = card.rect;
        let _ = write!(s, "<rect class=\"sk-card\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\"/>");
        for (sector, top, count) in &card.groups {
            let _ = write!(s, "<text class=\"sk-card-heading\" x=\"{}\" y=\"{}\">{}</text>", x + PAD, top + LINE, xml_escape(&card_heading(*sector, *count, lang)));
        }
    }
    for (i, &v) in placed.order.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let node = &chart.nodes[v];
        if node.kind == NodeKind::Seat {
            let (role, holder) = seat_row_text(chart, v, lang);
            let class = node.sector.map_or("", sector_class);
            let _ = write!(
                s,
                "<g class=\"sk-node sk-kind-seat {class}\" transform=\"translate({} {})\"><title>{}</title><rect class=\"sk-stripe\" x=\"{}\" y=\"3\" width=\"4\" height=\"{}\" rx=\"2\"/><text class=\"sk-node-label\" x=\"{}\" y=\"{}\">{}</text><text class=\"sk-node-detail\" x=\"{}\" y=\"{}\">{}</text></g>",
                l.x[i],
                l.y[i],
                xml_escape(&node_text(chart, v, lang).full),
                PAD - 4.0,
                SEAT_ROW - 6.0,
                PAD + 6.0,
                LINE - 2.0,
                xml_escape(&role),
                PAD + 6.0,
                2.0 * LINE - 2.0,
                xml_escape(&holder)
            );
            continue;
        }
        let text = node_text(chart, v, lang);
        let mut class = format!("sk-node {}", kind_class(node.kind));
        if let Some(sector) = node.sector {
            class.push(' ');
            class.push_str(sector_class(sector));
        }
        if node.status != Status::Confirmed {
            class.push_str(" sk-unverified");
        }
        let _ = write!(
            s,
            "<g class=\"{class}\" transform=\"translate({} {})\"><title>{}</title><rect class=\"sk-node-box\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
            l.x[i],
            l.y[i],
            xml_escape(&text.full),
            l.width[i],
            l.height[i]
        );
        if let Some(sector) = node.sector {
            let _ = write!(s, "<rect class=\"sk-stripe\" width=\"5\" height=\"{}\" rx=\"2\"/><path class=\"sk-glyph\" transform=\"translate({} {})\" d=\"{}\"/>", l.height[i], NODE_WIDTH - PAD - 12.0, PAD, sector_shape(sector));
        }
        let mut y = PAD + 12.0;
        let mut line = |s: &mut String, class: &str, t: &str| {
            let _ = write!(s, "<text class=\"{class}\" x=\"{PAD}\" y=\"{y}\">{}</text>", xml_escape(t));
            y += LINE;
        };
        if let Some(k) = &text.kicker {
            line(&mut s, "sk-node-kicker", k);
        }
        for t in &text.label {
            line(&mut s, "sk-node-label", t);
        }
        if let Some(d) = &text.detail {
            line(&mut s, "sk-node-detail", d);
        }
        s.push_str("</g>");
    }
    let _ = view;
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::set_all;

    /// Region RN of the default data with every body open, laid out top-down.
    fn rn_open() -> (Chart, Placed) {
        let profile = crate::model::profile::builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").expect("the 2022 profile").clone();
        let chart = Chart::build(crate::default_data(), &profile, &["RN"]);
        let mut view = chart.initial_state();
        set_all(&chart, &mut view, true);
        let placed = Placed::new(&chart, &view, Orientation::TopDown);
        (chart, placed)
    }

    #[test]
    fn overview_only_zoomed_out_crowded_and_not_printing() {
        assert!(overview(OVERVIEW_SCALE - 0.01, OVERVIEW_MIN_NODES + 1, false, true));
        assert!(!overview(OVERVIEW_SCALE, OVERVIEW_MIN_NODES + 1, false, true), "readable zoom");
        assert!(!overview(0.05, OVERVIEW_MIN_NODES, false, true), "few boxes");
        assert!(!overview(0.05, 10_000, true, true), "printing");
        assert!(overview(1.0, OVERVIEW_MIN_NODES + 1, false, false), "crowded, not measured yet");
        assert!(!overview(1.0, OVERVIEW_MIN_NODES, false, false), "not crowded, not measured yet");
        assert!(!overview(1.0, 10_000, true, false), "printing, not measured");
    }

    #[test]
    fn numbers_are_whole_or_one_decimal() {
        let mut s = String::new();
        for v in [12.0, 12.25, -0.04, 0.3, 1234.56, -7.5] {
            num(&mut s, v);
            s.push(',');
        }
        assert_eq!(s, "12,12.3,0,0.3,1234.6,-7.5,");
    }

    #[test]
    fn overview_paths_hold_every_drawn_box_once() {
        let (chart, placed) = rn_open();
        let n = placed.order.len();
        let all = vec![true; n];
        let paths = overview_paths(&chart, &placed, &all);
        assert!(paths.len() > 1 && paths.len() <= BOX_STYLES, "{} paths", paths.len());
        assert_eq!(paths.iter().map(|p| p.boxes).sum::<usize>(), n);
        for p in &paths {
            assert_eq!(p.d.matches('M').count(), p.boxes, "{}", p.class);
            assert_eq!(p.d.matches('z').count(), p.boxes, "{}", p.class);
        }
        // The region's box: the first slot, in the path of its kind, at its place and size.
        let root = chart.roots[0];
        let (x, y, w, h) = placed.rect(root).unwrap();
        let mut expected = String::from("M");
        for (v, sep) in [(x, " "), (y, "h"), (w, "v"), (h, "h"), (-w, "z")] {
            num(&mut expected, v);
            expected.push_str(sep);
        }
        let region = paths.iter().find(|p| p.class.contains("sk-kind-region")).expect("a region path");
        assert_eq!(region.boxes, 1);
        assert_eq!(region.d, expected);
        // Seats carry their sector's class; unverified boxes are dashed.
        assert!(paths.iter().any(|p| p.class.contains("sk-kind-seat") && p.class.contains("sk-sector-municipality")));
        let unverified = chart.nodes.iter().enumerate().filter(|(v, node)| placed.slot[*v] != HIDDEN && node.status != crate::model::Status::Confirmed).count();
        assert_eq!(paths.iter().filter(|p| p.class.ends_with("sk-unverified")).map(|p| p.boxes).sum::<usize>(), unverified);
        // Only the slots asked for.
        let mut some = vec![false; n];
        some[0] = true;
        some[n - 1] = true;
        assert_eq!(overview_paths(&chart, &placed, &some).iter().map(|p| p.boxes).sum::<usize>(), 2);
    }

    #[test]
    fn links_path_has_one_subpath_per_link() {
        let (chart, placed) = rn_open();
        let n = placed.order.len();
        let d = links_path(&chart, &placed, &vec![true; n], Orientation::TopDown);
        let boxes = placed.order.iter().filter(|&&v| chart.nodes[v].kind != NodeKind::Seat).count();
        assert!(!placed.cards.is_empty());
        assert_eq!(d.matches('M').count(), boxes - 1 + placed.cards.len(), "a link into every box but the root, and one into each card");
        // The first link is the elbow from the region to its first child.
        let first = placed.order[1];
        let parent = chart.nodes[first].parent.unwrap();
        assert!(d.starts_with(&elbow(placed.rect(parent).unwrap(), placed.rect(first).unwrap(), Orientation::TopDown)));
        let mut only_first = vec![false; n];
        only_first[1] = true;
        assert_eq!(links_path(&chart, &placed, &only_first, Orientation::TopDown).matches('M').count(), 1);
        // A card's link is drawn when one of its rows is.
        let card = &placed.cards[0];
        let mut one_row = vec![false; n];
        one_row[card.slots.end - 1] = true;
        assert_eq!(links_path(&chart, &placed, &one_row, Orientation::TopDown), elbow(placed.rect(card.body).unwrap(), card.rect, Orientation::TopDown));
    }

    #[test]
    fn seats_are_rows_of_one_card_per_body_grouped_by_sector() {
        let (chart, placed) = rn_open();
        let seats: Vec<usize> = (0..placed.order.len()).filter(|&i| chart.nodes[placed.order[i]].kind == NodeKind::Seat).collect();
        assert!(seats.len() > 20);
        for &i in &seats {
            let cards: Vec<&Card> = placed.cards.iter().filter(|c| c.slots.contains(&i)).collect();
            assert_eq!(cards.len(), 1, "slot {i} is in one card");
            let card = cards[0];
            let v = placed.order[i];
            assert_eq!(chart.nodes[v].parent, Some(card.body));
            let (x, y, w, h) = placed.rect(v).unwrap();
            let (cx, cy, cw, ch) = card.rect;
            assert!(x == cx && w == cw && h == SEAT_ROW && y >= cy && y + h <= cy + ch + 1e-9, "the row lies in its card");
        }
        for card in &placed.cards {
            assert_eq!(card.groups.iter().map(|g| g.2).sum::<usize>(), card.slots.len());
            // One heading per sector run, in the order of the rows.
            let sectors: Vec<Sector> = card.slots.clone().map(|i| chart.nodes[placed.order[i]].sector.unwrap()).collect();
            let mut runs = sectors.clone();
            runs.dedup();
            assert_eq!(card.groups.iter().map(|g| g.0).collect::<Vec<_>>(), runs);
            // Below its body, and no box overlaps the card.
            let body = placed.rect(card.body).unwrap();
            assert!(card.rect.1 >= body.1 + body.3);
            for i in 0..placed.order.len() {
                if card.slots.contains(&i) {
                    continue;
                }
                let (x, y, w, h) = (placed.layout.x[i], placed.layout.y[i], placed.layout.width[i], placed.layout.height[i]);
                let (cx, cy, cw, ch) = card.rect;
                assert!(x + w <= cx || cx + cw <= x || y + h <= cy || cy + ch <= y, "slot {i} overlaps the card of {}", card.body);
            }
        }
        // Far narrower than the old row of leaf boxes: a seat no longer costs a box's width.
        let rows_wide = seats.len() as f64 * (NODE_WIDTH + 16.0);
        assert!(placed.layout.total_width < rows_wide / 2.0, "{} vs {rows_wide}", placed.layout.total_width);
    }

    #[test]
    fn a_seat_row_is_two_lines_of_the_card() {
        let (chart, placed) = rn_open();
        for i in placed.cards.iter().flat_map(|c| c.slots.clone()) {
            let v = placed.order[i];
            let (role, second) = seat_row_text(&chart, v, Lang::Da);
            assert!(role.chars().count() <= CARD_CHARS && second.chars().count() <= CARD_CHARS);
            assert!(chart.nodes[v].label.da.starts_with(role.trim_end_matches('…')), "the row begins with the role");
            if let Some(holder) = &chart.nodes[v].detail {
                assert!(holder.da.starts_with(second.trim_end_matches('…')), "then the holder");
            } else if chart.nodes[v].status == Status::Confirmed {
                assert!(second.is_empty() || chart.nodes[v].label.da.contains(second.trim_end_matches('…')), "or the rest of the role");
            }
        }
    }

    #[test]
    fn the_outline_indents_each_level_and_fits_a_phone() {
        let profile = crate::model::profile::builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").expect("the 2022 profile").clone();
        let chart = Chart::build(crate::default_data(), &profile, &["RH"]);
        let mut view = chart.initial_state();
        set_all(&chart, &mut view, true);
        let placed = Placed::arranged(&chart, &view, Arrangement { orientation: Orientation::Indented, columns: 1 });
        assert!(placed.layout.total_width <= 390.0 - 2.0 * 16.0 - 2.0, "{}", placed.layout.total_width);
        for (i, &v) in placed.order.iter().enumerate() {
            if chart.nodes[v].kind != NodeKind::Seat {
                assert_eq!(placed.layout.x[i], chart.depth(v) as f64 * 24.0, "{}", chart.nodes[v].id);
            }
        }
        assert_eq!(orientation_for(390.0), Orientation::Indented);
        assert_eq!(orientation_for(1280.0), Orientation::TopDown);
        assert_eq!(orientation_for(0.0), Orientation::TopDown, "unmeasured");
    }

    #[test]
    fn the_first_view_closes_areas_that_would_not_fit() {
        let profile = crate::model::profile::builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").expect("the 2022 profile").clone();
        let chart = Chart::build(crate::default_data(), &profile, &["RM"]);
        let wide = Arrangement { orientation: Orientation::TopDown, columns: Arrangement::columns_for(1150.0, 1.0) };
        let view = first_view_state(&chart, wide, (1150.0, 640.0));
        let placed = Placed::arranged(&chart, &view, wide);
        assert!(placed.layout.total_width <= 1150.0 - 32.0, "the region and its first level fit: {}", placed.layout.total_width);
        let first_level = chart.children[chart.roots[0]].len();
        assert_eq!(placed.order.len(), 1 + first_level, "the region and its SSU and clusters, closed");
        // A drawing area wide enough for everything keeps the areas open.
        let huge = Arrangement { orientation: Orientation::TopDown, columns: 40 };
        let open = first_view_state(&chart, huge, (20_000.0, 2000.0));
        assert_eq!(open, chart.initial_state());
    }

    #[test]
    fn node_at_finds_the_box_under_a_point() {
        let (_, placed) = rn_open();
        let v = placed.order[placed.order.len() / 2];
        let (x, y, w, h) = placed.rect(v).unwrap();
        assert_eq!(node_at(&placed, x + w / 2.0, y + h / 2.0), Some(v));
        assert_eq!(node_at(&placed, x - 1.0, y - 1.0), None, "the gap left of and above a box is empty");
    }

    #[test]
    fn wraps_and_truncates() {
        assert_eq!(wrap("a b c", 10, 2), vec!["a b c"]);
        assert_eq!(wrap("Borgmester, Horsens Kommune", 12, 3), vec!["Borgmester,", "Horsens", "Kommune"]);
        assert_eq!(wrap("Borgmester, Horsens Kommune", 12, 2), vec!["Borgmester,", "Horsens…"]);
        assert_eq!(wrap("abcdefghij", 4, 2), vec!["abcd", "efg…"]);
        assert!(wrap("", 4, 2).is_empty());
        for line in wrap("Sundhedssamarbejdsudvalget for Region Midtjylland og dets kommuner", 28, 2) {
            assert!(line.chars().count() <= 28, "{line}");
        }
    }
}
