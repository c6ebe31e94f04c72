#![cfg(not(target_arch = "wasm32"))]
//! Indirect standardisation (SMR / ISR) and funnel-plot control limits against the worked
//! numbers PHEindicatormethods publishes with its tests, at 95 % and 99.8 %.

use sundhedsklynger::figures::stats::{
    byar, exact_poisson, expected_events, indirectly_standardised_ratio, poisson_count_limits, poisson_limits, proportion_limits,
    reference_crude_rate, reference_rates, standardised_ratio, z_for_level, BandCount, Interval, Outlier, PoissonMethod, StatsError,
};

fn rel_close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-12)
}

/// PHEindicatormethods `R/isr_sheet.csv`: 19 age bands of an area (obs, pop) and of the
/// reference (refcount, refpop), with the reference rate `li` and the expected events `Ei`
/// of each band as published (9–10 significant digits).
const ISR_SHEET: [(f64, f64, f64, f64, f64, f64); 19] = [
    (127.0, 636.0, 10303.0, 50520.0, 0.203939034, 129.7052257),
    (25.0, 558.0, 2824.0, 57173.0, 0.049393945, 27.56182114),
    (18.0, 609.0, 3225.0, 60213.0, 0.053559862, 32.61795626),
    (21.0, 543.0, 3615.0, 54659.0, 0.066137324, 35.91256701),
    (12.0, 384.0, 3641.0, 44345.0, 0.082106213, 31.52878566),
    (27.0, 594.0, 3490.0, 50128.0, 0.069621768, 41.35533035),
    (48.0, 669.0, 3789.0, 62163.0, 0.060952657, 40.77732735),
    (27.0, 843.0, 3213.0, 67423.0, 0.047654361, 40.17262655),
    (29.0, 660.0, 3031.0, 62899.0, 0.048188365, 31.80432121),
    (32.0, 576.0, 2771.0, 55463.0, 0.049961235, 28.7776716),
    (32.0, 606.0, 3089.0, 60479.0, 0.05107558, 30.95180145),
    (34.0, 522.0, 3490.0, 49974.0, 0.069836315, 36.45455637),
    (45.0, 426.0, 3595.0, 44140.0, 0.081445401, 34.69574082),
    (65.0, 273.0, 4745.0, 40888.0, 0.116048718, 31.68130014),
    (38.0, 300.0, 5514.0, 37239.0, 0.148070571, 44.42117135),
    (68.0, 288.0, 7125.0, 30819.0, 0.231188553, 66.58230312),
    (74.0, 153.0, 5694.0, 18136.0, 0.313961182, 48.03606087),
    (82.0, 123.0, 6210.0, 15325.0, 0.405220228, 49.84208809),
    (91.0, 207.0, 5757.0, 13918.0, 0.413637017, 85.62286248),
];

fn sheet() -> (Vec<BandCount>, Vec<BandCount>) {
    let area = ISR_SHEET.iter().map(|r| BandCount { events: r.0, population: r.1 }).collect();
    let reference = ISR_SHEET.iter().map(|r| BandCount { events: r.2, population: r.3 }).collect();
    (area, reference)
}

