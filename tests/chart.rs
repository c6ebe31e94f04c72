//! The chart model: tree shape, visibility, filter, search, cross-links, APG navigation.

mod common;

use sundhedsklynger::chart::{navigate, set_all, Chart, NodeKind, TreeKey};
use sundhedsklynger::model::Sector;
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::{check, default_data, Lang, Options};

fn law() -> &'static sundhedsklynger::model::profile::RuleProfile {
    builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").unwrap()
}

fn node(chart: &Chart, id: &str) -> usize {
    chart.nodes.iter().position(|n| n.id == id).unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn region_tree_shape() {
    let chart = Chart::build(default_data(), law(), &["RM"]);
    assert_eq!(chart.roots.len(), 1);
    let root = chart.roots[0];
    let kinds: Vec<NodeKind> = chart.children[root].iter().map(|&c| chart.nodes[c].kind).collect();
    assert_eq!(kinds[0], NodeKind::Body);
    assert_eq!(chart.nodes[chart.children[chart.roots[0]][0]].kind_id, "ssu");
    assert_eq!(kinds.iter().filter(|k| **k == NodeKind::Area).count(), 5);
    let political = node(&chart, "RM-HORSENS/political");
    assert_eq!(chart.children[political].len(), 7);
    assert!(chart.children[political].iter().any(|&s| chart.nodes[s].label.da == "Borgmester, Horsens Kommune"));
    assert!(chart.children[political].iter().all(|&s| chart.nodes[s].derived));
    // All regions: a forest of five.
    assert_eq!(Chart::build(default_data(), law(), &[]).roots.len(), 5);
}

#[test]
fn visibility_expand_collapse_and_filter() {
    let chart = Chart::build(default_data(), law(), &["RN"]);
    let mut state = chart.initial_state();
    let visible = chart.visible(&state);
    // Region, SSU, 4 clusters, 2 levels each; bodies start closed.
    assert_eq!(visible.len(), 1 + 1 + 4 + 8);
    set_all(&chart, &mut state, true);
    assert_eq!(chart.visible(&state).len(), chart.nodes.len());
    state.hidden_sectors = vec![Sector::GeneralPractice];
    let shown = chart.visible(&state);
    assert!(shown.iter().all(|&v| chart.nodes[v].sector != Some(Sector::GeneralPractice)));
    assert!(shown.len() < chart.nodes.len());
    let political = node(&chart, "RN-VEST/political");
    let first = chart.shown_children(political, &state).next().unwrap();
    let (size, pos) = chart.set_position(first, &state);
    assert_eq!((size, pos), (chart.shown_children(political, &state).count(), 1));
    set_all(&chart, &mut state, false);
    assert_eq!(chart.visible(&state), chart.roots);
}

#[test]
fn search_and_reveal() {
    let chart = Chart::build(default_data(), law(), &[]);
    let hits = chart.search("borgmester horsens");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|&h| chart.nodes[h].label.da.contains("Horsens")));
    let by_code = chart.search("615");
    assert!(!by_code.is_empty(), "municipality code finds its seats");
    let by_member = chart.search("læsø");
    assert!(by_member.contains(&node(&chart, "RN-NORD")), "a cluster is found by a member municipality");
    let mut state = chart.initial_state();
    let hit = hits[0];
    assert!(!chart.visible(&state).contains(&hit));
    chart.reveal(hit, &mut state);
    assert!(chart.visible(&state).contains(&hit));
    assert!(chart.search("   ").is_empty());
}

#[test]
fn one_person_across_bodies() {
    let r = check(&common::with_seats().to_string(), &Options::default());
    let chart = Chart::build(&r.dataset, law(), &[]);
    let seats = &chart.person_seats["p-alfa"];
    assert_eq!(seats.len(), 2);
    let ssu_seat = *seats.iter().find(|&&s| chart.nodes[s].id.starts_with("R1/ssu")).unwrap();
    let cluster_seat = *seats.iter().find(|&&s| chart.nodes[s].id.starts_with("C1/political")).unwrap();
    assert_eq!(chart.other_seats(ssu_seat), vec![cluster_seat]);
    let da = chart.other_seats_description(ssu_seat, Lang::Da).unwrap();
    assert!(da.starts_with("Har også plads i:") && da.contains("Politisk niveau, Klynge Et"), "{da}");
    let en = chart.other_seats_description(ssu_seat, Lang::En).unwrap();
    assert!(en.contains("Political level, Klynge Et"), "{en}");
    assert_eq!(chart.search("borgmester alfa").len(), 2, "search finds the person in both bodies");
    // The chair holds three seats: SSU and the cluster's political level.
    assert_eq!(chart.other_seats(node(&chart, "R1/ssu#0")).len(), 1);
}

