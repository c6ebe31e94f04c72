//! The README's example data set is complete: it validates without any finding.

#[test]
fn readme_example_validates_cleanly() {
    let readme = include_str!("../README.md");
    let start = readme.find("```json\n").expect("README has a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let report = sundhedsklynger::check(&readme[start..end], &Default::default());
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!(report.dataset.seats.len(), 10);
}
