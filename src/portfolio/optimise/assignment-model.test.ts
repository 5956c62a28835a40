import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AssignmentModel, variableName, writeAssignmentLp } from './assignment-model.js';

/** The CPLEX LP text written out by hand for a 2-segment, 3-action model with every kind of row. */
const model: AssignmentModel = {
  segments: ['s0', 's1'],
  actions: ['decline', 'approve', 'big'],
  profit: Float64Array.of(0, 12.5, -3, 0, 1 / 3, 7),
  constraints: [
    { name: 'cap', label: 'cap', coefficients: Float64Array.of(0, 1, 2, 0, -0.5, 0), sense: '<=', rhs: 0.1 + 0.2, extraTerms: { u: 1, z: 0 } },
    { name: 'none', label: 'none', coefficients: new Float64Array(6), sense: '>=', rhs: -1 },
  ],
  orderings: [{ better: 1, worse: 0 }],
  forbidden: Uint8Array.of(0, 0, 1, 0, 1, 0),
  extra: {
    columns: [
      { name: 'z', lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, objective: -2 },
      { name: 'u', lower: 0, upper: 5 },
    ],
    rows: ['r: z - u >= 0'],
  },
};

test('writeAssignmentLp: objective, assignment rows, business rows, orderings, extra rows, bounds and binaries (hand-written text)', () => {
  assert.equal(variableName(3, 12), 'x3_12');
  const expected = [
    'Maximize',
    ' obj: + 12.5 x0_1 - 3 x0_2 + 0.333333333333333 x1_1 + 7 x1_2 - 2 z',
    'Subject To',
    ' assign0: + x0_0 + x0_1 + x0_2 = 1',
    ' assign1: + x1_0 + x1_1 + x1_2 = 1',
    ' cap: + 1 x0_1 + 2 x0_2 - 0.5 x1_1 + 1 u <= 0.3',
    ' none: 0 x0_0 >= -1',
    ' order0: + x1_1 - x0_1 + x1_2 - x0_2 >= 0',
    ' order1: + x1_2 - x0_2 >= 0',
    ' r: z - u >= 0',
    'Bounds',
    ' 0 <= x0_0 <= 1',
    ' 0 <= x0_1 <= 1',
    ' x0_2 = 0',
    ' 0 <= x1_0 <= 1',
    ' x1_1 = 0',
    ' 0 <= x1_2 <= 1',
    ' -inf <= z <= +inf',
    ' 0 <= u <= 5',
  ];
  assert.equal(writeAssignmentLp(model, { integer: false }), [...expected, 'End'].join('\n'));
  assert.equal(writeAssignmentLp(model, { integer: true }), [...expected, 'Binary', ' x0_0 x0_1 x1_0 x1_2', 'End'].join('\n'));
  // `include` keeps only the named business rows
  const only = writeAssignmentLp(model, { integer: false, include: new Set(['none']) }).split('\n');
  assert.ok(only.includes(' none: 0 x0_0 >= -1') && !only.some((l) => l.startsWith(' cap:')));
  const neither = writeAssignmentLp(model, { integer: false, include: new Set() }).split('\n');
  assert.ok(!neither.some((l) => l.startsWith(' cap:') || l.startsWith(' none:')));
});

test('a zero objective still names a variable; binaries are listed 20 to a line; no orderings or extras write nothing', () => {
  const S = 7;
  const A = 3;
  const lp = writeAssignmentLp(
    { segments: Array.from({ length: S }, (_, s) => `s${s}`), actions: ['a', 'b', 'c'], profit: new Float64Array(S * A), constraints: [] },
    { integer: true },
  ).split('\n');
  assert.equal(lp[1], ' obj: 0 x0_0');
  const names = Array.from({ length: S * A }, (_, k) => `x${Math.floor(k / A)}_${k % A}`);
  assert.deepEqual(lp.slice(lp.indexOf('Binary') + 1), [` ${names.slice(0, 20).join(' ')}`, ` ${names[20]}`, 'End']);
  assert.deepEqual(
    lp.slice(lp.indexOf('Subject To') + 1, lp.indexOf('Bounds')),
    Array.from({ length: S }, (_, s) => ` assign${s}: + x${s}_0 + x${s}_1 + x${s}_2 = 1`),
  );
  assert.equal(lp.indexOf('Bounds') + 1 + S * A, lp.indexOf('Binary'));
  // exactly 20 binaries: one line, no empty one after it
  const twenty = writeAssignmentLp(
    { segments: Array.from({ length: 10 }, (_, s) => `s${s}`), actions: ['a', 'b'], profit: new Float64Array(20), constraints: [] },
    { integer: true },
  ).split('\n');
  assert.equal(twenty.length - twenty.indexOf('Binary'), 3);
});
