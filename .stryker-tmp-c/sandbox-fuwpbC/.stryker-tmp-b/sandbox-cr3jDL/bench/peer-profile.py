#!/usr/bin/python3
"""Peer of profile.bench.sh: a column profile of a CSV with pandas, timed as a whole process.

usage: /usr/bin/python3 bench/peer-profile.py data.csv
read_csv, describe() (count, mean, std, min, quartiles, max), isna().mean() (missing share) and
nunique() (distinct values), the summary `credo data profile --json` prints. Prints one JSON line
with the seconds from interpreter start (imports included) to the end of the work.
Needs pandas (Debian: apt-get install python3-pandas).
"""
import json
import resource
import sys
import time

START = time.time()
import pandas as pd  # noqa: E402  (the import is part of the work timed)

frame = pd.read_csv(sys.argv[1])
described = frame.describe()
missing = frame.isna().mean()
distinct = frame.nunique()
_ = (described.shape, float(missing.sum()), int(distinct.sum()))
print(json.dumps({
    "impl": "pandas",
    "seconds": round(time.time() - START, 3),
    "rows": int(frame.shape[0]),
    "cols": int(frame.shape[1]),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
