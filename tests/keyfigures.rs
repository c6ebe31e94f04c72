#![cfg(not(target_arch = "wasm32"))]
//! Key figures: aggregation, suppression, comparison, trend, inequality, governance.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use sundhedsklynger::figures::key_figures::{governance, indicator_figures, key_figures, slope_index, AreaLevel, FigureStatus, KeyFigureOptions};
use sundhedsklynger::model::profile::builtin_profiles;
use sundhedsklynger::figures::stats::{byar, crude_rate, direct_standardised_rate, exact_poisson, proportion, z_for_level, BandCount, ProportionMethod};
use sundhedsklynger::{check, Options, Severity};

fn law() -> &'static sundhedsklynger::model::profile::RuleProfile {
    builtin_profiles().iter().find(|p| p.id == "sundhedsloven-2022").unwrap()
}

/// base() plus a crude-rate indicator with two bands and values for two periods.
fn with_indicator() -> Value {
    let mut v = base();
    v["indicators"] = json!([{
        "id": "adm", "name": { "da": "Indlæggelser", "en": "Admissions" },
        "numerator": { "da": "indlæggelser", "en": "admissions" }, "denominator": { "da": "borgere", "en": "residents" },
        "kind": "rate", "multiplier": 1000, "unit": { "da": "pr. 1.000", "en": "per 1,000" },
        "age_bands": ["65-79", "80+"]
    }]);
    v["values"] = json!([
        { "indicator": "adm", "municipality": "101", "period": "2022", "numerator": [40, 60], "denominator": [2000, 1000] },
        { "indicator": "adm", "municipality": "102", "period": "2022", "numerator": [10, 20], "denominator": [1000, 500] },
        { "indicator": "adm", "municipality": "201", "period": "2022", "numerator": [5, 5], "denominator": [1000, 500] },
        { "indicator": "adm", "municipality": "101", "period": "2023", "numerator": [80, 120], "denominator": [2000, 1000] },
        { "indicator": "adm", "municipality": "102", "period": "2023", "numerator": [1, 2], "denominator": [1000, 500] },
        { "indicator": "adm", "municipality": "201", "period": "2023", "numerator": [5, 5], "denominator": [1000, 500] }
    ]);
    v
}

fn figures(v: &Value, options: &KeyFigureOptions) -> sundhedsklynger::figures::key_figures::IndicatorFigures {
    let r = check(&v.to_string(), &Options::default());
    assert!(!r.has_errors(), "{:#?}", summary(&r.findings));
    indicator_figures(&r.dataset, &r.dataset.indicators[0], options)
}

fn find<'a>(f: &'a sundhedsklynger::figures::key_figures::IndicatorFigures, level: AreaLevel, area: &str, period: &str) -> &'a sundhedsklynger::figures::key_figures::Figure {
    f.figures.iter().find(|x| x.level == level && x.area == area && x.period == period).unwrap()
}

#[test]
fn cluster_sums_counts_never_averages_rates() {
    let f = figures(&with_indicator(), &KeyFigureOptions::default());
    let c1 = find(&f, AreaLevel::Cluster, "C1", "2022");
    // (40+60+10+20) / (2000+1000+1000+500) × 1000 = 28.888…; the mean of the two rates would be 33.3 and 20.
    assert!((c1.value.unwrap() - 130.0 / 4500.0 * 1000.0).abs() < 1e-9);
    assert_eq!((c1.numerator, c1.denominator), (130.0, 4500.0));
    let nation = find(&f, AreaLevel::Nation, "DK", "2022");
    assert_eq!((nation.numerator, nation.denominator), (140.0, 6000.0));
    assert!(c1.lower.unwrap() < c1.value.unwrap() && c1.value.unwrap() < c1.upper.unwrap());
}

