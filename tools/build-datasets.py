#!/usr/bin/env python3
"""Builds the two data sets in format sundhedsklynger/2 from the reference files:

  www/data/klynger-2022.json        the 22 sundhedsklynger, 1 July 2022 - 31 December 2026
  www/data/sundhedsraad-2027.json   the 17 sundhedsråd from 1 January 2027 (preparatory in 2026)

Nothing is invented: every name, number, code and URL comes from the reference files
(clusters-2022.json, clusters-verification.md's findings as recorded in clusters-2022.json,
population.json, sundhedsraad-2027.json, sundhedsraad-rosters.json). The only additions are
the regions' short ids and the official regionskoder of the five existing regions (the same
table as tools/import-clusters.py), person ids made from the names, and the wording of titles,
descriptions and notes. Source ids are replaced by their URLs; a source without an http(s)
URL (the project's own files) is left out.

Usage: tools/build-datasets.py [reference-dir] [out-dir]
  reference-dir defaults to ../shared/reference beside the repository, out-dir to www/data.
Output is deterministic: the same reference files give the same bytes.
"""
import json
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "www/data"

# Official regionskoder (Danmarks Adresseregister / DAGI): the table of tools/import-clusters.py.
_spec = importlib.util.spec_from_file_location("import_clusters", Path(__file__).with_name("import-clusters.py"))
_import_clusters = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_import_clusters)
REGIONS = _import_clusters.REGIONS
# Region Østdanmark (from 1 January 2027): no regionskode is known (sundhedsraad-2027.json, unknowns).
OST = ("Region Østdanmark", "OST")

# How the roster writes some municipality names; anything else must match population.json exactly.
MUNICIPALITY_ALIASES = {
    "Københavns Kommune": "København",
    "Bornholms Regionskommune": "Bornholm",
    "Høje Taastrup": "Høje-Taastrup",
    "Nordfyns": "Nordfyn",
}

RANK = {"unverified": 0, "secondary": 1, "partial": 2, "confirmed": 3}


def fail(msg: str) -> None:
    raise SystemExit(f"build-datasets: {msg}")


def load(name: str):
    return json.loads((REF / name).read_text(encoding="utf-8"))


