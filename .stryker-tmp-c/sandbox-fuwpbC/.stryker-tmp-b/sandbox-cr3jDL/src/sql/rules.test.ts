// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { type Column, categoryFromLabels, Frame, numericColumn, valueAt } from '../frame/index.js';
import { activeRules, compileRule, decide, parseRule, parseStrategy, ruleMasks } from '../strategy/index.js';
import { postgres } from './dialects.js';
import { compileRuleSql, compileStrategySql } from './rules.js';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
after(() => {
  connection.closeSync();
  instance.closeSync();
});

function literal(column: Column, i: number): string {
  const v = valueAt(column, i);
  if (v === null) return 'NULL';
  return typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
}

/** Loads a frame into a DuckDB table `t` (missing → NULL) with a row number `i`. */
async function load(frame: Frame): Promise<void> {
  const defs = frame.columns.map((c) => `"${c.name}" ${c.type === 'number' ? 'DOUBLE' : 'VARCHAR'}`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE t (i INTEGER, ${defs})`);
  const rows = [...Array(frame.rowCount).keys()].map((i) => `(${i}, ${frame.columns.map((c) => literal(c, i)).join(', ')})`);
  await connection.run(`INSERT INTO t VALUES ${rows.join(', ')}`);
}

async function sqlMask(sql: string, n: number): Promise<Uint8Array> {
  const reader = await connection.runAndReadAll(`SELECT i, ${sql} AS hit FROM t ORDER BY i`);
  const rows = reader.getRows();
  assert.equal(rows.length, n);
  return Uint8Array.from(rows.map((r) => (r[1] === true ? 1 : r[1] === false ? 0 : 9)));
}

const N = Number.NaN;
const frame = new Frame([
  numericColumn('x', Float64Array.from([1, 2, N, 4, 5, 0])),
  numericColumn('y', Float64Array.from([2, 2, 3, N, 1, 0])),
  categoryFromLabels('seg', ['new', 'repeat', 'new', "o'brien", null, 'repeat']),
]);

const cases = [
  'x > 2',
  'x != 2',
  'not (x > 2)',
  'x <= 2 or x is missing',
  'x == y',
  'x + y > 3',
  'x / y > 1',
  'x / y is missing',
  '-x < -3',
  'x between 1 and 4',
  'x not between 1 and 4',
  'x not between y and 4',
  'x in [0, 5]',
  'x not in [0, 5]',
  'seg == "new"',
  'seg != "new"',
  'seg in ["repeat", "o\'brien"]',
  'seg not in ["repeat"]',
  'not (seg in ["repeat"])',
  'seg is missing',
  'seg == "unseen"',
  'true and x * 2 - 1 == 3',
  '1 > 2',
];

test('contract: SQL on DuckDB matches the kernel, row for row, including missing values', async () => {
  await load(frame);
  for (const text of cases) {
    const rule = parseRule(text);
    const expected = compileRule(rule, frame).mask();
    const sql = compileRuleSql(rule, { schema: frame.schema() });
    assert.deepEqual(await sqlMask(sql, frame.rowCount), expected, `${text}\n${sql}`);
  }
});

test('contract: random expressions agree between SQL and kernel', async () => {
  const atom = fc.oneof(
    fc
      .tuple(fc.constantFrom('a', 'b', 'a + b', 'a * b', 'a / b', '-a'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.integer({ min: -3, max: 3 }))
      .map(([l, op, c]) => `${l} ${op} ${c}`),
    fc.constantFrom(
      'a is missing',
      'b is not missing',
      'c == "p"',
      'c != "q"',
      'c in ["p", "r"]',
      'c not in ["q"]',
      'c is missing',
      'a not between b and 2',
      'a in [0, 1, -2]',
      'a < b',
    ),
  );
  const expr = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
      tie('e').map((e) => `not (${e})`),
    ),
  })).e;
  const rng = fc.sample(
    fc.tuple(
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(N)),
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(N)),
      fc.constantFrom('p', 'q', 'r', null),
    ),
    { seed: 11, numRuns: 60 },
  );
  const data = new Frame([
    numericColumn('a', Float64Array.from(rng.map((r) => r[0]))),
    numericColumn('b', Float64Array.from(rng.map((r) => r[1]))),
    categoryFromLabels(
      'c',
      rng.map((r) => r[2]),
    ),
  ]);
  await load(data);
  for (const text of fc.sample(expr, { seed: 5, numRuns: 80 })) {
    const rule = parseRule(text);
    assert.deepEqual(await sqlMask(compileRuleSql(rule), data.rowCount), compileRule(rule, data).mask(), text);
  }
});

test('a strategy compiles to CASE expressions that agree with decide()', async () => {
  await load(frame);
  const rules = activeRules(
    parseStrategy(
      'name: s\nrules:\n  - {id: r1, when: x > 4, action: decline}\n  - {id: r2, when: seg == "new", action: refer}\n  - {id: r3, when: y is missing, action: approve}\n',
    ),
  );
  const sql = compileStrategySql(rules, { schema: frame.schema() });
  const reader = await connection.runAndReadAll(`SELECT ${sql.firstRule}, ${sql.decision} FROM t ORDER BY i`);
  const { decision, firstHit } = decide(rules, ruleMasks(frame, rules), frame.rowCount);
  const names = ['approve', 'decline', 'refer'];
  assert.deepEqual(
    reader.getRows().map((r) => [r[0], r[1]]),
    [...firstHit].map((f, i) => [rules[f]?.id ?? null, names[decision[i] as number]]),
  );
});

test('dialects, models and errors', () => {
  const rule = parseRule('x / y > 1 and pd(champion) > 0.1');
  assert.equal(
    compileRuleSql(rule, { dialect: postgres, models: { champion: { pd: 'champion_pd' } } }),
    '(COALESCE((CAST("x" AS DOUBLE PRECISION) / NULLIF("y", 0)) > 1, FALSE) AND COALESCE((champion_pd) > 0.1, FALSE))',
  );
  assert.throws(
    () => compileRuleSql(rule),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_MODEL_MISSING',
  );
  assert.throws(
    () => compileRuleSql(parseRule('dtii > 1'), { schema: frame.schema(), source: 'rule "r9"' }),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_RULE_TYPE' && /rule "r9" at position 1: unknown column "dtii"/.test(e.message),
  );
  assert.equal(compileRuleSql(parseRule('x > -1.5e-7')), 'COALESCE("x" > (-1.5e-7), FALSE)');
});
