#!/usr/bin/env bash
# Swap set on the synthetic world: 2,000,000 applications (scaled by BENCH_SCALE), old-policy.yaml vs
# new-policy.yaml per segment with reject inference; the target is under 1 s after reading the file.
# The world is generated once with `credo data synth` into bench/out/. Needs a build (npm run build, or
# CREDO_BUILD=.build/<dir>).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${CREDO_BUILD:-dist}"
ROWS=$(/usr/bin/python3 -c "import sys; print(max(1000, int(2000000 * float(sys.argv[1]))))" "${BENCH_SCALE:-1}")
mkdir -p bench/out
DATA="bench/out/world-${ROWS}.parquet"
if [ ! -s "$DATA" ]; then
  node "$BUILD/src/cli/main.js" data synth --rows "$ROWS" --seed 42 --out "$DATA.tmp.parquet" --json >/dev/null && mv "$DATA.tmp.parquet" "$DATA"
fi
node "$BUILD/bench/swapset.js" "$DATA"
