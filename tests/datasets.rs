//! The two data sets in format sundhedsklynger/2 (`www/data/klynger-2022.json`,
//! `www/data/sundhedsraad-2027.json`) against the reference files they are built from
//! (`../shared/reference/`), read as plain `serde_json::Value`, and against the tool that
//! writes them (`tools/build-datasets.py`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const REFERENCE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference");
const K2022: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/klynger-2022.json");
const S2027: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/sundhedsraad-2027.json");

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A reference file, or `None` (and a message) where `../shared/reference` is absent outside CI.
fn reference(name: &str) -> Option<Value> {
    let path = format!("{REFERENCE_DIR}/{name}");
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(std::env::var("CI").is_err(), "CI must have ../shared/reference/{name}");
        eprintln!("skipped: {path} not found");
        return None;
    };
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn strings(v: &Value) -> Vec<&str> {
    arr(v).iter().map(s).collect()
}

fn by_id<'a>(list: &'a Value, key: &str) -> BTreeMap<&'a str, &'a Value> {
    let mut map = BTreeMap::new();
    for x in arr(list) {
        assert!(map.insert(s(&x[key]), x).is_none(), "{key} {} twice", x[key]);
    }
    map
}

fn members(area: &Value) -> BTreeSet<&str> {
    arr(&area["members"]).iter().map(|m| s(&m["municipality"])).collect()
}

/// The structure both files share: ids unique, every reference resolves, every municipality placed.
/// Returns how many areas each municipality is in.
fn check_structure(d: &Value, id: &str, regions: usize, areas: usize, kind: &str) -> BTreeMap<String, usize> {
    assert_eq!(d["format"], "sundhedsklynger/2");
    assert_eq!(d["id"], id);
    for lang in ["da", "en"] {
        assert!(!s(&d["title"][lang]).is_empty());
        assert!(!s(&d["description"][lang]).is_empty());
    }
    let region_ids = by_id(&d["regions"], "id");
    assert_eq!(region_ids.len(), regions);
    let munis = by_id(&d["municipalities"], "code");
    assert_eq!(munis.len(), 98);
    for m in munis.values() {
        assert!(region_ids.contains_key(s(&m["region"])), "{m}");
        assert_eq!(s(&m["code"]).len(), 3);
    }
    let area_ids = by_id(&d["areas"], "id");
    assert_eq!(area_ids.len(), areas);
    let mut placed: BTreeMap<String, usize> = munis.keys().map(|c| (c.to_string(), 0)).collect();
    for a in area_ids.values() {
        assert_eq!(a["kind"], kind);
        assert!(region_ids.contains_key(s(&a["region"])), "{}", a["id"]);
        assert!(!arr(&a["members"]).is_empty(), "{}", a["id"]);
        let mut seen = BTreeSet::new();
        for m in arr(&a["members"]) {
            let code = s(&m["municipality"]);
            assert!(seen.insert(code), "{code} twice in {}", a["id"]);
            let muni = munis.get(code).unwrap_or_else(|| panic!("member {code} of {} is no municipality", a["id"]));
            assert_eq!(muni["region"], a["region"], "{code} in {}", a["id"]);
            *placed.get_mut(code).unwrap() += 1;
        }
        if let Some(c) = a.get("candidates") {
            for code in strings(c) {
                assert!(munis.contains_key(code), "candidate {code} of {}", a["id"]);
                assert!(!seen.contains(code), "candidate {code} is also a member of {}", a["id"]);
            }
        }
    }
    for (code, n) in &placed {
        assert!(*n >= 1, "{code} is in no area");
    }
    placed
}

/// Every municipality's population equals population.json's for `date`, with that date's source URL.
fn check_population(d: &Value, pop: &Value, date: &str) {
    let url = s(&pop["dates"][date]["source"]["url"]);
    let reference: BTreeMap<&str, &Value> = arr(&pop["municipalities"]).iter().map(|m| (s(&m["code"]), m)).collect();
    for m in arr(&d["municipalities"]) {
        let code = s(&m["code"]);
        let r = reference[code];
        assert_eq!(m["name"], r["name"], "{code}");
        let p = &m["population"];
        assert_eq!(p["value"], r["population"][date], "{code}");
        assert_eq!(p["date"], date, "{code}");
        assert_eq!(p["source"], url, "{code}");
        assert_eq!(p["status"], "secondary", "{code}");
    }
}

