#![cfg(not(target_arch = "wasm32"))]
//! The rule vocabulary of format `/2` and of profiles as data, each rule with a passing and a
//! failing case: seats by population, relations between groups, the chair's and vice-chair's
//! group, a profile in the shape of format `/1`; and the real sundhedsråd data set.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use sundhedsklynger::bodies::{self, derive_seats, region_bodies};
use sundhedsklynger::model::profile::RuleProfile;
use sundhedsklynger::model::{BodyId, Dataset, Sector};
use sundhedsklynger::rules::resolve_profile;
use sundhedsklynger::{check, Finding, Options, Report, Severity};

const POP: &str = "https://www.statistikbanken.dk/FOLK1A";

/// A `/2` document under the sundhedsråd profile: region RN, council RN-A with municipality
/// 851 of `population` inhabitants and 773 (19,500, one seat), both counted on 2026-01-01.
fn doc(population: u32, seats: Vec<Value>) -> Value {
    json!({
        "format": "sundhedsklynger/2",
        "as_of": "2026-12-01",
        "valid_from": "2027-01-01",
        "profile": "regionsloven-2025",
        "regions": [{ "id": "RN", "name": "Region Nordjylland", "code": "1081" }],
        "municipalities": [
            { "code": "851", "name": "Aalborg", "region": "RN", "population": { "value": population, "date": "2026-01-01", "source": POP } },
            { "code": "773", "name": "Morsø", "region": "RN", "population": { "value": 19500, "date": "2026-01-01", "source": POP } }
        ],
        "areas": [{
            "id": "RN-A", "kind": "council", "region": "RN", "name": "Sundhedsråd A", "acute_hospitals": [],
            "status": "confirmed", "sources": ["https://rn.dk/"],
            "members": [{ "municipality": "851" }, { "municipality": "773" }]
        }],
        "persons": [{ "id": "p1", "name": "Anne" }, { "id": "p2", "name": "Bo" }],
        "seats": seats
    })
}

/// A listed roster: `big` municipal seats for 851, one for 773, `regional` regional council
/// members, the first two of them chair and vice-chair.
fn roster(big: usize, regional: usize) -> Vec<Value> {
    let mut seats = Vec::new();
    for i in 0..regional {
        let mut s = json!({ "id": format!("r{i}"), "body": "RN-A/council", "role": "regional-council-member" });
        match i {
            0 => s["office"] = json!("chair"),
            1 => s["office"] = json!("vice-chair"),
            _ => {}
        }
        seats.push(s);
    }
    for i in 0..big {
        seats.push(json!({ "id": format!("a{i}"), "body": "RN-A/council", "role": "municipal-representative", "municipality": "851" }));
    }
    seats.push(json!({ "id": "m0", "body": "RN-A/council", "role": "municipal-representative", "municipality": "773" }));
    seats
}

fn report(v: &Value) -> Report {
    check(&v.to_string(), &Options::default())
}

fn profile(data: &Dataset) -> RuleProfile {
    let (p, finding) = resolve_profile(data, &Options::default());
    assert!(finding.is_none(), "{finding:?}");
    p
}

fn summary(fs: &[Finding]) -> Vec<(Severity, String, String)> {
    fs.iter().map(|f| (f.severity, f.code.as_str(), f.path.clone())).collect()
}

/// Errors and warnings, as (severity, code, path).
fn problems(fs: &[Finding]) -> Vec<(Severity, String, String)> {
    summary(fs).into_iter().filter(|f| f.0 != Severity::Info).collect()
}

#[track_caller]
fn assert_only(fs: &[Finding], expected: &[(Severity, &str, &str)]) {
    let got = problems(fs);
    let want: Vec<(Severity, String, String)> = expected.iter().map(|(s, c, p)| (*s, c.to_string(), p.to_string())).collect();
    assert_eq!(got, want, "errors and warnings");
    for f in fs {
        assert!(!f.message.da.is_empty() && !f.message.en.is_empty() && f.message.da != f.message.en, "{f:?}");
    }
}

