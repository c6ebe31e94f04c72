#![cfg(not(target_arch = "wasm32"))]
//! Layout properties on random trees: no overlap, parents centred, order kept, mirror
//! symmetry, identical subtrees drawn identically, orientation, forests, compact mode.

use proptest::prelude::*;
use sundhedsklynger::chart::layout::{layout, Layout, LayoutOptions, Orientation};

/// A random forest: node i's parent is an earlier node or none (a root).
fn arb_forest(max: usize) -> impl Strategy<Value = (Vec<Option<usize>>, Vec<f64>, Vec<f64>)> {
    (1..max).prop_flat_map(|n| {
        let parents = (0..n).map(|i| if i == 0 { Just(None).boxed() } else { prop_oneof![1 => Just(None), 12 => (0..i).prop_map(Some)].boxed() }).collect::<Vec<_>>();
        (parents, prop::collection::vec(20.0f64..220.0, n), prop::collection::vec(20.0f64..90.0, n))
    })
}

fn overlaps(l: &Layout, a: usize, b: usize) -> bool {
    const EPS: f64 = 1e-6;
    l.x[a] + l.width[a] > l.x[b] + EPS && l.x[b] + l.width[b] > l.x[a] + EPS && l.y[a] + l.height[a] > l.y[b] + EPS && l.y[b] + l.height[b] > l.y[a] + EPS
}

fn children(parent: &[Option<usize>], v: usize) -> Vec<usize> {
    (0..parent.len()).filter(|&c| parent[c] == Some(v)).collect()
}

fn assert_no_overlap(l: &Layout) -> Result<(), TestCaseError> {
    let n = l.x.len();
    for a in 0..n {
        for b in a + 1..n {
            prop_assert!(!overlaps(l, a, b), "{a} and {b} overlap: {:?} {:?}", (l.x[a], l.y[a], l.width[a], l.height[a]), (l.x[b], l.y[b], l.width[b], l.height[b]));
        }
        prop_assert!(l.x[a] >= -1e-6 && l.y[a] >= -1e-6);
        prop_assert!(l.x[a] + l.width[a] <= l.total_width + 1e-6 && l.y[a] + l.height[a] <= l.total_height + 1e-6);
    }
    Ok(())
}

/// The same forest with every child list reversed, and the map old index → new index.
fn mirror(parent: &[Option<usize>]) -> (Vec<Option<usize>>, Vec<usize>) {
    let n = parent.len();
    let roots: Vec<usize> = (0..n).filter(|&v| parent[v].is_none()).collect();
    let mut order = Vec::new();
    let mut stack: Vec<usize> = roots.clone();
    // Pre-order visiting children (and roots) right to left.
    while let Some(v) = stack.pop() {
        order.push(v);
        stack.extend(children(parent, v));
    }
    let mut map = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
    }
    let mut mirrored = vec![None; n];
    for old in 0..n {
        mirrored[map[old]] = parent[old].map(|p| map[p]);
    }
    (mirrored, map)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_two_nodes_overlap((parent, w, h) in arb_forest(60), compact in any::<bool>(), lr in any::<bool>()) {
        let options = LayoutOptions {
            compact_min_leaves: compact.then_some(3),
            orientation: if lr { Orientation::LeftRight } else { Orientation::TopDown },
            ..Default::default()
        };
        let l = layout(&parent, &w, &h, &options).unwrap();
        assert_no_overlap(&l)?;
    }

    #[test]
    fn parents_centred_and_children_in_order((parent, w, h) in arb_forest(60)) {
        let l = layout(&parent, &w, &h, &LayoutOptions::default()).unwrap();
        for v in 0..parent.len() {
            let ch = children(&parent, v);
            if ch.is_empty() {
                continue;
            }
            let mid = (l.centre_x(ch[0]) + l.centre_x(*ch.last().unwrap())) / 2.0;
            prop_assert!((l.centre_x(v) - mid).abs() < 1e-6, "node {v} at {} but children centre {mid}", l.centre_x(v));
            for pair in ch.windows(2) {
                prop_assert!(l.x[pair[0]] + l.width[pair[0]] <= l.x[pair[1]] + 1e-6, "children {:?} out of order", pair);
            }
            for &c in &ch {
                prop_assert!(l.y[c] >= l.y[v] + l.height[v], "child {c} not below {v}");
            }
        }
    }

    #[test]
    fn a_mirrored_tree_gives_a_mirrored_layout((parent, w, h) in arb_forest(50)) {
        let l = layout(&parent, &w, &h, &LayoutOptions::default()).unwrap();
        let (mp, map) = mirror(&parent);
        let mut mw = vec![0.0; w.len()];
        let mut mh = vec![0.0; h.len()];
        for (old, &new) in map.iter().enumerate() {
            mw[new] = w[old];
            mh[new] = h[old];
        }
        let m = layout(&mp, &mw, &mh, &LayoutOptions::default()).unwrap();
        prop_assert!((l.total_width - m.total_width).abs() < 1e-6);
        for (old, &new) in map.iter().enumerate() {
            prop_assert!((m.x[new] + m.width[new] - (l.total_width - l.x[old])).abs() < 1e-6, "node {old}: {} vs {}", m.x[new], l.total_width - l.x[old] - l.width[old]);
            prop_assert!((m.y[new] - l.y[old]).abs() < 1e-9);
        }
    }

    #[test]
    fn identical_subtrees_are_drawn_identically((sub, w, h) in arb_forest(15), left in 0usize..4, right in 0usize..4) {
        // A root with `left` spacer leaves, a copy of the subtree, more leaves, a second copy.
        // One tree: every other root hangs from node 0.
        let sub: Vec<Option<usize>> = sub.iter().enumerate().map(|(i, p)| if i == 0 { None } else { Some(p.unwrap_or(0)) }).collect();
        let k = sub.len();
        let mut parent = vec![None];
        let (mut width, mut height) = (vec![100.0], vec![40.0]);
        let copy = |parent: &mut Vec<Option<usize>>, width: &mut Vec<f64>, height: &mut Vec<f64>| {
            let base = parent.len();
            for i in 0..k {
                parent.push(Some(sub[i].map_or(0, |p| base + p)));
                width.push(w[i]);
                height.push(h[i]);
            }
            base
        };
        for _ in 0..left { parent.push(Some(0)); width.push(80.0); height.push(30.0); }
        let a = copy(&mut parent, &mut width, &mut height);
        for _ in 0..right { parent.push(Some(0)); width.push(60.0); height.push(70.0); }
        let b = copy(&mut parent, &mut width, &mut height);
        let l = layout(&parent, &width, &height, &LayoutOptions::default()).unwrap();
        let (dx, dy) = (l.x[b] - l.x[a], l.y[b] - l.y[a]);
        prop_assert!(dy.abs() < 1e-9);
        for i in 0..k {
            prop_assert!((l.x[b + i] - l.x[a + i] - dx).abs() < 1e-6, "node {i} of the copies differs");
            prop_assert!((l.y[b + i] - l.y[a + i]).abs() < 1e-9);
        }
    }

    #[test]
    fn left_right_is_top_down_transposed((parent, w, h) in arb_forest(40)) {
        let td = layout(&parent, &h, &w, &LayoutOptions::default()).unwrap();
        let lr = layout(&parent, &w, &h, &LayoutOptions { orientation: Orientation::LeftRight, ..Default::default() }).unwrap();
        for i in 0..parent.len() {
            prop_assert!((lr.x[i] - td.y[i]).abs() < 1e-9 && (lr.y[i] - td.x[i]).abs() < 1e-9);
        }
    }
}

