#!/usr/bin/env bash
# Decision service on real sockets (127.0.0.1 only), JSON lines: load (decisions/s, p50/p99, errors) on
# PGlite and, when DATABASE_URL is set, on PostgreSQL; the kill -9 crash test; ≥ 10,000 hostile requests.
# SERVICE_SECONDS (default 60) is the load duration per connection count (8 and 32); SERVICE_HOSTILE the
# number of hostile requests (default 10000). Each PGlite server start takes ~20-30 s on a busy machine.
# Needs a build (npm run build, or CREDO_DIST=.build/<dir>); autocannon is a dev dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SECONDS_LOAD="${SERVICE_SECONDS:-60}"
HOSTILE="${SERVICE_HOSTILE:-10000}"
PG_URL="${DATABASE_URL:-}"
# PGlite first (DATABASE_URL unset for it), then PostgreSQL when a URL was given.
env -u DATABASE_URL node "$DIST/bench/service.js" load "$SECONDS_LOAD"
if [ -n "$PG_URL" ]; then DATABASE_URL="$PG_URL" node "$DIST/bench/service.js" load "$SECONDS_LOAD"; fi
env -u DATABASE_URL node "$DIST/bench/service.js" crash 60
if [ -n "$PG_URL" ]; then DATABASE_URL="$PG_URL" node "$DIST/bench/service.js" crash 60; fi
env -u DATABASE_URL node "$DIST/bench/service.js" hostile "$HOSTILE"
