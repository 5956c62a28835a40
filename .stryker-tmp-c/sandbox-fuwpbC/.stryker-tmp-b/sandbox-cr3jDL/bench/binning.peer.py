#!/usr/bin/env python3
"""Peer for bench/binning.bench.sh: optimal binning of one variable as the same MIP Credo builds
(set-partitioning form of optbinning's formulation: maximise IV over contiguous pre-bin groups, each
bin >= 5% of rows, monotone ascending or descending bad rate, 'auto' = the better of the two),
solved by scipy.optimize.milp (native HiGHS). optbinning itself is not installable here.

gen ROWS SEED out.csv  -> writes x,bad (x continuous, 2% missing, bad rate rising with x)
run data.csv PREBINS   -> prints one JSON line: seconds (pre-binning + both solves), iv, bins
"""
import json
import sys
import time

import numpy as np


def gen(rows, seed, out):
    rng = np.random.default_rng(seed)
    x = rng.normal(650, 80, rows).round(0)
    logit = -2.2 - 0.012 * (x - 650) + 0.00002 * (x - 650) ** 2
    bad = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    xs = np.where(rng.random(rows) < 0.02, np.nan, x)
    with open(out, "w") as f:
        f.write("x,bad\n")
        for v, b in zip(xs, bad):
            f.write(f"{'' if np.isnan(v) else int(v)},{b}\n")


def run(path, prebins):
    import pandas as pd
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix

    df = pd.read_csv(path)
    t0 = time.perf_counter()
    x = df["x"].to_numpy(float)
    y = df["bad"].to_numpy(int)
    ok = ~np.isnan(x)
    xs, ys = x[ok], y[ok]
    s = np.sort(xs)
    n = len(s)
    splits = []
    for q in range(1, prebins):
        v = s[(q * n) // prebins]
        if v > s[0] and (not splits or v > splits[-1]):
            splits.append(v)
    idx = np.searchsorted(np.array(splits), xs, side="right")
    k = len(splits) + 1
    bads = np.bincount(idx, weights=ys, minlength=k)
    tot = np.bincount(idx, minlength=k).astype(float)
    goods = tot - bads
    G, B = goods.sum(), bads.sum()
    cg = np.concatenate([[0], np.cumsum(goods)])
    cb = np.concatenate([[0], np.cumsum(bads)])
    min_size = 0.05 * n
    best = None
    for trend in ("ascending", "descending"):
        cand = []
        for j in range(k):
            for i in range(j + 1, k + 1):
                g, b = cg[i] - cg[j], cb[i] - cb[j]
                if g + b >= min_size and g + b > 0:
                    pg, pb = max(g, 0.5) / G, max(b, 0.5) / B
                    cand.append((j, i, (pg - pb) * np.log(pg / pb), b / (g + b)))
        m = len(cand)
        ends_at = {}
        for c, (j, i, _, _) in enumerate(cand):
            ends_at.setdefault(i, []).append(c)
        rows = []
        A = lil_matrix((k + m, m))
        r = 0
        for p in range(k):
            for c, (j, i, _, _) in enumerate(cand):
                if j <= p < i:
                    A[r, c] = 1
            r += 1
        lo = [1] * k
        hi = [1] * k
        for c, (j, i, _, rate) in enumerate(cand):
            if j == 0:
                continue
            conflicts = [d for d in ends_at.get(j, []) if (cand[d][3] > rate if trend == "ascending" else cand[d][3] < rate)]
            if conflicts:
                A[r, c] = 1
                for d in conflicts:
                    A[r, d] = 1
                lo.append(-np.inf)
                hi.append(1)
                r += 1
        A = A[:r].tocsr()
        res = milp(c=-np.array([c[2] for c in cand]), constraints=LinearConstraint(A, lo, hi), integrality=np.ones(m), bounds=Bounds(0, 1), options={"mip_rel_gap": 1e-9})
        if res.x is None:
            continue
        objective = -res.fun
        if best is None or objective > best[0]:
            chosen = sorted((cand[c][0], cand[c][1]) for c in range(m) if res.x[c] > 0.5)
            best = (objective, trend, chosen)
    seconds = time.perf_counter() - t0
    # Report IV as Credo's tables do: +0.5 to goods and bads of every non-empty bin, the missing bin included.
    cells = [(cg[i] - cg[j], cb[i] - cb[j]) for j, i in best[2]]
    miss_b = float(y[~ok].sum())
    cells.append((float((~ok).sum()) - miss_b, miss_b))
    cells = [(g + 0.5, b + 0.5) for g, b in cells if g + b > 0]
    tg, tb = sum(c[0] for c in cells), sum(c[1] for c in cells)
    iv = sum((g / tg - b / tb) * np.log((g / tg) / (b / tb)) for g, b in cells)
    print(json.dumps({"peer": "scipy-milp-highs", "rows": int(len(x)), "prebins": k, "seconds": round(seconds, 3), "objective": best[0], "iv": iv, "trend": best[1], "bins": len(best[2])}))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        run(sys.argv[2], int(sys.argv[3]))