#[test]
fn compact_mode_stacks_wide_rows_of_leaves() {
    let n = 11;
    let parent: Vec<Option<usize>> = (0..n).map(|i| if i == 0 { None } else { Some(0) }).collect();
    let (w, h) = (vec![100.0; n], vec![40.0; n]);
    let wide = layout(&parent, &w, &h, &LayoutOptions::default()).unwrap();
    let compact = layout(&parent, &w, &h, &LayoutOptions { compact_min_leaves: Some(4), compact_columns: 2, ..Default::default() }).unwrap();
    assert!(compact.total_width < wide.total_width / 3.0, "{} vs {}", compact.total_width, wide.total_width);
    // Two columns, five rows.
    let xs: std::collections::BTreeSet<i64> = (1..n).map(|i| compact.x[i].round() as i64).collect();
    let ys: std::collections::BTreeSet<i64> = (1..n).map(|i| compact.y[i].round() as i64).collect();
    assert_eq!((xs.len(), ys.len()), (2, 5));
}

#[test]
fn deep_and_wide_trees_of_100_000_nodes() {
    let n: usize = 100_000;
    let chain: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
    let l = layout(&chain, &vec![120.0; n], &vec![40.0; n], &LayoutOptions::default()).unwrap();
    assert!(l.x.iter().all(|&x| x == l.x[0]), "a chain is a straight line");
    let star: Vec<Option<usize>> = (0..n).map(|i| if i == 0 { None } else { Some((i - 1) / 10) }).collect();
    let l = layout(&star, &vec![120.0; n], &vec![40.0; n], &LayoutOptions::default()).unwrap();
    assert!(l.total_width > 0.0);
}

// Small fixed cases.
use sundhedsklynger::chart::layout::LayoutError;

#[test]
fn a_parent_over_two_children() {
    let l = layout(&[None, Some(0), Some(0)], &[100.0; 3], &[40.0; 3], &LayoutOptions::default()).unwrap();
    assert_eq!(l.y, vec![0.0, 88.0, 88.0]);
    assert_eq!(l.centre_x(0), (l.centre_x(1) + l.centre_x(2)) / 2.0);
    assert_eq!(l.x[2] - (l.x[1] + 100.0), 16.0);
}

#[test]
fn bad_input_is_an_error() {
    assert_eq!(layout(&[Some(1), Some(0)], &[1.0; 2], &[1.0; 2], &LayoutOptions::default()), Err(LayoutError::Cycle { node: 0 }));
    assert_eq!(layout(&[Some(5)], &[1.0], &[1.0], &LayoutOptions::default()), Err(LayoutError::UnknownParent { node: 0 }));
    assert_eq!(layout(&[None], &[f64::NAN], &[1.0], &LayoutOptions::default()), Err(LayoutError::InvalidSize { node: 0 }));
    assert_eq!(layout(&[None], &[], &[], &LayoutOptions::default()), Err(LayoutError::LengthMismatch));
    assert_eq!(layout(&[], &[], &[], &LayoutOptions::default()).unwrap().x.len(), 0);
}
