// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { reasonsForFrame } from '../../src/cli/commands/explain-common.js';
import { additiveExplanation, parseReasonCatalogue, type ReasonCatalogue } from '../../src/explain/index.js';
import { Frame, numericColumn } from '../../src/frame/index.js';
import { dataFolder } from '../../src/io/index.js';
import { fitModel, type MemberSpec } from '../../src/ml/ensemble/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { compileModelSql } from '../../src/sql/index.js';
import { type ParityData, parityDatasets } from './datasets.js';
import { type TestEngine, testEngines } from './engines.js';

const specs: MemberSpec[] = [
  { kind: 'logistic', params: { l2: 0.1 } },
  { kind: 'svm', params: { seed: 3 } },
  { kind: 'scorecard', params: { maxBins: 5 } },
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

/** The shipped catalogue plus special values that occur in the data (a numeric and a categorical one) and an extra inquiries factor. */
function withSpecials(c: ReasonCatalogue): ReasonCatalogue {
  return parseReasonCatalogue({
    ...c,
    features: {
      ...c.features,
      delinq_30d_12m: {
        code: 'T01',
        text: 'Delinquency',
        special: [
          { value: 1, code: 'T02', text: 'One delinquency (special)' },
          { value: 2, code: 'T06', text: 'Two delinquencies (special)' },
        ],
      },
      employment_type: {
        code: 'T03',
        text: "Employment 'type'",
        special: [
          { value: 'self_employed', code: 'T04', text: 'Self-employed (special)' },
          { value: 'contract', code: 'T07', text: 'Contract (special)' },
          { value: 1, code: 'T08', text: 'a number never matches a label' },
        ],
      },
      DEROG: { code: 'T05', text: 'Derogatory records', inquiries: true },
    },
  });
}

/** What `credo score --reasons count` gives per row: codes and texts, N + 1 slots, null where empty. */
function expectedReasons(model: CredoModel, data: ParityData, catalogue: ReasonCatalogue, count: number): (string | null)[][] {
  const explanation = additiveExplanation(model, data.score);
  const reasons = reasonsForFrame(explanation, data.score, catalogue, count, 'population', 0.5, new Float64Array(data.score.rowCount));
  return reasons.map((r) => [
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.code ?? null),
    ...Array.from({ length: count + 1 }, (_, k) => r[k]?.text ?? null),
  ]);
}

test('reason codes of logistic, SVM and scorecard models in SQL equal credo score --reasons row by row (DuckDB, and PostgreSQL with DATABASE_URL), including the FCRA inquiries slot and special values', async () => {
  let inquirySlots = 0;
  let specials = 0;
  let labelSpecials = 0;
  let shorter = 0;
  for (const data of datasets) {
    const models: CredoModel[] = [];
    for (const spec of specs) models.push(await fitModel(spec, data.train, data.target, data.features, { seed: 1 }));
    for (const engine of engines) {
      await engine.load(`reasons ${data.name}`, data.score);
      for (const model of models) {
        for (const [catalogue, count] of [
          [shipped, 4],
          [withSpecials(shipped), 1],
          [withSpecials(shipped), 3],
        ] as const) {
          const label: string = `${engine.name} ${data.name} ${model.kind} --reasons ${count}`;
          const expected = expectedReasons(model, data, catalogue, count);
          const sql = compileModelSql(model, { dialect: engine.dialect, table: `reasons ${data.name}`, keys: ['row_id'], reasons: { count, catalogue } });
          const names = sql.columns.slice(3);
          assert.equal(names.length, 2 * (count + 1));
          const rows = await engine.query(sql.statements);
          assert.equal(rows.length, data.score.rowCount, label);
          rows.sort((a, b) => Number(a.row_id) - Number(b.row_id));
          rows.forEach((r, i) => {
            const got = names.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n])));
            assert.deepEqual(got, expected[i], `${label} row ${i}`);
            if (got[count] !== null) inquirySlots++;
            if (got.some((g) => g === 'T02' || g === 'T06')) specials++;
            if (got.some((g) => g === 'T04' || g === 'T07')) labelSpecials++;
            if (got[0] !== null && got[count - 1] === null) shorter++;
          });
        }
      }
    }
  }
  // The paths the SQL must get right were exercised: the FCRA §609(f) fifth slot, special values, rows with fewer reasons than asked.
  assert.ok(inquirySlots > 0, 'no row filled the inquiries slot');
  assert.ok(specials > 0, 'no numeric special-value reason');
  assert.ok(labelSpecials > 0, 'no categorical special-value reason');
  assert.ok(shorter > 0, 'no row with fewer reasons than asked');
});

