//! Validation: the data set checked for consistency and each body against a rule profile.


use crate::hash::{HashMap, HashSet};

use crate::compose::{self, BodySeat};
use crate::finding::{Code, Finding, Severity};
use crate::labels::{body_name, municipality_name};
use crate::model::{BodyId, BodyKind, Dataset, Role, Share, Status};
use crate::profile::{builtin_profiles, RuleProfile, Scope, DEFAULT_PROFILE};
use crate::read::{clip, Origins};
use crate::text::Text;

/// Validation settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Rule profile id; overrides the data set's own `profile`.
    pub profile: Option<String>,
}

/// Tolerance for shares that should sum to 1 (they are decimal fractions).
const SHARE_TOLERANCE: f64 = 1e-6;

/// The profile to check against: the option, else the data set's, else the default.
/// An unknown id gives a finding and falls back to the default profile.
pub fn resolve_profile(data: &Dataset, options: &Options) -> (RuleProfile, Option<Finding>) {
    let (wanted, path) = match (&options.profile, &data.profile) {
        (Some(p), _) => (p.as_str(), ""),
        (None, Some(p)) => (p.as_str(), "/profile"),
        (None, None) => (DEFAULT_PROFILE, ""),
    };
    let find = |id: &str| {
        data.profiles.iter().find(|p| p.id == id).or_else(|| builtin_profiles().iter().find(|p| p.id == id)).cloned()
    };
    match find(wanted) {
        Some(p) => (p, None),
        None => {
            let known: Vec<String> = data.profiles.iter().chain(builtin_profiles()).map(|p| p.id.clone()).collect();
            let fallback = find(DEFAULT_PROFILE).unwrap_or_else(|| builtin_profiles()[0].clone());
            let finding = Finding::new(
                Severity::Error,
                Code::UnknownProfile,
                path,
                Text::new(
                    format!("Ukendt regelprofil \"{}\"; forventede en af: {}. Bruger \"{}\".", clip(wanted), known.join(", "), fallback.id),
                    format!("Unknown rule profile \"{}\"; expected one of: {}. Using \"{}\".", clip(wanted), known.join(", "), fallback.id),
                ),
            );
            (fallback, Some(finding))
        }
    }
}

/// Validates a data set. `origins` maps model indices to input indices for the paths.
pub fn validate(data: &Dataset, origins: &Origins, options: &Options) -> Vec<Finding> {
    let mut v = Validator::new(data, origins);
    let (profile, profile_finding) = resolve_profile(data, options);
    v.out.extend(profile_finding);
    v.dataset();
    v.profiles();
    v.regions();
    v.municipalities();
    v.clusters();
    v.placement();
    v.persons();
    v.seats();
    v.composition(&profile);
    v.persons_seats();
    let mut out = v.out;
    out.extend(crate::indicators::validate_indicators(data, origins));
    out.sort_by_key(|f| f.severity);
    out
}

struct Validator<'a> {
    data: &'a Dataset,
    origins: &'a Origins,
    out: Vec<Finding>,
    /// Municipalities and clusters by code and id (the first of each, as `Dataset::municipality`
    /// and `Dataset::cluster` find them), looked up per seat: 200,000 seats must not scan them.
    municipalities: HashMap<&'a str, &'a crate::model::Municipality>,
    clusters: HashMap<&'a str, &'a crate::model::Cluster>,
}

impl<'a> Validator<'a> {
    fn new(data: &'a Dataset, origins: &'a Origins) -> Self {
        let mut municipalities = HashMap::default();
        for m in &data.municipalities {
            municipalities.entry(m.code.as_str()).or_insert(m);
        }
        let mut clusters = HashMap::default();
        for c in &data.clusters {
            clusters.entry(c.id.as_str()).or_insert(c);
        }
        Validator { data, origins, out: Vec::new(), municipalities, clusters }
    }