fn visit_sources(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let p = format!("{path}/{k}");
                match (k.as_str(), x) {
                    ("sources", Value::Array(list)) => {
                        assert!(!list.is_empty(), "{p} is empty");
                        out.extend(list.iter().map(|u| (p.clone(), s(u).to_string())));
                    }
                    ("source", Value::String(u)) => out.push((p, u.clone())),
                    _ => visit_sources(x, &p, out),
                }
            }
        }
        Value::Array(list) => list.iter().enumerate().for_each(|(i, x)| visit_sources(x, &format!("{path}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn every_source_is_an_http_url() {
    for path in [K2022, S2027] {
        let mut found = Vec::new();
        visit_sources(&read(path), "", &mut found);
        assert!(found.len() > 100, "{path}");
        for (p, url) in found {
            assert!(url.starts_with("https://") || url.starts_with("http://"), "{path}{p}: {url}");
            assert!(!url.contains(char::is_whitespace), "{path}{p}: {url}");
        }
    }
}

#[test]
fn status_values_are_known() {
    const KNOWN: [&str; 4] = ["confirmed", "partial", "secondary", "unverified"];
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    if k == "status" || k == "name_status" {
                        assert!(KNOWN.contains(&s(x)), "{path}/{k}: {x}");
                    } else {
                        walk(x, &format!("{path}/{k}"));
                    }
                }
            }
            Value::Array(list) => list.iter().for_each(|x| walk(x, path)),
            _ => {}
        }
    }
    walk(&read(K2022), "klynger-2022");
    walk(&read(S2027), "sundhedsraad-2027");
}

// ------------------------------------------------------------------ klynger-2022

#[test]
fn klynger_2022_structure() {
    let d = read(K2022);
    let placed = check_structure(&d, "klynger-2022", 5, 22, "cluster");
    let split: Vec<&str> = placed.iter().filter(|(_, n)| **n > 1).map(|(c, _)| c.as_str()).collect();
    assert_eq!(split, ["101"], "only København is split");
    for a in arr(&d["areas"]) {
        for m in arr(&a["members"]) {
            let is_split = m["municipality"] == "101";
            assert_eq!(m.get("share") == Some(&Value::from("unknown")), is_split, "{} in {}", m["municipality"], a["id"]);
        }
    }
    assert_eq!(d["valid_from"], "2022-07-01");
    assert_eq!(d["valid_to"], "2026-12-31");
    assert_eq!(d["profile"], "sundhedsloven-2022");
    assert!(d.get("persons").is_none() && d.get("seats").is_none(), "no persons are published for 2022");
    let codes: BTreeMap<&str, &str> = arr(&d["regions"]).iter().map(|r| (s(&r["id"]), s(&r["code"]))).collect();
    let expected: BTreeMap<&str, &str> =
        [("RN", "1081"), ("RM", "1082"), ("RSD", "1083"), ("RH", "1084"), ("RSJ", "1085")].into();
    assert_eq!(codes, expected);
}