/// Municipal seats for municipality `code` and regional seats, of a list of body seats.
fn counts(seats: &[bodies::BodySeat], code: &str) -> (usize, usize, usize) {
    let municipal = seats.iter().filter(|s| s.sector() == Sector::Municipality).count();
    let of_code = seats.iter().filter(|s| s.sector() == Sector::Municipality && s.municipality.as_deref() == Some(code)).count();
    let regional = seats.iter().filter(|s| s.sector() == Sector::Region).count();
    (of_code, municipal, regional)
}

/// The profile's steps: 1 seat below 80,000 inhabitants, 2 below 300,000, 3 from 300,000.
const STEPS: [(u32, usize); 4] = [(79_999, 1), (80_000, 2), (299_999, 2), (300_000, 3)];

#[test]
fn seats_by_population_are_derived_at_each_step() {
    for (population, want) in STEPS {
        let r = report(&doc(population, vec![]));
        assert_only(&r.findings, &[]);
        let p = profile(&r.dataset);
        let id = BodyId { owner: "RN-A".into(), kind: "council".into() };
        // Directly, and as the region's bodies show a council the data list no seats for.
        let direct = derive_seats(&r.dataset, &id, "RN", &p);
        let rb = region_bodies(&r.dataset, "RN", &p);
        assert!(rb.bodies.is_empty(), "the sundhedsråd profile gives a region no body of its own");
        let council = &rb.areas[0].bodies[0];
        assert_eq!(council.id, id);
        assert!(council.derived);
        for seats in [&direct, &council.seats] {
            let (of_851, municipal, regional) = counts(seats, "851");
            assert_eq!(of_851, want, "{population} inhabitants give {want} seat(s)");
            assert_eq!(municipal, want + 1, "plus one for Morsø");
            // equals: regional council members = municipal + 1.
            assert_eq!(regional, municipal + 1, "regional = municipal + 1 at {population}");
            assert_eq!(seats.len(), 2 * municipal + 1);
            assert!(seats.iter().filter(|s| s.sector() == Sector::Municipality).all(|s| s.role == sundhedsklynger::model::Role::MunicipalRepresentative));
        }
    }
}

#[test]
fn seats_by_population_are_validated_at_each_step() {
    for (population, want) in STEPS {
        // Exactly as many: no finding.
        let fs = report(&doc(population, roster(want, want + 2))).findings;
        assert_only(&fs, &[]);
        // One too few for Aalborg (the relation kept: regional = municipal + 1).
        let fs = report(&doc(population, roster(want - 1, want + 1))).findings;
        assert_only(&fs, &[(Severity::Error, "composition-too-few", "/areas/0/members/0")]);
        // One too many: the warning names the first seat over the number.
        let v = doc(population, roster(want + 1, want + 3));
        let excess = v["seats"].as_array().unwrap().iter().position(|s| s["id"] == json!(format!("a{want}"))).unwrap();
        let fs = report(&v).findings;
        assert_only(&fs, &[(Severity::Warning, "composition-too-many", &format!("/seats/{excess}"))]);
    }
}

#[test]
fn population_on_another_date_cannot_be_checked() {
    let mut v = doc(100_000, roster(2, 4));
    v["municipalities"][0]["population"]["date"] = json!("2022-01-01");
    let r = report(&v);
    assert_only(&r.findings, &[(Severity::Warning, "population-missing", "/areas/0/members/0")]);
    // Nor derived: no count on the profile's date gives no seats for the municipality.
    let mut v = doc(100_000, vec![]);
    v["municipalities"][0].as_object_mut().unwrap().remove("population");
    let r = report(&v);
    let p = profile(&r.dataset);
    let seats = derive_seats(&r.dataset, &BodyId { owner: "RN-A".into(), kind: "council".into() }, "RN", &p);
    assert_eq!(counts(&seats, "851"), (0, 1, 2));
}

