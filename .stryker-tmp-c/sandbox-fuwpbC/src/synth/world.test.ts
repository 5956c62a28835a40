// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { computeEmi } from '../finance/index.js';
import { type Column, type Frame, valueAt } from '../frame/index.js';
import { OLD_POLICY } from './old-policy.js';
import { generateWorld } from './world.js';

const ROWS = 100_000;
const world = generateWorld({ rows: ROWS, seed: 42 });
const apps = world.applications;
const num = (name: string) => apps.numeric(name).values;
const label = (name: string, i: number) => valueAt(apps.column(name), i);

function sameColumn(a: Column, b: Column): boolean {
  if (a.type !== b.type || a.name !== b.name) return false;
  if (a.type === 'number' && b.type === 'number') return Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer));
  if (a.type === 'category' && b.type === 'category')
    return Buffer.from(a.codes.buffer).equals(Buffer.from(b.codes.buffer)) && a.dictionary.join('\n') === b.dictionary.join('\n');
  return false;
}
function sameFrame(a: Frame, b: Frame): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, j) => sameColumn(c, b.columns[j] as Column));
}

test('the same seed gives identical frames; another seed differs', () => {
  const again = generateWorld({ rows: 20_000, seed: 7, performance: true });
  const twice = generateWorld({ rows: 20_000, seed: 7, performance: true });
  assert.ok(sameFrame(again.applications, twice.applications));
  assert.ok(sameFrame(again.performance as Frame, twice.performance as Frame));
  const other = generateWorld({ rows: 20_000, seed: 8 });
  const differing = again.applications.columns.filter((c, j) => !sameColumn(c, other.applications.columns[j] as Column)).map((c) => c.name);
  assert.ok(differing.includes('bureau_score') && differing.includes('true_bad') && differing.includes('random_test'), differing.join());
});

test('every documented column is present with its type', () => {
  const categories = ['application_id', 'application_date', 'vintage', 'segment', 'channel', 'product', 'purpose', 'region', 'employment_type', 'old_decision'];
  const numbers = [
    'age',
    'employment_years',
    'monthly_income',
    'existing_monthly_debt',
    'bureau_score',
    'open_accounts',
    'delinq_30d_12m',
    'inquiries_3m',
    'inquiries_6m',
    'revolving_utilization',
    'credit_history_months',
    'multi_lender_level',
    'requested_amount',
    'term_months',
    'interest_rate',
    'emi',
    'dti',
    'lti',
    'true_pd',
    'true_bad',
    'old_score',
    'random_test',
    'approved',
    'bad',
    'fpd7_due_amount',
    'fpd7_overdue_amount',
    'mob4_balance',
    'mob4_m2plus_balance',
    'loss_amount',
  ];
  assert.deepEqual(new Set(apps.names), new Set([...categories, ...numbers]));
  for (const name of categories) assert.equal(apps.column(name).type, 'category', name);
  for (const name of numbers) assert.equal(apps.column(name).type, 'number', name);
  assert.equal(apps.rowCount, ROWS);
  assert.equal(label('application_id', 0), 'A0000001');
  assert.equal(label('application_id', ROWS - 1), 'A0100000');
  assert.deepEqual(apps.category('segment').dictionary, ['new', 'repeat', 'topup']);
  assert.deepEqual(apps.category('product').dictionary, ['personal_loan', 'credit_card']);
  assert.equal(apps.category('vintage').dictionary.length, 24);
  assert.equal(apps.category('vintage').dictionary[0], '2023-01');
  // Dates are ISO, inside their vintage, and rows are in date order.
  for (let i = 0; i < ROWS; i += 997) {
    const date = label('application_date', i) as string;
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(date.slice(0, 7), label('vintage', i));
    if (i > 0) assert.ok((label('application_date', i - 997) as string) <= date);
  }
});

test('bureau_score is missing exactly for thin files; nothing else is missing before outcomes', () => {
  const score = num('bureau_score');
  let thin = 0;
  for (let i = 0; i < ROWS; i++) {
    if (!Number.isNaN(score[i] as number)) {
      assert.ok((score[i] as number) >= 300 && (score[i] as number) <= 900);
      continue;
    }
    thin++;
    assert.ok((num('credit_history_months')[i] as number) < 12);
    assert.equal(num('revolving_utilization')[i], 0);
    assert.equal(num('delinq_30d_12m')[i], 0);
    assert.ok((num('open_accounts')[i] as number) <= 1);
  }
  assert.ok(thin / ROWS > 0.05 && thin / ROWS < 0.15, `thin share ${thin / ROWS}`);
  const outcomes = new Set(['bad', 'fpd7_due_amount', 'fpd7_overdue_amount', 'mob4_balance', 'mob4_m2plus_balance', 'loss_amount', 'bureau_score']);
  for (const column of apps.columns) {
    if (outcomes.has(column.name)) continue;
    for (let i = 0; i < ROWS; i++) assert.ok(valueAt(column, i) !== null, `${column.name} row ${i}`);
  }
});

