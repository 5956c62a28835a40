import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import type { Explanation } from './explanation.js';
import { parseReasonCatalogue, reasonFor, unmappedFeatures } from './reason-catalogue.js';
import { justAboveCutoff, principalReasons, referenceContributions } from './reasons.js';

const catalogue = parseReasonCatalogue({
  version: 1,
  generic: { code: 'R99', text: 'Other factors: {feature}' },
  genericMissing: { code: 'R98', text: 'No information on {feature}' },
  features: {
    utilization: { code: 'R01', text: 'Balances are high relative to credit limits' },
    dti: { code: 'R02', text: 'Debt payments are high relative to income' },
    bureau_score: {
      code: 'R03',
      text: 'Credit bureau score is low',
      missing: { code: 'R53', text: 'No credit bureau record' },
      special: [{ value: -1, code: 'R54', text: 'Credit bureau file is frozen' }],
    },
    inquiries: { code: 'R05', text: 'Too many recent credit inquiries', inquiries: true },
    age_of_file: { code: 'R06', text: 'Length of credit history is short' },
    delinq: { code: 'R07', text: 'Recent delinquency' },
  },
});

const features = ['utilization', 'dti', 'bureau_score', 'inquiries', 'age_of_file', 'delinq', 'region'];
// two rows; contributions toward decline (log-odds of bad)
const explanation: Explanation = {
  features,
  rowCount: 2,
  values: Float64Array.from([0.9, 0.5, 0.7, 0.1, 0.3, -0.2, 0.6, /* row 1 */ 0.2, -0.1, 0.4, 0.3, 0, 0, 0]),
  expectedValue: -2,
  method: 'linear',
};
const values: (number | string | null)[][] = [
  [0.95, 0.6, null, 7, 14, 0, 'north'],
  [0.5, 0.2, -1, 4, 60, 0, 'south'],
];

test('principal reasons are the largest adverse contributions, with missing-value text and the inquiries fifth reason', () => {
  const reasons = principalReasons(explanation, 0, (j) => values[0]?.[j] ?? null, catalogue);
  assert.deepEqual(
    reasons.map((r) => [r.rank, r.code, r.feature, r.value, r.text]),
    [
      [1, 'R01', 'utilization', 0.95, 'Balances are high relative to credit limits'],
      [2, 'R53', 'bureau_score', null, 'No credit bureau record'],
      [3, 'R99', 'region', 'north', 'Other factors: region'],
      [4, 'R02', 'dti', 0.6, 'Debt payments are high relative to income'],
      [5, 'R05', 'inquiries', 7, 'Too many recent credit inquiries'],
    ],
  );
  assert.equal(reasons[0]?.contribution, 0.9);
  // inquiries is the 6th adverse factor (0.1 < 0.3 of age_of_file): still added fifth, age_of_file not
  assert.ok(!reasons.some((r) => r.feature === 'age_of_file'));
});

test('special values get their own reason; non-adverse features are never reasons', () => {
  const reasons = principalReasons(explanation, 1, (j) => values[1]?.[j] ?? null, catalogue);
  assert.deepEqual(
    reasons.map((r) => [r.code, r.feature]),
    [
      ['R54', 'bureau_score'],
      ['R05', 'inquiries'],
      ['R01', 'utilization'],
    ],
  );
});

test('a reference group shifts the ranking (applicants just above the cutoff)', () => {
  const reference = referenceContributions(explanation, [1]);
  assert.deepEqual(Array.from(reference), [0.2, -0.1, 0.4, 0.3, 0, 0, 0]);
  const reasons = principalReasons(explanation, 0, (j) => values[0]?.[j] ?? null, catalogue, { reference, count: 2 });
  // relative: utilization 0.7, dti 0.6, bureau 0.3, inquiries −0.2, age 0.3, region 0.6
  assert.deepEqual(
    reasons.map((r) => [r.feature, Math.round(r.contribution * 10) / 10]),
    [
      ['utilization', 0.7],
      ['dti', 0.6],
    ],
  );
  assert.deepEqual(Array.from(justAboveCutoff([0.01, 0.2, 0.09, 0.08, 0.5, 0.02], 0.1, 0.5)), [2, 3]);
});

test('catalogue: unmapped features, lookup and validation errors name the field', () => {
  assert.deepEqual(unmappedFeatures(catalogue, features), ['region']);
  assert.deepEqual(reasonFor(catalogue, 'income', null), { code: 'R98', text: 'No information on income' });
  assert.throws(
    () =>
      parseReasonCatalogue({
        version: 1,
        generic: { code: 'R99', text: 'x' },
        genericMissing: { code: 'R98', text: 'y' },
        features: { a: { code: 'R99', text: 'z' } },
      }),
    (e: unknown) => e instanceof CredoError && e.code === 'E_EXPLAIN_CATALOGUE' && /features\.a/.test(e.message) && /already used by generic/.test(e.message),
  );
  assert.throws(() => parseReasonCatalogue({ version: 1, generic: { code: 'R99' }, features: {} }), /generic\.text/);
});