#[test]
fn relation_regional_equals_municipal_plus_one() {
    // Aalborg 100,000 inhabitants: 2 + 1 municipal seats, so 4 regional.
    assert_only(&report(&doc(100_000, roster(2, 4))).findings, &[]);
    for regional in [3, 5] {
        let fs = report(&doc(100_000, roster(2, regional))).findings;
        assert_only(&fs, &[(Severity::Error, "composition-relation", "/areas/0")]);
        let f = fs.iter().find(|f| f.code.as_str() == "composition-relation").unwrap();
        assert!(f.message.en.contains(&format!("{regional} seat(s)")) && f.message.en.contains("requires 4"), "{}", f.message.en);
    }
}

#[test]
fn chair_and_vice_chair_must_be_regional() {
    assert_only(&report(&doc(100_000, roster(2, 4))).findings, &[]);
    for (office, seat) in [("chair", "r0"), ("vice-chair", "r1")] {
        let mut v = doc(100_000, roster(2, 4));
        let seats = v["seats"].as_array_mut().unwrap();
        let from = seats.iter().position(|s| s["id"] == json!(seat)).unwrap();
        let to = seats.iter().position(|s| s["id"] == json!("m0")).unwrap();
        seats[from].as_object_mut().unwrap().remove("office");
        seats[to]["office"] = json!(office);
        let fs = report(&v).findings;
        assert_only(&fs, &[(Severity::Warning, "chair-group", &format!("/seats/{to}/office"))]);
    }
}

#[test]
fn profile_steps_and_relations_are_checked() {
    let own = |change: &dyn Fn(&mut Value)| {
        let mut p: Value = serde_json::from_str(include_str!("../www/data/profiles/regionsloven-2025.json")).unwrap();
        p["id"] = json!("mine");
        change(&mut p["bodies"][0]["rules"]);
        let mut v = doc(100_000, roster(2, 4));
        v["profiles"] = json!([p]);
        v["profile"] = json!("mine");
        report(&v).findings
    };
    assert_only(&own(&|_| {}), &[]);
    let rules = "/profiles/0/bodies/0/rules";
    let fs = own(&|r| r[0]["by_population"] = json!([{ "below": 300000, "seats": 1 }, { "below": 80000, "seats": 2 }, { "seats": 3 }]));
    assert!(problems(&fs).contains(&(Severity::Error, "invalid-profile".into(), format!("{rules}/0/by_population/1/below"))), "{:?}", summary(&fs));
    // An open step that is not the last: the pointer names the step (it has no `below`).
    let fs = own(&|r| r[0]["by_population"] = json!([{ "seats": 1 }, { "below": 300000, "seats": 2 }, { "seats": 3 }]));
    assert!(problems(&fs).contains(&(Severity::Error, "invalid-profile".into(), format!("{rules}/0/by_population/0"))), "{:?}", summary(&fs));
    let fs = own(&|r| r[0]["by_population"] = json!([{ "below": 80000, "seats": 1 }, { "below": 300000, "seats": 2 }]));
    assert!(problems(&fs).contains(&(Severity::Error, "invalid-profile".into(), format!("{rules}/0/by_population/1"))), "{:?}", summary(&fs));
    let fs = own(&|r| r[0]["per"] = json!("body"));
    assert!(problems(&fs).contains(&(Severity::Error, "invalid-profile".into(), format!("{rules}/0/by_population"))), "{:?}", summary(&fs));
    for group in ["general-practice", "regional-council"] {
        let fs = own(&|r| r[1]["equals"]["group"] = json!(group));
        assert!(problems(&fs).contains(&(Severity::Error, "invalid-profile".into(), format!("{rules}/1/equals/group"))), "{group}: {:?}", summary(&fs));
    }
}

