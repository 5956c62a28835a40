// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { profileFrame } from '../binning/index.js';
import { leakageChecks } from './leakage-checks.js';
import { isProtectedName, protectedFeatures } from './protected-attributes.js';

test('leakage checks: a copy of the target, an id, a high-IV flag and an honest feature (hand-built)', () => {
  const n = 200;
  const y = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 50 bads
  // near-copy: equal to the target except on 2 of the 150 goods → AUC = 1 − 2/150·½·… computed below
  const near = Float64Array.from(y, (v, i) => (i === 1 || i === 2 ? 1 : v));
  // a flag set on 40 of the 50 bads and 10 of the 150 goods: IV by hand below
  const flag = Float64Array.from({ length: n }, (_, i) => ((i % 4 === 0 && i < 160) || (i % 4 === 1 && i < 40) ? 1 : 0));
  const honest = Float64Array.from({ length: n }, (_, i) => i % 7);
  const frame = new Frame([
    numericColumn('true_bad', y),
    numericColumn('near', near),
    categoryFromLabels(
      'application_id',
      Array.from({ length: n }, (_, i) => `A${i}`),
    ),
    numericColumn('flag', flag),
    numericColumn('honest', honest),
  ]);
  const found = leakageChecks(frame, y, ['true_bad', 'near', 'application_id', 'flag', 'honest']);
  assert.deepEqual(
    found.map((f) => [f.column, f.kind]),
    [
      ['true_bad', 'separation'],
      ['near', 'target_copy'],
      ['application_id', 'id'],
      ['flag', 'iv'],
    ],
  );
  // near: bads all at 1; goods: 148 at 0, 2 at 1 → AUC = (148 + ½·2)/150 = 0.99333
  assert.ok(Math.abs((found[1]?.value as number) - 149 / 150) < 1e-12);
  // flag: (goods, bads) = (140, 10) at 0 and (10, 40) at 1, smoothing 0.5: G' = 151, B' = 51
  const pg = [140.5 / 151, 10.5 / 151];
  const pb = [10.5 / 51, 40.5 / 51];
  const iv = pg.reduce((s, g, k) => s + (g - (pb[k] as number)) * Math.log(g / (pb[k] as number)), 0);
  assert.ok(Math.abs((found[3]?.value as number) - iv) < 1e-12, `IV ${found[3]?.value} vs ${iv}`);
  assert.match(found[0]?.message as string, /"true_bad" alone separates the target \(AUC 1\.0000 on its own\)/);
  // rows with an unknown outcome are left out, and the threshold is a parameter
  const unknown = Float64Array.from(y, (v, i) => (i >= 100 ? Number.NaN : v));
  assert.deepEqual(
    leakageChecks(frame, unknown, ['flag', 'honest'], { ivThreshold: 100 }).map((f) => f.column),
    [],
  );
  // the profile's one sort per column gives the same findings as the checks' own AUC and IV (differential),
  // with every outcome known and with some unknown (then only its AUCs are used)
  const features = ['true_bad', 'near', 'application_id', 'flag', 'honest'];
  for (const labels of [y, unknown]) {
    const profile = profileFrame(frame.withColumn(numericColumn('outcome', labels)), { target: 'outcome' });
    assert.ok(profile.columns.some((c) => c.auc !== undefined));
    assert.deepEqual(leakageChecks(frame, labels, features, { profile }), leakageChecks(frame, labels, features));
  }
});

test('protected attributes are matched by name word, plus the columns a catalogue or flag lists', () => {
  for (const name of ['age', 'age_in_years', 'applicant_sex', 'personal_status_and_sex', 'foreign_worker', 'maritalStatus', 'date_of_birth', 'Race'])
    assert.ok(isProtectedName(name), name);
  for (const name of ['mortgage', 'page_views', 'usage', 'average_balance', 'DEBTINC', 'region']) assert.ok(!isProtectedName(name), name);
  assert.deepEqual(protectedFeatures(['bureau_score', 'age', 'region', 'LOAN'], ['region']), ['age', 'region']);
});
