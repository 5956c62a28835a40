import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame } from '../../src/frame/index.js';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { predictPd, predictScore } from '../../src/ml/predict-model.js';
import { compileModelSql } from '../../src/sql/index.js';
import { type ParityData, parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';

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

/** Runs the compiled model on every engine and checks pd to 1e-9 and identical scores, row by row. */
export async function assertModelParity(engine: TestEngine, model: CredoModel, frame: Frame, table: string, label: string): Promise<void> {
  const pd = predictPd(model, frame);
  const score = predictScore(model, pd);
  const sql = compileModelSql(model, { dialect: engine.dialect, table, keys: ['row_id'] });
  const rows = await engine.query(sql.statements);
  assert.equal(rows.length, frame.rowCount, label);
  rows.sort((a, b) => Number(a.row_id) - Number(b.row_id));
  rows.forEach((r, i) => {
    assert.equal(Number(r.row_id), i);
    const got = Number(r.pd);
    assert.ok(Math.abs(got - pd[i]!) <= 1e-9, `${label} row ${i}: pd ${got} vs in-process ${pd[i]}`);
    assert.equal(Number(r.score), score[i], `${label} row ${i}: score`);
  });
}

test('every model kind scores in SQL as in-process (pd to 1e-9, same scores) on the synthetic world, German and HMEQ, with missing values and unseen categories', async () => {
  for (const data of datasets) {
    const models = [];
    for (const spec of specs) models.push(await fitModel(spec, data.train, data.target, data.features, { seed: 1 }));
    for (const engine of engines) {
      await engine.load(`score ${data.name}`, data.score);
      for (const model of models) await assertModelParity(engine, model, data.score, `score ${data.name}`, `${engine.name} ${data.name} ${model.kind}`);
    }
  }
});
