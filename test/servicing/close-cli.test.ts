import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';

test('credo close --as-of --data-dir --json: the contract keys; a re-run returns the same figures; catch-up; a bad date is exit 2', async () => {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const dir = await mkdtemp(join(tmpdir(), 'credo-close-'));
  try {
    const first = await runCliCaptured(commands, ['close', '--as-of', '2025-06-28', '--data-dir', 'book', '--json'], dir);
    assert.equal(first.code, 0, first.err);
    const a = JSON.parse(first.out);
    for (const key of ['as_of', 'loans', 'seconds', 'npa_loans', 'alerts']) assert.ok(key in a, key);
    assert.deepEqual({ ...a, seconds: 0 }, { as_of: '2025-06-28', loans: 0, seconds: 0, npa_loans: 0, alerts: 0, lines: 0, npa_lines: 0, dates_closed: 1 });
    const again = JSON.parse((await runCliCaptured(commands, ['close', '--as-of', '2025-06-28', '--data-dir', 'book', '--json'], dir)).out);
    assert.deepEqual(again, { ...a, dates_closed: 0 });
    const caught = JSON.parse((await runCliCaptured(commands, ['close', '--as-of', '2025-06-30', '--data-dir', 'book', '--json'], dir)).out);
    assert.equal(caught.dates_closed, 2);
    const bad = await runCliCaptured(commands, ['close', '--as-of', '2025-13-01', '--data-dir', 'book', '--json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--as-of/);
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    await rm(dir, { recursive: true, force: true });
  }
});
