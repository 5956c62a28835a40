// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { errorCodes, renderErrorCatalogue } from '../src/errors/index.js';
import { repoPath } from './repo-root.js';

test('docs/errors.md lists exactly the catalogue (regenerate with `credo errors --markdown`)', () => {
  const doc = readFileSync(repoPath('docs', 'errors.md'), 'utf8');
  assert.equal(doc, renderErrorCatalogue());
});

test('every code is E_<AREA>[_<WHAT>] with a title and a message', () => {
  for (const [code, spec] of Object.entries(errorCodes)) {
    assert.match(code, /^E_[A-Z0-9]+(_[A-Z0-9]+)*$/, code);
    assert.ok(spec.title.length > 0 && spec.message.length > 0, code);
  }
});