#[test]
fn split_municipality_counts_by_share_or_is_left_out() {
    let mut v = with_indicator();
    v["clusters"].as_array_mut().unwrap().push(json!({
        "id": "C3", "region": "R1", "name": "Tre", "acute_hospitals": [], "status": "confirmed", "sources": [],
        "members": [{ "municipality": "101", "share": 0.25 }]
    }));
    v["clusters"][0]["members"][0]["share"] = json!(0.75);
    let f = figures(&v, &KeyFigureOptions::default());
    let c3 = find(&f, AreaLevel::Cluster, "C3", "2022");
    assert_eq!((c3.numerator, c3.denominator), (25.0, 750.0));
    let c1 = find(&f, AreaLevel::Cluster, "C1", "2022");
    assert_eq!((c1.numerator, c1.denominator), (75.0 + 30.0, 2250.0 + 1500.0));
    // The region counts the municipality once, in full.
    assert_eq!(find(&f, AreaLevel::Region, "R1", "2022").numerator, 130.0);

    // With unknown shares the cluster figure leaves København-like splits out and says so.
    v["clusters"][0]["members"][0]["share"] = json!("unknown");
    v["clusters"][2]["members"][0]["share"] = json!("unknown");
    let r = check(&v.to_string(), &Options::default());
    let f = indicator_figures(&r.dataset, &r.dataset.indicators[0], &KeyFigureOptions::default());
    let c1 = find(&f, AreaLevel::Cluster, "C1", "2022");
    assert_eq!(c1.incomplete, vec!["101".to_string()]);
    assert_eq!(c1.numerator, 30.0);
    assert_eq!(find(&f, AreaLevel::Cluster, "C3", "2022").status, FigureStatus::NoData);
}

#[test]
fn small_numbers_are_suppressed_not_zero() {
    let f = figures(&with_indicator(), &KeyFigureOptions::default());
    let small = find(&f, AreaLevel::Municipality, "102", "2023");
    assert_eq!(small.status, FigureStatus::Suppressed);
    assert_eq!(small.value, None);
    let options = KeyFigureOptions { suppress_below: 2.0, ..Default::default() };
    let f = figures(&with_indicator(), &options);
    assert_eq!(find(&f, AreaLevel::Municipality, "102", "2023").status, FigureStatus::Ok);
}

#[test]
fn comparison_and_trend() {
    let f = figures(&with_indicator(), &KeyFigureOptions::default());
    let m = find(&f, AreaLevel::Municipality, "101", "2023");
    let trend = m.trend.as_ref().unwrap();
    assert_eq!(trend.previous_period, "2022");
    assert!((trend.change - (200.0 / 3.0 - 100.0 / 3.0)).abs() < 1e-9);
    assert!((trend.relative_change.unwrap() - 1.0).abs() < 1e-12);
    assert!(trend.significant, "200 vs 100 events: the intervals are apart");
    let g = find(&f, AreaLevel::Municipality, "201", "2023");
    assert!(!g.trend.as_ref().unwrap().significant, "10 vs 10 events");
    let region = m.region.as_ref().unwrap();
    assert_eq!(region.area, "R1");
    assert!(m.nation.is_some());
    assert!(find(&f, AreaLevel::Nation, "DK", "2023").nation.is_none());
}

#[test]
fn inequality_between_areas() {
    let f = figures(&with_indicator(), &KeyFigureOptions::default());
    let national = f.inequality.iter().find(|i| i.scope == "DK" && i.among == AreaLevel::Municipality && i.period == "2022").unwrap();
    let rates = [100.0 / 3000.0 * 1000.0, 30.0 / 1500.0 * 1000.0, 10.0 / 1500.0 * 1000.0];
    assert_eq!(national.areas, 3);
    assert!((national.max - rates[0]).abs() < 1e-9 && (national.min - rates[2]).abs() < 1e-9);
    assert!((national.ratio.unwrap() - rates[0] / rates[2]).abs() < 1e-9);
    // Lower is better: the best fifth of three is the lowest one.
    assert!((national.best_fifth - rates[2]).abs() < 1e-9);
    let m = find(&f, AreaLevel::Municipality, "101", "2022");
    assert!((m.gap_to_best_fifth.unwrap() - (rates[0] - rates[2])).abs() < 1e-9);
}

