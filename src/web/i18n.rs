//! Every string of the user interface, Danish first. Names of bodies, roles, sectors
//! and statuses come from the core (`crate::bodies::labels`); this table holds the rest.

use crate::finding::Severity;
use crate::bodies::labels;
use crate::model::{Share, Status};
use crate::model::text::Lang;

/// A fixed UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The region switcher's label (the same in both languages: the e2e tests rely on it).
    Region,
    /// The language switch: the name of the *other* language, in that language.
    OtherLanguage,
    Controls,
    ControlsWithPeriod,
    DefaultTitle,
    AsOf,
    RuleProfile,
    AcuteHospitals,
    Members,
    Candidates,
    Tasks,
    Structure,
    RegionalMajority,
    DownloadData,
    FetchingDataset,
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
    // Key figures
    Period,
    Indicators,
    Indicator,
    Synthetic,
    NoData,
    Invalid,
    NotGiven,
    ComparedWithRegion,
    ComparedWithNation,
    Change,
    NumeratorDenominator,
    Source,
    Method,
    Nation,
    NoIndicators,
    NoPeriods,
    Comparison,
    ComparisonHint,
    ShowClusters,
    WholeCountry,
    Value,
    Lower,
    Upper,
    Governance,
    Body,
    Total,
    ByProfile,
    Population,
    InhabitantsPerSeat,
    FundsMunicipal,
    FundsRegional,
    FundsTotal,
    RegionsCaption,
    Clusters,
    FewestPerSeat,
    MostPerSeat,
    SpreadRatio,
    NotInChart,
    // The org chart
    ViewChart,
    ViewList,
    ViewSwitch,
    ChartTools,
    ExpandAll,
    CollapseAll,
    ZoomIn,
    ZoomOut,
    Fit,
    CentreSelected,
    Search,
    NextHit,
    Sectors,
    ExportSvg,
    ExportView,
    ExportPng,
    Print,
    Details,
    NoSelection,
    Role,
    Person,
    Municipality,
    Status,
    Derived,
    ChartHelp,
    /// Shown (and announced) while the chart is drawn as an overview without text.
    OverviewHint,
    TooLargeForPng,
    ExportFailed,
    Zoom,
    Kind,
    Sector,
    // The transition 2022 → 2027
    TransitionTitle,
    TransitionDrawingNote,
    Council,
    ComesFrom,
    Inhabitants,
    MunicipalSeatsBeforeAfter,
    PerSeatBeforeAfter,
    Unknown,
    To,
    NotPlaced,
    TransitionChange,
    // Navigating the chart (issue 13)
    WheelHint,
    TouchHint,
    Fullscreen,
    ExitFullscreen,
    Minimap,
    Breadcrumbs,
    Arrangement,
    ArrangeTopDown,
    ArrangeLeftRight,
    ArrangeIndented,
    ZoomLevel,
    ExportMenu,
    MoreTools,
    /// What "Flere valg" holds; hidden on a narrow widget.
    MoreToolsDetail,
    SearchHint,
    // Indirect standardisation, funnel plots, inequality, trends, structures
    Smr,
    Isr,
    SmrHint,
    Responsible,
    Funnel,
    FunnelHint,
    FunnelAmong,
    Municipalities,
    Areas,
    Position,
    Size,
    Limits95,
    Limits998,
    OutsideNone,
    Inequality,
    Range,
    RatioHighLow,
    BestFifth,
    WorstFifth,
    GapToBestFifth,
    Gradient,
    Trends,
    TrendsHint,
    Structures,
    StructuresHint,
}

