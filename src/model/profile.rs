//! Rule profiles: the kinds of body a structure has and the composition rules each is
//! checked against, as data.
//!
//! Sources disagree on how the bodies are composed (the 2021 agreement, the 2022 law, each
//! region's practice, the 2025 law), so no body kind and no number lives in code: a profile
//! lists the kinds of area and of body, what owns each body (a region or an area), what the
//! body does (its tasks, with sources), how many seats of each group it needs (fixed, per
//! member municipality by its population, or relative to another group) and which group
//! holds its chair. Three profiles ship built in; a data set can bring its own in
//! `profiles`, also in the shape of format `/1` (`ssu`, `political`, `professional`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::roles::{Role, Status};
use super::text::Text;

/// A named set of body kinds and their composition rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "ProfileInput")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RuleProfile {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// URLs of the texts the rules come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// How far the rules rest on primary sources (law text): `secondary` where they are
    /// read off published rosters or secondary accounts.
    #[serde(default = "confirmed", skip_serializing_if = "is_confirmed")]
    pub status: Status,
    /// The reference date of the population that rules by population count (`YYYY-MM-DD`);
    /// any date when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub population_date: Option<String>,
    /// The kinds of area the structure has (a data set's areas name one by `kind`).
    #[serde(default)]
    pub areas: Vec<AreaKind>,
    /// The kinds of body, in the order the chart shows them.
    #[serde(default)]
    pub bodies: Vec<BodyKind>,
    /// True for a profile given in the shape of format `/1`: its rules are at
    /// `/ssu`, `/political`, `/professional`, and findings name them there.
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub legacy: bool,
}

/// A kind of area: `"cluster"`, `"council"`, ….
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct AreaKind {
    pub id: String,
    /// The name of one such area, e.g. "Sundhedsklynge" / "Health cluster".
    pub name: Text,
    /// The words messages use for such areas; "område" / "area" when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<AreaWords>,
}

/// The words messages use for areas of a kind, e.g. for clusters: "klynge", "klynger",
/// "klyngen", "klyngerne", "en klynge", "én klynge", "nogen sundhedsklynge", "sundhedsklynger".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct AreaWords {
    pub short: Text,
    pub short_plural: Text,
    pub definite: Text,
    pub definite_plural: Text,
    pub indefinite: Text,
    pub one: Text,
    pub any: Text,
    pub plural: Text,
}

impl Default for AreaWords {
    fn default() -> Self {
        AreaWords {
            short: Text::new("område", "area"),
            short_plural: Text::new("områder", "areas"),
            definite: Text::new("området", "the area"),
            definite_plural: Text::new("områderne", "area"),
            indefinite: Text::new("et område", "an area"),
            one: Text::new("ét område", "one area"),
            any: Text::new("noget område", "any area"),
            plural: Text::new("områder", "areas"),
        }
    }
}

/// A kind of body: what owns it, what it does and how it is composed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct BodyKind {
    /// The last part of the body's id, `"<owner id>/<kind id>"`: e.g. `"ssu"`, `"council"`.
    pub id: String,
    pub name: Text,
    pub owner: Owner,
    /// For a body owned by an area: the kind of area (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_kind: Option<String>,
    /// How many bodies of this kind each owner has: 1, or 0 where only some owners have one
    /// (those the data list seats for).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = 1)))]
    pub per_owner: u32,
    /// What the body does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub rules: Vec<Requirement>,
    /// The group the chair must belong to, where a rule says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<SeatGroup>,
    /// The group the vice-chair must belong to, where a rule says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vice_chair: Option<SeatGroup>,
    /// The role a seat derived from a group's rule gets in this body, where it is not the
    /// group's usual one (a cluster's professional level has municipal representatives,
    /// not mayors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived_roles: Vec<DerivedRole>,
}

/// One of a body's tasks, with where it is written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Task {
    pub text: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// What owns a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    Region,
    Area,
}

/// "Seats derived from `group`'s rule get `role`."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct DerivedRole {
    pub group: SeatGroup,
    pub role: Role,
}

/// "A body needs between `min` and `max` seats of `group`, counted `per` …", or as many
/// as the member municipality's population gives (`by_population`), or as many as another
/// group has, plus a number (`equals`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Requirement {
    pub group: SeatGroup,
    #[serde(default)]
    pub per: Scope,
    #[serde(default)]
    pub min: u32,
    /// No upper bound when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Seats per member municipality by its population (with `per: "municipality"`): the
    /// first step whose `below` the population is under gives the number; the last step
    /// has no `below`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_population: Vec<PopulationStep>,
    /// The group's seats equal another group's seats in the same body, plus `plus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Relation>,
}

/// "Below `below` inhabitants, `seats` seats."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct PopulationStep {
    /// Exclusive upper bound; absent on the last step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<u32>,
    pub seats: u32,
}

