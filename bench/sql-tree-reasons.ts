/**
 * TreeSHAP reason codes in SQL: for HMEQ GBDTs of 10, 20, … trees × 31 leaves (argument: the tree
 * counts, default 10,20), the SQL size of `credo sql model --reasons 4` against pd alone, the
 * compile time, and DuckDB's CPU time (process user+sys, DuckDB runs in-process) for 1 row (≈ the
 * planning) and for 2,000 rows; then a check that the SQL's codes equal `credo score --reasons 4`.
 * usage (from the repository root, after npx tsc): node dist/bench/sql-tree-reasons.js 10,20,100   → JSON lines
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { explainFrame, reasonsForFrame } from '../src/cli/commands/explain-common.js';
import { parseReasonCatalogue } from '../src/explain/index.js';
import { numericColumn } from '../src/frame/index.js';
import { dataFolder, loadDataset, writeFrame } from '../src/io/index.js';
import { fitModel } from '../src/ml/ensemble/index.js';
import { compileModelSql } from '../src/sql/index.js';

const treeCounts = (process.argv[2] ?? '10,20').split(',').map(Number);
const catalogue = parseReasonCatalogue(JSON.parse(readFileSync(`${dataFolder()}/reasons.json`, 'utf8')));
const sample = (await loadDataset('hmeq')).slice(0, 2000);
const hmeq = sample.withColumn(
  numericColumn(
    'row_id',
    Float64Array.from({ length: sample.rowCount }, (_, i) => i),
  ),
);
const features = ['LOAN', 'MORTDUE', 'VALUE', 'REASON', 'JOB', 'YOJ', 'DEROG', 'DELINQ', 'CLAGE', 'NINQ', 'CLNO', 'DEBTINC'];
const db = await (await DuckDBInstance.create()).connect();
const folder = mkdtempSync(join(tmpdir(), 'credo-bench-'));
await writeFrame(hmeq, join(folder, 'hmeq.parquet'));
await db.run(`CREATE TABLE hmeq AS SELECT * FROM read_parquet('${join(folder, 'hmeq.parquet')}')`);
rmSync(folder, { recursive: true, force: true });

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

for (const trees of treeCounts) {
  const model = await fitModel({ kind: 'gbdt', params: { trees, leaves: 31, seed: 1 } }, hmeq, 'bad', features, { seed: 1 });
  const started = performance.now();
  const sql = compileModelSql(model, { table: 'hmeq', keys: ['row_id'], reasons: { count: 4, catalogue }, maxReasonChars: Number.POSITIVE_INFINITY });
  const compileSeconds = (performance.now() - started) / 1000;
  const plain = compileModelSql(model, { table: 'hmeq', keys: ['row_id'] });
  const statement = (s: string) => s.replace(/;\s*$/, '').replace(/^--.*\n/gm, '');
  const one = statement(sql.text).replace('FROM "hmeq"', 'FROM (SELECT * FROM "hmeq" LIMIT 1)');
  let before = cpu();
  await db.runAndReadAll(one);
  const oneRow = cpu() - before;
  before = cpu();
  const rows = (await db.runAndReadAll(`${statement(sql.text)} ORDER BY row_id`)).getRowObjectsJS();
  const allRows = cpu() - before;
  before = cpu();
  await db.runAndReadAll(statement(plain.text));
  const pdOnly = cpu() - before;
  // The check: codes equal credo score --reasons 4 on every row.
  const frame = hmeq;
  const { explanation } = await explainFrame(model, frame, 1);
  const expected = reasonsForFrame(explanation, frame, catalogue, 4, 'population', 0.5, new Float64Array(frame.rowCount));
  let differ = 0;
  rows.forEach((r, i) => {
    for (let k = 0; k < 5; k++) if ((r[`reason_${k + 1}`] ?? null) !== (expected[i]?.[k]?.code ?? null)) differ++;
  });
  console.log(
    JSON.stringify({
      bench: 'sql-tree-reasons',
      trees,
      leaves: 31,
      rows: rows.length,
      sqlChars: sql.text.length,
      pdOnlyChars: plain.text.length,
      compileSeconds,
      duckdbCpuSeconds1Row: oneRow,
      duckdbCpuSeconds: allRows,
      duckdbCpuSecondsPdOnly: pdOnly,
      codesDiffering: differ,
    }),
  );
}
