#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/corpus/NNN-*.json|txt) and its manifest expected.json.

Each case breaks one thing in a small valid data set (the README example plus one
indicator). The expectations are written here by hand, from the format's rules: the code,
severity and JSON Pointer each case must produce. Large cases are not written as files:
the manifest names a generator that tests/corpus.rs runs. Run: python3 tests/corpus/make-corpus.py
"""
import copy, json, os, glob

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = {
    "format": "sundhedsklynger/1",
    "as_of": "2024-01-01",
    "profile": "sundhedsloven-2022",
    "regions": [{"id": "RN", "name": "Region Nordjylland", "code": "1081"}],
    "municipalities": [
        {"code": "773", "name": "Morsø", "region": "RN"},
        {"code": "787", "name": "Thisted", "region": "RN"},
    ],
    "clusters": [{
        "id": "RN-VEST", "region": "RN", "name": "Klynge VEST",
        "acute_hospitals": ["Thisted"], "status": "confirmed",
        "sources": ["https://rn.dk/da/Til-fagfolk/Sundhed/Sundhedsaftalen/Organisering/Sundhedsklynger"],
        "members": [{"municipality": "773"}, {"municipality": "787"}],
    }],
    "persons": [
        {"id": "p-chair", "name": "Anne Eksempel", "party": "A"},
        {"id": "p-mayor", "name": "Bo Eksempel", "party": "V"},
    ],
    "seats": [
        {"id": "s1", "body": "RN/ssu", "role": "regional-council-chair", "office": "chair", "person": "p-chair"},
        {"id": "s2", "body": "RN/ssu", "role": "regional-council-member"},
        {"id": "s3", "body": "RN/ssu", "role": "regional-council-member"},
        {"id": "s4", "body": "RN/ssu", "role": "mayor", "municipality": "787", "cluster": "RN-VEST", "office": "vice-chair", "person": "p-mayor"},
        {"id": "s5", "body": "RN/ssu", "role": "general-practice-representative"},
        {"id": "s6", "body": "RN-VEST/political", "role": "regional-council-chair", "office": "co-chair", "person": "p-chair"},
        {"id": "s7", "body": "RN-VEST/political", "role": "regional-council-member"},
        {"id": "s8", "body": "RN-VEST/political", "role": "mayor", "municipality": "773"},
        {"id": "s9", "body": "RN-VEST/political", "role": "mayor", "municipality": "787", "office": "co-chair", "person": "p-mayor"},
        {"id": "s10", "body": "RN-VEST/political", "role": "general-practice-representative"},
    ],
    "indicators": [{
        "id": "ind", "kind": "rate", "multiplier": 1000,
        "name": {"da": "Indlæggelser", "en": "Admissions"},
        "numerator": {"da": "indlæggelser", "en": "admissions"},
        "denominator": {"da": "borgere", "en": "residents"},
        "unit": {"da": "pr. 1.000", "en": "per 1,000"},
        "age_bands": ["0+"],
    }],
    "values": [
        {"indicator": "ind", "municipality": "773", "period": "2023", "numerator": [12], "denominator": [900]},
        {"indicator": "ind", "municipality": "787", "period": "2023", "numerator": [15], "denominator": [800]},
    ],
}

# Elements of the base: a case that breaks one element keeps the others ("keep").
FULL = {k: len(v) for k, v in BASE.items() if isinstance(v, list)}

cases = []

def E(code, pointer, severity="error"):
    return {"code": code, "severity": severity, "pointer": pointer}

def text_case(name, text, expect, **extra):
    cases.append(dict(file=f"{len(cases) + 1:03d}-{name}.txt", text=text, expect=expect, **extra))

def json_case(name, doc, expect, **extra):
    text = json.dumps(doc, ensure_ascii=False, indent=1) if not isinstance(doc, str) else doc
    cases.append(dict(file=f"{len(cases) + 1:03d}-{name}.json", text=text, expect=expect, **extra))

def gen_case(name, generator, expect, **extra):
    cases.append(dict(generator=generator, name=f"{len(cases) + 1:03d}-{name}", expect=expect, **extra))

def base():
    return copy.deepcopy(BASE)

def keep(**less):
    """The element counts the pipeline must keep: the base's, minus what the case breaks."""
    k = dict(FULL)
    for a, n in less.items():
        k[a] = FULL.get(a, 0) - n
    return k

def mutate(f):
    d = base(); f(d); return d

base_text = json.dumps(BASE, ensure_ascii=False, indent=1)
SYNTAX = [E("json-syntax", "")]
EMPTY = {k: 0 for k in FULL}

