#!/usr/bin/python3
"""Sequential cumulative lift peer for bench/lift.bench.sh, vectorised pandas (REFERENCE §7's algorithm).

usage: /usr/bin/python3 bench/peer-lift.py gen ROWS SEED out.csv
       /usr/bin/python3 bench/peer-lift.py run data.csv [apply]
Needs Debian's python3-numpy python3-pandas. The rules below are the ones of bench/lift-rules.yaml, in
order: each newly touches the loans no earlier rule rejected; for the touched and the remaining loans
it reports the amount-weighted FPD7 and MOB4 M2+ rates, per segment and overall. `apply` evaluates the
rules row by row (the slow style the benchmark replaces).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

RULES = [
    ('r1_over_acct>11', lambda d: d.over_acct > 11),
    ('r2_over_cnt>=22', lambda d: d.over_cnt >= 22),
    ('r3_multi_level>=33', lambda d: d.multi_level >= 33),
    ('r4_inq_3m>=8', lambda d: d.inq_3m >= 8),
    ('r5_util>0.95', lambda d: d.util > 0.95),
]


def generate(rows: int, seed: int, out: str) -> None:
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({
        'loan_id': np.arange(rows), 'segment': rng.choice(['new', 'repeat', 'topup'], rows),
        'over_acct': rng.poisson(4, rows), 'over_cnt': rng.poisson(9, rows), 'multi_level': rng.integers(0, 50, rows),
        'inq_3m': rng.poisson(2.5, rows), 'util': rng.beta(2, 2, rows).round(4),
    })
    risk = 1 / (1 + np.exp(-(-3.3 + 0.12 * data.over_acct + 0.05 * data.over_cnt + 0.03 * data.multi_level
                             + 0.15 * data.inq_3m + 1.2 * data.util)))
    due = rng.lognormal(7, 0.6, rows).round(2)
    data['fpd_fm7_amt'] = due
    data['fpd_fz7_amt'] = np.where(rng.random(rows) < risk, due, 0.0)
    balance = (due * rng.uniform(3, 6, rows)).round(2)
    data['mob4m2fenmu_amt'] = balance
    data['mob4m2fenzi_amt'] = np.where(rng.random(rows) < risk * 0.7, balance, 0.0)
    data.to_csv(out, index=False)
    print(rows, 'rows')


def rates(loans: pd.DataFrame) -> tuple:
    due, overdue = loans.fpd_fm7_amt.sum(), loans.fpd_fz7_amt.sum()
    balance, m2 = loans.mob4m2fenmu_amt.sum(), loans.mob4m2fenzi_amt.sum()
    return (overdue / due if due > 0 else 0.0, m2 / balance if balance > 0 else 0.0)


def lift(remaining: pd.DataFrame, row_wise: bool) -> list:
    base = rates(remaining)
    table = [{'rule': 'baseline', 'touched': len(remaining), 'fpd7': base[0], 'mob4m2': base[1],
              'after_fpd7': base[0], 'after_mob4m2': base[1]}]
    for name, rule in RULES:
        hit = remaining.apply(lambda row: bool(rule(row)), axis=1) if row_wise else rule(remaining)
        touched, rest = remaining[hit], remaining[~hit]
        hit_rates, after = rates(touched), rates(rest)
        table.append({'rule': name, 'touched': int(hit.sum()), 'due_amt': round(float(touched.fpd_fm7_amt.sum()), 2),
                      'fpd7': hit_rates[0], 'mob4m2': hit_rates[1], 'after_fpd7': after[0], 'after_mob4m2': after[1]})
        remaining = rest
    return table


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        data = pd.read_csv(sys.argv[2])
        row_wise = len(sys.argv) > 3
        started = time.perf_counter()
        tables = {segment: lift(group, row_wise) for segment, group in data.groupby('segment')}
        tables['ALL'] = lift(data, row_wise)
        print(json.dumps({'peer': 'pandas-apply' if row_wise else 'pandas-vectorised', 'rows': len(data),
                          'seconds': round(time.perf_counter() - started, 3), 'result': tables['ALL']}))