#[test]
fn direct_standardisation_uses_the_bands_of_the_indicator() {
    let mut v = with_indicator();
    v["indicators"][0]["standardisation"] = json!("direct");
    v["indicators"][0]["standard_population"] = json!("esp2013");
    v["indicators"][0]["age_bands"] = json!(["65-79", "80+"]);
    let f = figures(&v, &KeyFigureOptions::default());
    let m = find(&f, AreaLevel::Municipality, "101", "2022");
    // ESP 2013: 65-79 = 5500+5000+4000 = 14500; 80+ = 2500+1500+1000 = 5000.
    let expected = (14500.0 * 40.0 / 2000.0 + 5000.0 * 60.0 / 1000.0) / 19500.0 * 1000.0;
    assert!((m.value.unwrap() - expected).abs() < 1e-9, "{:?}", m.value);
    // 10 events in Gamma: a DSR needs at least 10 events.
    assert_eq!(find(&f, AreaLevel::Municipality, "201", "2022").status, FigureStatus::Ok);
    let few = KeyFigureOptions { dsr_min_events: 11.0, ..Default::default() };
    assert_eq!(figures(&v, &few).figures.iter().find(|x| x.area == "201" && x.period == "2022").unwrap().status, FigureStatus::Suppressed);
}

#[test]
fn slope_index_of_inequality() {
    // Two equal groups at 0.25 and 0.75: slope = (20 − 10) / 0.5.
    assert!((slope_index(&[(100.0, 10.0), (100.0, 20.0)]).unwrap() - 20.0).abs() < 1e-12);
    // A flat gradient has SII 0.
    assert!(slope_index(&[(50.0, 7.0), (30.0, 7.0), (20.0, 7.0)]).unwrap().abs() < 1e-12);
    assert_eq!(slope_index(&[(100.0, 10.0)]), None);

    let mut v = with_indicator();
    v["indicators"][0]["groups"] = json!([{ "id": "long", "name": { "da": "Lang", "en": "Long" } }, { "id": "short", "name": { "da": "Kort", "en": "Short" } }]);
    v["values"] = json!([
        { "indicator": "adm", "municipality": "101", "period": "2022", "group": "long", "numerator": [10, 10], "denominator": [1000, 1000] },
        { "indicator": "adm", "municipality": "101", "period": "2022", "group": "short", "numerator": [20, 20], "denominator": [1000, 1000] }
    ]);
    let f = figures(&v, &KeyFigureOptions::default());
    let g = f.gradients.iter().find(|g| g.area == "DK").unwrap();
    assert!((g.sii - 20.0).abs() < 1e-9, "{g:?}");
    assert!((g.rii.unwrap() - 20.0 / 15.0).abs() < 1e-9);
    // The fitted ends: 10 − 20 × 0.25 = 5 at the most advantaged end, 25 at the least; PHE's
    // RII (the ratio of the ends) is 5, SII ÷ mean is 1.33.
    assert!((g.fitted_most_advantaged - 5.0).abs() < 1e-9 && (g.fitted_least_advantaged - 25.0).abs() < 1e-9, "{g:?}");
    assert!((g.rii_ends.unwrap() - 5.0).abs() < 1e-9);
}

