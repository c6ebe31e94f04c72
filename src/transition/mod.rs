//! From one structure to the next: how the municipalities, areas and municipal seats of one
//! data set (the health clusters of 2022) become those of another (the sundhedsråd of
//! 2027). Pure data in, plain data out ([`transition`]); the JS API's `transition` serialises it.
//!
//! A municipality may be a member of several areas on one side (København is split between
//! two clusters of 2022); a code known on one side only appears with empty lists on the
//! other. Areas and municipalities are matched by id and kommunekode; duplicate ids are
//! taken together, never a panic.
//!
//! ## What `change` means
//!
//! For a municipality, take the set of *other* municipalities it shares an area with on
//! each side (its *company*): `kept_together` = in both, `new_neighbours` = only after,
//! `left_behind` = only before. Then `change` is
//!
//! | change | when |
//! |---|---|
//! | `"same"` | nothing left behind, no new neighbours (its areas kept their members) |
//! | `"merged"` | nothing left behind, new neighbours (its area joined others) |
//! | `"split"` | some left behind, no new neighbours (its area was divided) |
//! | `"split-joined"` | some left behind, some new, some kept |
//! | `"moved"` | some left behind, some new, none kept (a different company entirely) |
//! | `"unplaced"` | in no area on one side (or both) |
//!
//! A municipality alone in its area on both sides is `"same"`.
//!
//! ## Populations and seats
//!
//! A member's *fraction* of an area is its share where given, 1 where it is a member of
//! that area only, and unknown for a split without a share (the rule of the key figures).
//! Sums of populations are `None` as soon as one population or fraction is unknown.
//! Municipal seats are those of each area's *representing* body (the one with most
//! municipal seats, as in [`crate::figures::key_figures::governance`]), with each side's
//! rule profile ([`crate::rules::resolve_profile`] without options).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::bodies::region_bodies;
use crate::hash::HashMap;
use crate::model::{Dataset, Sector, Share};

/// The transition between two data sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transition {
    /// The data sets' ids, where given.
    pub from_id: Option<String>,
    pub to_id: Option<String>,
    /// Every kommunekode of either data set (its municipalities and its members), by code.
    pub municipalities: Vec<MunicipalityTransition>,
    /// Every area of the `to` side, in data order.
    pub areas: Vec<AreaTransition>,
    /// Each pair of a `from` and a `to` area that share municipalities, by (from, to) id.
    pub flows: Vec<Flow>,
    pub summary: Summary,
}

/// A municipality's membership of an area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placement {
    pub area: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Same,
    Merged,
    Split,
    SplitJoined,
    Moved,
    Unplaced,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MunicipalityTransition {
    pub code: String,
    /// The `to` side's name, else the `from` side's, else the code.
    pub name: String,
    pub from_areas: Vec<Placement>,
    pub to_areas: Vec<Placement>,
    /// The region the municipality lies in on each side, where it is listed.
    pub from_region: Option<String>,
    pub to_region: Option<String>,
    pub change: Change,
    /// Kommunekoder, sorted: with it before and after / only after / only before.
    pub kept_together: Vec<String>,
    pub new_neighbours: Vec<String>,
    pub left_behind: Vec<String>,
    /// Municipal seats attributed to it in the representing bodies of its areas.
    pub seats_from: u32,
    pub seats_to: u32,
}

/// A `from` area that shares municipalities with a `to` area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Predecessor {
    pub id: String,
    pub name: String,
    /// The shared municipalities, by code.
    pub municipalities: Vec<String>,
    pub shared: u32,
    /// The shared municipalities' population in the `from` data, each by its fractions of
    /// both areas.
    pub population: Option<f64>,
    /// The predecessor's own municipal seats and inhabitants per seat, in the `from` data.
    pub municipal_seats: u32,
    pub inhabitants_per_municipal_seat: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaTransition {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub region: String,
    /// Member kommunekoder, in data order, without repeats.
    pub members: Vec<String>,
    /// The members' population in each data set, each by its fraction of this area; `None`
    /// where any is unknown (or a member is not in the `from` data).
    pub population_from: Option<f64>,
    pub population_to: Option<f64>,
    /// Municipal seats the members held in the `from` structure's representing bodies (a
    /// member split between two areas counts its seats in both).
    pub seats_from: u32,
    /// Municipal seats of this area's representing body.
    pub seats_to: u32,
    pub inhabitants_per_municipal_seat_from: Option<f64>,
    pub inhabitants_per_municipal_seat_to: Option<f64>,
    /// The `from` areas it takes municipalities from, by id.
    pub predecessors: Vec<Predecessor>,
}

