import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
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