/// The text of `key` in `lang`.
pub fn tr(key: Key, lang: Lang) -> &'static str {
    let (da, en) = match key {
        Key::Region => ("Region", "Region"),
        Key::OtherLanguage => ("English", "Dansk"),
        Key::Controls => ("Vælg region og sprog", "Choose region and language"),
        Key::ControlsWithPeriod => ("Vælg region, periode og sprog", "Choose region, period and language"),
        Key::DefaultTitle => ("Sundhedsklynger og sundhedssamarbejdsudvalg", "Health clusters and health cooperation committees"),
        Key::AsOf => ("Data pr.", "Data as of"),
        Key::RuleProfile => ("Regelprofil", "Rule profile"),
        Key::AcuteHospitals => ("Akuthospital", "Acute hospital"),
        Key::Members => ("Kommuner", "Municipalities"),
        Key::Candidates => ("Mulige kommuner", "Possible municipalities"),
        Key::Tasks => ("Opgaver", "Tasks"),
        Key::Structure => ("Struktur", "Structure"),
        Key::RegionalMajority => ("Regionalt flertal", "Regional majority"),
        Key::DownloadData => ("Hent data (JSON)", "Download the data (JSON)"),
        Key::FetchingDataset => ("Henter strukturen …", "Fetching the structure …"),
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
        Key::Period => ("Periode", "Period"),
        Key::Indicators => ("Nøgletal", "Key figures"),
        Key::Indicator => ("Nøgletal", "Key figure"),
        Key::Synthetic => ("Eksempeldata – ikke officielle tal", "Example data – not official figures"),
        Key::NoData => ("Ingen data", "No data"),
        Key::Invalid => ("Kan ikke beregnes", "Cannot be computed"),
        Key::NotGiven => ("ikke oplyst", "not given"),
        Key::ComparedWithRegion => ("Sammenlignet med regionen", "Compared with the region"),
        Key::ComparedWithNation => ("Sammenlignet med hele landet", "Compared with the whole country"),
        Key::Change => ("Udvikling", "Change"),
        Key::NumeratorDenominator => ("Tæller / nævner", "Numerator / denominator"),
        Key::Source => ("Kilde", "Source"),
        Key::Method => ("Metode", "Method"),
        Key::Nation => ("Danmark", "Denmark"),
        Key::NoIndicators => (
            "Data indeholder ingen sundhedsnøgletal (indikatorer). Styringstallene nedenfor bygger på strukturen alene.",
            "The data contain no health key figures (indicators). The governance figures below come from the structure alone.",
        ),
        Key::NoPeriods => ("Data indeholder ingen tal for nøgletallene.", "The data contain no counts for the key figures."),
        Key::Comparison => ("Sammenligning af klynger", "Comparison of clusters"),
        Key::ComparisonHint => (
            "Prikken er værdien, stregen dens konfidensinterval; den lodrette streg er referencen. Tabellen under diagrammet har de samme tal og kan sorteres.",
            "The dot is the value, the line its confidence interval; the vertical line is the reference. The table below the chart has the same numbers and can be sorted.",
        ),
        Key::ShowClusters => ("Vis klynger", "Show clusters"),
        Key::WholeCountry => ("i hele landet", "in the whole country"),
        Key::Value => ("Værdi", "Value"),
        Key::Lower => ("Nedre grænse", "Lower limit"),
        Key::Upper => ("Øvre grænse", "Upper limit"),
        Key::Governance => ("Styringstal", "Governance figures"),
        Key::Body => ("Organ", "Body"),
        Key::Total => ("I alt", "Total"),
        Key::ByProfile => ("efter regelprofilen", "by the rule profile"),
        Key::Population => ("Befolkning", "Population"),
        Key::InhabitantsPerSeat => ("Indbyggere pr. kommunal plads", "Inhabitants per municipal seat"),
        Key::FundsMunicipal => ("Etableringsmidler, kommunalt", "Start-up funds, municipal"),
        Key::FundsRegional => ("Etableringsmidler, regionalt", "Start-up funds, regional"),
        Key::FundsTotal => ("Etableringsmidler, i alt", "Start-up funds, total"),
        Key::RegionsCaption => ("Regioner: befolkning og repræsentation", "Regions: population and representation"),
        Key::Clusters => ("Klynger", "Clusters"),
        Key::FewestPerSeat => ("Færrest indbyggere pr. kommunal plads", "Fewest inhabitants per municipal seat"),
        Key::MostPerSeat => ("Flest indbyggere pr. kommunal plads", "Most inhabitants per municipal seat"),
        Key::SpreadRatio => ("Forhold flest/færrest", "Ratio most/fewest"),
        Key::NotInChart => ("Ikke i diagrammet", "Not in the chart"),
        Key::ViewChart => ("Diagram", "Chart"),
        Key::ViewList => ("Liste", "List"),
        Key::ViewSwitch => ("Visning", "View"),
        Key::ChartTools => ("Diagramværktøjer", "Chart tools"),
        Key::ExpandAll => ("Fold alt ud", "Expand all"),
        Key::CollapseAll => ("Fold alt sammen", "Collapse all"),
        Key::WheelHint => ("Brug Ctrl + rul for at zoome", "Use Ctrl + scroll to zoom"),
        Key::TouchHint => ("Brug to fingre for at flytte diagrammet", "Use two fingers to move the chart"),
        Key::Fullscreen => ("Fuld skærm", "Full screen"),
        Key::ExitFullscreen => ("Luk fuld skærm (Esc)", "Exit full screen (Esc)"),
        Key::Minimap => ("Oversigtskort", "Minimap"),
        Key::Breadcrumbs => ("Placering i diagrammet", "Location in the chart"),
        Key::Arrangement => ("Opstilling", "Layout"),
        Key::ArrangeTopDown => ("Træ oppefra", "Tree, top-down"),
        Key::ArrangeLeftRight => ("Træ fra venstre", "Tree, left to right"),
        Key::ArrangeIndented => ("Indrykket liste", "Indented outline"),
        Key::ZoomLevel => ("Zoomniveau", "Zoom level"),
        Key::ExportMenu => ("Hent og udskriv", "Download and print"),
        Key::MoreTools => ("Flere valg", "More"),
        Key::MoreToolsDetail => (": opstilling, sektorer, hent", ": layout, sectors, download"),
        Key::ZoomIn => ("Zoom ind", "Zoom in"),
        Key::ZoomOut => ("Zoom ud", "Zoom out"),
        Key::Fit => ("Tilpas", "Fit"),
        Key::CentreSelected => ("Centrér valgte", "Centre selected"),
        Key::Search => ("Søg", "Search"),
        Key::SearchHint => ("navn, kommune, rolle, parti", "name, municipality, role, party"),
        Key::NextHit => ("Næste fund", "Next hit"),
        Key::Sectors => ("Vis sektorer", "Show sectors"),
        Key::ExportSvg => ("Hent SVG", "Download SVG"),
        Key::ExportView => ("Hent det viste (SVG)", "Download this view (SVG)"),
        Key::ExportPng => ("Hent PNG", "Download PNG"),
        Key::Print => ("Udskriv", "Print"),
        Key::Details => ("Detaljer", "Details"),
        Key::NoSelection => ("Vælg et felt i diagrammet for at se detaljer.", "Select a box in the chart to see its details."),
        Key::Role => ("Rolle", "Role"),
        Key::Person => ("Person", "Person"),
        Key::Municipality => ("Kommune", "Municipality"),
        Key::Status => ("Status", "Status"),
        Key::Derived => ("Pladsen vises efter regelprofilen; data angiver ingen person.", "The seat is shown by the rule profile; the data name no person."),
        Key::ChartHelp => (
            "Piletaster flytter mellem felterne, Enter viser detaljer, * folder søskende ud. Træk med musen eller to fingre for at flytte diagrammet; Ctrl + rul eller knib for at zoome.",
            "Arrow keys move between the boxes, Enter shows details, * expands siblings. Drag with the mouse or two fingers to move the chart; Ctrl + scroll or pinch to zoom.",
        ),
        Key::OverviewHint => (
            "Zoom ind for at læse navnene. Klik på et felt for at zoome ind på det.",
            "Zoom in to read the names. Click a box to zoom in on it.",
        ),
        Key::TooLargeForPng => (
            "Diagrammet er for stort til et PNG-billede. Fold noget sammen, eller hent SVG.",
            "The chart is too large for a PNG image. Collapse some of it, or download SVG.",
        ),
        Key::ExportFailed => ("Eksporten mislykkedes.", "The export failed."),
        Key::Zoom => ("Zoom", "Zoom"),
        Key::Kind => ("Type", "Type"),
        Key::Sector => ("Sektor", "Sector"),
        Key::TransitionTitle => ("Overgangen: sundhedsklynger 2022 → sundhedsråd 2027", "The transition: health clusters 2022 → health councils 2027"),
        Key::TransitionDrawingNote => (
            "Tegningen viser, hvor kommunerne i hver klynge fra 2022 går hen i 2027; linjernes tykkelse følger antallet af kommuner. Tabellerne nedenfor viser det samme som tekst.",
            "The drawing shows where each 2022 cluster's municipalities go in 2027; the lines' thickness follows the number of municipalities. The tables below show the same as text.",
        ),
        Key::Council => ("Sundhedsråd", "Health council"),
        Key::ComesFrom => ("Kommer fra", "Comes from"),
        Key::Inhabitants => ("Indbyggere", "Inhabitants"),
        Key::MunicipalSeatsBeforeAfter => ("Kommunale pladser før → efter", "Municipal seats before → after"),
        Key::PerSeatBeforeAfter => ("Indbyggere pr. kommunal plads før → efter", "Inhabitants per municipal seat before → after"),
        Key::Unknown => ("ukendt", "unknown"),
        Key::To => ("til", "to"),
        Key::NotPlaced => ("ikke placeret", "not placed"),
        Key::TransitionChange => ("Ændring", "Change"),
        Key::Smr => ("Indirekte standardiseret ratio (SMR)", "Indirectly standardised ratio (SMR)"),
        Key::Isr => ("Indirekte standardiseret rate", "Indirectly standardised rate"),
        Key::SmrHint => (
            "SMR: observerede ÷ forventede hændelser med referencens aldersspecifikke rater; 100 = som referencen. Bruges for små områder, hvor den direkte standardiserede rate er for usikker.",
            "SMR: observed ÷ expected events at the reference's age-specific rates; 100 = as the reference. For small areas, where the directly standardised rate is too uncertain.",
        ),
        Key::Responsible => ("Ansvarligt organ", "Responsible body"),
        Key::Funnel => ("Tragtdiagram", "Funnel plot"),
        Key::FunnelHint => (
            "Hvert punkt er et område: værdien mod områdets størrelse. Kurverne er kontrolgrænser (95 % og 99,8 %) om referencens værdi: et område uden for dem afviger mere, end tilfældet alene forklarer. ▲ over, ▼ under grænsen; udfyldt uden for 99,8 %.",
            "Each point is an area: its value against its size. The curves are control limits (95 % and 99.8 %) around the reference's value: an area outside them differs more than chance alone explains. ▲ above, ▼ below a limit; filled outside 99.8 %.",
        ),
        Key::FunnelAmong => ("Vis", "Show"),
        Key::Municipalities => ("Kommuner", "Municipalities"),
        Key::Areas => ("Områder (klynger/sundhedsråd)", "Areas (clusters/councils)"),
        Key::Position => ("Placering i forhold til grænserne", "Position against the limits"),
        Key::Size => ("Størrelse", "Size"),
        Key::Limits95 => ("95 %-grænser", "95% limits"),
        Key::Limits998 => ("99,8 %-grænser", "99.8% limits"),
        Key::OutsideNone => ("Ingen områder ligger uden for 95 %-grænserne.", "No area lies outside the 95% limits."),
        Key::Inequality => ("Ulighed", "Inequality"),
        Key::Range => ("Spændvidde (højeste − laveste)", "Range (highest − lowest)"),
        Key::RatioHighLow => ("Forhold højeste/laveste", "Ratio highest/lowest"),
        Key::BestFifth => ("Bedste femtedel (gennemsnit)", "Best fifth (mean)"),
        Key::WorstFifth => ("Dårligste femtedel (gennemsnit)", "Worst fifth (mean)"),
        Key::GapToBestFifth => ("Afstand til bedste femtedel", "Gap to the best fifth"),
        Key::Gradient => ("Social gradient (SII og RII)", "Social gradient (SII and RII)"),
        Key::Trends => ("Udvikling over perioderne", "Trends over the periods"),
        Key::TrendsHint => (
            "Ét lille diagram pr. område med samme akse: værdien i hver periode med konfidensinterval. Undertrykte perioder er markeret med ×.",
            "One small chart per area on the same axis: the value in each period with its confidence interval. Suppressed periods are marked ×.",
        ),
        Key::Structures => ("Samme kommuner i to strukturer", "The same municipalities in two structures"),
        Key::StructuresHint => (
            "Hver kommunes værdi i sin sundhedsklynge (2022) og i sit sundhedsråd (2027), beregnet af de samme kommunetal.",
            "Each municipality's value in its health cluster (2022) and in its health council (2027), computed from the same municipal counts.",
        ),
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
    if !crate::rules::is_date(iso) {
        return iso.to_string();
    }
    let (year, month, day) = (&iso[0..4], iso[5..7].parse::<usize>().unwrap_or(1), iso[8..10].parse::<u32>().unwrap_or(1));
    match lang {
        Lang::Da => format!("{day}. {} {year}", DA[month - 1]),
        Lang::En => format!("{day} {} {year}", EN[month - 1]),
    }
}

