#!/usr/bin/env python3
"""Converts the reference cluster list (shared/reference/clusters.json) into the
widget's default data set (www/data/default.json, format sundhedsklynger/1).

Nothing is invented: names, members, statuses, sources and notes are carried over.
Only two things are added: the regions' short ids and official 4-digit regionskoder
(DAGI), and Danish wording for the placeholder names of unnamed clusters
("cluster around X" -> "Klyngen omkring X"), which stay marked as unverified.

Usage: tools/import-clusters.py [path/to/clusters.json] [out.json]
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/clusters.json"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "www/data/default.json"

# Official regionskoder (Danmarks Adresseregister / DAGI).
REGIONS = {
    "Region Nordjylland": ("RN", "1081"),
    "Region Midtjylland": ("RM", "1082"),
    "Region Syddanmark": ("RSD", "1083"),
    "Region Hovedstaden": ("RH", "1084"),
    "Region Sjælland": ("RSJ", "1085"),
}


def cluster_name(name: str) -> str:
    prefix = "cluster around "
    return "Klyngen omkring " + name[len(prefix):] if name.startswith(prefix) else name


def main() -> None:
    ref = json.loads(SRC.read_text(encoding="utf-8"))
    region_ids = {name: REGIONS[name][0] for name in ref["regions"]}
    regions = [{"id": REGIONS[n][0], "name": n, "code": REGIONS[n][1]} for n in ref["regions"]]
    municipalities = [
        {"code": m["code"], "name": m["name"], "region": region_ids[m["region"]]}
        for m in sorted(ref["municipalities"], key=lambda m: m["code"])
    ]
    # A municipality listed in several clusters is split; its shares are not known.
    count = {}
    for c in ref["clusters"]:
        for m in c["municipalities"]:
            count[m["code"]] = count.get(m["code"], 0) + 1

    clusters = []
    for c in ref["clusters"]:
        notes = c["notes"]
        if c["name"] != cluster_name(c["name"]):
            extra = f'Name in the reference list: "{c["name"]}" (a description, not a confirmed name).'
            notes = f"{notes} {extra}".strip()
        members = []
        for m in c["municipalities"]:
            member = {"municipality": m["code"]}
            if count[m["code"]] > 1:
                member["share"] = "unknown"
            members.append(member)
        cluster = {
            "id": c["id"],
            "region": region_ids[c["region"]],
            "name": cluster_name(c["name"]),
            "acute_hospitals": [c["acute_hospital"]],
            "status": c["status"],
            "sources": c["sources"],
            "members": members,
        }
        if c["name_status"] != "confirmed":
            cluster["name_status"] = c["name_status"]
        if notes:
            cluster["notes"] = notes
        if c["ambiguous_unplaced"]:
            cluster["candidates"] = [m["code"] for m in c["ambiguous_unplaced"]]
        clusters.append(cluster)

    data = {
        "format": "sundhedsklynger/1",
        "title": {
            "da": "Sundhedsklynger og sundhedssamarbejdsudvalg i Danmark",
            "en": "Health clusters and health cooperation committees in Denmark",
        },
        "description": {
            "da": "Strukturen fra 1. juli 2022: 5 regioner med hvert sit sundhedssamarbejdsudvalg, 22 sundhedsklynger og 98 kommuner. "
            "Hver klynge har kilder og en status (bekræftet, delvist bekræftet, ikke bekræftet). Seks kommuner kunne ingen kilde placere: "
            + ref["unplaced_note"].split(": ", 1)[-1].split(".")[0] + ". Ingen personer er angivet: pladserne vises ud fra regelprofilen.",
            "en": ref["description"] + " " + ref["cluster_count_note"] + " " + ref["unplaced_note"]
            + " No persons are given: seats are shown from the rule profile.",
        },
        "as_of": "2022-07-01",
        "profile": "sundhedsloven-2022",
        "regions": regions,
        "municipalities": municipalities,
        "clusters": clusters,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(regions)} regions, {len(municipalities)} municipalities, {len(clusters)} clusters")


if __name__ == "__main__":
    main()
