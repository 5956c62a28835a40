import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { explainFrame, reasonsForFrame } from '../../src/cli/commands/explain-common.js';
import { parseReasonCatalogue, type ReasonCatalogue } from '../../src/explain/index.js';
import type { Frame } from '../../src/frame/index.js';
import { dataFolder } from '../../src/io/index.js';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
import { importLightgbm, importXgboost } from '../../src/ml/gbdt/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { compileModelSql, type ModelSqlOptions } from '../../src/sql/index.js';
import { repoPath } from '../repo-root.js';
import { csvFrame, type ParityData, parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';

// Few small trees keep the suite quick; the 100-tree figures are in docs/scale.md.
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

/** The shipped catalogue plus an inquiries factor that is often adverse in HMEQ, and special values that occur in the data. */
function withInquiries(c: ReasonCatalogue): ReasonCatalogue {
  return parseReasonCatalogue({
    ...c,
    features: {
      ...c.features,
      DEROG: { code: 'T05', text: 'Derogatory records', inquiries: true },
      NINQ: { code: 'T09', text: 'Recent inquiries', inquiries: true, special: [{ value: 0, code: 'T10', text: 'No inquiries (special)' }] },
      delinq_30d_12m: { code: 'T01', text: 'Delinquency', special: [{ value: 1, code: 'T02', text: 'One delinquency (special)' }] },
    },
  });
}

/** Found while checking: rows whose reasons fill the FCRA slot, and rows with a special-value reason. */
interface Seen {
  inquiries: number;
  specials: number;
}

/**
 * Runs the compiled SQL with `--reasons count` on `engine` and checks every row's codes and texts
 * against `credo score --reasons` (the TreeSHAP kernel and `principalReasons`), and the SQL's
 * per-feature TreeSHAP values (`s{j}` of the step `shap_codes`) against the kernel's to 1e-9.
 */
async function assertTreeReasons(
  engine: TestEngine,
  model: CredoModel,
  frame: Frame,
  table: string,
  catalogue: ReasonCatalogue,
  count: number,
  label: string,
  seen: Seen,
  options: ModelSqlOptions = {},
  checkValues = true,
): Promise<void> {
  const { explanation } = await explainFrame(model, frame, 1);
  const p = explanation.features.length;
  const reasons = reasonsForFrame(explanation, frame, catalogue, count, 'population', 0.5, new Float64Array(frame.rowCount));
  const want = reasons.map((r) => [
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.code ?? null),
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.text ?? null),
  ]);
  const sql = compileModelSql(model, { ...options, dialect: engine.dialect, table, keys: ['row_id'], reasons: { count, catalogue } });
  const rows = await engine.query(sql.statements);
  assert.equal(rows.length, frame.rowCount, label);
  rows.sort((a, b) => Number(a.row_id) - Number(b.row_id));
  const names = sql.columns.slice(3);
  rows.forEach((r, i) => {
    const got = names.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n])));
    assert.deepEqual(got, want[i], `${label} row ${i}`);
    if (got[count] !== null) seen.inquiries++;
    if (got.some((g) => g === 'T02' || g === 'T10')) seen.specials++;
  });
  if (!checkValues) return;
  // The contributions: the same steps, read at `shap_codes` instead of the final SELECT.
  const s = Array.from({ length: p }, (_, j) => `s${j}`).join(', ');
  const last = sql.statements[sql.statements.length - 1] as string;
  const query =
    sql.layout === 'single'
      ? `${last.slice(0, last.lastIndexOf('\nSELECT\n'))}\nSELECT k0 AS row_id, ${s} FROM credo_shap_codes`
      : `SELECT k0 AS row_id, ${s} FROM ${options.viewPrefix ?? 'credo_score'}_shap_codes`;
  const shap = await engine.query([...sql.statements.slice(0, -1), query]);
  shap.sort((a, b) => Number(a.row_id) - Number(b.row_id));
  let worst = 0;
  shap.forEach((r, i) => {
    for (let j = 0; j < p; j++) worst = Math.max(worst, Math.abs(Number(r[`s${j}`]) - (explanation.values[i * p + j] as number)));
  });
  assert.ok(worst <= 1e-9, `${label}: TreeSHAP values differ by ${worst}`);
}

