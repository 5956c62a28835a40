#!/usr/bin/env bash
# Independent fuzzing of the served OpenAPI document with schemathesis (PyPI), once per role key:
# no 5xx, every response conforms to its declared schema, no request the schema forbids is accepted.
# Needs `pip install schemathesis` (Python 3.9+) and a build. Starts its own PGlite server on 127.0.0.1
# with a model and policy registered, a dozen applications decided and a loan opened (bench/service-fixture.js),
# prints one JSON line per role. The fixture's schemathesis.toml gives the read routes those rows' ids, and
# bench/schemathesis_hooks.py puts a real application's inputs into half the generated `data` maps, so the
# decision routes answer 2xx too and their answers are checked against the schema. Before each role the
# fixture's model and policy are made champion and active again (fuzzing as admin or risk analyst changes
# them; `/ready` then answers its documented 503, which the fixture's config accepts for that route only).
# SCHEMATHESIS_MAX_EXAMPLES (default 50) bounds the examples per operation; SCHEMATHESIS_ROLES (default all
# four) picks the keys; SCHEMATHESIS_ARGS adds options (e.g. "--include-path-regex ^/api/v1/loans"). Excluded check:
# positive_data_acceptance — a schema-valid body can still be refused with a documented 422 when its content
# is wrong for the registry (application `data` must hold the active policy's and model's inputs, a model
# file must match its own SHA-256, policy YAML must parse): those rules are not expressible in JSON Schema.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
command -v schemathesis >/dev/null || { echo '{"bench":"service-schemathesis","skipped":"pip install schemathesis"}'; exit 0; }
WORK=$(mktemp -d)
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
node "$DIST/bench/service-fixture.js" "$WORK" > "$WORK/fixture.json"
node "$DIST/src/cli/main.js" serve --port 0 --host 127.0.0.1 --data-dir "$WORK/data" --quiet --rate-limit 0 2> "$WORK/serve.err" &
SERVER=$!
for _ in $(seq 1 120); do grep -q 'listening on' "$WORK/serve.err" && break; sleep 1; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.err" | head -1)
node "$DIST/bench/service-fixture.js" "$WORK" configure "$URL" >/dev/null
export PYTHONDONTWRITEBYTECODE=1 SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH="$PWD/bench${PYTHONPATH:+:$PYTHONPATH}" CREDO_FUZZ_APPLICATION="$WORK/application.json"
for ROLE in ${SCHEMATHESIS_ROLES:-admin risk_analyst loan_officer auditor}; do
  node "$DIST/bench/service-fixture.js" "$WORK" restore "$URL"
  KEY=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).keys[process.argv[2]])' "$WORK/fixture.json" "$ROLE")
  set +e
  (cd "$WORK" && schemathesis run "$URL/docs/json" --url "$URL" -H "Authorization: Bearer $KEY" --checks all \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-50}" --exclude-checks positive_data_acceptance ${SCHEMATHESIS_ARGS:-} > "$WORK/st-$ROLE.txt" 2>&1)
  CODE=$?
  set -e
  node -e 'const t=require("fs").readFileSync(process.argv[1],"utf8"); const s=t.split("\n").filter(l=>/passed|failed|error/i.test(l)).slice(-3).join(" | "); console.log(JSON.stringify({bench:"service-schemathesis",role:process.argv[2],exit:Number(process.argv[3]),summary:s}))' "$WORK/st-$ROLE.txt" "$ROLE" "$CODE"
  cp "$WORK/st-$ROLE.txt" "bench/out/schemathesis-$ROLE.txt" 2>/dev/null || { mkdir -p bench/out && cp "$WORK/st-$ROLE.txt" "bench/out/schemathesis-$ROLE.txt"; }
done