/// "Gælder 1. juli 2022 – 31. december 2026", "Gælder fra 1. januar 2027 (forberedende fra
/// 1. januar 2026)": the period a structure is in force.
pub fn period(from: Option<&str>, to: Option<&str>, preparatory: Option<&str>, lang: Lang) -> Option<String> {
    let d = |s: &str| date(s, lang);
    let main = match (from, to, lang) {
        (Some(f), Some(t), Lang::Da) => format!("Gælder {} – {}", d(f), d(t)),
        (Some(f), Some(t), Lang::En) => format!("In force {} – {}", d(f), d(t)),
        (Some(f), None, Lang::Da) => format!("Gælder fra {}", d(f)),
        (Some(f), None, Lang::En) => format!("In force from {}", d(f)),
        (None, Some(t), Lang::Da) => format!("Gælder til {}", d(t)),
        (None, Some(t), Lang::En) => format!("In force until {}", d(t)),
        (None, None, _) => return None,
    };
    Some(match (preparatory, lang) {
        (Some(p), Lang::Da) => format!("{main} (forberedende fra {})", d(p)),
        (Some(p), Lang::En) => format!("{main} (preparatory from {})", d(p)),
        (None, _) => main,
    })
}

// ---------------------------------------------------------------- key figures

/// "Nøgletal for Horsensklyngen, 2023".
pub fn key_figures_for(name: &str, period: Option<&str>, lang: Lang) -> String {
    match (lang, period) {
        (Lang::Da, Some(p)) => format!("Nøgletal for {name}, {p}"),
        (Lang::Da, None) => format!("Nøgletal for {name}"),
        (Lang::En, Some(p)) => format!("Key figures for {name}, {p}"),
        (Lang::En, None) => format!("Key figures for {name}"),
    }
}