/// A `/1` document with a profile in the shape of format `/1`.
fn legacy_doc(political: Value) -> Value {
    json!({
        "format": "sundhedsklynger/1",
        "as_of": "2024-01-01",
        "profile": "mine",
        "profiles": [{
            "id": "mine", "name": { "da": "Min", "en": "Mine" }, "description": { "da": "Min", "en": "Mine" },
            "ssu": [{ "group": "regional-council", "min": 1 }],
            "political": political,
            "professional": []
        }],
        "regions": [{ "id": "RN", "name": "Region Nordjylland" }],
        "municipalities": [{ "code": "773", "name": "Morsø", "region": "RN" }],
        "clusters": [{ "id": "RN-VEST", "region": "RN", "name": "Klynge VEST", "acute_hospitals": [], "status": "confirmed",
                       "sources": ["https://rn.dk/"], "members": [{ "municipality": "773" }] }],
        "seats": [
            { "id": "s1", "body": "RN/ssu", "role": "regional-council-member" },
            { "id": "s2", "body": "RN-VEST/political", "role": "regional-council-member" },
            { "id": "s3", "body": "RN-VEST/political", "role": "mayor", "municipality": "773" }
        ]
    })
}

#[test]
fn legacy_profile_reads_into_the_2022_body_kinds() {
    let political = json!([{ "group": "regional-council", "min": 1 }, { "group": "mayor", "per": "municipality", "min": 1, "max": 1 }]);
    let r = report(&legacy_doc(political.clone()));
    assert_only(&r.findings, &[]);
    let p = &r.dataset.profiles[0];
    assert!(p.legacy);
    let kinds: Vec<&str> = p.bodies.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(kinds, ["ssu", "political", "professional"]);
    assert_eq!(serde_json::to_value(&p.bodies[1].rules).unwrap(), serde_json::to_value(serde_json::from_value::<Vec<sundhedsklynger::model::profile::Requirement>>(political).unwrap()).unwrap());
    assert_eq!(p.bodies[0].rules.len(), 1);
    assert!(p.bodies[2].rules.is_empty());
    assert_eq!(p.areas.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["cluster"]);
    // Written as /2, the profile has the current shape.
    let written = serde_json::to_value(r.dataset.upgraded()).unwrap();
    assert_eq!(written["format"], json!("sundhedsklynger/2"));
    assert!(written["profiles"][0].get("political").is_none() && written["profiles"][0]["bodies"][1]["id"] == json!("political"));
    assert!(written.get("clusters").is_none() && written["areas"][0]["kind"] == json!("cluster"));

    // Its rules are in force, and findings about them name /profiles/0/political/….
    let r = report(&legacy_doc(json!([{ "group": "regional-council", "min": 2 }, { "group": "mayor", "per": "municipality", "min": 3, "max": 1 }])));
    assert_only(
        &r.findings,
        &[
            (Severity::Error, "invalid-profile", "/profiles/0/political/1/max"),
            (Severity::Error, "composition-too-few", "/clusters/0"),
            (Severity::Error, "composition-too-few", "/clusters/0/members/0"),
        ],
    );
    let r = report(&legacy_doc(json!([{ "group": "regional-council", "per": "cluster", "min": 1 }])));
    assert_only(&r.findings, &[(Severity::Error, "invalid-profile", "/profiles/0/political/0/per")]);
}

/// The fields a json-unknown-field message offers (after "one of: ").
fn offered(f: &Finding) -> BTreeSet<String> {
    let list = f.message.en.split("one of: ").nth(1).unwrap_or_else(|| panic!("{}", f.message.en));
    list.trim_end_matches('.').split(", ").map(|s| s.trim_matches('"').to_string()).collect()
}

