//! Where each element that was read came from, and what reading produced.

use std::collections::BTreeSet;

use crate::finding::{at, Finding, Severity};
use crate::model::Dataset;

/// Where each element that was read came from: its index in the input array. Elements
/// that failed to read are left out of the data set, so indices can differ.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origins {
    pub profiles: Vec<usize>,
    pub regions: Vec<usize>,
    pub municipalities: Vec<usize>,
    /// The areas (`areas`, or `clusters` in format `/1`: see `areas_key`).
    pub areas: Vec<usize>,
    pub persons: Vec<usize>,
    pub seats: Vec<usize>,
    pub standard_populations: Vec<usize>,
    pub indicators: Vec<usize>,
    pub values: Vec<usize>,
    /// Ids and codes of elements that could not be read. References to them are not
    /// reported again: the read error already names the element.
    pub unreadable: BTreeSet<String>,
    /// The name of the top-level array of areas in the input, for paths.
    pub areas_key: AreasKey,
}

/// The name of the top-level array of areas: `areas`, or `clusters` in format `/1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreasKey(pub &'static str);

impl Default for AreasKey {
    fn default() -> Self {
        AreasKey(crate::model::Version::V2.areas_key())
    }
}

impl Origins {
    /// Origins for a data set built in memory: every index is its own.
    pub fn identity(data: &Dataset) -> Origins {
        Origins {
            profiles: (0..data.profiles.len()).collect(),
            regions: (0..data.regions.len()).collect(),
            municipalities: (0..data.municipalities.len()).collect(),
            areas: (0..data.areas.len()).collect(),
            persons: (0..data.persons.len()).collect(),
            seats: (0..data.seats.len()).collect(),
            standard_populations: (0..data.standard_populations.len()).collect(),
            indicators: (0..data.indicators.len()).collect(),
            values: (0..data.values.len()).collect(),
            unreadable: BTreeSet::new(),
            areas_key: AreasKey(data.version().areas_key()),
        }
    }

    /// The input index of element `i` of `array`.
    pub fn index(&self, array: &str, i: usize) -> usize {
        let list = match array {
            "profiles" => &self.profiles,
            "regions" => &self.regions,
            "municipalities" => &self.municipalities,
            "areas" | "clusters" => &self.areas,
            "persons" => &self.persons,
            "seats" => &self.seats,
            "standard_populations" => &self.standard_populations,
            "indicators" => &self.indicators,
            "values" => &self.values,
            _ => return i,
        };
        list.get(i).copied().unwrap_or(i)
    }

    /// JSON Pointer to element `i` of `array` (model index), then `rest`. `"areas"` names
    /// the array of areas by its name in the input.
    pub fn path(&self, array: &str, i: usize, rest: &[&str]) -> String {
        let name = if array == "areas" { self.areas_key.0 } else { array };
        at(name, self.index(array, i), rest)
    }
}

/// What reading produced: the data that could be read, where it came from, and findings.
#[derive(Clone, Debug)]
pub struct ReadOutcome {
    pub dataset: Dataset,
    pub origins: Origins,
    pub findings: Vec<Finding>,
}

impl ReadOutcome {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
