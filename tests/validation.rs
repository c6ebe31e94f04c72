//! Every validation rule: a passing case and a failing case, with the exact JSON Pointer.

mod common;

use common::*;
use serde_json::json;
use sundhedsklynger::Severity::{Error, Info, Warning};

#[test]
fn base_data_has_no_findings() {
    let fs = findings(&base());
    assert!(fs.is_empty(), "{:#?}", summary(&fs));
}

#[test]
fn full_seats_pass_the_law_profile() {
    let fs = findings(&with_seats());
    assert!(fs.is_empty(), "{:#?}", summary(&fs));
}

#[test]
fn duplicate_ids() {
    let mut v = base();
    v["clusters"][1]["id"] = json!("C1");
    v["municipalities"][1]["code"] = json!("101");
    let fs = findings(&v);
    assert_finding(&fs, Error, "duplicate-id", "/clusters/1/id");
    assert_finding(&fs, Error, "duplicate-id", "/municipalities/1/code");
    // Region and cluster ids share one national id space.
    let mut v = base();
    v["clusters"][0]["id"] = json!("R2");
    assert_finding(&findings(&v), Error, "duplicate-id", "/clusters/0/id");
    let mut v = with_seats();
    v["persons"][2]["id"] = json!("p-alfa");
    v["seats"][4]["id"] = json!("s1");
    let fs = findings(&v);
    assert_finding(&fs, Error, "duplicate-id", "/persons/2/id");
    assert_finding(&fs, Error, "duplicate-id", "/seats/4/id");
}

#[test]
fn dangling_references() {
    let mut v = base();
    v["clusters"][0]["region"] = json!("R9");
    v["clusters"][0]["members"][1]["municipality"] = json!("999");
    v["municipalities"][2]["region"] = json!("nowhere");
    v["clusters"][0]["candidates"] = json!(["888"]);
    let fs = findings(&v);
    assert_finding(&fs, Error, "unknown-reference", "/clusters/0/region");
    assert_finding(&fs, Error, "unknown-reference", "/clusters/0/members/1/municipality");
    assert_finding(&fs, Error, "unknown-reference", "/municipalities/2/region");
    assert_finding(&fs, Error, "unknown-reference", "/clusters/0/candidates/0");

    let mut v = with_seats();
    v["seats"][0]["person"] = json!("p-ghost");
    v["seats"][1]["body"] = json!("C9/political");
    v["seats"][2]["municipality"] = json!("555");
    v["seats"][8]["cluster"] = json!("C9");
    let fs = findings(&v);
    assert_finding(&fs, Error, "unknown-reference", "/seats/0/person");
    assert_finding(&fs, Error, "unknown-reference", "/seats/1/body");
    assert_finding(&fs, Error, "unknown-reference", "/seats/2/municipality");
    assert_finding(&fs, Error, "unknown-reference", "/seats/8/cluster");
}

#[test]
fn municipality_in_a_cluster_of_another_region() {
    let mut v = base();
    v["clusters"][0]["members"].as_array_mut().unwrap().push(json!({ "municipality": "201" }));
    v["clusters"][1]["members"] = json!([{ "municipality": "201", "share": 0.5 }]);
    let fs = findings(&v);
    assert_finding(&fs, Error, "municipality-other-region", "/clusters/0/members/2/municipality");
    assert_no_code(&findings(&base()), "municipality-other-region");
}

#[test]
fn municipality_in_no_cluster() {
    let mut v = base();
    v["clusters"][0]["members"].as_array_mut().unwrap().remove(1);
    v["clusters"][0]["candidates"] = json!(["102"]);
    let fs = findings(&v);
    assert_finding(&fs, Warning, "municipality-unplaced", "/municipalities/1");
    let f = fs.iter().find(|f| f.code.as_str() == "municipality-unplaced").unwrap();
    assert!(f.message.da.contains("Klynge Et") && f.message.en.contains("Possible clusters"), "names the candidate cluster");
}

#[test]
fn split_municipality_shares() {
    // Split without shares: a warning on the municipality.
    let mut v = base();
    v["clusters"].as_array_mut().unwrap().push(json!({
        "id": "C3", "region": "R1", "name": "Klynge Tre", "acute_hospitals": [], "status": "confirmed", "sources": [],
        "members": [{ "municipality": "101" }]
    }));
    assert_finding(&findings(&v), Warning, "split-share-unknown", "/municipalities/0");
    // "unknown" is the same as absent.
    v["clusters"][0]["members"][0]["share"] = json!("unknown");
    v["clusters"][2]["members"][0]["share"] = json!("unknown");
    assert_finding(&findings(&v), Warning, "split-share-unknown", "/municipalities/0");
    // Shares that sum to 1 pass.
    v["clusters"][0]["members"][0]["share"] = json!(0.7);
    v["clusters"][2]["members"][0]["share"] = json!(0.3);
    let fs = findings(&v);
    assert_no_code(&fs, "split-share-unknown");
    assert_no_code(&fs, "split-shares-sum");
    // Shares that do not sum to 1: an error.
    v["clusters"][2]["members"][0]["share"] = json!(0.2);
    assert_finding(&findings(&v), Error, "split-shares-sum", "/municipalities/0");
    // A share below 1 on an unsplit municipality.
    let mut v = base();
    v["clusters"][0]["members"][1]["share"] = json!(0.4);
    assert_finding(&findings(&v), Warning, "share-without-split", "/clusters/0/members/1/share");
}

