#!/usr/bin/env bash
# SHAP: the same XGBoost model (synth.py 1,000,000 × 30 training rows, 100 trees, 31 leaves, lossguide) explained
# by XGBoost pred_contribs and by Credo's TreeSHAP after `credo import`, 100,000 rows on 2 threads each.
# BENCH_SCALE scales both row counts. Prints both JSON lines and a final line with the time ratio
# Credo/XGBoost (target ≤ 0.5), the single-row latency and the largest contribution difference.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${CREDO_BUILD:-dist}"
SCALE="${BENCH_SCALE:-1}"
THREADS="${BENCH_THREADS:-2}"
TRAIN_ROWS=$(python3 -c "print(max(10000, int(1000000 * $SCALE)))")
ROWS=$(python3 -c "print(max(2000, int(100000 * $SCALE)))")
mkdir -p bench/out/explain
TRAIN="bench/out/train-$TRAIN_ROWS.csv"
TEST="bench/out/test-shap-$ROWS.csv"
[ -f "$TRAIN" ] || { /usr/bin/python3 bench/peer-synth.py "$TRAIN_ROWS" 1 "$TRAIN.tmp" >/dev/null && mv "$TRAIN.tmp" "$TRAIN"; }
[ -f "$TEST" ] || { /usr/bin/python3 bench/peer-synth.py "$ROWS" 2 "$TEST.tmp" >/dev/null && mv "$TEST.tmp" "$TEST"; }
XGB_MODEL="bench/out/explain/xgb-$TRAIN_ROWS.json"
CREDO_MODEL="bench/out/explain/credo-$TRAIN_ROWS.json"
CONTRIBS="bench/out/explain/xgb-contribs-$ROWS.csv"
PEER=$(/usr/bin/python3 bench/shap.peer.py "$TRAIN" "$TEST" "$XGB_MODEL" "$ROWS" "$THREADS" "$CONTRIBS")
node "$BUILD/src/cli/main.js" import --from xgboost "$XGB_MODEL" --out "$CREDO_MODEL" --json >/dev/null
CREDO=$(node "$BUILD/bench/shap.js" "$CREDO_MODEL" "$TEST" "$ROWS" "$THREADS" "$CONTRIBS")
echo "$PEER"
echo "$CREDO"
python3 - "$PEER" "$CREDO" <<'PY'
import json, sys
p, c = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps(dict(bench='shap', rows=c['rows'], threads=c['threads'], xgboost_seconds=p['seconds'], credo_seconds=c['seconds'],
                      ratio=round(c['seconds'] / p['seconds'], 3), target_ratio=0.5, meets_target=c['seconds'] <= 0.5 * p['seconds'],
                      single_row_p50_us=c['single_row_p50_us'], single_row_p99_us=c['single_row_p99_us'],
                      max_abs_diff_vs_xgboost=c['max_abs_diff_vs_xgboost'])))
PY