/// SMR / ISR of every figure of a directly standardised rate, against the nation's counts of
/// the same period, and against a reference given in the data.
#[test]
fn indirect_standardisation_per_figure() {
    let mut v = with_indicator();
    v["indicators"][0]["standardisation"] = json!("direct");
    v["indicators"][0]["standard_population"] = json!("esp2013");
    let f = figures(&v, &KeyFigureOptions::default());
    let reference = f.indirect_reference.as_ref().unwrap();
    assert_eq!(reference.source, "nation");
    // 2022, nation: 55 / 4000 in 65-79 and 85 / 2000 in 80+ (crude 140 / 6000).
    let c1 = find(&f, AreaLevel::Cluster, "C1", "2022");
    let s = c1.indirect.as_ref().unwrap();
    let expected = 3000.0 * 55.0 / 4000.0 + 1500.0 * 85.0 / 2000.0;
    assert_eq!(s.observed, 130.0);
    assert!((s.expected.unwrap() - expected).abs() < 1e-9, "{s:?}");
    assert!((s.ratio.unwrap() - 130.0 / expected).abs() < 1e-12);
    let b = byar(130.0, z_for_level(0.95));
    assert!((s.ratio_lower.unwrap() - b.lower / expected).abs() < 1e-12 && (s.ratio_upper.unwrap() - b.upper / expected).abs() < 1e-12);
    assert_eq!(s.method, "byar");
    let crude = 140.0 / 6000.0 * 1000.0;
    assert!((s.rate.unwrap() - 130.0 / expected * crude).abs() < 1e-9);
    // The nation against itself: exactly 1.
    assert!((find(&f, AreaLevel::Nation, "DK", "2022").indirect.as_ref().unwrap().ratio.unwrap() - 1.0).abs() < 1e-12);
    // Gamma, 10 events in 2022: Byar; 2023 Beta has 3 events: suppressed (below 5), never 0.
    let beta = find(&f, AreaLevel::Municipality, "102", "2023").indirect.as_ref().unwrap();
    assert_eq!((beta.status, beta.ratio), (FigureStatus::Suppressed, None));
    assert!(beta.expected.unwrap() > 0.0);
    // With suppression lowered, the small area gets an exact interval where the DSR is suppressed.
    let low = KeyFigureOptions { suppress_below: 1.0, ..Default::default() };
    let f_low = figures(&v, &low);
    let beta = find(&f_low, AreaLevel::Municipality, "102", "2023");
    assert_eq!(beta.status, FigureStatus::Suppressed, "a DSR needs 10 events");
    let smr = beta.indirect.as_ref().unwrap();
    assert_eq!((smr.status, smr.method), (FigureStatus::Ok, "exact"));
    let e = exact_poisson(3.0, 0.95);
    assert!((smr.ratio_upper.unwrap() - e.upper / smr.expected.unwrap()).abs() < 1e-12);

    // A reference given in the data (format /2): rates 0.01 and 0.05.
    let mut v = serde_json::to_value(check(&v.to_string(), &Options::default()).dataset.upgraded()).unwrap();
    v["indicators"][0]["reference"] = json!({ "name": { "da": "Reference", "en": "Reference" }, "events": [10, 50], "population": [1000, 1000] });
    let f = figures(&v, &KeyFigureOptions::default());
    assert_eq!(f.indirect_reference.as_ref().unwrap().source, "data");
    let m = find(&f, AreaLevel::Municipality, "101", "2022").indirect.as_ref().unwrap();
    assert!((m.expected.unwrap() - (2000.0 * 0.01 + 1000.0 * 0.05)).abs() < 1e-9, "{m:?}");
    assert!((m.rate.unwrap() - 100.0 / 70.0 * 30.0).abs() < 1e-9, "ISR = SMR × the reference's crude rate 60 / 2000 × 1000");

    // A crude rate without a reference gets no ratio; a reference of the wrong length is an error.
    assert!(figures(&with_indicator(), &KeyFigureOptions::default()).figures.iter().all(|f| f.indirect.is_none()));
    let mut bad = v.clone();
    bad["indicators"][0]["reference"] = json!({ "name": { "da": "R", "en": "R" }, "events": [10], "population": [1000, 0] });
    let codes: Vec<_> = summary(&findings(&bad)).into_iter().map(|(_, c, p)| (c, p)).collect();
    assert!(codes.contains(&("missing-age-bands".to_string(), "/indicators/0/reference/events".to_string())), "{codes:?}");
}

/// Every figure names the body responsible for its area.
#[test]
fn every_figure_names_its_responsible_body() {
    let r = check(&with_indicator().to_string(), &Options::default());
    let kf = key_figures(&r.dataset, law(), &KeyFigureOptions::default());
    for f in &kf.indicators[0].figures {
        match f.level {
            AreaLevel::Nation => assert!(f.responsible.is_none()),
            AreaLevel::Cluster => {
                let body = f.responsible.as_ref().unwrap_or_else(|| panic!("{}", f.area));
                assert!(body.body.as_deref().is_some_and(|b| b.starts_with(&format!("{}/", f.area))), "{body:?}");
                assert!(kf.governance.bodies.iter().any(|b| Some(b.id.as_str()) == body.body.as_deref() && b.name == body.name));
            }
            AreaLevel::Region => assert!(f.responsible.is_some()),
            AreaLevel::Municipality => assert!(f.responsible.as_ref().unwrap().name.da.starts_with("Kommunalbestyrelsen")),
        }
    }
}