/// "Undertrykt (færre end 5 hændelser)"; `n` is already formatted.
pub fn suppressed(n: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Undertrykt (færre end {n} hændelser)"),
        Lang::En => format!("Suppressed (fewer than {n} events)"),
    }
}

/// "95 %-konfidensinterval" / "95% confidence interval"; `level` is already formatted.
pub fn interval(level: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{level}-konfidensinterval"),
        Lang::En => format!("{level} confidence interval"),
    }
}

/// How one figure compares with another: higher, lower or no clear difference, in words.
/// `value` is the other area's value, formatted.
pub fn comparison(significant: bool, difference: f64, other: &str, value: &str, lang: Lang) -> String {
    match (lang, significant, difference > 0.0) {
        (Lang::Da, true, true) => format!("Højere end {other} ({value})"),
        (Lang::Da, true, false) => format!("Lavere end {other} ({value})"),
        (Lang::Da, false, _) => format!("Ingen klar forskel fra {other} ({value})"),
        (Lang::En, true, true) => format!("Higher than {other} ({value})"),
        (Lang::En, true, false) => format!("Lower than {other} ({value})"),
        (Lang::En, false, _) => format!("No clear difference from {other} ({value})"),
    }
}

/// Short form for the comparison table: "Højere" / "Lavere" / "Ingen klar forskel".
pub fn comparison_short(significant: bool, difference: f64, lang: Lang) -> &'static str {
    match (lang, significant, difference > 0.0) {
        (Lang::Da, true, true) => "Højere",
        (Lang::Da, true, false) => "Lavere",
        (Lang::Da, false, _) => "Ingen klar forskel",
        (Lang::En, true, true) => "Higher",
        (Lang::En, true, false) => "Lower",
        (Lang::En, false, _) => "No clear difference",
    }
}

/// "+1,5 siden 2022 (21,9): tydelig stigning"; numbers already formatted.
pub fn trend(change: &str, difference: f64, significant: bool, previous_period: &str, previous_value: &str, lang: Lang) -> String {
    let verdict = match (lang, significant, difference > 0.0) {
        (Lang::Da, true, true) => "tydelig stigning",
        (Lang::Da, true, false) => "tydeligt fald",
        (Lang::Da, false, _) => "ingen klar ændring",
        (Lang::En, true, true) => "clear increase",
        (Lang::En, true, false) => "clear decrease",
        (Lang::En, false, _) => "no clear change",
    };
    match lang {
        Lang::Da => format!("{change} siden {previous_period} ({previous_value}): {verdict}"),
        Lang::En => format!("{change} since {previous_period} ({previous_value}): {verdict}"),
    }
}

