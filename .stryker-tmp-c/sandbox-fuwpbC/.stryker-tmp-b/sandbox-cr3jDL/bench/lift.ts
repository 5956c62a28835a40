/**
 * Lift benchmark: sequential cumulative lift of bench/lift-rules.yaml (the peer's 5 rules) on the
 * peer's CSV, 3 segments + overall, two amount outcomes. Times Credo's lift (parse, compile,
 * evaluate, aggregate) apart from reading the file, as the peer times its computation apart from
 * read_csv, and the same computation as one DuckDB SQL query on an in-memory table (runs interleaved,
 * 5 each; Credo's first run is cold, with JIT compilation). Checks Credo against the peer's result (`--peer FILE` with the peer's JSON line) and against DuckDB.
 * usage (from the repository root): node dist/bench/lift.js data.csv [peer.json]   → JSON lines
 */
// @ts-nocheck

// 

import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { readFrame } from '../src/io/index.js';
import { compileStrategySql } from '../src/sql/index.js';
import { activeRules, computeLift, type LiftRow, parseStrategy, ruleMasks } from '../src/strategy/index.js';

const [dataPath, peerPath] = process.argv.slice(2);
if (dataPath === undefined) throw new Error('usage: lift.js data.csv [peer.json]');
const rulesText = readFileSync(process.env.LIFT_RULES ?? 'bench/lift-rules.yaml', 'utf8');
const outcomes = [
  { name: 'fpd7', numerator: 'fpd_fz7_amt', denominator: 'fpd_fm7_amt' },
  { name: 'mob4m2', numerator: 'mob4m2fenzi_amt', denominator: 'mob4m2fenmu_amt' },
];

let started = performance.now();
const frame = await readFrame(dataPath);
const readSeconds = (performance.now() - started) / 1000;

function runLift(): Record<string, LiftRow[]> {
  const rules = activeRules(parseStrategy(rulesText, 'lift-rules.yaml'));
  const masks = ruleMasks(frame, rules);
  return computeLift(frame, rules, masks, { by: 'segment', amount: 'fpd_fm7_amt', outcomes, standalone: false }).segments;
}