#[test]
fn start_up_funds_per_inhabitant() {
    // Denmark on 1 January 2022: 5,873,420 inhabitants → 13.62 kr. each of the 80 mio. kr.
    let mut v = base();
    for (i, pop) in [3_000_000u32, 2_000_000, 873_420].iter().enumerate() {
        v["municipalities"][i]["population"] = json!({ "value": pop, "date": "2022-01-01", "source": "https://www.statistikbanken.dk/FOLK1A" });
    }
    let r = check(&v.to_string(), &Options::default());
    let g = governance(&r.dataset, law());
    assert_eq!(g.nation.population, Some(5_873_420.0));
    assert_eq!(format!("{:.2}", g.nation.funds_per_inhabitant.unwrap()), "13.62");
    let c1 = g.clusters.iter().find(|c| c.id == "C1").unwrap();
    let funds = c1.start_up_funds.as_ref().unwrap();
    assert!((funds.total - 80_000_000.0 * 5_000_000.0 / 5_873_420.0).abs() < 1e-6);
    assert_eq!(funds.municipal, funds.regional);
    assert_eq!(c1.population, Some(5_000_000.0));
    // Each mayor has one seat whatever the size of the municipality.
    assert_eq!(c1.municipal_seats, 2);
    assert_eq!(c1.inhabitants_per_municipal_seat, Some(2_500_000.0));
    let r1 = g.regions.iter().find(|r| r.id == "R1").unwrap();
    let spread = r1.representation.as_ref().unwrap();
    assert_eq!((spread.min, spread.max, spread.ratio), (2_000_000.0, 3_000_000.0, Some(1.5)));
    assert_eq!((spread.min_at.as_str(), spread.max_at.as_str()), ("102", "101"));
}

#[test]
fn no_funds_without_every_population() {
    let r = check(&base().to_string(), &Options::default());
    let g = governance(&r.dataset, law());
    assert_eq!(g.nation.population, None);
    assert!(g.clusters.iter().all(|c| c.start_up_funds.is_none() && c.population.is_none()));
    assert_eq!(g.clusters[0].population_unknown, vec!["101".to_string(), "102".to_string()]);
}

#[test]
fn seats_by_sector_per_body() {
    let r = check(&with_seats().to_string(), &Options::default());
    let g = governance(&r.dataset, law());
    let political = g.bodies.iter().find(|b| b.id == "C1/political").unwrap();
    assert_eq!((political.by_sector.region, political.by_sector.municipality, political.by_sector.general_practice), (2, 2, 1));
    let professional = g.bodies.iter().find(|b| b.id == "C1/professional").unwrap();
    assert_eq!(professional.by_sector.patients, 1);
    assert_eq!(professional.seats, 6);
    // Bodies of the region with no listed seats are derived from the profile.
    assert!(g.bodies.iter().find(|b| b.id == "C2/political").unwrap().derived);
}

/// KL's two angles on shared patients (2018, all ages): 47 % of residents had hospital
/// contact, 8 % a municipal service; 13 % of hospital patients had a municipal service
/// and 78 % of those with a service had hospital contact — one intersection, two shares.
#[test]
fn kl_angles_are_two_shares_of_one_intersection() {
    let n = 100_000.0;
    let (h, k) = (0.47 * n, 0.08 * n);
    let both = 0.78 * k; // 6,240 = 6.2 % of N
    let regional = proportion(both, h, 100.0, 0.95, ProportionMethod::Wilson).unwrap();
    let municipal = proportion(both, k, 100.0, 0.95, ProportionMethod::Wilson).unwrap();
    assert_eq!(regional.value.round(), 13.0);
    assert_eq!(municipal.value.round(), 78.0);
    assert_eq!((both / n * 100.0).round(), 6.0);
}

#[test]
fn key_figures_of_the_default_data() {
    let d = sundhedsklynger::default_data();
    let kf = key_figures(d, law(), &KeyFigureOptions::default());
    assert!(kf.indicators.is_empty());
    assert_eq!(kf.governance.clusters.len(), 22);
    assert_eq!(kf.governance.bodies.len(), 5 + 2 * 22);
    let horsens = kf.governance.clusters.iter().find(|c| c.id == "RM-HORSENS").unwrap();
    assert_eq!(horsens.municipalities, 4);
    assert_eq!(horsens.population, None, "no population in the default data: no number is invented");
}

