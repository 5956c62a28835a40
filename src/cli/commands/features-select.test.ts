import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeDuckDb } from '../../io/index.js';
import { Rng } from '../../random/index.js';
import { runCliCaptured } from '../run-cli.js';
import { featuresSelectCommand } from './features-select.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-select-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDuckDb();
});

test('credo features select: reasons for every drop, the stepwise stage', async () => {
  const rng = new Rng(9);
  const lines = ['strong,strong_copy,medium,noise,mostly_missing,bad'];
  for (let i = 0; i < 2000; i++) {
    const s = rng.nextNormal();
    const m = rng.nextNormal();
    const bad = rng.nextDouble() < 1 / (1 + Math.exp(-(-1 + 1.3 * s + 0.6 * m))) ? 1 : 0;
    lines.push([s.toFixed(3), (s + 0.01 * rng.nextNormal()).toFixed(3), m.toFixed(3), rng.nextNormal().toFixed(3), i % 50 === 0 ? '1' : '', bad].join(','));
  }
  writeFileSync(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
  const { code, out, err } = await runCliCaptured(
    [featuresSelectCommand],
    ['features', 'select', '--data', 'd.csv', '--target', 'bad', '--stepwise', 'forward', '--criterion', 'bic', '--json'],
    dir,
  );
  assert.equal(code, 0, err);
  const r = JSON.parse(out);
  const kept = r.kept.map((k: { feature: string }) => k.feature);
  // strong and its near copy: whichever has the higher IV stays, the other goes for correlation.
  assert.equal(kept.length, 2);
  assert.ok(kept.includes('medium'));
  const twin = kept.includes('strong') ? 'strong_copy' : 'strong';
  const rule = (f: string) => r.dropped.find((d: { feature: string }) => d.feature === f)?.rule;
  assert.equal(rule(twin), 'correlation');
  assert.equal(rule('mostly_missing'), 'missing');
  assert.ok(['iv', 'stepwise'].includes(rule('noise')));
});
