#!/usr/bin/env bash
# Decision service on real sockets (127.0.0.1 only), JSON lines: the issue's speed line (decisions/s, p50/p99,
# errors, with CPU and round trips per decision; group commit against one write per decision as the peer)
# on PGlite and, when DATABASE_URL is set, on PostgreSQL; load at 8 and 32 connections; the kill -9 crash
# test; ≥ 10,000 hostile requests. SERVICE_SECONDS (default 60) is the duration of each load run,
# SERVICE_CONNECTIONS (default 32) the connections of the speed runs, SERVICE_REPEAT (default 1) how many
# interleaved group/single pairs, SERVICE_WORKERS (default 1) `credo serve --workers` on PostgreSQL,
# SERVICE_HOSTILE the number of hostile requests (default 10000). Each PGlite server start takes ~20-30 s on
# a busy machine. Needs a build (npm run build, or CREDO_DIST=.build/<dir>); autocannon is a dev dependency.
# No Python peer: the peer is the same server writing each decision on its own (--batch 1).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SECONDS_LOAD="${SERVICE_SECONDS:-60}"
HOSTILE="${SERVICE_HOSTILE:-10000}"
PG_URL="${DATABASE_URL:-}"
# PGlite first (DATABASE_URL unset for it, one process), then PostgreSQL when a URL was given.
env -u DATABASE_URL SERVICE_WORKERS=1 node "$DIST/bench/service.js" speed "$SECONDS_LOAD"
if [ -n "$PG_URL" ]; then DATABASE_URL="$PG_URL" node "$DIST/bench/service.js" speed "$SECONDS_LOAD"; fi
env -u DATABASE_URL SERVICE_WORKERS=1 node "$DIST/bench/service.js" load "$SECONDS_LOAD"
if [ -n "$PG_URL" ]; then DATABASE_URL="$PG_URL" node "$DIST/bench/service.js" load "$SECONDS_LOAD"; fi
env -u DATABASE_URL node "$DIST/bench/service.js" crash 60
if [ -n "$PG_URL" ]; then DATABASE_URL="$PG_URL" node "$DIST/bench/service.js" crash 60; fi
env -u DATABASE_URL node "$DIST/bench/service.js" hostile "$HOSTILE"