/// Municipalities going from one area to another: one band of a Sankey drawing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub municipalities: Vec<String>,
    /// The `to` side's populations, each by the municipality's fractions of both areas;
    /// `None` where any is unknown.
    pub population: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub municipalities_from: u32,
    pub municipalities_to: u32,
    pub areas_from: u32,
    pub areas_to: u32,
    /// Municipalities listed on both sides with different region ids.
    pub region_changed: u32,
    /// `to` areas with two or more predecessors.
    pub merged_areas: u32,
    /// `from` areas with two or more successors.
    pub split_areas: u32,
    /// `to` areas whose member set is exactly that of a `from` area.
    pub unchanged_areas: u32,
    /// How many municipalities have each `change`.
    pub changes: BTreeMap<String, u32>,
}

/// A flow being summed: its municipalities and their population so far.
type FlowAcc<'a> = (Vec<&'a str>, Option<f64>);

/// One side, indexed.
struct Side<'a> {
    data: &'a Dataset,
    /// Areas of each code, in data order (one per area even if listed twice in it).
    areas_of: HashMap<&'a str, Vec<usize>>,
    /// Municipal seats of each area's representing body, by area id.
    area_seats: HashMap<&'a str, u32>,
    /// Municipal seats attributed to each municipality, over all areas.
    muni_seats: HashMap<String, u32>,
}

impl<'a> Side<'a> {
    fn new(data: &'a Dataset) -> Side<'a> {
        let mut areas_of: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, a) in data.areas.iter().enumerate() {
            for m in &a.members {
                let list = areas_of.entry(m.municipality.as_str()).or_default();
                if list.last() != Some(&i) && !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let (profile, _) = crate::rules::resolve_profile(data, &Default::default());
        let mut area_seats: HashMap<&str, u32> = HashMap::default();
        let mut muni_seats: HashMap<String, u32> = HashMap::default();
        let mut seen_regions = BTreeSet::new();
        for region in &data.regions {
            if !seen_regions.insert(region.id.as_str()) {
                continue;
            }
            let rb = region_bodies(data, &region.id, &profile);
            for ab in &rb.areas {
                let Some(area) = data.area(&ab.area) else { continue };
                if area_seats.contains_key(area.id.as_str()) {
                    continue;
                }
                let seats = ab.representing().map(|b| b.seats.as_slice()).unwrap_or_default();
                let mut n = 0;
                for s in seats.iter().filter(|s| s.sector() == Sector::Municipality) {
                    n += 1;
                    if let Some(code) = &s.municipality {
                        *muni_seats.entry(code.clone()).or_default() += 1;
                    }
                }
                area_seats.insert(area.id.as_str(), n);
            }
        }
        Side { data, areas_of, area_seats, muni_seats }
    }

    fn areas(&self, code: &str) -> &[usize] {
        self.areas_of.get(code).map(Vec::as_slice).unwrap_or_default()
    }

    fn population(&self, code: &str) -> Option<f64> {
        self.data.municipality(code).and_then(|m| m.population.as_ref()).map(|p| p.value as f64)
    }

    /// The fraction of a municipality that belongs to area `i`.
    fn fraction(&self, code: &str, i: usize) -> Option<f64> {
        let m = self.data.areas.get(i)?.members.iter().find(|m| m.municipality == code)?;
        m.fraction(self.areas(code).len() > 1)
    }

    /// The other municipalities sharing an area with `code`.
    fn company(&self, code: &str) -> BTreeSet<&'a str> {
        let mut set = BTreeSet::new();
        for &i in self.areas(code) {
            for m in &self.data.areas[i].members {
                if m.municipality != code {
                    set.insert(m.municipality.as_str());
                }
            }
        }
        set
    }

    fn placements(&self, code: &str) -> Vec<Placement> {
        self.areas(code)
            .iter()
            .map(|&i| {
                let a = &self.data.areas[i];
                let share = a.members.iter().find(|m| m.municipality == code).and_then(|m| m.share);
                Placement { area: a.id.clone(), share }
            })
            .collect()
    }

    fn codes(&self) -> BTreeSet<&'a str> {
        let mut set: BTreeSet<&str> = self.data.municipalities.iter().map(|m| m.code.as_str()).collect();
        set.extend(self.data.areas.iter().flat_map(|a| a.members.iter().map(|m| m.municipality.as_str())));
        set
    }
}

