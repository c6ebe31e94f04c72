#![cfg(not(target_arch = "wasm32"))]
//! The methods against the worked numbers in key-figures.md, and their properties.

use proptest::prelude::*;
use sundhedsklynger::model::standard::{builtin_standards, AgeBand};
use sundhedsklynger::figures::stats::{
    byar, clopper_pearson, crude_rate, direct_standardised_rate, exact_poisson, level_fraction, poisson_interval, proportion, wilson,
    z_for_level, BandCount, ProportionMethod, StatsError, EXACT_POISSON_BELOW,
};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn z_at_95_percent() {
    assert!(close(z_for_level(0.95), 1.959964, 1e-6));
    assert!(close(z_for_level(0.90), 1.644854, 1e-6));
    assert!(close(z_for_level(0.99), 2.575829, 1e-6));
}

#[test]
fn byar_worked_numbers() {
    let z = z_for_level(0.95);
    let a = byar(65.0, z);
    assert!(close(a.lower, 50.163, 0.0005) && close(a.upper, 82.849, 0.0005), "{a:?}");
    let b = byar(1045.0, z);
    assert!(close(b.lower, 982.593, 0.0005) && close(b.upper, 1110.331, 0.0005), "{b:?}");
}

/// The worked Byar numbers at 99.8 % (z = 3.090232), from the formula in key-figures.md
/// evaluated independently (mpmath, 30 digits).
#[test]
fn byar_at_99_8_percent() {
    assert!(close(z_for_level(0.998), 3.090232, 1e-6));
    for (x, lower, upper) in [(10.0, 2.9163, 24.1937), (65.0, 42.8803, 94.0003), (1045.0, 947.9407, 1148.8062)] {
        let b = byar(x, z_for_level(0.998));
        assert!(close(b.lower, lower, 0.00005) && close(b.upper, upper, 0.00005), "{x}: {b:?}");
    }
}

/// The exact Poisson interval at 95 %: the published (Garwood) table values to three
/// decimals; x = 0 and the lower limit of x = 1 have closed forms, −ln(α/2) and −ln(1 − α/2).
#[test]
fn exact_poisson_worked_numbers_at_95_percent() {
    for (x, lower, upper) in [(0.0, 0.0, 3.689), (1.0, 0.025, 5.572), (5.0, 1.623, 11.668), (9.0, 4.115, 17.085)] {
        let e = exact_poisson(x, 0.95);
        assert!(close(e.lower, lower, 0.0005) && close(e.upper, upper, 0.0005), "{x}: {e:?}");
        assert_eq!(poisson_interval(x, 0.95), e, "below 10 the exact interval is used");
    }
    assert_eq!(exact_poisson(0.0, 0.95).lower, 0.0);
    assert!(close(exact_poisson(0.0, 0.95).upper, -(0.025f64.ln()), 1e-9));
    assert!(close(exact_poisson(1.0, 0.95).lower, -(0.975f64.ln()), 1e-9));
}

/// A count of almost no events (the fuzzer's subnormal 2e-323 made statrs' quantile search
/// panic): the lower bound is 0 and the upper bound that of no events, as for any count
/// below a millionth.
#[test]
fn exact_poisson_of_a_vanishing_count_does_not_panic() {
    for x in [5e-324, 2e-323, 1e-310, 1e-100, 9.9e-7] {
        for level in [0.95, 0.998, 0.5, 99.8] {
            let e = exact_poisson(x, level);
            assert_eq!(e.lower, 0.0, "{x} at {level}");
            assert!(e.upper.is_finite() && close(e.upper, exact_poisson(0.0, level).upper, 1e-5), "{x} at {level}: {e:?}");
        }
    }
    let at = exact_poisson(1e-6, 0.95);
    assert!(at.lower >= 0.0 && at.lower < 1e-6, "at the threshold the quantile is asked for, and is far below the count: {at:?}");
    assert!(crude_rate(2e-323, 1000.0, 1e5, 0.95).is_ok());
}

