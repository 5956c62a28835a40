import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { explainFrame, reasonsForFrame } from '../../src/cli/commands/explain-common.js';
import { type Explanation, parseReasonCatalogue, type ReasonCatalogue } from '../../src/explain/index.js';
import { dataFolder } from '../../src/io/index.js';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { compileModelSql, type ModelSql } from '../../src/sql/index.js';
import { type ParityData, parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';

const specs: MemberSpec[] = [
  { kind: 'gbdt', params: { trees: 4, leaves: 15, learningRate: 0.2, seed: 3 } },
  { kind: 'forest', params: { trees: 3, leaves: 12, seed: 3 } },
];

let engines: TestEngine[] = [];
let datasets: ParityData[] = [];
let shipped: ReasonCatalogue;
before(async () => {
  engines = await testEngines();
  datasets = await parityDatasets(120);
  shipped = parseReasonCatalogue(JSON.parse(readFileSync(`${dataFolder()}/reasons.json`, 'utf8')));
});
after(async () => {
  for (const e of engines) await e.close();
});

/** The TreeSHAP value columns `s{j}` the reason steps carry, queried in place of the final SELECT (single-statement layout). */
function contributionQuery(sql: ModelSql, features: number): string[] {
  const last = sql.statements[sql.statements.length - 1] as string;
  const s = Array.from({ length: features }, (_, j) => `s${j}`);
  return [...sql.statements.slice(0, -1), `${last.slice(0, last.lastIndexOf('\nSELECT\n'))}\nSELECT k0 AS row_id, ${s.join(', ')} FROM credo_shap_codes`];
}

function expected(model: CredoModel, explanation: Explanation, data: ParityData, catalogue: ReasonCatalogue, count: number): (string | null)[][] {
  const reasons = reasonsForFrame(explanation, data.score, catalogue, count, 'population', 0.5, new Float64Array(data.score.rowCount));
  return reasons.map((r) => [
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.code ?? null),
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.text ?? null),
  ]);
}

test('TreeSHAP reason codes of GBDT and forest models in SQL equal credo score --reasons row by row, contributions to 1e-9 (DuckDB, and PostgreSQL with DATABASE_URL)', async () => {
  for (const data of datasets) {
    for (const spec of specs) {
      const model = await fitModel(spec, data.train, data.target, data.features, { seed: 1 });
      const { explanation } = await explainFrame(model, data.score, 1);
      const p = explanation.features.length;
      for (const engine of engines) {
        await engine.load(`tree reasons ${data.name}`, data.score);
        for (const count of [1, 4]) {
          const label = `${engine.name} ${data.name} ${model.kind} --reasons ${count}`;
          const sql = compileModelSql(model, {
            dialect: engine.dialect,
            table: `tree reasons ${data.name}`,
            keys: ['row_id'],
            reasons: { count, catalogue: shipped },
          });
          const rows = await engine.query(sql.statements);
          rows.sort((a, b) => Number(a.row_id) - Number(b.row_id));
          const want = expected(model, explanation, data, shipped, count);
          const names = sql.columns.slice(3);
          rows.forEach((r, i) => {
            const got = names.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n])));
            assert.deepEqual(got, want[i], `${label} row ${i}`);
          });
          if (count === 1) {
            const shap = await engine.query(contributionQuery(sql, p));
            shap.sort((a, b) => Number(a.row_id) - Number(b.row_id));
            let worst = 0;
            shap.forEach((r, i) => {
              for (let j = 0; j < p; j++) worst = Math.max(worst, Math.abs(Number(r[`s${j}`]) - (explanation.values[i * p + j] as number)));
            });
            assert.ok(worst <= 1e-9, `${label}: contributions differ by ${worst}`);
            console.log(label, worst, sql.text.length);
          }
        }
      }
    }
  }
});