#[test]
fn indicator_data_findings() {
    let mut v = with_indicator();
    v["values"][0]["numerator"] = json!([-1, 2.5]);
    v["values"][1]["numerator"] = json!([2000, 20]);
    v["values"][2]["municipality"] = json!("999");
    v["values"][3]["denominator"] = json!([2000]);
    v["values"].as_array_mut().unwrap().push(json!({ "indicator": "adm", "municipality": "102", "period": "2022", "numerator": [0, 0], "denominator": [1, 1] }));
    v["values"].as_array_mut().unwrap().push(json!({ "indicator": "nope", "municipality": "102", "period": "2022", "numerator": [0, 0], "denominator": [1, 1] }));
    let fs = findings(&v);
    assert_finding(&fs, Severity::Error, "invalid-count", "/values/0/numerator/0");
    assert_finding(&fs, Severity::Error, "invalid-count", "/values/0/numerator/1");
    // "adm" is a rate of admissions: more admissions than residents is possible, a warning.
    assert_finding(&fs, Severity::Warning, "events-above-population", "/values/1/numerator/0");
    assert_finding(&fs, Severity::Error, "unknown-reference", "/values/2/municipality");
    assert_finding(&fs, Severity::Error, "missing-age-bands", "/values/3/denominator");
    assert_finding(&fs, Severity::Error, "duplicate-value", "/values/6");
    assert_finding(&fs, Severity::Error, "unknown-reference", "/values/7/indicator");

    let mut v = with_indicator();
    v["indicators"][0]["age_bands"] = json!(["65-79", "75+"]);
    assert_finding(&findings(&v), Severity::Error, "overlapping-age-bands", "/indicators/0/age_bands/1");
    v["indicators"][0]["age_bands"] = json!(["65-79", "old"]);
    assert_finding(&findings(&v), Severity::Error, "invalid-age-band", "/indicators/0/age_bands/1");
    v["indicators"][0]["age_bands"] = json!([]);
    assert_finding(&findings(&v), Severity::Error, "missing-age-bands", "/indicators/0/age_bands");

    let mut v = with_indicator();
    v["indicators"][0]["standardisation"] = json!("direct");
    v["indicators"][0]["standard_population"] = json!("esp2013");
    v["indicators"][0]["age_bands"] = json!(["65-67", "68+"]);
    v["values"] = json!([]);
    assert_finding(&findings(&v), Severity::Error, "invalid-age-band", "/indicators/0/age_bands/0");
    v["indicators"][0]["standard_population"] = json!("mars");
    assert_finding(&findings(&v), Severity::Error, "unknown-reference", "/indicators/0/standard_population");

    let mut v = with_indicator();
    v["indicators"][0]["age_bands"] = json!(["0+"]);
    v["values"] = json!([{ "indicator": "adm", "municipality": "101", "period": "2022", "numerator": [0], "denominator": [0] }]);
    assert_finding(&findings(&v), Severity::Warning, "zero-denominator", "/values/0/denominator/0");
    v["indicators"][0]["synthetic"] = json!(true);
    assert_finding(&findings(&v), Severity::Info, "synthetic-data", "/indicators/0");
    // Rows split by sex next to a total row would count twice.
    let mut v = with_indicator();
    v["values"].as_array_mut().unwrap().push(json!({ "indicator": "adm", "municipality": "101", "period": "2022", "sex": "f", "numerator": [1, 1], "denominator": [10, 10] }));
    assert_finding(&findings(&v), Severity::Error, "duplicate-value", "/values/6");
    // Indicator and standard-population ids are checked like every other id.
    let mut v = with_indicator();
    let copy = v["indicators"][0].clone();
    v["indicators"].as_array_mut().unwrap().push(copy);
    v["standard_populations"] = json!([
        { "id": "mine", "name": { "da": "Min", "en": "Mine" }, "bands": [["0+", 1]] },
        { "id": "mine", "name": { "da": "Min", "en": "Mine" }, "bands": [["0+", 1]] }
    ]);
    let fs = findings(&v);
    assert_finding(&fs, Severity::Error, "duplicate-id", "/indicators/1/id");
    assert_finding(&fs, Severity::Error, "duplicate-id", "/standard_populations/1/id");
    assert!(fs.iter().any(|f| f.path == "/indicators/1/id" && f.message.en.contains("/indicators/0/id")), "names the first use");
    // A clean indicator set gives no finding.
    assert!(findings(&with_indicator()).is_empty());
}

