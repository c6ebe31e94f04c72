//! The whole pipeline on arbitrary bytes: read (as the browser decodes text: UTF-8 with
//! U+FFFD) → validate → key figures → chart of each region and of all → layout → keyboard
//! model and search. Any panic is a crash, and so is a difference between the fast reading
//! (element by element from the text) and the reading of the whole tree.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/corpus/pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    pipeline::run(&text);
    let (fast, tree) = (sundhedsklynger::read::read_str(&text), sundhedsklynger::read::read_str_via_tree(&text));
    assert!(fast.dataset == tree.dataset && fast.origins == tree.origins && fast.findings == tree.findings, "fast and tree reading differ");
});