#[test]
fn klynger_2022_matches_the_reference() {
    let (Some(reference), Some(pop)) = (reference("clusters-2022.json"), reference("population.json")) else { return };
    let d = read(K2022);
    check_population(&d, &pop, "2022-01-01");
    let regions: BTreeMap<&str, &str> = arr(&d["regions"]).iter().map(|r| (s(&r["id"]), s(&r["name"]))).collect();
    assert_eq!(regions.values().copied().collect::<BTreeSet<_>>(), strings(&reference["regions"]).into_iter().collect());

    let ours = by_id(&d["areas"], "id");
    let clusters = arr(&reference["clusters"]);
    assert_eq!(clusters.len(), ours.len());
    let mut own_evidence = 0;
    for rc in clusters {
        let id = s(&rc["id"]);
        let a = ours.get(id).unwrap_or_else(|| panic!("cluster {id} missing"));
        let want: BTreeSet<&str> = arr(&rc["municipalities"]).iter().map(|m| s(&m["code"])).collect();
        assert_eq!(members(a), want, "{id}");
        assert_eq!(a["status"], rc["status"], "{id}");
        assert_eq!(a.get("name_status").unwrap_or(&Value::from("confirmed")), &rc["name_status"], "{id}");
        assert_eq!(a["sources"], rc["sources"], "{id}");
        assert_eq!(strings(&a["acute_hospitals"]), [s(&rc["acute_hospital"])], "{id}");
        assert_eq!(regions[s(&a["region"])], s(&rc["region"]), "{id}");
        let candidates: Vec<&str> = arr(&rc["ambiguous_unplaced"]).iter().map(|m| s(&m["code"])).collect();
        let got: Vec<&str> = a.get("candidates").map(strings).unwrap_or_default();
        assert_eq!(got, candidates, "{id}");
        if !s(&rc["notes"]).is_empty() {
            assert!(s(&a["notes"]).contains(s(&rc["notes"])), "{id}: notes carried over");
        }
        // Memberships with their own evidence keep their status and sources.
        for rm in arr(&rc["municipalities"]) {
            let m = arr(&a["members"]).iter().find(|m| m["municipality"] == rm["code"]).unwrap();
            match rm.get("status") {
                Some(st) => {
                    own_evidence += 1;
                    assert_eq!(&m["status"], st, "{id} {}", rm["code"]);
                    assert_eq!(m["sources"], rm["sources"], "{id} {}", rm["code"]);
                }
                None => assert!(m.get("status").is_none() && m.get("sources").is_none(), "{id} {}", rm["code"]),
            }
        }
    }
    assert_eq!(own_evidence, 6, "six memberships rest on secondary evidence");
    let partial: BTreeSet<&str> = arr(&d["areas"])
        .iter()
        .flat_map(|a| arr(&a["members"]))
        .filter(|m| m.get("status") == Some(&Value::from("partial")))
        .map(|m| s(&m["municipality"]))
        .collect();
    assert_eq!(partial, ["320", "350", "370", "410", "530", "575"].into());
    // The candidates: Billund and Vejen for Lillebælt, Rudersdal for Nord.
    assert_eq!(strings(&ours["RSD-LILLEBAELT"]["candidates"]), ["530", "575"]);
    assert_eq!(strings(&ours["RH-NORD"]["candidates"]), ["230"]);

    let names: BTreeMap<&str, (&str, &str)> =
        arr(&reference["municipalities"]).iter().map(|m| (s(&m["code"]), (s(&m["name"]), s(&m["region"])))).collect();
    for m in arr(&d["municipalities"]) {
        let (name, region) = names[s(&m["code"])];
        assert_eq!(s(&m["name"]), name);
        assert_eq!(regions[s(&m["region"])], region, "{}", m["code"]);
    }
}

// ------------------------------------------------------------- sundhedsraad-2027

