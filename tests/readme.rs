//! The README's examples are real: the data set validates without any finding, and the
//! indicator snippet, added to it, validates and gives figures.

fn json_blocks(readme: &str) -> Vec<&str> {
    readme.split("```json\n").skip(1).map(|rest| &rest[..rest.find("```").unwrap()]).collect()
}

#[test]
fn readme_example_validates_cleanly() {
    let blocks = json_blocks(include_str!("../README.md"));
    let report = sundhedsklynger::check(blocks[0], &Default::default());
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!(report.dataset.seats.len(), 10);
}

#[test]
fn readme_indicator_snippet_fits_the_example() {
    let blocks = json_blocks(include_str!("../README.md"));
    let mut data: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
    let snippet: serde_json::Value = serde_json::from_str(blocks[1]).unwrap();
    for (k, v) in snippet.as_object().unwrap() {
        data[k] = v.clone();
    }
    let report = sundhedsklynger::check(&data.to_string(), &Default::default());
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    let profile = sundhedsklynger::rules::resolve_profile(&report.dataset, &Default::default()).0;
    let kf = sundhedsklynger::figures::key_figures::key_figures(&report.dataset, &profile, &Default::default());
    let thisted = kf.indicators[0].figures.iter().find(|f| f.area == "787").unwrap();
    assert!(thisted.value.is_some());
}
