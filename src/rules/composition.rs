//! Rules of composition: the supplied rule profiles, and each body's seats counted against
//! the profile in force.

use crate::hash::HashMap;

use crate::bodies::{self, BodySeat};
use crate::bodies::labels::{body_name, municipality_name};
use crate::finding::{Code, Severity};
use crate::model::profile::{RuleProfile, Scope};
use crate::model::text::Text;
use crate::model::{BodyId, BodyKind};

use super::*;

impl Validator<'_> {
    pub(super) fn profiles(&mut self) {
        let mut seen = HashMap::default();
        let profiles = &self.data.profiles;
        self.duplicates("profiles", profiles.iter().enumerate().map(|(i, p)| (i, p.id.as_str())), "id", &mut seen);
        for (i, p) in profiles.iter().enumerate() {
            if builtin_profiles().iter().any(|b| b.id == p.id) {
                let path = self.path("profiles", i, &["id"]);
                self.push(
                    Severity::Info,
                    Code::ProfileOverridesBuiltin,
                    path,
                    format!("Profilen \"{}\" erstatter den indbyggede profil med samme id.", p.id),
                    format!("The profile \"{}\" replaces the built-in profile with the same id.", p.id),
                );
            }
            for kind in BodyKind::ALL {
                for (j, rule) in p.rules(kind).iter().enumerate() {
                    let path = self.path("profiles", i, &[kind.suffix(), &j.to_string()]);
                    let scope_ok = match rule.per {
                        Scope::Body => true,
                        Scope::Cluster => kind == BodyKind::Ssu,
                        Scope::Municipality => kind != BodyKind::Ssu,
                    };
                    if !scope_ok {
                        self.push(
                            Severity::Error,
                            Code::InvalidProfile,
                            format!("{path}/per"),
                            "\"per\" passer ikke til organet; forventede \"cluster\" eller \"body\" i et SSU og \"municipality\" eller \"body\" i en klynge.".into(),
                            "\"per\" does not fit the body; expected \"cluster\" or \"body\" in an SSU and \"municipality\" or \"body\" in a cluster.".into(),
                        );
                    }
                    if rule.max.is_some_and(|max| max < rule.min) {
                        self.push(
                            Severity::Error,
                            Code::InvalidProfile,
                            format!("{path}/max"),
                            format!("max ({}) er mindre end min ({}); forventede max ≥ min.", rule.max.unwrap_or(0), rule.min),
                            format!("max ({}) is less than min ({}); expected max ≥ min.", rule.max.unwrap_or(0), rule.min),
                        );
                    }
                }
            }
        }
    }

    /// Each body whose seats the data list, against the profile.
    pub(super) fn composition(&mut self, profile: &RuleProfile) {
        let data = self.data;
        // The seats of each body text, grouped in one pass (bodies × seats was most of
        // checking 10,000 seats), each text parsed once, in the order they first appear.
        let mut texts: Vec<&str> = Vec::new();
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, s) in data.seats.iter().enumerate() {
            by_text
                .entry(s.body.as_str())
                .or_insert_with(|| {
                    texts.push(s.body.as_str());
                    Vec::new()
                })
                .push(i);
        }
        let mut bodies: Vec<BodyId> = Vec::new();
        for text in texts {
            if let Some(id) = BodyId::parse(text) {
                let owner_ok = match id.kind {
                    BodyKind::Ssu => data.region(&id.owner).is_some(),
                    _ => self.cluster(&id.owner).is_some(),
                };
                if owner_ok && !bodies.contains(&id) {
                    bodies.push(id);
                }
            }
        }
        let order = bodies::SeatOrder::new(data);
        for id in bodies {
            // As `Dataset::seats_of`: the seats whose body is the id's own text.
            let listed = by_text.get(id.to_string().as_str()).map(Vec::as_slice).unwrap_or_default();
            let body = bodies::body_of(data, &id, listed.iter().map(|&i| (i, &data.seats[i])), profile, &order);
            let name = body_name(data, &body);
            // Where a missing seat is reported: the region (SSU) or the cluster.
            let owner_path = match id.kind {
                BodyKind::Ssu => data.regions.iter().position(|r| r.id == id.owner).map(|i| self.path("regions", i, &[])),
                _ => data.clusters.iter().position(|c| c.id == id.owner).map(|i| self.path("clusters", i, &[])),
            }
            .unwrap_or_default();
            let cluster_index = data.clusters.iter().position(|c| c.id == id.owner);
            for rule in profile.rules(id.kind) {
                let group_name = group_name(rule.group);
                match rule.per {
                    Scope::Body => {
                        let matching: Vec<&BodySeat> = body.seats.iter().filter(|s| rule.group.includes(s.role)).collect();
                        self.check_count(&matching, rule.min, rule.max, owner_path.clone(), &name, &group_name, None);
                    }
                    Scope::Municipality => {
                        let Some(ci) = cluster_index else { continue };
                        // The rule's seats by municipality, grouped once (not once per member).
                        let mut by_municipality: HashMap<&str, Vec<&BodySeat>> = HashMap::default();
                        for s in body.seats.iter().filter(|s| rule.group.includes(s.role)) {
                            if let Some(m) = s.municipality.as_deref() {
                                by_municipality.entry(m).or_default().push(s);
                            }
                        }
                        for (j, member) in data.clusters[ci].members.iter().enumerate() {
                            let matching: Vec<&BodySeat> = by_municipality.get(member.municipality.as_str()).cloned().unwrap_or_default();
                            let path = self.path("clusters", ci, &["members", &j.to_string()]);
                            let who = municipality_name(data, &member.municipality);
                            self.check_count(&matching, rule.min, rule.max, path, &name, &group_name, Some(&who));
                        }
                    }
                    Scope::Cluster => {
                        for (ci, c) in data.clusters.iter().enumerate().filter(|(_, c)| c.region == id.owner) {
                            let matching: Vec<&BodySeat> =
                                body.seats.iter().filter(|s| rule.group.includes(s.role) && s.cluster.as_deref() == Some(c.id.as_str())).collect();
                            let path = self.path("clusters", ci, &[]);
                            let who = Text::new(c.name.clone(), c.name.clone());
                            self.check_count(&matching, rule.min, rule.max, path, &name, &group_name, Some(&who));
                        }
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_count(&mut self, matching: &[&BodySeat], min: u32, max: Option<u32>, missing_path: String, body: &Text, group: &Text, per: Option<&Text>) {
        let n = matching.len() as u32;
        let (per_da, per_en) = per.map(|p| (format!(" for {}", p.da), format!(" for {}", p.en))).unwrap_or_default();
        if n < min {
            self.push(
                Severity::Error,
                Code::CompositionTooFew,
                missing_path.clone(),
                format!("{}: {n} plads(er) for {}{per_da}; profilen kræver mindst {min}.", body.da, group.da),
                format!("{}: {n} seat(s) for {}{per_en}; the profile requires at least {min}.", body.en, group.en),
            );
        }
        if let Some(max) = max {
            if n > max {
                let excess = matching.get(max as usize).and_then(|s| s.seat_index);
                let path = excess.map(|i| self.path("seats", i, &[])).unwrap_or(missing_path);
                self.push(
                    Severity::Warning,
                    Code::CompositionTooMany,
                    path,
                    format!("{}: {n} pladser for {}{per_da}; profilen tillader højst {max}.", body.da, group.da),
                    format!("{}: {n} seats for {}{per_en}; the profile allows at most {max}.", body.en, group.en),
                );
            }
        }
    }
}

fn group_name(group: crate::model::profile::SeatGroup) -> Text {
    use crate::model::profile::SeatGroup::*;
    match group {
        RegionalCouncilChair => Text::new("regionsrådsformanden", "the regional council chair"),
        RegionalCouncil => Text::new("regionsrådsmedlemmer", "regional council members"),
        Regional => Text::new("regionale repræsentanter", "regional representatives"),
        Psychiatry => Text::new("psykiatrien", "psychiatry"),
        Mayor => Text::new("borgmesteren", "the mayor"),
        MunicipalPolitician => Text::new("borgmester eller fagborgmester", "mayor or deputy mayor"),
        Municipal => Text::new("kommunale repræsentanter", "municipal representatives"),
        GeneralPractice => Text::new("almen praksis", "general practice"),
        Patients => Text::new("patienter og pårørende", "patients and relatives"),
    }
}
