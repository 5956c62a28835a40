"""Schemathesis hooks for bench/service-schemathesis.sh (Python 3.9+, `pip install schemathesis`).

A generated `data` map almost never holds the registered model's inputs, so every decision route would
answer 422 and the fuzzer would never see a 2xx answer to check against its schema. In positive mode,
every other body that carries a `data` map gets a real application's inputs (from the file
CREDO_FUZZ_APPLICATION names) merged over it; the rest of the body stays as generated. Negative cases are
left alone, so what the schema forbids is still sent as generated.
"""

import json
import os
import zlib

import schemathesis

with open(os.environ["CREDO_FUZZ_APPLICATION"], encoding="utf-8") as handle:
    APPLICATION = json.load(handle)


@schemathesis.hook
def map_case(context, case):
    body = case.body
    meta = case.meta
    positive = meta is not None and not meta.generation.mode.is_negative
    if positive and isinstance(body, dict) and isinstance(body.get("data"), dict):
        # a stable half of the cases (by content), so shrinking and replays see the same body
        if zlib.crc32(json.dumps(body, sort_keys=True, default=str).encode()) % 2 == 0:
            case.body = {**body, "data": {**body["data"], **APPLICATION}}
    return case
