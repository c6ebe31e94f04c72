//! Bodies and their seats: the seats listed in the data, or, for a body the data
//! lists no seats for, the seats its rule profile requires — so every body shows its
//! full composition, by role where no person is known. Which bodies there are is the
//! profile's to say: each region has the kinds of body owned by a region, each area the
//! kinds owned by an area of its kind.

pub mod labels;

use crate::model::profile::{BodyKind, Owner, PopulationStep, Requirement, RuleProfile, Scope, SeatGroup};
use crate::model::text::Text;
use crate::model::{BodyId, Dataset, Office, Role, Seat, Sector, Status};

/// A body with its seats.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub id: BodyId,
    /// Region id (the owner itself, or the owning area's region).
    pub region: String,
    /// Area id, for a body owned by an area.
    pub area: Option<String>,
    pub seats: Vec<BodySeat>,
    /// True when the seats come from the rule profile, not from the data.
    pub derived: bool,
}

/// A seat as shown: from the data (`seat_index`) or derived from the profile.
#[derive(Clone, Debug, PartialEq)]
pub struct BodySeat {
    pub role: Role,
    pub municipality: Option<String>,
    /// The area the seat represents in a region's body.
    pub area: Option<String>,
    pub person: Option<String>,
    /// A person holding the seat in the member's place.
    pub substitute: Option<String>,
    pub office: Option<Office>,
    pub title: Option<Text>,
    /// Index into `Dataset::seats`; `None` for a seat derived from the profile.
    pub seat_index: Option<usize>,
    pub status: Status,
    pub sources: Vec<String>,
}

impl BodySeat {
    fn derived(role: Role, municipality: Option<String>, area: Option<String>) -> BodySeat {
        BodySeat {
            role,
            municipality,
            area,
            person: None,
            substitute: None,
            office: None,
            title: None,
            seat_index: None,
            status: Status::Confirmed,
            sources: Vec::new(),
        }
    }

    pub fn sector(&self) -> Sector {
        self.role.sector()
    }
}

/// A region's bodies: those the region owns, and each area's.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionBodies {
    pub region: String,
    /// The bodies the region owns (the SSU in 2022), in the profile's order.
    pub bodies: Vec<Body>,
    /// Each area's bodies, areas in data order.
    pub areas: Vec<AreaBodies>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaBodies {
    pub area: String,
    /// In the profile's order.
    pub bodies: Vec<Body>,
}

impl AreaBodies {
    /// The body where the area's municipalities are represented: the one with most
    /// municipal seats, the first of equals (the political level before the professional).
    pub fn representing(&self) -> Option<&Body> {
        let municipal = |b: &&Body| b.seats.iter().filter(|s| s.sector() == Sector::Municipality).count();
        self.bodies.iter().rev().max_by_key(municipal)
    }
}

impl RegionBodies {
    /// Every body: the region's, then each area's.
    pub fn all(&self) -> impl Iterator<Item = &Body> {
        self.bodies.iter().chain(self.areas.iter().flat_map(|a| a.bodies.iter()))
    }
}

/// Whether an owner has a body of `kind`: always where the profile gives one per owner,
/// else only where the data list seats for it.
fn has_body(kind: &BodyKind, listed: bool) -> bool {
    kind.per_owner >= 1 || listed
}

pub fn region_bodies(data: &Dataset, region: &str, profile: &RuleProfile) -> RegionBodies {
    SeatsByBody::new(data).region(data, region, profile)
}

/// Every region's bodies, in data order: the seats grouped by body once for all regions,
/// not once per region (the key figures need every region's, and a data set may list
/// 100,000 seats).
pub fn all_region_bodies(data: &Dataset, profile: &RuleProfile) -> Vec<RegionBodies> {
    let seats = SeatsByBody::new(data);
    data.regions.iter().map(|r| seats.region(data, &r.id, profile)).collect()
}

/// The seats of each body, found in one pass, and the order seats are sorted in.
struct SeatsByBody<'d> {
    by_body: crate::hash::HashMap<&'d str, Vec<usize>>,
    order: SeatOrder<'d>,
}

impl<'d> SeatsByBody<'d> {
    fn new(data: &'d Dataset) -> Self {
        let mut by_body: crate::hash::HashMap<&str, Vec<usize>> = crate::hash::HashMap::default();
        for (i, s) in data.seats.iter().enumerate() {
            by_body.entry(s.body.as_str()).or_default().push(i);
        }
        SeatsByBody { by_body, order: SeatOrder::new(data) }
    }

