#!/usr/bin/python3
"""Peer for bench/read-csv: times pandas.read_csv on FILE, prints one JSON line like bench/read-csv.ts."""
import json, resource, sys, time
import pandas as pd

path = sys.argv[1]
start = time.perf_counter()
frame = pd.read_csv(path)
seconds = time.perf_counter() - start
rows, cols = frame.shape
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({'bench': 'read-csv', 'impl': 'pandas', 'rows': rows, 'cols': cols, 'seconds': round(seconds, 3),
                  'peak_rss_mb': round(peak, 3), 'raw_mb': round(rows * cols * 8 / 1e6, 3)}))
