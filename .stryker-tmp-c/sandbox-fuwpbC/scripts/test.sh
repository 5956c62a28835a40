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
# Node 20 can deadlock at exit after WebAssembly tier-up (nodejs/node#54918, fixed upstream in 2026; Node 20,
# out of support, keeps it): keep WebAssembly on the baseline tier there. --test-force-exit ends each test file once its tests are done, so
# a handle a test forgot to close fails nothing silently but cannot hang CI either.
flags=(--enable-source-maps --test --test-force-exit --test-concurrency=2)
[ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ] && flags+=(--no-wasm-tier-up)
TZ=UTC exec node "${flags[@]}" "$@" "${files[@]}"
