#!/usr/bin/python3
"""GBDT peers for bench/gbdt.bench.sh: XGBoost `hist` and sklearn HistGradientBoosting on one split.

usage: /usr/bin/python3 bench/peer-gbdt.py train.csv test.csv TARGET [TREES=100] [LEAVES=31] [THREADS=2]
Needs Debian's python3-xgboost python3-sklearn python3-pandas (apt-get install them).
Prints one JSON line per peer: fit and predict seconds, XGBoost TreeSHAP (pred_contribs) seconds on up
to 100,000 test rows, and the test AUC. Settings mirror Credo's bench: lossguide growth with LEAVES
leaves, learning rate 0.1, 255 bins.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def load(path: str, target: str):
    frame = pd.read_csv(path)
    labels = frame.pop(target).to_numpy()
    for name in frame.columns:
        # text columns: `object` before pandas 3, its `str` dtype from pandas 3 on
        if not pd.api.types.is_numeric_dtype(frame[name]):
            frame[name] = frame[name].astype('category').cat.codes
    return frame.to_numpy(dtype=np.float32), labels


def main() -> None:
    train_path, test_path, target = sys.argv[1:4]
    trees = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    leaves = int(sys.argv[5]) if len(sys.argv) > 5 else 31
    threads = int(sys.argv[6]) if len(sys.argv) > 6 else 2
    os.environ['OMP_NUM_THREADS'] = str(threads)
    x_train, y_train = load(train_path, target)
    x_test, y_test = load(test_path, target)

    import xgboost

    started = time.perf_counter()
    booster = xgboost.XGBClassifier(n_estimators=trees, tree_method='hist', grow_policy='lossguide', max_leaves=leaves,
                                    max_depth=0, learning_rate=0.1, max_bin=255, n_jobs=threads, min_child_weight=1e-3)
    booster.fit(x_train, y_train)
    fit_s = time.perf_counter() - started
    started = time.perf_counter()
    p = booster.predict_proba(x_test)[:, 1]
    predict_s = time.perf_counter() - started
    shap_rows = min(len(x_test), 100_000)
    started = time.perf_counter()
    booster.get_booster().predict(xgboost.DMatrix(x_test[:shap_rows]), pred_contribs=True)
    shap_s = time.perf_counter() - started
    print(json.dumps({'peer': 'xgboost-hist', 'fit_s': round(fit_s, 3), 'predict_s': round(predict_s, 3),
                      'shap_rows': shap_rows, 'shap_s': round(shap_s, 3), 'auc': round(roc_auc_score(y_test, p), 5)}))

    from sklearn.ensemble import HistGradientBoostingClassifier

    started = time.perf_counter()
    hgb = HistGradientBoostingClassifier(max_iter=trees, max_leaf_nodes=leaves, learning_rate=0.1, max_bins=255,
                                         early_stopping=False)
    hgb.fit(x_train, y_train)
    fit_s = time.perf_counter() - started
    started = time.perf_counter()
    p = hgb.predict_proba(x_test)[:, 1]
    predict_s = time.perf_counter() - started
    print(json.dumps({'peer': 'sklearn-hgb', 'fit_s': round(fit_s, 3), 'predict_s': round(predict_s, 3),
                      'auc': round(roc_auc_score(y_test, p), 5)}))


if __name__ == '__main__':
    main()
