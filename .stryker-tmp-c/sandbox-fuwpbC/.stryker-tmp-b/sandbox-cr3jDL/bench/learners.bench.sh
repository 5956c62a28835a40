#!/usr/bin/env bash
# Forest, MLP and linear SVM: Credo vs scikit-learn, side by side in one run (JSON lines), single-threaded.
# 100,000 × 30 training rows and 20,000 test rows from bench/peer-synth.py (scaled by BENCH_SCALE).
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-sklearn/pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SCALE="${BENCH_SCALE:-1}"
read -r TRAIN_ROWS TEST_ROWS < <(/usr/bin/python3 -c "import sys; s=float(sys.argv[1]); print(max(5000, int(1e5*s)), max(2000, int(2e4*s)))" "$SCALE")
mkdir -p bench/out
TRAIN="bench/out/learners-train-${TRAIN_ROWS}.csv"
TEST="bench/out/learners-test-${TEST_ROWS}.csv"
[ -s "$TRAIN" ] || { /usr/bin/python3 bench/peer-synth.py "$TRAIN_ROWS" 1 "$TRAIN.tmp" >/dev/null && mv "$TRAIN.tmp" "$TRAIN"; }
[ -s "$TEST" ] || { /usr/bin/python3 bench/peer-synth.py "$TEST_ROWS" 2 "$TEST.tmp" >/dev/null && mv "$TEST.tmp" "$TEST"; }

CREDO=$(node "$DIST/bench/learners.js" "$TRAIN" "$TEST" bad)
echo "$CREDO"
PEER=$(/usr/bin/python3 bench/learners.peer.py "$TRAIN" "$TEST" bad)
echo "$PEER"
node -e '
const lines = (s) => s.trim().split("\n").map((l) => JSON.parse(l));
const credo = lines(process.argv[1]);
const peer = lines(process.argv[2]);
const out = { bench: "learners", rows: credo[0].rows };
for (const kind of ["forest", "mlp", "svm"]) {
  const c = credo.find((l) => l.peer === `credo-${kind}`);
  const p = peer.find((l) => l.peer === `sklearn-${kind}`);
  out[`${kind}_fit_ratio`] = Math.round((c.fit_s / p.fit_s) * 1000) / 1000;
  out[`${kind}_credo_fit_s`] = c.fit_s;
  out[`${kind}_sklearn_fit_s`] = p.fit_s;
  out[`${kind}_credo_auc`] = c.auc;
  out[`${kind}_sklearn_auc`] = p.auc;
}
console.log(JSON.stringify(out));
' "$CREDO" "$PEER"
