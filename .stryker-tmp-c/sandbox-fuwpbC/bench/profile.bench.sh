#!/usr/bin/env bash
# Profiling, whole processes: `credo data profile --data F --json`, and the same with `--target bad`, on the
# 1,000,000 × 31 numeric CSV of bench/peer-synth.py (rows scaled by BENCH_SCALE), against a Python process doing
# pandas read_csv, describe(), isna().mean() and nunique() (bench/peer-profile.py). Each run is a fresh process
# timed from outside (start-up and the read included); the three run interleaved BENCH_REPEAT times (default 3).
# Prints one JSON line per run and a summary with the medians of the pairwise ratios credo / pandas
# (targets: ≤ 1.0 without a target, ≤ 1.3 with one) and the one-minute load average before and after.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-pandas
# (apt-get install python3-pandas; the data generator also needs python3-numpy).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
REPEAT="${BENCH_REPEAT:-3}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(1000000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
DATA="bench/out/synth-${ROWS}.csv"
if [ ! -s "$DATA" ]; then
  /usr/bin/python3 bench/peer-synth.py "$ROWS" 1 "$DATA.tmp" >/dev/null && mv "$DATA.tmp" "$DATA"
fi
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
# seconds of one command, wall clock from outside the process
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }' 
}
LINES=()
for run in $(seq "$REPEAT"); do
  P=$(seconds /usr/bin/python3 bench/peer-profile.py "$DATA")
  C=$(seconds node "$DIST/src/cli/main.js" data profile --data "$DATA" --json)
  T=$(seconds node "$DIST/src/cli/main.js" data profile --data "$DATA" --target bad --json)
  LINE="{\"bench\":\"profile-run\",\"run\":$run,\"pandas_seconds\":$P,\"credo_seconds\":$C,\"credo_target_seconds\":$T}"
  echo "$LINE"
  LINES+=("$LINE")
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
node -e '
const [rows, before, after, ...lines] = process.argv.slice(1);
const runs = lines.map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r = (x) => Math.round(x * 1000) / 1000;
const ratio = median(runs.map((x) => x.credo_seconds / x.pandas_seconds));
const ratioTarget = median(runs.map((x) => x.credo_target_seconds / x.pandas_seconds));
console.log(JSON.stringify({ bench: "profile", rows: Number(rows), cols: 31, runs: runs.length,
  ratio: r(ratio), target: 1.0, met: ratio <= 1.0, ratio_with_target: r(ratioTarget), target_with_target: 1.3, met_with_target: ratioTarget <= 1.3,
  credo_seconds: r(median(runs.map((x) => x.credo_seconds))), credo_target_seconds: r(median(runs.map((x) => x.credo_target_seconds))),
  pandas_seconds: r(median(runs.map((x) => x.pandas_seconds))), load_before: Number(before), load_after: Number(after) }));
' "$ROWS" "$LOAD_BEFORE" "$LOAD_AFTER" "${LINES[@]}"