/// What "clear" means: the two intervals do not overlap.
pub fn significance_hint(level: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("»Klar« forskel eller ændring: de to {level}-konfidensintervaller overlapper ikke."),
        Lang::En => format!("A “clear” difference or change: the two {level} confidence intervals do not overlap."),
    }
}

/// The municipalities left out of a cluster figure because their share is unknown.
pub fn incomplete(names: &[String], lang: Lang) -> String {
    let list = join_and(names, lang);
    match (lang, names.len()) {
        (Lang::Da, 1) => format!("{list} indgår ikke: befolkningsandelen i klyngen kendes ikke."),
        (Lang::Da, _) => format!("{list} indgår ikke: befolkningsandelene i klyngen kendes ikke."),
        (Lang::En, 1) => format!("{list} is not included: its population share in the cluster is not known."),
        (Lang::En, _) => format!("{list} are not included: their population shares in the cluster are not known."),
    }
}

/// Short form for a table row: "uden København" / "without København".
pub fn without(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::Da => format!("uden {}", join_and(names, lang)),
        Lang::En => format!("without {}", join_and(names, lang)),
    }
}

fn join_and(names: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Da => "og",
        Lang::En => "and",
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// "Direkte aldersstandardiseret (standardbefolkning esp2013)".
pub fn standardised(standard: Option<&str>, lang: Lang) -> String {
    match (lang, standard) {
        (Lang::Da, Some(s)) => format!("Direkte aldersstandardiseret (standardbefolkning: {s})"),
        (Lang::Da, None) => "Direkte aldersstandardiseret".into(),
        (Lang::En, Some(s)) => format!("Directly age-standardised (standard population: {s})"),
        (Lang::En, None) => "Directly age-standardised".into(),
    }
}

/// "Ikke standardiseret (rå rate)" and the like.
pub fn crude(kind: crate::model::indicator::IndicatorKind, lang: Lang) -> &'static str {
    use crate::model::indicator::IndicatorKind;
    match (lang, kind) {
        (Lang::Da, IndicatorKind::Rate) => "Rå rate, ikke standardiseret",
        (Lang::Da, IndicatorKind::Proportion) => "Andel, ikke standardiseret",
        (Lang::En, IndicatorKind::Rate) => "Crude rate, not standardised",
        (Lang::En, IndicatorKind::Proportion) => "Proportion, not standardised",
    }
}

/// The radio button for one region's clusters: "i Region Midtjylland".
pub fn in_region(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("i {region}"),
        Lang::En => format!("in {region}"),
    }
}

/// The header of the comparison column: "Sammenlignet med Region Midtjylland (21,5)".
pub fn compared_with(reference: &str, value: Option<&str>, lang: Lang) -> String {
    match (lang, value) {
        (Lang::Da, Some(v)) => format!("Sammenlignet med {reference} ({v})"),
        (Lang::Da, None) => format!("Sammenlignet med {reference}"),
        (Lang::En, Some(v)) => format!("Compared with {reference} ({v})"),
        (Lang::En, None) => format!("Compared with {reference}"),
    }
}

/// The comparison table's caption.
/// `areas` names the structure's areas ("Sundhedsklynge", "Sundhedsråd").
pub fn comparison_caption(indicator: &str, unit: &str, period: &str, scope: &str, areas: &str) -> String {
    format!("{indicator}, {unit}, {areas} {scope}, {period}")
}

/// The chart's accessible name.
pub fn chart_label(caption: &str, reference: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Prikdiagram: {caption}. Værdier med konfidensintervaller; lodret streg: {reference}. Tallene står i tabellen under diagrammet."),
        Lang::En => format!("Dot chart: {caption}. Values with confidence intervals; vertical line: {reference}. The numbers are in the table below the chart."),
    }
}

/// The clusters left out of the chart, and why.
pub fn not_in_chart(names: &[String], lang: Lang) -> String {
    let list = join_and(names, lang);
    match lang {
        Lang::Da => format!("{}: {list} (undertrykt eller uden tal; se tabellen).", tr(Key::NotInChart, lang)),
        Lang::En => format!("{}: {list} (suppressed or without numbers; see the table).", tr(Key::NotInChart, lang)),
    }
}

/// The seats table's caption.
pub fn seats_caption(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Pladser pr. organ og sektor, {region}"),
        Lang::En => format!("Seats per body and sector, {region}"),
    }
}

/// The clusters table's caption.
/// The caption of the areas' table: "Sundhedsråd i Region Nordjylland: befolkning og
/// repræsentation"; with the start-up funds for the 2022 clusters.
pub fn areas_caption(area: &crate::model::text::Text, region: &str, funds: bool, lang: Lang) -> String {
    if funds {
        return clusters_caption(region, lang);
    }
    match lang {
        Lang::Da => format!("{} i {region}: befolkning og repræsentation", area.da),
        Lang::En => format!("{}s in {region}: population and representation", area.en),
    }
}

/// "+1" (the region holds the majority by one seat), "–" (no majority), "−3" (the others).
pub fn majority(margin: i32, lang: Lang) -> String {
    match (margin, lang) {
        (m, _) if m > 0 => format!("+{m}"),
        (0, Lang::Da) => "lige".into(),
        (0, Lang::En) => "even".into(),
        (m, _) => format!("−{}", -m),
    }
}

