#!/usr/bin/python3
"""XGBoost alone (hist, same settings as bench/peer-gbdt.py): fit + batch predict, then print
the process's peak RSS and CPU seconds (all threads), so Credo's memory is compared with an XGBoost-only process (bench/peer-gbdt.py also runs
sklearn and SHAP in the same process). usage: peer-gbdt-xgb-memory.py train.csv test.csv target [trees] [leaves] [threads]"""
import sys, time, json, resource
import numpy as np, pandas as pd, xgboost as xgb
tr, te, target = sys.argv[1], sys.argv[2], sys.argv[3]
trees = int(sys.argv[4]) if len(sys.argv) > 4 else 100
leaves = int(sys.argv[5]) if len(sys.argv) > 5 else 31
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 2
a = pd.read_csv(tr); b = pd.read_csv(te)
ya, yb = a.pop(target).values, b.pop(target).values
Xa, Xb = a.values.astype(np.float32), b.values.astype(np.float32)
t = time.time(); c = time.process_time()
m = xgb.XGBClassifier(n_estimators=trees, tree_method='hist', max_leaves=leaves, max_depth=0, grow_policy='lossguide',
                      learning_rate=0.1, max_bin=255, n_jobs=threads, min_child_weight=1e-3)
m.fit(Xa, ya); fit = time.time() - t; fit_cpu = time.process_time() - c
t = time.time(); c = time.process_time(); m.predict_proba(Xb); pr = time.time() - t; pr_cpu = time.process_time() - c
print(json.dumps(dict(peer='xgboost-hist-memory', fit_s=round(fit, 3), predict_s=round(pr, 3), fit_cpu_s=round(fit_cpu, 3), predict_cpu_s=round(pr_cpu, 3),
                      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))))