#[test]
fn unknown_fields_name_the_fields_of_the_documents_version() {
    let mut v = doc(100_000, roster(2, 4));
    v["extra"] = json!(1);
    v["clusters"] = json!([]);
    v["seats"][0]["cluster"] = json!("RN-A");
    let fs = report(&v).findings;
    assert_only(
        &fs,
        &[
            (Severity::Error, "json-unknown-field", "/clusters"),
            (Severity::Error, "json-unknown-field", "/extra"),
            (Severity::Error, "json-unknown-field", "/seats/0/cluster"),
        ],
    );
    let top = offered(fs.iter().find(|f| f.path == "/extra").unwrap());
    for field in ["id", "valid_from", "valid_to", "preparatory_from", "status", "sources", "areas", "regions", "seats"] {
        assert!(top.contains(field), "/2 offers {field}: {top:?}");
    }
    assert!(!top.contains("clusters"), "{top:?}");
    let seat = offered(fs.iter().find(|f| f.path == "/seats/0/cluster").unwrap());
    assert!(seat.contains("area") && seat.contains("substitute") && seat.contains("valid_from") && !seat.contains("cluster"), "{seat:?}");

    let mut v = legacy_doc(json!([]));
    v["areas"] = json!([]);
    v["seats"][0]["area"] = json!("RN-VEST");
    let fs = report(&v).findings;
    let unknown: Vec<&str> = fs.iter().filter(|f| f.code.as_str() == "json-unknown-field").map(|f| f.path.as_str()).collect();
    assert_eq!(unknown, ["/areas", "/seats/0/area"], "{:?}", summary(&fs));
    let top = offered(fs.iter().find(|f| f.path == "/areas").unwrap());
    assert!(top.contains("clusters") && !top.contains("areas") && !top.contains("valid_from") && !top.contains("preparatory_from"), "{top:?}");
}

#[test]
fn an_area_listed_again_for_another_period_is_not_a_split() {
    let listed_twice = |second_from: &str| {
        let mut v = doc(100_000, roster(2, 4));
        v["areas"][0]["valid_from"] = json!("2027-01-01");
        v["areas"][0]["valid_to"] = json!("2027-12-31");
        let mut again = v["areas"][0].clone();
        again["valid_from"] = json!(second_from);
        again.as_object_mut().unwrap().remove("valid_to");
        v["areas"].as_array_mut().unwrap().push(again);
        report(&v).findings
    };
    assert_only(&listed_twice("2028-01-01"), &[]);
    assert_only(
        &listed_twice("2027-06-01"),
        &[
            (Severity::Error, "overlapping-periods", "/areas/1/id"),
            (Severity::Warning, "split-share-unknown", "/municipalities/0"),
            (Severity::Warning, "split-share-unknown", "/municipalities/1"),
        ],
    );
    // A municipality that moves between two councils: memberships whose periods are apart.
    let moves = |first_to: &str| {
        let mut v = doc(100_000, vec![]);
        let mut b = v["areas"][0].clone();
        b["id"] = json!("RN-B");
        b["name"] = json!("Sundhedsråd B");
        b["members"] = json!([{ "municipality": "773", "valid_from": "2028-01-01" }]);
        v["areas"][0]["members"][1]["valid_to"] = json!(first_to);
        v["areas"].as_array_mut().unwrap().push(b);
        report(&v).findings
    };
    assert_only(&moves("2027-12-31"), &[]);
    assert_only(&moves("2028-06-30"), &[(Severity::Warning, "split-share-unknown", "/municipalities/1")]);
}

#[test]
fn the_sundhedsraad_data_set_validates_and_its_rosters_fit_the_profile() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/sundhedsraad-2027.json")).unwrap();
    let r = check(&text, &Options::default());
    assert_only(&r.findings, &[]);
    let info: BTreeSet<String> = r.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(info, BTreeSet::from(["secondary-source".to_string(), "unverified-membership".to_string()]));
    let data = &r.dataset;
    let p = profile(data);
    assert_eq!(p.id, "regionsloven-2025");
    let (mut all, mut municipal, mut regional) = (0, 0, 0);
    for region in &data.regions {
        let rb = region_bodies(data, &region.id, &p);
        assert!(rb.bodies.is_empty());
        for area in &rb.areas {
            assert_eq!(area.bodies.len(), 1, "{}: one council", area.area);
            let listed = &area.bodies[0];
            assert!(!listed.derived, "{}: the data list its seats", area.area);
            let derived = derive_seats(data, &listed.id, &region.id, &p);
            let by_sector = |seats: &[bodies::BodySeat]| {
                let mut n = std::collections::BTreeMap::new();
                for s in seats {
                    *n.entry(format!("{:?}", s.sector())).or_insert(0) += 1;
                }
                n
            };
            assert_eq!(by_sector(&derived), by_sector(&listed.seats), "{}: derived and listed seats by sector", area.area);
            // And per municipality.
            let members = &data.area(&area.area).unwrap().members;
            for m in members {
                let (d, _, _) = counts(&derived, &m.municipality);
                let (l, _, _) = counts(&listed.seats, &m.municipality);
                assert_eq!(d, l, "{}: seats for {}", area.area, m.municipality);
            }
            all += listed.seats.len();
            municipal += listed.seats.iter().filter(|s| s.sector() == Sector::Municipality).count();
            regional += listed.seats.iter().filter(|s| s.sector() == Sector::Region).count();
        }
    }
    assert_eq!((all, municipal, regional), (249, 116, 133));
}

