//! Layout benchmark: org-chart-shaped trees of 100 … 100,000 nodes, wide and deep.
//! `cargo run --release --example bench_layout`
use std::time::Instant;

use sundhedsklynger::chart::layout::{layout, LayoutOptions};

/// Wide: up to 12 children per node; deep: up to 3. Sizes vary like real labels.
pub fn org_tree(n: usize, fan_out: usize) -> (Vec<Option<usize>>, Vec<f64>, Vec<f64>) {
    let parent = (0..n).map(|i| if i == 0 { None } else { Some((i - 1) / fan_out) }).collect();
    let width = (0..n).map(|i| 120.0 + ((i * 37) % 80) as f64).collect();
    let height = (0..n).map(|i| 40.0 + ((i * 13) % 30) as f64).collect();
    (parent, width, height)
}

fn main() {
    for (name, fan) in [("wide", 12), ("deep", 3)] {
        for n in [100, 1_000, 10_000, 100_000] {
            let (p, w, h) = org_tree(n, fan);
            let mut ms: Vec<f64> = (0..9)
                .map(|_| {
                    let t = Instant::now();
                    let l = layout(&p, &w, &h, &LayoutOptions::default()).expect("tree");
                    std::hint::black_box(l);
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            ms.sort_by(f64::total_cmp);
            println!("native layout {name:>4} {n:>7} nodes: median {:.2} ms", ms[4]);
        }
    }
}
