// @ts-nocheck
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
import { compileModelSql } from '../../src/sql/index.js';
import { type ParityData, parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';
import { assertModelParity } from './parity.js';

const specs: MemberSpec[] = [
  { kind: 'gbdt', params: { trees: 25, leaves: 15, learningRate: 0.2, seed: 3 } },
  { kind: 'forest', params: { trees: 8, leaves: 31, seed: 3 } },
  { kind: 'logistic', params: { l2: 0.1 } },
  { kind: 'svm', params: { seed: 3 } },
  { kind: 'scorecard', params: { maxBins: 5 } },
];

let engines: TestEngine[] = [];
let datasets: ParityData[] = [];
before(async () => {
  engines = await testEngines();
  datasets = await parityDatasets(120);
});
after(async () => {
  for (const e of engines) await e.close();
});

test('every model kind scores in SQL as in-process (pd to 1e-9, same scores) on the synthetic world, German and HMEQ, with missing values and unseen categories', async () => {
  // PostgreSQL joins whenever DATABASE_URL is set (CI sets it).
  assert.deepEqual(
    engines.map((e) => e.name),
    process.env.DATABASE_URL ? ['duckdb', 'postgres'] : ['duckdb'],
  );
  for (const data of datasets) {
    const models = [];
    for (const spec of specs) models.push(await fitModel(spec, data.train, data.target, data.features, { seed: 1 }));
    for (const engine of engines) {
      await engine.load(`score ${data.name}`, data.score);
      for (const model of models) await assertModelParity(engine, model, data.score, `score ${data.name}`, `${engine.name} ${data.name} ${model.kind}`);
    }
  }
});

test('over the size budget the stages become views, each statement within the budget, with the same pd', async () => {
  const data = datasets[1]!;
  const model = await fitModel({ kind: 'gbdt', params: { trees: 40, leaves: 15, seed: 2 } }, data.train, data.target, data.features);
  const budget = Math.floor(compileModelSql(model, { table: 'views_t', keys: ['row_id'] }).statements[0]!.length / 3);
  for (const engine of engines) {
    const sql = compileModelSql(model, {
      dialect: engine.dialect,
      maxStatementChars: budget,
      table: 'views_t',
      keys: ['row_id'],
      viewPrefix: 'credo_views_test',
    });
    assert.equal(sql.layout, 'views');
    assert.ok(sql.stages >= 2, `${sql.stages} stages`);
    for (const s of sql.statements) assert.ok(s.length <= budget, `${s.length} > ${budget}`);
    assert.match(sql.text, /Over the .* statement size budget: written as \d+ tree stage\(s\) in views/);
    await engine.load('views_t', data.score);
    await assertModelParity(engine, model, data.score, 'views_t', `${engine.name} views`, { maxStatementChars: budget, viewPrefix: 'credo_views_test' });
  }
});
