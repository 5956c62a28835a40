#!/usr/bin/python3
"""Synthetic credit data for the benchmarks (Credo's own; deterministic for a seed).

usage: /usr/bin/python3 bench/peer-synth.py ROWS SEED out.csv
Needs numpy and pandas (Debian: apt-get install python3-numpy python3-pandas).
Ten credit-like columns (income, debt, amount, term, rate, age, emp_years, utilization, inquiries,
delinq), twenty noise columns x0..x19 (two of them interact with the target) and the target `bad`
drawn from a logistic model of DTI, utilisation, inquiries, delinquency, tenure, age and rate.
"""
import sys

import numpy as np
import pandas as pd


def synthesise(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.lognormal(10.8, 0.5, rows)
    debt = income * rng.beta(2, 5, rows) * 0.6
    amount = rng.lognormal(9.5, 0.8, rows)
    term = rng.choice([12, 24, 36, 48, 60], rows)
    rate = rng.uniform(0.05, 0.3, rows)
    age = rng.integers(21, 75, rows)
    emp_years = rng.exponential(6, rows)
    utilization = rng.beta(2, 3, rows)
    inquiries = rng.poisson(1.2, rows)
    delinq = rng.poisson(0.3, rows)
    noise = rng.normal(size=(rows, 20))
    monthly_rate = rate / 12
    instalment = amount * monthly_rate / (1 - (1 + monthly_rate) ** -term)
    dti = (debt / 12 + instalment) / (income / 12)
    logit = (-3.2 + 2.5 * dti + 1.4 * utilization + 0.35 * inquiries + 0.6 * delinq - 0.02 * emp_years
             - 0.01 * (age - 40) + rate * 8 / 3 + 0.3 * np.sin(2 * noise[:, 0]) + 0.2 * noise[:, 1] * noise[:, 2])
    bad = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame({
        'income': income.round(2), 'debt': debt.round(2), 'amount': amount.round(2), 'term': term,
        'rate': rate.round(4), 'age': age, 'emp_years': emp_years.round(2), 'utilization': utilization.round(4),
        'inquiries': inquiries, 'delinq': delinq,
    })
    for j in range(20):
        frame[f'x{j}'] = noise[:, j].round(4)
    frame['bad'] = bad
    return frame


if __name__ == '__main__':
    rows, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    data = synthesise(rows, seed)
    data.to_csv(out, index=False)
    print(rows, 'rows, bad rate', round(float(data['bad'].mean()), 5))