// DuckDB: the same waterfall as one query over an in-memory table (load untimed).
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`CREATE TABLE d AS SELECT * FROM read_csv_auto('${dataPath.replaceAll("'", "''")}')`);
const strategy = activeRules(parseStrategy(rulesText));
const k = strategy.length;
const firstRule = compileStrategySql(strategy).rules.map((r, j) => `WHEN ${r.sql} THEN ${j + 1}`);
const sums = ['n', 'amt', 'over', 'due', 'm2', 'bal'];
const query = `
WITH h AS (
  SELECT segment, CASE ${firstRule.join(' ')} ELSE ${k + 1} END AS k,
         fpd_fm7_amt AS due, fpd_fz7_amt AS over, mob4m2fenmu_amt AS bal, mob4m2fenzi_amt AS m2 FROM d),
g AS (
  SELECT CASE WHEN GROUPING(segment) = 1 THEN 'ALL' ELSE segment END AS seg, k,
         COUNT(*)::DOUBLE AS n, SUM(due) AS amt, SUM(over) AS over, SUM(due) AS due, SUM(m2) AS m2, SUM(bal) AS bal
  FROM h GROUP BY GROUPING SETS ((segment, k), (k))),
w AS (
  SELECT seg, k, ${sums.join(', ')},
         ${sums.map((s) => `SUM(${s}) OVER (PARTITION BY seg ORDER BY k ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS rest_${s}`).join(',\n         ')}
  FROM g)
SELECT seg, k, n, amt, over / NULLIF(due, 0) AS fpd7, m2 / NULLIF(bal, 0) AS mob4m2,
       rest_over / NULLIF(rest_due, 0) AS after_fpd7, rest_m2 / NULLIF(rest_bal, 0) AS after_mob4m2
FROM w WHERE k <= ${k} ORDER BY seg, k`;

// Interleaved runs so that load from other processes hits both alike; Credo's first run is cold (JIT).
const times: number[] = [];
const duckTimes: number[] = [];
let segments: Record<string, LiftRow[]> = {};
let duckRows: unknown[][] = [];
for (let run = 0; run < 5; run++) {
  started = performance.now();
  segments = runLift();
  times.push((performance.now() - started) / 1000);
  started = performance.now();
  duckRows = (await db.runAndReadAll(query)).getRows();
  duckTimes.push((performance.now() - started) / 1000);
}
db.closeSync();
instance.closeSync();
const credo = { first: times[0] as number, median: median(times) };
const duck = { first: duckTimes[0] as number, median: median(duckTimes) };
console.log(
  JSON.stringify({
    bench: 'lift',
    impl: 'credo',
    rows: frame.rowCount,
    read_seconds: round(readSeconds),
    seconds: round(credo.first),
    median_seconds: round(credo.median),
  }),
);
console.log(JSON.stringify({ bench: 'lift', impl: 'duckdb-sql', rows: frame.rowCount, seconds: round(duck.first), median_seconds: round(duck.median) }));

// Agreement: Credo vs DuckDB on every segment, Credo vs the peer on ALL.
let maxDiffDuck = 0;
for (const r of duckRows) {
  const [seg, kk, n, , fpd7, mob4m2, afterFpd7, afterMob4] = r as [string, number, number, number, number | null, number | null, number | null, number | null];
  const row = segments[seg]?.[Number(kk)];
  if (row === undefined || row.touched !== Number(n)) throw new Error(`DuckDB and Credo disagree on ${seg} rule ${kk}`);
  maxDiffDuck = Math.max(
    maxDiffDuck,
    diff(row.hit_rates.fpd7, fpd7),
    diff(row.hit_rates.mob4m2, mob4m2),
    diff(row.remaining_rates.fpd7, afterFpd7),
    diff(row.remaining_rates.mob4m2, afterMob4),
  );
}
let peer: { seconds: number; result: Record<string, number | string>[] } | undefined;
let maxDiffPeer: number | null = null;
if (peerPath !== undefined) {
  peer = JSON.parse(readFileSync(peerPath, 'utf8'));
  maxDiffPeer = 0;
  const all = segments.ALL as LiftRow[];
  peer?.result.forEach((p, j) => {
    const row = all[j] as LiftRow;
    if (row.touched !== p.touched) throw new Error(`peer and Credo disagree on touched of ${p.rule}: ${p.touched} vs ${row.touched}`);
    if (p.due_amt !== undefined && Math.abs((p.due_amt as number) - (row.touched_amount ?? 0)) > 0.006)
      throw new Error(`due_amt of ${p.rule}: ${p.due_amt} vs ${row.touched_amount}`);
    maxDiffPeer = Math.max(
      maxDiffPeer as number,
      diff(row.hit_rates.fpd7 ?? 0, p.fpd7 as number),
      diff(row.hit_rates.mob4m2 ?? 0, p.mob4m2 as number),
      diff(row.remaining_rates.fpd7 ?? 0, p.after_fpd7 as number),
      diff(row.remaining_rates.mob4m2 ?? 0, p.after_mob4m2 as number),
    );
  });
}
const agree = maxDiffDuck < 1e-9 && (maxDiffPeer === null || maxDiffPeer < 1e-9);
console.log(
  JSON.stringify({
    bench: 'lift',
    rows: frame.rowCount,
    credo_seconds: round(credo.first),
    credo_median_seconds: round(credo.median),
    pandas_seconds: peer?.seconds ?? null,
    duckdb_seconds: round(duck.first),
    duckdb_median_seconds: round(duck.median),
    time_ratio_vs_pandas: peer === undefined ? null : round(credo.first / peer.seconds),
    time_ratio_vs_duckdb: round(credo.first / duck.first),
    median_time_ratio_vs_duckdb: round(credo.median / duck.median),
    max_rate_diff_vs_pandas: maxDiffPeer,
    max_rate_diff_vs_duckdb: maxDiffDuck,
    agree,
  }),
);
if (!agree) process.exitCode = 1;

/** Absolute difference of two rates (in [0, 1]); a missing rate counts as 0, as the peer prints it. */
function diff(a: number | null | undefined, b: number | null | undefined): number {
  return Math.abs((a ?? 0) - (b ?? 0));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
