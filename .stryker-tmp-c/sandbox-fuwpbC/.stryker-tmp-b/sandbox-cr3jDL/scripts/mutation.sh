#!/usr/bin/env bash
# Mutation testing with StrykerJS (stryker.config.mjs), one area per run; not part of `npm test` or CI.
# Usage: bash scripts/mutation.sh AREA [AREA…]   areas: finance gbdt explain binning simulate optimise
#   CREDO_MUTATE_FILES=src/finance/emi.ts,src/finance/loss.ts bash scripts/mutation.sh finance   (some files only)
#   CREDO_MUTATE_CONCURRENCY=2 …   (test processes in parallel; default 1 on a shared machine)
# Each area writes reports/mutation/AREA.json and prints its score; docs/testing.md records the results.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then set -- finance gbdt explain binning simulate optimise; fi
npx tsc -p tsconfig.json
for area in "$@"; do
  echo "== mutation: $area"
  CREDO_MUTATE="$area" npx stryker run stryker.config.mjs
done