#[test]
fn every_earlier_listing_of_an_area_is_checked_for_overlap() {
    let listings = |periods: &[(&str, Option<&str>)]| {
        let mut v = doc(100_000, roster(2, 4));
        let area = v["areas"][0].clone();
        v["areas"] = Value::Array(
            periods
                .iter()
                .map(|(from, to)| {
                    let mut a = area.clone();
                    a["valid_from"] = json!(from);
                    if let Some(to) = to {
                        a["valid_to"] = json!(to);
                    }
                    a
                })
                .collect(),
        );
        report(&v).findings
    };
    assert_only(&listings(&[("2027-01-01", Some("2027-12-31")), ("2028-01-01", Some("2028-12-31")), ("2029-01-01", None)]), &[]);
    // The third overlaps the second only.
    let fs = listings(&[("2027-01-01", Some("2027-12-31")), ("2028-01-01", None), ("2028-06-01", None)]);
    assert!(problems(&fs).contains(&(Severity::Error, "overlapping-periods".into(), "/areas/2/id".into())), "{:?}", summary(&fs));
    let f = fs.iter().find(|f| f.code.as_str() == "overlapping-periods").unwrap();
    assert!(f.message.en.contains("/areas/1 "), "names the listing it overlaps: {}", f.message.en);
    assert_eq!(fs.iter().filter(|f| f.code.as_str() == "overlapping-periods").count(), 1);
}

#[test]
fn seats_of_a_body_the_area_kind_does_not_have_are_invalid() {
    let with_kinds = |kind: &str| {
        let mut p: Value = serde_json::from_str(include_str!("../www/data/profiles/regionsloven-2025.json")).unwrap();
        p["id"] = json!("mine");
        p["areas"].as_array_mut().unwrap().push(json!({ "id": "cluster", "name": { "da": "Klynge", "en": "Cluster" } }));
        let mut v = doc(100_000, roster(2, 4));
        v["profiles"] = json!([p]);
        v["profile"] = json!("mine");
        v["areas"][0]["kind"] = json!(kind);
        report(&v)
    };
    assert_only(&with_kinds("council").findings, &[]);
    let r = with_kinds("cluster");
    let n = r.dataset.seats.len();
    let want: Vec<String> = (0..n).map(|i| format!("/seats/{i}/body")).collect();
    let want: Vec<(Severity, &str, &str)> = want.iter().map(|p| (Severity::Error, "invalid-seat", p.as_str())).collect();
    assert_only(&r.findings, &want);
    // Why it matters: the chart shows an area the bodies its kind has, so none here.
    let p = profile(&r.dataset);
    assert!(region_bodies(&r.dataset, "RN", &p).areas[0].bodies.is_empty());
    // An area kind the profile does not know is reported at the area only.
    let mut v = doc(100_000, roster(2, 4));
    v["areas"][0]["kind"] = json!("cluster");
    assert_only(&report(&v).findings, &[(Severity::Error, "unknown-reference", "/areas/0/kind")]);
}