test('ties rank by feature order, a shared code is shown once, only the first extra inquiries factor is added', () => {
  const c = parseReasonCatalogue({
    version: 1,
    generic: { code: 'G', text: 'Other: {feature}' },
    genericMissing: { code: 'M', text: 'No {feature}' },
    features: {
      a: { code: 'A', text: 'a' },
      inq1: { code: 'I1', text: 'inquiries 1', inquiries: true },
      inq2: { code: 'I2', text: 'inquiries 2', inquiries: true },
    },
  });
  const e: Explanation = {
    features: ['x', 'y', 'a', 'z', 'inq1', 'inq2'],
    rowCount: 1,
    // x, y, a tie at 0.5; z (unlisted, so code G like x and y) 0.4; inq1 0.2; inq2 0.3
    values: Float64Array.from([0.5, 0.5, 0.5, 0.4, 0.2, 0.3]),
    expectedValue: 0,
    method: 'linear',
  };
  const value = (j: number) => j;
  // order by contribution, ties by index: x, y, a, z, inq2, inq1; y and z share x's generic code G
  const two = principalReasons(e, 0, value, c, { count: 2 });
  assert.deepEqual(
    two.map((r) => [r.rank, r.code, r.feature, r.value, r.text]),
    [
      [1, 'G', 'x', 0, 'Other: x'],
      [2, 'A', 'a', 2, 'a'],
      [3, 'I2', 'inq2', 5, 'inquiries 2'],
    ],
  );
  const three = principalReasons(e, 0, value, c, { count: 3 });
  assert.deepEqual(
    three.map((r) => r.feature),
    ['x', 'a', 'inq2'],
    'inq2 is shown within the count, so inq1 is not added',
  );
  assert.deepEqual(
    principalReasons(e, 0, value, c, { count: 1 }).map((r) => [r.rank, r.feature, r.contribution]),
    [
      [1, 'x', 0.5],
      [2, 'inq2', 0.3],
    ],
  );
  assert.deepEqual(
    principalReasons(e, 0, value, c, { count: 0 }).map((r) => [r.rank, r.feature]),
    [[1, 'inq2']],
  );
});

test('the extra inquiries factor is skipped when its reason code is already shown (both missing)', () => {
  const c = parseReasonCatalogue({
    version: 1,
    generic: { code: 'G', text: 'Other' },
    genericMissing: { code: 'M', text: 'No {feature}' },
    features: { inq: { code: 'I', text: 'inquiries', inquiries: true } },
  });
  const e: Explanation = { features: ['income', 'inq'], rowCount: 1, values: Float64Array.from([0.9, 0.1]), expectedValue: 0, method: 'linear' };
  const missing = () => null;
  assert.deepEqual(
    principalReasons(e, 0, missing, c, { count: 1 }).map((r) => [r.code, r.text]),
    [['M', 'No income']],
  );
  // with a value, the inquiries factor has its own code and is added
  assert.deepEqual(
    principalReasons(e, 0, (j) => (j === 1 ? 6 : null), c, { count: 1 }).map((r) => [r.rank, r.code, r.value]),
    [
      [1, 'M', null],
      [2, 'I', 6],
    ],
  );
});

test('reference contributions of no rows are zeros; the reference is per feature and per row', () => {
  assert.deepEqual(Array.from(referenceContributions(explanation, [])), [0, 0, 0, 0, 0, 0, 0]);
  // mean of rows 0 and 1, hand-computed
  const both = referenceContributions(explanation, [0, 1]);
  const expected = [0.55, 0.2, 0.55, 0.2, 0.15, -0.1, 0.3];
  for (let j = 0; j < expected.length; j++) assert.ok(Math.abs((both[j] as number) - (expected[j] as number)) < 1e-15, `feature ${j}`);
  // row 1 relative to itself: nothing is adverse
  assert.deepEqual(
    principalReasons(explanation, 1, () => 0, catalogue, { reference: referenceContributions(explanation, [1]) }),
    [],
  );
});

test('rows just above the cutoff: strictly below it, highest PD first, ties by row, at least one, 5% by default', () => {
  // 0.1 equals the cutoff: declined, not approved
  assert.deepEqual(Array.from(justAboveCutoff([0.05, 0.1, 0.07, 0.07, 0.2], 0.1, 0.5)), [2, 3]);
  assert.deepEqual(Array.from(justAboveCutoff([0.05, 0.1, 0.07, 0.07, 0.2], 0.1, 0.01)), [2]);
  assert.deepEqual(Array.from(justAboveCutoff([0.05, 0.1, 0.07, 0.07, 0.2], 0.1, 5)), [2, 3, 0]);
  assert.deepEqual(Array.from(justAboveCutoff([0.5, 0.6], 0.1)), []);
  // 41 approved rows (PD i/100 for i = 0..40, below 0.5): 5% → ceil(2.05) = 3 rows, the three highest
  const pd = Array.from({ length: 60 }, (_, i) => i / 100);
  assert.deepEqual(Array.from(justAboveCutoff(pd, 0.405)), [40, 39, 38]);
  assert.deepEqual(Array.from(justAboveCutoff(pd.slice(0, 20), 0.5)), [19]);
});

test('an extra inquiries factor at feature index 0 is found and kept (the first one in contribution order)', () => {
  const c = parseReasonCatalogue({
    version: 1,
    generic: { code: 'G', text: 'Other' },
    genericMissing: { code: 'M', text: 'No {feature}' },
    features: { inq1: { code: 'I1', text: 'i1', inquiries: true }, inq2: { code: 'I2', text: 'i2', inquiries: true } },
  });
  const e: Explanation = { features: ['inq1', 'x', 'inq2'], rowCount: 1, values: Float64Array.from([0.2, 0.9, 0.1]), expectedValue: 0, method: 'linear' };
  assert.deepEqual(
    principalReasons(e, 0, () => 1, c, { count: 1 }).map((r) => [r.rank, r.feature]),
    [
      [1, 'x'],
      [2, 'inq1'],
    ],
  );
});
