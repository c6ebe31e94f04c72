//! The governance model and its JSON format (`"format": "sundhedsklynger/2"`; documents of
//! format `/1` read into the same types).
//!
//! The format is flat and normalised: top-level arrays of regions, municipalities, areas
//! (health clusters, sundhedsråd, … owned by regions), persons and seats that refer to each
//! other by id. Bodies are not listed: the rule profile says which kinds of body each region
//! and each area has, so their ids are derived (`"<owner>/<kind>"`, see [`BodyId`]). A data
//! set, its regions, areas, memberships and seats may carry a period (`valid_from`,
//! `valid_to`). Field names are English; Danish proper names stay as values.
//!
//! Format `/1` is `/2` without the periods, ids and statuses of the data set, with
//! `clusters` for `areas` (every area a cluster) and a seat's `cluster` for its `area`.

#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use schemars::{json_schema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::indicator::{Indicator, IndicatorValue};
use super::profile::RuleProfile;
use super::roles::{BodyId, Office, Role, Status};
use super::standard::StandardPopulation;
use super::text::Text;

/// The format tag of the current format; data sets are written in it.
pub const FORMAT: &str = "sundhedsklynger/2";

/// The format tag of the first format, still read (see [`Version`]).
pub const FORMAT_V1: &str = "sundhedsklynger/1";

/// The versions of the format that are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Version {
    V1,
    #[default]
    V2,
}

impl Version {
    /// The version a format tag names.
    pub fn of(format: &str) -> Option<Version> {
        match format {
            FORMAT => Some(Version::V2),
            FORMAT_V1 => Some(Version::V1),
            _ => None,
        }
    }

    /// The name of the top-level array of areas in this version.
    pub fn areas_key(self) -> &'static str {
        match self {
            Version::V1 => "clusters",
            Version::V2 => "areas",
        }
    }
}

/// The area kind every area of a `/1` document has.
pub const CLUSTER: &str = "cluster";

fn cluster_kind() -> String {
    CLUSTER.to_string()
}

/// Data are always written in the current format.
fn write_format<S: Serializer>(_: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(FORMAT)
}

/// A complete data set: the structure of Danish health governance at one date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "sundhedsklynger data set", description = "How Danish health care is governed across region and municipality: regions, their areas (health clusters 2022-2026, sundhedsråd from 2027), the bodies' seats and who holds them, format sundhedsklynger/2."))]
pub struct Dataset {
    /// `"sundhedsklynger/2"` (`"sundhedsklynger/1"` documents are read too).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "sundhedsklynger/2")))]
    #[serde(serialize_with = "write_format")]
    pub format: String,
    /// A short id of the data set, e.g. `"sundhedsraad-2027"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Title of the data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// What the data set is and how it was compiled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The date the data describe, `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub as_of: String,
    /// The first day the structure is in force, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_from: Option<String>,
    /// The last day the structure is in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_to: Option<String>,
    /// From this day, before `valid_from`, the bodies met as preparatory bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub preparatory_from: Option<String>,
    /// How far the data set as a whole rests on primary sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// URLs of the sources of the data set as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Id of the rule profile to check the bodies against (built-in or in `profiles`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Rule profiles supplied with the data, in addition to the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<RuleProfile>,
    pub regions: Vec<Region>,
    pub municipalities: Vec<Municipality>,
    /// The areas of the regions: health clusters, sundhedsråd, … (`clusters` in format `/1`).
    #[serde(alias = "clusters")]
    pub areas: Vec<Area>,
    /// People who hold seats. One person may hold seats in several bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<Person>,
    /// Seats known from sources. Bodies without listed seats are shown with the seats
    /// their rule profile requires.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<Seat>,
    /// Standard populations for direct age standardisation, beside the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standard_populations: Vec<StandardPopulation>,
    /// Key-figure definitions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Key-figure counts per municipality, period and age band.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<IndicatorValue>,
}

/// One of the five regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Region {
    /// Nationally unique id, e.g. `"RH"`.
    pub id: String,
    /// Proper name, e.g. `"Region Hovedstaden"`.
    pub name: String,
    /// Official 4-digit regionskode, e.g. `"1084"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}$")))]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// First day in force, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_from: Option<String>,
    /// Last day in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_to: Option<String>,
}

/// A municipality (kommune), identified by its official kommunekode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Municipality {
    /// The official 3-digit kommunekode as a string, e.g. `"101"` for København.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{3}$")))]
    pub code: String,
    pub name: String,
    /// Id of the region the municipality lies in.
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
}

/// A population count with its reference date and source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Population {
    pub value: u32,
    /// Reference date, `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: String,
    /// URL of the source.
    pub source: String,
    /// How far the count rests on the primary source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// An area of a region with bodies of its own: a health cluster (sundhedsklynge) around one
/// or more acute hospitals, or a sundhedsråd's area. Its `kind` says which bodies it has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Area {
    /// Nationally unique id (names repeat across regions), e.g. `"RH-SYD"`.
    pub id: String,
    /// The kind of area, as the rule profile names it: `"cluster"` (the default), `"council"`, ….
    #[serde(default = "cluster_kind")]
    pub kind: String,
    /// Id of the region.
    pub region: String,
    pub name: String,
    /// Whether the name itself is confirmed by a source.
    #[serde(default = "confirmed", skip_serializing_if = "is_confirmed")]
    pub name_status: Status,
    pub acute_hospitals: Vec<String>,
    pub status: Status,
    /// URLs of the sources for the cluster and its members.
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub members: Vec<Membership>,
    /// Municipalities no source could place that may belong to this area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// First day in force, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_from: Option<String>,
    /// Last day in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_to: Option<String>,
}

