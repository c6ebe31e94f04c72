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

/// The visible nodes laid out: `order` in display order, `slot[v]` the position of chart
/// node `v` in `order` (`usize::MAX` where hidden), and the layout indexed by slot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    pub order: Vec<usize>,
    pub slot: Vec<usize>,
    pub layout: Layout,
}

pub const HIDDEN: usize = usize::MAX;

impl Placed {
    pub fn new(chart: &Chart, view: &ViewState, orientation: Orientation) -> Placed {
        let order = chart.visible(view);
        let mut slot = vec![HIDDEN; chart.nodes.len()];
        for (i, &v) in order.iter().enumerate() {
            slot[v] = i;
        }
        let parent: Vec<Option<usize>> = order.iter().map(|&v| chart.nodes[v].parent.map(|p| slot[p])).collect();
        let width = vec![NODE_WIDTH; order.len()];
        let height: Vec<f64> = order.iter().map(|&v| node_height(chart.nodes[v].kind)).collect();
        let options = LayoutOptions { orientation, ..LayoutOptions::default() };
        let layout = layout(&parent, &width, &height, &options).unwrap_or_default();
        Placed { order, slot, layout }
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
    for (i, &v) in placed.order.iter().enumerate() {
        if !draw.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(p) = chart.nodes[v].parent else { continue };
        if let (Some(pr), Some(cr)) = (placed.rect(p), placed.rect(v)) {
            write_elbow(&mut d, pr, cr, orientation);
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
    for (i, &v) in placed.order.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let node = &chart.nodes[v];
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
        assert_eq!(d.matches('M').count(), n - 1, "every node but the root has a link");
        // The first link is the elbow from the region to its first child.
        let first = placed.order[1];
        let parent = chart.nodes[first].parent.unwrap();
        assert!(d.starts_with(&elbow(placed.rect(parent).unwrap(), placed.rect(first).unwrap(), Orientation::TopDown)));
        let mut only_first = vec![false; n];
        only_first[1] = true;
        assert_eq!(links_path(&chart, &placed, &only_first, Orientation::TopDown).matches('M').count(), 1);
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
