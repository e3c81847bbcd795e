#!/usr/bin/env python3
"""The fold protocol for learning from decisions (issue 11), through the CLI.

usage: scripts/folds.py [KOMPIS]   (KOMPIS: the CLI binary; default the release build)

For each labelled set in ../shared/eval (dev, dev2): the needs of the gold
file, sorted by id, go into 4 folds (every 4th). Ranking with no decisions
comes first: the bundle imported into a fresh catalogue, `kompis match --json
--top 20`. Then, per fold, a fresh catalogue imports the bundle with the
other folds' labels as the coordinator's decisions (grade 2 agreed, grade 1
shortlisted, a top-5 suggestion of the first ranking with no grade declined
as not relevant), ranks again, and only that fold's needs are scored (the
set's own score.py: nDCG@5, recall@5, MRR), against the same needs ranked
with no decisions. Prints every fold's figures and gain and the mean gain.
Needs ../shared; prints a note and exits 0 when it is absent.
`cargo run --release -p kompis-match --example eval -- --folds` runs the same
protocol in process, for quick trials.
"""
import copy
import json
import os

from labelled import EVAL, rank, score

FOLDS = 4


def scored(bundle, gold, ranking, needs):
    """score.py's figures over the needs `needs` alone."""
    part = {n: g for n, g in gold.items() if n in needs}
    return score.evaluate(bundle, part, ranking)


def decisions(gold, needs, first):
    """The other folds' labels as match records."""
    top5 = {e["need"]: [m["offer"] for m in e["matches"][:5]] for e in first["needs"]}
    out = []
    for n in needs:
        g = gold[n]
        for o, grade in g.items():
            out.append({"need": n, "offer": o, "status": "agreed" if grade >= 2 else "shortlisted"})
        for o in top5.get(n, []):
            if o not in g:
                out.append({"need": n, "offer": o, "status": "declined",
                            "decline_reason": "not_relevant"})
    return out


for name in ("dev", "dev2"):
    folder = os.path.join(EVAL, name)
    if not os.path.exists(os.path.join(folder, "bundle.json")):
        continue
    bundle = json.load(open(os.path.join(folder, "bundle.json"), encoding="utf-8"))
    gold = json.load(open(os.path.join(folder, "gold.json"), encoding="utf-8"))
    first = rank(bundle)
    ids = sorted(gold)
    gains = []
    for k in range(FOLDS):
        fold = set(ids[k::FOLDS])
        taught = copy.deepcopy(bundle)
        taught["matches"] = taught.get("matches", []) + decisions(
            gold, [n for n in ids if n not in fold], first)
        before = scored(bundle, gold, first, fold)
        after = scored(bundle, gold, rank(taught), fold)
        gain = after["nDCG@5"] - before["nDCG@5"]
        gains.append(gain)
        print(f"{name:5} fold {k}: {len(taught['matches']):3} decisions, {after['needs']:2} needs  "
              f"nDCG@5 {before['nDCG@5']:.3f} -> {after['nDCG@5']:.3f} ({gain:+.3f})  "
              f"recall@5 {before['recall@5']:.3f} -> {after['recall@5']:.3f}  "
              f"MRR {before['MRR']:.3f} -> {after['MRR']:.3f}")
    print(f"{name:5} mean gain nDCG@5 {sum(gains) / FOLDS:+.3f}, worst fold {min(gains):+.3f}")
