// @ts-nocheck
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { repoPath } from './repo-root.js';

const expected = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;

test('credo --version and -v print the version in package.json', async () => {
  assert.match(expected, /^\d+\.\d+\.\d+/);
  for (const flag of ['--version', '-v']) {
    const r = await runCliCaptured(commands, [flag], repoPath());
    assert.equal(r.code, 0, flag);
    assert.equal(r.out, `${expected}\n`);
    assert.equal(r.err, '');
  }
});

test('the compiled executable prints the same version', () => {
  const r = spawnSync(process.execPath, [repoPath('dist', 'src', 'cli', 'main.js'), '-v'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${expected}\n`);
});
