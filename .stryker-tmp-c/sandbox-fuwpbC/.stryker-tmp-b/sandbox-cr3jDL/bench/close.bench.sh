#!/usr/bin/env bash
# Daily close of the loan book (JSON lines with loans/s and database CPU seconds): CLOSE_LOANS loans (default 20000) on PGlite, and CLOSE_PG_LOANS
# (default 200000) on PostgreSQL when DATABASE_URL is set. Needs a build (npm run build, or CREDO_DIST).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
env -u DATABASE_URL node "$DIST/bench/close.js" "${CLOSE_LOANS:-20000}"
if [ -n "${DATABASE_URL:-}" ]; then node "$DIST/bench/close.js" "${CLOSE_PG_LOANS:-200000}"; fi
