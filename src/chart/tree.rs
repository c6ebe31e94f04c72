//! The org chart as a tree of nodes, with what the view needs and nothing browser-side:
//! which nodes are visible under the current expand/collapse state and sector filter,
//! search, one person's seats across bodies, and the WAI-ARIA tree-view navigation
//! (next/previous visible item, parent, first child, Home/End, `*`, type-ahead).
//!
//! Shape: Region → the region's bodies → seats; Region → area → the area's bodies → seats
//! (2022: Region → SSU, Region → cluster → political / professional level; 2027: Region →
//! sundhedsråd's area → council). Several regions make a forest.

use crate::hash::HashMap;

use crate::bodies::{region_bodies, Body, RegionBodies};
use crate::bodies::labels::{municipality_name, seat_label_with, status_name};
use crate::model::{Dataset, Sector, Status};
use crate::model::profile::RuleProfile;
use crate::model::text::{Lang, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Region,
    /// A body; which kind is the node's `kind_id`.
    Body,
    /// An area (cluster, sundhedsråd's area); which kind is the node's `kind_id`.
    Area,
    Seat,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartNode {
    /// Stable id: `"RM"`, `"RM/ssu"`, `"RM-HORSENS"`, `"RM-HORSENS/political"`, `"RM-HORSENS/political#2"`.
    pub id: String,
    pub parent: Option<usize>,
    pub kind: NodeKind,
    /// The profile's id of the body's or area's kind (`"ssu"`, `"council"`, `"cluster"`);
    /// empty for regions and seats.
    pub kind_id: String,
    /// The name of the body's or area's kind in the profile.
    pub kind_name: Option<Text>,
    /// What a body does (the profile's tasks of its kind).
    pub tasks: Vec<crate::model::profile::Task>,
    pub label: Text,
    /// The holder of a seat ("Anne Eksempel (A)"), or a body's or cluster's short facts.
    pub detail: Option<Text>,
    pub sector: Option<Sector>,
    pub person: Option<String>,
    pub municipality: Option<String>,
    pub status: Status,
    pub sources: Vec<String>,
    /// True for a seat shown by role because the data list no seats for its body.
    pub derived: bool,
    /// Lower-case text the search looks in: labels in both languages, and an area's
    /// municipalities. A seat's (with its municipality and holder) is made later instead
    /// ([`Chart::search_texts`]): 10,000 seats' texts took 5 % of a first render.
    search: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Chart {
    pub nodes: Vec<ChartNode>,
    pub children: Vec<Vec<usize>>,
    pub roots: Vec<usize>,
    /// Person id → the seat nodes the person holds, for each person with two seats or more
    /// (the cross-links and "also holds a seat in").
    pub person_seats: HashMap<String, Vec<usize>>,
    search_texts: SearchTexts,
}

/// Each node's search text, made once, on the first search; not part of a chart's value
/// (two charts are equal whether or not either has been searched).
#[derive(Clone, Debug, Default)]
struct SearchTexts(std::cell::OnceCell<Vec<String>>);

impl PartialEq for SearchTexts {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What building a chart looks up: the first person with each id, and the seat nodes each
/// person holds so far (keys borrowed from the data: 10,000 persons).
struct Holders<'d> {
    persons: HashMap<&'d str, &'d crate::model::Person>,
    seats: HashMap<&'d str, Vec<usize>>,
}

/// Appends `text` in lower case, after a space: the search text, built without the
/// temporary strings of `format!` and `to_lowercase` (10,000 seats each have one).
fn push_lower(search: &mut String, text: &str) {
    if !search.is_empty() {
        search.push(' ');
    }
    if text.is_ascii() {
        let start = search.len();
        search.push_str(text);
        search[start..].make_ascii_lowercase();
    } else {
        search.push_str(&text.to_lowercase());
    }
}

/// A label's search text: both languages, the English only where it differs.
fn label_search(label: &Text) -> String {
    let mut search = String::with_capacity(label.da.len() + label.en.len() + 32);
    push_lower(&mut search, &label.da);
    if label.en != label.da {
        push_lower(&mut search, &label.en);
    }
    search
}

/// What is shown: expanded nodes and the sectors whose seats are shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub expanded: Vec<bool>,
    /// Seats of these sectors are hidden.
    pub hidden_sectors: Vec<Sector>,
}

impl Chart {
    /// The chart of the given regions (all when empty), in data order.
    pub fn build(data: &Dataset, profile: &RuleProfile, regions: &[&str]) -> Chart {
        let bodies: Vec<RegionBodies> = data
            .regions
            .iter()
            .filter(|r| regions.is_empty() || regions.contains(&r.id.as_str()))
            .map(|r| region_bodies(data, &r.id, profile))
            .collect();
        Chart::from_bodies(data, profile, &bodies.iter().collect::<Vec<_>>())
    }

    /// The chart of regions whose bodies are composed already (the widget has them).
    pub fn from_bodies(data: &Dataset, profile: &RuleProfile, regions: &[&RegionBodies]) -> Chart {
        let mut chart = Chart::default();
        let mut persons = HashMap::with_capacity_and_hasher(data.persons.len(), Default::default());
        for p in &data.persons {
            persons.entry(p.id.as_str()).or_insert(p);
        }
        let mut holders = Holders { persons, seats: HashMap::default() };
        for rb in regions {
            let Some(region) = data.region(&rb.region) else { continue };
            let r = chart.push(None, region.id.clone(), NodeKind::Region, Text::new(region.name.clone(), region.name.clone()), Status::Confirmed, region.sources.clone());
            for body in &rb.bodies {
                chart.body(data, profile, r, body, &mut holders);
            }
            for ab in &rb.areas {
                let Some(cluster) = data.area(&ab.area) else { continue };
                let c = chart.push(Some(r), cluster.id.clone(), NodeKind::Area, Text::new(cluster.name.clone(), cluster.name.clone()), cluster.status, cluster.sources.clone());
                chart.nodes[c].kind_id = cluster.kind.clone();
                chart.nodes[c].kind_name = Some(profile.area_kind_name(&cluster.kind));
                let members: Vec<String> = cluster.members.iter().map(|m| data.municipality(&m.municipality).map(|x| x.name.clone()).unwrap_or_else(|| m.municipality.clone())).collect();
                let status = status_name(cluster.status);
                chart.nodes[c].detail = Some(Text::new(
                    format!("{} · {}", members.join(", "), status.da),
                    format!("{} · {}", members.join(", "), status.en),
                ));
                for m in &members {
                    push_lower(&mut chart.nodes[c].search, m);
                }
                for body in &ab.bodies {
                    chart.body(data, profile, c, body, &mut holders);
                }
            }
        }
        chart.person_seats = holders.seats.into_iter().filter(|(_, seats)| seats.len() > 1).map(|(p, seats)| (p.to_string(), seats)).collect();
        chart
    }

    fn push(&mut self, parent: Option<usize>, id: String, kind: NodeKind, label: Text, status: Status, sources: Vec<String>) -> usize {
        let i = self.push_unsearched(parent, id, kind, label, status, sources);
        let search = label_search(&self.nodes[i].label);
        self.nodes[i].search = search;
        i
    }

    /// A node with no search text yet (a seat's is made by [`Chart::search_texts`]).
    fn push_unsearched(&mut self, parent: Option<usize>, id: String, kind: NodeKind, label: Text, status: Status, sources: Vec<String>) -> usize {
        let i = self.nodes.len();
        let search = String::new();
        self.nodes.push(ChartNode { id, parent, kind, kind_id: String::new(), kind_name: None, tasks: Vec::new(), label, detail: None, sector: None, person: None, municipality: None, status, sources, derived: false, search });
        self.children.push(Vec::new());
        match parent {
            Some(p) => self.children[p].push(i),
            None => self.roots.push(i),
        }
        i
    }

    fn body<'d>(&mut self, data: &'d Dataset, profile: &RuleProfile, parent: usize, body: &Body, holders: &mut Holders<'d>) {
        // A body's composition is as sure as the profile's rules (secondary for the sundhedsråd).
        let b = self.push(Some(parent), body.id.to_string(), NodeKind::Body, profile.body_kind_name(&body.id.kind), profile.status, profile.sources.clone());
        self.nodes[b].kind_id = body.id.kind.clone();
        self.nodes[b].kind_name = Some(profile.body_kind_name(&body.id.kind));
        self.nodes[b].tasks = profile.body_kind(&body.id.kind).map(|k| k.tasks.clone()).unwrap_or_default();
        // Each municipality's name made once per body, not once per seat.
        let mut names: HashMap<&str, Text> = HashMap::default();
        let prefix = format!("{}#", body.id);
        for (k, seat) in body.seats.iter().enumerate() {
            let municipality = seat.municipality.as_deref().map(|code| names.entry(code).or_insert_with(|| municipality_name(data, code)).clone());
            let label = seat_label_with(data, seat, move |_| municipality.unwrap_or_else(|| Text::new("", "")));
            let s = self.push_unsearched(Some(b), format!("{prefix}{k}"), NodeKind::Seat, label, seat.status, seat.sources.clone());
            let holder = seat.person.as_deref().and_then(|p| holders.persons.get(p).copied());
            let node = &mut self.nodes[s];
            node.sector = Some(seat.sector());
            node.derived = seat.seat_index.is_none();
            node.municipality = seat.municipality.clone();
            if let Some(person) = holder {
                let text = match &person.party {
                    Some(party) => format!("{} ({party})", person.name),
                    None => person.name.clone(),
                };
                node.detail = Some(Text::new(text.clone(), text));
                node.person = Some(person.id.clone());
                holders.seats.entry(person.id.as_str()).or_default().push(s);
            }
        }
    }

    /// Depth of a node (roots are 0).
    pub fn depth(&self, mut v: usize) -> usize {
        let mut d = 0;
        while let Some(p) = self.nodes[v].parent {
            d += 1;
            v = p;
        }
        d
    }

    /// The initial state: regions and clusters open, bodies closed.
    pub fn initial_state(&self) -> ViewState {
        let expanded = self.nodes.iter().map(|n| matches!(n.kind, NodeKind::Region | NodeKind::Area)).collect();
        ViewState { expanded, hidden_sectors: Vec::new() }
    }

    fn shown(&self, v: usize, state: &ViewState) -> bool {
        self.nodes[v].sector.is_none_or(|s| !state.hidden_sectors.contains(&s))
    }

    /// A node's children as shown (the sector filter applied).
    pub fn shown_children<'a>(&'a self, v: usize, state: &'a ViewState) -> impl Iterator<Item = usize> + 'a {
        self.children[v].iter().copied().filter(move |&c| self.shown(c, state))
    }

    /// Whether a node has children to expand (under the filter).
    pub fn is_parent(&self, v: usize, state: &ViewState) -> bool {
        self.shown_children(v, state).next().is_some()
    }

    /// The visible nodes in display (pre-)order: every ancestor expanded, the filter applied.
    pub fn visible(&self, state: &ViewState) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(v) = stack.pop() {
            out.push(v);
            if state.expanded.get(v).copied().unwrap_or(false) {
                let kids: Vec<usize> = self.shown_children(v, state).collect();
                stack.extend(kids.into_iter().rev());
            }
        }
        out
    }

    /// `aria-setsize` and `aria-posinset` of a node among its shown siblings.
    pub fn set_position(&self, v: usize, state: &ViewState) -> (usize, usize) {
        let siblings: Vec<usize> = match self.nodes[v].parent {
            Some(p) => self.shown_children(p, state).collect(),
            None => self.roots.clone(),
        };
        let pos = siblings.iter().position(|&s| s == v).map_or(1, |i| i + 1);
        (siblings.len(), pos)
    }

    /// Nodes whose text contains every word of `query` (case-insensitive), in chart order.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let texts = self.search_texts();
        (0..self.nodes.len()).filter(|&i| words.iter().all(|w| texts[i].contains(w.as_str()))).collect()
    }

    /// Each node's lower-case search text (made on the first call; the widget calls it
    /// after the chart is drawn, before it is done): a seat's is its label
    /// (with its municipality's name), the municipality's code, and its holder with party.
    pub fn search_texts(&self) -> &[String] {
        self.search_texts.0.get_or_init(|| {
            self.nodes
                .iter()
                .map(|node| {
                    if node.kind != NodeKind::Seat {
                        return node.search.clone();
                    }
                    // A seat's label has its municipality's name already.
                    let mut search = label_search(&node.label);
                    if let Some(code) = &node.municipality {
                        push_lower(&mut search, code);
                    }
                    if let (Some(_), Some(holder)) = (&node.person, &node.detail) {
                        push_lower(&mut search, &holder.da);
                    }
                    search
                })
                .collect()
        })
    }

    /// Expands every ancestor of `v` so that it becomes visible.
    pub fn reveal(&self, v: usize, state: &mut ViewState) {
        let mut p = self.nodes[v].parent;
        while let Some(x) = p {
            state.expanded[x] = true;
            p = self.nodes[x].parent;
        }
    }

    /// The other seats held by the person holding `v`.
    pub fn other_seats(&self, v: usize) -> Vec<usize> {
        self.nodes[v].person.as_ref().and_then(|p| self.person_seats.get(p)).map(|s| s.iter().copied().filter(|&x| x != v).collect()).unwrap_or_default()
    }

    /// The accessible description of a seat held by a person with other seats: where else they sit.
    pub fn other_seats_description(&self, v: usize, lang: Lang) -> Option<String> {
        let others = self.other_seats(v);
        if others.is_empty() {
            return None;
        }
        let place = |s: usize| {
            let body = self.nodes[s].parent.map(|b| self.path_label(b, lang)).unwrap_or_default();
            format!("{} – {}", self.nodes[s].label.get(lang), body)
        };
        let list: Vec<String> = others.into_iter().map(place).collect();
        Some(match lang {
            Lang::Da => format!("Har også plads i: {}", list.join("; ")),
            Lang::En => format!("Also holds a seat in: {}", list.join("; ")),
        })
    }

    /// "Politisk niveau, Horsensklyngen": a node's label with its parent's, for bodies.
    pub fn path_label(&self, v: usize, lang: Lang) -> String {
        let node = &self.nodes[v];
        match (node.kind, node.parent) {
            (NodeKind::Body, Some(p)) => format!("{}, {}", node.label.get(lang), self.nodes[p].label.get(lang)),
            _ => node.label.get(lang).to_string(),
        }
    }
}

