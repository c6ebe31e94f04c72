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
        if !self.data.as_of.is_empty() {
            self.out.extend(date_finding("/as_of".into(), &self.data.as_of));
        }
    }

    /// Regions and clusters share one id space: ids are unique nationally.
    pub(super) fn regions(&mut self) {
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
    pub(super) fn placement(&mut self) {
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
}

