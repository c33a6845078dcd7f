#!/usr/bin/env python3
"""Deterministic corpus generator for stmt benchmarks.

usage: generate.py N OUT_DIR [--seed S] [--yaml]

Writes, for N statements (20 per document):
  model.jsonl        the stmt model (JSON Lines: one record per line, documents carry their text)
  model.yaml         the same model as YAML (with --yaml; for the YAML-path figures)
  sqlite/*.csv       the same data as tables for sqlite3's .import
  corpus.json        the same data as one JSON document for jq
  queries.txt        the names and values the benchmark's queries use
"""
import csv
import json
import os
import random
import sys

FORCES = [("assert", "said", "01"), ("report", "reported", "01"), ("find", "found", "01"), ("note", "noted", "01"),
          ("emphasize", "stressed", "01"), ("link", "linked", "01"), ("deny", "denied", "01"),
          ("call", "called on", "02"), ("urge", "urged", "02"), ("demand", "demanded", "10"),
          ("recommend", "recommended", "02"), ("advocate", "advocated", "02"), ("request", "asked", "02"),
          ("commit", "committed", "05"), ("pledge", "pledged", "05"), ("commemorate", "marked", "01"),
          ("condemn", "condemned", "11"), ("welcome", "welcomed", "05"), ("reinforce", "backed", "05"),
          ("declare", "declared", "01")]
WEIGHTS = [14, 10, 4, 8, 8, 3, 3, 9, 9, 5, 4, 3, 3, 3, 2, 1, 5, 3, 2, 1]
TOPICS = ["human rights", "sanctions", "nuclear program", "missile tests", "trade", "refugees", "detainees",
          "abductees", "forced labor", "food security", "cyber attacks", "maritime security", "fisheries",
          "harbour access", "energy", "climate", "elections", "press freedom", "religious freedom", "health",
          "vaccines", "migration", "border security", "arms control", "peace talks", "reunification",
          "economic aid", "debt", "investment", "tourism", "students", "visas", "telecoms", "satellites",
          "drills", "ceasefire", "hostages", "reparations", "war crimes", "tribunals", "accountability",
          "information access", "internet", "broadcasting", "labor rights", "child welfare", "prisons",
          "judiciary", "corruption", "smuggling", "shipping", "ports", "pipelines", "grain", "fertilizer",
          "floods", "earthquakes", "repatriation", "archives", "monuments"]
SYLLABLES = ["ka", "lo", "mi", "ra", "sen", "tor", "vel", "an", "dor", "ul", "esh", "kin", "mar", "pol", "zan",
             "bri", "cor", "fen", "gal", "hal", "jor", "lin", "nor", "osk", "pra", "qui", "sol", "tav", "vin", "wes"]
VERBS = ["halt", "review", "expand", "suspend", "resume", "investigate", "fund", "support", "limit", "restore"]
OBJECTS = ["its program", "the agreement", "cooperation", "the talks", "inspections", "aid deliveries",
           "the negotiations", "its obligations", "the commission", "the envoy's visit"]


