//! What a seat is and how sure we are of it: roles, sectors, offices, statuses, and the
//! body ids seats refer to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How far a piece of data has been checked against a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A region or hospital page lists it.
    Confirmed,
    /// A catchment area or secondary page supports it.
    Partial,
    /// Only a secondary source (news, a journalist's data set) gives it.
    Secondary,
    /// No source found: shown only marked as unverified.
    Unverified,
}

/// The role a seat gives in its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Regionsrådsformand.
    RegionalCouncilChair,
    /// Regionsrådsmedlem.
    RegionalCouncilMember,
    /// Regional participant on the professional level (hospital or administration).
    RegionalRepresentative,
    /// Representative of regional psychiatry.
    PsychiatryRepresentative,
    /// Borgmester.
    Mayor,
    /// Fagborgmester / viceborgmester.
    DeputyMayor,
    /// Municipal participant on the professional level (e.g. a director).
    MunicipalRepresentative,
    /// Almen praksis (PLO).
    GeneralPracticeRepresentative,
    /// Patient- og pårørenderepræsentant.
    PatientRepresentative,
    /// Anything else; give a `title`.
    Other,
}

/// The sector a role belongs to, for colour and counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Region,
    Municipality,
    GeneralPractice,
    Patients,
    Other,
}

impl Role {
    pub fn sector(self) -> Sector {
        match self {
            Role::RegionalCouncilChair
            | Role::RegionalCouncilMember
            | Role::RegionalRepresentative
            | Role::PsychiatryRepresentative => Sector::Region,
            Role::Mayor | Role::DeputyMayor | Role::MunicipalRepresentative => Sector::Municipality,
            Role::GeneralPracticeRepresentative => Sector::GeneralPractice,
            Role::PatientRepresentative => Sector::Patients,
            Role::Other => Sector::Other,
        }
    }

    /// Roles whose seat is tied to one municipality.
    pub fn is_municipal(self) -> bool {
        self.sector() == Sector::Municipality
    }
}

/// A chairing office held with a seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Office {
    Chair,
    ViceChair,
    CoChair,
}

/// A parsed body id: `"<owner>/<kind>"`, where the owner is a region or an area and the kind
/// is the id of a kind of body in the rule profile (`"ssu"`, `"political"`, `"council"`, …).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BodyId {
    pub owner: String,
    pub kind: String,
}

impl BodyId {
    /// Splits an id at its last `/`; `None` when either part is empty. Whether the kind
    /// exists is the profile's to say.
    pub fn parse(id: &str) -> Option<BodyId> {
        let (owner, kind) = id.rsplit_once('/')?;
        (!owner.is_empty() && !kind.is_empty()).then(|| BodyId { owner: owner.to_string(), kind: kind.to_string() })
    }
}

impl fmt::Display for BodyId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.owner, self.kind)
    }
}