test('reason codes of tree models are refused in SQL with a message saying why', async () => {
  const data = datasets[0]!;
  const model = await fitModel({ kind: 'gbdt', params: { trees: 3, leaves: 4, seed: 1 } }, data.train, data.target, data.features, { seed: 1 });
  assert.throws(
    () => compileModelSql(model, { reasons: { count: 2, catalogue: shipped } }),
    /reason codes of a gbdt model are not compiled to SQL: only additive models/,
  );
});

test('hand-worked: a code already given before the N-th reason does not block the FCRA inquiries slot of a later inquiries feature', async () => {
  // Two rows, coefficients 1, fill 0: row 0's contribution of each term is half its difference from row 1.
  // Row 0: a missing (+4 → 2), b missing (+3 → 1.5), c = 2 (→ 1), d = 1 (→ 0.5). Ranked a, b, c, d.
  // a is unlisted and b (an inquiries factor) has no missing entry: both give the generic missing code G98,
  // so with --reasons 2 b is skipped, c is the second reason, and d (inquiries, after the 2nd reason) fills slot 3.
  const model: CredoModel = {
    kind: 'logistic',
    schema: { columns: [] },
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: {
      version: 1,
      intercept: 0,
      terms: [
        { feature: 'a', type: 'number', coefficient: 1, fill: 0, missing: 4 },
        { feature: 'b', type: 'number', coefficient: 1, fill: 0, missing: 3 },
        { feature: 'c', type: 'number', coefficient: 1, fill: 0 },
        { feature: 'd', type: 'number', coefficient: 1, fill: 0 },
      ],
      l1: 0,
      l2: 0,
      design: [],
      standard_errors: [],
      p_values: [],
      vif: [],
      converged: true,
    },
  };
  const catalogue = parseReasonCatalogue({
    version: 1,
    generic: { code: 'G99', text: 'Other ({feature})' },
    genericMissing: { code: 'G98', text: '{feature} missing' },
    features: {
      b: { code: 'B1', text: 'Inquiries b', inquiries: true },
      c: { code: 'C1', text: 'Factor c' },
      d: { code: 'D1', text: 'Inquiries d', inquiries: true },
    },
  });
  const frame = new Frame(
    [
      numericColumn('row_id', Float64Array.from([0, 1])),
      numericColumn('a', Float64Array.from([Number.NaN, 0])),
      numericColumn('b', Float64Array.from([Number.NaN, 0])),
      numericColumn('c', Float64Array.from([2, 0])),
      numericColumn('d', Float64Array.from([1, 0])),
    ],
    2,
  );
  const data: ParityData = { name: 'hand', train: frame, target: 'bad', features: ['a', 'b', 'c', 'd'], score: frame };
  const expected = expectedReasons(model, data, catalogue, 2);
  assert.deepEqual(expected[0], ['G98', 'C1', 'D1', 'a missing', 'Factor c', 'Inquiries d']);
  for (const engine of engines) {
    await engine.load('hand', frame);
    const sql = compileModelSql(model, { dialect: engine.dialect, table: 'hand', keys: ['row_id'], reasons: { count: 2, catalogue } });
    const rows = await engine.query(sql.statements);
    rows.sort((x, y) => Number(x.row_id) - Number(y.row_id));
    const names = sql.columns.slice(3);
    rows.forEach((r, i) => {
      assert.deepEqual(
        names.map((n) => r[n] ?? null),
        expected[i],
        `${engine.name} row ${i}`,
      );
    });
  }
});
