// @ts-nocheck
import assert from 'node:assert/strict';
import type { Frame } from '../../src/frame/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { predictPd, predictScore } from '../../src/ml/predict-model.js';
import { compileModelSql, type ModelSqlOptions } from '../../src/sql/index.js';
import type { TestEngine } from './engines.js';

/** Runs the compiled model on every engine and checks pd to 1e-9 and identical scores, row by row. */
export async function assertModelParity(
  engine: TestEngine,
  model: CredoModel,
  frame: Frame,
  table: string,
  label: string,
  options: ModelSqlOptions = {},
): Promise<void> {
  const pd = predictPd(model, frame);
  const score = predictScore(model, pd);
  const sql = compileModelSql(model, { ...options, dialect: engine.dialect, table, keys: ['row_id'] });
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
