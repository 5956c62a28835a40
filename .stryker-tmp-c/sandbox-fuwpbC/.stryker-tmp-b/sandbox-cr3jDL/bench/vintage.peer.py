"""Peer for bench/vintage.bench.sh: vintage curves, roll rates and NPA ratio of a performance table with pandas.

Same definitions as Credo (docs/finance.md): bad = dpd >= 90 or charged off, ever by the MOB; count and balance
bases; roll-rate buckets Current, 1-30, 31-60, 61-90, 90+, Charged off between a loan's rows at MOB t and t+1,
balance-weighted by the from-month balance; NPA = each loan's latest row with dpd > 90 in a spell that has not
returned to dpd 0, not charged off. Times the computation apart from read_csv. Prints one JSON line.
usage: vintage.peer.py perf.csv
"""
import json
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path, dtype={"loan_id": "string", "vintage": "string"})
read_seconds = time.perf_counter() - t0

t = time.perf_counter()
df = df.sort_values(["loan_id", "mob"], kind="stable").reset_index(drop=True)
df["cents"] = np.round(df["balance"].to_numpy() * 100)
bad = (df["dpd"] >= 90) | (df["charged_off"] == 1)
first = df.groupby("loan_id", sort=False).head(1)[["loan_id", "vintage", "cents"]]
first_bad = df[bad].groupby("loan_id", sort=False).head(1)[["loan_id", "mob", "cents"]].rename(columns={"mob": "bad_mob", "cents": "bad_cents"})
loans = first.merge(first_bad, on="loan_id", how="left")
per_vintage = loans.groupby("vintage").agg(loans=("loan_id", "size"), balance=("cents", "sum"))
observed = df.groupby("vintage")["mob"].max()
max_mob = int(df["mob"].max())
new_count = loans.dropna(subset=["bad_mob"]).pivot_table(index="vintage", columns="bad_mob", values="loan_id", aggfunc="size", fill_value=0)
new_bal = loans.dropna(subset=["bad_mob"]).pivot_table(index="vintage", columns="bad_mob", values="bad_cents", aggfunc="sum", fill_value=0)
cols = list(range(1, max_mob + 1))
new_count = new_count.reindex(index=per_vintage.index, columns=cols, fill_value=0)
new_bal = new_bal.reindex(index=per_vintage.index, columns=cols, fill_value=0)
count_rate = new_count.cumsum(axis=1).div(per_vintage["loans"], axis=0)
balance_rate = new_bal.cumsum(axis=1).div(per_vintage["balance"], axis=0)
mask = np.arange(1, max_mob + 1)[None, :] > observed.reindex(per_vintage.index).to_numpy()[:, None]
count_rate = count_rate.mask(mask)
balance_rate = balance_rate.mask(mask)

bucket = np.select([df["charged_off"] == 1, df["dpd"] <= 0, df["dpd"] <= 30, df["dpd"] <= 60, df["dpd"] <= 90], [5, 0, 1, 2, 3], 4)
same = (df["loan_id"].shift(-1) == df["loan_id"]) & (df["mob"].shift(-1) == df["mob"] + 1)
pairs = pd.DataFrame({"f": bucket[:-1], "t": bucket[1:], "w": df["cents"].to_numpy()[:-1]})[same.to_numpy()[:-1]]
counts = pairs.groupby(["f", "t"]).size().unstack(fill_value=0).reindex(index=range(6), columns=range(6), fill_value=0)
balances = pairs.groupby(["f", "t"])["w"].sum().unstack(fill_value=0).reindex(index=range(6), columns=range(6), fill_value=0)

# NPA: spell starts at dpd > 90, ends when dpd returns to 0; a loan's latest row decides.
spell_id = (df["dpd"] <= 0).astype(int).groupby(df["loan_id"], sort=False).cumsum()
in_npa = (df["dpd"] > 90).astype(int).groupby([df["loan_id"], spell_id], sort=False).cummax().astype(bool)
lost = df["charged_off"].groupby(df["loan_id"], sort=False).cummax().astype(bool)
last = df.groupby("loan_id", sort=False).tail(1).index
gross = df.loc[last][~lost[last]]["cents"].sum()
npa = df.loc[last][(~lost[last]) & in_npa[last]]["cents"].sum()
seconds = time.perf_counter() - t

print(json.dumps(dict(
    bench="vintage", impl="pandas " + pd.__version__, rows=len(df), read_seconds=round(read_seconds, 3), seconds=round(seconds, 3),
    count_rate_sum=float(np.nansum(count_rate.to_numpy())), balance_rate_sum=float(np.nansum(balance_rate.to_numpy())),
    counts=counts.to_numpy().astype(int).tolist(), balance_cents=balances.to_numpy().astype(np.int64).tolist(),
    npa_ratio=float(npa / gross) if gross > 0 else 0.0,
)))
