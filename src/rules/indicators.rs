//! Rules for indicators, standard populations and values.

use crate::hash::{HashMap, HashSet};

use crate::finding::{Code, Finding, Severity};
use crate::model::indicator::{Indicator, IndicatorKind, Standardisation};
use crate::model::standard::AgeBand;
use crate::model::text::Text;
use crate::model::Dataset;
use crate::read::{clip, Origins};

use super::{duplicate_ids, source_url_finding};

/// Findings about indicators, standard populations and values.
pub fn validate_indicators(data: &Dataset, origins: &Origins) -> Vec<Finding> {
    let mut out = Vec::new();
    let std_ids = data.standard_populations.iter().enumerate().map(|(i, s)| (i, s.id.as_str()));
    duplicate_ids(origins, "standard_populations", std_ids, "id", &mut HashMap::default(), &mut out);
    let indicator_ids = data.indicators.iter().enumerate().map(|(i, ind)| (i, ind.id.as_str()));
    duplicate_ids(origins, "indicators", indicator_ids, "id", &mut HashMap::default(), &mut out);
    let mut push = |severity, code, path: String, da: String, en: String| out.push(Finding::new(severity, code, path, Text::new(da, en)));

    for (i, s) in data.standard_populations.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("standard_populations", i, rest);
        let parsed: Vec<Option<AgeBand>> = s.bands.iter().map(|(b, _)| AgeBand::parse(b)).collect();
        for (j, ((band, weight), p)) in s.bands.iter().zip(&parsed).enumerate() {
            let j = j.to_string();
            if p.is_none() {
                push(Severity::Error, Code::InvalidAgeBand, path(&["bands", &j, "0"]), format!("Aldersgruppen \"{}\" er ugyldig; forventede f.eks. \"65-69\" eller \"90+\".", clip(band)), format!("The age band \"{}\" is invalid; expected e.g. \"65-69\" or \"90+\".", clip(band)));
            }
            if !(weight.is_finite() && *weight >= 0.0) {
                push(Severity::Error, Code::InvalidCount, path(&["bands", &j, "1"]), "Vægten skal være et tal ≥ 0.".into(), "The weight must be a number ≥ 0.".into());
            }
        }
        overlapping_bands(&parsed, &mut |j| {
            push(Severity::Error, Code::OverlappingAgeBands, path(&["bands", &j.to_string(), "0"]), "Aldersgruppen overlapper en tidligere gruppe.".into(), "The age band overlaps an earlier band.".into())
        });
    }

    let indicators: HashMap<&str, &Indicator> = data.indicators.iter().map(|ind| (ind.id.as_str(), ind)).collect();
    for (i, ind) in data.indicators.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("indicators", i, rest);
        if !(ind.multiplier.is_finite() && ind.multiplier > 0.0) {
            push(Severity::Error, Code::InvalidCount, path(&["multiplier"]), "Multiplikatoren skal være et tal > 0, f.eks. 1000 eller 100.".into(), "The multiplier must be a number > 0, e.g. 1000 or 100.".into());
        }
        if ind.age_bands.is_empty() {
            push(Severity::Error, Code::MissingAgeBands, path(&["age_bands"]), "Indikatoren har ingen aldersgrupper; forventede mindst én, f.eks. [\"0+\"].".into(), "The indicator has no age bands; expected at least one, e.g. [\"0+\"].".into());
        }
        let parsed = ind.bands();
        for (j, (band, p)) in ind.age_bands.iter().zip(&parsed).enumerate() {
            if p.is_none() {
                push(Severity::Error, Code::InvalidAgeBand, path(&["age_bands", &j.to_string()]), format!("Aldersgruppen \"{}\" er ugyldig; forventede f.eks. \"65-69\" eller \"90+\".", clip(band)), format!("The age band \"{}\" is invalid; expected e.g. \"65-69\" or \"90+\".", clip(band)));
            }
        }
        overlapping_bands(&parsed, &mut |j| {
            push(Severity::Error, Code::OverlappingAgeBands, path(&["age_bands", &j.to_string()]), "Aldersgruppen overlapper en tidligere gruppe.".into(), "The age band overlaps an earlier band.".into())
        });
        if let Some(f) = ind.source.as_deref().and_then(|src| source_url_finding(path(&["source"]), src)) {
            push(f.severity, f.code, f.path, f.message.da, f.message.en);
        }
        if let Some(reference) = &ind.reference {
            let n = ind.age_bands.len();
            for (field, list) in [("events", &reference.events), ("population", &reference.population)] {
                if list.len() != n {
                    push(Severity::Error, Code::MissingAgeBands, path(&["reference", field]), format!("{} tal; indikatoren har {n} aldersgrupper.", list.len()), format!("{} numbers; the indicator has {n} age bands.", list.len()));
                }
                for (j, x) in list.iter().enumerate() {
                    if !x.is_finite() || *x < 0.0 {
                        push(Severity::Error, Code::InvalidCount, path(&["reference", field, &j.to_string()]), format!("{x} er ikke et antal; forventede et tal ≥ 0."), format!("{x} is not a count; expected a number ≥ 0."));
                    }
                }
            }
            for (j, (x, d)) in reference.events.iter().zip(&reference.population).enumerate() {
                if *x > 0.0 && *d == 0.0 {
                    push(Severity::Error, Code::ZeroDenominator, path(&["reference", "population", &j.to_string()]), format!("{x} hændelser i referencen uden befolkning; referencens rate kan ikke beregnes."), format!("{x} events in the reference without population; the reference rate cannot be computed."));
                }
            }
        }
        if ind.standardisation == Standardisation::Direct {
            match ind.standard_population.as_deref().map(|id| (id, data.standard_population(id))) {
                None => push(Severity::Error, Code::JsonMissingField, path(&[]), "Direkte standardisering kræver \"standard_population\".".into(), "Direct standardisation needs \"standard_population\".".into()),
                Some((id, None)) => push(Severity::Error, Code::UnknownReference, path(&["standard_population"]), format!("Standardbefolkningen \"{}\" findes ikke.", clip(id)), format!("The standard population \"{}\" does not exist.", clip(id))),
                Some((_, Some(std))) => {
                    for (j, band) in parsed.iter().enumerate() {
                        if let Some(band) = band {
                            if std.weight_for(band).is_none() {
                                push(Severity::Error, Code::InvalidAgeBand, path(&["age_bands", &j.to_string()]), format!("Aldersgruppen {band} passer ikke til standardbefolkningen {}s grupper.", std.id), format!("The age band {band} does not fit the bands of the standard population {}.", std.id));
                            }
                        }
                    }
                }
            }
        }
        if ind.synthetic {
            push(Severity::Info, Code::SyntheticData, path(&[]), format!("\"{}\" er eksempeldata – ikke officielle tal.", ind.name.da), format!("\"{}\" is example data – not official figures.", ind.name.en));
        }
    }

    // (indicator, municipality, period) → whether rows are split by sex / group, and the keys seen.
    let mut seen_rows: HashMap<(&str, &str, &str), (bool, bool)> = HashMap::default();
    let mut seen_keys = HashSet::default();
    for (i, v) in data.values.iter().enumerate() {
        let path = |rest: &[&str]| origins.path("values", i, rest);
        let Some(ind) = indicators.get(v.indicator.as_str()) else {
            if !origins.unreadable.contains(&v.indicator) {
                push(Severity::Error, Code::UnknownReference, path(&["indicator"]), format!("Henviser til indikatoren \"{}\", som ikke findes.", clip(&v.indicator)), format!("Refers to the indicator \"{}\", which does not exist.", clip(&v.indicator)));
            }
            continue;
        };
        if data.municipality(&v.municipality).is_none() && !origins.unreadable.contains(&v.municipality) {
            push(Severity::Error, Code::UnknownReference, path(&["municipality"]), format!("Henviser til kommunen \"{}\", som ikke findes.", clip(&v.municipality)), format!("Refers to the municipality \"{}\", which does not exist.", clip(&v.municipality)));
        }
        if let Some(g) = &v.group {
            if !ind.groups.iter().any(|x| &x.id == g) {
                push(Severity::Error, Code::UnknownReference, path(&["group"]), format!("Gruppen \"{}\" er ikke en af indikatorens grupper.", clip(g)), format!("The group \"{}\" is not one of the indicator's groups.", clip(g)));
            }
        }
        let key = (v.indicator.as_str(), v.municipality.as_str(), v.period.as_str(), v.sex, v.group.as_deref());
        if !seen_keys.insert(key) {
            push(Severity::Error, Code::DuplicateValue, path(&[]), "Der er allerede en række for samme indikator, kommune, periode, køn og gruppe.".into(), "There is already a row for the same indicator, municipality, period, sex and group.".into());
        }
        let split = (v.sex.is_some(), v.group.is_some());
        match seen_rows.get(&(key.0, key.1, key.2)) {
            Some(first) if *first != split => push(
                Severity::Error,
                Code::DuplicateValue,
                path(&[]),
                "Rækker med og uden opdeling (køn/gruppe) for samme indikator, kommune og periode ville tælle de samme hændelser to gange.".into(),
                "Rows with and without a split (sex/group) for the same indicator, municipality and period would count the same events twice.".into(),
            ),
            Some(_) => {}
            None => {
                seen_rows.insert((key.0, key.1, key.2), split);
            }
        }
        let n = ind.age_bands.len();
        for (field, list) in [("numerator", &v.numerator), ("denominator", &v.denominator)] {
            if list.len() != n {
                push(Severity::Error, Code::MissingAgeBands, path(&[field]), format!("{} tal; indikatoren har {n} aldersgrupper.", list.len()), format!("{} numbers; the indicator has {n} age bands.", list.len()));
            }
            for (j, x) in list.iter().enumerate() {
                if !x.is_finite() || *x < 0.0 || x.fract() != 0.0 {
                    push(Severity::Error, Code::InvalidCount, path(&[field, &j.to_string()]), format!("{x} er ikke et antal; forventede et helt tal ≥ 0."), format!("{x} is not a count; expected a whole number ≥ 0."));
                }
            }
        }
        for (j, (x, d)) in v.numerator.iter().zip(&v.denominator).enumerate() {
            let band = ind.age_bands.get(j).map(String::as_str).unwrap_or("");
            if x > d && ind.kind == IndicatorKind::Proportion {
                push(Severity::Error, Code::EventsAbovePopulation, path(&["numerator", &j.to_string()]), format!("{x} hændelser over en befolkning på {d} i aldersgruppen {band}; en andel kan højst være 100 %."), format!("{x} events above a population of {d} in the age band {band}; a proportion cannot exceed 100 %."));
            } else if x > d {
                // A rate of repeatable events (admissions, contacts) may exceed the population.
                push(Severity::Warning, Code::EventsAbovePopulation, path(&["numerator", &j.to_string()]), format!("{x} hændelser over en befolkning på {d} i aldersgruppen {band}: muligt for gentagne hændelser (indlæggelser, kontakter), men kontrollér tallene."), format!("{x} events above a population of {d} in the age band {band}: possible for repeatable events (admissions, contacts), but check the counts."));
            } else if *d == 0.0 && *x == 0.0 && n == 1 {
                push(Severity::Warning, Code::ZeroDenominator, path(&["denominator", &j.to_string()]), "Nævneren er 0; tallet kan ikke beregnes.".into(), "The denominator is 0; the figure cannot be computed.".into());
            }
        }
    }
    out
}

/// Calls `report(j)` for each band that overlaps an earlier one.
fn overlapping_bands(bands: &[Option<AgeBand>], report: &mut dyn FnMut(usize)) {
    for (j, b) in bands.iter().enumerate() {
        if let Some(b) = b {
            if bands[..j].iter().flatten().any(|a| a.overlaps(b)) {
                report(j);
            }
        }
    }
}