/// A body's seats are those in force on the day the data describe (`as_of`, within the data
/// set's period).
#[test]
fn composition_counts_the_seats_in_force_on_the_data_sets_date() {
    // A member who leaves on 30 June 2027 and a successor from 1 July 2027: on `as_of` one of
    // them holds the seat, so the council is complete on either side of the change.
    let mut v = doc(100_000, roster(2, 4));
    let seats = v["seats"].as_array_mut().unwrap();
    let m0 = seats.iter().position(|s| s["id"] == json!("m0")).unwrap();
    seats[m0]["valid_to"] = json!("2027-06-30");
    seats.push(json!({ "id": "m1", "body": "RN-A/council", "role": "municipal-representative", "municipality": "773", "valid_from": "2027-07-01" }));
    assert_only(&report(&v).findings, &[]);
    v["as_of"] = json!("2027-08-01");
    assert_only(&report(&v).findings, &[]);
    // Data compiled before the structure starts describe its first day: the leaver counts.
    v["as_of"] = json!("2026-12-01");
    v["seats"].as_array_mut().unwrap().retain(|s| s["id"] != json!("m0"));
    assert!(report(&v).findings.iter().any(|f| f.code.as_str() == "composition-too-few"));
}

/// A profile in the shape of format /1 inside a /2 document: its `ssu`, `political` and
/// `professional` are unknown fields, reported as ignored, and they are ignored.
#[test]
fn a_v1_shaped_profile_in_a_v2_document_is_ignored_as_its_findings_say() {
    let mut v = doc(100_000, roster(2, 4));
    v["profiles"] = json!([{ "id": "old", "name": { "da": "G", "en": "O" }, "description": { "da": "d", "en": "d" },
                            "ssu": [{ "group": "mayor", "min": 1 }], "political": [], "professional": [] }]);
    let r = report(&v);
    let unknown: Vec<&str> = r.findings.iter().filter(|f| f.code.as_str() == "json-unknown-field").map(|f| f.path.as_str()).collect();
    assert_eq!(unknown, ["/profiles/0/political", "/profiles/0/professional", "/profiles/0/ssu"]);
    let p = &r.dataset.profiles[0];
    assert!(p.bodies.is_empty() && p.areas.is_empty() && !p.legacy);
}

/// The fields of /2 in a /1 document are unknown fields, reported as ignored, and ignored.
#[test]
fn v2_fields_in_a_v1_document_are_ignored_as_their_findings_say() {
    let v1 = r#"{"format":"sundhedsklynger/1","as_of":"2024-01-01",
      "regions":[{"id":"R1","name":"Region","valid_to":"2020-01-01"}],
      "municipalities":[{"code":"101","name":"A","region":"R1"}],
      "clusters":[{"id":"C1","kind":"council","region":"R1","name":"K","acute_hospitals":[],"status":"confirmed","sources":[],
                   "members":[{"municipality":"101","valid_from":"2030-01-01"}]}],
      "seats":[{"id":"s1","body":"R1/ssu","role":"mayor","municipality":"101","area":"C1","substitute":"p9"}]}"#;
    let r = sundhedsklynger::check(v1, &Default::default());
    let unknown: Vec<&str> = r.findings.iter().filter(|f| f.code.as_str() == "json-unknown-field").map(|f| f.path.as_str()).collect();
    for path in ["/regions/0/valid_to", "/clusters/0/kind", "/clusters/0/members/0/valid_from", "/seats/0/area", "/seats/0/substitute"] {
        assert!(unknown.contains(&path), "{path} not reported: {unknown:?}");
    }
    let d = &r.dataset;
    assert_eq!(d.areas[0].kind, "cluster");
    assert!(d.regions[0].valid_to.is_none() && d.areas[0].members[0].valid_from.is_none());
    assert!(d.seats[0].area.is_none() && d.seats[0].substitute.is_none());
    // No other finding comes from the ignored fields (no unknown person p9, no period).
    assert!(!r.findings.iter().any(|f| f.path.contains("substitute") && f.code.as_str() != "json-unknown-field"));
}
