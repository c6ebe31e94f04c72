//! Bodies and their seats: the seats listed in the data, or, for a body the data
//! lists no seats for, the seats its rule profile requires — so every body shows its
//! full composition, by role where no person is known.

pub mod labels;

use crate::model::{BodyId, BodyKind, Dataset, Office, Role, Seat, Sector, Status};
use crate::model::profile::{RuleProfile, Scope, SeatGroup};
use crate::model::text::Text;

/// A body with its seats.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub id: BodyId,
    /// Region id (the SSU's own, or the cluster's).
    pub region: String,
    /// Cluster id, for the two cluster levels.
    pub cluster: Option<String>,
    pub seats: Vec<BodySeat>,
    /// True when the seats come from the rule profile, not from the data.
    pub derived: bool,
}

/// A seat as shown: from the data (`seat_index`) or derived from the profile.
#[derive(Clone, Debug, PartialEq)]
pub struct BodySeat {
    pub role: Role,
    pub municipality: Option<String>,
    pub cluster: Option<String>,
    pub person: Option<String>,
    pub office: Option<Office>,
    pub title: Option<Text>,
    /// Index into `Dataset::seats`; `None` for a seat derived from the profile.
    pub seat_index: Option<usize>,
    pub status: Status,
    pub sources: Vec<String>,
}

impl BodySeat {
    fn derived(role: Role, municipality: Option<String>, cluster: Option<String>) -> BodySeat {
        BodySeat {
            role,
            municipality,
            cluster,
            person: None,
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

/// A region's bodies: its SSU and each cluster's two levels.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionBodies {
    pub region: String,
    pub ssu: Body,
    /// (cluster id, political level, professional level), in data order.
    pub clusters: Vec<ClusterBodies>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClusterBodies {
    pub cluster: String,
    pub political: Body,
    pub professional: Body,
}

pub fn region_bodies(data: &Dataset, region: &str, profile: &RuleProfile) -> RegionBodies {
    // The seats of each body, found in one pass: a region may list 100,000 seats.
    let mut by_body: crate::hash::HashMap<&str, Vec<usize>> = crate::hash::HashMap::default();
    for (i, s) in data.seats.iter().enumerate() {
        by_body.entry(s.body.as_str()).or_default().push(i);
    }
    let order = SeatOrder::new(data);
    let with_seats = |id: BodyId| {
        let listed = by_body.get(id.to_string().as_str()).map(Vec::as_slice).unwrap_or_default();
        body_of(data, &id, listed.iter().map(|&i| (i, &data.seats[i])), profile, &order)
    };
    let ssu = with_seats(BodyId { owner: region.to_string(), kind: BodyKind::Ssu });
    let clusters = data
        .clusters_of(region)
        .map(|c| ClusterBodies {
            cluster: c.id.clone(),
            political: with_seats(BodyId { owner: c.id.clone(), kind: BodyKind::Political }),
            professional: with_seats(BodyId { owner: c.id.clone(), kind: BodyKind::Professional }),
        })
        .collect();
    RegionBodies { region: region.to_string(), ssu, clusters }
}

/// One body with its seats, sorted chair first, then by sector and municipality.
pub fn body(data: &Dataset, id: &BodyId, profile: &RuleProfile) -> Body {
    body_of(data, id, data.seats_of(id), profile, &SeatOrder::new(data))
}

/// One body from the seats the data list for it (`(index in data.seats, seat)`).
/// `order` is made once per data set and shared by its bodies.
pub(crate) fn body_of<'d>(data: &'d Dataset, id: &BodyId, listed: impl Iterator<Item = (usize, &'d Seat)>, profile: &RuleProfile, order: &SeatOrder) -> Body {
    let (region, cluster) = match id.kind {
        BodyKind::Ssu => (id.owner.clone(), None),
        _ => (
            data.cluster(&id.owner).map(|c| c.region.clone()).unwrap_or_default(),
            Some(id.owner.clone()),
        ),
    };
    let listed: Vec<BodySeat> = listed
        .map(|(i, s)| BodySeat {
            role: s.role,
            municipality: s.municipality.clone(),
            cluster: s.cluster.clone(),
            person: s.person.clone(),
            office: s.office,
            title: s.title.clone(),
            seat_index: Some(i),
            status: s.status,
            sources: s.sources.clone(),
        })
        .collect();
    let derived = listed.is_empty();
    let mut seats = if derived { derive_seats(data, id, &region, profile) } else { listed };
    let members: Vec<&str> = cluster.as_deref().and_then(|c| data.cluster(c)).map(|c| c.members.iter().map(|m| m.municipality.as_str()).collect()).unwrap_or_default();
    // Each key computed once: a body may hold 100,000 seats.
    seats.sort_by_cached_key(|s| order.key(s, &members));
    Body { id: id.clone(), region, cluster, seats, derived }
}

/// Chair first, then by role, cluster and municipality — municipalities in the cluster's own
/// order. The positions of municipalities and clusters in the data, looked up once per data
/// set (once per body was a tenth of the first render of 10,000 seats).
pub(crate) struct SeatOrder<'a> {
    /// Municipality → its place in the data (first occurrence).
    municipality: crate::hash::HashMap<&'a str, usize>,
    cluster: crate::hash::HashMap<&'a str, usize>,
}

impl<'a> SeatOrder<'a> {
    pub(crate) fn new(data: &'a Dataset) -> Self {
        let mut municipality = crate::hash::HashMap::default();
        for (i, m) in data.municipalities.iter().enumerate() {
            municipality.entry(m.code.as_str()).or_insert(i);
        }
        let mut cluster = crate::hash::HashMap::default();
        for (i, c) in data.clusters.iter().enumerate() {
            cluster.entry(c.id.as_str()).or_insert(i);
        }
        SeatOrder { municipality, cluster }
    }

    /// The sort key of a seat in a body whose cluster has the member municipalities
    /// `members` (in the cluster's order; other municipalities after them, in data order).
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
        let cluster = s.cluster.as_deref().and_then(|c| self.cluster.get(c).copied()).unwrap_or(usize::MAX);
        (office, s.role as u8, cluster, municipality)
    }
}

/// The seats a profile requires of a body, filled narrow groups first.
pub fn derive_seats(data: &Dataset, id: &BodyId, region: &str, profile: &RuleProfile) -> Vec<BodySeat> {
    let mut rules: Vec<_> = profile.rules(id.kind).iter().collect();
    rules.sort_by_key(|r| r.group.specificity());
    let members: Vec<String> = match id.kind {
        BodyKind::Ssu => Vec::new(),
        _ => data.cluster(&id.owner).map(|c| c.members.iter().map(|m| m.municipality.clone()).collect()).unwrap_or_default(),
    };
    let clusters: Vec<String> = data.clusters_of(region).map(|c| c.id.clone()).collect();
    let mut seats: Vec<BodySeat> = Vec::new();
    for rule in rules {
        let role = rule.group.derived_role(id.kind);
        match rule.per {
            Scope::Body => {
                let have = count(&seats, rule.group, |_| true);
                for _ in have..rule.min as usize {
                    seats.push(BodySeat::derived(role, None, None));
                }
            }
            Scope::Municipality => {
                for m in &members {
                    let have = count(&seats, rule.group, |s| s.municipality.as_deref() == Some(m));
                    for _ in have..rule.min as usize {
                        seats.push(BodySeat::derived(role, Some(m.clone()), None));
                    }
                }
            }
            Scope::Cluster => {
                for c in &clusters {
                    let have = count(&seats, rule.group, |s| s.cluster.as_deref() == Some(c));
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