    fn region(&self, data: &Dataset, region: &str, profile: &RuleProfile) -> RegionBodies {
        let with_seats = |owner: &str, kind: &BodyKind| {
            let id = BodyId { owner: owner.to_string(), kind: kind.id.clone() };
            let listed = self.by_body.get(id.to_string().as_str()).map(Vec::as_slice).unwrap_or_default();
            has_body(kind, !listed.is_empty()).then(|| body_of(data, &id, listed.iter().map(|&i| (i, &data.seats[i])), profile, &self.order))
        };
        let bodies = profile.region_bodies().filter_map(|k| with_seats(region, k)).collect();
        let areas = data
            .areas_of(region)
            .map(|a| AreaBodies { area: a.id.clone(), bodies: profile.area_bodies(&a.kind).filter_map(|k| with_seats(&a.id, k)).collect() })
            .collect();
        RegionBodies { region: region.to_string(), bodies, areas }
    }
}

/// One body with its seats, sorted chair first, then by sector and municipality.
pub fn body(data: &Dataset, id: &BodyId, profile: &RuleProfile) -> Body {
    body_of(data, id, data.seats_of(id), profile, &SeatOrder::new(data))
}

/// One body from the seats the data list for it (`(index in data.seats, seat)`).
/// `order` is made once per data set and shared by its bodies.
pub(crate) fn body_of<'d>(data: &'d Dataset, id: &BodyId, listed: impl Iterator<Item = (usize, &'d Seat)>, profile: &RuleProfile, order: &SeatOrder) -> Body {
    let owner = profile.body_kind(&id.kind).map(|k| k.owner).unwrap_or(Owner::Area);
    let (region, area) = match owner {
        Owner::Region => (id.owner.clone(), None),
        Owner::Area => (data.area(&id.owner).map(|c| c.region.clone()).unwrap_or_default(), Some(id.owner.clone())),
    };
    // The data describe the structure on one day: a seat whose period leaves that day out
    // (a member who left, a successor not yet in) is not one of the body's seats then.
    let day = data.reference_day();
    let listed: Vec<BodySeat> = listed
        .filter(|(_, s)| in_force_on(s.valid_from.as_deref(), s.valid_to.as_deref(), day))
        .map(|(i, s)| BodySeat {
            role: s.role,
            municipality: s.municipality.clone(),
            area: s.area.clone(),
            person: s.person.clone(),
            substitute: s.substitute.clone(),
            office: s.office,
            title: s.title.clone(),
            seat_index: Some(i),
            status: s.status,
            sources: s.sources.clone(),
        })
        .collect();
    let derived = listed.is_empty();
    let mut seats = if derived { derive_seats(data, id, &region, profile) } else { listed };
    let members: Vec<&str> = area.as_deref().and_then(|c| data.area(c)).map(|c| c.members.iter().map(|m| m.municipality.as_str()).collect()).unwrap_or_default();
    // Each key computed once: a body may hold 100,000 seats.
    seats.sort_by_cached_key(|s| order.key(s, &members));
    Body { id: id.clone(), region, area, seats, derived }
}

/// Whether a period `[from, to]` (open where absent) holds `day`. Any period holds a day
/// that is not a date, and a period that ends before it starts holds every day: that is a
/// finding of its own (`invalid-period`), not a reason to drop the seat as well.
pub fn in_force_on(from: Option<&str>, to: Option<&str>, day: &str) -> bool {
    if !crate::rules::is_date(day) || matches!((from, to), (Some(f), Some(t)) if t < f) {
        return true;
    }
    from.is_none_or(|f| f <= day) && to.is_none_or(|t| day <= t)
}

/// Chair first, then by role, area and municipality — municipalities in the area's own
/// order. The positions of municipalities and clusters in the data, looked up once per data
/// set (once per body was a tenth of the first render of 10,000 seats).
pub(crate) struct SeatOrder<'a> {
    /// Municipality → its place in the data (first occurrence).
    municipality: crate::hash::HashMap<&'a str, usize>,
    area: crate::hash::HashMap<&'a str, usize>,
}

