//! One node of the chart as a WAI-ARIA tree item: `<g role="treeitem">` with the box
//! drawn inside an `aria-hidden` group, and its shown children in a `<g role="group">`.
//! Plain functions rather than components: thousands of them re-render on every pan.

use yew::prelude::*;

use crate::chart::{Chart, NodeKind, ViewState};
use crate::chart::layout::Orientation;
use crate::model::Status;
use crate::model::text::Lang;
use crate::chart::draw::{kind_class, node_text, sector_class, sector_shape, seat_row_text, Placed, HIDDEN, INDENT_LINK, LINE, NODE_WIDTH, PAD, SEAT_ROW};

/// Everything a node needs to draw itself.
pub struct NodeContext<'a> {
    pub chart: &'a Chart,
    pub view: &'a ViewState,
    pub placed: &'a Placed,
    /// Per slot: put in the DOM.
    pub include: &'a [bool],
    pub orientation: Orientation,
    pub focus: usize,
    pub selected: Option<usize>,
    /// The selected seat's person's other seats.
    pub linked: &'a [usize],
    /// Search hits (chart indices, sorted) and the current one.
    pub hits: &'a [usize],
    pub current_hit: Option<usize>,
    pub lang: Lang,
    /// Element-id prefix.
    pub prefix: &'a str,
}

impl NodeContext<'_> {
    /// The element id of node `v`'s tree item.
    pub fn item_id(&self, v: usize) -> String {
        format!("{}-n{v}", self.prefix)
    }

    /// The element id of node `v`'s description (its person's other seats).
    pub fn description_id(&self, v: usize) -> String {
        format!("{}-d{v}", self.prefix)
    }

    fn included(&self, v: usize) -> bool {
        let slot = self.placed.slot[v];
        slot != HIDDEN && self.include[slot]
    }

    /// The tree item of `v` with its included descendants.
    pub fn item(&self, v: usize) -> Html {
        let chart = self.chart;
        let node = &chart.nodes[v];
        let Some((x, y, w, h)) = self.placed.rect(v) else { return html! {} };
        let text = node_text(chart, v, self.lang);
        let parent = chart.is_parent(v, self.view);
        let expanded = parent && self.view.expanded[v];
        let (size, pos) = chart.set_position(v, self.view);
        let described = !chart.other_seats(v).is_empty();
        let class = classes!(
            "sk-node",
            kind_class(node.kind),
            node.sector.map(sector_class),
            (node.status != Status::Confirmed).then_some("sk-unverified"),
            (self.selected == Some(v)).then_some("sk-selected"),
            self.linked.contains(&v).then_some("sk-linked"),
            self.hits.binary_search(&v).is_ok().then_some("sk-hit"),
            (self.current_hit == Some(v)).then_some("sk-hit-current"),
            node.derived.then_some("sk-derived"),
        );
        let cluster_id = (node.kind == NodeKind::Area).then(|| node.id.clone());
        let seat = node.kind == NodeKind::Seat;
        let mut line_y = PAD + 12.0;
        let mut lines = Vec::new();
        let mut push = |class: &'static str, t: &str| {
            lines.push(html! { <text class={class} x={PAD.to_string()} y={line_y.to_string()}>{ t.to_string() }</text> });
            line_y += LINE;
        };
        if let Some(k) = &text.kicker {
            push("sk-node-kicker", k);
        }
        for l in &text.label {
            push("sk-node-label", l);
        }
        if let Some(d) = &text.detail {
            push("sk-node-detail", d);
        }
        let toggle = parent.then(|| {
            let (tx, ty) = match self.orientation {
                Orientation::TopDown => (w / 2.0, h),
                Orientation::LeftRight => (w, h / 2.0),
                Orientation::Indented => (INDENT_LINK, h),
            };
            let sign = if expanded { "M-4 0H4" } else { "M-4 0H4M0 -4V4" };
            html! {
                <g class="sk-toggle" transform={format!("translate({tx} {ty})")} data-toggle={v.to_string()}>
                    <circle r="12" />
                    <path d={sign} />
                </g>
            }
        });
        let sector = node.sector.map(|s| {
            html! {
                <>
                    <rect class="sk-stripe" width="5" height={h.to_string()} rx="2" />
                    <path class="sk-glyph" transform={format!("translate({} {})", NODE_WIDTH - PAD - 12.0, PAD)} d={sector_shape(s)} />
                </>
            }
        });
        let kids: Vec<usize> = if expanded { chart.shown_children(v, self.view).filter(|&c| self.included(c)).collect() } else { Vec::new() };
        html! {
            <g role="treeitem"
                key={v}
                id={self.item_id(v)}
                class={class}
                part="node"
                data-node={node.id.clone()}
                data-node-index={v.to_string()}
                data-cluster-id={cluster_id}
                tabindex={if v == self.focus { "0" } else { "-1" }}
                aria-level={(chart.depth(v) + 1).to_string()}
                aria-setsize={size.to_string()}
                aria-posinset={pos.to_string()}
                aria-expanded={parent.then_some(if expanded { "true" } else { "false" })}
                aria-selected={if self.selected == Some(v) { "true" } else { "false" }}
                aria-label={text.full.clone()}
                aria-describedby={described.then(|| self.description_id(v))}>
                if seat {
                    { self.seat_row(v, (x, y, w, h), text.full) }
                } else {
                    <g class="sk-node-visual" transform={format!("translate({x} {y})")} aria-hidden="true">
                        <title>{ text.full }</title>
                        <rect class="sk-focus-ring" x="-5" y="-5" width={(w + 10.0).to_string()} height={(h + 10.0).to_string()} rx="9" />
                        <rect class="sk-node-box" width={w.to_string()} height={h.to_string()} rx="6" />
                        { for sector }
                        { for lines }
                        { for toggle }
                    </g>
                }
                if !kids.is_empty() {
                    <g role="group">{ for kids.into_iter().map(|c| self.item(c)) }</g>
                }
            </g>
        }
    }

    /// A seat as one row of its body's card: the sector's stripe and shape, the role on the
    /// first line and the holder on the second; the card itself is drawn under the items.
    fn seat_row(&self, v: usize, (x, y, w, h): (f64, f64, f64, f64), full: String) -> Html {
        let node = &self.chart.nodes[v];
        let (role, holder) = seat_row_text(self.chart, v, self.lang);
        let glyph = node.sector.map(|s| html! { <path class="sk-glyph" transform={format!("translate({} {})", w - PAD - 12.0, 6.0)} d={sector_shape(s)} /> });
        html! {
            <g class="sk-node-visual sk-seat-row" transform={format!("translate({x} {y})")} aria-hidden="true">
                <title>{ full }</title>
                <rect class="sk-focus-ring" x="2" y="0" width={(w - 4.0).to_string()} height={h.to_string()} rx="4" />
                <rect class="sk-node-box sk-row-box" x="4" y="2" width={(w - 8.0).to_string()} height={(h - 4.0).to_string()} rx="3" />
                <rect class="sk-stripe" x={(PAD - 4.0).to_string()} y="5" width="4" height={(SEAT_ROW - 10.0).to_string()} rx="2" />
                { for glyph }
                <text class="sk-node-label" x={(PAD + 6.0).to_string()} y={(LINE + 1.0).to_string()}>{ role }</text>
                <text class="sk-node-detail" x={(PAD + 6.0).to_string()} y={(2.0 * LINE + 1.0).to_string()}>{ holder }</text>
            </g>
        }
    }
}
