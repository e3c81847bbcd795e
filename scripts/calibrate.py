#!/usr/bin/env python3
"""Calibrates the matcher's threshold on the labelled sets beside the checkout.

usage: scripts/calibrate.py [KOMPIS]   (KOMPIS: the CLI binary; default the release build)

For each set in ../shared/eval (dev, dev2): imports its bundle into a fresh
catalogue, ranks every need with `kompis match --json --top 20`, and for
thresholds 0.08 … 0.30 scores what would still be shown with the set's own
score.py: nDCG@5, recall@5, MRR, how many answered needs would be left with
no good answer, and how many needs that nothing answers would still get a
suggestion. The threshold to ship is the highest at which no answered need
loses an answer from its top five on any set, one step lower for a margin.
The CLI already leaves out what scores under the shipped threshold, so the
rows below it repeat its figures; to calibrate afresh, lower THRESHOLD in
crates/kompis-match/src/matcher.rs first. Needs ../shared; prints a note and
exits 0 when it is absent.
"""
import json
import os

from labelled import EVAL, rank_file, score

GRID = [round(0.08 + 0.01 * i, 2) for i in range(23)]
safe = {}
for name in ("dev", "dev2"):
    folder = os.path.join(EVAL, name)
    if not os.path.exists(os.path.join(folder, "bundle.json")):
        continue
    ranking = rank_file(os.path.join(folder, "bundle.json"))
    gold = json.load(open(os.path.join(folder, "gold.json")))
    print(f"{name}: threshold  nDCG@5 recall@5   MRR  answered-left-without  no-answer-with-suggestion")
    base = None
    for t in GRID:
        nd = rc = rr = 0.0
        n = lost = loud = 0
        for need in ranking["needs"]:
            g = gold.get(need["need"])
            if g is None:
                continue
            shown = [m for m in need["matches"] if m["score"] >= t]
            if not g:
                loud += bool(shown)
                continue
            ranked = score.ranked_offers(shown, {m["offer"] for m in need["matches"]})
            a, b, c = score.metrics_for(ranked, g)
            nd, rc, rr, n = nd + a, rc + b, rr + c, n + 1
            lost += not any(g.get(o, 0) >= 1 for o in ranked[:5])
        figures = (round(nd / n, 4), round(rc / n, 4), round(rr / n, 4))
        base = base or figures
        if figures == base and lost == 0:
            safe[name] = t
        print(f"        {t:.2f}    {figures[0]:.3f}    {figures[1]:.3f}  {figures[2]:.3f}"
              f"  {lost:>5}  {loud:>5}")
if safe:
    top = min(safe.values())
    print(f"highest threshold that keeps every answer on every set: {top:.2f}; ship {top - 0.01:.2f}")
