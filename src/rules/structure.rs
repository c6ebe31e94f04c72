//! Rules of the structure: the data set's own fields, regions, municipalities, clusters and
//! where each municipality is placed.

use crate::hash::{HashMap, HashSet};

use crate::bodies::labels::municipality_name;
use crate::finding::{Code, Severity};
use crate::model::{Share, Status};
use crate::read::clip;

use super::*;

impl Validator<'_> {
    pub(super) fn dataset(&mut self) {
        let data = self.data;
        if !data.as_of.is_empty() {
            self.out.extend(date_finding("/as_of".into(), &data.as_of));
        }
        self.period_at(String::new(), data.valid_from.as_deref(), data.valid_to.as_deref());
        if let Some(d) = &data.preparatory_from {
            self.out.extend(date_finding("/preparatory_from".into(), d));
            if data.valid_from.as_deref().is_some_and(|from| is_date(d) && is_date(from) && d.as_str() > from) {
                self.push(
                    Severity::Error,
                    Code::InvalidPeriod,
                    "/preparatory_from".into(),
                    format!("Den forberedende periode begynder {d}, efter at strukturen træder i kraft; forventede en dato før \"valid_from\"."),
                    format!("The preparatory period starts on {d}, after the structure takes effect; expected a date before \"valid_from\"."),
                );
            }
        }
        for (i, url) in data.sources.iter().enumerate() {
            self.out.extend(source_url_finding(format!("/sources/{i}"), url));
        }
        if data.status == Some(Status::Secondary) {
            self.push(
                Severity::Info,
                Code::SecondarySource,
                "/status".into(),
                "Datasættet bygger på sekundære kilder; hvert faktum viser sin status.".into(),
                "The data set rests on secondary sources; every fact shows its status.".into(),
            );
        }
    }

    /// `valid_from` ≤ `valid_to` where both are dates, for element `i` of `array`.
    pub(super) fn period(&mut self, array: &str, i: usize, from: Option<&str>, to: Option<&str>) {
        if from.is_none() && to.is_none() {
            return;
        }
        self.period_at(self.path(array, i, &[]), from, to);
    }

    fn period_at(&mut self, base: String, from: Option<&str>, to: Option<&str>) {
        for (field, value) in [("valid_from", from), ("valid_to", to)] {
            if let Some(v) = value {
                self.out.extend(date_finding(format!("{base}/{field}"), v));
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if is_date(from) && is_date(to) && to < from {
                self.push(
                    Severity::Error,
                    Code::InvalidPeriod,
                    format!("{base}/valid_to"),
                    format!("Perioden slutter {to}, før den begynder ({from}); forventede \"valid_to\" ≥ \"valid_from\"."),
                    format!("The period ends on {to}, before it starts ({from}); expected \"valid_to\" ≥ \"valid_from\"."),
                );
            }
        }
    }

    /// Regions and clusters share one id space: ids are unique nationally.
    pub(super) fn regions(&mut self) {
        let mut seen = HashMap::default();
        let data = self.data;
        self.duplicates("regions", data.regions.iter().enumerate().map(|(i, r)| (i, r.id.as_str())), "id", &mut seen);
        // An area may be listed again for another period; only overlapping periods clash,
        // with any earlier listing (not only the first: 2027, 2028-, 2028-06- clash).
        let has_period = |a: &crate::model::Area| a.valid_from.is_some() || a.valid_to.is_some();
        let mut first: Vec<usize> = Vec::new();
        for (i, c) in data.areas.iter().enumerate() {
            let earlier: Vec<usize> = data.areas[..i].iter().enumerate().filter(|(_, a)| a.id == c.id).map(|(k, _)| k).collect();
            // A first listing, or a repeat with no period anywhere: a duplicate id, below.
            if earlier.is_empty() || (!has_period(c) && !earlier.iter().any(|&k| has_period(&data.areas[k]))) {
                first.push(i);
                continue;
            }
            if let Some(&k) = earlier.iter().find(|&&k| !periods_apart(&data.areas[k], c)) {
                let path = self.path("areas", i, &["id"]);
                let other = self.path("areas", k, &[]);
                self.push(
                    Severity::Error,
                    Code::OverlappingPeriods,
                    path,
                    format!("{} står også i {other} for en periode, der overlapper; forventede perioder, der ikke overlapper.", clip(&c.id)),
                    format!("{} is also at {other} for an overlapping period; expected periods that do not overlap.", clip(&c.id)),
                );
            }
        }
        self.duplicates("areas", first.iter().map(|&i| (i, data.areas[i].id.as_str())), "id", &mut seen);
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
            self.period("regions", i, r.valid_from.as_deref(), r.valid_to.as_deref());
            if data.areas_of(&r.id).next().is_none() {
                let path = self.path("regions", i, &[]);
                let w = &self.words;
                let (da, en) = (format!("{} har ingen {}.", clip(&r.name), w.plural.da), format!("{} has no {}.", clip(&r.name), w.plural.en));
                self.push(Severity::Warning, Code::RegionWithoutClusters, path, da, en);
            }
        }
    }

    pub(super) fn municipalities(&mut self) {
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

    pub(super) fn clusters(&mut self) {
        let data = self.data;
        for (i, c) in data.areas.iter().enumerate() {
            self.empty_name("areas", i, &c.name);
            self.period("areas", i, c.valid_from.as_deref(), c.valid_to.as_deref());
            let w = self.profile.area_words(&c.kind);
            if !self.profile.areas.iter().any(|a| a.id == c.kind) {
                let known: Vec<&str> = self.profile.areas.iter().map(|a| a.id.as_str()).collect();
                let path = self.path("areas", i, &["kind"]);
                self.push(
                    Severity::Error,
                    Code::UnknownReference,
                    path,
                    format!("Områdetypen \"{}\" findes ikke i regelprofilen \"{}\"; forventede en af: {}.", clip(&c.kind), self.profile.id, known.join(", ")),
                    format!("The area kind \"{}\" is not in the rule profile \"{}\"; expected one of: {}.", clip(&c.kind), self.profile.id, known.join(", ")),
                );
            }
            let region_known = data.region(&c.region).is_some();
            if !region_known {
                self.unknown_ref(self.path("areas", i, &["region"]), "regionen", "the region", &c.region);
            }
            self.sources("areas", i, "sources", &c.sources);
            if c.members.is_empty() {
                let path = self.path("areas", i, &["members"]);
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
                let mpath = self.path("areas", i, &["members", &j_s, "municipality"]);
                let later = c.members.iter().take(j).any(|o| o.municipality == member.municipality && !memberships_apart(o, member));
                if !seen.insert(member.municipality.as_str()) && later {
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
                            format!("{} ligger i {}, men {} hører til {}; forventede en kommune i {}s region.", clip(&m.name), region_name(&m.region), clip(&c.name), region_name(&c.region), w.definite.da),
                            format!("{} lies in {}, but {} belongs to {}; expected a municipality in {}'s region.", clip(&m.name), region_name(&m.region), clip(&c.name), region_name(&c.region), w.definite.en),
                        );
                    }
                    Some(_) => {}
                }
                self.sources("areas", i, &format!("members/{j}/sources"), &member.sources);
                if member.valid_from.is_some() || member.valid_to.is_some() {
                    let base = self.path("areas", i, &["members", &j_s]);
                    self.period_at(base, member.valid_from.as_deref(), member.valid_to.as_deref());
                }
                if member.status == Some(Status::Unverified) && c.status != Status::Unverified {
                    let path = self.path("areas", i, &["members", &j_s]);
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
                    self.unknown_ref(self.path("areas", i, &["candidates", &j.to_string()]), "kommunen", "the municipality", code);
                }
            }
            let path = self.path("areas", i, &[]);
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
                Status::Secondary => self.push(
                    Severity::Info,
                    Code::SecondarySource,
                    path,
                    format!("Medlemmerne af {} kendes kun fra en sekundær kilde.", clip(&c.name)),
                    format!("The members of {} are known from a secondary source only.", clip(&c.name)),
                ),
                Status::Confirmed => {}
            }
            if c.name_status == Status::Unverified {
                let path = self.path("areas", i, &["name"]);
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
    pub(super) fn placement(&mut self) {
        let data = self.data;
        for (i, m) in data.municipalities.iter().enumerate() {
            let path = self.path("municipalities", i, &[]);
            let memberships: Vec<(usize, usize, Option<Share>)> = data
                .areas
                .iter()
                .enumerate()
                .flat_map(|(ci, c)| {
                    c.members.iter().enumerate().filter(|(_, mm)| mm.municipality == m.code).map(move |(mi, mm)| (ci, mi, mm.share))
                })
                .collect();
            match memberships.len() {
                0 => {
                    let candidates: Vec<&str> =
                        data.areas.iter().filter(|c| c.candidates.contains(&m.code)).map(|c| c.name.as_str()).collect();
                    let (da, en) = if candidates.is_empty() {
                        (String::new(), String::new())
                    } else {
                        (format!(" Mulige {}: {}.", self.words.short_plural.da, candidates.join(", ")), format!(" Possible {}: {}.", self.words.short_plural.en, candidates.join(", ")))
                    };
                    self.push(
                        Severity::Warning,
                        Code::MunicipalityUnplaced,
                        path,
                        format!("{} ({}) er ikke placeret i {}; ingen kilde kunne placere den.{da}", clip(&m.name), m.code, self.words.any.da),
                        format!("{} ({}) is not placed in {}; no source could place it.{en}", clip(&m.name), m.code, self.words.any.en),
                    );
                }
                // One membership at a time: one, or several whose periods (the area's and
                // the membership's) share no day (an area listed again for another period,
                // a municipality that moves): none is a split.
                n if n == 1 || memberships.iter().enumerate().all(|(a, x)| memberships[a + 1..].iter().all(|y| membership_periods_apart(data, (x.0, x.1), (y.0, y.1)))) => {
                    for &(ci, mi, share) in &memberships {
                        if let Some(Share::Fraction(f)) = share {
                            if (f - 1.0).abs() > SHARE_TOLERANCE {
                                let p = self.path("areas", ci, &["members", &mi.to_string(), "share"]);
                                self.push(
                                    Severity::Warning,
                                    Code::ShareWithoutSplit,
                                    p,
                                    format!("{} har andelen {f}, men er kun med i {}; forventede 1 eller ingen andel.", clip(&m.name), self.words.one.da),
                                    format!("{} has the share {f} but is in {} only; expected 1 or no share.", clip(&m.name), self.words.one.en),
                                );
                            }
                        }
                    }
                }
                _ => {
                    let names: Vec<&str> = memberships.iter().map(|(ci, _, _)| data.areas[*ci].name.as_str()).collect();
                    let fractions: Vec<f64> = memberships.iter().filter_map(|(_, _, s)| match s {
                        Some(Share::Fraction(f)) => Some(*f),
                        _ => None,
                    }).collect();
                    if fractions.len() < memberships.len() {
                        self.push(
                            Severity::Warning,
                            Code::SplitShareUnknown,
                            path,
                            format!("{} er delt mellem {}, men befolkningsandelene kendes ikke; tal for {} kan ikke summeres.", clip(&m.name), names.join(" og "), self.words.definite_plural.da),
                            format!("{} is split between {}, but the population shares are not known; {} figures cannot be summed.", clip(&m.name), names.join(" and "), self.words.definite_plural.en),
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
}


/// Whether two listings of one area are for periods that do not overlap.
fn periods_apart(a: &crate::model::Area, b: &crate::model::Area) -> bool {
    apart(a.valid_from.as_deref(), a.valid_to.as_deref(), b.valid_from.as_deref(), b.valid_to.as_deref())
}

/// Whether two memberships `(area index, member index)` are for periods that share no
/// day, each period the area's and the membership's together.
fn membership_periods_apart(data: &crate::model::Dataset, x: (usize, usize), y: (usize, usize)) -> bool {
    let period = |(ci, mi): (usize, usize)| {
        let (c, m) = (&data.areas[ci], &data.areas[ci].members[mi]);
        // The later start and the earlier end (dates compare as text; absent is open).
        let from = match (c.valid_from.as_deref(), m.valid_from.as_deref()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let to = match (c.valid_to.as_deref(), m.valid_to.as_deref()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        (from, to)
    };
    let ((af, at), (bf, bt)) = (period(x), period(y));
    apart(af, at, bf, bt)
}

fn memberships_apart(a: &crate::model::Membership, b: &crate::model::Membership) -> bool {
    apart(a.valid_from.as_deref(), a.valid_to.as_deref(), b.valid_from.as_deref(), b.valid_to.as_deref())
}

/// Periods `[from, to]` (open where absent; dates compare as text) that share no day.
fn apart(a_from: Option<&str>, a_to: Option<&str>, b_from: Option<&str>, b_to: Option<&str>) -> bool {
    let before = |to: Option<&str>, from: Option<&str>| matches!((to, from), (Some(t), Some(f)) if t < f);
    before(a_to, b_from) || before(b_to, a_from)
}