#[test]
fn expected_events_as_the_published_sheet() {
    let (area, reference) = sheet();
    let rates = reference_rates(&reference).unwrap();
    for (i, row) in ISR_SHEET.iter().enumerate() {
        // Published to 9 decimals (rates) and 10 significant digits (expected events).
        assert!((rates[i] - row.4).abs() <= 5e-10, "band {i}: rate {} vs {}", rates[i], row.4);
        let e = expected_events(&area[i..=i], &rates[i..=i]).unwrap();
        assert!((e - row.5).abs() <= 5e-8, "band {i}: expected {e} vs {}", row.5);
    }
    // Observed 895 against the sum of the published expected events, 868.50151752.
    let published_e: f64 = ISR_SHEET.iter().map(|r| r.5).sum();
    assert!(rel_close(published_e, 868.501_517_52, 1e-10));
    for level in [0.95, 0.998, 99.8] {
        let r = indirectly_standardised_ratio(&area, &reference, level).unwrap();
        assert_eq!(r.observed, 895.0);
        assert!(rel_close(r.expected, published_e, 1e-8), "{r:?}");
        assert!(rel_close(r.ratio, 895.0 / published_e, 1e-8));
        // 895 events: Byar's interval on the count, divided by E (the published ratio's CI is
        // in a spreadsheet not available here: this checks the method, not a published number).
        let b = byar(895.0, z_for_level(level));
        assert_eq!(r.method, PoissonMethod::Byar);
        assert!(rel_close(r.interval.lower, b.lower / r.expected, 1e-12) && rel_close(r.interval.upper, b.upper / r.expected, 1e-12));
    }
    // ISR = SMR × the reference's crude rate: 89,961 events among 866,000 people.
    let crude = reference_crude_rate(&reference, 1000.0).unwrap();
    let total_events: f64 = ISR_SHEET.iter().map(|r| r.2).sum();
    let total_population: f64 = ISR_SHEET.iter().map(|r| r.3).sum();
    assert!(rel_close(crude, total_events / total_population * 1000.0, 1e-12));
    let r = indirectly_standardised_ratio(&area, &reference, 0.95).unwrap();
    let (isr, interval) = r.rate(crude);
    assert!(rel_close(isr, r.ratio * crude, 1e-12) && rel_close(interval.lower, r.interval.lower * crude, 1e-12));
}

/// PHEindicatormethods `tests/testthat/testdata_funnel_ratio_outputs.csv`: for O observed
/// events, the expected events at which O lies on the lower and upper control limits of a
/// ratio (2σ = 95 %, 3σ = 99.8 %) and the ratio × 100 there. Columns: O, lower_2s_exp,
/// lower_2s_isr, upper_2s_exp, upper_2s_isr, lower_3s_exp, lower_3s_isr, upper_3s_exp, upper_3s_isr.
const FUNNEL_RATIO: [(f64, f64, f64, f64, f64, f64, f64, f64, f64); 7] = [
    (1.0, 5.571644585, 17.94802207, 0.025317898, 3949.774946, 9.233410143, 10.83023482, 0.001000547, 99945.32721),
    (5.0, 11.6683331, 42.85102213, 1.623486324, 307.979188, 16.45474478, 30.38637225, 0.739371928, 676.2496398),
    (9.0, 17.08479966, 52.67840524, 4.11537405, 218.6921502, 22.65737951, 39.72215762, 2.452425215, 366.9836676),
    (10.0, 18.39035799, 54.3763205, 4.795387629, 208.5337156, 24.13397235, 41.43536693, 2.960519925, 337.778507),
    (49.0, 64.7805979, 75.63993169, 36.25047284, 135.1706507, 74.7246273, 65.57409755, 30.17809181, 162.3694444),
    (100.0, 121.6268111, 82.21871402, 81.36400699, 122.9044681, 134.9243187, 74.11562345, 71.92139974, 139.0406755),
    (716.0, 770.4222128, 92.93605352, 664.5083011, 107.7488421, 802.60414, 89.20960712, 636.1521174, 112.5516964),
];

/// PHE's funnel solves for the expected count E by bisection on v = E / (1 + O + E) until its
/// step is below 1e-7: two values of E agree to that precision when their v do.
fn same_expected(a: f64, b: f64, o: f64) -> bool {
    (a / (1.0 + o + a) - b / (1.0 + o + b)).abs() <= 1e-7
}

