//! How much is read: the input's size and each top-level array's length.

/// Largest accepted input, in bytes. The default data set is about 30 KB; real
/// national data with persons and seats stay far below this.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Most elements read from `municipalities`: a kommunekode has three digits, so there are
/// at most 1,000 (Denmark has 98).
pub const MAX_MUNICIPALITIES: usize = 1_000;

/// Most elements read from the other arrays of structure (`regions`, `clusters`,
/// `profiles`, `indicators`, `standard_populations`): Denmark has 5 regions and 22
/// clusters. The limits bound the lookups between arrays that validation, key figures and
/// the chart do (each body looks for its seats among all seats).
pub const MAX_STRUCTURE_ELEMENTS: usize = 200;

/// Most elements read from `persons`, `seats` and `values`: room for the 100,000-seat
/// chart the browser tests draw, and for 200,000 rows of counts.
pub const MAX_ELEMENTS: usize = 200_000;

/// Most elements read from the top-level array `key`; elements after them are reported
/// (`too-many-elements`) and not read.
pub fn max_elements(key: &str) -> usize {
    match key {
        "persons" | "seats" | "values" => MAX_ELEMENTS,
        "municipalities" => MAX_MUNICIPALITIES,
        _ => MAX_STRUCTURE_ELEMENTS,
    }
}
