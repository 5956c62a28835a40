// @ts-nocheck
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../../src/frame/index.js';
import { fitModel } from '../../src/ml/ensemble/index.js';
import { Rng } from '../../src/random/index.js';
import { bigquery, dialects, duckdb, postgres, snowflake, spark, trino } from '../../src/sql/index.js';
import { type TestEngine, testEngines } from './engines.js';
import { assertModelParity } from './parity.js';

let engines: TestEngine[] = [];
before(async () => {
  engines = await testEngines();
});
after(async () => {
  for (const e of engines) await e.close();
});

const hostileLabels = ["x'); DROP TABLE t; --", 'back\\slash', 'quo"te', 'tick`', 'plain'];

/** A frame whose column names are SQL keywords or hold spaces, quotes and backticks, with hostile category labels. */
function hostileFrame(n: number, seed: number): Frame {
  const rng = new Rng(seed);
  const a = Float64Array.from({ length: n }, () => rng.nextNormal());
  const b = Float64Array.from({ length: n }, (_, i) => (i % 6 === 0 ? Number.NaN : rng.nextNormal()));
  const c = Array.from({ length: n }, (_, i) => hostileLabels[i % hostileLabels.length] as string);
  const bad = Float64Array.from({ length: n }, (_, i) => (a[i]! + (c[i] === 'plain' ? 1 : 0) + rng.nextNormal() > 0.8 ? 1 : 0));
  return new Frame([
    numericColumn(
      'my "id"',
      Float64Array.from({ length: n }, (_, i) => i),
    ),
    numericColumn('select', a),
    numericColumn('from where`; --', b),
    categoryFromLabels("it's", c),
    numericColumn('bad', bad),
  ]);
}

test('models over hostile column names and labels compile and score as in-process (no injection)', async () => {
  const train = hostileFrame(400, 3);
  const features = ['select', 'from where`; --', "it's"];
  const models = [
    await fitModel({ kind: 'gbdt', params: { trees: 10, leaves: 7, catSmooth: 1 } }, train, 'bad', features),
    await fitModel({ kind: 'logistic' }, train, 'bad', features),
    await fitModel({ kind: 'scorecard', params: { maxBins: 4, minIv: 0 } }, train, 'bad', features),
  ];
  const scored = hostileFrame(60, 4);
  // The parity helper keys on row_id; give it one beside the hostile key.
  const frame = scored.withColumn(
    numericColumn(
      'row_id',
      Float64Array.from({ length: 60 }, (_, i) => i),
    ),
  );
  for (const engine of engines) {
    await engine.load('select', frame);
    for (const model of models) await assertModelParity(engine, model, frame, 'select', `${engine.name} ${model.kind} hostile`);
    // The table is still there: nothing was dropped.
    assert.equal((await engine.query([`SELECT COUNT(*) AS n FROM ${engine.dialect.quoteIdentifier('select')}`]))[0]?.n, engine.name === 'duckdb' ? 60n : '60');
  }
});

test('quoting per dialect: identifiers and strings hold exactly the given text', () => {
  const name = 'a"b`c\\d\'e';
  assert.equal(duckdb.quoteIdentifier(name), '"a""b`c\\d\'e"');
  assert.equal(postgres.quoteIdentifier(name), '"a""b`c\\d\'e"');
  assert.equal(trino.quoteIdentifier(name), '"a""b`c\\d\'e"');
  assert.equal(snowflake.quoteIdentifier(name), '"a""b`c\\d\'e"');
  assert.equal(spark.quoteIdentifier(name), '`a"b``c\\d\'e`');
  assert.equal(bigquery.quoteIdentifier(name), '`a"b\\`c\\\\d\'e`');
  const text = "it's\\n\nx";
  assert.equal(duckdb.quoteString(text), "'it''s\\n\nx'");
  assert.equal(postgres.quoteString(text), "'it''s\\n\nx'");
  assert.equal(trino.quoteString(text), "'it''s\\n\nx'");
  assert.equal(spark.quoteString(text), "'it\\'s\\\\n\\nx'");
  assert.equal(bigquery.quoteString(text), "'it\\'s\\\\n\\nx'");
  assert.equal(snowflake.quoteString(text), "'it\\'s\\\\n\\nx'");
  for (const d of Object.values(dialects)) assert.throws(() => d.quoteString('a\u0000b'), /NUL/);
});

test('double literals per dialect parse back to the same double', () => {
  assert.equal(duckdb.formatDouble(1.5), '1.5e0');
  assert.equal(spark.formatDouble(-2), '(-2e0)');
  assert.equal(trino.formatDouble(1e21), '1e+21');
  assert.equal(bigquery.formatDouble(0.1), '0.1e0');
  assert.equal(postgres.formatDouble(1.5), '1.5::float8');
  assert.equal(postgres.formatDouble(-1.5e-7), '(-1.5e-7::float8)');
  assert.equal(snowflake.formatDouble(0.30000000000000004), '0.30000000000000004::FLOAT');
});

test('double literals read back exactly on DuckDB and PostgreSQL', async () => {
  const rng = new Rng(21);
  const values = [
    0.1,
    1 / 3,
    -2.5e-300,
    1.7976931348623157e308,
    5e-324,
    123456789.12345679,
    ...Array.from({ length: 40 }, () => rng.nextNormal() * 10 ** Math.floor(rng.nextNormal() * 5)),
  ];
  for (const engine of engines) {
    const rows = await engine.query([`SELECT ${values.map((v, i) => `${engine.dialect.formatDouble(v)} AS v${i}`).join(', ')}`]);
    values.forEach((v, i) => {
      assert.equal(Number(rows[0]?.[`v${i}`]), v, `${engine.name}: ${v}`);
    });
  }
});