pub fn clusters_caption(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Klynger i {region}: befolkning, repræsentation og etableringsmidler 2022"),
        Lang::En => format!("Clusters in {region}: population, representation and start-up funds 2022"),
    }
}

/// How the start-up funds are divided; `per_inhabitant` already formatted where known.
pub fn funds_note(per_inhabitant: Option<&str>, lang: Lang) -> String {
    let base = match lang {
        Lang::Da => "Etableringsmidler 2022: 80 mio. kr., 40 mio. kr. fra kommunerne og 40 mio. kr. fra regionerne, fordelt mellem klyngerne efter befolkningstal",
        Lang::En => "Start-up funds 2022: DKK 80 million, DKK 40 million from the municipalities and DKK 40 million from the regions, divided among the clusters by population",
    };
    match (lang, per_inhabitant) {
        (Lang::Da, Some(x)) => format!("{base} ({x} pr. indbygger)."),
        (Lang::En, Some(x)) => format!("{base} ({x} per inhabitant)."),
        (_, None) => format!("{base}."),
    }
}

/// Why populations are missing.
pub fn populations_unknown(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Hvor befolkningstal ikke er oplyst i data, kan befolkning, repræsentation og etableringsmidler ikke beregnes.",
        Lang::En => "Where the data give no population, population, representation and start-up funds cannot be computed.",
    }
}

/// "12.345 (Samsø)".
pub fn value_at(value: &str, place: &str) -> String {
    format!("{value} ({place})")
}

/// "3 fund" / "3 hits"; "Fund 2 af 3" / "Hit 2 of 3".
pub fn hits(count: usize, current: Option<usize>, lang: Lang) -> String {
    match (lang, current) {
        (Lang::Da, Some(i)) => format!("Fund {} af {count}", i + 1),
        (Lang::En, Some(i)) => format!("Hit {} of {count}", i + 1),
        (Lang::Da, None) => format!("{count} fund"),
        (Lang::En, None) if count == 1 => "1 hit".into(),
        (Lang::En, None) => format!("{count} hits"),
    }
}

/// The tree's accessible name: "Organisationsdiagram: Region Midtjylland".
pub fn chart_name(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Organisationsdiagram: {region}"),
        Lang::En => format!("Organisation chart: {region}"),
    }
}

/// A municipality's change from 2022 to 2027, in words.
pub fn change(change: crate::transition::Change, lang: Lang) -> &'static str {
    use crate::transition::Change;
    let (da, en) = match change {
        Change::Same => ("uændret", "unchanged"),
        Change::Merged => ("lagt sammen med andre", "merged with others"),
        Change::Split => ("delt", "split"),
        Change::SplitJoined => ("delt og lagt sammen", "split and merged"),
        Change::Moved => ("flyttet", "moved"),
        Change::Unplaced => ("ikke placeret", "not placed"),
    };
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// "2 kommuner" / "1 municipality"; `n` already formatted.
pub fn municipalities(count: u32, n: &str, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Da, 1) => format!("{n} kommune"),
        (Lang::Da, _) => format!("{n} kommuner"),
        (Lang::En, 1) => format!("{n} municipality"),
        (Lang::En, _) => format!("{n} municipalities"),
    }
}

fn clusters_word(count: u32, lang: Lang) -> &'static str {
    match (lang, count) {
        (Lang::Da, 1) => "sundhedsklynge",
        (Lang::Da, _) => "sundhedsklynger",
        (Lang::En, 1) => "health cluster",
        (Lang::En, _) => "health clusters",
    }
}

fn councils_word(count: u32, lang: Lang) -> &'static str {
    match (lang, count) {
        (Lang::Da, _) => "sundhedsråd",
        (Lang::En, 1) => "health council",
        (Lang::En, _) => "health councils",
    }
}

/// "A, B og C" / "A, B and C".
pub fn and_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Da => "og",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// A count and its formatted text.
pub type Counted<'a> = (u32, &'a str);

/// The numbers of a transition's summary, formatted, for [`transition_summary`].
pub struct TransitionCounts<'a> {
    pub areas_from: Counted<'a>,
    pub areas_to: Counted<'a>,
    pub merged: Counted<'a>,
    pub split: Counted<'a>,
    /// Municipalities split before and whole after, with the area they come together in.
    pub reunited: &'a [(String, String)],
    /// The region shown and its numbers of areas before and after.
    pub region: Option<(&'a str, Counted<'a>, Counted<'a>)>,
}

