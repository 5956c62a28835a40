"""Peer side of bench/learners.bench.sh: scikit-learn's RandomForestClassifier, MLPClassifier and
LinearSVC + sigmoid (Platt) calibration with the settings of bench/learners.ts, single-threaded.
Usage: learners.peer.py TRAIN.csv TEST.csv TARGET. Prints one JSON line per learner."""
import json
import sys
import time

import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

train_file, test_file, target = sys.argv[1], sys.argv[2], sys.argv[3]
train = pd.read_csv(train_file)
test = pd.read_csv(test_file)
x, y = train.drop(columns=[target]), train[target]
xt, yt = test.drop(columns=[target]), test[target]
models = {
    "sklearn-forest": make_pipeline(
        SimpleImputer(strategy="median"),
        RandomForestClassifier(n_estimators=100, max_leaf_nodes=64, min_samples_leaf=5, max_features=0.6, n_jobs=1, random_state=1),
    ),
    "sklearn-mlp": make_pipeline(
        SimpleImputer(strategy="mean", add_indicator=True),
        StandardScaler(),
        MLPClassifier(hidden_layer_sizes=(32, 16), learning_rate_init=3e-3, batch_size=256, alpha=1e-4, early_stopping=True,
                      validation_fraction=0.1, n_iter_no_change=8, max_iter=100, random_state=1),
    ),
    "sklearn-svm": make_pipeline(
        SimpleImputer(strategy="mean"),
        StandardScaler(),
        CalibratedClassifierCV(LinearSVC(C=0.1, class_weight="balanced", loss="hinge", dual=True, max_iter=5000), method="sigmoid", cv=3),
    ),
}
for name, model in models.items():
    t = time.perf_counter()
    model.fit(x, y)
    fit = time.perf_counter() - t
    t = time.perf_counter()
    p = model.predict_proba(xt)[:, 1]
    predict = time.perf_counter() - t
    print(json.dumps({"peer": name, "rows": len(train), "fit_s": round(fit, 3), "predict_s": round(predict, 3), "auc": round(roc_auc_score(yt, p), 5)}), flush=True)