proptest! {
    /// Aggregating then computing equals computing from the summed counts.
    #[test]
    fn aggregate_then_compute_equals_compute_from_sums(
        counts in prop::collection::vec((0u32..400, 400u32..5000, 0u32..400, 400u32..5000), 3)
    ) {
        let mut v = with_indicator();
        let codes = ["101", "102", "201"];
        v["values"] = Value::Array(codes.iter().zip(&counts).map(|(code, (e1, p1, e2, p2))| json!({
            "indicator": "adm", "municipality": code, "period": "2022", "numerator": [e1, e2], "denominator": [p1, p2]
        })).collect());
        let options = KeyFigureOptions { suppress_below: 0.0, ..Default::default() };
        let f = figures(&v, &options);
        let (e, p): (f64, f64) = counts.iter().map(|(e1, p1, e2, p2)| ((e1 + e2) as f64, (p1 + p2) as f64)).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
        let direct = crude_rate(e, p, 1000.0, 0.95).unwrap();
        let nation = find(&f, AreaLevel::Nation, "DK", "2022");
        prop_assert!((nation.value.unwrap() - direct.value).abs() < 1e-9);
        prop_assert!((nation.lower.unwrap() - direct.interval.lower).abs() < 1e-9);
        // And for the standardised figure, band by band.
        let mut v2 = v.clone();
        v2["indicators"][0]["standardisation"] = json!("direct");
        v2["indicators"][0]["standard_population"] = json!("esp2013");
        let f2 = figures(&v2, &options);
        let bands: Vec<BandCount> = (0..2).map(|b| BandCount {
            events: counts.iter().map(|c| if b == 0 { c.0 } else { c.2 } as f64).sum(),
            population: counts.iter().map(|c| if b == 0 { c.1 } else { c.3 } as f64).sum(),
        }).collect();
        if let Ok(dsr) = direct_standardised_rate(&bands, &[14500.0, 5000.0], 1000.0, 0.95) {
            let nation = find(&f2, AreaLevel::Nation, "DK", "2022");
            if let Some(value) = nation.value {
                prop_assert!((value - dsr.value).abs() < 1e-9);
            }
        }
    }
}

/// The confidence level as PHEindicatormethods accepts it: 0.9–1 or 90–100; 99.8 is 99.8 %.
/// Anything else is an error naming the option, in Danish and English — never a fallback.
#[test]
fn options_are_checked_and_a_percentage_level_is_read_as_such() {
    use sundhedsklynger::figures::key_figures::{confidence_level, OptionError};
    assert_eq!(confidence_level(99.8), Some(0.998));
    assert_eq!(confidence_level(99.0), Some(0.99));
    assert_eq!(confidence_level(90.0), Some(0.9));
    assert_eq!(confidence_level(0.9), Some(0.9));
    for bad in [5.0, 0.5, 0.899, 1.0, 1.5, 89.9, 100.0, 101.0, -0.95, f64::NAN, f64::INFINITY] {
        assert_eq!(confidence_level(bad), None, "{bad}");
    }
    let with = |level: f64| KeyFigureOptions { level, ..KeyFigureOptions::default() };
    assert_eq!(with(99.8).validated().unwrap().level, 0.998);
    assert_eq!(with(0.998).validated().unwrap(), with(99.8).validated().unwrap());

    let errors = with(5.0).validated().unwrap_err();
    assert_eq!(errors, vec![OptionError::Level(5.0)]);
    let f = errors[0].finding();
    assert_eq!((f.severity, f.code.as_str()), (Severity::Error, "invalid-option".to_string()));
    assert!(f.message.da.contains("\"level\"") && f.message.en.contains("\"level\""), "{:?}", f.message);
    assert!(f.message.da.contains('5') && f.message.en.contains("99.8"), "{:?}", f.message);

    let bad = KeyFigureOptions { level: 0.5, suppress_below: -1.0, dsr_min_events: f64::NAN, ..KeyFigureOptions::default() };
    let errors = bad.validated().unwrap_err();
    assert_eq!(errors.iter().map(OptionError::option).collect::<Vec<_>>(), ["level", "suppressBelow", "dsrMinEvents"]);
    for e in &errors {
        let f = e.finding();
        assert!(f.message.da.contains(e.option()) && f.message.en.contains(e.option()));
    }
    let f = OptionError::ProportionMethod("bayes".into()).finding();
    assert!(f.message.en.contains("\"proportionMethod\"") && f.message.en.contains("bayes") && f.message.da.contains("\"proportionMethod\""));
    assert_eq!(ProportionMethod::from_code("exact"), Some(ProportionMethod::ClopperPearson));
    assert_eq!(ProportionMethod::from_code("wilson"), Some(ProportionMethod::Wilson));
    assert_eq!(ProportionMethod::from_code("bayes"), None);
}