def dedupe(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def is_url(s: str) -> bool:
    return s.startswith("https://") or s.startswith("http://")


def slug(text: str) -> str:
    t = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def write(name: str, data) -> None:
    path = OUT / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")


class Population:
    def __init__(self, pop):
        self.by_code = {m["code"]: m for m in pop["municipalities"]}
        self.dates = pop["dates"]

    def of(self, code: str, date: str):
        value = self.by_code[code]["population"][date]
        url = self.dates[date]["source"]["url"]
        if not isinstance(value, int) or not is_url(url):
            fail(f"population of {code} on {date}")
        return {"value": value, "date": date, "source": url, "status": "secondary"}


def municipality_names(pop) -> dict:
    return {m["name"]: m["code"] for m in pop["municipalities"]}


# ---------------------------------------------------------------- klynger-2022


def build_2022(clusters, pop: Population, srd):
    urls = {s["id"]: s["url"] for s in srd["sources"]}
    merger = urls["lovguiden_ovg"]  # RH + RSJ merge into Region Østdanmark on 1 January 2027
    abolition = urls["ft_l214"]  # L 214 abolishes the sundhedsklynger
    regions = []
    for name in clusters["regions"]:
        rid, code = REGIONS[name]
        r = {"id": rid, "name": name, "code": code}
        if name in srd_formed_from_ost(srd):
            r["sources"] = [merger]
            r["valid_to"] = "2026-12-31"
        regions.append(r)
    region_ids = {n: REGIONS[n][0] for n in clusters["regions"]}

    municipalities = []
    for m in sorted(clusters["municipalities"], key=lambda m: m["code"]):
        if pop.by_code[m["code"]]["name"] != m["name"]:
            fail(f"name of {m['code']} differs between clusters-2022.json and population.json")
        municipalities.append(
            {"code": m["code"], "name": m["name"], "region": region_ids[m["region"]],
             "population": pop.of(m["code"], "2022-01-01")}
        )

    count = {}
    for c in clusters["clusters"]:
        for m in c["municipalities"]:
            count[m["code"]] = count.get(m["code"], 0) + 1
    missing = {m["code"] for m in clusters["municipalities"]} - set(count)
    if missing:
        fail(f"unplaced in 2022: {sorted(missing)}")

    areas = []
    for c in clusters["clusters"]:
        notes = [c["notes"]] if c["notes"] else []
        if c["name"].startswith("cluster around "):
            notes.append(f'Name in the reference list: "{c["name"]}" (a description, not a confirmed name).')
        name = c["name"].replace("cluster around ", "Klyngen omkring ", 1)
        members = []
        for m in c["municipalities"]:
            member = {"municipality": m["code"]}
            # A membership with its own evidence keeps its own status and sources, even where the
            # status equals the cluster's (the six placed from secondary evidence in 2026).
            if m.get("status"):
                member["status"] = m["status"]
                if m.get("sources"):
                    member["sources"] = m["sources"]
            if m.get("note"):
                notes.append(f'{m["name"]} ({m["code"]}), membership {m.get("status", c["status"])}: {m["note"]}.')
            if count[m["code"]] > 1:
                member["share"] = "unknown"
            members.append(member)
        area = {
            "id": c["id"],
            "kind": "cluster",
            "region": region_ids[c["region"]],
            "name": name,
        }
        if c["name_status"] != "confirmed":
            area["name_status"] = c["name_status"]
        area["acute_hospitals"] = [c["acute_hospital"]]
        area["status"] = c["status"]
        area["sources"] = c["sources"]
        if notes:
            area["notes"] = " ".join(notes)
        area["members"] = members
        if c["ambiguous_unplaced"]:
            area["candidates"] = [m["code"] for m in c["ambiguous_unplaced"]]
        areas.append(area)

    partial_members = [(m["name"], c["id"]) for c in clusters["clusters"] for m in c["municipalities"] if m.get("status")]
    split = sorted(code for code, n in count.items() if n > 1)
    split_names = ", ".join(pop.by_code[c]["name"] for c in split)
    partial_names = ", ".join(n for n, _ in partial_members)
    return {
        "format": "sundhedsklynger/2",
        "id": "klynger-2022",
        "title": {
            "da": "Sundhedsklynger 2022–2026",
            "en": "Health clusters (sundhedsklynger) 2022–2026",
        },
        "description": {
            "da": f"Strukturen fra 1. juli 2022 til 31. december 2026: {len(regions)} regioner, {len(areas)} sundhedsklynger og "
            f"{len(municipalities)} kommuner, alle placeret. Hver klynge og hvert afvigende medlemskab har kilder og en status "
            "(bekræftet = en regions- eller hospitalsside nævner medlemmerne; delvist = et optageområde eller en sekundær side; "
            f"ikke bekræftet = ingen kilde). {len(partial_members)} medlemskaber bygger på sekundære kilder (delvist): {partial_names}. "
            f"{split_names} er delt mellem to klynger med ukendt andel. Mulige dobbelte medlemskaber står som kandidater. "
            "Folketal 1. januar 2022 fra Danmarks Statistik FOLK1A via en offentlig kopi (sekundær). Ingen personer er angivet. "
            "Klyngerne nedlægges med sundhedsreformen (L 214) og afløses af sundhedsrådene fra 1. januar 2027.",
            "en": clusters["description"].split(" status:")[0] + " Status: confirmed = a region or hospital page lists the members; "
            "partial = a hospital catchment or a secondary page; unverified = no source found. " + clusters["cluster_count_note"] + " "
            + clusters["unplaced_note"].split(" See ")[0] + " "
            + f"{split_names} is split between two clusters with unknown shares. "
            "Population on 1 January 2022: Danmarks Statistik FOLK1A from a public copy (secondary). No persons are given. "
            "The clusters are abolished by the 2024 health reform (L 214) and replaced by the sundhedsråd from 1 January 2027.",
        },
        "as_of": "2026-12-01",
        "valid_from": "2022-07-01",
        "valid_to": "2026-12-31",
        "status": "partial",
        "sources": [abolition, merger, pop.dates["2022-01-01"]["source"]["url"]],
        "profile": "sundhedsloven-2022",
        "regions": regions,
        "municipalities": municipalities,
        "areas": areas,
    }


def srd_formed_from_ost(srd):
    for r in srd["regions"]:
        if r["name"] == OST[0]:
            return r["formed_from"]
    fail("Region Østdanmark not in sundhedsraad-2027.json")


# ----------------------------------------------------------- sundhedsraad-2027


def source_urls(ids, urls):
    out = []
    for i in ids:
        if i not in urls:
            fail(f"unknown source id {i}")
        if is_url(urls[i]):
            out.append(urls[i])
    return dedupe(out)


def primary_ref(text: str):
    """The source id in a '[primary: <id>]' mark, or None."""
    m = re.search(r"\[primary: ([a-z0-9_]+)\]", text or "")
    return m.group(1) if m else None


def build_2027(srd, rosters, pop: Population):
    sources = {s["id"]: s for s in srd["sources"]}
    urls = {s["id"]: s["url"] for s in srd["sources"]}
    afpihl = urls["afpihl"]
    by_name = municipality_names({"municipalities": list(pop.by_code.values())})

    region_ids, regions, municipality_region = {}, [], {}
    for r in srd["regions"]:
        if r["name"] in REGIONS:
            rid, code = REGIONS[r["name"]]
            region = {"id": rid, "name": r["name"], "code": code}
        elif r["name"] == OST[0]:
            rid = OST[1]
            region = {"id": rid, "name": r["name"]}  # no regionskode known: none is given
        else:
            fail(f"unknown region {r['name']}")
        region["sources"] = source_urls(r["sources"], urls)
        if r["name"] == OST[0]:
            region["valid_from"] = "2027-01-01"
        region_ids[r["name"]] = rid
        regions.append(region)
        for code in r["municipalities"]:
            if code in municipality_region:
                fail(f"{code} in two regions")
            municipality_region[code] = rid
    if set(municipality_region) != set(pop.by_code):
        fail("the regions do not cover the 98 municipalities")

    municipalities = [
        {"code": code, "name": pop.by_code[code]["name"], "region": municipality_region[code],
         "population": pop.of(code, "2026-01-01")}
        for code in sorted(pop.by_code)
    ]

    placed = {}
    for c in srd["councils"]:
        for code in c["municipalities"]:
            if code in placed:
                fail(f"{code} in two councils")
            placed[code] = c["id"]
    if set(placed) != set(pop.by_code):
        fail(f"councils leave unplaced: {sorted(set(pop.by_code) - set(placed))}")

    roster_by_name = {r["name"]: r for r in rosters["councils"]}
    persons, person_keys, seats, areas = {}, {}, [], []
    # Person ids: a slug of the name; where two people (two parties) share a name, the party is added.
    parties_by_name = {}
    for r in rosters["councils"]:
        for m in r["regionalMembers"] + r["municipalMembers"]:
            parties_by_name.setdefault(m["name"], set()).add(m.get("party", ""))

    def person_id(m) -> str:
        name, party = m["name"], m.get("party", "")
        key = (name, party)
        if key not in person_keys:
            pid = slug(name)
            if len(parties_by_name[name]) > 1:
                pid = f"{pid}-{slug(party) or 'uden-parti'}"
            if pid in persons:
                fail(f"person id {pid} twice")
            person = {"id": pid, "name": name}
            if party:
                person["party"] = party
            person["sources"] = [afpihl]
            persons[pid] = person
            person_keys[key] = pid
        return person_keys[key]

    for c in srd["councils"]:
        rid = region_ids[c["region"]]
        if c["name"] not in roster_by_name:
            fail(f"no roster for {c['name']}")
        roster = roster_by_name[c["name"]]
        body = f"{c['id']}/council"
        notes = []
        if c["notes"]:
            notes.append(c["notes"])
        # The hospitals are only inferred (hospital_status): they go into the notes, not acute_hospitals.
        if c["hospital_status"] == "inferred":
            notes.append(f"Acute hospital, inferred only (so not given as acute_hospitals): {c['hospital']}.")
        acute = [] if c["hospital_status"] == "inferred" else [c["hospital"]]

        disputed = [d.split()[0] for d in c["disputed_members"]]
        members = []
        for code in c["municipalities"]:
            member = {"municipality": code}
            if code in disputed:
                member["status"] = "unverified"
                notes.append(
                    f"{pop.by_code[code]['name']} ({code}) is placed here as in sundhedsraad-2027.json (by the member roster); "
                    "unverified, the secondary source contradicts itself."
                )
            members.append(member)
        candidates = [code for code in disputed if code not in c["municipalities"]]
        for code in candidates:
            notes.append(
                f"{pop.by_code[code]['name']} ({code}) may belong here instead (the secondary source's municipality list); "
                f"placed in {placed[code]}."
            )

        # Seats, in roster order: regional members, then municipal members.
        chair_primary = primary_ref(c.get("chair", ""))
        vice_primary = primary_ref(c.get("vice_chair", ""))
        seat_sources = dedupe([u for u in (roster.get("officialUrl"), roster.get("referaterUrl"), afpihl) if u and is_url(u)])
        council_seats = []
        regional = roster["regionalMembers"]
        substitutes = {}
        for i, m in enumerate(regional):
            sub = re.search(r"vikar for ([^)]+)\)", m.get("role", ""))
            if sub:
                target = sub.group(1).replace(".", "").split()
                held = [
                    j for j, o in enumerate(regional)
                    if j != i and o["name"].split()[0] == target[0] and o["name"].split()[-1] == target[-1]
                ]
                if len(held) != 1:
                    fail(f"substitute {m['name']}: cannot find the member '{sub.group(1)}'")
                substitutes[held[0]] = i
        for i, m in enumerate(regional):
            if i in substitutes.values():
                continue
            role_text = m.get("role", "")
            office = None
            for key, off in (("naestformand", "vice-chair"), ("formand", "chair")):
                if roster[key]["name"] == m["name"]:
                    office = off
            first = role_text.split("/")[0].split("(")[0].strip()
            if first == "Næstformand":
                office = office or "vice-chair"
                if office != "vice-chair":
                    fail(f"{m['name']}: role text and formand/naestformand disagree")
            elif first == "Formand":
                office = office or "chair"
                if office != "chair":
                    fail(f"{m['name']}: role text and formand/naestformand disagree")
            seat = {"body": body, "role": "regional-council-member", "person": person_id(m)}
            if office:
                seat["office"] = office
            status, extra = "secondary", []
            ref = chair_primary if office == "chair" else vice_primary if office == "vice-chair" else None
            if ref:
                if sources[ref]["kind"] != "primary":
                    fail(f"{ref} is not primary")
                status, extra = "confirmed", [urls[ref]]
            if i in substitutes:
                s = regional[substitutes[i]]
                seat["substitute"] = person_id(s)
                seat["title"] = {
                    "da": f"{role_text}; vikar: {s['name']} ({s['role']})",
                    "en": f"Regional council member on leave (roster: \"{role_text}\"); substitute: {s['name']} (roster: \"{s['role']}\")",
                }
            seat["sources"] = dedupe(extra + seat_sources)
            seat["status"] = status
            council_seats.append(seat)
        for m in roster["municipalMembers"]:
            mname = MUNICIPALITY_ALIASES.get(m["municipality"], m["municipality"])
            if mname not in by_name:
                fail(f"cannot map municipality name '{m['municipality']}' ({m['name']}, {c['name']})")
            code = by_name[mname]
            if code not in c["municipalities"]:
                fail(f"{m['name']} represents {mname} ({code}), which is not in {c['id']}")
            council_seats.append(
                {"body": body, "role": "municipal-representative", "municipality": code, "person": person_id(m),
                 "sources": seat_sources, "status": "secondary"}
            )
        for n, seat in enumerate(council_seats, 1):
            seats.append({"id": f"{body}#{n}", **seat})

        # A primary chair mark whose party letter differs from the roster's is noted, not resolved.
        for key, ref in (("chair", chair_primary),):
            if ref:
                m = re.match(r"(.+?) \(([^)]+)\)", c[key])
                r = roster["formand"]
                if m and (m.group(1) != r["name"] or m.group(2) != r["party"]):
                    notes.append(
                        f"Chair per the primary source: {m.group(1)} ({m.group(2)}); the roster has {r['name']} ({r['party']}). "
                        "The roster's party letter is kept."
                    )

        area = {"id": c["id"], "kind": "council", "region": rid, "name": c["name"]}
        # The name counts as confirmed only where a primary source of the council names it.
        named = any(sources[s]["kind"] == "primary" and c["name"] in sources[s]["title"] for s in c["sources"])
        if not named:
            area["name_status"] = "secondary"
        # The format requires the list; it is empty where no hospital is confirmed.
        area["acute_hospitals"] = acute
        area["status"] = c["status"]
        area["sources"] = source_urls(c["sources"], urls)
        if notes:
            area["notes"] = " ".join(notes)
        area["members"] = members
        if candidates:
            area["candidates"] = candidates
        areas.append(area)

    if set(roster_by_name) != {c["name"] for c in srd["councils"]}:
        fail("rosters and councils differ")

    legal = srd["composition"]["legal_basis"]["sources"]
    n_conf = sum(1 for a in areas if a["status"] == "confirmed")
    disputed_all = dedupe(d for c in srd["councils"] for d in c["disputed_members"])
    disputed_names = ", ".join(disputed_all)
    return {
        "format": "sundhedsklynger/2",
        "id": "sundhedsraad-2027",
        "title": {
            "da": "Sundhedsråd fra 2027",
            "en": "Health councils (sundhedsråd) from 2027",
        },
        "description": {
            "da": f"Strukturen fra 1. januar 2027 (sundhedsreformen 2024, regionsloven som ændret ved L 214): {len(regions)} regioner, "
            f"{len(areas)} sundhedsråd og {len(municipalities)} kommuner, hver i netop ét sundhedsråd. Rådene mødtes som forberedende "
            "råd fra 1. januar 2026. Inddelingen stammer fra et sekundært datasæt (en journalists GitHub-datasæt, afpihl/sundhedsraad); "
            f"{n_conf} råd er bekræftet af en primær kilde, resten er sekundære. Omstridt: {disputed_names} (ikke bekræftet). "
            "Akutsygehusene nævnes ikke af nogen kilde og står kun i noterne som udledt. Medlemmerne er fra samme sekundære datasæt "
            "(status sekundær; kun et formandskab bekræftet af en pressemeddelelse er bekræftet). Region Østdanmark har ingen kendt regionskode. "
            "Folketal 1. januar 2026 fra Danmarks Statistik FOLK1A via en offentlig kopi (sekundær).",
            "en": f"The structure from 1 January 2027 (2024 health reform, regionsloven as amended by L 214): {len(regions)} regions, "
            f"{len(areas)} sundhedsråd and {len(municipalities)} municipalities, each in exactly one council. The councils met as "
            "preparatory bodies from 1 January 2026. " + srd["unknowns"][0] + " "
            f"{n_conf} council is confirmed by a primary source, the rest are secondary. Disputed: {disputed_names} (unverified). "
            + srd["unknowns"][4] + " The hospitals are given in the notes only. Members come from the same secondary data set "
            "(status secondary; only a chair confirmed by a press release is confirmed). No regionskode is known for Region Østdanmark. "
            "Population on 1 January 2026: Danmarks Statistik FOLK1A from a public copy (secondary).",
        },
        "as_of": srd["as_of"],
        "valid_from": "2027-01-01",
        "preparatory_from": "2026-01-01",
        "status": "secondary",
        "sources": dedupe(source_urls(legal, urls) + [urls["lovguiden_ovg"], afpihl, pop.dates["2026-01-01"]["source"]["url"]]),
        "profile": "regionsloven-2025",
        "regions": regions,
        "municipalities": municipalities,
        "areas": areas,
        "persons": sorted(persons.values(), key=lambda p: p["id"]),
        "seats": seats,
    }


def main() -> None:
    pop = Population(load("population.json"))
    clusters = load("clusters-2022.json")
    srd = load("sundhedsraad-2027.json")
    rosters = load("sundhedsraad-rosters.json")
    OUT.mkdir(parents=True, exist_ok=True)
    d22 = build_2022(clusters, pop, srd)
    write("klynger-2022.json", d22)
    d27 = build_2027(srd, rosters, pop)
    write("sundhedsraad-2027.json", d27)
    print(
        f"klynger-2022: {len(d22['regions'])} regions, {len(d22['areas'])} clusters, {len(d22['municipalities'])} municipalities; "
        f"sundhedsraad-2027: {len(d27['regions'])} regions, {len(d27['areas'])} councils, {len(d27['municipalities'])} municipalities, "
        f"{len(d27['persons'])} persons, {len(d27['seats'])} seats"
    )


if __name__ == "__main__":
    main()
