#!/usr/bin/env bash
# Portfolio analytics: vintage curves, roll rates and NPA ratio of the synthetic world's performance table
# (200,000 applications, about 1.4 million loan-month rows; scaled by BENCH_SCALE). Runs the pandas peer
# (bench/vintage.peer.py) and Credo (bench/vintage.ts) on the same CSV, each timing the computation apart
# from reading the file; checks the results agree and prints a final line with the ratio (< 1 = Credo faster).
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(200000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
PERF="bench/out/vintage-perf-${ROWS}.csv"
if [ ! -s "$PERF" ]; then
  node "$DIST/src/cli/main.js" data synth --rows "$ROWS" --seed 42 --out "bench/out/vintage-world-${ROWS}.csv" --performance "$PERF.tmp.csv" --json >/dev/null
  mv "$PERF.tmp.csv" "$PERF"
fi
PEER_JSON="bench/out/vintage-${ROWS}.peer.json"
/usr/bin/python3 bench/vintage.peer.py "$PERF" > "$PEER_JSON"
cat "$PEER_JSON" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k: d[k] for k in ('bench','impl','rows','read_seconds','seconds')}))"
node "$DIST/bench/vintage.js" "$PERF" "$PEER_JSON"