#[test]
fn duplicate_member_and_empty_cluster() {
    let mut v = base();
    v["clusters"][0]["members"].as_array_mut().unwrap().push(json!({ "municipality": "101" }));
    assert_finding(&findings(&v), Error, "duplicate-member", "/clusters/0/members/2/municipality");
    let mut v = base();
    v["clusters"][1]["members"] = json!([]);
    let fs = findings(&v);
    assert_finding(&fs, Warning, "cluster-without-members", "/clusters/1/members");
    assert_finding(&fs, Warning, "municipality-unplaced", "/municipalities/2");
}

#[test]
fn region_without_clusters() {
    let mut v = base();
    v["regions"].as_array_mut().unwrap().push(json!({ "id": "R3", "name": "Region Tre" }));
    assert_finding(&findings(&v), Warning, "region-without-clusters", "/regions/2");
}

#[test]
fn codes_dates_names_and_urls() {
    let mut v = base();
    v["municipalities"][0]["code"] = json!("1010");
    v["regions"][0]["code"] = json!("84");
    v["as_of"] = json!("2024-02-30");
    v["regions"][1]["name"] = json!("  ");
    v["clusters"][0]["sources"] = json!(["javascript:alert(1)", "https://ok.example"]);
    v["municipalities"][1]["population"] = json!({ "value": 1000, "date": "2022-13-01", "source": "ftp://x" });
    let fs = findings(&v);
    assert_finding(&fs, Error, "invalid-municipality-code", "/municipalities/0/code");
    assert_finding(&fs, Error, "invalid-region-code", "/regions/0/code");
    assert_finding(&fs, Error, "invalid-date", "/as_of");
    assert_finding(&fs, Error, "empty-name", "/regions/1/name");
    assert_finding(&fs, Warning, "invalid-source-url", "/clusters/0/sources/0");
    assert_finding(&fs, Error, "invalid-date", "/municipalities/1/population/date");
    assert_finding(&fs, Warning, "invalid-source-url", "/municipalities/1/population/source");
    assert!(!fs.iter().any(|f| f.path == "/clusters/0/sources/1"));
    // Leap day is a real date.
    let mut v = base();
    v["as_of"] = json!("2024-02-29");
    assert_no_code(&findings(&v), "invalid-date");
}

#[test]
fn unverified_data_is_info() {
    let mut v = base();
    v["clusters"][0]["status"] = json!("unverified");
    v["clusters"][0]["name_status"] = json!("unverified");
    v["clusters"][1]["status"] = json!("partial");
    v["clusters"][1]["members"][0]["status"] = json!("unverified");
    let fs = findings(&v);
    assert_finding(&fs, Info, "unverified-cluster", "/clusters/0");
    assert_finding(&fs, Info, "unverified-name", "/clusters/0/name");
    assert_finding(&fs, Info, "partial-cluster", "/clusters/1");
    assert_finding(&fs, Info, "unverified-membership", "/clusters/1/members/0");
    let mut v = with_seats();
    v["seats"][3]["status"] = json!("unverified");
    assert_finding(&findings(&v), Info, "unverified-seat", "/seats/3");
}

#[test]
fn political_level_needs_each_mayor() {
    let mut v = with_seats();
    remove_seat(&mut v, "s4");
    assert_finding(&findings(&v), Error, "composition-too-few", "/clusters/0/members/1");
    // A deputy mayor satisfies aftale-2021 (borgmester/fagborgmester) but not the law (borgmestrene).
    let mut v = with_seats();
    let i = seat(&v, "s4");
    v["seats"][i]["role"] = json!("deputy-mayor");
    assert_finding(&findings(&v), Error, "composition-too-few", "/clusters/0/members/1");
    let fs = findings_with(&v, "aftale-2021");
    assert!(!fs.iter().any(|f| f.code.as_str() == "composition-too-few" && f.path == "/clusters/0/members/1"));
}

#[test]
fn regional_members_too_few_and_too_many() {
    let mut v = with_seats();
    remove_seat(&mut v, "s2");
    assert_finding(&findings(&v), Error, "composition-too-few", "/clusters/0");
    // aftale-2021 allows at most 3 regional council members on the political level.
    let mut v = with_seats();
    for id in ["x1", "x2"] {
        v["seats"].as_array_mut().unwrap().push(json!({ "id": id, "body": "C1/political", "role": "regional-council-member" }));
    }
    let x2 = seat(&v, "x2");
    let fs = findings_with(&v, "aftale-2021");
    assert_finding(&fs, Warning, "composition-too-many", &format!("/seats/{x2}"));
    assert!(!findings(&v).iter().any(|f| f.code.as_str() == "composition-too-many"), "the law sets no maximum");
}