/// The exact Poisson interval at 99.8 %: closed forms for x = 0 and x = 1's lower limit,
/// the others evaluated independently (mpmath gamma quantiles, 30 digits), to four decimals.
#[test]
fn exact_poisson_worked_numbers_at_99_8_percent() {
    for (x, lower, upper) in [(0.0, 0.0, 6.9078), (1.0, 0.0010, 9.2334), (5.0, 0.7394, 16.4547), (9.0, 2.4524, 22.6574)] {
        let e = exact_poisson(x, 0.998);
        assert!(close(e.lower, lower, 0.00005) && close(e.upper, upper, 0.00005), "{x}: {e:?}");
    }
    assert!(close(exact_poisson(0.0, 0.998).upper, -(0.001f64.ln()), 1e-9));
    assert!(close(exact_poisson(1.0, 0.998).lower, -(0.999f64.ln()), 1e-9));
}

/// Why the switch: Byar's lower limit is 48 % too low at x = 1 (95 %) and 6.5 % too low at
/// x = 5 (99.8 %); at 99.8 % it is negative for x = 1.
#[test]
fn byar_is_too_low_for_small_counts() {
    let too_low = |x: f64, level: f64| 1.0 - byar(x, z_for_level(level)).lower / exact_poisson(x, level).lower;
    assert!(close(too_low(1.0, 0.95), 0.4837, 0.0005), "{}", too_low(1.0, 0.95));
    assert!(close(too_low(5.0, 0.998), 0.0649, 0.0005), "{}", too_low(5.0, 0.998));
    assert!(close(too_low(9.0, 0.998), 0.0185, 0.0005), "{}", too_low(9.0, 0.998));
    assert_eq!(byar(1.0, z_for_level(0.998)).lower, 0.0, "clamped from a negative value");
}

/// The switch is exactly at 10 events: 9 (and 9.99, a split share) exact, 10 Byar — for
/// counts, crude rates and the Dobson interval of a DSR.
#[test]
fn exact_below_ten_byar_from_ten() {
    assert_eq!(EXACT_POISSON_BELOW, 10.0);
    for level in [0.95, 0.998] {
        let z = z_for_level(level);
        for x in [0.0, 1.0, 5.0, 9.0, 9.99] {
            assert_eq!(poisson_interval(x, level), exact_poisson(x, level));
            let r = crude_rate(x, 2000.0, 1000.0, level).unwrap();
            let e = exact_poisson(x, level).scale(0.5);
            assert!(close(r.interval.lower, e.lower, 1e-12) && close(r.interval.upper, e.upper, 1e-12), "{x}: {r:?}");
        }
        for x in [10.0, 11.0, 65.0, 1045.0] {
            assert_eq!(poisson_interval(x, level), byar(x, z));
            let r = crude_rate(x, 2000.0, 1000.0, level).unwrap();
            let b = byar(x, z).scale(0.5);
            assert!(close(r.interval.lower, b.lower, 1e-12) && close(r.interval.upper, b.upper, 1e-12), "{x}: {r:?}");
        }
        // The two methods differ on either side of the switch.
        assert_ne!(exact_poisson(10.0, level), byar(10.0, z));
        assert_ne!(exact_poisson(9.0, level), byar(9.0, z));
    }
    // A crude rate: 65 events among 100,000, per 100,000 → Byar's 50.163 – 82.849 as published.
    let r = crude_rate(65.0, 100_000.0, 100_000.0, 0.95).unwrap();
    assert!(close(r.interval.lower, 50.163, 0.0005) && close(r.interval.upper, 82.849, 0.0005), "{r:?}");

    // Dobson: the Poisson limits of the total count O, exact below 10.
    let dobson = |bands: &[BandCount], w: &[f64], level: f64, p: sundhedsklynger::figures::stats::Interval| {
        let sum_w: f64 = w.iter().sum();
        let o: f64 = bands.iter().map(|b| b.events).sum();
        let value: f64 = bands.iter().zip(w).map(|(b, w)| w * b.events / b.population).sum::<f64>() / sum_w;
        let var: f64 = bands.iter().zip(w).map(|(b, w)| b.events * (w / b.population).powi(2)).sum::<f64>() / (sum_w * sum_w);
        let k = (var / o).sqrt();
        let d = direct_standardised_rate(bands, w, 1.0, level).unwrap();
        assert!(close(d.value, value, 1e-12));
        assert!(close(d.interval.lower, (value + k * (p.lower - o)).max(0.0), 1e-12) && close(d.interval.upper, value + k * (p.upper - o), 1e-12), "{d:?}");
    };
    let w = [6000.0, 4000.0];
    let nine = [BandCount { events: 4.0, population: 1000.0 }, BandCount { events: 5.0, population: 500.0 }];
    let ten = [BandCount { events: 4.0, population: 1000.0 }, BandCount { events: 6.0, population: 500.0 }];
    for level in [0.95, 0.998] {
        dobson(&nine, &w, level, exact_poisson(9.0, level));
        dobson(&ten, &w, level, byar(10.0, z_for_level(level)));
    }
}

