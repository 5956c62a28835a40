#!/usr/bin/env bash
# npm run test:engines: the warehouse dialects beyond the npm test suite (which runs every generated
# statement on DuckDB and, with DATABASE_URL, PostgreSQL).
#   1. sqlglot parses every golden statement (test/fixtures/sql/<dialect>/) in its dialect: Trino,
#      BigQuery and Snowflake are only parsed, never executed here;
#   2. Apache Spark (pyspark, local[2], the machine's Java 17) runs the Spark-dialect statements and
#      checks parity with Node's in-process values (models, strategies) and DuckDB's (analyses).
# Needs: python3 with `pip install pyspark sqlglot`, and Java 17 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
npx tsc -p tsconfig.json
python3 test/engines/parse_sqlglot.py test/fixtures/sql
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node --enable-source-maps dist/test/engines/generate-spark-cases.js "$work"
python3 test/engines/run_spark.py "$work"