test('outcomes exist exactly where approved, and amounts are consistent', () => {
  const approved = num('approved');
  const outcomeNames = ['bad', 'fpd7_due_amount', 'fpd7_overdue_amount', 'mob4_balance', 'mob4_m2plus_balance', 'loss_amount'];
  for (let i = 0; i < ROWS; i++) {
    const booked = approved[i] === 1;
    for (const name of outcomeNames) assert.equal(Number.isNaN(num(name)[i] as number), !booked, `${name} row ${i}`);
    if (!booked) continue;
    const bad = num('bad')[i] as number;
    assert.equal(bad, num('true_bad')[i]);
    assert.equal(num('fpd7_due_amount')[i], num('emi')[i]);
    assert.ok([0, num('emi')[i]].includes(num('fpd7_overdue_amount')[i] as number));
    const mob4 = num('mob4_balance')[i] as number;
    assert.ok(mob4 >= 0 && mob4 <= (num('requested_amount')[i] as number));
    assert.ok([0, mob4].includes(num('mob4_m2plus_balance')[i] as number));
    const loss = num('loss_amount')[i] as number;
    assert.ok(bad === 1 ? loss > 0 && loss <= (num('requested_amount')[i] as number) : loss === 0, `loss row ${i}`);
  }
});

test('money columns: EMI by REFERENCE §4, DTI and LTI from the published values, 2-decimal amounts', () => {
  const cents = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
  for (let i = 0; i < ROWS; i += 7) {
    const amount = num('requested_amount')[i] as number;
    const emi = num('emi')[i] as number;
    const income = num('monthly_income')[i] as number;
    assert.equal(emi, computeEmi(Math.round(amount * 100), num('interest_rate')[i] as number, num('term_months')[i] as number) / 100);
    assert.ok(Math.abs((num('dti')[i] as number) - ((num('existing_monthly_debt')[i] as number) + emi) / income) <= 5e-5 + 1e-12);
    assert.ok(Math.abs((num('lti')[i] as number) - amount / (12 * income)) <= 5e-5 + 1e-12);
    for (const name of ['requested_amount', 'emi', 'monthly_income', 'existing_monthly_debt']) assert.ok(cents(num(name)[i] as number), `${name} row ${i}`);
  }
});

test('old decisions follow the documented knock-outs and cutoff; approved = approve or random test', () => {
  const decline = apps.category('old_decision').dictionary.indexOf('decline');
  const codes = apps.category('old_decision').codes;
  let tests = 0;
  let approved = 0;
  for (let i = 0; i < ROWS; i++) {
    const score = num('bureau_score')[i] as number;
    const knockedOut =
      (num('age')[i] as number) < 21 ||
      (num('delinq_30d_12m')[i] as number) >= 3 ||
      (num('dti')[i] as number) > 0.6 ||
      (num('inquiries_3m')[i] as number) >= 6 ||
      score < 500;
    const expectedDecline = knockedOut || (num('old_score')[i] as number) < OLD_POLICY.cutoff;
    assert.equal(codes[i] === decline, expectedDecline, `row ${i}`);
    const test = num('random_test')[i] as number;
    tests += test;
    assert.equal(num('approved')[i], !expectedDecline || test === 1 ? 1 : 0);
    approved += num('approved')[i] as number;
  }
  // The random test is a Bernoulli(3%) draw: within 4 standard errors.
  const share = tests / ROWS;
  const se = Math.sqrt((0.03 * 0.97) / ROWS);
  assert.ok(Math.abs(share - OLD_POLICY.randomTestShare) < 4 * se, `random test share ${share}`);
  const rate = approved / ROWS;
  assert.ok(rate > 0.55 && rate < 0.65, `approval rate ${rate}`);
});

test('realised bad rates match the true PD within sampling error and sit in the documented ranges', () => {
  const pd = num('true_pd');
  const trueBad = num('true_bad');
  let pdSum = 0;
  let variance = 0;
  let bads = 0;
  let bookedPd = 0;
  let bookedBads = 0;
  let booked = 0;
  for (let i = 0; i < ROWS; i++) {
    const p = pd[i] as number;
    pdSum += p;
    variance += p * (1 - p);
    bads += trueBad[i] as number;
    if (num('approved')[i] === 1) {
      booked++;
      bookedPd += p;
      bookedBads += num('bad')[i] as number;
    }
  }
  const se = Math.sqrt(variance) / ROWS;
  assert.ok(Math.abs(bads / ROWS - pdSum / ROWS) < 4 * se, `true bad ${bads / ROWS} vs mean pd ${pdSum / ROWS}`);
  assert.ok(bads / ROWS > 0.08 && bads / ROWS < 0.11, `true bad rate ${bads / ROWS}`);
  assert.ok(bookedBads / booked > 0.035 && bookedBads / booked < 0.06, `approved bad rate ${bookedBads / booked}`);
  assert.ok(Math.abs(bookedBads - bookedPd) < 4 * Math.sqrt(bookedPd), 'approved bads vs their PDs');
});

test('options are validated', () => {
  const bad = (options: Parameters<typeof generateWorld>[0], pattern: RegExp) =>
    assert.throws(
      () => generateWorld(options),
      (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_VALIDATION' && pattern.test(e.message),
    );
  bad({ rows: 0, seed: 1 }, /rows must be/);
  bad({ rows: 10, seed: -1 }, /seed must be/);
  bad({ rows: 10, seed: 1, months: 0 }, /months must be/);
  bad({ rows: 10, seed: 1, startMonth: '2023-1' }, /startMonth/);
  bad({ rows: 10, seed: 1, performanceMonths: 40 }, /performanceMonths/);
  const small = generateWorld({ rows: 3, seed: 1, startMonth: '2020-11', months: 2 });
  assert.deepEqual(small.applications.category('vintage').dictionary, ['2020-11', '2020-12']);
});
