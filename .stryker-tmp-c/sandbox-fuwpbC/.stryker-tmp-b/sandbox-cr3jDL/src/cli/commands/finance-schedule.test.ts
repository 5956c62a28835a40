// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCliCaptured } from '../run-cli.js';
import { financeCapitalCommand } from './finance-capital.js';
import { financeScheduleCommand } from './finance-schedule.js';

async function run(argv: string[]) {
  return runCliCaptured([financeScheduleCommand, financeCapitalCommand], argv, '/');
}

test('finance schedule --json: EMI 8884.88 and a schedule whose principals sum to the loan', async () => {
  const r = await run(['finance', 'schedule', '--amount', '100000', '--rate', '0.12', '--months', '12', '--json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.emi, 8884.88);
  assert.equal(json.total_interest, 6618.53);
  assert.equal(json.schedule.length, 12);
  assert.deepEqual(json.schedule[0], { month: 1, payment: 8884.88, interest: 1000, principal: 7884.88, balance: 92115.12 });
  assert.deepEqual(json.schedule[11], { month: 12, payment: 8884.85, interest: 87.97, principal: 8796.88, balance: 0 });
  const cents = json.schedule.reduce((s: number, row: { principal: number }) => s + Math.round(row.principal * 100), 0);
  assert.equal(cents, 10_000_000);
});

test('finance schedule: human table, other currencies, prepayments', async () => {
  const human = await run(['finance', 'schedule', '--amount', '100000', '--rate', '0.12', '--months', '12']);
  assert.match(human.out, /EMI 8884\.88, total interest 6618\.53/);
  assert.ok(human.out.endsWith('\n   12  8884.85     87.97    8796.88      0.00\n'), human.out);
  const yen = JSON.parse((await run(['finance', 'schedule', '--amount', '1000000', '--rate', '0.05', '--months', '24', '--currency', 'JPY', '--json'])).out);
  assert.equal(yen.currency, 'JPY');
  assert.ok(Number.isInteger(yen.emi) && yen.schedule.every((row: { interest: number }) => Number.isInteger(row.interest)));
  const pre = JSON.parse((await run(['finance', 'schedule', '--amount', '100000', '--rate', '0.12', '--months', '12', '--prepay', '3=30000', '--json'])).out);
  assert.equal(pre.schedule[2].prepayment, 30000);
  assert.ok(pre.paid_off_month < 12);
});

test('finance schedule: bad flags exit 2 naming the flag', async () => {
  for (const [argv, pattern] of [
    [['--amount', 'abc', '--rate', '0.1', '--months', '12'], /--amount: must be a decimal amount in USD/],
    [['--amount', '-5', '--rate', '0.1', '--months', '12'], /--amount/],
    [['--amount', '100', '--rate', '0.1', '--months', '12', '--currency', 'XYZ'], /currency "XYZ" is not known/],
    [['--amount', '100', '--rate', '0.1', '--months', '12', '--prepay', '20=5'], /--prepay: month must be within 1\.\.12/],
    [['--amount', '100', '--rate', '0.1', '--months', '0'], /--months/],
  ] as [string[], RegExp][]) {
    const r = await run(['finance', 'schedule', ...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, pattern);
  }
});

test('finance capital --json reproduces REFERENCE §5 values', async () => {
  const qrre = JSON.parse((await run(['finance', 'capital', '--pd', '0.02', '--lgd', '0.85', '--class', 'qrre', '--json'])).out);
  assert.deepEqual(Object.keys(qrre).slice(0, 2), ['class', 'pd']);
  assert.equal(qrre.class, 'qrre');
  assert.equal(qrre.k.toFixed(8), '0.04370572');
  assert.equal(qrre.r, 0.04);
  const other = JSON.parse((await run(['finance', 'capital', '--pd', '0.05', '--lgd', '0.85', '--class', 'other_retail', '--ead', '10000', '--json'])).out);
  assert.equal(other.r.toFixed(6), '0.052591');
  assert.equal(other.k.toFixed(8), '0.10036070');
  assert.equal(other.rwa.toFixed(2), (12.5 * 1003.606989742958).toFixed(2));
  assert.ok(Math.abs(other.el - 425) < 1e-9);
  const corporate = JSON.parse((await run(['finance', 'capital', '--pd', '0.01', '--lgd', '0.45', '--class', 'corporate', '--maturity', '2.5', '--json'])).out);
  assert.equal((corporate.risk_weight * 100).toFixed(2), '92.32');
  // Basel II (no floor) for the PD 0.03% Annex 5 value; the default Basel III floor lifts PD to 0.05%.
  const floorless = JSON.parse(
    (await run(['finance', 'capital', '--pd', '0.0003', '--lgd', '0.45', '--class', 'other_retail', '--pd-floor', '0', '--json'])).out,
  );
  assert.equal((floorless.risk_weight * 100).toFixed(2), '4.45');
  const floored = JSON.parse((await run(['finance', 'capital', '--pd', '0.0003', '--lgd', '0.45', '--class', 'other_retail', '--json'])).out);
  assert.equal(floored.pd, 0.0005);
  const human = await run(['finance', 'capital', '--pd', '0.02', '--lgd', '0.85', '--class', 'qrre']);
  assert.match(human.out, /capital K\s+0\.04370572/);
  const bad = await run(['finance', 'capital', '--pd', '2', '--lgd', '0.85', '--class', 'qrre']);
  assert.equal(bad.code, 2);
  const badClass = await run(['finance', 'capital', '--pd', '0.02', '--lgd', '0.85', '--class', 'auto']);
  assert.match(badClass.err, /--class: must be one of mortgage, qrre, other_retail, corporate/);
});
