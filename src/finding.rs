//! Findings: what reading and validation report about a data set.

use serde::{Deserialize, Serialize};

use crate::model::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Stable finding codes: tests, documentation and integrators key on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    // Reading
    JsonSyntax,
    JsonNotObject,
    JsonType,
    JsonMissingField,
    JsonUnknownField,
    FormatUnsupported,
    ByteOrderMark,
    InputTooLarge,
    /// A top-level array longer than its limit ([`crate::read::max_elements`]): the rest is not read.
    TooManyElements,
    // Identity and references
    DuplicateId,
    UnknownReference,
    InvalidMunicipalityCode,
    InvalidRegionCode,
    InvalidDate,
    /// A period that ends before it starts.
    InvalidPeriod,
    /// One area (or membership) listed twice for overlapping periods.
    OverlappingPeriods,
    InvalidSourceUrl,
    EmptyName,
    UnknownProfile,
    /// An option of the widget (`dataset`, `date`, …) that cannot be used as given.
    InvalidOption,
    /// The browser entries: a data set's file (`data/<id>.json`) could not be fetched.
    LoadFailed,
    InvalidProfile,
    ProfileOverridesBuiltin,
    // Structure
    MunicipalityOtherRegion,
    MunicipalityUnplaced,
    DuplicateMember,
    ClusterWithoutMembers,
    RegionWithoutClusters,
    SplitShareUnknown,
    SplitSharesSum,
    ShareWithoutSplit,
    // Seats and bodies
    InvalidSeat,
    CompositionTooFew,
    CompositionTooMany,
    /// A group's seats do not stand in the relation the profile gives to another group's.
    CompositionRelation,
    /// The chair or vice-chair is not of the group the profile requires.
    ChairGroup,
    /// A rule by population cannot be checked: the municipality has no count for the date.
    PopulationMissing,
    IncompatibleSeats,
    PersonTwiceInBody,
    // Sources and status
    UnverifiedCluster,
    PartialCluster,
    UnverifiedName,
    UnverifiedMembership,
    UnverifiedSeat,
    /// The data set, a profile or an area rests on secondary sources only.
    SecondarySource,
    // Indicators
    InvalidAgeBand,
    OverlappingAgeBands,
    MissingAgeBands,
    InvalidCount,
    EventsAbovePopulation,
    ZeroDenominator,
    DuplicateValue,
    SyntheticData,
}

impl Code {
    /// The code as it appears in JSON, e.g. `"duplicate-id"`.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// One thing found in a data set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    /// JSON Pointer (RFC 6901) to the offending element; `""` is the whole document.
    pub path: String,
    pub message: Text,
}

impl Finding {
    /// Messages are clipped to [`MAX_MESSAGE_CHARS`] characters: they quote data, and a
    /// 10 MB name must not become a 10 MB message (the names in them are clipped shorter).
    pub fn new(severity: Severity, code: Code, path: impl Into<String>, message: Text) -> Self {
        let message = Text::new(clip_message(message.da), clip_message(message.en));
        Finding { severity, code, path: path.into(), message }
    }
}

/// Longest message of a finding, in characters, in each language.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

fn clip_message(s: String) -> String {
    match s.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
}

/// Builds JSON Pointers (RFC 6901).
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for s in segments {
        out.push('/');
        let s = s.as_ref();
        if !s.contains(['~', '/']) {
            // The common case, copied at once: a path is built for every element read.
            out.push_str(s);
            continue;
        }
        for c in s.chars() {
            match c {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                c => out.push(c),
            }
        }
    }
    out
}

/// The segments of a JSON Pointer, unescaped: the inverse of [`pointer`].
pub fn pointer_segments(p: &str) -> Vec<String> {
    p.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// `pointer` for the common case of a path that starts with an array element.
pub fn at(array: &str, index: usize, rest: &[&str]) -> String {
    let idx = index.to_string();
    pointer([array, idx.as_str()].into_iter().chain(rest.iter().copied()))
}
