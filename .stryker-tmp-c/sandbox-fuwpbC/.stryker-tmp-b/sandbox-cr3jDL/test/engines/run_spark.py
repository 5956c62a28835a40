"""Runs Credo's Spark-dialect SQL on Apache Spark (local mode) and checks parity with Node's values.

Needs: python3 with pyspark (pip install pyspark) and a Java 17 runtime. Input: the folder written
by dist/test/engines/generate-spark-cases.js (tables as JSON, statements, expected values).
A case may carry Spark settings (`sparkConf`), applied for that case only: the 500-tree model runs
with whole-stage code generation off and interpreted expressions, because generating Java for
500 nested CASE columns exhausts a 1 GB driver heap (measured with Spark 4.3 local[2]).
Models: pd within 1e-9 and identical scores per row. Strategies: identical rule and decision per
row. Analyses: identical rows (numbers within 1e-12 relative). Prints rows/s of a scoring run.
"""

import json
import math
import pathlib
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, StringType, StructField, StructType


def load_table(spark, path):
    spec = json.loads(path.read_text(encoding="utf-8"))
    schema = StructType([StructField(c["name"], DoubleType() if c["type"] == "double" else StringType(), True) for c in spec["columns"]])
    rows = [tuple(None if v is None else (float(v) if c["type"] == "double" else v) for v, c in zip(r, spec["columns"])) for r in spec["rows"]]
    spark.createDataFrame(rows, schema).createOrReplaceTempView(spec["name"])


def plain(value):
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if hasattr(value, "__float__") and not isinstance(value, str):
        return float(value)
    return value


def same(a, b):
    a, b = plain(a), plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-12 * max(1.0, abs(b))
    return a == b


def check(case, rows):
    expected = case["expected"]
    got = [r.asDict() for r in rows]
    if len(got) != len(expected["rows"]):
        return f"{len(got)} rows, expected {len(expected['rows'])}"
    if expected["kind"] == "model":
        by_key = {int(r["row_id"]): r for r in got}
        for e in expected["rows"]:
            r = by_key.get(int(e["row_id"]))
            if r is None:
                return f"row {e['row_id']} missing"
            if r["pd"] is None or abs(float(r["pd"]) - e["pd"]) > 1e-9:
                return f"row {e['row_id']}: pd {r['pd']} vs {e['pd']}"
            if float(r["score"]) != e["score"]:
                return f"row {e['row_id']}: score {r['score']} vs {e['score']}"
        return None
    key = expected.get("key")
    if key is not None:
        got.sort(key=lambda r: float(r[key]))
        exp_rows = sorted(expected["rows"], key=lambda r: float(r[key]))
    else:
        exp_rows = expected["rows"]
        order = lambda r: tuple((v is None, str(plain(v))) for v in r.values())  # noqa: E731
        got.sort(key=order)
        exp_rows = sorted(exp_rows, key=order)
    for i, (r, e) in enumerate(zip(got, exp_rows)):
        for name, value in e.items():
            if not same(r.get(name), value):
                return f"row {i} column {name}: {r.get(name)!r} vs {value!r}"
    return None


def main(folder, only=None):
    root = pathlib.Path(folder)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("credo-sql-parity")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for path in sorted(root.glob("table-*.json")):
        load_table(spark, path)
    cases = [c for c in json.loads((root / "cases.json").read_text(encoding="utf-8")) if only is None or c["name"] == only]
    failures = 0
    for case in cases:
        start = time.perf_counter()
        conf = case.get("sparkConf", {})
        for key, value in conf.items():
            spark.conf.set(key, value)
        try:
            df = None
            for statement in case["statements"]:
                df = spark.sql(statement)
            problem = check(case, df.collect())
        except Exception as error:  # noqa: BLE001 - report every failing case
            problem = f"{type(error).__name__}: {str(error)[:600]}"
        for key in conf:
            spark.conf.unset(key)
        seconds = time.perf_counter() - start
        status = "ok" if problem is None else f"FAIL {problem}"
        failures += problem is not None
        print(f"{case['name']:32s} {seconds:7.2f}s {status}", flush=True)
    print(f"Spark {spark.version}: {len(cases) - failures}/{len(cases)} cases agree")
    spark.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
