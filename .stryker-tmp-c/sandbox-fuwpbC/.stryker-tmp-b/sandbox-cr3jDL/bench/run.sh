#!/usr/bin/env bash
# Runs every benchmark side by side with its peer and prints JSON lines.
# Peers need Debian's python3-xgboost python3-sklearn python3-pandas python3-scipy (see bench/README.md).
# BENCH_SCALE=0.1 shrinks every data set (default 1 = the sizes the issues name).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
mkdir -p bench/out
for script in bench/*.bench.sh; do
  [ -e "$script" ] || continue
  bash "$script"
done
