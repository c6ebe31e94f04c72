//! Prints the findings for a data file (default: the embedded data): `cargo run --example findings [file.json]`.
fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).unwrap_or_else(|e| format!("<{e}>")),
        None => sundhedsklynger::DEFAULT_DATA_JSON.to_string(),
    };
    let report = sundhedsklynger::check(&text, &Default::default());
    for f in &report.findings {
        println!("{:?}\t{}\t{}\t{}\n\t\t{}", f.severity, f.code.as_str(), f.path, f.message.da, f.message.en);
    }
}