impl<'a> SeatOrder<'a> {
    pub(crate) fn new(data: &'a Dataset) -> Self {
        let mut municipality = crate::hash::HashMap::default();
        for (i, m) in data.municipalities.iter().enumerate() {
            municipality.entry(m.code.as_str()).or_insert(i);
        }
        let mut area = crate::hash::HashMap::default();
        for (i, c) in data.areas.iter().enumerate() {
            area.entry(c.id.as_str()).or_insert(i);
        }
        SeatOrder { municipality, area }
    }

    /// The sort key of a seat in a body whose area has the member municipalities
    /// `members` (in the area's order; other municipalities after them, in data order).
    fn key(&self, s: &BodySeat, members: &[&str]) -> (u8, u8, usize, usize) {
        let office = match s.office {
            Some(Office::Chair) => 0,
            Some(Office::CoChair) => 1,
            Some(Office::ViceChair) => 2,
            None => 3,
        };
        let municipality = s
            .municipality
            .as_deref()
            .and_then(|m| members.iter().position(|x| *x == m).or_else(|| self.municipality.get(m).map(|i| members.len() + i)))
            .unwrap_or(usize::MAX);
        let area = s.area.as_deref().and_then(|c| self.area.get(c).copied()).unwrap_or(usize::MAX);
        (office, s.role as u8, area, municipality)
    }
}

/// The population of a municipality that rules by population count: its count on the
/// profile's `population_date` (any date when the profile names none). `None` when the data
/// have no such count.
pub fn rule_population(data: &Dataset, code: &str, profile: &RuleProfile) -> Option<u32> {
    let p = data.municipality(code)?.population.as_ref()?;
    profile.population_date.as_deref().is_none_or(|d| d == p.date).then_some(p.value)
}

/// The seats a rule requires of one scope (a body, a municipality, an area): its `min`, or
/// what the municipality's population gives. `None` where the population is not known.
pub fn required_seats(data: &Dataset, rule: &Requirement, municipality: Option<&str>, profile: &RuleProfile) -> Option<u32> {
    if rule.by_population.is_empty() {
        return Some(rule.min);
    }
    let population = rule_population(data, municipality?, profile)?;
    PopulationStep::seats_for(&rule.by_population, population)
}

/// The seats a profile requires of a body, filled narrow groups first, relations last.
pub fn derive_seats(data: &Dataset, id: &BodyId, region: &str, profile: &RuleProfile) -> Vec<BodySeat> {
    let Some(kind) = profile.body_kind(&id.kind) else { return Vec::new() };
    let mut rules: Vec<&Requirement> = kind.rules.iter().collect();
    rules.sort_by_key(|r| (r.equals.is_some(), r.group.specificity()));
    let members: Vec<String> = match kind.owner {
        Owner::Region => Vec::new(),
        Owner::Area => data.area(&id.owner).map(|c| c.members.iter().map(|m| m.municipality.clone()).collect()).unwrap_or_default(),
    };
    let areas: Vec<String> = data.areas_of(region).map(|c| c.id.clone()).collect();
    let mut seats: Vec<BodySeat> = Vec::new();
    for rule in rules {
        let role = kind.derived_role(rule.group);
        if let Some(rel) = rule.equals {
            let want = count(&seats, rel.group, |_| true) as i64 + rel.plus as i64;
            let have = count(&seats, rule.group, |_| true) as i64;
            for _ in have..want.max(rule.min as i64) {
                seats.push(BodySeat::derived(role, None, None));
            }
            continue;
        }
        match rule.per {
            Scope::Body => {
                let have = count(&seats, rule.group, |_| true);
                for _ in have..required_seats(data, rule, None, profile).unwrap_or(0) as usize {
                    seats.push(BodySeat::derived(role, None, None));
                }
            }
            Scope::Municipality => {
                for m in &members {
                    let have = count(&seats, rule.group, |s| s.municipality.as_deref() == Some(m));
                    for _ in have..required_seats(data, rule, Some(m), profile).unwrap_or(0) as usize {
                        seats.push(BodySeat::derived(role, Some(m.clone()), None));
                    }
                }
            }
            Scope::Area => {
                for c in &areas {
                    let have = count(&seats, rule.group, |s| s.area.as_deref() == Some(c));
                    for _ in have..rule.min as usize {
                        seats.push(BodySeat::derived(role, None, Some(c.clone())));
                    }
                }
            }
        }
    }
    seats
}

fn count(seats: &[BodySeat], group: SeatGroup, scope: impl Fn(&BodySeat) -> bool) -> usize {
    seats.iter().filter(|s| group.includes(s.role) && scope(s)).count()
}
