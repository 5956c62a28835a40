#!/usr/bin/env bash
# The README's `npm test`: compile, then run every compiled *.test.js with Node's test runner.
# Test files are listed explicitly because Node ≥ 21 reads `node --test` arguments as globs and
# no longer searches bare directories, while Node 20 does not expand globs at all; an explicit
# list finds the same tests on both lines.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json
# The dashboard bundle the end-to-end tests load (dist/web).
npx vite build --config web/vite.config.ts --logLevel warn
mapfile -t files < <(find dist/src dist/test -name '*.test.js' | LC_ALL=C sort)
# --no-wasm-tier-up and --test-force-exit: Node 20's exit deadlock with WebAssembly (nodejs/node#54918).
TZ=UTC exec node --enable-source-maps --no-wasm-tier-up --test --test-force-exit --test-concurrency=2 "$@" "${files[@]}"