/// A level as a fraction or, as PHEindicatormethods reads it, a percentage: 99.8 and 0.998
/// give the same interval.
#[test]
fn a_percentage_level_is_the_same_level() {
    assert_eq!(level_fraction(99.8), Some(0.998));
    assert_eq!(level_fraction(95.0), Some(0.95));
    assert_eq!(level_fraction(0.95), Some(0.95));
    assert_eq!(level_fraction(5.0), None);
    assert_eq!(level_fraction(100.0), None);
    assert_eq!(z_for_level(99.8), z_for_level(0.998));
    for x in [0.0, 1.0, 5.0, 9.0, 10.0, 65.0, 1045.0] {
        assert_eq!(crude_rate(x, 5000.0, 1000.0, 99.8), crude_rate(x, 5000.0, 1000.0, 0.998), "{x}");
        assert_eq!(exact_poisson(x, 99.8), exact_poisson(x, 0.998));
    }
    for m in [ProportionMethod::Wilson, ProportionMethod::ClopperPearson] {
        assert_eq!(proportion(65.0, 100.0, 100.0, 99.8, m), proportion(65.0, 100.0, 100.0, 0.998, m));
    }
    let bands = [BandCount { events: 20.0, population: 1000.0 }, BandCount { events: 40.0, population: 500.0 }];
    assert_eq!(direct_standardised_rate(&bands, &[6.0, 4.0], 1000.0, 99.8), direct_standardised_rate(&bands, &[6.0, 4.0], 1000.0, 0.998));
}

#[test]
fn wilson_worked_number() {
    let w = wilson(65.0, 100.0, z_for_level(0.95));
    assert!(close(w.lower, 0.5525, 0.00005) && close(w.upper, 0.7364, 0.00005), "{w:?}");
    // At 99.8 % (the formula evaluated independently): 0.4955 – 0.7784.
    let w = wilson(65.0, 100.0, z_for_level(0.998));
    assert!(close(w.lower, 0.4955, 0.00005) && close(w.upper, 0.7784, 0.00005), "{w:?}");
}

/// Clopper–Pearson 65/100 at 95 %: R's binom.test gives 0.5482 – 0.7427.
#[test]
fn clopper_pearson_matches_binom_test() {
    let cp = clopper_pearson(65.0, 100.0, 0.95);
    assert!(close(cp.lower, 0.5481506, 1e-6) && close(cp.upper, 0.7427062, 1e-6), "{cp:?}");
    let zero = clopper_pearson(0.0, 20.0, 0.95);
    assert_eq!(zero.lower, 0.0);
    // Upper bound for 0/20 is 1 − 0.025^(1/20).
    assert!(close(zero.upper, 1.0 - 0.025f64.powf(1.0 / 20.0), 1e-9));
}

/// The IUSSP teaching example: rates 0.45, 2.4 and 42.4 per 1,000 in three bands,
/// standard population 7,498,000 / 3,219,000 / 742,000.
#[test]
fn direct_standardisation_worked_example() {
    let rates = [0.45, 2.4, 42.4];
    let standard = [7_498_000.0, 3_219_000.0, 742_000.0];
    let expected: Vec<f64> = rates.iter().zip(&standard).map(|(r, w)| r / 1000.0 * w).collect();
    assert!(close(expected[0], 3374.1, 0.05) && close(expected[1], 7725.6, 0.05) && close(expected[2], 31460.8, 0.05));
    assert!(close(expected.iter().sum::<f64>(), 42560.5, 0.05));
    // As counts: 1,000,000 people per band and events = rate × population.
    let bands: Vec<BandCount> = rates.iter().map(|r| BandCount { events: r * 1000.0, population: 1_000_000.0 }).collect();
    let dsr = direct_standardised_rate(&bands, &standard, 1000.0, 0.95).unwrap();
    assert!(close(dsr.value, 3.71, 0.005), "{dsr:?}");
    assert!(close(dsr.value, 42560.5 / 11_459_000.0 * 1000.0, 1e-6));
}

