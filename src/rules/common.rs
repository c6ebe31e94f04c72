//! Checks shared by the rule families: duplicate ids, dates, source URLs.

use crate::hash::HashMap;

use crate::finding::{Code, Finding, Severity};
use crate::model::text::Text;
use crate::read::{clip, Origins};

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
