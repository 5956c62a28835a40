#!/usr/bin/env bash
# Sequential rule lift: 2,000,000 rows (scaled by BENCH_SCALE), 5 rules, 3 segments + overall, two amount
# outcomes. Runs the vectorised pandas peer (bench/peer-lift.py), Credo (bench/lift.ts) and the same
# computation as DuckDB SQL, side by side; each times the computation apart from reading the CSV. Checks that
# Credo's table equals the peer's and DuckDB's, and prints a final line with the time ratios (≤ 1 = Credo faster).
# Needs a build (npm run build, or CREDO_BUILD=.build/<dir>) and Debian's python3-pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${CREDO_BUILD:-dist}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(2000000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
DATA="bench/out/lift-${ROWS}.csv"
if [ ! -s "$DATA" ]; then
  /usr/bin/python3 bench/peer-lift.py gen "$ROWS" 1 "$DATA.tmp.csv" >/dev/null && mv "$DATA.tmp.csv" "$DATA"
fi
PEER_JSON="bench/out/lift-${ROWS}.peer.json"
/usr/bin/python3 bench/peer-lift.py run "$DATA" > "$PEER_JSON"
/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(dict(bench='lift', impl=d['peer'], rows=d['rows'], seconds=d['seconds'])))" "$PEER_JSON"
node "$BUILD/bench/lift.js" "$DATA" "$PEER_JSON"
