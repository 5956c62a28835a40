// @ts-nocheck
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import { repoRoot } from '../repo-root.js';

test('credo limits review --as-of --config --data-dir --json: a review of an empty book is stored; bad date and missing config are exit 2', async () => {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const dir = await mkdtemp(join(tmpdir(), 'credo-limits-'));
  const config = join(repoRoot, 'examples/optimise/limit-review.yaml');
  try {
    const run = await runCliCaptured(commands, ['limits', 'review', '--as-of', '2025-06-30', '--config', config, '--data-dir', 'book', '--json'], dir);
    assert.equal(run.code, 0, run.err);
    const r = JSON.parse(run.out);
    assert.deepEqual({ ...r, id: 'x' }, { id: 'x', as_of: '2025-06-30', status: 'applied', accounts: 0, changed: 0, result: { status: 'no_accounts' } });
    const bad = await runCliCaptured(commands, ['limits', 'review', '--as-of', '2025-02-30', '--config', config, '--data-dir', 'book'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--as-of/);
    const missing = await runCliCaptured(commands, ['limits', 'review', '--as-of', '2025-06-30', '--config', 'nope.yaml', '--data-dir', 'book'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml/);
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    await rm(dir, { recursive: true, force: true });
  }
});
