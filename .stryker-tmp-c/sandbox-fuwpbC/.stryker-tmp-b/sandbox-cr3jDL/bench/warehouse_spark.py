"""Scores a Parquet file with Credo's Spark-dialect SQL on Spark local[2] (bench/warehouse.bench.sh).

Needs: python3 with pyspark, Java 17. Usage: warehouse_spark.py DATA.parquet MODEL.spark.sql
Prints one JSON line: rows, seconds (the scoring query written to Spark's no-op sink) and rows/s.
"""

import json
import sys
import time

from pyspark.sql import SparkSession

data, sql_file = sys.argv[1], sys.argv[2]
spark = (
    SparkSession.builder.master("local[2]")
    .appName("credo-warehouse-bench")
    .config("spark.ui.enabled", "false")
    .config("spark.ui.showConsoleProgress", "false")
    .config("spark.driver.memory", "2g")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
spark.read.parquet(data).createOrReplaceTempView("applications")
statements = [s for s in open(sql_file, encoding="utf-8").read().split(";\n") if s.strip()]
for s in statements[:-1]:
    spark.sql(s)
rows = spark.read.parquet(data).count()
start = time.perf_counter()
spark.sql(statements[-1]).write.format("noop").mode("overwrite").save()
seconds = time.perf_counter() - start
print(json.dumps({"bench": "warehouse", "engine": "spark local[2]", "rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds)}))
spark.stop()