fn strings(set: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
    set.into_iter().map(Into::into).collect()
}

fn per_seat(population: Option<f64>, seats: u32) -> Option<f64> {
    population.filter(|_| seats > 0).map(|p| p / seats as f64)
}

/// Members of an area by code, in data order, without repeats.
fn members(area: &crate::model::Area) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &area.members {
        if !out.contains(&m.municipality.as_str()) {
            out.push(&m.municipality);
        }
    }
    out
}

/// How `from` becomes `to`. See the module's documentation for the definitions.
pub fn transition(from: &Dataset, to: &Dataset) -> Transition {
    let a = Side::new(from);
    let b = Side::new(to);

    let from_codes = a.codes();
    let to_codes = b.codes();
    let all: BTreeSet<&str> = from_codes.union(&to_codes).copied().collect();

    let mut changes: BTreeMap<String, u32> = BTreeMap::new();
    let mut region_changed = 0;
    let municipalities: Vec<MunicipalityTransition> = all
        .iter()
        .map(|&code| {
            let before = a.company(code);
            let after = b.company(code);
            let kept: Vec<&str> = before.intersection(&after).copied().collect();
            let new: Vec<&str> = after.difference(&before).copied().collect();
            let left: Vec<&str> = before.difference(&after).copied().collect();
            let change = if a.areas(code).is_empty() || b.areas(code).is_empty() {
                Change::Unplaced
            } else {
                match (left.is_empty(), new.is_empty(), kept.is_empty()) {
                    (true, true, _) => Change::Same,
                    (true, false, _) => Change::Merged,
                    (false, true, _) => Change::Split,
                    (false, false, false) => Change::SplitJoined,
                    (false, false, true) => Change::Moved,
                }
            };
            let from_m = from.municipality(code);
            let to_m = to.municipality(code);
            if let (Some(f), Some(t)) = (from_m, to_m) {
                if f.region != t.region {
                    region_changed += 1;
                }
            }
            let key = serde_json::to_value(change).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            *changes.entry(key).or_default() += 1;
            MunicipalityTransition {
                code: code.to_string(),
                name: to_m.or(from_m).map_or_else(|| code.to_string(), |m| m.name.clone()),
                from_areas: a.placements(code),
                to_areas: b.placements(code),
                from_region: from_m.map(|m| m.region.clone()),
                to_region: to_m.map(|m| m.region.clone()),
                change,
                kept_together: strings(kept),
                new_neighbours: strings(new),
                left_behind: strings(left),
                seats_from: a.muni_seats.get(code).copied().unwrap_or(0),
                seats_to: b.muni_seats.get(code).copied().unwrap_or(0),
            }
        })
        .collect();

    // Flows, keyed by (from id, to id): duplicate ids are taken together.
    let mut flow_map: BTreeMap<(&str, &str), FlowAcc> = BTreeMap::new();
    for &code in &all {
        for &i in a.areas(code) {
            for &j in b.areas(code) {
                let entry = flow_map.entry((from.areas[i].id.as_str(), to.areas[j].id.as_str())).or_insert((Vec::new(), Some(0.0)));
                if entry.0.contains(&code) {
                    continue;
                }
                entry.0.push(code);
                let p = match (b.population(code), a.fraction(code, i), b.fraction(code, j)) {
                    (Some(p), Some(f), Some(g)) => Some(p * f * g),
                    _ => None,
                };
                entry.1 = entry.1.zip(p).map(|(x, y)| x + y);
            }
        }
    }
    let flows: Vec<Flow> = flow_map
        .iter()
        .map(|((f, t), (codes, p))| Flow { from: f.to_string(), to: t.to_string(), municipalities: strings(codes.iter().copied()), population: *p })
        .collect();

    let mut successors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut predecessors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (f, t) in flow_map.keys() {
        successors.entry(f).or_default().insert(t);
        predecessors.entry(t).or_default().insert(f);
    }

    let from_member_sets: Vec<BTreeSet<&str>> = from.areas.iter().map(|x| members(x).into_iter().collect()).collect();
    let mut unchanged_areas = 0;
    let areas: Vec<AreaTransition> = to
        .areas
        .iter()
        .enumerate()
        .map(|(j, area)| {
            let codes = members(area);
            let set: BTreeSet<&str> = codes.iter().copied().collect();
            if !set.is_empty() && from_member_sets.contains(&set) {
                unchanged_areas += 1;
            }
            let sum = |side: &Side, population_of: &dyn Fn(&str) -> Option<f64>| -> Option<f64> {
                codes.iter().map(|c| Some(population_of(c)? * side.fraction(c, j)?)).sum()
            };
            let population_to = sum(&b, &|c| b.population(c));
            // The `to` area's fraction of each member, with the `from` side's population.
            let population_from = sum(&b, &|c| a.population(c));
            let seats_from: u32 = codes.iter().map(|c| a.muni_seats.get(*c).copied().unwrap_or(0)).sum();
            let seats_to = b.area_seats.get(area.id.as_str()).copied().unwrap_or(0);
            let preds = flow_map
                .iter()
                .filter(|((_, t), _)| *t == area.id)
                .map(|((f, _), (shared, _))| {
                    let fa = from.area(f);
                    let fi = from.areas.iter().position(|x| x.id == *f);
                    let population: Option<f64> = shared
                        .iter()
                        .map(|c| Some(a.population(c)? * a.fraction(c, fi?)? * b.fraction(c, j)?))
                        .sum();
                    let own_seats = a.area_seats.get(f).copied().unwrap_or(0);
                    let own_population: Option<f64> = fa.and_then(|x| {
                        let i = fi?;
                        members(x).iter().map(|c| Some(a.population(c)? * a.fraction(c, i)?)).sum()
                    });
                    Predecessor {
                        id: f.to_string(),
                        name: fa.map(|x| x.name.clone()).unwrap_or_default(),
                        municipalities: strings(shared.iter().copied()),
                        shared: shared.len() as u32,
                        population,
                        municipal_seats: own_seats,
                        inhabitants_per_municipal_seat: per_seat(own_population, own_seats),
                    }
                })
                .collect();
            AreaTransition {
                id: area.id.clone(),
                kind: area.kind.clone(),
                name: area.name.clone(),
                region: area.region.clone(),
                members: strings(codes.iter().copied()),
                population_from,
                population_to,
                seats_from,
                seats_to,
                inhabitants_per_municipal_seat_from: per_seat(population_from, seats_from),
                inhabitants_per_municipal_seat_to: per_seat(population_to, seats_to),
                predecessors: preds,
            }
        })
        .collect();

    let summary = Summary {
        municipalities_from: from_codes.len() as u32,
        municipalities_to: to_codes.len() as u32,
        areas_from: from.areas.iter().map(|x| x.id.as_str()).collect::<BTreeSet<_>>().len() as u32,
        areas_to: to.areas.iter().map(|x| x.id.as_str()).collect::<BTreeSet<_>>().len() as u32,
        region_changed,
        merged_areas: predecessors.values().filter(|s| s.len() >= 2).count() as u32,
        split_areas: successors.values().filter(|s| s.len() >= 2).count() as u32,
        unchanged_areas,
        changes,
    };

    Transition { from_id: from.id.clone(), to_id: to.id.clone(), municipalities, areas, flows, summary }
}