/// PHEindicatormethods' phe_dsr example shape: the Dobson interval around a DSR, checked
/// against the formula evaluated by hand for a two-band case.
#[test]
fn dobson_interval_by_hand() {
    let bands = [BandCount { events: 20.0, population: 1000.0 }, BandCount { events: 40.0, population: 500.0 }];
    let w = [6000.0, 4000.0];
    let dsr = direct_standardised_rate(&bands, &w, 100_000.0, 0.95).unwrap();
    let sum_w = 10_000.0;
    let value = (6000.0 * 0.02 + 4000.0 * 0.08) / sum_w;
    let var = (20.0 * (6000.0f64 / 1000.0).powi(2) + 40.0 * (4000.0f64 / 500.0).powi(2)) / (sum_w * sum_w);
    let o = 60.0;
    let b = byar(o, z_for_level(0.95));
    let lower = value + (var / o).sqrt() * (b.lower - o);
    let upper = value + (var / o).sqrt() * (b.upper - o);
    assert!(close(dsr.value, value * 100_000.0, 1e-6));
    assert!(close(dsr.interval.lower, lower * 100_000.0, 1e-6) && close(dsr.interval.upper, upper * 100_000.0, 1e-6));
}

#[test]
fn errors_are_types() {
    assert_eq!(crude_rate(1.0, 0.0, 1000.0, 0.95), Err(StatsError::ZeroDenominator));
    assert_eq!(crude_rate(-1.0, 10.0, 1000.0, 0.95), Err(StatsError::InvalidCount));
    assert_eq!(crude_rate(f64::NAN, 10.0, 1000.0, 0.95), Err(StatsError::InvalidCount));
    assert_eq!(proportion(11.0, 10.0, 100.0, 0.95, ProportionMethod::Wilson), Err(StatsError::EventsAbovePopulation));
    let bands = [BandCount { events: 0.0, population: 0.0 }];
    assert_eq!(direct_standardised_rate(&bands, &[1.0], 1000.0, 0.95), Err(StatsError::ZeroDenominator));
    let bands = [BandCount { events: 3.0, population: 0.0 }];
    assert_eq!(direct_standardised_rate(&bands, &[1.0], 1000.0, 0.95), Err(StatsError::ZeroDenominator));
    // A DSR is a rate: repeatable events may outnumber the people (30 admissions of 10 people).
    let bands = [BandCount { events: 30.0, population: 10.0 }];
    assert_eq!(direct_standardised_rate(&bands, &[1.0], 1000.0, 0.95).unwrap().value, 3000.0);
    assert_eq!(crude_rate(30.0, 10.0, 1000.0, 0.95).unwrap().value, 3000.0);
    // No level falls back to 95 %.
    for level in [0.0, 1.0, 5.0, 89.9, 100.0, f64::NAN] {
        assert_eq!(crude_rate(5.0, 10.0, 1000.0, level), Err(StatsError::InvalidLevel), "{level}");
        assert_eq!(proportion(5.0, 10.0, 100.0, level, ProportionMethod::Wilson), Err(StatsError::InvalidLevel), "{level}");
        assert_eq!(direct_standardised_rate(&bands, &[1.0], 1000.0, level), Err(StatsError::InvalidLevel), "{level}");
        assert!(z_for_level(level).is_nan());
    }
}

