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

/// The three kinds of body the structure has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    /// Sundhedssamarbejdsudvalg, one per region.
    Ssu,
    /// A cluster's political level (politisk niveau).
    Political,
    /// A cluster's professional-strategic level (fagligt strategisk niveau).
    Professional,
}

impl BodyKind {
    pub const ALL: [BodyKind; 3] = [BodyKind::Ssu, BodyKind::Political, BodyKind::Professional];

    /// The suffix of the body id.
    pub fn suffix(self) -> &'static str {
        match self {
            BodyKind::Ssu => "ssu",
            BodyKind::Political => "political",
            BodyKind::Professional => "professional",
        }
    }
}

/// A parsed body id: `"<owner>/<kind>"`, where the owner is a region (SSU) or a cluster.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BodyId {
    pub owner: String,
    pub kind: BodyKind,
}

impl BodyId {
    pub fn parse(id: &str) -> Option<BodyId> {
        let (owner, suffix) = id.rsplit_once('/')?;
        let kind = BodyKind::ALL.into_iter().find(|k| k.suffix() == suffix)?;
        (!owner.is_empty()).then(|| BodyId { owner: owner.to_string(), kind })
    }
}

impl fmt::Display for BodyId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.owner, self.kind.suffix())
    }
}

