#!/usr/bin/env bash
# Monte Carlo: 100,000 loans × 2,000 scenarios, one factor (ρ 0.15), Credo vs the numpy peer on the same
# file and scenario count. BENCH_SCALE scales the loan count. Prints both JSON lines and a final line
# with the speed ratio and whether EL and VaR99 agree within Monte Carlo error.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${CREDO_BUILD:-dist}"
SCALE="${BENCH_SCALE:-1}"
LOANS=$(python3 -c "print(max(1000, int(100000 * $SCALE)))")
SCENARIOS=2000
mkdir -p bench/out
FILE="bench/out/mc-$LOANS.csv"
[ -f "$FILE" ] || /usr/bin/python3 bench/peer-mc.py gen "$LOANS" 1 "$FILE"
PEER=$(/usr/bin/python3 bench/peer-mc.py run "$FILE" "$SCENARIOS" 1 0.15)
CREDO=$(node "$BUILD/bench/mc.js" "$FILE" "$SCENARIOS" 1 0.15)
echo "$PEER"
echo "$CREDO"
python3 - "$PEER" "$CREDO" <<'PY'
import json, math, sys
p, c = json.loads(sys.argv[1]), json.loads(sys.argv[2])
el_se = math.hypot(p['el_se'], c['el_se'])
var_se = math.sqrt(2) * c['var99_se']  # same scenario count: the peer's VaR error is about Credo's
print(json.dumps(dict(bench='mc', loans=c['loans'], scenarios=c['scenarios'], peer_seconds=p['seconds'], credo_seconds=c['seconds'],
                      ratio=round(p['seconds'] / c['seconds'], 2), el_diff=round(c['el'] - p['el'], 2), el_agree=abs(c['el'] - p['el']) < 3 * el_se,
                      var99_diff=round(c['var99'] - p['var99'], 2), var99_agree=abs(c['var99'] - p['var99']) < 3 * var_se)))
PY
