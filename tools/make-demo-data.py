#!/usr/bin/env python3
"""Writes www/data/demo.json: the real default data (www/data/default.json) plus a
SYNTHETIC indicator data set, so the demo can show the key-figure calculations.

The counts are made up by a seeded random generator (deterministic): every indicator is
marked "synthetic": true and named "(eksempeldata)", and the widget shows
"Eksempeldata – ikke officielle tal" beside every figure from it. No real population is
added to the municipalities: none is known here with a source.

Usage: tools/make-demo-data.py
"""
import json
import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "www/data/default.json"
OUT = ROOT / "www/data/demo.json"
PERIODS = ["2019", "2020", "2021", "2022", "2023"]
OLD_BANDS = ["65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
# Rough share of each 65+ band, and made-up age-specific rates per 1,000.
OLD_SHARE = [0.30, 0.27, 0.20, 0.12, 0.07, 0.04]
OLD_RATE = [14.0, 21.0, 33.0, 52.0, 78.0, 105.0]


def count(rng: random.Random, mean: float) -> int:
    """A Poisson-like count: normal approximation, never below 0."""
    return max(0, round(rng.gauss(mean, math.sqrt(max(mean, 1e-9)))))


def text(da: str, en: str) -> dict:
    return {"da": da, "en": en}


def main() -> None:
    data = json.loads(DEFAULT.read_text(encoding="utf-8"))
    rng = random.Random(2022)
    data["title"] = text(
        data["title"]["da"] + " – med eksempeldata for nøgletal",
        data["title"]["en"] + " – with example key-figure data",
    )
    data["indicators"] = [
        {
            "id": "forebyggelige-indlaeggelser-65",
            "name": text("Forebyggelige indlæggelser blandt ældre (eksempeldata)", "Preventable admissions among older people (example data)"),
            "numerator": text("akutte indlæggelser af borgere 65+ med en af 9 diagnosegrupper", "acute admissions of residents 65+ with one of 9 conditions"),
            "denominator": text("borgere 65+", "residents 65+"),
            "kind": "rate",
            "multiplier": 1000,
            "unit": text("pr. 1.000 borgere 65+", "per 1,000 residents 65+"),
            "age_bands": OLD_BANDS,
            "standardisation": "direct",
            "standard_population": "esp2013",
            "period": text("kalenderår 2019–2023", "calendar years 2019–2023"),
            "synthetic": True,
        },
        {
            "id": "genindlaeggelser-30",
            "name": text("Akutte somatiske genindlæggelser inden for 30 dage (eksempeldata)", "Acute somatic readmissions within 30 days (example data)"),
            "numerator": text("indlæggelser fulgt af en akut genindlæggelse inden for 30 dage", "admissions followed by an acute readmission within 30 days"),
            "denominator": text("indlæggelser", "admissions"),
            "kind": "proportion",
            "multiplier": 100,
            "unit": text("% af indlæggelser", "% of admissions"),
            "age_bands": ["0+"],
            "period": text("kalenderår 2019–2023", "calendar years 2019–2023"),
            "synthetic": True,
        },
        {
            "id": "faerdigbehandlingsdage",
            "name": text("Færdigbehandlingsdage (eksempeldata)", "Bed days after discharge readiness (example data)"),
            "numerator": text("sengedage efter færdigbehandling", "bed days after the patient is ready for discharge"),
            "denominator": text("indbyggere", "inhabitants"),
            "kind": "rate",
            "multiplier": 1000,
            "unit": text("pr. 1.000 indbyggere", "per 1,000 inhabitants"),
            "age_bands": ["0+"],
            "period": text("kalenderår 2019–2023", "calendar years 2019–2023"),
            "synthetic": True,
        },
    ]
    values = []
    for m in data["municipalities"]:
        # A made-up size: from a few thousand to several hundred thousand inhabitants.
        inhabitants = int(math.exp(rng.uniform(math.log(2_000), math.log(450_000))))
        old = inhabitants * rng.uniform(0.17, 0.27)
        level = rng.uniform(0.75, 1.30)
        readmit = rng.uniform(0.08, 0.13)
        beds = rng.uniform(4.0, 40.0)
        for t, period in enumerate(PERIODS):
            trend = 1.0 - 0.025 * t
            pops = [max(1, round(old * s * rng.uniform(0.95, 1.05))) for s in OLD_SHARE]
            events = [min(p, count(rng, p * r / 1000.0 * level * trend)) for p, r in zip(pops, OLD_RATE)]
            values.append({"indicator": "forebyggelige-indlaeggelser-65", "municipality": m["code"], "period": period, "numerator": events, "denominator": pops})
            admissions = max(1, count(rng, inhabitants * 0.12))
            values.append({"indicator": "genindlaeggelser-30", "municipality": m["code"], "period": period,
                           "numerator": [min(admissions, count(rng, admissions * readmit))], "denominator": [admissions]})
            values.append({"indicator": "faerdigbehandlingsdage", "municipality": m["code"], "period": period,
                           "numerator": [count(rng, inhabitants * beds / 1000.0 * trend)], "denominator": [inhabitants]})
    data["values"] = values
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(data['indicators'])} synthetic indicators, {len(values)} value rows")


if __name__ == "__main__":
    main()
