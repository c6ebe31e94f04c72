//! Rules of seats and persons: references, roles that need a municipality, one person's
//! seats across bodies.

use crate::hash::{HashMap, HashSet};

use crate::bodies::labels::municipality_name;
use crate::finding::{Code, Severity};
use crate::model::profile::{Owner, RuleProfile};
use crate::model::text::Text;
use crate::model::{BodyId, Role, Status};
use crate::read::clip;

use super::*;

impl Validator<'_> {
    pub(super) fn persons(&mut self) {
        let mut seen = HashMap::with_capacity_and_hasher(self.data.persons.len(), Default::default());
        let data = self.data;
        self.duplicates("persons", data.persons.iter().enumerate().map(|(i, p)| (i, p.id.as_str())), "id", &mut seen);
        for (i, p) in data.persons.iter().enumerate() {
            self.empty_name("persons", i, &p.name);
            self.sources("persons", i, "sources", &p.sources);
        }
    }

    pub(super) fn seats(&mut self, profile: &RuleProfile) {
        // The seat's area field as the input names it.
        let area_field = if self.origins.areas_key.0 == "clusters" { "cluster" } else { "area" };
        let mut seen = HashMap::with_capacity_and_hasher(self.data.seats.len(), Default::default());
        let data = self.data;
        self.duplicates("seats", data.seats.iter().enumerate().map(|(i, s)| (i, s.id.as_str())), "id", &mut seen);
        let persons: HashSet<&str> = data.persons.iter().map(|p| p.id.as_str()).collect();
        for (i, s) in data.seats.iter().enumerate() {
            self.sources("seats", i, "sources", &s.sources);
            if let Some(p) = &s.person {
                if !persons.contains(p.as_str()) {
                    self.unknown_ref(self.path("seats", i, &["person"]), "personen", "the person", p);
                }
            }
            if let Some(code) = &s.municipality {
                if self.municipality(code).is_none() {
                    self.unknown_ref(self.path("seats", i, &["municipality"]), "kommunen", "the municipality", code);
                }
            }
            if let Some(c) = &s.area {
                if self.area(c).is_none() {
                    let words = profile.first_area_words();
                    self.unknown_ref(self.path("seats", i, &[area_field]), &words.definite.da, &words.definite.en, c);
                }
            }
            if let Some(p) = &s.substitute {
                if !persons.contains(p.as_str()) {
                    self.unknown_ref(self.path("seats", i, &["substitute"]), "personen", "the person", p);
                }
            }
            self.period("seats", i, s.valid_from.as_deref(), s.valid_to.as_deref());
            if s.status == Status::Unverified {
                let path = self.path("seats", i, &[]);
                self.push(
                    Severity::Info,
                    Code::UnverifiedSeat,
                    path,
                    "Pladsen er ikke bekræftet af en kilde.".into(),
                    "The seat is not confirmed by a source.".into(),
                );
            }
            let parsed = BodyId::parse(&s.body).and_then(|b| profile.body_kind(&b.kind).map(|k| (b, k)));
            let Some((body, kind)) = parsed else {
                let path = self.path("seats", i, &["body"]);
                let forms = body_forms(profile);
                self.push(
                    Severity::Error,
                    Code::InvalidSeat,
                    path,
                    format!("Organet \"{}\" er ugyldigt; forventede {}.", clip(&s.body), forms.da),
                    format!("The body \"{}\" is invalid; expected {}.", clip(&s.body), forms.en),
                );
                continue;
            };
            match kind.owner {
                Owner::Region => {
                    if data.region(&body.owner).is_none() {
                        self.unknown_ref(self.path("seats", i, &["body"]), "regionen", "the region", &body.owner);
                        continue;
                    }
                    if let Some(area) = s.area.as_deref().and_then(|c| self.area(c)) {
                        if area.region != body.owner {
                            let path = self.path("seats", i, &[area_field]);
                            let name = profile.body_kind_name(&kind.id);
                            self.push(
                                Severity::Error,
                                Code::InvalidSeat,
                                path,
                                format!("{} hører ikke til den region, {} dækker.", clip(&area.name), name.da),
                                format!("{} does not belong to the region the {} covers.", clip(&area.name), name.en),
                            );
                        }
                    }
                }
                Owner::Area => {
                    let Some(area) = self.area(&body.owner) else {
                        let words = kind.area_kind.as_deref().map(|k| profile.area_words(k)).unwrap_or_else(|| profile.area_words(""));
                        self.unknown_ref(self.path("seats", i, &["body"]), &words.definite.da, &words.definite.en, &body.owner);
                        continue;
                    };
                    // A kind of body areas of this kind do not have: the seat would not be shown.
                    // (An area kind the profile does not know is reported at the area.)
                    if !kind.fits_area(&area.kind) && profile.areas.iter().any(|a| a.id == area.kind) {
                        let path = self.path("seats", i, &["body"]);
                        let (area_kind, name) = (profile.area_kind_name(&area.kind), profile.body_kind_name(&kind.id));
                        self.push(
                            Severity::Error,
                            Code::InvalidSeat,
                            path,
                            format!("{} er et område af typen {}, som ikke har organet {}; forventede et organ, som den type område har.", clip(&area.name), area_kind.da, name.da),
                            format!("{} is an area of kind {}, which has no {}; expected a body that kind of area has.", clip(&area.name), area_kind.en, name.en),
                        );
                        continue;
                    }
                    if s.role.is_municipal() {
                        match &s.municipality {
                            None => {
                                let path = self.path("seats", i, &[]);
                                let words = profile.area_words(&area.kind);
                                self.push(
                                    Severity::Error,
                                    Code::InvalidSeat,
                                    path,
                                    format!("En kommunal plads i {} skal angive \"municipality\" (kommunekode).", words.indefinite.da),
                                    format!("A municipal seat in {} must give \"municipality\" (municipality code).", words.indefinite.en),
                                );
                            }
                            Some(code) if self.municipality(code).is_some() && !area.members.iter().any(|m| &m.municipality == code) => {
                                let path = self.path("seats", i, &["municipality"]);
                                let name = municipality_name(data, code);
                                self.push(
                                    Severity::Error,
                                    Code::InvalidSeat,
                                    path,
                                    format!("{} er ikke medlem af {}.", name.da, clip(&area.name)),
                                    format!("{} is not a member of {}.", name.en, clip(&area.name)),
                                );
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
    }

    /// One person, several seats: allowed across bodies, not for two municipalities
    /// or two regions, and not twice in one body.
    pub(super) fn persons_seats(&mut self) {
        let data = self.data;
        // The first person with each id, as `Dataset::person` finds it, looked up once.
        let mut persons: HashMap<&str, &str> = HashMap::with_capacity_and_hasher(data.persons.len(), Default::default());
        for p in &data.persons {
            persons.entry(p.id.as_str()).or_insert(p.name.as_str());
        }
        // (person, seat) sorted: each person's seats together, persons in id order. Only a
        // person with two seats or more can break a rule (most hold one: no map of them all).
        let mut held: Vec<(&str, usize)> = data
            .seats
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.person.as_deref().filter(|p| persons.contains_key(p)).map(|p| (p, i)))
            .collect();
        held.sort_unstable();
        for group in held.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            let person = group[0].0;
            let seats: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
            let name = persons.get(person).map(|n| clip(n)).unwrap_or_default();
            let mut municipality: Option<(&str, usize)> = None;
            let mut region: Option<(String, usize)> = None;
            let mut bodies: HashMap<&str, usize> = HashMap::default();
            for &i in &seats {
                let s = &data.seats[i];
                let origins = self.origins;
                let path = || origins.path("seats", i, &["person"]);
                if let Some(&first) = bodies.get(s.body.as_str()) {
                    let first_path = self.path("seats", first, &[]);
                    self.push(
                        Severity::Warning,
                        Code::PersonTwiceInBody,
                        path(),
                        format!("{name} har allerede en plads i samme organ ({first_path})."),
                        format!("{name} already holds a seat in the same body ({first_path})."),
                    );
                } else {
                    bodies.insert(&s.body, i);
                }
                if matches!(s.role, Role::Mayor | Role::DeputyMayor) {
                    if let Some(code) = s.municipality.as_deref() {
                        match municipality {
                            Some((other, _)) if other != code => {
                                let (a, b) = (municipality_name(data, other), municipality_name(data, code));
                                self.push(
                                    Severity::Error,
                                    Code::IncompatibleSeats,
                                    path(),
                                    format!("{name} er borgmester/fagborgmester i både {} og {}; en person kan kun være det i én kommune.", a.da, b.da),
                                    format!("{name} is mayor/deputy mayor of both {} and {}; a person can be so in one municipality only.", a.en, b.en),
                                );
                            }
                            None => municipality = Some((code, i)),
                            _ => {}
                        }
                    }
                }
                if matches!(s.role, Role::RegionalCouncilChair | Role::RegionalCouncilMember) {
                    let seat_region = BodyId::parse(&s.body).and_then(|b| match self.profile.body_kind(&b.kind).map(|k| k.owner) {
                        Some(Owner::Region) => Some(b.owner),
                        _ => self.area(&b.owner).map(|c| c.region.clone()),
                    });
                    if let Some(r) = seat_region {
                        match &region {
                            Some((other, _)) if *other != r => {
                                self.push(
                                    Severity::Error,
                                    Code::IncompatibleSeats,
                                    path(),
                                    format!("{name} sidder i regionsrådet i både {other} og {r}; en person kan kun sidde i ét regionsråd."),
                                    format!("{name} sits on the regional councils of both {other} and {r}; a person can sit on one only."),
                                );
                            }
                            None => region = Some((r, i)),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}


/// The forms a body id takes under a profile: "\"<region-id>/ssu\", \"<klynge-id>/political\" eller …".
fn body_forms(profile: &RuleProfile) -> Text {
    let forms: Vec<(String, String)> = profile
        .bodies
        .iter()
        .map(|k| match k.owner {
            Owner::Region => (format!("\"<region-id>/{}\"", k.id), format!("\"<region id>/{}\"", k.id)),
            Owner::Area => {
                let w = profile.area_words(k.area_kind.as_deref().unwrap_or(""));
                (format!("\"<{}-id>/{}\"", w.short.da, k.id), format!("\"<{} id>/{}\"", w.short.en, k.id))
            }
        })
        .collect();
    let join = |forms: Vec<&String>, or: &str| match forms.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} {or} {last}", rest.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
        None => String::new(),
    };
    Text::new(join(forms.iter().map(|f| &f.0).collect(), "eller"), join(forms.iter().map(|f| &f.1).collect(), "or"))
}
