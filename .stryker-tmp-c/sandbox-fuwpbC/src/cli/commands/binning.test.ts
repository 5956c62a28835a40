// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeDuckDb } from '../../io/index.js';
import { Rng } from '../../random/index.js';
import { runCliCaptured } from '../run-cli.js';
import { binningApplyCommand } from './binning-apply.js';
import { binningFitCommand } from './binning-fit.js';
import { binningPsiCommand } from './binning-psi.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-binning-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDuckDb();
});

async function run(argv: string[]) {
  return runCliCaptured([binningFitCommand, binningApplyCommand, binningPsiCommand], argv, dir);
}

/** CSV with a numeric feature (−1 special, some empty), a categorical one and bad; `shift` moves x for the PSI test. */
function writeData(name: string, seed: number, shift = 0): void {
  const rng = new Rng(seed);
  const lines = ['x,grade,bad'];
  for (let i = 0; i < 1500; i++) {
    const x = Math.round((rng.nextNormal() + shift) * 10);
    const grade = 'ABCD'[rng.nextInt(4)] as string;
    const p = 1 / (1 + Math.exp(-(-1.5 + 0.08 * x + (grade === 'D' ? 1 : 0))));
    const bad = rng.nextDouble() < p ? 1 : 0;
    const xs = i % 25 === 0 ? '' : i % 31 === 0 ? '-1' : String(x);
    lines.push(`${xs},${grade},${i % 50 === 7 ? '' : bad}`);
  }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}

test('binning fit → edit the spec by hand → apply recomputes WOE with the edited bins', async () => {
  writeData('train.csv', 1);
  const fit = await run(['binning', 'fit', '--data', 'train.csv', '--target', 'bad', '--special', '-1', '--max-bins', '4', '--out', 'spec.json', '--json']);
  assert.equal(fit.code, 0, fit.err);
  const result = JSON.parse(fit.out);
  assert.equal(result.excluded_rows, 30);
  assert.equal(result.rows, 1470);
  const x = result.features.find((f: { feature: string }) => f.feature === 'x');
  assert.ok(x.iv > 0.1);
  assert.equal(x.trend, 'ascending');
  assert.deepEqual(
    x.bins.slice(-2).map((b: { label: string }) => b.label),
    ['special -1', 'missing'],
  );
  const spec = JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8'));
  assert.equal(spec.format, 'credo-binning');
  // The edit: one split at 0.
  const edited = { ...spec, features: spec.features.map((f: { feature: string }) => (f.feature === 'x' ? { ...f, splits: [0], woe: undefined } : f)) };
  writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
  const applied = await run(['binning', 'apply', '--data', 'train.csv', '--spec', 'edited.json', '--target', 'bad', '--out', 'woe.csv', '--json']);
  assert.equal(applied.code, 0, applied.err);
  const a = JSON.parse(applied.out);
  const ax = a.features.find((f: { feature: string }) => f.feature === 'x');
  assert.deepEqual(
    ax.bins.map((b: { label: string }) => b.label),
    ['[-inf, 0)', '[0, inf)', 'special -1', 'missing'],
  );
  // WOE columns hold each row's bin WOE: the first data row has x empty → missing-bin WOE.
  const woeLines = readFileSync(join(dir, 'woe.csv'), 'utf8').trim().split('\n');
  const header = (woeLines[0] as string).split(',');
  const firstRow = (woeLines[1] as string).split(',');
  assert.ok(Math.abs(Number(firstRow[header.indexOf('x_woe')]) - ax.woe[3]) < 1e-12);
  // Without a target, a spec whose WOE no longer fits its bins is refused.
  writeFileSync(join(dir, 'stale.json'), JSON.stringify({ ...edited, features: [{ ...edited.features[0], woe: [0.1, 0.2] }] }));
  const stale = await run(['binning', 'apply', '--data', 'train.csv', '--spec', 'stale.json']);
  assert.equal(stale.code, 2);
  assert.match(stale.err, /"woe" has 2 values but the spec has/);
});

test('binning psi: the same data is stable, a shifted population is not', async () => {
  writeData('train.csv', 1);
  writeData('same.csv', 2);
  writeData('shifted.csv', 3, 1);
  assert.equal((await run(['binning', 'fit', '--data', 'train.csv', '--target', 'bad', '--solver', 'dp', '--out', 'spec.json'])).code, 0);
  const same = JSON.parse((await run(['binning', 'psi', '--expected', 'train.csv', '--actual', 'same.csv', '--spec', 'spec.json', '--json'])).out);
  const shifted = JSON.parse((await run(['binning', 'psi', '--expected', 'train.csv', '--actual', 'shifted.csv', '--spec', 'spec.json', '--json'])).out);
  const psi = (r: { features: { feature: string; psi: number; verdict: string }[] }) => r.features.find((f) => f.feature === 'x');
  assert.equal(psi(same)?.verdict, 'stable');
  assert.equal(psi(shifted)?.verdict, 'shifted');
  assert.ok(Number.isFinite(psi(shifted)?.psi));
  const bad = await run(['binning', 'psi', '--expected', 'train.csv', '--actual', 'same.csv', '--spec', 'train.csv']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not valid JSON/);
});