#[test]
fn sundhedsraad_2027_structure() {
    let d = read(S2027);
    let placed = check_structure(&d, "sundhedsraad-2027", 4, 17, "council");
    for (code, n) in placed {
        assert_eq!(n, 1, "{code} must be in exactly one council");
    }
    assert_eq!(d["valid_from"], "2027-01-01");
    assert_eq!(d["preparatory_from"], "2026-01-01");
    assert_eq!(d["status"], "secondary");
    assert_eq!(d["profile"], "regionsloven-2025");
    assert!(d.get("valid_to").is_none());
    let regions = by_id(&d["regions"], "id");
    assert_eq!(regions.keys().copied().collect::<Vec<_>>(), ["OST", "RM", "RN", "RSD"]);
    assert!(regions["OST"].get("code").is_none(), "no regionskode is known for Region Østdanmark");
    assert_eq!(regions["OST"]["name"], "Region Østdanmark");
    assert_eq!(regions["OST"]["valid_from"], "2027-01-01");
    // The continuing regions keep their codes from the 2022 set.
    let old = by_id(&read(K2022)["regions"], "id").into_iter().map(|(k, v)| (k.to_string(), v["code"].clone())).collect::<BTreeMap<_, _>>();
    for id in ["RN", "RM", "RSD"] {
        assert_eq!(regions[id]["code"], old[id], "{id}");
        assert!(regions[id].get("valid_from").is_none() && regions[id].get("valid_to").is_none(), "{id} continues");
    }
    for a in arr(&d["areas"]) {
        assert_eq!(a["acute_hospitals"], serde_json::json!([]), "{}: the hospitals are only inferred", a["id"]);
    }

    // Seats: ids unique, bodies are councils, persons and municipalities resolve.
    let areas = by_id(&d["areas"], "id");
    let persons = by_id(&d["persons"], "id");
    let seats = by_id(&d["seats"], "id");
    let munis = by_id(&d["municipalities"], "code");
    let mut in_body: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut held: BTreeSet<&str> = BTreeSet::new();
    for seat in seats.values() {
        let body = s(&seat["body"]);
        let area = body.strip_suffix("/council").unwrap_or_else(|| panic!("body {body}"));
        assert!(areas.contains_key(area), "{body}");
        assert!(s(&seat["id"]).starts_with(&format!("{body}#")));
        let person = s(&seat["person"]);
        assert!(persons.contains_key(person), "{person}");
        assert!(in_body.insert((body, person)), "{person} twice in {body}");
        held.insert(person);
        if let Some(sub) = seat.get("substitute") {
            assert!(persons.contains_key(s(sub)), "{sub}");
            assert!(in_body.insert((body, s(sub))), "{sub} twice in {body}");
            held.insert(s(sub));
            assert!(seat["title"]["da"].is_string() && seat["title"]["en"].is_string());
        }
        match s(&seat["role"]) {
            "municipal-representative" => {
                let code = s(&seat["municipality"]);
                assert!(munis.contains_key(code), "{code}");
                assert!(members(areas[area]).contains(code), "{} represents {code}, not in {area}", seat["id"]);
                assert!(seat.get("office").is_none());
            }
            "regional-council-member" => assert!(seat.get("municipality").is_none()),
            other => panic!("unexpected role {other}"),
        }
        assert!(["secondary", "confirmed"].contains(&s(&seat["status"])), "{}", seat["id"]);
    }
    assert_eq!(held.len(), persons.len(), "every person holds or substitutes in a seat");
    for area in areas.keys() {
        for office in ["chair", "vice-chair"] {
            let n = seats.values().filter(|x| x["body"] == format!("{area}/council") && x["office"] == office).count();
            assert_eq!(n, 1, "{area}: one {office}");
        }
    }
}

#[test]
fn sundhedsraad_2027_matches_the_reference() {
    let (Some(reference), Some(pop)) = (reference("sundhedsraad-2027.json"), reference("population.json")) else { return };
    let d = read(S2027);
    check_population(&d, &pop, "2026-01-01");
    assert_eq!(d["as_of"], reference["as_of"]);
    let region_name: BTreeMap<&str, &str> = arr(&d["regions"]).iter().map(|r| (s(&r["id"]), s(&r["name"]))).collect();
    for r in arr(&reference["regions"]) {
        let codes: BTreeSet<&str> = strings(&r["municipalities"]).into_iter().collect();
        let ours: BTreeSet<&str> = arr(&d["municipalities"])
            .iter()
            .filter(|m| region_name[s(&m["region"])] == s(&r["name"]))
            .map(|m| s(&m["code"]))
            .collect();
        assert_eq!(ours, codes, "{}", r["name"]);
    }
    let ours = by_id(&d["areas"], "id");
    let councils = arr(&reference["councils"]);
    assert_eq!(councils.len(), ours.len());
    let mut unverified = BTreeSet::new();
    for rc in councils {
        let id = s(&rc["id"]);
        let a = ours.get(id).unwrap_or_else(|| panic!("council {id} missing"));
        assert_eq!(a["name"], rc["name"], "{id}");
        assert_eq!(region_name[s(&a["region"])], s(&rc["region"]), "{id}");
        assert_eq!(members(a), strings(&rc["municipalities"]).into_iter().collect(), "{id}");
        assert_eq!(a["status"], rc["status"], "{id}");
        assert!(s(&a["notes"]).contains(s(&rc["hospital"])), "{id}: the inferred hospital is in the notes");
        if !s(&rc["notes"]).is_empty() {
            assert!(s(&a["notes"]).contains(s(&rc["notes"])), "{id}: notes carried over");
        }
        let disputed: BTreeSet<&str> = strings(&rc["disputed_members"]).iter().map(|x| x.split(' ').next().unwrap()).collect();
        for m in arr(&a["members"]) {
            let code = s(&m["municipality"]);
            if disputed.contains(code) {
                assert_eq!(m["status"], "unverified", "{id} {code}");
                unverified.insert(code);
            } else {
                assert!(m.get("status").is_none(), "{id} {code}");
            }
        }
        let candidates: BTreeSet<&str> = a.get("candidates").map(strings).unwrap_or_default().into_iter().collect();
        let expected: BTreeSet<&str> = disputed.iter().copied().filter(|c| !members(a).contains(c)).collect();
        assert_eq!(candidates, expected, "{id}");
    }
    assert_eq!(unverified, ["410", "530"].into(), "Middelfart and Billund are disputed");
    assert_eq!(strings(&ours["RSD-FYN"]["candidates"]), ["410"]);
    assert_eq!(strings(&ours["RSD-LILLEBAELT"]["candidates"]), ["530"]);
    let confirmed: Vec<&str> = ours.iter().filter(|(_, a)| a["status"] == "confirmed").map(|(id, _)| *id).collect();
    assert_eq!(confirmed, ["OST-AMAGER-VESTEGNEN"]);
}