/// "22 sundhedsklynger bliver til 17 sundhedsråd; 4 råd samler flere klynger, 1 klynge
/// deles mellem flere råd, og København samles i Sundhedsråd Hovedstaden. I Region
/// Nordjylland bliver 4 sundhedsklynger til 2 sundhedsråd."
pub fn transition_summary(c: &TransitionCounts, lang: Lang) -> String {
    let mut parts = Vec::new();
    if c.merged.0 > 0 {
        parts.push(match lang {
            Lang::Da => format!("{} råd samler flere klynger", c.merged.1),
            Lang::En if c.merged.0 == 1 => format!("{} council brings several clusters together", c.merged.1),
            Lang::En => format!("{} councils bring several clusters together", c.merged.1),
        });
    }
    if c.split.0 > 0 {
        parts.push(match (lang, c.split.0) {
            (Lang::Da, 1) => format!("{} klynge deles mellem flere råd", c.split.1),
            (Lang::Da, _) => format!("{} klynger deles mellem flere råd", c.split.1),
            (Lang::En, 1) => format!("{} cluster is divided between several councils", c.split.1),
            (Lang::En, _) => format!("{} clusters are divided between several councils", c.split.1),
        });
    }
    for (municipality, area) in c.reunited {
        parts.push(match lang {
            Lang::Da => format!("{municipality} samles i {area}"),
            Lang::En => format!("{municipality} comes together in {area}"),
        });
    }
    let head = match lang {
        Lang::Da => format!("{} {} bliver til {} {}", c.areas_from.1, clusters_word(c.areas_from.0, lang), c.areas_to.1, councils_word(c.areas_to.0, lang)),
        Lang::En => format!("{} {} become {} {}", c.areas_from.1, clusters_word(c.areas_from.0, lang), c.areas_to.1, councils_word(c.areas_to.0, lang)),
    };
    let mut text = if parts.is_empty() { format!("{head}.") } else { format!("{head}; {}.", and_list(&parts, lang)) };
    if let Some((region, from, to)) = c.region {
        text.push(' ');
        text.push_str(&match lang {
            Lang::Da => format!("I {region} bliver {} {} til {} {}.", from.1, clusters_word(from.0, lang), to.1, councils_word(to.0, lang)),
            Lang::En if from.0 == 1 => format!("In {region}, {} {} becomes {} {}.", from.1, clusters_word(from.0, lang), to.1, councils_word(to.0, lang)),
            Lang::En => format!("In {region}, {} {} become {} {}.", from.1, clusters_word(from.0, lang), to.1, councils_word(to.0, lang)),
        });
    }
    text
}

/// The drawing's accessible name.
pub fn transition_drawing(region: &str, from: usize, to: usize, flows: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Tegning af overgangen i {region}: {from} klynger fra 2022 til venstre, {to} sundhedsråd fra 2027 til højre, forbundet af {flows} linjer"),
        Lang::En => format!("Drawing of the transition in {region}: {from} clusters of 2022 on the left, {to} health councils of 2027 on the right, joined by {flows} lines"),
    }
}

/// The councils table's caption.
pub fn councils_caption(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Sundhedsråd 2027 for kommunerne i {region} og de klynger, de kommer fra"),
        Lang::En => format!("Health councils 2027 for the municipalities of {region} and the clusters they come from"),
    }
}

/// The municipalities table's caption.
pub fn transition_municipalities_caption(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Kommunerne i {region}: klynge 2022, sundhedsråd 2027 og ændring"),
        Lang::En => format!("The municipalities of {region}: cluster 2022, health council 2027 and change"),
    }
}

/// The one line of the collapsed key-figure section: "Nøgletal og styringstal: 3 indikatorer (eksempeldata)".
pub fn figures_summary(indicators: usize, synthetic: bool, lang: Lang) -> String {
    let example = if synthetic { tr(Key::Synthetic, lang).to_string() } else { String::new() };
    let mut line = match lang {
        Lang::Da => format!("Nøgletal og styringstal: {indicators} {}", if indicators == 1 { "indikator" } else { "indikatorer" }),
        Lang::En => format!("Key figures and governance figures: {indicators} {}", if indicators == 1 { "indicator" } else { "indicators" }),
    };
    if !example.is_empty() {
        line.push_str(&format!(" ({example})"));
    }
    line
}

// ---------------------------------------------------------------- SMR, funnel, inequality, trends

/// "104,2 (95 %-KI 98,1–110,6; eksakt)"; numbers already formatted.
pub fn smr_value(ratio: &str, lower: &str, upper: &str, level: &str, exact: bool, lang: Lang) -> String {
    match (lang, exact) {
        (Lang::Da, true) => format!("{ratio} ({level}-KI {lower}–{upper}; eksakt Poisson, under 10 hændelser)"),
        (Lang::Da, false) => format!("{ratio} ({level}-KI {lower}–{upper}; Byar)"),
        (Lang::En, true) => format!("{ratio} ({level} CI {lower}–{upper}; exact Poisson, below 10 events)"),
        (Lang::En, false) => format!("{ratio} ({level} CI {lower}–{upper}; Byar)"),
    }
}

/// "Observeret 130, forventet 118,3 (reference: hele landet i samme periode)".
pub fn observed_expected(observed: &str, expected: &str, reference: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Observeret {observed}, forventet {expected} (reference: {reference})"),
        Lang::En => format!("Observed {observed}, expected {expected} (reference: {reference})"),
    }
}

/// Where a point lies against the funnel's limits.
pub fn outlier(o: crate::figures::stats::Outlier, lang: Lang) -> &'static str {
    use crate::figures::stats::Outlier::*;
    match (lang, o) {
        (Lang::Da, Within) => "Inden for grænserne",
        (Lang::Da, High95) => "Over 95 %-grænsen",
        (Lang::Da, High998) => "Over 99,8 %-grænsen",
        (Lang::Da, Low95) => "Under 95 %-grænsen",
        (Lang::Da, Low998) => "Under 99,8 %-grænsen",
        (Lang::En, Within) => "Within the limits",
        (Lang::En, High95) => "Above the 95% limit",
        (Lang::En, High998) => "Above the 99.8% limit",
        (Lang::En, Low95) => "Below the 95% limit",
        (Lang::En, Low998) => "Below the 99.8% limit",
    }
}

