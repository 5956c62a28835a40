#!/usr/bin/python3
"""XGBoost side of the SHAP benchmark: shap.peer.py train.csv test.csv model.json rows threads contribs.csv
Trains the peer model of bench/peer-gbdt.py (hist, 100 trees, 31 leaves, lossguide) unless model.json
exists, then times Booster.predict(DMatrix(rows), pred_contribs=True) on `threads` threads (DMatrix build
included) and writes the contributions of the first 1,000 rows for the parity check. Prints one JSON line."""
import sys, os, time, json
import numpy as np, pandas as pd, xgboost as xgb
train, test, model_path, rows, threads, contribs_path = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
fit = None
if not os.path.exists(model_path):
    a = pd.read_csv(train); y = a.pop('bad').values
    t = time.time()
    m = xgb.XGBClassifier(n_estimators=100, tree_method='hist', max_leaves=31, max_depth=0, grow_policy='lossguide',
                          learning_rate=0.1, max_bin=255, n_jobs=threads, min_child_weight=1e-3)
    m.fit(a.astype(np.float32), y); fit = time.time() - t  # a DataFrame: the model keeps the feature names
    m.get_booster().save_model(model_path + '.tmp.json'); os.replace(model_path + '.tmp.json', model_path)
b = pd.read_csv(test, nrows=rows); b.pop('bad')
X = b.values.astype(np.float32)
booster = xgb.Booster(model_file=model_path); booster.set_param({'nthread': threads})
t = time.time(); c = booster.predict(xgb.DMatrix(X, nthread=threads, feature_names=list(b.columns)), pred_contribs=True); sh = time.time() - t
pd.DataFrame(c[:1000], columns=list(b.columns) + ['bias']).to_csv(contribs_path, index=False, float_format='%.9g')
print(json.dumps(dict(peer='xgboost-pred_contribs', version=xgb.__version__, rows=len(X), threads=threads, seconds=round(sh, 3), fit_seconds=None if fit is None else round(fit, 3))))