def name(rng, parts=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    want_yaml = "--yaml" in sys.argv
    rng = random.Random(seed)
    os.makedirs(out + "/sqlite", exist_ok=True)

    # Entities: a few hundred, with aliases.
    kinds = ["state"] * 120 + ["organization"] * 80 + ["person"] * 60 + ["office"] * 20 + ["media"] * 15 + ["group"] * 5
    entities = []
    used = set()
    for i, kind in enumerate(kinds):
        while True:
            nm = name(rng, 2 if kind != "person" else 3)
            if kind == "person":
                nm = nm[:4] + " " + nm[4:].capitalize()
            if nm.lower() not in used:
                used.add(nm.lower())
                break
        aliases = []
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            a = nm[:3].upper() + str(i) if rng.random() < 0.5 else "the " + nm + " " + rng.choice(["government", "side", "delegation"])
            if a.lower() not in used:
                used.add(a.lower())
                aliases.append(a)
        e = {"id": f"e{i}", "kind": kind, "name": nm, "aliases": aliases}
        if kind == "state":
            e["codes"] = {"iso3166": nm[:3].upper()}
        entities.append(e)
    groups = [e for e in entities if e["kind"] == "group"]
    for g in groups:
        g["members"] = [f"e{rng.randrange(0, 120)}" for _ in range(3)]
    speakers_pool = [e["id"] for e in entities if e["kind"] != "media"]
    media = [e["id"] for e in entities if e["kind"] == "media"]
    by_id = {e["id"]: e for e in entities}

    docs, statements, relations = [], [], []
    ndocs = max(1, (n + 19) // 20)
    sid = 0
    for d in range(ndocs):
        year = 2010 + rng.randrange(15)
        month = rng.randrange(1, 13)
        day = rng.randrange(1, 29)
        doc_id = f"d{d}"
        sentences = []
        seen = set()
        for k in range(20):
            if sid >= n:
                break
            force, cue, root = rng.choices(FORCES, WEIGHTS)[0]
            speakers = [rng.choice(speakers_pool)]
            if rng.random() < 0.2:
                speakers.append(rng.choice(speakers_pool))
            targets = [rng.choice(speakers_pool)]
            if rng.random() < 0.3:
                targets.append(rng.choice(speakers_pool))
            topics = rng.sample(TOPICS, rng.choice([1, 1, 2, 3]))
            while True:
                verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
                sent = (f"{' and '.join(by_id[s]['name'] for s in speakers)} {cue} {by_id[targets[0]]['name']} "
                        f"to {verb} {obj} on {topics[0]}, {rng.choice(['officials said', 'according to a statement', 'in a briefing', 'on Tuesday', 'late on Friday', 'in a joint release'])} "
                        f"({rng.randrange(1000, 9999)}).")
                if sent not in seen:
                    seen.add(sent)
                    break
            sentences.append(sent)
            dd = min(28, day + rng.randrange(0, 3))
            st = {"id": f"s{sid}", "speakers": speakers, "targets": targets,
                  "act": {"cue": cue, "force": force, "cameo": root + str(rng.randrange(0, 10))},
                  "content": f"{by_id[targets[0]]['name']} should {verb} {obj} ({topics[0]}).",
                  "date": f"{year:04d}-{month:02d}-{dd:02d}", "topics": topics, "anchors": [sent], "source": doc_id,
                  "reported": {"by": rng.choice(media), "mode": rng.choice(["direct", "indirect", "paraphrase"])}}
            if rng.random() < 0.4:
                st["addressees"] = [targets[0]]
            statements.append(st)
            if k > 0 and rng.random() < 0.05:
                relations.append({"type": rng.choice(["elaborates", "reinforces", "restates"]), "from": f"s{sid}", "to": f"s{sid - 1}"})
            sid += 1
        docs.append({"id": doc_id, "kind": "news-report", "title": f"Report {d}", "date": f"{year:04d}-{month:02d}-{day:02d}",
                     "publisher": rng.choice(media), "text": "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))})

    with open(out + "/model.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"record": "model", "format": 1, "model": f"corpus{n}", "title": f"generated corpus of {n} statements"}) + "\n")
        for rec, t in [(entities, "entity"), (docs, "document"), (statements, "statement"), (relations, "relation")]:
            for r in rec:
                f.write(json.dumps(dict(record=t, **r), separators=(",", ":")) + "\n")
    if want_yaml:
        with open(out + "/model.yaml", "w", encoding="utf-8") as f:
            f.write(f"format: 1\nmodel: corpus{n}\n")
            for key, rec in [("documents", docs), ("entities", entities), ("statements", statements), ("relations", relations)]:
                f.write(f"{key}:\n")
                for r in rec:
                    f.write("  - " + json.dumps(r, separators=(", ", ": ")) + "\n")

    def table(fname, header, rows):
        with open(out + "/sqlite/" + fname, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)

    table("entities.csv", ["id", "kind", "name"], [(e["id"], e["kind"], e["name"]) for e in entities])
    table("names.csv", ["entity", "name"], [(e["id"], x) for e in entities for x in [e["id"], e["name"]] + e["aliases"]])
    table("documents.csv", ["id", "title", "date", "body"], [(d["id"], d["title"], d["date"], d["text"]) for d in docs])
    table("statements.csv", ["id", "doc", "force", "cue", "cameo", "content", "date", "quote", "reported_by", "mode"],
          [(s["id"], s["source"], s["act"]["force"], s["act"]["cue"], s["act"]["cameo"], s["content"], s["date"], s["anchors"][0],
            s["reported"]["by"], s["reported"]["mode"]) for s in statements])
    table("speakers.csv", ["statement", "entity"], [(s["id"], e) for s in statements for e in s["speakers"]])
    table("targets.csv", ["statement", "entity"], [(s["id"], e) for s in statements for e in s["targets"]])
    table("topics.csv", ["statement", "topic"], [(s["id"], t) for s in statements for t in s["topics"]])
    with open(out + "/corpus.json", "w", encoding="utf-8") as f:
        json.dump({"entities": entities, "statements": statements}, f, separators=(",", ":"))

    # The values the queries use: a frequent target named by an alias where one exists.
    counts = {}
    for s in statements:
        for t in s["targets"]:
            counts[t] = counts.get(t, 0) + 1
    target = max(counts, key=lambda k: (counts[k], k))
    tname = by_id[target]["aliases"][0] if by_id[target]["aliases"] else by_id[target]["name"]
    with open(out + "/queries.txt", "w", encoding="utf-8") as f:
        f.write(f"target={tname}\nshow=s{n // 2}\nword=harbour\n")


if __name__ == "__main__":
    main()