/// The key figures at 99.8 and at 0.998 are the same figures; an unusable level gives no
/// figure at 95 % in its place.
#[test]
fn key_figures_at_99_8_percent() {
    let v = with_indicator();
    let at = |level: f64| figures(&v, &KeyFigureOptions { level, ..KeyFigureOptions::default() });
    let (a, b, c) = (at(99.8), at(0.998), at(0.95));
    assert_eq!(a, b);
    let (wide, narrow) = (find(&a, AreaLevel::Cluster, "C1", "2022"), find(&c, AreaLevel::Cluster, "C1", "2022"));
    assert!(wide.lower.unwrap() < narrow.lower.unwrap() && narrow.upper.unwrap() < wide.upper.unwrap());
    // Municipality 201 in 2022: 10 events among 1,500, per 1,000: Byar from 10 on.
    let m = find(&a, AreaLevel::Municipality, "201", "2022");
    let byar = sundhedsklynger::figures::stats::byar(10.0, sundhedsklynger::figures::stats::z_for_level(0.998)).scale(1000.0 / 1500.0);
    assert!((m.lower.unwrap() - byar.lower).abs() < 1e-12 && (m.upper.unwrap() - byar.upper).abs() < 1e-12, "{m:?}");
    let invalid = at(5.0);
    assert!(invalid.figures.iter().all(|f| f.value.is_none() && matches!(f.status, FigureStatus::Invalid | FigureStatus::NoData)));
}

/// More events than people: a warning for a rate of repeatable events (the figure is
/// computed, crude or standardised), an error for a proportion (no figure).
#[test]
fn events_above_the_population_rate_or_proportion() {
    let mut v = with_indicator();
    v["values"][0]["numerator"] = json!([2500, 60]);
    let fs = findings(&v);
    assert_finding(&fs, Severity::Warning, "events-above-population", "/values/0/numerator/0");
    assert!(!fs.iter().any(|f| f.severity == Severity::Error), "{:?}", summary(&fs));
    let f = figures(&v, &KeyFigureOptions::default());
    let m = find(&f, AreaLevel::Municipality, "101", "2022");
    assert_eq!(m.status, FigureStatus::Ok);
    assert!((m.value.unwrap() - 2560.0 / 3000.0 * 1000.0).abs() < 1e-9);
    // Standardised: a band with more admissions than residents is still a rate.
    v["indicators"][0]["standardisation"] = json!("direct");
    v["indicators"][0]["standard_population"] = json!("esp2013");
    v["indicators"][0]["age_bands"] = json!(["65-79", "80+"]);
    let f = figures(&v, &KeyFigureOptions::default());
    assert_eq!(find(&f, AreaLevel::Municipality, "101", "2022").status, FigureStatus::Ok);

    let mut v = with_indicator();
    v["indicators"][0]["kind"] = json!("proportion");
    v["indicators"][0]["multiplier"] = json!(100);
    v["values"][0]["numerator"] = json!([2500, 60]);
    assert_finding(&findings(&v), Severity::Error, "events-above-population", "/values/0/numerator/0");
    let r = check(&v.to_string(), &Options::default());
    let f = indicator_figures(&r.dataset, &r.dataset.indicators[0], &KeyFigureOptions::default());
    assert_eq!(find(&f, AreaLevel::Municipality, "101", "2022").status, FigureStatus::Invalid);
    // A standardised proportion: the same per band, even where the totals would fit.
    v["indicators"][0]["standardisation"] = json!("direct");
    v["indicators"][0]["standard_population"] = json!("esp2013");
    v["values"][0]["numerator"] = json!([0, 1001]);
    let r = check(&v.to_string(), &Options::default());
    assert_finding(&r.findings, Severity::Error, "events-above-population", "/values/0/numerator/1");
    let f = indicator_figures(&r.dataset, &r.dataset.indicators[0], &KeyFigureOptions::default());
    assert_eq!(find(&f, AreaLevel::Municipality, "101", "2022").status, FigureStatus::Invalid);
}
