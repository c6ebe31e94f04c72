//! Key-figure benchmark: 98 municipalities × 19 age bands × 10 periods × 20 indicators
//! on the real structure (default data), with generated counts.
//!
//! `cargo run --release --example bench_keyfigures [out.json]` prints the native timings
//! and, with a path, writes the generated data set for the wasm benchmark (bench/keyfigures.mjs).

use std::time::Instant;

use serde_json::{json, Value};
use sundhedsklynger::figures::key_figures::{key_figures, KeyFigureOptions};
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::{check, Options, DEFAULT_DATA_JSON};

const BANDS: [&str; 19] = [
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
    "65-69", "70-74", "75-79", "80-84", "85-89", "90+",
];

/// A small deterministic generator (xorshift): the benchmark needs no randomness crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn bench_data() -> Value {
    let mut data: Value = serde_json::from_str(DEFAULT_DATA_JSON).expect("default data");
    let mut rng = Rng(0x5eed_2022);
    let codes: Vec<String> = data["municipalities"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap().to_string()).collect();
    let mut indicators = Vec::new();
    let mut values = Vec::new();
    for i in 0..20 {
        let id = format!("bench-{i:02}");
        indicators.push(json!({
            "id": id, "name": { "da": format!("Benchmark {i}"), "en": format!("Benchmark {i}") },
            "numerator": { "da": "hændelser", "en": "events" }, "denominator": { "da": "borgere", "en": "residents" },
            "kind": "rate", "multiplier": 1000, "unit": { "da": "pr. 1.000", "en": "per 1,000" },
            "age_bands": BANDS, "standardisation": "direct", "standard_population": "esp2013", "synthetic": true
        }));
        for code in &codes {
            let size = 2_000.0 + rng.next() * 30_000.0;
            for p in 0..10 {
                let denominator: Vec<u32> = (0..19).map(|_| (size * (0.5 + rng.next())) as u32 + 1).collect();
                let numerator: Vec<u32> = denominator.iter().map(|d| (*d as f64 * rng.next() * 0.05) as u32).collect();
                values.push(json!({ "indicator": id, "municipality": code, "period": format!("{}", 2014 + p), "numerator": numerator, "denominator": denominator }));
            }
        }
    }
    data["indicators"] = Value::Array(indicators);
    data["values"] = Value::Array(values);
    data
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let data = bench_data();
    let text = data.to_string();
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &text).expect("write the benchmark data");
        eprintln!("wrote {path} ({:.1} MB)", text.len() as f64 / 1e6);
    }
    let profile = builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").unwrap();
    let options = KeyFigureOptions::default();
    let (mut read_ms, mut compute_ms) = (Vec::new(), Vec::new());
    let mut figures = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let report = check(&text, &Options::default());
        read_ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!report.has_errors());
        let t = Instant::now();
        let kf = key_figures(&report.dataset, profile, &options);
        compute_ms.push(t.elapsed().as_secs_f64() * 1e3);
        figures = kf.indicators.iter().map(|i| i.figures.len()).sum();
    }
    println!(
        "native: {} value rows, {} figures; read+validate median {:.1} ms; key figures median {:.1} ms (7 runs)",
        data["values"].as_array().unwrap().len(),
        figures,
        median(read_ms),
        median(compute_ms)
    );
}
