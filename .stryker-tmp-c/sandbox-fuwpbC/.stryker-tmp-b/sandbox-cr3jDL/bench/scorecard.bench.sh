#!/usr/bin/env bash
# Scorecard end to end on 30,000 × 23 numeric columns (× BENCH_SCALE rows): Credo (optimal monotone
# binning, WOE, logistic, points) vs a numpy/pandas/sklearn pipeline (bench/scorecard.peer.py), one run.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-sklearn/pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SCALE="${BENCH_SCALE:-1}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(3000, int(30000*float(sys.argv[1]))))" "$SCALE")
mkdir -p bench/out
DATA="bench/out/scorecard-${ROWS}.csv"
[ -s "$DATA" ] || { /usr/bin/python3 bench/scorecard.peer.py gen "$ROWS" 1 "$DATA.tmp" && mv "$DATA.tmp" "$DATA"; }
CREDO=$(node "$DIST/bench/scorecard.js" "$DATA")
echo "$CREDO"
PEER=$(/usr/bin/python3 bench/scorecard.peer.py run "$DATA")
echo "$PEER"
node -e '
const c = JSON.parse(process.argv[1]), p = JSON.parse(process.argv[2]);
console.log(JSON.stringify({ bench: "scorecard", rows: c.rows, features: c.features, credo_seconds: c.seconds, peer_seconds: p.seconds,
  ratio: Math.round((p.seconds / c.seconds) * 100) / 100, credo_auc: c.auc, peer_auc: p.auc, target_seconds: 2 }));
' "$CREDO" "$PEER"