#[test]
fn standard_populations_sum_as_published() {
    let total = |id: &str| builtin_standards().iter().find(|s| s.id == id).unwrap().bands.iter().map(|(_, w)| w).sum::<f64>();
    assert_eq!(total("esp2013"), 100_000.0);
    assert_eq!(total("esp2013-fine"), 100_000.0);
    assert_eq!(total("esp1976"), 100_000.0);
    // WHO publishes rounded percentages that sum to 100.035 %; the DSR divides by Σw.
    assert_eq!(total("who2000"), 100_035.0);
    let esp = builtin_standards().iter().find(|s| s.id == "esp2013").unwrap();
    // A 65+ figure uses the 65+ bands only: 19,500.
    let over_65: f64 = ["65-69", "70-74", "75-79", "80-84", "85-89", "90+"].iter().map(|b| esp.weight_for(&AgeBand::parse(b).unwrap()).unwrap()).sum();
    assert_eq!(over_65, 19_500.0);
    assert_eq!(esp.weight_for(&AgeBand::parse("65+").unwrap()), Some(19_500.0));
    // The finer split adds up to the coarse bands; a band that cuts a standard band has no weight.
    let fine = builtin_standards().iter().find(|s| s.id == "esp2013-fine").unwrap();
    assert_eq!(fine.weight_for(&AgeBand::parse("0-4").unwrap()), Some(5000.0));
    assert_eq!(fine.weight_for(&AgeBand::parse("90+").unwrap()), Some(1000.0));
    assert_eq!(esp.weight_for(&AgeBand::parse("0-2").unwrap()), None);
}

#[test]
fn age_bands_parse() {
    assert_eq!(AgeBand::parse("65-69"), Some(AgeBand { from: 65, to: Some(69) }));
    assert_eq!(AgeBand::parse("90+"), Some(AgeBand { from: 90, to: None }));
    assert_eq!(AgeBand::parse("0"), Some(AgeBand { from: 0, to: Some(0) }));
    assert_eq!(AgeBand::parse("69-65"), None);
    assert_eq!(AgeBand::parse("x"), None);
    assert_eq!(AgeBand::parse("65-69").unwrap().to_string(), "65-69");
}

proptest! {
    /// Every interval contains its estimate.
    #[test]
    fn intervals_contain_the_estimate(x in 0u32..5000, extra in 0u32..100_000, level in 0.5f64..0.999) {
        let n = (x + extra).max(1) as f64;
        let x = x as f64;
        let r = crude_rate(x, n, 1000.0, level).unwrap();
        prop_assert!(r.interval.contains(r.value) || x == 0.0 && r.interval.lower == 0.0);
        for m in [ProportionMethod::Wilson, ProportionMethod::ClopperPearson] {
            let p = proportion(x, n, 1.0, level, m).unwrap();
            prop_assert!(p.interval.lower <= p.value + 1e-12 && p.value <= p.interval.upper + 1e-12, "{p:?}");
            prop_assert!(p.interval.lower >= 0.0 && p.interval.upper <= 1.0);
        }
    }

    /// A DSR equals the crude rate when the population has the standard's age structure.
    #[test]
    fn dsr_equals_crude_rate_for_the_standard_structure(scale in 0.01f64..50.0, rates in prop::collection::vec(0.0f64..0.2, 19)) {
        let esp = builtin_standards().iter().find(|s| s.id == "esp2013").unwrap();
        let weights: Vec<f64> = esp.bands.iter().map(|(_, w)| *w).collect();
        let bands: Vec<BandCount> = weights.iter().zip(&rates).map(|(w, r)| BandCount { events: w * scale * r, population: w * scale }).collect();
        let events: f64 = bands.iter().map(|b| b.events).sum();
        let population: f64 = bands.iter().map(|b| b.population).sum();
        let dsr = direct_standardised_rate(&bands, &weights, 1000.0, 0.95).unwrap();
        let crude = crude_rate(events, population, 1000.0, 0.95).unwrap();
        prop_assert!((dsr.value - crude.value).abs() <= 1e-9 * crude.value.max(1.0));
        prop_assert!(dsr.interval.lower <= dsr.value && dsr.value <= dsr.interval.upper);
    }

    /// Wider level, wider interval.
    #[test]
    fn higher_level_is_wider(x in 1u32..2000) {
        let a = byar(x as f64, z_for_level(0.90));
        let b = byar(x as f64, z_for_level(0.99));
        prop_assert!(b.lower <= a.lower && a.upper <= b.upper);
    }
}
