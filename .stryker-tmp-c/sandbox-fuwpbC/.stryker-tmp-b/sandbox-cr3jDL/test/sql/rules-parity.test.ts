// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Frame } from '../../src/frame/index.js';
import { fitModel } from '../../src/ml/ensemble/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { predictPd, predictScore } from '../../src/ml/predict-model.js';
import { compileStrategyQuery } from '../../src/sql/index.js';
import { type ActiveRule, activeRules, decide, parseStrategy, ruleMasks } from '../../src/strategy/index.js';
import { repoPath } from '../repo-root.js';
import { parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';

let engines: TestEngine[] = [];
before(async () => {
  engines = await testEngines();
});
after(async () => {
  for (const e of engines) await e.close();
});

const ACTIONS = ['approve', 'decline', 'refer'];

/** Checks rule and decision per row against `decide()` in-process. */
async function assertDecisions(
  engine: TestEngine,
  rules: ActiveRule[],
  frame: Frame,
  table: string,
  models: Record<string, CredoModel>,
  label: string,
): Promise<number> {
  const outputs: Record<string, { pd: Float64Array; score: Float64Array }> = {};
  for (const [ref, model] of Object.entries(models)) {
    const pd = predictPd(model, frame);
    outputs[ref] = { pd, score: predictScore(model, pd) };
  }
  const expected = decide(rules, ruleMasks(frame, rules, outputs), frame.rowCount);
  const sql = compileStrategyQuery(rules, { dialect: engine.dialect, table, keys: ['row_id'], models, schema: frame.schema() });
  const rows = (await engine.query([sql])).sort((a, b) => Number(a.row_id) - Number(b.row_id));
  assert.equal(rows.length, frame.rowCount);
  let hits = 0;
  rows.forEach((r, i) => {
    const first = expected.firstHit[i]!;
    assert.equal(r.rule, rules[first]?.id ?? null, `${label} row ${i}: rule`);
    assert.equal(r.decision, ACTIONS[expected.decision[i]!], `${label} row ${i}: decision`);
    if (first < rules.length) hits++;
  });
  assert.ok(hits > 0, `${label}: no rule hit`);
  return frame.rowCount - hits;
}

test('strategies compile to SQL that decides every row as decide() does, models included (synthetic world, German, HMEQ)', async () => {
  const datasets = await parityDatasets(150);
  const strategies: Record<string, string[]> = {
    synthetic: [
      readFileSync(repoPath('examples', 'strategies', 'new-policy.yaml'), 'utf8'),
      readFileSync(repoPath('examples', 'strategies', 'old-policy.yaml'), 'utf8'),
      'name: with-model\nrules:\n  - {id: m1, when: pd(champion) > 0.2, action: decline}\n  - {id: m2, when: score(champion) < 560 and segment == "new", action: refer}\n  - {id: m3, when: dti is missing, action: refer}\n',
    ],
    german: [
      'name: g\nrules:\n  - {id: g1, when: "purpose in [\\"A40\\", \\"A49\\"] and credit_amount / duration_in_month > 300", action: decline}\n  - {id: g2, when: housing is missing or pd(champion) >= 0.5, action: refer}\n  - {id: g3, when: age_in_years not between 25 and 60, action: decline}\n',
    ],
    hmeq: [
      'name: h\nrules:\n  - {id: h1, when: DEBTINC > 40 or DELINQ >= 2, action: decline}\n  - {id: h2, when: JOB == "Self" and not (REASON == "HomeImp"), action: refer}\n  - {id: h3, when: score(champion) < 600, action: decline}\n',
    ],
  };
  let misses = 0;
  for (const data of datasets) {
    const champion = await fitModel({ kind: 'gbdt', params: { trees: 15, leaves: 7 } }, data.train, data.target, data.features);
    // The synthetic policies read columns beyond the model features: score the world's own rows.
    const frame = data.name === 'synthetic' ? data.train.slice(0, 150).withColumn(data.score.column('row_id')) : data.score;
    for (const engine of engines) {
      await engine.load(`rules ${data.name}`, frame);
      for (const text of strategies[data.name] ?? []) {
        const rules = activeRules(parseStrategy(text));
        misses += await assertDecisions(engine, rules, frame, `rules ${data.name}`, { champion }, `${engine.name} ${data.name} ${rules.length} rules`);
      }
    }
  }
  assert.ok(misses > 100, `rows no rule hit: ${misses}`);
});
