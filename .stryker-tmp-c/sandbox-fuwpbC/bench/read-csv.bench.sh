#!/usr/bin/env bash
# Reads a 1,000,000 × 31 numeric CSV (≈ 200 MB; rows scaled by BENCH_SCALE) with Credo's readFrame and with
# pandas.read_csv, side by side and interleaved, BENCH_REPEAT times each (default 3; each run is a fresh process),
# printing one JSON line per run and a final line with the best times and ratio = credo seconds / pandas seconds.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir> for a private one) and Debian's python3-numpy and
# python3-pandas (the data comes from bench/peer-synth.py).
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
LINES=()
for _ in $(seq "$REPEAT"); do
  CREDO=$(node "$DIST/bench/read-csv.js" "$DATA")
  PANDAS=$(/usr/bin/python3 bench/peer-read-csv.py "$DATA")
  echo "$CREDO"
  echo "$PANDAS"
  LINES+=("$CREDO" "$PANDAS")
done
node -e '
const runs = process.argv.slice(1).map((l) => JSON.parse(l));
const best = (impl) => runs.filter((r) => r.impl === impl).reduce((a, b) => (b.seconds < a.seconds ? b : a));
const peak = (impl) => Math.max(...runs.filter((r) => r.impl === impl).map((r) => r.peak_rss_mb));
const c = best("credo");
const p = best("pandas");
console.log(JSON.stringify({ bench: "read-csv", ratio: Math.round((c.seconds / p.seconds) * 1000) / 1000, credo_seconds: c.seconds, pandas_seconds: p.seconds,
  credo_peak_rss_mb: peak("credo"), pandas_peak_rss_mb: peak("pandas"), raw_mb: c.raw_mb, rows: c.rows, cols: c.cols, runs: runs.length / 2 }));
' "${LINES[@]}"
