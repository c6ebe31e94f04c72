//! Standard populations for direct age standardisation, as data.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::text::Text;

/// An age band such as `"65-69"` or `"90+"`: ages `from` to `to` inclusive (`to` open-ended when absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgeBand {
    pub from: u32,
    pub to: Option<u32>,
}

impl AgeBand {
    /// Parses `"65-69"`, `"90+"`, `"0"` (a single year).
    pub fn parse(s: &str) -> Option<AgeBand> {
        let s = s.trim();
        let num = |t: &str| -> Option<u32> {
            let t = t.trim();
            (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
        };
        if let Some(from) = s.strip_suffix('+') {
            return Some(AgeBand { from: num(from)?, to: None });
        }
        match s.split_once('-').or_else(|| s.split_once('–')) {
            Some((a, b)) => {
                let (from, to) = (num(a)?, num(b)?);
                (from <= to).then_some(AgeBand { from, to: Some(to) })
            }
            None => num(s).map(|n| AgeBand { from: n, to: Some(n) }),
        }
    }

    /// Whether `self` lies inside `outer`.
    pub fn within(&self, outer: &AgeBand) -> bool {
        self.from >= outer.from
            && match (self.to, outer.to) {
                (_, None) => true,
                (Some(a), Some(b)) => a <= b,
                (None, Some(_)) => false,
            }
    }

    /// Whether the two bands share an age.
    pub fn overlaps(&self, other: &AgeBand) -> bool {
        let end = |b: &AgeBand| b.to.unwrap_or(u32::MAX);
        self.from <= end(other) && other.from <= end(self)
    }
}

impl std::fmt::Display for AgeBand {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.to {
            None => write!(f, "{}+", self.from),
            Some(to) if to == self.from => write!(f, "{to}"),
            Some(to) => write!(f, "{}-{to}", self.from),
        }
    }
}

/// A standard population: a weight per age band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct StandardPopulation {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// (band, weight) pairs, e.g. `["65-69", 5500]`.
    pub bands: Vec<(String, f64)>,
}

impl StandardPopulation {
    /// Parsed bands; a band that does not parse is left out (validation reports it).
    pub fn parsed(&self) -> Vec<(AgeBand, f64)> {
        self.bands.iter().filter_map(|(b, w)| AgeBand::parse(b).map(|b| (b, *w))).collect()
    }

    /// The total standard weight of the bands inside `band`, or `None` when some
    /// standard band straddles its edge (the weights cannot be split by age).
    pub fn weight_for(&self, band: &AgeBand) -> Option<f64> {
        let mut total = 0.0;
        let mut any = false;
        for (b, w) in self.parsed() {
            if b.within(band) {
                total += w;
                any = true;
            } else if b.overlaps(band) {
                return None;
            }
        }
        any.then_some(total)
    }
}

fn standard(id: &str, da: &str, en: &str, source: &str, bands: &[(&str, f64)]) -> StandardPopulation {
    StandardPopulation {
        id: id.into(),
        name: Text::new(da, en),
        source: Some(source.into()),
        bands: bands.iter().map(|(b, w)| (b.to_string(), *w)).collect(),
    }
}

/// The built-in standard populations.
pub fn builtin_standards() -> &'static [StandardPopulation] {
    static STANDARDS: OnceLock<Vec<StandardPopulation>> = OnceLock::new();
    STANDARDS.get_or_init(|| {
        const ESP2013_MID: [(&str, f64); 17] = [
            ("5-9", 5500.0), ("10-14", 5500.0), ("15-19", 5500.0), ("20-24", 6000.0), ("25-29", 6000.0),
            ("30-34", 6500.0), ("35-39", 7000.0), ("40-44", 7000.0), ("45-49", 7000.0), ("50-54", 7000.0),
            ("55-59", 6500.0), ("60-64", 6000.0), ("65-69", 5500.0), ("70-74", 5000.0), ("75-79", 4000.0),
            ("80-84", 2500.0), ("85-89", 1500.0),
        ];
        let esp2013: Vec<(&str, f64)> = [("0-4", 5000.0)].into_iter().chain(ESP2013_MID).chain([("90+", 1000.0)]).collect();
        let esp2013_fine: Vec<(&str, f64)> = [("0", 1000.0), ("1-4", 4000.0)]
            .into_iter()
            .chain(ESP2013_MID)
            .chain([("90-94", 800.0), ("95+", 200.0)])
            .collect();
        let eurostat = "https://ec.europa.eu/eurostat/web/products-manuals-and-guidelines/-/ks-ra-13-028";
        vec![
            standard("esp2013", "Europæisk standardbefolkning 2013", "European Standard Population 2013", eurostat, &esp2013),
            standard("esp2013-fine", "Europæisk standardbefolkning 2013 (fine aldersgrupper)", "European Standard Population 2013 (finer bands)", eurostat, &esp2013_fine),
            standard(
                "esp1976",
                "Europæisk standardbefolkning 1976",
                "European Standard Population 1976",
                eurostat,
                &[
                    ("0", 1600.0), ("1-4", 6400.0), ("5-9", 7000.0), ("10-14", 7000.0), ("15-19", 7000.0), ("20-24", 7000.0),
                    ("25-29", 7000.0), ("30-34", 7000.0), ("35-39", 7000.0), ("40-44", 7000.0), ("45-49", 7000.0),
                    ("50-54", 7000.0), ("55-59", 6000.0), ("60-64", 5000.0), ("65-69", 4000.0), ("70-74", 3000.0),
                    ("75-79", 2000.0), ("80-84", 1000.0), ("85+", 1000.0),
                ],
            ),
            // Ahmad et al., "Age standardization of rates: a new WHO standard", GPE Discussion Paper 31 (WHO 2001).
            standard(
                "who2000",
                "WHO's verdensstandardbefolkning 2000–2025",
                "WHO World Standard Population 2000–2025",
                "https://www.who.int/healthinfo/paper31.pdf",
                &[
                    ("0-4", 8860.0), ("5-9", 8690.0), ("10-14", 8600.0), ("15-19", 8470.0), ("20-24", 8220.0),
                    ("25-29", 7930.0), ("30-34", 7610.0), ("35-39", 7150.0), ("40-44", 6590.0), ("45-49", 6040.0),
                    ("50-54", 5370.0), ("55-59", 4550.0), ("60-64", 3720.0), ("65-69", 2960.0), ("70-74", 2210.0),
                    ("75-79", 1520.0), ("80-84", 910.0), ("85-89", 440.0), ("90-94", 150.0), ("95-99", 40.0), ("100+", 5.0),
                ],
            ),
        ]
    })
}
