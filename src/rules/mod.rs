//! Validation: the data set checked for consistency and each body against a rule profile.
//! One file per rule family; [`Validator`] carries what they share.

mod common;
mod composition;
pub mod indicators;
mod seats;
mod structure;

pub(crate) use common::{date_finding, duplicate_ids, source_url_finding};
pub use common::{is_date, is_web_url};

use crate::hash::HashMap;

use crate::finding::{Code, Finding, Severity};
use crate::model::Dataset;
use crate::model::profile::{builtin_profiles, AreaWords, RuleProfile, DEFAULT_PROFILE};
use crate::read::{clip, Origins};
use crate::model::text::Text;

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
    let (profile, profile_finding) = resolve_profile(data, options);
    let mut v = Validator::new(data, origins, &profile);
    v.out.extend(profile_finding);
    v.dataset();
    v.profiles();
    v.regions();
    v.municipalities();
    v.clusters();
    v.placement();
    v.persons();
    v.seats(&profile);
    v.composition(&profile);
    v.persons_seats();
    let mut out = v.out;
    out.extend(crate::rules::indicators::validate_indicators(data, origins));
    out.sort_by_key(|f| f.severity);
    out
}

struct Validator<'a> {
    data: &'a Dataset,
    profile: &'a RuleProfile,
    /// How messages name areas (of the profile's first kind).
    words: AreaWords,
    origins: &'a Origins,
    out: Vec<Finding>,
    /// Municipalities and clusters by code and id (the first of each, as `Dataset::municipality`
    /// and `Dataset::cluster` find them), looked up per seat: 200,000 seats must not scan them.
    municipalities: HashMap<&'a str, &'a crate::model::Municipality>,
    areas: HashMap<&'a str, &'a crate::model::Area>,
}

impl<'a> Validator<'a> {
    fn new(data: &'a Dataset, origins: &'a Origins, profile: &'a RuleProfile) -> Self {
        let mut municipalities = HashMap::default();
        for m in &data.municipalities {
            municipalities.entry(m.code.as_str()).or_insert(m);
        }
        let mut areas = HashMap::default();
        for c in &data.areas {
            areas.entry(c.id.as_str()).or_insert(c);
        }
        Validator { data, profile, words: profile.first_area_words(), origins, out: Vec::new(), municipalities, areas }
    }

    fn municipality(&self, code: &str) -> Option<&'a crate::model::Municipality> {
        self.municipalities.get(code).copied()
    }

    fn area(&self, id: &str) -> Option<&'a crate::model::Area> {
        self.areas.get(id).copied()
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
}
