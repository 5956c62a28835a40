#!/usr/bin/env bash
# GBDT: Credo vs XGBoost hist and sklearn HistGradientBoosting, side by side in one run (JSON lines).
# 1,000,000 × 30 numeric training rows and 200,000 test rows from bench/peer-synth.py (scaled by
# BENCH_SCALE), 100 trees, 31 leaves, learning rate 0.1, 255 bins, 2 threads; then German and HMEQ AUC.
# BENCH_REPEAT=N (default 1) runs Credo and an XGBoost-only process alternately N times; the summary gives the
# ratio of the best times of each side, and the ratio of each Credo run to the XGBoost run right after it
# with their median (the machine is shared: interleaving and best-of-N damp the noise).
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-xgboost/sklearn/pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SCALE="${BENCH_SCALE:-1}"
THREADS="${BENCH_THREADS:-2}"
read -r TRAIN_ROWS TEST_ROWS < <(/usr/bin/python3 -c "import sys; s=float(sys.argv[1]); print(max(10000, int(1e6*s)), max(2000, int(2e5*s)))" "$SCALE")
mkdir -p bench/out
TRAIN="bench/out/gbdt-train-${TRAIN_ROWS}.csv"
TEST="bench/out/gbdt-test-${TEST_ROWS}.csv"
[ -s "$TRAIN" ] || { /usr/bin/python3 bench/peer-synth.py "$TRAIN_ROWS" 1 "$TRAIN.tmp" >/dev/null && mv "$TRAIN.tmp" "$TRAIN"; }
[ -s "$TEST" ] || { /usr/bin/python3 bench/peer-synth.py "$TEST_ROWS" 2 "$TEST.tmp" >/dev/null && mv "$TEST.tmp" "$TEST"; }

CREDO=""
XGB_MEMORY=""
for _ in $(seq "${BENCH_REPEAT:-1}"); do
  C=$(node "$DIST/bench/gbdt.js" synth "$TRAIN" "$TEST" bad 100 31 "$THREADS")
  echo "$C"
  CREDO="$CREDO$C"$'\n'
  M=$(/usr/bin/python3 bench/peer-gbdt-xgb-memory.py "$TRAIN" "$TEST" bad 100 31 "$THREADS")
  echo "$M"
  XGB_MEMORY="$XGB_MEMORY$M"$'\n'
done
PEERS=$(/usr/bin/python3 bench/peer-gbdt.py "$TRAIN" "$TEST" bad 100 31 "$THREADS")
echo "$PEERS"

DATASETS=""
for name in german hmeq; do
  C=$(node "$DIST/bench/gbdt.js" dataset "$name" bench/out "$THREADS")
  P_ALL=$(/usr/bin/python3 bench/peer-gbdt.py "bench/out/$name-train.csv" "bench/out/$name-test.csv" bad 100 31 "$THREADS")
  P="${P_ALL%%$'\n'*}"
  echo "$C"
  echo "$P" | sed "s/^{/{\"dataset\": \"$name\", /"
  DATASETS="$DATASETS $name $(echo "$C" | tr -d ' ') $(echo "$P" | tr -d ' ')"
done

node -e '
const [c, peers, mem, ...rest] = process.argv.slice(1);
const parse = (text) => text.trim().split("\n").map((l) => JSON.parse(l));
const best = (rows, key) => Math.min(...rows.map((row) => row[key]));
const credoRuns = parse(c);
const lines = parse(peers);
const memRuns = parse(mem);
const skl = lines.find((l) => l.peer === "sklearn-hgb");
const xgbRuns = [lines.find((l) => l.peer === "xgboost-hist"), ...memRuns];
// Best (lowest) time of each side over every run of this bench; AUC from the shared peer script.
const credo = { ...credoRuns[0], fit_s: best(credoRuns, "fit_s"), predict_s: best(credoRuns, "predict_s"), fit_cpu_s: best(credoRuns, "fit_cpu_s"),
  predict_cpu_s: best(credoRuns, "predict_cpu_s"), peak_rss_mb: Math.max(...credoRuns.map((x) => x.peak_rss_mb)) };
const xgb = { ...lines.find((l) => l.peer === "xgboost-hist"), fit_s: best(xgbRuns, "fit_s"), predict_s: best(xgbRuns, "predict_s") };
const m = { peak_rss_mb: Math.max(...memRuns.map((x) => x.peak_rss_mb)), fit_cpu_s: best(memRuns, "fit_cpu_s"), predict_cpu_s: best(memRuns, "predict_cpu_s") };
const r = (x) => Math.round(x * 1000) / 1000;
const datasets = {};
const words = rest.join(" ").trim().split(/\s+/);
for (let k = 0; k + 2 < words.length; k += 3) datasets[words[k]] = { credo_auc: JSON.parse(words[k + 1]).auc, xgboost_auc: JSON.parse(words[k + 2]).auc };
// Each Credo run against the XGBoost-only run right after it: on a shared machine, neighbours agree best.
const pairs = credoRuns.map((c, k) => r(c.fit_s / memRuns[k].fit_s));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(JSON.stringify({
  bench: "gbdt", rows: credo.rows, threads: credo.threads, runs: credoRuns.length,
  fit_ratio: r(credo.fit_s / xgb.fit_s), fit_ratio_pairs: pairs, fit_ratio_median: r(median(pairs)),
  credo_fit_s: credo.fit_s, xgboost_fit_s: xgb.fit_s, sklearn_fit_s: skl.fit_s,
  predict_ratio: r(credo.predict_s / xgb.predict_s), credo_predict_s: credo.predict_s, xgboost_predict_s: xgb.predict_s,
  auc_diff: Math.round((credo.auc - xgb.auc) * 1e5) / 1e5, credo_auc: credo.auc, xgboost_auc: xgb.auc, sklearn_auc: skl.auc,
  rss_ratio: r(credo.peak_rss_mb / m.peak_rss_mb), credo_peak_rss_mb: credo.peak_rss_mb, xgboost_peak_rss_mb: m.peak_rss_mb,
  credo_fit_cpu_s: credo.fit_cpu_s, xgboost_fit_cpu_s: m.fit_cpu_s, credo_predict_cpu_s: credo.predict_cpu_s, xgboost_predict_cpu_s: m.predict_cpu_s,
  datasets }));
' "$CREDO" "$PEERS" "$XGB_MEMORY" "$DATASETS"
