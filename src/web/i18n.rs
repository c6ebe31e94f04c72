//! Every string of the user interface, Danish first. Names of bodies, roles, sectors
//! and statuses come from the core (`crate::labels`); this table holds the rest.

use crate::finding::Severity;
use crate::labels;
use crate::model::{Share, Status};
use crate::text::Lang;

/// A fixed UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The region switcher's label (the same in both languages: the e2e tests rely on it).
    Region,
    /// The language switch: the name of the *other* language, in that language.
    OtherLanguage,
    Controls,
    DefaultTitle,
    AsOf,
    RuleProfile,
    AcuteHospitals,
    Members,
    Candidates,
    CandidatesHint,
    Sources,
    Notes,
    Name,
    Membership,
    NoMembers,
    NoPerson,
    NoSeats,
    NoRegions,
    Findings,
    FindingsHint,
    NoFindings,
    ThisRegion,
    WholeDocument,
    NotALink,
    Party,
    Seats,
}

/// The text of `key` in `lang`.
pub fn tr(key: Key, lang: Lang) -> &'static str {
    let (da, en) = match key {
        Key::Region => ("Region", "Region"),
        Key::OtherLanguage => ("English", "Dansk"),
        Key::Controls => ("Vælg region og sprog", "Choose region and language"),
        Key::DefaultTitle => ("Sundhedsklynger og sundhedssamarbejdsudvalg", "Health clusters and health cooperation committees"),
        Key::AsOf => ("Data pr.", "Data as of"),
        Key::RuleProfile => ("Regelprofil", "Rule profile"),
        Key::AcuteHospitals => ("Akuthospital", "Acute hospital"),
        Key::Members => ("Kommuner", "Municipalities"),
        Key::Candidates => ("Mulige kommuner", "Possible municipalities"),
        Key::CandidatesHint => (
            "ingen kilde har placeret dem; de kan høre til denne klynge",
            "no source has placed them; they may belong to this cluster",
        ),
        Key::Sources => ("Kilder", "Sources"),
        Key::Notes => ("Noter", "Notes"),
        Key::Name => ("Navn", "Name"),
        Key::Membership => ("Medlemskab", "Membership"),
        Key::NoMembers => ("Ingen kommuner angivet.", "No municipalities listed."),
        Key::NoPerson => ("Person ikke angivet", "Person not given"),
        Key::NoSeats => ("Ingen pladser.", "No seats."),
        Key::NoRegions => ("Data indeholder ingen region, der kan vises.", "The data contain no region that can be shown."),
        Key::Findings => ("Fund i data", "Findings in the data"),
        Key::FindingsHint => (
            "Alle fund, efter alvor. Fund om den viste region står først i hver gruppe.",
            "All findings, by severity. Findings about the region shown come first in each group.",
        ),
        Key::NoFindings => ("Ingen fund: data er i orden.", "No findings: the data are in order."),
        Key::ThisRegion => ("denne region", "this region"),
        Key::WholeDocument => ("hele dokumentet", "whole document"),
        Key::NotALink => ("ikke et weblink", "not a web link"),
        Key::Party => ("parti", "party"),
        Key::Seats => ("pladser", "seats"),
    };
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// "Sammensætning ifølge regelprofilen …": shown where a body's seats come from the profile.
pub fn derived(profile_name: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!(
            "Sammensætning ifølge regelprofilen »{profile_name}«: data angiver ingen medlemmer, så pladserne vises efter rolle."
        ),
        Lang::En => format!(
            "Composition according to the rule profile “{profile_name}”: the data list no members, so the seats are shown by role."
        ),
    }
}

/// The banner shown when the data have errors.
pub fn error_banner(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::Da, 1) => "Data indeholder 1 fejl. Widgetten viser det, der kunne læses; se fundene nedenfor.".into(),
        (Lang::Da, n) => format!("Data indeholder {n} fejl. Widgetten viser det, der kunne læses; se fundene nedenfor."),
        (Lang::En, 1) => "The data contain 1 error. The widget shows what could be read; see the findings below.".into(),
        (Lang::En, n) => format!("The data contain {n} errors. The widget shows what could be read; see the findings below."),
    }
}

/// The notice shown when the region asked for is not in the data.
pub fn unknown_region(requested: &str, shown: Option<&str>, lang: Lang) -> String {
    match (lang, shown) {
        (Lang::Da, Some(shown)) => format!("Regionen »{requested}« findes ikke i data; viser {shown}."),
        (Lang::Da, None) => format!("Regionen »{requested}« findes ikke i data."),
        (Lang::En, Some(shown)) => format!("The region “{requested}” is not in the data; showing {shown}."),
        (Lang::En, None) => format!("The region “{requested}” is not in the data."),
    }
}

/// A split municipality: "delt med Sundhedsklynge Byen – andel ukendt".
pub fn split(others: &[String], share: Option<Share>, lang: Lang) -> String {
    let with = others.join(", ");
    let share = match (share, lang) {
        (Some(Share::Fraction(f)), _) => format!("{} %", format_percent(f, lang)),
        (Some(Share::Unknown) | None, Lang::Da) => "andel ukendt".into(),
        (Some(Share::Unknown) | None, Lang::En) => "share unknown".into(),
    };
    match (lang, with.is_empty()) {
        (Lang::Da, true) => format!("delt – {share}"),
        (Lang::Da, false) => format!("delt med {with} – {share}"),
        (Lang::En, true) => format!("split – {share}"),
        (Lang::En, false) => format!("split with {with} – {share}"),
    }
}

fn format_percent(fraction: f64, lang: Lang) -> String {
    let text = format!("{:.1}", fraction * 100.0);
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    match lang {
        Lang::Da => text.replace('.', ","),
        Lang::En => text,
    }
}

/// "Fejl (2)".
pub fn severity_heading(severity: Severity, count: usize, lang: Lang) -> String {
    format!("{} ({count})", labels::severity_name(severity).get(lang))
}

/// "Navn: Ikke bekræftet" / "Name: Unverified".
pub fn status_of(what: Key, status: Status, lang: Lang) -> String {
    format!("{}: {}", tr(what, lang), labels::status_name(status).get(lang))
}

/// "12 pladser" / "12 seats".
pub fn seat_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Da, 1) => "1 plads".into(),
        (Lang::En, 1) => "1 seat".into(),
        (_, n) => format!("{n} {}", tr(Key::Seats, lang)),
    }
}

/// An ISO date (`2022-07-01`) as "1. juli 2022" / "1 July 2022"; anything else as given.
pub fn date(iso: &str, lang: Lang) -> String {
    const DA: [&str; 12] = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    if !crate::validate::is_date(iso) {
        return iso.to_string();
    }
    let (year, month, day) = (&iso[0..4], iso[5..7].parse::<usize>().unwrap_or(1), iso[8..10].parse::<u32>().unwrap_or(1));
    match lang {
        Lang::Da => format!("{day}. {} {year}", DA[month - 1]),
        Lang::En => format!("{day} {} {year}", EN[month - 1]),
    }
}