/// "As many seats as `group` has, plus `plus`."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Relation {
    pub group: SeatGroup,
    #[serde(default)]
    pub plus: i32,
}

/// What a requirement is counted over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The whole body.
    #[default]
    Body,
    /// Each member municipality of the body's area (bodies owned by an area).
    Municipality,
    /// Each area of the body's region (bodies owned by a region); `"cluster"` in format `/1`.
    #[serde(rename = "cluster", alias = "area")]
    Area,
}

/// A group of roles that a requirement counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SeatGroup {
    /// The regionsrådsformand.
    RegionalCouncilChair,
    /// Members of the regional council, the chair included.
    RegionalCouncil,
    /// Any regional seat: council members and regional representatives, psychiatry included.
    Regional,
    /// Regional psychiatry.
    Psychiatry,
    /// Mayors only.
    Mayor,
    /// Mayors and deputy mayors (borgmestre/fagborgmestre).
    MunicipalPolitician,
    /// Any municipal seat.
    Municipal,
    /// General practice (almen praksis, PLO).
    GeneralPractice,
    /// Patient and relative representatives.
    Patients,
}

impl SeatGroup {
    /// Whether a seat with `role` counts for this group.
    pub fn includes(self, role: Role) -> bool {
        use Role::*;
        match self {
            SeatGroup::RegionalCouncilChair => role == RegionalCouncilChair,
            SeatGroup::RegionalCouncil => matches!(role, RegionalCouncilChair | RegionalCouncilMember),
            SeatGroup::Regional => matches!(
                role,
                RegionalCouncilChair | RegionalCouncilMember | RegionalRepresentative | PsychiatryRepresentative
            ),
            SeatGroup::Psychiatry => role == PsychiatryRepresentative,
            SeatGroup::Mayor => role == Mayor,
            SeatGroup::MunicipalPolitician => matches!(role, Mayor | DeputyMayor),
            SeatGroup::Municipal => matches!(role, Mayor | DeputyMayor | MunicipalRepresentative),
            SeatGroup::GeneralPractice => role == GeneralPracticeRepresentative,
            SeatGroup::Patients => role == PatientRepresentative,
        }
    }

    /// The role a seat derived from this group's requirement usually gets.
    pub fn derived_role(self) -> Role {
        match self {
            SeatGroup::RegionalCouncilChair => Role::RegionalCouncilChair,
            SeatGroup::RegionalCouncil | SeatGroup::Regional => Role::RegionalCouncilMember,
            SeatGroup::Psychiatry => Role::PsychiatryRepresentative,
            SeatGroup::Mayor | SeatGroup::MunicipalPolitician | SeatGroup::Municipal => Role::Mayor,
            SeatGroup::GeneralPractice => Role::GeneralPracticeRepresentative,
            SeatGroup::Patients => Role::PatientRepresentative,
        }
    }

    /// Narrow groups are filled before the wide groups that contain them, so that
    /// "3 regional, one of them from psychiatry" derives 1 psychiatry + 2 regional seats.
    pub fn specificity(self) -> u8 {
        match self {
            SeatGroup::RegionalCouncilChair | SeatGroup::Psychiatry | SeatGroup::Mayor => 0,
            SeatGroup::RegionalCouncil | SeatGroup::MunicipalPolitician => 1,
            SeatGroup::Regional | SeatGroup::Municipal => 2,
            SeatGroup::GeneralPractice | SeatGroup::Patients => 0,
        }
    }
}

impl PopulationStep {
    /// The seats a population gives under `steps` (ascending `below`, the last open).
    pub fn seats_for(steps: &[PopulationStep], population: u32) -> Option<u32> {
        steps.iter().find(|s| s.below.is_none_or(|b| population < b)).map(|s| s.seats)
    }
}

impl BodyKind {
    /// The role a seat derived from `group`'s rule gets in this body.
    pub fn derived_role(&self, group: SeatGroup) -> Role {
        self.derived_roles.iter().find(|d| d.group == group).map(|d| d.role).unwrap_or_else(|| group.derived_role())
    }

    /// Whether this kind of body belongs to an area of kind `area_kind`.
    pub fn fits_area(&self, area_kind: &str) -> bool {
        self.owner == Owner::Area && self.area_kind.as_deref().is_none_or(|k| k == area_kind)
    }
}

impl RuleProfile {
    /// The kind of body with this id.
    pub fn body_kind(&self, id: &str) -> Option<&BodyKind> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The rules of a kind of body (none for a kind the profile does not have).
    pub fn rules(&self, kind: &str) -> &[Requirement] {
        self.body_kind(kind).map(|b| b.rules.as_slice()).unwrap_or_default()
    }

    /// The kinds of body each region has.
    pub fn region_bodies(&self) -> impl Iterator<Item = &BodyKind> {
        self.bodies.iter().filter(|b| b.owner == Owner::Region)
    }

