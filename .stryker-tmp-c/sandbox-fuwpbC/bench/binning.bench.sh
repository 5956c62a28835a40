#!/usr/bin/env bash
# Optimal binning of one variable, 300,000 rows (× BENCH_SCALE), 77 pre-bins, monotone auto, bins ≥ 5%:
# Credo (exact DP, and the HiGHS MIP) vs the same MIP in scipy.optimize.milp (native HiGHS). optbinning
# itself cannot be installed here; its published figures for this size are 9.8 s heuristic, 145.8 s exact.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>) and Debian's python3-scipy/pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SCALE="${BENCH_SCALE:-1}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(5000, int(300000*float(sys.argv[1]))))" "$SCALE")
mkdir -p bench/out
DATA="bench/out/binning-${ROWS}.csv"
[ -s "$DATA" ] || { /usr/bin/python3 bench/binning.peer.py gen "$ROWS" 1 "$DATA.tmp" && mv "$DATA.tmp" "$DATA"; }
CREDO=$(node "$DIST/bench/binning.js" "$DATA" 77 mip)
echo "$CREDO"
PEER=$(/usr/bin/python3 bench/binning.peer.py run "$DATA" 77)
echo "$PEER"
node -e '
const credo = process.argv[1].trim().split("\n").map((l) => JSON.parse(l));
const peer = JSON.parse(process.argv[2]);
const dp = credo.find((c) => c.credo === "binning-dp"), mip = credo.find((c) => c.credo === "binning-mip");
console.log(JSON.stringify({ bench: "binning", rows: peer.rows, prebins: 77, credo_seconds: dp.seconds, credo_mip_seconds: mip?.seconds ?? null, peer_seconds: peer.seconds,
  ratio: Math.round((peer.seconds / dp.seconds) * 100) / 100, same_iv: Math.abs(dp.iv - peer.iv) < 1e-9 * Math.max(1, peer.iv), credo_iv: dp.iv, peer_iv: peer.iv, target_seconds: 2 }));
' "$CREDO" "$PEER"