/// The APG tree-view key table, walked on the RN chart.
#[test]
fn keyboard_walk() {
    let chart = Chart::build(default_data(), law(), &["RN"]);
    let mut state = chart.initial_state();
    let region = chart.roots[0];
    let ssu = node(&chart, "RN/ssu");
    let nord = node(&chart, "RN-NORD");
    // ↓ from the region to the SSU; ↑ back.
    let f = navigate(&chart, &mut state, region, TreeKey::Down, Lang::Da);
    assert_eq!(f, ssu);
    assert_eq!(navigate(&chart, &mut state, f, TreeKey::Up, Lang::Da), region);
    // → on a closed parent opens it and keeps focus; → again goes to the first child.
    assert!(!state.expanded[ssu]);
    assert_eq!(navigate(&chart, &mut state, ssu, TreeKey::Right, Lang::Da), ssu);
    assert!(state.expanded[ssu]);
    let first_seat = navigate(&chart, &mut state, ssu, TreeKey::Right, Lang::Da);
    assert_eq!(chart.nodes[first_seat].parent, Some(ssu));
    // → on a leaf does nothing; ← on a leaf goes to the parent; ← on an open parent closes it.
    assert_eq!(navigate(&chart, &mut state, first_seat, TreeKey::Right, Lang::Da), first_seat);
    assert_eq!(navigate(&chart, &mut state, first_seat, TreeKey::Left, Lang::Da), ssu);
    assert_eq!(navigate(&chart, &mut state, ssu, TreeKey::Left, Lang::Da), ssu);
    assert!(!state.expanded[ssu]);
    // Home and End.
    assert_eq!(navigate(&chart, &mut state, nord, TreeKey::Home, Lang::Da), region);
    let last = navigate(&chart, &mut state, region, TreeKey::End, Lang::Da);
    assert_eq!(last, *chart.visible(&state).last().unwrap());
    // * opens every sibling of the focused item.
    let political = node(&chart, "RN-NORD/political");
    navigate(&chart, &mut state, political, TreeKey::ExpandSiblings, Lang::Da);
    assert!(state.expanded[political] && state.expanded[node(&chart, "RN-NORD/professional")]);
    // Type-ahead: the next visible item starting with the letter, wrapping.
    let k = navigate(&chart, &mut state, region, TreeKey::Char('k'), Lang::Da);
    assert_eq!(chart.nodes[k].label.da, "Klynge NORD");
    let visible = chart.visible(&state);
    let after = |v: usize| visible.iter().position(|&x| x == v).unwrap();
    let expected = visible[after(k) + 1..].iter().copied().find(|&v| chart.nodes[v].label.da.to_lowercase().starts_with('k')).unwrap();
    assert_eq!(navigate(&chart, &mut state, k, TreeKey::Char('K'), Lang::Da), expected);
    assert_eq!(chart.nodes[expected].label.da, "Kommunal repræsentant, Hjørring Kommune", "the just-opened professional level comes first");
    // In English the same letter finds English labels: the Danish "Klynge" names stay, "Kommunal" does not.
    let e = navigate(&chart, &mut state, k, TreeKey::Char('m'), Lang::En);
    assert!(chart.nodes[e].label.en.starts_with("Municipal") || chart.nodes[e].label.en.starts_with("Mayor"), "{}", chart.nodes[e].label.en);
    assert_eq!(navigate(&chart, &mut state, region, TreeKey::Char('§'), Lang::Da), region);
    // Levels and sizes for ARIA.
    assert_eq!(chart.depth(first_seat), 2);
    assert_eq!(chart.set_position(nord, &state), (5, 2));
}

/// A seat's search text, made on the first search: its label in both languages (with its
/// municipality's name), the municipality's code, and its holder with party; a node without a municipality
/// or holder has its label alone.
#[test]
fn seat_search_texts() {
    let r = check(&common::with_seats().to_string(), &Options::default());
    let chart = Chart::build(&r.dataset, law(), &[]);
    let texts = chart.search_texts();
    assert_eq!(texts.len(), chart.nodes.len());
    let chair = node(&chart, "R1/ssu#0");
    assert!(texts[chair].ends_with(" formand person (a)"), "{}", texts[chair]);
    assert!(texts[chair].starts_with(&chart.nodes[chair].label.da.to_lowercase()), "{}", texts[chair]);
    let mayor = *chart.person_seats["p-alfa"].iter().find(|&&s| chart.nodes[s].id.starts_with("R1/ssu")).unwrap();
    // The fixture's municipality 101 is "Alfa": its name as the label writes it.
    assert!(texts[mayor].contains("alfa kommune"), "{}", texts[mayor]);
    assert!(texts[mayor].ends_with(" 101 borgmester alfa"), "{}", texts[mayor]);
    assert_eq!(chart.search("101 borgmester alfa"), chart.person_seats["p-alfa"]);
    let empty = (0..chart.nodes.len()).find(|&s| chart.nodes[s].kind == NodeKind::Seat && chart.nodes[s].person.is_none() && chart.nodes[s].municipality.is_none()).unwrap();
    let label = &chart.nodes[empty].label;
    let mut alone = label.da.to_lowercase();
    if label.en != label.da {
        alone = format!("{alone} {}", label.en.to_lowercase());
    }
    assert_eq!(texts[empty], alone);
}