/// The funnel's caption: what is plotted against what, around which reference.
pub fn funnel_caption(indicator: &str, y: &str, x: &str, reference: &str, period: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{indicator}, {period}: {y} mod {x}; grænser om {reference}"),
        Lang::En => format!("{indicator}, {period}: {y} against {x}; limits around {reference}"),
    }
}

/// The axes of a funnel: (value, size).
pub fn funnel_axes(ratio: bool, unit: &str, denominator: &str, lang: Lang) -> (String, String) {
    match (lang, ratio) {
        (Lang::Da, true) => ("SMR (100 = referencen)".into(), "forventede hændelser".into()),
        (Lang::En, true) => ("SMR (100 = the reference)".into(), "expected events".into()),
        (_, false) => (unit.to_string(), denominator.to_string()),
    }
}

/// The accessible name of a funnel point.
pub fn funnel_point(name: &str, value: &str, size: &str, position: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{name}: {value}, størrelse {size}. {position}."),
        Lang::En => format!("{name}: {value}, size {size}. {position}."),
    }
}

/// "Uden for grænserne: Alfa (over 99,8 %-grænsen), …".
pub fn outside_list(items: &[String], lang: Lang) -> String {
    let list = join_and(items, lang);
    match lang {
        Lang::Da => format!("Uden for 95 %-grænserne: {list}."),
        Lang::En => format!("Outside the 95% limits: {list}."),
    }
}

/// "Forskellen mellem den højeste (Læsø: 30,1) og den laveste (Gentofte: 12,0) kommune er
/// 18,1; den højeste er 2,5 gange den laveste."; numbers already formatted.
pub fn inequality_sentence(among_municipalities: bool, highest: (&str, &str), lowest: (&str, &str), range: &str, ratio: Option<&str>, lang: Lang) -> String {
    let (hn, hv) = highest;
    let (ln, lv) = lowest;
    let what = match (lang, among_municipalities) {
        (Lang::Da, true) => "kommune",
        (Lang::Da, false) => "område",
        (Lang::En, true) => "municipality",
        (Lang::En, false) => "area",
    };
    let times = match (lang, ratio) {
        (Lang::Da, Some(r)) => format!("; den højeste er {r} gange den laveste"),
        (Lang::En, Some(r)) => format!("; the highest is {r} times the lowest"),
        (_, None) => String::new(),
    };
    match lang {
        Lang::Da => format!("Forskellen mellem den højeste ({hn}: {hv}) og den laveste {what} ({ln}: {lv}) er {range}{times}."),
        Lang::En => format!("The difference between the highest ({hn}: {hv}) and the lowest {what} ({ln}: {lv}) is {range}{times}."),
    }
}

/// "Forskellen mellem den mindst og den mest begunstigede ende af grupperne (SII) er +8,2 …".
pub fn gradient_sentence(area: &str, sii: &str, positive: bool, rii_ends: Option<&str>, rii_mean: Option<&str>, lang: Lang) -> String {
    let direction = match (lang, positive) {
        (Lang::Da, true) => "højere blandt de mindst begunstigede",
        (Lang::Da, false) => "lavere blandt de mindst begunstigede",
        (Lang::En, true) => "higher among the least advantaged",
        (Lang::En, false) => "lower among the least advantaged",
    };
    let ends = rii_ends.map(|r| match lang {
        Lang::Da => format!(" RII (forholdet mellem de to ender, som PHE): {r}."),
        Lang::En => format!(" RII (the ratio of the two ends, as PHE): {r}."),
    });
    let mean = rii_mean.map(|r| match lang {
        Lang::Da => format!(" SII ÷ gennemsnit: {r}."),
        Lang::En => format!(" SII ÷ mean: {r}."),
    });
    match lang {
        Lang::Da => format!(
            "{area}: Forskellen mellem den mindst og den mest begunstigede ende af grupperne (SII, den mindst begunstigede minus den mest begunstigede) er {sii}: {direction}.{}{}",
            ends.unwrap_or_default(),
            mean.unwrap_or_default()
        ),
        Lang::En => format!(
            "{area}: The difference between the least and the most advantaged end of the groups (SII, least advantaged minus most advantaged) is {sii}: {direction}.{}{}",
            ends.unwrap_or_default(),
            mean.unwrap_or_default()
        ),
    }
}

/// A trend panel's accessible name: "Alfa: 2019 21,0; 2020 undertrykt; …".
pub fn trend_label(name: &str, values: &[String], lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{name}: {}. Tallene står også i tabellen.", values.join("; ")),
        Lang::En => format!("{name}: {}. The numbers are also in the table.", values.join("; ")),
    }
}

/// "suppressed" in a list of values.
pub fn suppressed_short(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "undertrykt",
        Lang::En => "suppressed",
    }
}

/// What the funnel's lines are: "Fuld kurve: 95 %-grænser; stiplet: 99,8 %; vandret linje: Danmark (100,0)".
pub fn funnel_legend(reference: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Fuldt optrukne kurver: 95 %-grænser; stiplede: 99,8 %-grænser; vandret linje: {reference} ({value})."),
        Lang::En => format!("Solid curves: 95% limits; dashed: 99.8% limits; horizontal line: {reference} ({value})."),
    }
}

/// What the inequality strip shows.
pub fn strip_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Hver lodret streg er ét område. Det grå felt går fra den bedste femtedels gennemsnit (fuld linje) til den dårligste femtedels (stiplet).",
        Lang::En => "Each vertical stroke is one area. The grey band runs from the best fifth's mean (solid line) to the worst fifth's (dashed).",
    }
}
