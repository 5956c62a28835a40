"""Parses every golden SQL file (test/fixtures/sql/<dialect>/*.sql) with sqlglot in its dialect.

Needs: python3 with sqlglot (pip install sqlglot). Run by scripts/test-engines.sh.
Trino, BigQuery and Snowflake statements are only parsed here (no engine runs them); DuckDB,
PostgreSQL and Spark ones are also executed elsewhere. A statement fails when sqlglot raises a
ParseError or, for the analyses, when the parse does not yield a single SELECT/WITH statement.
"""

import pathlib
import sys

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

SQLGLOT_DIALECT = {"duckdb": "duckdb", "postgres": "postgres", "spark": "spark", "trino": "trino", "bigquery": "bigquery", "snowflake": "snowflake"}


# Negative controls: statements each dialect must reject, so a lenient parser cannot pass silently.
MUST_FAIL = [
    ("bigquery", "SELECT 'it''s'"),
    ("trino", "SELECT `a` FROM t"),
    ("snowflake", "SELECT (1 + FROM t"),
    ("bigquery", "SELECT CASE WHEN x THEN 1 FROM t"),
]


def main(root: str) -> int:
    failures = 0
    for dialect, text in MUST_FAIL:
        try:
            sqlglot.parse(text, read=dialect, error_level=ErrorLevel.RAISE)
            failures += 1
            print(f"FAIL negative control parsed in {dialect}: {text}")
        except Exception:  # noqa: BLE001 - the expected outcome
            pass
    count = 0
    for dialect_dir in sorted(pathlib.Path(root).iterdir()):
        dialect = SQLGLOT_DIALECT[dialect_dir.name]
        for path in sorted(dialect_dir.glob("*.sql")):
            text = path.read_text(encoding="utf-8")
            try:
                statements = [s for s in sqlglot.parse(text, read=dialect, error_level=ErrorLevel.RAISE) if s is not None]
                if not statements:
                    raise ValueError("no statement")
                last = statements[-1]
                if not isinstance(last, (exp.Select, exp.Union)) and last.find(exp.Select) is None:
                    raise ValueError(f"last statement is {type(last).__name__}, not a query")
                for s in statements[:-1]:
                    if not isinstance(s, exp.Create):
                        raise ValueError(f"staging statement is {type(s).__name__}, not CREATE VIEW")
                count += len(statements)
            except Exception as error:  # noqa: BLE001 - report every failing file
                failures += 1
                print(f"FAIL {dialect_dir.name}/{path.name}: {str(error)[:400]}")
    print(f"sqlglot {sqlglot.__version__}: parsed {count} statements, {failures} failing files")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/sql"))