#[test]
fn ratio_funnel_limits_as_published() {
    for row in FUNNEL_RATIO {
        let (o, l2e, l2r, u2e, u2r, l3e, l3r, u3e, u3r) = row;
        for (level, lower_e, lower_isr, upper_e, upper_isr) in [(0.95, l2e, l2r, u2e, u2r), (0.998, l3e, l3r, u3e, u3r)] {
            // O lies on the lower limit at E = lower_e and on the upper one at E = upper_e; the
            // ratio there is O / E (× 100 as published). PHE's E is precise to 1e-7 in v, which
            // for the smallest E (0.001) is 2e-4 relative.
            let at_lower = poisson_count_limits(lower_e, level).unwrap();
            assert!(rel_close(at_lower.lower, o, 2e-4), "O = {o} at {level}: lower count limit {}", at_lower.lower);
            let ratio = poisson_limits(lower_e, 1.0, level).unwrap();
            assert!(rel_close(ratio.lower * 100.0, lower_isr, 2e-4), "O = {o} at {level}: {ratio:?}");
            let at_upper = poisson_count_limits(upper_e, level).unwrap();
            assert!(rel_close(at_upper.upper, o, 2e-4), "O = {o} at {level}: upper count limit {}", at_upper.upper);
            let ratio = poisson_limits(upper_e, 1.0, level).unwrap();
            assert!(rel_close(ratio.upper * 100.0, upper_isr, 2e-4), "O = {o} at {level}: {ratio:?}");
            if o >= 10.0 {
                // Away from the smallest counts, to 2e-6.
                assert!(rel_close(at_lower.lower, o, 2e-6) && rel_close(at_upper.upper, o, 2e-6), "O = {o} at {level}");
            }
            // The same numbers are the exact interval of O (Garwood): the SMR's interval below 10.
            let e = exact_poisson(o, level);
            assert!(same_expected(e.upper, lower_e, o) && same_expected(e.lower, upper_e, o), "O = {o} at {level}: {e:?}");
            if o < 10.0 {
                let r = standardised_ratio(o, 1.0, level).unwrap();
                assert_eq!(r.method, PoissonMethod::Exact);
                assert!(same_expected(r.interval.upper, lower_e, o) && same_expected(r.interval.lower, upper_e, o), "{r:?}");
            }
        }
    }
}

/// PHEindicatormethods `tests/testthat/testdata_funnel_prop_outputs.csv`: the proportion
/// funnel around the baseline 80.642448 % at some of its 100 populations. Columns:
/// population, lower 95 %, upper 95 %, lower 99.8 %, upper 99.8 % (per cent, 6 decimals).
const FUNNEL_PROPORTION: [(f64, f64, f64, f64, f64); 8] = [
    (1.0, 3.204264, 100.0, 0.0, 100.0),
    (3.0, 35.933491, 100.0, 10.150815, 100.0),
    (10.0, 56.154344, 100.0, 42.03259, 100.0),
    (18.0, 62.390093, 98.894803, 51.864359, 100.0),
    (41.0, 68.548635, 92.73626, 61.574398, 99.710497),
    (1008.0, 78.203374, 83.081521, 76.796814, 84.488082),
    (20742.0, 80.10476, 81.180135, 79.794688, 81.490208),
    (110000.0, 80.408963, 80.875933, 80.274317, 81.010578),
];

#[test]
fn proportion_funnel_limits_as_published() {
    let baseline = 0.806_424_48;
    for (n, l2, u2, l3, u3) in FUNNEL_PROPORTION {
        let a = proportion_limits(n, baseline, 0.95).unwrap().scale(100.0);
        let b = proportion_limits(n, baseline, 99.8).unwrap().scale(100.0);
        let ok = |x: f64, y: f64| (x - y).abs() <= 6e-6;
        assert!(ok(a.lower, l2) && ok(a.upper, u2), "n = {n}, 95 %: {a:?}");
        assert!(ok(b.lower, l3) && ok(b.upper, u3), "n = {n}, 99.8 %: {b:?}");
    }
}