/// Seats per council and per municipality equal the roster, and the roster fits the 1/2/3 rule.
#[test]
fn sundhedsraad_2027_seats_match_the_roster() {
    let (Some(reference), Some(rosters), Some(pop)) =
        (reference("sundhedsraad-2027.json"), reference("sundhedsraad-rosters.json"), reference("population.json"))
    else {
        return;
    };
    let d = read(S2027);
    let pop2026: BTreeMap<&str, u64> =
        arr(&pop["municipalities"]).iter().map(|m| (s(&m["code"]), m["population"]["2026-01-01"].as_u64().unwrap())).collect();
    let persons = by_id(&d["persons"], "id");
    let seats = arr(&d["seats"]);
    let roster_by_name: BTreeMap<&str, &Value> = arr(&rosters["councils"]).iter().map(|r| (s(&r["name"]), r)).collect();

    // Every person in the data appears in a roster with the same name and party.
    let mut roster_people: BTreeSet<(&str, &str)> = BTreeSet::new();
    for r in roster_by_name.values() {
        for m in arr(&r["regionalMembers"]).iter().chain(arr(&r["municipalMembers"])) {
            roster_people.insert((s(&m["name"]), m["party"].as_str().unwrap_or("")));
        }
    }
    for p in persons.values() {
        let key = (s(&p["name"]), p.get("party").map(s).unwrap_or(""));
        assert!(roster_people.contains(&key), "{key:?} not in the roster");
    }
    assert_eq!(persons.len(), roster_people.len(), "one person per distinct (name, party)");
    assert_ne!(persons.get("peter-larsen-f").map(|p| &p["party"]), persons.get("peter-larsen-i").map(|p| &p["party"]));

    for rc in arr(&reference["councils"]) {
        let id = s(&rc["id"]);
        let body = format!("{id}/council");
        let roster = roster_by_name[s(&rc["name"])];
        let ours: Vec<&Value> = seats.iter().filter(|x| x["body"] == body).collect();
        let regional: Vec<&Value> = ours.iter().copied().filter(|x| x["role"] == "regional-council-member").collect();
        let municipal: Vec<&Value> = ours.iter().copied().filter(|x| x["role"] == "municipal-representative").collect();
        assert_eq!(regional.len() + municipal.len(), ours.len(), "{id}");

        let roster_regional = arr(&roster["regionalMembers"]);
        let subs = roster_regional.iter().filter(|m| m["role"].as_str().unwrap_or("").contains("vikar for")).count();
        assert_eq!(regional.len(), roster_regional.len() - subs, "{id}: regional seats");
        assert_eq!(regional.len() as u64, rc["seats"]["regional_in_roster"].as_u64().unwrap(), "{id}");
        assert_eq!(regional.iter().filter(|x| x.get("substitute").is_some()).count(), subs, "{id}: substitutes");
        assert_eq!(municipal.len(), arr(&roster["municipalMembers"]).len(), "{id}: municipal seats");
        assert_eq!(municipal.len() as u64, rc["seats"]["municipal_by_1_2_3_rule"].as_u64().unwrap(), "{id}");
        assert_eq!(regional.len(), municipal.len() + 1, "{id}: regional majority of one");

        // 1 seat under 80,000 inhabitants, 2 from 80,000, 3 from 300,000 (2026 population).
        for code in strings(&rc["municipalities"]) {
            let n = municipal.iter().filter(|x| x["municipality"] == code).count();
            let p = pop2026[code];
            let rule = if p >= 300_000 { 3 } else if p >= 80_000 { 2 } else { 1 };
            assert_eq!(n, rule, "{id}: {code} ({p} inhabitants)");
        }

        // The names in the seats are the roster's, in order, and the offices are its formand/næstformand.
        let name = |x: &Value| s(&persons[s(&x["person"])]["name"]).to_string();
        let mut want: Vec<&str> = roster_regional
            .iter()
            .filter(|m| !m["role"].as_str().unwrap_or("").contains("vikar for"))
            .map(|m| s(&m["name"]))
            .collect();
        want.extend(arr(&roster["municipalMembers"]).iter().map(|m| s(&m["name"])));
        assert_eq!(ours.iter().map(|x| name(x)).collect::<Vec<_>>(), want, "{id}");
        for (office, key) in [("chair", "formand"), ("vice-chair", "naestformand")] {
            let seat = regional.iter().find(|x| x["office"] == office).unwrap();
            assert_eq!(name(seat), s(&roster[key]["name"]), "{id} {office}");
        }
        // Only a chair marked "[primary: …]" in the reference is confirmed, with that source.
        for seat in &ours {
            let primary = match seat["office"].as_str() {
                Some("chair") => rc["chair"].as_str(),
                Some("vice-chair") => rc["vice_chair"].as_str(),
                _ => None,
            }
            .and_then(|t| t.split("[primary: ").nth(1))
            .map(|t| t.trim_end_matches(']'));
            match primary {
                Some(src) => {
                    assert_eq!(seat["status"], "confirmed", "{}", seat["id"]);
                    let url = arr(&reference["sources"]).iter().find(|x| x["id"] == src).unwrap()["url"].clone();
                    assert!(arr(&seat["sources"]).contains(&url), "{}", seat["id"]);
                }
                None => assert_eq!(seat["status"], "secondary", "{}", seat["id"]),
            }
        }
    }
    // The same person in two councils keeps one id.
    for p in ["jacob-rosenberg", "stinus-lindgreen"] {
        assert_eq!(seats.iter().filter(|x| x["person"] == p).count(), 2, "{p}");
    }
    // Limfjorden: one seat held by the member on leave, with her substitute.
    let limfjorden: Vec<&Value> = seats.iter().filter(|x| x.get("substitute").is_some()).collect();
    assert_eq!(limfjorden.len(), 1);
    assert_eq!(limfjorden[0]["body"], "RN-LIMFJORDEN/council");
    assert_eq!(persons[s(&limfjorden[0]["person"])]["name"], "Lina Hundebøl Jespersen");
    assert_eq!(persons[s(&limfjorden[0]["substitute"])]["name"], "Jess Laursen");
    assert!(s(&limfjorden[0]["title"]["da"]).contains("barsel"));
}

/// The files in www/data are exactly what `python3 tools/build-datasets.py` writes.
#[test]
fn files_are_what_the_tool_writes() {
    if !Path::new(REFERENCE_DIR).is_dir() {
        assert!(std::env::var("CI").is_err(), "CI must have ../shared/reference");
        eprintln!("skipped: {REFERENCE_DIR} not found");
        return;
    }
    let out = std::env::temp_dir().join(format!("sundhedsklynger-datasets-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let tool = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/build-datasets.py");
    let run = std::process::Command::new("python3").arg(tool).arg(REFERENCE_DIR).arg(&out).output();
    let run = match run {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(std::env::var("CI").is_err(), "CI must have python3");
            eprintln!("skipped: python3 not found");
            return;
        }
        Err(e) => panic!("python3: {e}"),
    };
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for (name, path) in [("klynger-2022.json", K2022), ("sundhedsraad-2027.json", S2027)] {
        let built = std::fs::read(out.join(name)).unwrap();
        let ours = std::fs::read(path).unwrap();
        assert!(built == ours, "{name} differs from what tools/build-datasets.py writes: run it");
    }
    std::fs::remove_dir_all(&out).unwrap();
}