#[test]
fn professional_level_needs_psychiatry_and_general_practice() {
    let mut v = with_seats();
    remove_seat(&mut v, "s11");
    remove_seat(&mut v, "s15");
    let fs = findings(&v);
    let too_few: Vec<_> = fs.iter().filter(|f| f.code.as_str() == "composition-too-few" && f.path == "/clusters/0").collect();
    assert_eq!(too_few.len(), 2, "{:#?}", summary(&fs));
    assert!(too_few.iter().any(|f| f.message.en.contains("psychiatry")));
    assert!(too_few.iter().any(|f| f.message.en.contains("general practice")));
}

#[test]
fn ssu_needs_chair_and_one_municipal_representative_per_cluster() {
    let mut v = with_seats();
    remove_seat(&mut v, "s6");
    assert_finding(&findings(&v), Error, "composition-too-few", "/regions/0");
    let mut v = with_seats();
    remove_seat(&mut v, "s9");
    let fs = findings(&v);
    assert_finding(&fs, Error, "composition-too-few", "/clusters/0");
    assert!(fs.iter().any(|f| f.path == "/clusters/0" && f.message.da.contains("Sundhedssamarbejdsudvalg")));
}

#[test]
fn person_with_incompatible_seats() {
    let mut v = with_seats();
    let s4 = seat(&v, "s4");
    v["seats"][s4]["person"] = json!("p-alfa");
    assert_finding(&findings(&v), Error, "incompatible-seats", &format!("/seats/{s4}/person"));
    // The same mayor in the SSU and in the cluster is the point of the model: no finding.
    assert_no_code(&findings(&with_seats()), "incompatible-seats");
}

#[test]
fn person_twice_in_one_body() {
    let mut v = with_seats();
    let s2 = seat(&v, "s2");
    v["seats"][s2]["person"] = json!("p-chair");
    assert_finding(&findings(&v), Warning, "person-twice-in-body", "/seats/1/person");
}

#[test]
fn invalid_seats() {
    let mut v = with_seats();
    v["seats"][0]["body"] = json!("C1/board");
    v["seats"][3]["municipality"] = json!("201");
    v["seats"][12].as_object_mut().unwrap().remove("municipality");
    let fs = findings(&v);
    assert_finding(&fs, Error, "invalid-seat", "/seats/0/body");
    assert_finding(&fs, Error, "invalid-seat", "/seats/3/municipality");
    assert_finding(&fs, Error, "invalid-seat", "/seats/12");
    let mut v = with_seats();
    v["seats"][8]["cluster"] = json!("C2");
    assert_finding(&findings(&v), Error, "invalid-seat", "/seats/8/cluster");
}

#[test]
fn unknown_profile_falls_back() {
    let mut v = base();
    v["profile"] = json!("no-such-profile");
    assert_finding(&findings(&v), Error, "unknown-profile", "/profile");
    assert_finding(&findings_with(&base(), "nope"), Error, "unknown-profile", "");
    assert_no_code(&findings_with(&base(), "aftale-2021"), "unknown-profile");
}

#[test]
fn user_supplied_profile() {
    let mut v = with_seats();
    v["profile"] = json!("strict");
    v["profiles"] = json!([{
        "id": "strict", "name": { "da": "Streng", "en": "Strict" }, "description": { "da": "Test", "en": "Test" },
        "ssu": [], "professional": [],
        "political": [ { "group": "patients", "min": 1 } ]
    }]);
    assert_finding(&findings(&v), Error, "composition-too-few", "/clusters/0");
    v["profiles"][0]["political"][0]["per"] = json!("cluster");
    v["profiles"][0]["political"][0]["max"] = json!(0);
    let fs = findings(&v);
    assert_finding(&fs, Error, "invalid-profile", "/profiles/0/political/0/per");
    assert_finding(&fs, Error, "invalid-profile", "/profiles/0/political/0/max");
    v["profiles"][0]["id"] = json!("aftale-2021");
    v["profile"] = json!("aftale-2021");
    assert_finding(&findings(&v), Info, "profile-overrides-builtin", "/profiles/0/id");
}

#[test]
fn findings_are_sorted_by_severity() {
    let mut v = base();
    v["clusters"][0]["status"] = json!("unverified");
    v["clusters"][0]["region"] = json!("R9");
    v["regions"].as_array_mut().unwrap().push(json!({ "id": "R3", "name": "Tre" }));
    let fs = findings(&v);
    let severities: Vec<_> = fs.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert!(severities.contains(&Error) && severities.contains(&Warning) && severities.contains(&Info));
}
