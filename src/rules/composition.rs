//! Rules of composition: the supplied rule profiles, and each body's seats counted against
//! the profile in force.

use crate::hash::HashMap;

use crate::bodies::{self, BodySeat};
use crate::bodies::labels::{body_name, municipality_name, office_name};
use crate::finding::{Code, Severity};
use crate::model::profile::{BodyKind, Owner, Requirement, RuleProfile, Scope, SeatGroup};
use crate::model::text::Text;
use crate::model::{BodyId, Office};

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
            if let Some(date) = &p.population_date {
                if let Some(f) = date_finding(self.path("profiles", i, &["population_date"]), date) {
                    self.out.push(f);
                }
            }
            let mut kinds: HashMap<&str, usize> = HashMap::default();
            for (k, kind) in p.bodies.iter().enumerate() {
                // A profile of format /1 names its rules by the body kind (`/political/0`).
                let base = if p.legacy { self.path("profiles", i, &[&kind.id]) } else { self.path("profiles", i, &["bodies", &k.to_string()]) };
                if let Some(first) = kinds.insert(kind.id.as_str(), k) {
                    self.push(
                        Severity::Error,
                        Code::InvalidProfile,
                        format!("{base}/id"),
                        format!("Organtypen \"{}\" findes allerede (bodies/{first}); forventede et entydigt id.", clip(&kind.id)),
                        format!("The body kind \"{}\" exists already (bodies/{first}); expected a unique id.", clip(&kind.id)),
                    );
                }
                if let Some(area_kind) = &kind.area_kind {
                    if !p.areas.iter().any(|a| &a.id == area_kind) {
                        self.push(
                            Severity::Error,
                            Code::InvalidProfile,
                            format!("{base}/area_kind"),
                            format!("Områdetypen \"{}\" findes ikke i profilens \"areas\".", clip(area_kind)),
                            format!("The area kind \"{}\" is not in the profile's \"areas\".", clip(area_kind)),
                        );
                    }
                }
                let rules_base = if p.legacy { base.clone() } else { format!("{base}/rules") };
                for (j, rule) in kind.rules.iter().enumerate() {
                    let path = format!("{rules_base}/{j}");
                    let scope_ok = match rule.per {
                        Scope::Body => true,
                        Scope::Area => kind.owner == Owner::Region,
                        Scope::Municipality => kind.owner == Owner::Area,
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
                    self.population_steps(rule, &path);
                    if let Some(rel) = rule.equals {
                        let known = kind.rules.iter().enumerate().any(|(x, r)| x != j && r.group == rel.group);
                        if !known || rel.group == rule.group {
                            let g = group_name(rel.group);
                            self.push(
                                Severity::Error,
                                Code::InvalidProfile,
                                format!("{path}/equals/group"),
                                format!("Relationen nævner {}, som organet ikke har nogen anden regel for; forventede en gruppe med sin egen regel.", g.da),
                                format!("The relation names {}, which the body has no other rule for; expected a group with a rule of its own.", g.en),
                            );
                        }
                    }
                }
            }
        }
    }

    /// Steps by population: only per municipality, `below` strictly rising, only the last open.
    fn population_steps(&mut self, rule: &Requirement, path: &str) {
        if rule.by_population.is_empty() {
            return;
        }
        if rule.per != Scope::Municipality {
            self.push(
                Severity::Error,
                Code::InvalidProfile,
                format!("{path}/by_population"),
                "Pladser efter indbyggertal gælder pr. kommune; forventede \"per\": \"municipality\".".into(),
                "Seats by population are counted per municipality; expected \"per\": \"municipality\".".into(),
            );
        }
        let steps = &rule.by_population;
        let mut last: Option<u32> = None;
        for (k, step) in steps.iter().enumerate() {
            let at = format!("{path}/by_population/{k}");
            match step.below {
                Some(b) if last.is_some_and(|l| b <= l) => self.push(
                    Severity::Error,
                    Code::InvalidProfile,
                    format!("{at}/below"),
                    format!("Grænsen {b} er ikke større end den forrige ({}); forventede stigende grænser.", last.unwrap_or(0)),
                    format!("The bound {b} is not above the one before ({}); expected rising bounds.", last.unwrap_or(0)),
                ),
                // The step itself: it has no `below` for a pointer to name.
                None if k + 1 < steps.len() => self.push(
                    Severity::Error,
                    Code::InvalidProfile,
                    at.clone(),
                    "Kun det sidste trin må være uden grænse (\"below\").".into(),
                    "Only the last step may have no bound (\"below\").".into(),
                ),
                _ => {}
            }
            last = step.below.or(last);
        }
        if steps.last().is_some_and(|s| s.below.is_some()) {
            self.push(
                Severity::Error,
                Code::InvalidProfile,
                format!("{path}/by_population/{}", steps.len() - 1),
                "Det sidste trin skal være uden grænse, så hver kommune får et antal pladser.".into(),
                "The last step must have no bound, so that every municipality gets a number of seats.".into(),
            );
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
                let owner_ok = match profile.body_kind(&id.kind).map(|k| k.owner) {
                    Some(Owner::Region) => data.region(&id.owner).is_some(),
                    Some(Owner::Area) => self.area(&id.owner).is_some(),
                    None => false,
                };
                if owner_ok && !bodies.contains(&id) {
                    bodies.push(id);
                }
            }
        }
        let order = bodies::SeatOrder::new(data);
        for id in bodies {
            let Some(kind) = profile.body_kind(&id.kind) else { continue };
            // As `Dataset::seats_of`: the seats whose body is the id's own text.
            let listed = by_text.get(id.to_string().as_str()).map(Vec::as_slice).unwrap_or_default();
            let body = bodies::body_of(data, &id, listed.iter().map(|&i| (i, &data.seats[i])), profile, &order);
            let name = body_name(data, profile, &body);
            // Where a missing seat is reported: the owning region or area.
            let owner_path = match kind.owner {
                Owner::Region => data.regions.iter().position(|r| r.id == id.owner).map(|i| self.path("regions", i, &[])),
                Owner::Area => data.areas.iter().position(|c| c.id == id.owner).map(|i| self.path("areas", i, &[])),
            }
            .unwrap_or_default();
            let area_index = data.areas.iter().position(|c| c.id == id.owner);
            for rule in &kind.rules {
                let group_name = group_name(rule.group);
                if let Some(rel) = rule.equals {
                    let have = body.seats.iter().filter(|s| rule.group.includes(s.role)).count() as i64;
                    let other = body.seats.iter().filter(|s| rel.group.includes(s.role)).count() as i64;
                    let want = other + rel.plus as i64;
                    if have != want {
                        let other_name = group_name_of(rel.group);
                        self.push(
                            Severity::Error,
                            Code::CompositionRelation,
                            owner_path.clone(),
                            format!("{}: {have} plads(er) for {}; profilen kræver {want} ({other} for {} {} {}).", name.da, group_name.da, other_name.da, if rel.plus < 0 { "minus" } else { "plus" }, rel.plus.abs()),
                            format!("{}: {have} seat(s) for {}; the profile requires {want} ({other} for {} {} {}).", name.en, group_name.en, other_name.en, if rel.plus < 0 { "minus" } else { "plus" }, rel.plus.abs()),
                        );
                    }
                    continue;
                }
                match rule.per {
                    Scope::Body => {
                        let matching: Vec<&BodySeat> = body.seats.iter().filter(|s| rule.group.includes(s.role)).collect();
                        self.check_count(&matching, rule.min, rule.max, owner_path.clone(), &name, &group_name, None);
                    }
                    Scope::Municipality => {
                        let Some(ci) = area_index else { continue };
                        // The rule's seats by municipality, grouped once (not once per member).
                        let mut by_municipality: HashMap<&str, Vec<&BodySeat>> = HashMap::default();
                        for s in body.seats.iter().filter(|s| rule.group.includes(s.role)) {
                            if let Some(m) = s.municipality.as_deref() {
                                by_municipality.entry(m).or_default().push(s);
                            }
                        }
                        for (j, member) in data.areas[ci].members.iter().enumerate() {
                            let matching: Vec<&BodySeat> = by_municipality.get(member.municipality.as_str()).cloned().unwrap_or_default();
                            let path = self.path("areas", ci, &["members", &j.to_string()]);
                            let who = municipality_name(data, &member.municipality);
                            if rule.by_population.is_empty() {
                                self.check_count(&matching, rule.min, rule.max, path, &name, &group_name, Some(&who));
                                continue;
                            }
                            match bodies::required_seats(data, rule, Some(&member.municipality), profile) {
                                Some(n) => self.check_count(&matching, n, Some(n), path, &name, &group_name, Some(&who)),
                                None => {
                                    let date = profile.population_date.as_deref().unwrap_or("?");
                                    self.push(
                                        Severity::Warning,
                                        Code::PopulationMissing,
                                        path,
                                        format!("{}: pladserne for {} kan ikke kontrolleres: data har ikke indbyggertallet pr. {date}, som profilen regner med.", name.da, who.da),
                                        format!("{}: the seats for {} cannot be checked: the data have no population on {date}, the date the profile counts.", name.en, who.en),
                                    );
                                }
                            }
                        }
                    }
                    Scope::Area => {
                        for (ci, c) in data.areas.iter().enumerate().filter(|(_, c)| c.region == id.owner) {
                            let matching: Vec<&BodySeat> =
                                body.seats.iter().filter(|s| rule.group.includes(s.role) && s.area.as_deref() == Some(c.id.as_str())).collect();
                            let path = self.path("areas", ci, &[]);
                            let who = Text::new(c.name.clone(), c.name.clone());
                            self.check_count(&matching, rule.min, rule.max, path, &name, &group_name, Some(&who));
                        }
                    }
                }
            }
            self.chairs(kind, &body, &name);
        }
    }

    /// The chair and vice-chair, where the profile says which group holds them.
    fn chairs(&mut self, kind: &BodyKind, body: &bodies::Body, name: &Text) {
        for (office, group) in [(Office::Chair, kind.chair), (Office::ViceChair, kind.vice_chair)] {
            let Some(group) = group else { continue };
            for s in body.seats.iter().filter(|s| s.office == Some(office)) {
                if group.includes(s.role) {
                    continue;
                }
                let Some(i) = s.seat_index else { continue };
                let path = self.path("seats", i, &["office"]);
                let (o, g) = (office_name(office), group_name_of(group));
                self.push(
                    Severity::Warning,
                    Code::ChairGroup,
                    path,
                    format!("{}: {} er ikke blandt {}, som profilen kræver.", name.da, o.da, g.da),
                    format!("{}: the {} is not one of the {}, as the profile requires.", name.en, o.en, g.en),
                );
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

/// The name of a group, as messages use it.
pub(super) fn group_name_of(group: SeatGroup) -> Text {
    group_name(group)
}

fn group_name(group: SeatGroup) -> Text {
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
