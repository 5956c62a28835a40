/**
 * Writes the warehouse bench's inputs (used by bench/warehouse.bench.sh): a Parquet file of N rows
 * × 30 features built inside DuckDB (deterministic hashes of the row number, 2% missing per
 * feature, a 0/1 outcome from a known logit), and for the model a 100-tree × 31-leaf GBDT trained
 * in-process on the first 20,000 rows. Usage: node dist/bench/warehouse-data.js OUT_DIR ROWS[,ROWS…]
 */
// @ts-nocheck

// 

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readFrame } from '../src/io/index.js';
import { serializeModel } from '../src/io/model-file.js';
import { fitModel } from '../src/ml/ensemble/index.js';
import { compileModelSql, spark } from '../src/sql/index.js';

const [outDir, sizesArg] = process.argv.slice(2);
if (outDir === undefined || sizesArg === undefined) throw new Error('usage: warehouse-data.js OUT_DIR ROWS[,ROWS…]');
mkdirSync(outDir, { recursive: true });
const FEATURES = 30;
const features = Array.from({ length: FEATURES }, (_, j) => `x${j}`);
const u = (j: number) => `((hash(i * ${FEATURES} + ${j}) % 1000003) / 1000003.0)`;
const select = (rows: number) =>
  `SELECT i AS id, ${features.map((f, j) => `CASE WHEN hash(i * 7919 + ${j}) % 50 = 0 THEN NULL ELSE ${u(j)} * 4 - 2 END AS ${f}`).join(', ')}, ` +
  `CASE WHEN ${u(FEATURES)} < 1 / (1 + exp(-(-2 + ${u(0)} * 2 - ${u(1)} + ${u(2)} * ${u(3)}))) THEN 1 ELSE 0 END AS bad FROM range(${rows}) t(i)`;

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
for (const rows of sizesArg.split(',').map(Number)) {
  const file = join(outDir, `warehouse-${rows}.parquet`);
  await connection.run(`COPY (${select(rows)}) TO '${file}' (FORMAT parquet)`);
}
const trainFile = join(outDir, 'warehouse-train.parquet');
await connection.run(`COPY (${select(20_000)}) TO '${trainFile}' (FORMAT parquet)`);
connection.closeSync();
instance.closeSync();
const train = await readFrame(trainFile);
const model = await fitModel({ kind: 'gbdt', params: { trees: 100, leaves: 31, learningRate: 0.05, validFraction: 0, seed: 1 } }, train, 'bad', features, {
  createdAt: '2026-01-01T00:00:00Z',
});
writeFileSync(join(outDir, 'warehouse-model.json'), serializeModel(model));
writeFileSync(
  join(outDir, 'warehouse-model.spark.sql'),
  compileModelSql(model, { dialect: spark, table: 'applications', keys: ['id'] }).statements.join(';\n'),
);
console.log(JSON.stringify({ bench: 'warehouse-data', trees: model.kind === 'gbdt' ? model.body.ensemble.trees.length : 0, sizes: sizesArg }));
