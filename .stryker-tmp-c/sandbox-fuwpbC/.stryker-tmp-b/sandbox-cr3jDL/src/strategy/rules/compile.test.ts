// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../../errors/index.js';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { compileRule, type ModelOutputs } from './compile.js';
import { evaluateRule } from './evaluate.js';
import { parseRule } from './parser.js';

const NaN_ = Number.NaN;
// Rows: 0..5; x has a missing value at row 2, seg a missing label at row 4.
const frame = new Frame([
  numericColumn('x', Float64Array.from([1, 2, NaN_, 4, 5, 0])),
  numericColumn('y', Float64Array.from([2, 2, 3, NaN_, 1, 0])),
  categoryFromLabels('seg', ['new', 'repeat', 'new', 'topup', null, 'repeat']),
]);
const models: ModelOutputs = {
  champion: { pd: Float64Array.from([0.01, 0.2, 0.05, NaN_, 0.5, 0.12]), score: Float64Array.from([700, 560, 650, NaN_, 500, 590]) },
};

/** Expression → expected rows hit, worked by hand from the frame above. */
const cases: [string, number[]][] = [
  ['x > 2', [3, 4]],
  ['x != 2', [0, 3, 4, 5]],
  ['not (x > 2)', [0, 1, 2, 5]],
  ['x <= 2 or x is missing', [0, 1, 2, 5]],
  ['x is not missing', [0, 1, 3, 4, 5]],
  ['x == y', [1, 5]],
  ['x < y', [0]],
  ['x + y > 3', [1, 4]],
  ['x / y > 1', [4]],
  ['x / y is missing', [2, 3, 5]],
  ['-x < -3', [3, 4]],
  ['x * 2 - 1 == 3', [1]],
  ['x between 1 and 4', [0, 1, 3]],
  ['x not between 1 and 4', [4, 5]],
  ['x between y and 4', [1, 5]],
  ['x in [0, 5]', [4, 5]],
  ['x not in [0, 5]', [0, 1, 3]],
  ['seg == "new"', [0, 2]],
  ['"new" = seg', [0, 2]],
  ['seg != "new"', [1, 3, 5]],
  ['seg in ["repeat", "topup"]', [1, 3, 5]],
  ['seg not in ["repeat"]', [0, 2, 3]],
  ['not (seg in ["repeat"])', [0, 2, 3, 4]],
  ['seg is missing', [4]],
  ['seg == "unseen"', []],
  ['seg != "unseen"', [0, 1, 2, 3, 5]],
  ['x > 0 and not (seg in ["repeat"])', [0, 3, 4]],
  ['true', [0, 1, 2, 3, 4, 5]],
  ['false or 1 < 2', [0, 1, 2, 3, 4, 5]],
  ['1 > 2', []],
  ['pd(champion) > 0.1', [1, 4, 5]],
  ['score(champion) < 600 or y > 2', [1, 2, 4, 5]],
  ['pd(champion) is missing', [3]],
];

const rows = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i] === 1);

test('contract suite: interpreter and compiled kernel both match the hand-worked rows', () => {
  for (const [text, expected] of cases) {
    const rule = parseRule(text);
    assert.deepEqual(rows(evaluateRule(rule, frame, models)), expected, `interpreter: ${text}`);
    const compiled = compileRule(rule, frame, { models });
    assert.deepEqual(rows(compiled.mask()), expected, `kernel: ${text}`);
  }
});

test('the kernel runs its specialised column loops (fast path asserted)', () => {
  assert.deepEqual(compileRule(parseRule('x > 2'), frame).plan, ['compare:column-const']);
  assert.deepEqual(compileRule(parseRule('2 < x'), frame).plan, ['compare:column-const']);
  assert.deepEqual(compileRule(parseRule('seg in ["new"] and x + y > 1'), frame).plan, ['in:category-table', 'arith:+', 'compare:column-const', 'and']);
  assert.deepEqual(compileRule(parseRule('seg == "new"'), frame).plan, ['compare:category-code']);
});

test('differential: random expressions over random data agree between interpreter and kernel', () => {
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
      'a between -1 and 1',
      'b not between 0 and 2',
      'a in [0, 1, -2]',
      'a < b',
    ),
  );
  const expr = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
      tie('e').map((e) => `not (${e})`),
    ),
  })).e;
  const cell = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN));
  const data = fc.array(fc.tuple(cell, cell, fc.constantFrom('p', 'q', 'r', null)), { minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(expr, data, (text, table) => {
      const f = new Frame([
        numericColumn('a', Float64Array.from(table.map((r) => r[0]))),
        numericColumn('b', Float64Array.from(table.map((r) => r[1]))),
        categoryFromLabels(
          'c',
          table.map((r) => r[2]),
        ),
      ]);
      const rule = parseRule(text);
      assert.deepEqual(compileRule(rule, f).mask(), evaluateRule(rule, f), text);
    }),
    { seed: 7, numRuns: 300 },
  );
});

test('type errors point at the node: unknown column with a suggestion, category vs number, ordering on labels', () => {
  const cases: [string, number, RegExp][] = [
    ['dtii > 1', 1, /unknown column "dtii"/],
    ['xx > 1', 1, /unknown column "xx" \(did you mean "x"\?\)/],
    ['seg > "new"', 1, /does not apply to categories/],
    ['seg == 1', 1, /cannot compare a number with categorical column "seg"/],
    ['x == "new"', 1, /cannot compare a number with a quoted label/],
    ['seg + 1 > 2', 1, /"\+" needs a number, found categorical column "seg"/],
    ['x in ["a"]', 7, /list items must be numbers/],
    ['seg in [1]', 9, /list items must be quoted labels/],
    ['seg between 1 and 2', 1, /"between" needs a number/],
    ['"a" is missing', 1, /quoted label/],
    ['seg == x', 1, /cannot compare a number with categorical column/],
  ];
  for (const [text, position, pattern] of cases) {
    assert.throws(
      () => compileRule(parseRule(text), frame),
      (e: unknown) =>
        e instanceof CredoError && e.code === 'E_STRATEGY_RULE_TYPE' && (e.details as { position: number }).position === position && pattern.test(e.message),
      text,
    );
  }
  assert.throws(
    () => compileRule(parseRule('pd(other) > 0.1'), frame, { models }),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_MODEL_MISSING' && /"other"/.test(e.message),
  );
});
