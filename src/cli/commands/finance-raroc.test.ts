import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCliCaptured } from '../run-cli.js';
import { financeClassifyCommand } from './finance-classify.js';
import { financeEclCommand } from './finance-ecl.js';
import { financeRarocCommand } from './finance-raroc.js';

async function run(argv: string[]) {
  return runCliCaptured([financeRarocCommand, financeEclCommand, financeClassifyCommand], argv, '/');
}

test('finance raroc reproduces REFERENCE §5 (0.413652) and prices to a hurdle', async () => {
  const base = [
    'finance',
    'raroc',
    '--ead',
    '10000',
    '--funding-rate',
    '0.04',
    '--opex',
    '200',
    '--pd',
    '0.05',
    '--lgd',
    '0.85',
    '--capital-rate',
    '0.04',
    '--capital-ratio',
    '0.08',
  ];
  const r = JSON.parse((await run([...base, '--rate', '0.14', '--hurdle', '0.413652240202', '--json'])).out);
  assert.equal(r.raroc.toFixed(6), '0.413652');
  assert.equal(r.capital.toFixed(2), '1003.61');
  assert.ok(Math.abs(r.price_for_hurdle - 0.14) < 1e-12);
  const priceOnly = JSON.parse((await run([...base, '--hurdle', '0.15', '--json'])).out);
  assert.equal(priceOnly.raroc, null);
  assert.ok(priceOnly.price_for_hurdle > 0.11 && priceOnly.price_for_hurdle < 0.12);
  const missing = await run(['finance', 'raroc', '--ead', '1', '--pd', '0.1', '--lgd', '0.5']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--rate is required/);
});

test('finance ecl reproduces REFERENCE §5 IFRS 9 values and stages a loan', async () => {
  const args = ['finance', 'ecl', '--hazard', '0.02', '--lgd', '0.4', '--ead', '10000,6700,3400', '--eir', '0.1'];
  const discrete = JSON.parse((await run([...args, '--json'])).out);
  assert.equal(discrete.twelve_month_ecl.toFixed(4), '72.7273');
  assert.equal(discrete.lifetime_ecl.toFixed(4), '135.7653');
  const continuous = JSON.parse((await run([...args, '--convention', 'continuous', '--json'])).out);
  assert.equal(continuous.twelve_month_ecl.toFixed(4), '72.0048');
  assert.equal(continuous.lifetime_ecl.toFixed(4), '134.4333');
  const staged = JSON.parse((await run([...args, '--dpd', '45', '--json'])).out);
  assert.equal(staged.stage, 2);
  assert.equal(staged.stage_ecl, discrete.lifetime_ecl);
  const sicr = JSON.parse((await run([...args, '--pd-origination', '0.01', '--pd-current', '0.015', '--json'])).out);
  assert.equal(sicr.stage, 1);
  assert.equal(sicr.stage_ecl, discrete.twelve_month_ecl);
  const cumulative = JSON.parse(
    (await run(['finance', 'ecl', '--cumulative-pd', '0.02,0.0396,0.058808', '--lgd', '0.4', '--ead', '10000,6700,3400', '--eir', '0.1', '--json'])).out,
  );
  assert.equal(cumulative.lifetime_ecl.toFixed(4), '135.7653');
  const human = await run(args);
  assert.match(human.out, /12-month ECL \(stage 1\): 72\.7273\nlifetime ECL \(stages 2-3, CECL\): 135\.7653/);
  const bad = await run(['finance', 'ecl', '--hazard', '0.02', '--lgd', '0.4', '--ead', '1,x']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--ead/);
});

test('finance classify: IRAC buckets by dpd, dates and history', async () => {
  const bucket = async (...argv: string[]) => JSON.parse((await run(['finance', 'classify', ...argv, '--json'])).out).bucket;
  assert.equal(await bucket('--dpd', '0'), 'Standard');
  assert.equal(await bucket('--dpd', '31'), 'SMA-1');
  assert.equal(await bucket('--dpd', '91'), 'Sub-standard');
  assert.equal(await bucket('--dpd', '500', '--months-npa', '13'), 'Doubtful D1');
  assert.equal(await bucket('--dpd', '500', '--as-of', '2025-03-31', '--npa-date', '2022-01-15'), 'Doubtful D2');
  assert.equal(await bucket('--dpd', '10', '--loss'), 'Loss');
  assert.equal(await bucket('--dpd-history', '0,30,95,0'), 'Standard');
  const dates = await run(['finance', 'classify', '--dpd', '200', '--as-of', '31-03-2025']);
  assert.equal(dates.code, 2);
  assert.match(dates.err, /flag --as-of: must be a calendar date YYYY-MM-DD \(got "31-03-2025"\)/);
  // a day that does not exist is refused too (Date.parse would roll 2025-02-29 over to 1 March)
  const leap = await run(['finance', 'classify', '--dpd', '200', '--as-of', '2025-03-31', '--npa-date', '2025-02-29']);
  assert.equal(leap.code, 2);
  assert.match(leap.err, /flag --npa-date: must be a calendar date YYYY-MM-DD \(got "2025-02-29"\)/);
  assert.equal(await bucket('--dpd', '500', '--as-of', '2024-03-31', '--npa-date', '2024-02-29'), 'Sub-standard');
});