test('TreeSHAP reason codes of GBDT and forest models in SQL equal credo score --reasons row by row, TreeSHAP values to 1e-9, on the synthetic world, German and HMEQ with missing values and unseen categories (DuckDB, and PostgreSQL with DATABASE_URL)', async () => {
  const seen: Seen = { inquiries: 0, specials: 0 };
  for (const data of datasets) {
    for (const spec of specs) {
      const model = await fitModel(spec, data.train, data.target, data.features, { seed: 1 });
      for (const engine of engines) {
        const table = `tree reasons ${data.name}`;
        await engine.load(table, data.score);
        for (const [catalogue, count] of [
          [shipped, 4],
          [withInquiries(shipped), 1],
        ] as const) {
          // the TreeSHAP values do not depend on the catalogue: checked once per model
          const label = `${engine.name} ${data.name} ${model.kind} --reasons ${count}`;
          await assertTreeReasons(engine, model, data.score, table, catalogue, count, label, seen, {}, count === 4);
        }
      }
    }
  }
  assert.ok(seen.inquiries > 0, 'no row filled the FCRA inquiries slot');
  assert.ok(seen.specials > 0, 'no special-value reason');
});

test('TreeSHAP reason codes of imported XGBoost (float32 inputs, categorical splits) and LightGBM models in SQL equal credo score --reasons', async () => {
  const seen: Seen = { inquiries: 0, specials: 0 };
  const read = (...path: string[]) => readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
  for (const [name, categorical] of [
    ['binary', []],
    ['categorical', ['region']],
  ] as const) {
    const model = importXgboost(read('xgboost', `${name}.json`), { file: `${name}.json`, createdAt: '2026-01-01T00:00:00Z' });
    const frame = csvFrame(read('xgboost', `${name}-input.csv`), categorical).slice(0, 150);
    for (const engine of engines) {
      await engine.load(`xgb reasons ${name}`, frame);
      await assertTreeReasons(engine, model, frame, `xgb reasons ${name}`, shipped, 2, `${engine.name} xgboost ${name}`, seen);
    }
  }
  for (const [name, categorical] of [
    ['lgb-zero', []],
    ['lgb-categorical', ['region']],
  ] as const) {
    const model = importLightgbm(read('lightgbm', `${name}.txt`), { file: `${name}.txt`, createdAt: '2026-01-01T00:00:00Z' });
    const frame = csvFrame(read('lightgbm', `${name}-input.csv`), categorical).slice(0, 150);
    for (const engine of engines) {
      await engine.load(`lgb reasons ${name}`, frame);
      await assertTreeReasons(engine, model, frame, `lgb reasons ${name}`, shipped, 2, `${engine.name} lightgbm ${name}`, seen);
    }
  }
});

test('over the size budget the TreeSHAP stages become views within the budget, with the same reasons; over --reasons-budget the model is refused', async () => {
  const data = datasets[2]!;
  const model = await fitModel({ kind: 'gbdt', params: { trees: 6, leaves: 8, seed: 2 } }, data.train, data.target, data.features, { seed: 1 });
  const full = compileModelSql(model, { table: 'views_r', keys: ['row_id'], reasons: { count: 3, catalogue: shipped } });
  const budget = Math.floor((full.statements[0] as string).length / 3);
  const seen: Seen = { inquiries: 0, specials: 0 };
  for (const engine of engines) {
    const options = { maxStatementChars: budget, viewPrefix: 'credo_views_reasons' };
    const sql = compileModelSql(model, { ...options, dialect: engine.dialect, table: 'views_r', keys: ['row_id'], reasons: { count: 3, catalogue: shipped } });
    assert.equal(sql.layout, 'views');
    for (const s of sql.statements) assert.ok(s.length <= budget, `${s.length} > ${budget}`);
    await engine.load('views_r', data.score);
    await assertTreeReasons(engine, model, data.score, 'views_r', shipped, 3, `${engine.name} views`, seen, options);
  }
  assert.throws(
    () => compileModelSql(model, { reasons: { count: 3, catalogue: shipped }, maxReasonChars: 5000 }),
    /exact TreeSHAP SQL of this 6-tree model is about [\d,]+ characters, over the budget of 5,000 .*raise --reasons-budget/,
  );
});
