#!/usr/bin/env bash
# Out-of-core scoring: a 100-tree × 31-leaf GBDT over N rows × 30 features from Parquet, through
# `credo score --engine duckdb` (DuckDB COPY, memory_limit 1GB, 2 threads): rows/s and peak RSS
# of the whole process at growing N, then the same model's Spark-dialect SQL on Spark local[2].
# Sizes: WAREHOUSE_ROWS (default 5000000,20000000, the issue's), or scaled by BENCH_SCALE.
# Needs a build (npm run build), /usr/bin/time, and for Spark python3 with pyspark + Java 17
# (PYTHON, default python3; skipped with a note when pyspark is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${CREDO_DIST:-dist}"
SIZES="${WAREHOUSE_ROWS:-$(/usr/bin/python3 -c "import sys; s=float(sys.argv[1]); print(','.join(str(max(10000, int(n * s))) for n in (5000000, 20000000)))" "${BENCH_SCALE:-1}")}"
OUT=bench/out/warehouse
mkdir -p "$OUT"
node "$DIST/bench/warehouse-data.js" "$OUT" "$SIZES"
for rows in ${SIZES//,/ }; do
  /usr/bin/time -f '%M %e' -o "$OUT/time.txt" node "$DIST/src/cli/main.js" score --engine duckdb --model "$OUT/warehouse-model.json" \
    --data "$OUT/warehouse-$rows.parquet" --out "$OUT/scored-$rows.parquet" --keys id --memory-limit 1GB --threads 2 --temp-directory "$OUT/spill" --json >/dev/null
  read -r rss seconds < "$OUT/time.txt"
  /usr/bin/python3 -c "import json,sys; r,s,m=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(json.dumps({'bench':'warehouse','engine':'duckdb COPY (credo score --engine duckdb)','rows':r,'seconds':s,'rows_per_s':round(r/s),'peak_rss_mb':round(m/1024)}))" "$rows" "$seconds" "$rss"
  rm -f "$OUT/scored-$rows.parquet"
done
PYTHON="${PYTHON:-python3}"
if "$PYTHON" -c "import pyspark" 2>/dev/null; then
  for rows in ${SIZES//,/ }; do
    "$PYTHON" bench/warehouse_spark.py "$OUT/warehouse-$rows.parquet" "$OUT/warehouse-model.spark.sql" 2>/dev/null | grep '^{'
  done
else
  echo '{"bench":"warehouse","engine":"spark","skipped":"pyspark is not installed"}'
fi
