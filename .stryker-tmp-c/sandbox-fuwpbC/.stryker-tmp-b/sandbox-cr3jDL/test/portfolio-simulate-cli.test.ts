// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { readFrame, writeFrame } from '../src/io/index.js';
import { repoRoot } from './repo-root.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'portfolio');

async function run(argv: string[]) {
  return runCliCaptured(commands, argv, fixtures);
}

test('credo simulate --json prints one object with EL, VaR, ES, EC, histogram and segments', async () => {
  const r = await run(['simulate', '--portfolio', 'loans-500.csv', '--scenarios', '4000', '--seed', '3', '--threads', '1', '--budget', '200000', '--json']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  for (const key of ['el', 'var99', 'var999', 'es99', 'es999', 'ec', 'histogram', 'by_segment', 'seconds']) assert.ok(key in result, key);
  assert.ok(Math.abs(result.el - result.analytic_el) < 3.5 * result.se.el);
  assert.ok(result.var99 <= result.var999 && result.var99 <= result.es99 && result.var999 <= result.es999);
  assert.ok(Math.abs(result.ec - (result.var999 - result.el)) < 1e-6);
  assert.deepEqual(result.by_segment.map((s: { segment: string }) => s.segment).sort(), ['auto', 'card', 'personal']);
  assert.ok(result.budget.probability > 0 && result.budget.probability < 1);
  assert.equal(result.histogram.edges.length, 41);
  // ES intervals respect ES ≥ VaR; the 99.9% tail of 4,000 scenarios holds 4–5 of them: warned, with a scenario count
  assert.ok(result.ci95.es999[0] >= result.var999 && result.ci95.es999[1] >= result.ci95.var999[1]);
  assert.ok(result.ci95.es99[0] >= result.var99);
  assert.ok(result.tail_scenarios.var999 < 20 && result.tail_scenarios.var99 >= 40);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], /^VaR99\.9 and ES99\.9 rest on \d of 4000 scenarios/);
  assert.ok(result.scenarios_for_es_precision.es999 >= (4000 * 20) / result.tail_scenarios.var999);
  assert.match(r.err, /credo: warning: VaR99\.9 and ES99\.9 rest on/);
});

test('credo simulate with a macro file simulates every scenario, worse ones losing more; thread count does not matter', async () => {
  const argv = ['simulate', '--portfolio', 'loans-500.csv', '--macro', 'macro.yaml', '--scenarios', '2000', '--json'];
  const one = await run([...argv, '--threads', '1']);
  const two = await run([...argv, '--threads', '2']);
  assert.equal(one.code, 0, one.err);
  const a = JSON.parse(one.out);
  const b = JSON.parse(two.out);
  assert.deepEqual(
    a.macro.map((m: { scenario: string }) => m.scenario),
    ['baseline', 'adverse', 'severe'],
  );
  const els = a.macro.map((m: { el: number }) => m.el);
  for (const m of a.macro) assert.ok(Math.abs(m.el - m.analytic_el) < 3.5 * m.se.el, `${m.scenario}: ${m.el} vs ${m.analytic_el}`);
  assert.ok(els[0] < els[1] && els[1] < els[2], String(els));
  assert.deepEqual(
    b.macro.map((m: { var999: number }) => m.var999),
    a.macro.map((m: { var999: number }) => m.var999),
  );
  const human = await run(argv.filter((a) => a !== '--json'));
  assert.match(human.out, /scenario\s+analytic EL\s+EL \[95% CI\]/);
  assert.match(human.out, /Euler allocation \(baseline\)/);
  // the interval cells carry thousands separators like the other money cells, the bounds split by a dash
  const el = a.el as number;
  const [low, high] = a.ci95.el as [number, number];
  const grouped = (v: number) => Math.round(v).toLocaleString('en-US');
  assert.ok(human.out.includes(`${grouped(el)} [${grouped(low)} – ${grouped(high)}]`), human.out);
});

test('a Parquet portfolio gives the same numbers as its CSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credo-simulate-'));
  try {
    const parquet = join(dir, 'loans.parquet');
    await writeFrame(await readFrame(join(fixtures, 'loans-500.csv')), parquet);
    const argv = ['--scenarios', '1000', '--seed', '4', '--threads', '1', '--json'];
    const fromCsv = JSON.parse((await run(['simulate', '--portfolio', 'loans-500.csv', ...argv])).out);
    const fromParquet = JSON.parse((await run(['simulate', '--portfolio', parquet, ...argv])).out);
    assert.equal(fromParquet.var99, fromCsv.var99);
    assert.equal(fromParquet.el, fromCsv.el);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('credo simulate reports bad input with exit 2 naming the column or file', async () => {
  const missing = await run(['simulate', '--portfolio', 'loans-500.csv', '--pd-col', 'prob']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /column "prob"/);
  const dir = mkdtempSync(join(tmpdir(), 'credo-simulate-'));
  try {
    writeFileSync(join(dir, 'dup.csv'), 'loan_id,segment,pd,lgd,ead\n7,a,0.01,0.5,100\n8,a,0.02,0.5,100\n7,b,0.01,0.5,100\n');
    const dup = await run(['simulate', '--portfolio', join(dir, 'dup.csv')]);
    assert.equal(dup.code, 2);
    assert.match(dup.err, /portfolio row 3: loan id "7" appears more than once/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const macro = await run(['simulate', '--portfolio', 'loans-500.csv', '--macro', 'README.md']);
  assert.equal(macro.code, 2);
  assert.match(macro.err, /file ".*README.md", line 2: column 3: Plain value cannot start with reserved character/);
});