    fn municipality(&self, code: &str) -> Option<&'a crate::model::Municipality> {
        self.municipalities.get(code).copied()
    }

    fn cluster(&self, id: &str) -> Option<&'a crate::model::Cluster> {
        self.clusters.get(id).copied()
    }

    fn push(&mut self, severity: Severity, code: Code, path: String, da: String, en: String) {
        self.out.push(Finding::new(severity, code, path, Text::new(da, en)));
    }

    fn path(&self, array: &str, i: usize, rest: &[&str]) -> String {
        self.origins.path(array, i, rest)
    }

    fn duplicates<'b>(&mut self, array: &'static str, ids: impl Iterator<Item = (usize, &'b str)>, field: &'static str, seen: &mut HashMap<&'b str, (&'static str, usize, &'static str)>) {
        duplicate_ids(self.origins, array, ids, field, seen, &mut self.out);
    }

    fn unknown_ref(&mut self, path: String, what_da: &str, what_en: &str, id: &str) {
        if self.origins.unreadable.contains(id) {
            return;
        }
        self.push(
            Severity::Error,
            Code::UnknownReference,
            path,
            format!("Henviser til {what_da} \"{}\", som ikke findes i data.", clip(id)),
            format!("Refers to {what_en} \"{}\", which does not exist in the data.", clip(id)),
        );
    }

    fn empty_name(&mut self, array: &str, i: usize, name: &str) {
        if name.trim().is_empty() {
            let path = self.path(array, i, &["name"]);
            self.push(Severity::Error, Code::EmptyName, path, "Navnet er tomt; forventede et navn.".into(), "The name is empty; expected a name.".into());
        }
    }

    fn sources(&mut self, array: &str, i: usize, field: &str, urls: &[String]) {
        for (j, url) in urls.iter().enumerate() {
            // The path only where there is a finding: 200,000 seats each have sources.
            if is_web_url(url) {
                continue;
            }
            let finding = source_url_finding(self.path(array, i, &[field, &j.to_string()]), url);
            self.out.extend(finding);
        }
    }

    fn dataset(&mut self) {
        if !self.data.as_of.is_empty() {
            self.out.extend(date_finding("/as_of".into(), &self.data.as_of));
        }
    }

    fn profiles(&mut self) {
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

    /// Regions and clusters share one id space: ids are unique nationally.
    fn regions(&mut self) {
        let mut seen = HashMap::default();
        let data = self.data;
        self.duplicates("regions", data.regions.iter().enumerate().map(|(i, r)| (i, r.id.as_str())), "id", &mut seen);
        self.duplicates("clusters", data.clusters.iter().enumerate().map(|(i, c)| (i, c.id.as_str())), "id", &mut seen);
        for (i, r) in data.regions.iter().enumerate() {
            self.empty_name("regions", i, &r.name);
            if let Some(code) = &r.code {
                if !(code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())) {
                    let path = self.path("regions", i, &["code"]);
                    self.push(
                        Severity::Error,
                        Code::InvalidRegionCode,
                        path,
                        format!("Regionskoden \"{}\" er ugyldig; forventede fire cifre, f.eks. \"1084\".", clip(code)),
                        format!("The region code \"{}\" is invalid; expected four digits, e.g. \"1084\".", clip(code)),
                    );
                }
            }
            self.sources("regions", i, "sources", &r.sources);
            if data.clusters_of(&r.id).next().is_none() {
                let path = self.path("regions", i, &[]);
                self.push(
                    Severity::Warning,
                    Code::RegionWithoutClusters,
                    path,
                    format!("{} har ingen sundhedsklynger.", clip(&r.name)),
                    format!("{} has no health clusters.", clip(&r.name)),
                );
            }
        }
    }

    fn municipalities(&mut self) {
        let mut seen = HashMap::default();
        let data = self.data;
        self.duplicates("municipalities", data.municipalities.iter().enumerate().map(|(i, m)| (i, m.code.as_str())), "code", &mut seen);
        for (i, m) in data.municipalities.iter().enumerate() {
            if !(m.code.len() == 3 && m.code.bytes().all(|b| b.is_ascii_digit())) {
                let path = self.path("municipalities", i, &["code"]);
                self.push(
                    Severity::Error,
                    Code::InvalidMunicipalityCode,
                    path,
                    format!("Kommunekoden \"{}\" er ugyldig; forventede tre cifre som tekst, f.eks. \"101\".", clip(&m.code)),
                    format!("The municipality code \"{}\" is invalid; expected three digits as a string, e.g. \"101\".", clip(&m.code)),
                );
            }
            self.empty_name("municipalities", i, &m.name);
            if data.region(&m.region).is_none() {
                self.unknown_ref(self.path("municipalities", i, &["region"]), "regionen", "the region", &m.region);
            }
            if let Some(pop) = &m.population {
                let date = date_finding(self.path("municipalities", i, &["population", "date"]), &pop.date);
                let source = source_url_finding(self.path("municipalities", i, &["population", "source"]), &pop.source);
                self.out.extend(date.into_iter().chain(source));
            }
        }
    }

    fn clusters(&mut self) {
        let data = self.data;
        for (i, c) in data.clusters.iter().enumerate() {
            self.empty_name("clusters", i, &c.name);
            let region_known = data.region(&c.region).is_some();
            if !region_known {
                self.unknown_ref(self.path("clusters", i, &["region"]), "regionen", "the region", &c.region);
            }
            self.sources("clusters", i, "sources", &c.sources);
            if c.members.is_empty() {
                let path = self.path("clusters", i, &["members"]);
                self.push(
                    Severity::Warning,
                    Code::ClusterWithoutMembers,
                    path,
                    format!("{} har ingen medlemskommuner.", clip(&c.name)),
                    format!("{} has no member municipalities.", clip(&c.name)),
                );
            }
            let mut seen = HashSet::default();
            for (j, member) in c.members.iter().enumerate() {
                let j_s = j.to_string();
                let mpath = self.path("clusters", i, &["members", &j_s, "municipality"]);
                if !seen.insert(member.municipality.as_str()) {
                    self.push(
                        Severity::Error,
                        Code::DuplicateMember,
                        mpath.clone(),
                        format!("Kommune {} står flere gange i {}.", clip(&member.municipality), clip(&c.name)),
                        format!("Municipality {} is listed more than once in {}.", clip(&member.municipality), clip(&c.name)),
                    );
                }
                match data.municipality(&member.municipality) {
                    None => self.unknown_ref(mpath, "kommunen", "the municipality", &member.municipality),
                    Some(m) if region_known && m.region != c.region => {
                        let region_name = |id: &str| data.region(id).map(|r| r.name.clone()).unwrap_or_else(|| id.to_string());
                        self.push(
                            Severity::Error,
                            Code::MunicipalityOtherRegion,
                            mpath,
                            format!("{} ligger i {}, men {} hører til {}; forventede en kommune i klyngens region.", clip(&m.name), region_name(&m.region), clip(&c.name), region_name(&c.region)),
                            format!("{} lies in {}, but {} belongs to {}; expected a municipality in the cluster's region.", clip(&m.name), region_name(&m.region), clip(&c.name), region_name(&c.region)),
                        );
                    }
                    Some(_) => {}
                }
                self.sources("clusters", i, &format!("members/{j}/sources"), &member.sources);
                if member.status == Some(Status::Unverified) && c.status != Status::Unverified {
                    let path = self.path("clusters", i, &["members", &j_s]);
                    let name = municipality_name(data, &member.municipality);
                    self.push(
                        Severity::Info,
                        Code::UnverifiedMembership,
                        path,
                        format!("{}s medlemskab af {} er ikke bekræftet af en kilde.", name.da, clip(&c.name)),
                        format!("{}'s membership of {} is not confirmed by a source.", name.en, clip(&c.name)),
                    );
                }
            }
            for (j, code) in c.candidates.iter().enumerate() {
                if data.municipality(code).is_none() {
                    self.unknown_ref(self.path("clusters", i, &["candidates", &j.to_string()]), "kommunen", "the municipality", code);
                }
            }
            let path = self.path("clusters", i, &[]);
            match c.status {
                Status::Unverified => self.push(
                    Severity::Info,
                    Code::UnverifiedCluster,
                    path,
                    format!("Medlemmerne af {} er ikke bekræftet af en kilde; de er placeret efter optageområde og geografi.", clip(&c.name)),
                    format!("The members of {} are not confirmed by a source; they are placed by catchment area and geography.", clip(&c.name)),
                ),
                Status::Partial => self.push(
                    Severity::Info,
                    Code::PartialCluster,
                    path,
                    format!("Medlemmerne af {} er kun delvist bekræftet (optageområde eller sekundær kilde).", clip(&c.name)),
                    format!("The members of {} are only partly confirmed (catchment area or secondary source).", clip(&c.name)),
                ),
                Status::Confirmed => {}
            }
            if c.name_status == Status::Unverified {
                let path = self.path("clusters", i, &["name"]);
                self.push(
                    Severity::Info,
                    Code::UnverifiedName,
                    path,
                    format!("Navnet \"{}\" er ikke bekræftet af en kilde.", clip(&c.name)),
                    format!("The name \"{}\" is not confirmed by a source.", clip(&c.name)),
                );
            }
        }
    }

    /// Every municipality in exactly one cluster, or split with shares that sum to 1.
    fn placement(&mut self) {
        let data = self.data;
        for (i, m) in data.municipalities.iter().enumerate() {
            let path = self.path("municipalities", i, &[]);
            let memberships: Vec<(usize, usize, Option<Share>)> = data
                .clusters
                .iter()
                .enumerate()
                .flat_map(|(ci, c)| {
                    c.members.iter().enumerate().filter(|(_, mm)| mm.municipality == m.code).map(move |(mi, mm)| (ci, mi, mm.share))
                })
                .collect();
            match memberships.len() {
                0 => {
                    let candidates: Vec<&str> =
                        data.clusters.iter().filter(|c| c.candidates.contains(&m.code)).map(|c| c.name.as_str()).collect();
                    let (da, en) = if candidates.is_empty() {
                        (String::new(), String::new())
                    } else {
                        (format!(" Mulige klynger: {}.", candidates.join(", ")), format!(" Possible clusters: {}.", candidates.join(", ")))
                    };
                    self.push(
                        Severity::Warning,
                        Code::MunicipalityUnplaced,
                        path,
                        format!("{} ({}) er ikke placeret i nogen sundhedsklynge; ingen kilde kunne placere den.{da}", clip(&m.name), m.code),
                        format!("{} ({}) is not placed in any health cluster; no source could place it.{en}", clip(&m.name), m.code),
                    );
                }
                1 => {
                    let (ci, mi, share) = memberships[0];
                    if let Some(Share::Fraction(f)) = share {
                        if (f - 1.0).abs() > SHARE_TOLERANCE {
                            let p = self.path("clusters", ci, &["members", &mi.to_string(), "share"]);
                            self.push(
                                Severity::Warning,
                                Code::ShareWithoutSplit,
                                p,
                                format!("{} har andelen {f}, men er kun med i én klynge; forventede 1 eller ingen andel.", clip(&m.name)),
                                format!("{} has the share {f} but is in one cluster only; expected 1 or no share.", clip(&m.name)),
                            );
                        }
                    }
                }
                _ => {
                    let names: Vec<&str> = memberships.iter().map(|(ci, _, _)| data.clusters[*ci].name.as_str()).collect();
                    let fractions: Vec<f64> = memberships.iter().filter_map(|(_, _, s)| match s {
                        Some(Share::Fraction(f)) => Some(*f),
                        _ => None,
                    }).collect();
                    if fractions.len() < memberships.len() {
                        self.push(
                            Severity::Warning,
                            Code::SplitShareUnknown,
                            path,
                            format!("{} er delt mellem {}, men befolkningsandelene kendes ikke; tal for klyngerne kan ikke summeres.", clip(&m.name), names.join(" og ")),
                            format!("{} is split between {}, but the population shares are not known; cluster figures cannot be summed.", clip(&m.name), names.join(" and ")),
                        );
                    } else {
                        let sum: f64 = fractions.iter().sum();
                        if (sum - 1.0).abs() > SHARE_TOLERANCE {
                            self.push(
                                Severity::Error,
                                Code::SplitSharesSum,
                                path,
                                format!("{} er delt mellem {}, men andelene summerer til {sum}; forventede 1.", clip(&m.name), names.join(" og ")),
                                format!("{} is split between {}, but the shares sum to {sum}; expected 1.", clip(&m.name), names.join(" and ")),
                            );
                        }
                    }
                }
            }
        }
    }

    fn persons(&mut self) {
        let mut seen = HashMap::with_capacity_and_hasher(self.data.persons.len(), Default::default());
        let data = self.data;
        self.duplicates("persons", data.persons.iter().enumerate().map(|(i, p)| (i, p.id.as_str())), "id", &mut seen);
        for (i, p) in data.persons.iter().enumerate() {
            self.empty_name("persons", i, &p.name);
            self.sources("persons", i, "sources", &p.sources);
        }
    }

    fn seats(&mut self) {
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
            if let Some(c) = &s.cluster {
                if self.cluster(c).is_none() {
                    self.unknown_ref(self.path("seats", i, &["cluster"]), "klyngen", "the cluster", c);
                }
            }
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
            let Some(body) = BodyId::parse(&s.body) else {
                let path = self.path("seats", i, &["body"]);
                self.push(
                    Severity::Error,
                    Code::InvalidSeat,
                    path,
                    format!("Organet \"{}\" er ugyldigt; forventede \"<region-id>/ssu\", \"<klynge-id>/political\" eller \"<klynge-id>/professional\".", clip(&s.body)),
                    format!("The body \"{}\" is invalid; expected \"<region id>/ssu\", \"<cluster id>/political\" or \"<cluster id>/professional\".", clip(&s.body)),
                );
                continue;
            };
            match body.kind {
                BodyKind::Ssu => {
                    if data.region(&body.owner).is_none() {
                        self.unknown_ref(self.path("seats", i, &["body"]), "regionen", "the region", &body.owner);
                        continue;
                    }
                    if let Some(cluster) = s.cluster.as_deref().and_then(|c| self.cluster(c)) {
                        if cluster.region != body.owner {
                            let path = self.path("seats", i, &["cluster"]);
                            self.push(
                                Severity::Error,
                                Code::InvalidSeat,
                                path,
                                format!("{} hører ikke til den region, SSU'et dækker.", clip(&cluster.name)),
                                format!("{} does not belong to the region the SSU covers.", clip(&cluster.name)),
                            );
                        }
                    }
                }
                BodyKind::Political | BodyKind::Professional => {
                    let Some(cluster) = self.cluster(&body.owner) else {
                        self.unknown_ref(self.path("seats", i, &["body"]), "klyngen", "the cluster", &body.owner);
                        continue;
                    };
                    if s.role.is_municipal() {
                        match &s.municipality {
                            None => {
                                let path = self.path("seats", i, &[]);
                                self.push(
                                    Severity::Error,
                                    Code::InvalidSeat,
                                    path,
                                    "En kommunal plads i en klynge skal angive \"municipality\" (kommunekode).".into(),
                                    "A municipal seat in a cluster must give \"municipality\" (municipality code).".into(),
                                );
                            }
                            Some(code) if self.municipality(code).is_some() && !cluster.members.iter().any(|m| &m.municipality == code) => {
                                let path = self.path("seats", i, &["municipality"]);
                                let name = municipality_name(data, code);
                                self.push(
                                    Severity::Error,
                                    Code::InvalidSeat,
                                    path,
                                    format!("{} er ikke medlem af {}.", name.da, clip(&cluster.name)),
                                    format!("{} is not a member of {}.", name.en, clip(&cluster.name)),
                                );
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
    }

    /// Each body whose seats the data list, against the profile.
    fn composition(&mut self, profile: &RuleProfile) {
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
        let order = compose::SeatOrder::new(data);
        for id in bodies {
            // As `Dataset::seats_of`: the seats whose body is the id's own text.
            let listed = by_text.get(id.to_string().as_str()).map(Vec::as_slice).unwrap_or_default();
            let body = compose::body_of(data, &id, listed.iter().map(|&i| (i, &data.seats[i])), profile, &order);
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
    fn check_count(&mut self, matching: &[&BodySeat], min: u32, max: Option<u32>, missing_path: String, body: &Text, group: &Text, per: Option<&Text>) {
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

    /// One person, several seats: allowed across bodies, not for two municipalities
    /// or two regions, and not twice in one body.
    fn persons_seats(&mut self) {
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
                    let seat_region = BodyId::parse(&s.body).and_then(|b| match b.kind {
                        BodyKind::Ssu => Some(b.owner),
                        _ => self.cluster(&b.owner).map(|c| c.region.clone()),
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

fn group_name(group: crate::profile::SeatGroup) -> Text {
    use crate::profile::SeatGroup::*;
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

/// Findings for ids used before in the same id space (`seen` carries it across arrays:
/// regions and clusters share one), each naming where the id was first used.
pub(crate) fn duplicate_ids<'b>(
    origins: &Origins,
    array: &'static str,
    ids: impl Iterator<Item = (usize, &'b str)>,
    field: &'static str,
    seen: &mut HashMap<&'b str, (&'static str, usize, &'static str)>,
    out: &mut Vec<Finding>,
) {
    // Where each id was first met, as (array, index, field): the paths are built only for
    // duplicates (200,000 seats each have an id).
    for (i, id) in ids {
        match seen.get(id) {
            Some(&(first_array, first_index, first_field)) => {
                let first = origins.path(first_array, first_index, &[first_field]);
                out.push(Finding::new(
                    Severity::Error,
                    Code::DuplicateId,
                    origins.path(array, i, &[field]),
                    Text::new(
                        format!("Id'et \"{}\" er allerede brugt ved {first}; forventede et id, der er unikt i hele landet.", clip(id)),
                        format!("The id \"{}\" is already used at {first}; expected an id unique nationally.", clip(id)),
                    ),
                ))
            }
            None => {
                seen.insert(id, (array, i, field));
            }
        }
    }
}

/// An error unless `value` is a real `YYYY-MM-DD` date.
pub(crate) fn date_finding(path: String, value: &str) -> Option<Finding> {
    (!is_date(value)).then(|| {
        Finding::new(
            Severity::Error,
            Code::InvalidDate,
            path,
            Text::new(
                format!("Datoen \"{}\" er ugyldig; forventede ÅÅÅÅ-MM-DD.", clip(value)),
                format!("The date \"{}\" is invalid; expected YYYY-MM-DD.", clip(value)),
            ),
        )
    })
}

/// A warning unless `url` is an http(s) address: anything else is shown as text, never as a link.
pub(crate) fn source_url_finding(path: String, url: &str) -> Option<Finding> {
    (!is_web_url(url)).then(|| {
        Finding::new(
            Severity::Warning,
            Code::InvalidSourceUrl,
            path,
            Text::new(
                format!("Kilden \"{}\" er ikke en http(s)-adresse; den vises ikke som link.", clip(url)),
                format!("The source \"{}\" is not an http(s) address; it is not shown as a link.", clip(url)),
            ),
        )
    })
}

/// `YYYY-MM-DD` with a real month and a day that exists in it. Written by hand: one
/// check does not justify a date crate in the wasm bundle.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Only http(s) URLs become links: a `javascript:` source must stay inert text.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && s.len() > lower.find("//").unwrap_or(0) + 2 && !s.chars().any(char::is_whitespace)
}