fn confirmed() -> Status {
    Status::Confirmed
}

fn is_confirmed(s: &Status) -> bool {
    *s == Status::Confirmed
}

/// A municipality's membership of an area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Membership {
    /// Kommunekode of the member municipality.
    pub municipality: String,
    /// For a municipality split between clusters: its population share in this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// Defaults to the area's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// First day in force, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_from: Option<String>,
    /// Last day in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_to: Option<String>,
}

/// The share of a split municipality's population that belongs to one cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Share {
    /// A fraction in [0, 1].
    Fraction(f64),
    /// The municipality is split, but the share is not known.
    Unknown,
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Share::Fraction(f) => s.serialize_f64(*f),
            Share::Unknown => s.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ShareVisitor;
        impl de::Visitor<'_> for ShareVisitor {
            type Value = Share;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a share between 0 and 1 or \"unknown\"")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Share, E> {
                if (0.0..=1.0).contains(&v) {
                    Ok(Share::Fraction(v))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Share, E> {
                if v <= 1 {
                    Ok(Share::Fraction(v as f64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Unsigned(v), &self))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Share, E> {
                if (0..=1).contains(&v) {
                    Ok(Share::Fraction(v as f64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Signed(v), &self))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Share, E> {
                if v == "unknown" {
                    Ok(Share::Unknown)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
        }
        d.deserialize_any(ShareVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Share {
    fn schema_name() -> Cow<'static, str> {
        "Share".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Population share of a split municipality in this cluster, or \"unknown\".",
            "oneOf": [
                { "type": "number", "minimum": 0, "maximum": 1 },
                { "const": "unknown" }
            ]
        })
    }
}

/// A person who holds one or more seats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A seat: a role in one body, possibly held by a known person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Seat {
    pub id: String,
    /// Body id: `"<region id>/ssu"`, `"<cluster id>/political"` or `"<cluster id>/professional"`.
    pub body: String,
    pub role: Role,
    /// Kommunekode, for municipal roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Area id, for a seat that represents an area in a region's body (a cluster's municipal
    /// representative in the SSU); `cluster` in format `/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The `/1` name of `area`, as read; the reader moves it to `area` in a `/1` document and
    /// drops it in a `/2` one (where it is an unknown field, reported as ignored).
    #[serde(default, rename = "cluster", skip_serializing)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub cluster_v1: Option<String>,
    /// Id of the person who holds the seat, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// A title for role `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default = "confirmed", skip_serializing_if = "is_confirmed")]
    pub status: Status,
    /// Id of a person who holds the seat in the member's place (on leave).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute: Option<String>,
    /// First day in force, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_from: Option<String>,
    /// Last day in force, `YYYY-MM-DD`; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub valid_to: Option<String>,
}

impl Dataset {
    /// The standard population an id names: the data set's own first, then the built-in ones.
    pub fn standard_population(&self, id: &str) -> Option<&StandardPopulation> {
        self.standard_populations.iter().find(|s| s.id == id).or_else(|| super::standard::builtin_standards().iter().find(|s| s.id == id))
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn municipality(&self, code: &str) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.code == code)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|c| c.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.id == id)
    }

    /// The areas of a region, in data order.
    pub fn areas_of<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a Area> + 'a {
        self.areas.iter().filter(move |c| c.region == region)
    }

    /// The areas a municipality is a member of.
    pub fn areas_with_member<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Area> + 'a {
        self.areas.iter().filter(move |c| c.members.iter().any(|m| m.municipality == code))
    }

    /// The data set as format `/2` holds it: what writing it gives. Nothing is lost: a `/1`
    /// document's clusters are areas of kind `"cluster"`, a seat's cluster its area, a
    /// profile's `ssu` / `political` / `professional` rules the 2022 body kinds' rules.
    pub fn upgraded(&self) -> Dataset {
        let mut d = self.clone();
        d.format = FORMAT.to_string();
        for p in &mut d.profiles {
            p.legacy = false;
        }
        d
    }

    /// The day the data describe the structure on: `as_of`, moved into the data set's own
    /// period where it lies outside it (data compiled in December 2026 about the structure
    /// from 1 January 2027 describe that structure). Dates compare as `YYYY-MM-DD` text.
    pub fn reference_day(&self) -> &str {
        let day = self.as_of.as_str();
        match (self.valid_from.as_deref(), self.valid_to.as_deref()) {
            (Some(from), _) if day < from => from,
            (_, Some(to)) if day > to => to,
            _ => day,
        }
    }

    /// The version of the format the data set was read from.
    pub fn version(&self) -> Version {
        Version::of(&self.format).unwrap_or_default()
    }

    /// Seats listed in the data for a body.
    pub fn seats_of<'a>(&'a self, body: &'a BodyId) -> impl Iterator<Item = (usize, &'a Seat)> + 'a {
        let id = body.to_string();
        self.seats.iter().enumerate().filter(move |(_, s)| s.body == id)
    }
}

impl Membership {
    /// The fraction of the municipality's population that belongs to this area: its share,
    /// 1 where it is a member of this area only (`split` false), unknown for a split without
    /// a known share.
    pub fn fraction(&self, split: bool) -> Option<f64> {
        match self.share {
            Some(Share::Fraction(f)) => Some(f),
            Some(Share::Unknown) => None,
            None if split => None,
            None => Some(1.0),
        }
    }

    /// The membership's status, inherited from the area when not given.
    pub fn effective_status(&self, area: &Area) -> Status {
        self.status.unwrap_or(area.status)
    }
}