/// A key of the WAI-ARIA tree-view pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Down,
    Up,
    Right,
    Left,
    Home,
    End,
    /// `*`: expand every sibling of the focused item.
    ExpandSiblings,
    /// A printable character: move to the next item starting with it.
    Char(char),
}

/// What a key press does: the item to focus, and the new state when it changed.
/// Type-ahead matches the labels in `lang`, the language on screen.
pub fn navigate(chart: &Chart, state: &mut ViewState, focus: usize, key: TreeKey, lang: Lang) -> usize {
    let visible = chart.visible(state);
    let at = visible.iter().position(|&v| v == focus).unwrap_or(0);
    let is_parent = |v: usize, state: &ViewState| chart.is_parent(v, state);
    match key {
        TreeKey::Down => visible.get(at + 1).copied().unwrap_or(focus),
        TreeKey::Up => at.checked_sub(1).map(|i| visible[i]).unwrap_or(focus),
        TreeKey::Home => visible.first().copied().unwrap_or(focus),
        TreeKey::End => visible.last().copied().unwrap_or(focus),
        TreeKey::Right => {
            if !is_parent(focus, state) {
                focus
            } else if !state.expanded[focus] {
                state.expanded[focus] = true;
                focus
            } else {
                chart.shown_children(focus, state).next().unwrap_or(focus)
            }
        }
        TreeKey::Left => {
            if is_parent(focus, state) && state.expanded[focus] {
                state.expanded[focus] = false;
                focus
            } else {
                chart.nodes[focus].parent.unwrap_or(focus)
            }
        }
        TreeKey::ExpandSiblings => {
            let siblings: Vec<usize> = match chart.nodes[focus].parent {
                Some(p) => chart.shown_children(p, state).collect(),
                None => chart.roots.clone(),
            };
            for s in siblings {
                if is_parent(s, state) {
                    state.expanded[s] = true;
                }
            }
            focus
        }
        TreeKey::Char(c) => {
            let c = c.to_lowercase().to_string();
            let n = visible.len();
            (1..=n)
                .map(|k| visible[(at + k) % n])
                .find(|&v| chart.nodes[v].label.get(lang).to_lowercase().starts_with(&c))
                .unwrap_or(focus)
        }
    }
}

/// Expands or collapses every node.
pub fn set_all(chart: &Chart, state: &mut ViewState, expanded: bool) {
    for (v, e) in state.expanded.iter_mut().enumerate() {
        *e = expanded && !chart.children[v].is_empty();
    }
}