    /// The kinds of body an area of kind `area_kind` has.
    pub fn area_bodies<'a>(&'a self, area_kind: &'a str) -> impl Iterator<Item = &'a BodyKind> + 'a {
        self.bodies.iter().filter(move |b| b.fits_area(area_kind))
    }

    /// The name of a kind of area (its id where the profile does not name it).
    pub fn area_kind_name(&self, kind: &str) -> Text {
        self.areas.iter().find(|a| a.id == kind).map(|a| a.name.clone()).unwrap_or_else(|| Text::new(kind, kind))
    }

    /// The words for an area of kind `kind` in messages.
    pub fn area_words(&self, kind: &str) -> AreaWords {
        self.areas.iter().find(|a| a.id == kind).and_then(|a| a.words.clone()).unwrap_or_default()
    }

    /// The words for the profile's first kind of area (for messages about areas of no
    /// particular kind).
    pub fn first_area_words(&self) -> AreaWords {
        self.areas.first().and_then(|a| a.words.clone()).unwrap_or_default()
    }

    /// The name of a kind of body (its id where the profile does not have it).
    pub fn body_kind_name(&self, kind: &str) -> Text {
        self.body_kind(kind).map(|b| b.name.clone()).unwrap_or_else(|| Text::new(kind, kind))
    }
}

fn confirmed() -> Status {
    Status::Confirmed
}

fn is_confirmed(s: &Status) -> bool {
    *s == Status::Confirmed
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A profile as written: the current shape (`areas`, `bodies`) or the shape of format `/1`
/// (`ssu`, `political`, `professional`), whose body kinds are those of the 2022 structure.
/// The schema of profiles is this one's, without the `/1` fields.
#[derive(Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields, rename = "RuleProfile"))]
struct ProfileInput {
    id: String,
    name: Text,
    description: Text,
    /// URLs of the texts the rules come from.
    #[serde(default)]
    sources: Vec<String>,
    /// How far the rules rest on primary sources (law text): `secondary` where they are
    /// read off published rosters or secondary accounts.
    #[serde(default = "confirmed")]
    status: Status,
    /// The reference date of the population that rules by population count (`YYYY-MM-DD`);
    /// any date when absent.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    population_date: Option<String>,
    /// The kinds of area the structure has (a data set's areas name one by `kind`).
    #[serde(default)]
    areas: Vec<AreaKind>,
    /// The kinds of body, in the order the chart shows them.
    #[serde(default)]
    bodies: Vec<BodyKind>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    ssu: Option<Vec<Requirement>>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    political: Option<Vec<Requirement>>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    professional: Option<Vec<Requirement>>,
}

impl From<ProfileInput> for RuleProfile {
    fn from(p: ProfileInput) -> Self {
        let legacy = p.bodies.is_empty() && (p.ssu.is_some() || p.political.is_some() || p.professional.is_some());
        let (areas, bodies) = if legacy {
            // The kinds of the 2022 structure, with this profile's rules.
            let base = structure_2022();
            let mut rules = [p.ssu, p.political, p.professional].into_iter();
            let bodies = base
                .bodies
                .iter()
                .map(|kind| BodyKind { rules: rules.next().flatten().unwrap_or_default(), ..kind.clone() })
                .collect();
            (base.areas.clone(), bodies)
        } else {
            (p.areas, p.bodies)
        };
        RuleProfile {
            id: p.id,
            name: p.name,
            description: p.description,
            sources: p.sources,
            status: p.status,
            population_date: p.population_date,
            areas,
            bodies,
            legacy,
        }
    }
}

/// Id of the profile used when a data set names none.
pub const DEFAULT_PROFILE: &str = "sundhedsloven-2022";

/// The built-in profile whose body kinds a profile of format `/1` has.
const STRUCTURE_2022_JSON: &str = include_str!("../../www/data/profiles/sundhedsloven-2022.json");

/// The kinds of the 2022 structure (SSU, political level, professional level, in that order).
fn structure_2022() -> &'static RuleProfile {
    static PROFILE: OnceLock<RuleProfile> = OnceLock::new();
    // The built-in file is checked by the tests; a broken one is a build defect.
    PROFILE.get_or_init(|| serde_json::from_str(STRUCTURE_2022_JSON).expect("built-in rule profile is valid"))
}

const BUILTIN_JSON: [&str; 3] = [
    include_str!("../../www/data/profiles/aftale-2021.json"),
    STRUCTURE_2022_JSON,
    include_str!("../../www/data/profiles/regionsloven-2025.json"),
];

/// The profiles that ship with the widget.
pub fn builtin_profiles() -> &'static [RuleProfile] {
    static PROFILES: OnceLock<Vec<RuleProfile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        BUILTIN_JSON
            .iter()
            // The built-in files are checked by the tests; a broken one is a build defect.
            .map(|json| serde_json::from_str(json).expect("built-in rule profile is valid"))
            .collect()
    })
}
