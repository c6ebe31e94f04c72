//! Seats derived from the rule profile, so every body shows its full composition.

mod common;

use sundhedsklynger::bodies::{body, region_bodies};
use sundhedsklynger::bodies::labels::seat_label;
use sundhedsklynger::model::{BodyId, Role, Sector};
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::{check, default_data, Options};

fn profile(id: &str) -> &'static sundhedsklynger::model::profile::RuleProfile {
    builtin_profiles().iter().find(|p| p.id == id).unwrap()
}

fn roles(b: &sundhedsklynger::bodies::Body) -> Vec<Role> {
    b.seats.iter().map(|s| s.role).collect()
}

#[test]
fn political_level_of_horsens_under_the_law() {
    let d = default_data();
    let b = body(d, &BodyId { owner: "RM-HORSENS".into(), kind: "political".into() }, profile("sundhedsloven-2022"));
    assert!(b.derived);
    assert_eq!(
        roles(&b),
        vec![Role::RegionalCouncilChair, Role::RegionalCouncilMember, Role::Mayor, Role::Mayor, Role::Mayor, Role::Mayor, Role::GeneralPracticeRepresentative]
    );
    let labels: Vec<String> = b.seats.iter().map(|s| seat_label(d, s).da).collect();
    assert!(labels.contains(&"Borgmester, Horsens Kommune".to_string()), "{labels:?}");
    assert!(labels.contains(&"Borgmester, Hedensted Kommune".to_string()));
    let en: Vec<String> = b.seats.iter().map(|s| seat_label(d, s).en).collect();
    assert!(en.contains(&"Mayor, Horsens Municipality".to_string()), "{en:?}");
}

#[test]
fn professional_level_under_the_agreement() {
    let d = default_data();
    let b = body(d, &BodyId { owner: "RM-HORSENS".into(), kind: "professional".into() }, profile("aftale-2021"));
    let count = |r: Role| b.seats.iter().filter(|s| s.role == r).count();
    assert_eq!(count(Role::PsychiatryRepresentative), 1, "one of the three regional seats is psychiatry");
    assert_eq!(count(Role::RegionalRepresentative), 2);
    assert_eq!(count(Role::GeneralPracticeRepresentative), 1);
    assert_eq!(count(Role::MunicipalRepresentative), 4);
    assert_eq!(b.seats.len(), 8);
}

#[test]
fn ssu_has_a_municipal_seat_per_cluster() {
    let d = default_data();
    let rb = region_bodies(d, "RN", profile("aftale-2021"));
    assert_eq!(rb.areas.len(), 4);
    let ssu = &rb.bodies[0];
    assert_eq!(ssu.seats.iter().filter(|s| s.sector() == Sector::Region).count(), 3);
    let per_cluster: Vec<&str> = ssu.seats.iter().filter_map(|s| s.area.as_deref()).collect();
    assert_eq!(per_cluster, vec!["RN-NORD", "RN-MIDT", "RN-SYD", "RN-VEST"]);
    assert!(seat_label(d, &ssu.seats[0]).da.starts_with("Regionsrådsformand"));
    let label = seat_label(d, ssu.seats.iter().find(|s| s.area.is_some()).unwrap());
    assert_eq!(label.da, "Kommunal repræsentant (borgmester/fagborgmester), Klynge NORD");
}

#[test]
fn listed_seats_replace_derived_ones_and_keep_the_person() {
    let v = common::with_seats();
    let r = check(&v.to_string(), &Options::default());
    let b = body(&r.dataset, &BodyId { owner: "C1".into(), kind: "political".into() }, profile("sundhedsloven-2022"));
    assert!(!b.derived);
    assert_eq!(b.seats.len(), 5);
    // Co-chairs first.
    assert_eq!(b.seats[0].person.as_deref(), Some("p-chair"));
    assert_eq!(b.seats[1].person.as_deref(), Some("p-alfa"));
    assert_eq!(seat_label(&r.dataset, &b.seats[1]).da, "Borgmester, Alfa Kommune (medformand)");
    // The same person holds the SSU seat: one person, two seats.
    let ssu = body(&r.dataset, &BodyId { owner: "R1".into(), kind: "ssu".into() }, profile("sundhedsloven-2022"));
    assert!(ssu.seats.iter().any(|s| s.person.as_deref() == Some("p-alfa")));
}

#[test]
fn every_default_body_is_complete_under_both_profiles() {
    let d = default_data();
    // The profiles of the 2022 structure (the default data are its clusters).
    for p in builtin_profiles().iter().filter(|p| p.areas.iter().any(|a| a.id == "cluster")) {
        for region in &d.regions {
            let rb = region_bodies(d, &region.id, p);
            assert!(!rb.bodies[0].seats.is_empty());
            for ab in &rb.areas {
                let members = d.area(&ab.area).unwrap().members.len();
                let mayors = ab.bodies[0].seats.iter().filter(|s| s.role.is_municipal()).count();
                assert_eq!(mayors, members, "{} {}", p.id, ab.area);
                let municipal = ab.bodies[1].seats.iter().filter(|s| s.role.is_municipal()).count();
                assert_eq!(municipal, members, "{} {}", p.id, ab.area);
            }
        }
    }
}