#[test]
fn limits_narrow_with_size_and_widen_with_level() {
    let mut previous: Option<(Interval, Interval)> = None;
    for n in [10.0, 100.0, 1000.0, 10_000.0, 100_000.0] {
        let rate95 = poisson_limits(n, 0.02, 0.95).unwrap();
        let rate998 = poisson_limits(n, 0.02, 0.998).unwrap();
        assert!(rate998.lower <= rate95.lower && rate95.upper < rate998.upper, "{n}");
        assert!(rate95.lower < 0.02 && 0.02 < rate95.upper);
        if let Some((p95, _)) = previous {
            assert!(rate95.upper - rate95.lower < p95.upper - p95.lower, "narrower at {n}");
        }
        previous = Some((rate95, rate998));
    }
    // A small expected count: no lower limit above 0 (E below −ln(0.025) = 3.689 at 95 %).
    assert_eq!(poisson_count_limits(3.0, 0.95).unwrap().lower, 0.0);
    assert!(poisson_count_limits(4.0, 0.95).unwrap().lower > 0.0);
    // Nothing for what has no limits.
    assert_eq!(poisson_limits(0.0, 0.02, 0.95), None);
    assert_eq!(poisson_limits(100.0, 0.02, 1.5), None);
    assert_eq!(proportion_limits(100.0, 1.5, 0.95), None);
}

#[test]
fn outliers_are_classified_against_both_limits() {
    let l95 = Interval { lower: 0.8, upper: 1.2 };
    let l998 = Interval { lower: 0.7, upper: 1.3 };
    assert_eq!(Outlier::classify(1.0, l95, l998), Outlier::Within);
    assert_eq!(Outlier::classify(1.2, l95, l998), Outlier::Within, "on the limit is inside");
    assert_eq!(Outlier::classify(1.25, l95, l998), Outlier::High95);
    assert_eq!(Outlier::classify(1.31, l95, l998), Outlier::High998);
    assert_eq!(Outlier::classify(0.75, l95, l998), Outlier::Low95);
    assert_eq!(Outlier::classify(0.5, l95, l998), Outlier::Low998);
    assert!(!Outlier::Within.is_outside() && Outlier::Low95.is_outside());
}

#[test]
fn smr_switches_at_ten_and_errors_are_types() {
    for level in [0.95, 0.998] {
        let nine = standardised_ratio(9.0, 12.0, level).unwrap();
        let ten = standardised_ratio(10.0, 12.0, level).unwrap();
        assert_eq!((nine.method, ten.method), (PoissonMethod::Exact, PoissonMethod::Byar));
        let e = exact_poisson(9.0, level);
        assert!(rel_close(nine.interval.lower, e.lower / 12.0, 1e-12) && rel_close(nine.interval.upper, e.upper / 12.0, 1e-12));
        let b = byar(10.0, z_for_level(level));
        assert!(rel_close(ten.interval.lower, b.lower / 12.0, 1e-12) && rel_close(ten.interval.upper, b.upper / 12.0, 1e-12));
        assert!(ten.interval.contains(ten.ratio));
    }
    assert_eq!(standardised_ratio(5.0, 0.0, 0.95), Err(StatsError::ZeroDenominator));
    assert_eq!(standardised_ratio(-1.0, 3.0, 0.95), Err(StatsError::InvalidCount));
    assert_eq!(standardised_ratio(5.0, 3.0, 1.5), Err(StatsError::InvalidLevel));
    let one = [BandCount { events: 1.0, population: 10.0 }];
    let two = [BandCount { events: 1.0, population: 10.0 }, BandCount { events: 1.0, population: 10.0 }];
    assert_eq!(indirectly_standardised_ratio(&one, &two, 0.95), Err(StatsError::BandMismatch));
    assert_eq!(reference_rates(&[BandCount { events: 3.0, population: 0.0 }]), Err(StatsError::ZeroDenominator));
    assert_eq!(reference_rates(&[BandCount { events: 0.0, population: 0.0 }]), Ok(vec![0.0]));
}
