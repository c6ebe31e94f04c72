//! The whole pipeline on arbitrary bytes: read (as the browser decodes text: UTF-8 with
//! U+FFFD) → validate → key figures → chart of each region and of all → layout → keyboard
//! model and search. Any panic is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/corpus/pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    pipeline::run(&text);
});
