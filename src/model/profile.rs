//! Rule profiles: the composition rules a body is checked against, as data.
//!
//! Sources disagree on how the bodies are composed (the 2021 agreement, the 2022 law,
//! each region's practice), so no number lives in code: a profile lists, per kind of
//! body, how many seats of each group it needs. Two profiles ship built in; a data set
//! can bring its own in `profiles`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::roles::{BodyKind, Role};
use super::text::Text;

/// A named set of composition rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct RuleProfile {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// URLs of the texts the rules come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Rules for each region's sundhedssamarbejdsudvalg.
    pub ssu: Vec<Requirement>,
    /// Rules for a cluster's political level.
    pub political: Vec<Requirement>,
    /// Rules for a cluster's professional-strategic level.
    pub professional: Vec<Requirement>,
}

/// "A body needs between `min` and `max` seats of `group`, counted `per` …".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Requirement {
    pub group: SeatGroup,
    #[serde(default)]
    pub per: Scope,
    pub min: u32,
    /// No upper bound when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// What a requirement is counted over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The whole body.
    #[default]
    Body,
    /// Each member municipality of the cluster (cluster levels only).
    Municipality,
    /// Each cluster of the region (SSU only).
    Cluster,
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

    /// The role a seat gets when it is derived from this group's requirement.
    pub fn derived_role(self, kind: BodyKind) -> Role {
        match self {
            SeatGroup::RegionalCouncilChair => Role::RegionalCouncilChair,
            SeatGroup::RegionalCouncil => Role::RegionalCouncilMember,
            SeatGroup::Regional if kind == BodyKind::Professional => Role::RegionalRepresentative,
            SeatGroup::Regional => Role::RegionalCouncilMember,
            SeatGroup::Psychiatry => Role::PsychiatryRepresentative,
            SeatGroup::Mayor | SeatGroup::MunicipalPolitician => Role::Mayor,
            SeatGroup::Municipal if kind == BodyKind::Professional => Role::MunicipalRepresentative,
            SeatGroup::Municipal => Role::Mayor,
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

impl RuleProfile {
    pub fn rules(&self, kind: BodyKind) -> &[Requirement] {
        match kind {
            BodyKind::Ssu => &self.ssu,
            BodyKind::Political => &self.political,
            BodyKind::Professional => &self.professional,
        }
    }
}

/// Id of the profile used when a data set names none.
pub const DEFAULT_PROFILE: &str = "sundhedsloven-2022";

const BUILTIN_JSON: [&str; 2] = [
    include_str!("../../www/data/profiles/aftale-2021.json"),
    include_str!("../../www/data/profiles/sundhedsloven-2022.json"),
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