# --- Malformed JSON and bytes --------------------------------------------------------
text_case("empty", "", SYNTAX, keep=EMPTY, only=True)
text_case("whitespace-only", " \n\t ", SYNTAX, keep=EMPTY, only=True)
text_case("truncated", base_text[: len(base_text) // 2], SYNTAX, keep=EMPTY, only=True)
text_case("trailing-comma", '{"format": "sundhedsklynger/1", "as_of": "2024-01-01", "regions": [],}', SYNTAX, keep=EMPTY, only=True)
text_case("single-quotes", "{'format': 'sundhedsklynger/1'}", SYNTAX, keep=EMPTY, only=True)
text_case("nan-literal", base_text.replace('"multiplier": 1000', '"multiplier": NaN'), SYNTAX, keep=EMPTY, only=True)
text_case("comment", "// data\n" + base_text, SYNTAX, keep=EMPTY, only=True)
text_case("trailing-garbage", base_text + "\n}}", SYNTAX, keep=EMPTY, only=True)
text_case("lone-surrogate-escape", base_text.replace("Morsø", "Mors\\ud800"), SYNTAX, keep=EMPTY, only=True)
text_case("raw-control-character", base_text.replace("Morsø", "Mor\u0001sø"), SYNTAX, keep=EMPTY, only=True)
text_case("huge-number-literal", base_text.replace('"multiplier": 1000', '"multiplier": 1e400'), SYNTAX, keep=EMPTY, only=True)
text_case("two-documents", base_text + base_text, SYNTAX, keep=EMPTY, only=True)
text_case("byte-order-mark", "\ufeff" + base_text, [E("byte-order-mark", "", "info")], keep=keep(), only=True)
text_case("two-byte-order-marks", "\ufeff\ufeff" + base_text, [E("byte-order-mark", "", "info"), E("json-syntax", "")], keep=EMPTY, only=True)
# Invalid UTF-8 (written as bytes, read as the browser's TextDecoder would: U+FFFD).
cases.append(dict(file=f"{len(cases) + 1:03d}-invalid-utf8.txt", bytes=base_text.replace("Morsø", "Mors\udcff").encode("utf-8", "surrogateescape"), expect=[], keep=keep(), texts=["Mors\ufffd"], only=True))
text_case("utf16-text", None, [E("json-syntax", "")], keep=EMPTY, only=True)
cases[-1]["bytes"] = ("\ufeff" + '{"format":"sundhedsklynger/1"}').encode("utf-16-le")

# --- Not a data set ------------------------------------------------------------------
json_case("array-at-top", [1, 2], [E("json-not-object", "")], keep=EMPTY, only=True)
json_case("string-at-top", "\"sundhedsklynger/1\"", [E("json-not-object", "")], keep=EMPTY, only=True)
json_case("null-at-top", "null", [E("json-not-object", "")], keep=EMPTY, only=True)
json_case("wrong-format", mutate(lambda d: d.update(format="sundhedsklynger/3")), [E("format-unsupported", "/format")], keep=keep())
json_case("format-is-number", mutate(lambda d: d.update(format=1)), [E("format-unsupported", "/format")], keep=keep())
json_case("missing-format", mutate(lambda d: d.pop("format")), [E("json-missing-field", "")], keep=keep())
json_case("missing-regions", mutate(lambda d: d.pop("regions")), [E("json-missing-field", "")], keep=keep(regions=1), also=["unknown-reference"])

# --- Wrong types -----------------------------------------------------------------------
json_case("regions-is-object", mutate(lambda d: d.update(regions={"RN": {}})), [E("json-type", "/regions")], keep=keep(regions=1), also=["unknown-reference"])
json_case("regions-is-null", mutate(lambda d: d.update(regions=None)), [E("json-type", "/regions")], keep=keep(regions=1), also=["unknown-reference"])
json_case("municipality-code-number", mutate(lambda d: d["municipalities"][0].update(code=773)), [E("json-type", "/municipalities/0/code")], keep=keep(municipalities=1), also=["unknown-reference"])
json_case("region-name-array", mutate(lambda d: d["regions"][0].update(name=["Region", "Nordjylland"])), [E("json-type", "/regions/0/name")], keep=keep(regions=1), also=["unknown-reference"])
json_case("cluster-is-array", mutate(lambda d: d["clusters"].append(["RN-SYD", "RN"])), [E("json-type", "/clusters/1")], keep=keep())
json_case("members-is-string", mutate(lambda d: d["clusters"][0].update(members="773,787")), [E("json-type", "/clusters/0/members")], keep=keep(clusters=1))
json_case("status-unknown-value", mutate(lambda d: d["clusters"][0].update(status="maybe")), [E("json-type", "/clusters/0/status")], keep=keep(clusters=1))
json_case("as-of-number", mutate(lambda d: d.update(as_of=20240101)), [E("json-type", "/as_of")], keep=keep())
# A plain string where a { "da", "en" } text belongs is the Danish text, used for English too.
json_case("title-is-string", mutate(lambda d: d.update(title="Titel")), [], keep=keep(), texts=["Titel"], only_errors=True)
json_case("seat-role-unknown", mutate(lambda d: d["seats"][1].update(role="king")), [E("json-type", "/seats/1/role")], keep=keep(seats=1), also=["composition-too-few"])
json_case("unknown-top-level-field", mutate(lambda d: d.update(extra=1)), [E("json-unknown-field", "/extra")], keep=keep())
json_case("unknown-nested-field", mutate(lambda d: d["regions"][0].update(colour="red")), [E("json-unknown-field", "/regions/0/colour")], keep=keep())
json_case("missing-cluster-name", mutate(lambda d: d["clusters"][0].pop("name")), [E("json-missing-field", "/clusters/0")], keep=keep(clusters=1))
json_case("values-numerator-strings", mutate(lambda d: d["values"][0].update(numerator=["12"])), [E("json-type", "/values/0/numerator/0")], keep=keep(values=1))

# --- Numbers -----------------------------------------------------------------------------
def pop(v):
    return lambda d: d["municipalities"][0].update(population={"value": v, "date": "2024-01-01", "source": "https://www.dst.dk/"})
json_case("population-huge-float", mutate(pop(1e30)), [E("json-type", "/municipalities/0/population/value")], keep=keep(municipalities=1))
json_case("population-above-u32", mutate(pop(4294967296)), [E("json-type", "/municipalities/0/population/value")], keep=keep(municipalities=1))
json_case("population-fractional", mutate(pop(20000.5)), [E("json-type", "/municipalities/0/population/value")], keep=keep(municipalities=1))
json_case("population-negative", mutate(pop(-1)), [E("json-type", "/municipalities/0/population/value")], keep=keep(municipalities=1))
json_case("share-above-one", mutate(lambda d: d["clusters"][0]["members"][0].update(share=2.5)), [E("json-type", "/clusters/0/members/0/share")], keep=keep(clusters=1))
json_case("share-negative", mutate(lambda d: d["clusters"][0]["members"][0].update(share=-0.1)), [E("json-type", "/clusters/0/members/0/share")], keep=keep(clusters=1))
json_case("events-huge", mutate(lambda d: d["values"][0].update(numerator=[1e300])), [E("events-above-population", "/values/0/numerator/0", "warning")], keep=keep())
json_case("events-negative", mutate(lambda d: d["values"][0].update(numerator=[-3])), [E("invalid-count", "/values/0/numerator/0")], keep=keep())
json_case("events-fractional", mutate(lambda d: d["values"][0].update(numerator=[2.5])), [E("invalid-count", "/values/0/numerator/0")], keep=keep())
# The corpus indicator is a rate of repeatable events: more events than people is a warning
# (for a proportion it is an error; tests/keyfigures.rs covers both).
json_case("events-above-population", mutate(lambda d: d["values"][1].update(numerator=[801])), [E("events-above-population", "/values/1/numerator/0", "warning")], keep=keep())
json_case("population-count-negative", mutate(lambda d: d["values"][0].update(denominator=[-900])), [E("invalid-count", "/values/0/denominator/0"), E("events-above-population", "/values/0/numerator/0", "warning")], keep=keep())
json_case("zero-denominator", mutate(lambda d: d["values"][0].update(numerator=[0], denominator=[0])), [E("zero-denominator", "/values/0/denominator/0", "warning")], keep=keep())
json_case("zero-multiplier", mutate(lambda d: d["indicators"][0].update(multiplier=0)), [E("invalid-count", "/indicators/0/multiplier")], keep=keep())
json_case("too-many-counts", mutate(lambda d: d["values"][0].update(numerator=[1, 2])), [E("missing-age-bands", "/values/0/numerator")], keep=keep())
json_case("standard-population-negative-weight", mutate(lambda d: d.update(standard_populations=[{"id": "mine", "name": {"da": "Min", "en": "Mine"}, "bands": [["0+", -1]]}])), [E("invalid-count", "/standard_populations/0/bands/0/1")], keep=keep())

# --- Indicators ----------------------------------------------------------------------------
json_case("invalid-age-band", mutate(lambda d: d["indicators"][0].update(age_bands=["old"])), [E("invalid-age-band", "/indicators/0/age_bands/0")], keep=keep())
json_case("overlapping-age-bands", mutate(lambda d: (d["indicators"][0].update(age_bands=["0-49", "40+"]), [v.update(numerator=[1, 1], denominator=[10, 10]) for v in d["values"]])), [E("overlapping-age-bands", "/indicators/0/age_bands/1")], keep=keep())
json_case("no-age-bands", mutate(lambda d: d["indicators"][0].update(age_bands=[])), [E("missing-age-bands", "/indicators/0/age_bands")], keep=keep())
json_case("duplicate-value-row", mutate(lambda d: d["values"].append(copy.deepcopy(d["values"][0]))), [E("duplicate-value", "/values/2")], keep=keep(values=-1))
json_case("value-unknown-indicator", mutate(lambda d: d["values"][0].update(indicator="nope")), [E("unknown-reference", "/values/0/indicator")], keep=keep())
json_case("unknown-standard-population", mutate(lambda d: d["indicators"][0].update(standardisation="direct", standard_population="nope")), [E("unknown-reference", "/indicators/0/standard_population")], keep=keep())
json_case("synthetic-indicator", mutate(lambda d: d["indicators"][0].update(synthetic=True)), [E("synthetic-data", "/indicators/0", "info")], keep=keep())

# --- Identity, references, cycles ----------------------------------------------------------
json_case("duplicate-region-id", mutate(lambda d: d["regions"].append({"id": "RN", "name": "Region Nordjylland igen"})), [E("duplicate-id", "/regions/1/id")], keep=keep(regions=-1))
json_case("cluster-id-equals-region-id", mutate(lambda d: d["clusters"][0].update(id="RN")), [E("duplicate-id", "/clusters/0/id")], keep=keep(), also=["unknown-reference", "composition-too-few"])
json_case("duplicate-municipality-code", mutate(lambda d: d["municipalities"].append({"code": "773", "name": "Morsø igen", "region": "RN"})), [E("duplicate-id", "/municipalities/2/code")], keep=keep(municipalities=-1))
json_case("duplicate-seat-id", mutate(lambda d: d["seats"][1].update(id="s1")), [E("duplicate-id", "/seats/1/id")], keep=keep())
json_case("dangling-municipality-region", mutate(lambda d: d["municipalities"][0].update(region="RX")), [E("unknown-reference", "/municipalities/0/region")], keep=keep(), also=["municipality-other-region"])
json_case("dangling-member", mutate(lambda d: d["clusters"][0]["members"].append({"municipality": "999"})), [E("unknown-reference", "/clusters/0/members/2/municipality")], keep=keep(), also=["composition-too-few"])
json_case("dangling-seat-person", mutate(lambda d: d["seats"][1].update(person="p-nobody")), [E("unknown-reference", "/seats/1/person")], keep=keep())
json_case("dangling-seat-body", mutate(lambda d: d["seats"][1].update(body="RX/ssu")), [E("unknown-reference", "/seats/1/body")], keep=keep(), also=["composition-too-few"])
json_case("seat-body-malformed", mutate(lambda d: d["seats"][1].update(body="RN")), [E("invalid-seat", "/seats/1/body")], keep=keep(), also=["composition-too-few"])
json_case("cluster-own-region-cycle", mutate(lambda d: d["clusters"][0].update(region="RN-VEST")), [E("unknown-reference", "/clusters/0/region")], keep=keep(), also=["invalid-seat", "incompatible-seats"])
def two_cycle(d):
    d["clusters"].append(dict(copy.deepcopy(d["clusters"][0]), id="RN-OEST", region="RN-VEST", members=[]))
    d["clusters"][0]["region"] = "RN-OEST"
json_case("clusters-region-cycle", mutate(two_cycle), [E("unknown-reference", "/clusters/0/region"), E("unknown-reference", "/clusters/1/region")], keep=keep(clusters=-1), also=["invalid-seat", "incompatible-seats"])
json_case("seat-body-is-seat-cycle", mutate(lambda d: d["seats"][1].update(body="s2/political")), [E("unknown-reference", "/seats/1/body")], keep=keep(), also=["composition-too-few"])
json_case("duplicate-member", mutate(lambda d: d["clusters"][0]["members"].append({"municipality": "773"})), [E("duplicate-member", "/clusters/0/members/2/municipality")], keep=keep())
json_case("member-other-region", mutate(lambda d: (d["regions"].append({"id": "RM", "name": "Region Midtjylland"}), d["municipalities"][1].update(region="RM"))), [E("municipality-other-region", "/clusters/0/members/1/municipality")], keep=keep(regions=-1))
json_case("invalid-municipality-code", mutate(lambda d: (d["municipalities"][0].update(code="7730"), d["clusters"][0]["members"][0].update(municipality="7730"))), [E("invalid-municipality-code", "/municipalities/0/code")], keep=keep(), also=["unknown-reference", "composition-too-few"])
json_case("invalid-region-code", mutate(lambda d: d["regions"][0].update(code="81")), [E("invalid-region-code", "/regions/0/code")], keep=keep())
json_case("invalid-date", mutate(lambda d: d.update(as_of="2024-13-45")), [E("invalid-date", "/as_of")], keep=keep())
json_case("empty-name", mutate(lambda d: d["regions"][0].update(name="   ")), [E("empty-name", "/regions/0/name")], keep=keep())
json_case("unknown-profile", mutate(lambda d: d.update(profile="nope")), [E("unknown-profile", "/profile")], keep=keep())
PROFILE = {"id": "mine", "name": {"da": "Min", "en": "Mine"}, "description": {"da": "Min", "en": "Mine"}, "sources": [],
           "ssu": [{"group": "regional-council", "min": 3, "max": 1}], "political": [], "professional": []}
json_case("invalid-profile", mutate(lambda d: d.update(profiles=[PROFILE], profile="mine")), [E("invalid-profile", "/profiles/0/ssu/0/max")], keep=keep(profiles=-1))
json_case("profile-overrides-builtin", mutate(lambda d: d.update(profiles=[dict(PROFILE, id="aftale-2021", ssu=[])])), [E("profile-overrides-builtin", "/profiles/0/id", "info")], keep=keep(profiles=-1))
json_case("javascript-source-url", mutate(lambda d: d["clusters"][0].update(sources=["javascript:alert(1)"])), [E("invalid-source-url", "/clusters/0/sources/0", "warning")], keep=keep())

# --- Placement, seats, status ----------------------------------------------------------------
json_case("municipality-unplaced", mutate(lambda d: d["municipalities"].append({"code": "810", "name": "Brønderslev", "region": "RN"})), [E("municipality-unplaced", "/municipalities/2", "warning")], keep=keep(municipalities=-1))
def split(shares):
    def f(d):
        d["clusters"].append(dict(copy.deepcopy(d["clusters"][0]), id="RN-OEST", name="Klynge ØST", members=[{"municipality": "787", "share": shares[1]}]))
        d["clusters"][0]["members"][1]["share"] = shares[0]
    return f
json_case("split-share-unknown", mutate(split(["unknown", 0.5])), [E("split-share-unknown", "/municipalities/1", "warning")], keep=keep(clusters=-1), also=["composition-too-few"])
json_case("split-shares-sum", mutate(split([0.5, 0.6])), [E("split-shares-sum", "/municipalities/1")], keep=keep(clusters=-1), also=["composition-too-few"])
json_case("share-without-split", mutate(lambda d: d["clusters"][0]["members"][0].update(share=0.5)), [E("share-without-split", "/clusters/0/members/0/share", "warning")], keep=keep())
json_case("cluster-without-members", mutate(lambda d: d["clusters"].append(dict(copy.deepcopy(d["clusters"][0]), id="RN-OEST", members=[]))), [E("cluster-without-members", "/clusters/1/members", "warning")], keep=keep(clusters=-1), also=["composition-too-few"])
json_case("region-without-clusters", mutate(lambda d: d["regions"].append({"id": "RM", "name": "Region Midtjylland"})), [E("region-without-clusters", "/regions/1", "warning")], keep=keep(regions=-1))
json_case("municipal-seat-without-municipality", mutate(lambda d: d["seats"][7].pop("municipality")), [E("invalid-seat", "/seats/7")], keep=keep(), also=["composition-too-few"])
json_case("composition-too-few", mutate(lambda d: d["seats"].pop(1) and d["seats"].pop(1)), [E("composition-too-few", "/regions/0")], keep=keep(seats=2))
json_case("composition-too-many", mutate(lambda d: (d.update(profile="aftale-2021"), d["seats"].append({"id": "s11", "body": "RN/ssu", "role": "regional-council-member"}))), [E("composition-too-many", "/seats/10", "warning")], keep=keep(seats=-1))
json_case("incompatible-seats", mutate(lambda d: d["seats"][7].update(person="p-mayor")), [E("incompatible-seats", "/seats/7/person")], keep=keep())
json_case("person-twice-in-body", mutate(lambda d: d["seats"][2].update(person="p-chair")), [E("person-twice-in-body", "/seats/2/person", "warning")], keep=keep())
json_case("unverified-cluster", mutate(lambda d: d["clusters"][0].update(status="unverified")), [E("unverified-cluster", "/clusters/0", "info")], keep=keep())
json_case("partial-cluster", mutate(lambda d: d["clusters"][0].update(status="partial")), [E("partial-cluster", "/clusters/0", "info")], keep=keep())
json_case("unverified-name", mutate(lambda d: d["clusters"][0].update(name_status="unverified")), [E("unverified-name", "/clusters/0/name", "info")], keep=keep())
json_case("unverified-membership", mutate(lambda d: d["clusters"][0]["members"][0].update(status="unverified")), [E("unverified-membership", "/clusters/0/members/0", "info")], keep=keep())
json_case("unverified-seat", mutate(lambda d: d["seats"][1].update(status="unverified")), [E("unverified-seat", "/seats/1", "info")], keep=keep())

# --- Text that must stay text: markup, scripts, direction, invisible characters --------------
PAYLOADS = {
    "html-img": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
    "attribute-break": "\"><svg onload=alert(1)>",
    "rtl-override": "Region \u202eadnalyjdroN\u202c",
    "zero-width": "Mor\u200bs\u200c\u200d\u2060ø\ufeff",
    "emoji": "Klynge 🏥👩‍⚕️🇩🇰",
    "nul-and-controls": "Tis\u0000ted\u0007",
    "combining-marks": "Z\u0336\u0301a\u0337lgo",
}
for key, p in PAYLOADS.items():
    def f(d, p=p):
        d["regions"][0]["name"] = p
        d["municipalities"][0]["name"] = p
        d["clusters"][0]["name"] = p
        d["clusters"][0]["acute_hospitals"] = [p]
        d["persons"][0]["name"] = p
        d["persons"][0]["party"] = p
        d["seats"][1]["title"] = {"da": p, "en": p}
        d["indicators"][0]["name"] = {"da": p, "en": p}
    json_case(f"text-{key}", mutate(f), [], keep=keep(), texts=[p], only_errors=True)
def ids(d):
    p = "<b onclick=x>RN</b>"
    d["regions"][0]["id"] = p
    for m in d["municipalities"]: m["region"] = p
    d["clusters"][0]["region"] = p
    for s in d["seats"]:
        s["body"] = s["body"].replace("RN/", p + "/")
json_case("text-payload-ids", mutate(ids), [], keep=keep(), texts=["<b onclick=x>RN</b>"], only_errors=True)

# --- Large inputs, made by the test (tests/corpus.rs names each generator) ----------------------
gen_case("ten-megabyte-name", "ten-megabyte-name", [E("cluster-without-members", "/clusters/1/members", "warning")], keep=keep(clusters=-1), also=["composition-too-few"], long=True)
gen_case("ten-megabyte-unknown-key", "ten-megabyte-unknown-key", [E("json-unknown-field", "/<10 MB key>")], keep=keep(), long=True)
gen_case("ten-megabyte-source-url", "ten-megabyte-source-url", [E("invalid-source-url", "/clusters/0/sources/0", "warning")], keep=keep(), long=True)
gen_case("million-municipalities", "million-municipalities", [E("input-too-large", "")], keep=EMPTY, only=True, long=True)
gen_case("million-empty-municipalities", "million-empty-municipalities", [E("too-many-elements", "/municipalities/1000"), E("json-missing-field", "/municipalities/2")], keep=dict(keep(), municipalities=2), long=True)
gen_case("municipalities-over-limit", "municipalities-over-limit", [E("too-many-elements", "/municipalities/1000")], keep=dict(keep(), municipalities=1000))
gen_case("clusters-over-limit", "clusters-over-limit", [E("too-many-elements", "/clusters/200")], keep=dict(keep(), clusters=200), also=["composition-too-few"])
gen_case("seats-over-limit", "seats-over-limit", [E("too-many-elements", "/seats/200000")], keep=dict(keep(), seats=200000), long=True)
gen_case("hundred-thousand-seats", "hundred-thousand-seats", [], keep=dict(keep(), seats=FULL["seats"] + 100000), only_errors=True, long=True)
gen_case("deep-array-nesting", "deep-array-nesting", SYNTAX, keep=EMPTY, only=True)
gen_case("deep-object-nesting-in-title", "deep-object-nesting-in-title", SYNTAX, keep=EMPTY, only=True)
gen_case("nesting-at-limit", "nesting-at-limit", [E("json-type", "/title")], keep=keep())
gen_case("million-counts", "million-counts", [E("missing-age-bands", "/values/0/numerator")], keep=keep(), long=True)
gen_case("input-just-over-limit", "input-just-over-limit", [E("input-too-large", "")], keep=EMPTY, only=True)

# --- Found by the fuzzer, and what the fast reading's byte scan must not let through ---------
text_case("raw-control-character-in-top-level-key", base_text.replace('"regions"', '"\nregions"', 1), SYNTAX, keep=EMPTY, only=True)
text_case("bad-literal-in-element", base_text.replace('"party": "A"', '"party": tru', 1), SYNTAX, keep=EMPTY, only=True)
text_case("broken-array-under-a-repeated-key", base_text.replace('"persons": [', '"persons": [tru],\n "persons": [', 1), SYNTAX, keep=EMPTY, only=True)
text_case("escaped-top-level-key", base_text.replace('"regions"', '"\\u0072egions"', 1), [], keep=keep(), only_errors=True)

# --- A text as a plain string, and the object form still strict ---------------------------------
json_case("seat-title-is-string", mutate(lambda d: d["seats"][1].update(title="Direktør")), [], keep=keep(), texts=["Direktør"], only_errors=True)
json_case("title-without-english", mutate(lambda d: d.update(title={"da": "Titel"})), [E("json-missing-field", "/title")], keep=keep())
json_case("seat-title-unknown-key", mutate(lambda d: d["seats"][1].update(title={"da": "Direktør", "en": "Director", "de": "Direktor"})), [E("json-unknown-field", "/seats/1/title/de")], keep=keep())

# --- Format /2: periods, areas of a kind, rules by population and relations ---------------------
# A small /2 document under the sundhedsråd profile: one region, one council with Aalborg
# (≥ 80,000 inhabitants on the profile's population date: 2 municipal seats) and Morsø
# (1 seat), 4 regional council members (municipal + 1), a regional chair and vice-chair.
POP = "https://www.statistikbanken.dk/FOLK1A"
BASE2 = {
    "format": "sundhedsklynger/2",
    "id": "mini-2027",
    "as_of": "2026-12-01",
    "valid_from": "2027-01-01",
    "preparatory_from": "2026-01-01",
    "sources": ["https://www.ft.dk/samling/20241/lovforslag/l214/20241_l214_som_fremsat.htm"],
    "profile": "regionsloven-2025",
    "regions": [{"id": "RN", "name": "Region Nordjylland", "code": "1081"}],
    "municipalities": [
        {"code": "851", "name": "Aalborg", "region": "RN", "population": {"value": 225000, "date": "2026-01-01", "source": POP}},
        {"code": "773", "name": "Morsø", "region": "RN", "population": {"value": 19500, "date": "2026-01-01", "source": POP}},
    ],
    "areas": [{
        "id": "RN-A", "kind": "council", "region": "RN", "name": "Sundhedsråd A",
        "acute_hospitals": ["Aalborg"], "status": "confirmed", "valid_from": "2027-01-01",
        "sources": ["https://rn.dk/"],
        "members": [{"municipality": "851"}, {"municipality": "773"}],
    }],
    "persons": [
        {"id": "p-chair", "name": "Anne Eksempel", "party": "A"},
        {"id": "p-vice", "name": "Bo Eksempel", "party": "V"},
        {"id": "p-sub", "name": "Carl Eksempel", "party": "C"},
    ],
    "seats": [
        {"id": "c1", "body": "RN-A/council", "role": "regional-council-member", "office": "chair", "person": "p-chair"},
        {"id": "c2", "body": "RN-A/council", "role": "regional-council-member", "office": "vice-chair", "person": "p-vice"},
        {"id": "c3", "body": "RN-A/council", "role": "regional-council-member", "substitute": "p-sub"},
        {"id": "c4", "body": "RN-A/council", "role": "regional-council-member"},
        {"id": "c5", "body": "RN-A/council", "role": "municipal-representative", "municipality": "851"},
        {"id": "c6", "body": "RN-A/council", "role": "municipal-representative", "municipality": "851"},
        {"id": "c7", "body": "RN-A/council", "role": "municipal-representative", "municipality": "773", "valid_from": "2027-01-01", "valid_to": "2029-12-31"},
    ],
}
FULL2 = {k: len(v) for k, v in BASE2.items() if isinstance(v, list) and k != "sources"}

def keep2(**less):
    k = dict(FULL2)
    for a, n in less.items():
        k[a] = FULL2.get(a, 0) - n
    return k

def mutate2(f):
    d = copy.deepcopy(BASE2); f(d); return d

def own_profile(change):
    """The document brings a copy of the sundhedsråd profile (id "mine", not the one in
    force) whose council rules `change` breaks: the profile checks run on every profile."""
    with open(os.path.join(HERE, "..", "..", "www", "data", "profiles", "regionsloven-2025.json"), encoding="utf-8") as fh:
        prof = json.load(fh)
    prof["id"] = "mine"
    change(prof["bodies"][0]["rules"])
    return lambda d: d.update(profiles=[prof])

def steps(*s):
    return lambda rules: rules[0].update(by_population=[dict(seats=n, **({"below": b} if b is not None else {})) for b, n in s])

json_case("v2-base", BASE2, [], keep=keep2(), only=True)
json_case("v2-dataset-period-reversed", mutate2(lambda d: d.update(valid_to="2026-12-31")), [E("invalid-period", "/valid_to")], keep=keep2())
json_case("v2-area-period-reversed", mutate2(lambda d: d["areas"][0].update(valid_to="2026-06-30")), [E("invalid-period", "/areas/0/valid_to")], keep=keep2())
json_case("v2-membership-period-reversed", mutate2(lambda d: d["areas"][0]["members"][1].update(valid_from="2028-01-01", valid_to="2027-12-31")), [E("invalid-period", "/areas/0/members/1/valid_to")], keep=keep2())
json_case("v2-seat-period-reversed", mutate2(lambda d: d["seats"][6].update(valid_from="2029-12-31", valid_to="2027-01-01")), [E("invalid-period", "/seats/6/valid_to")], keep=keep2())
json_case("v2-preparatory-after-valid-from", mutate2(lambda d: d.update(preparatory_from="2027-02-01")), [E("invalid-period", "/preparatory_from")], keep=keep2())
json_case("v2-population-steps-not-rising", mutate2(own_profile(steps((300000, 1), (80000, 2), (None, 3)))), [E("invalid-profile", "/profiles/0/bodies/0/rules/0/by_population/1/below")], keep=keep2(profiles=-1))
json_case("v2-population-open-step-not-last", mutate2(own_profile(steps((None, 1), (300000, 2), (None, 3)))), [E("invalid-profile", "/profiles/0/bodies/0/rules/0/by_population/0")], keep=keep2(profiles=-1))
json_case("v2-population-last-step-bounded", mutate2(own_profile(steps((80000, 1), (300000, 2)))), [E("invalid-profile", "/profiles/0/bodies/0/rules/0/by_population/1")], keep=keep2(profiles=-1))
json_case("v2-relation-group-without-rule", mutate2(own_profile(lambda rules: rules[1]["equals"].update(group="general-practice"))), [E("invalid-profile", "/profiles/0/bodies/0/rules/1/equals/group")], keep=keep2(profiles=-1))
def area_again(valid_from, valid_to):
    def f(d):
        d["areas"][0]["valid_to"] = "2027-12-31"
        d["areas"].append(dict(copy.deepcopy(d["areas"][0]), valid_from=valid_from, **({"valid_to": valid_to} if valid_to else {})))
        if not valid_to:
            d["areas"][1].pop("valid_to")
    return f
json_case("v2-area-periods-overlap", mutate2(area_again("2027-06-01", None)), [E("overlapping-periods", "/areas/1/id")], keep=keep2(areas=-1))
json_case("v2-area-periods-apart", mutate2(area_again("2028-01-01", None)), [], keep=keep2(areas=-1), only=True)
json_case("v2-area-kind-unknown", mutate2(lambda d: d["areas"][0].update(kind="cluster")), [E("unknown-reference", "/areas/0/kind")], keep=keep2())
json_case("v2-seat-substitute-unknown", mutate2(lambda d: d["seats"][2].update(substitute="p-nobody")), [E("unknown-reference", "/seats/2/substitute")], keep=keep2())
json_case("v2-too-few-seats-by-population", mutate2(lambda d: d["seats"].pop(5)), [E("composition-too-few", "/areas/0/members/0"), E("composition-relation", "/areas/0")], keep=keep2(seats=1))
json_case("v2-relation-broken", mutate2(lambda d: d["seats"].pop(3)), [E("composition-relation", "/areas/0")], keep=keep2(seats=1))
json_case("v2-chair-not-regional", mutate2(lambda d: (d["seats"][0].pop("office"), d["seats"][4].update(office="chair"))), [E("chair-group", "/seats/4/office", "warning")], keep=keep2())
json_case("v2-population-other-date", mutate2(lambda d: d["municipalities"][1]["population"].update(date="2025-01-01")), [E("population-missing", "/areas/0/members/1", "warning")], keep=keep2())
json_case("v2-unknown-top-level-field", mutate2(lambda d: d.update(extra=1)), [E("json-unknown-field", "/extra")], keep=keep2())
json_case("v2-clusters-key", mutate2(lambda d: d.update(clusters=[])), [E("json-unknown-field", "/clusters")], keep=keep2())
json_case("v1-areas-key", mutate(lambda d: d.update(areas=[])), [E("json-unknown-field", "/areas")], keep=keep())
json_case("v2-seat-cluster-key", mutate2(lambda d: d["seats"][4].update(cluster="RN-A")), [E("json-unknown-field", "/seats/4/cluster")], keep=keep2())

def three_listings(d):
    area_again("2028-01-01", None)(d)
    d["areas"].append(dict(copy.deepcopy(d["areas"][1]), valid_from="2028-06-01"))
# The third listing overlaps the second (not the first): found against every earlier listing.
json_case("v2-area-listed-three-times", mutate2(three_listings), [E("overlapping-periods", "/areas/2/id")], keep=keep2(areas=-2))
def council_in_a_cluster(d):
    with open(os.path.join(HERE, "..", "..", "www", "data", "profiles", "regionsloven-2025.json"), encoding="utf-8") as fh:
        prof = json.load(fh)
    prof["id"] = "mine"
    prof["areas"].append({"id": "cluster", "name": {"da": "Klynge", "en": "Cluster"}})
    d.update(profiles=[prof], profile="mine")
    d["areas"][0]["kind"] = "cluster"
# Seats of a kind of body the area's kind does not have (they would not be shown).
json_case("v2-body-not-of-the-area-kind", mutate2(council_in_a_cluster), [E("invalid-seat", f"/seats/{i}/body") for i in range(7)], keep=keep2(profiles=-1))
json_case("v2-secondary-sources", mutate2(lambda d: (d.update(status="secondary"), d["areas"][0].update(status="secondary"))), [E("secondary-source", "/status", "info"), E("secondary-source", "/areas/0", "info")], keep=keep2())

# --- Write ------------------------------------------------------------------------------------
for old in glob.glob(os.path.join(HERE, "[0-9][0-9][0-9]-*")):
    os.remove(old)
manifest = []
for c in cases:
    entry = {k: v for k, v in c.items() if k not in ("text", "bytes")}
    if "file" in c:
        data = c["bytes"] if "bytes" in c else c["text"].encode("utf-8")
        with open(os.path.join(HERE, c["file"]), "wb") as fh:
            fh.write(data)
    manifest.append(entry)
with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as fh:
    fh.write("[\n" + ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in manifest) + "\n]\n")
print(len(cases), "cases,", sum("file" in c for c in cases), "files")
