// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dialectNames } from '../../src/sql/index.js';
import { goldenCases } from '../engines/golden-cases.js';
import { repoPath } from '../repo-root.js';

test('generated SQL equals the golden files of every dialect (sqlglot parses these in npm run test:engines)', () => {
  for (const dialect of dialectNames) {
    for (const c of goldenCases()) {
      const file = repoPath('test', 'fixtures', 'sql', dialect, `${c.name}.sql`);
      assert.equal(c.sql(dialect), readFileSync(file, 'utf8'), `${dialect}/${c.name}.sql differs: rerun node dist/test/engines/write-golden.js and review`);
    }
  }
});

test('golden SQL spells doubles and quotes per dialect', () => {
  const read = (d: string) => readFileSync(repoPath('test', 'fixtures', 'sql', d, 'model-hostile-logistic.sql'), 'utf8');
  assert.match(read('postgres'), /^-- Advice: run with SET LOCAL jit = off/);
  assert.match(read('postgres'), /0\.75::float8 \* COALESCE\(f0, 0\.1::float8\)/);
  assert.match(read('snowflake'), /0\.75::FLOAT \* COALESCE\(f0, 0\.1::FLOAT\)/);
  assert.match(read('duckdb'), /0\.75e0 \* COALESCE\(f0, 0\.1e0\)/);
  assert.match(read('spark'), /`from where``; --`/);
  assert.match(read('bigquery'), /`from where\\`; --`/);
  assert.match(read('trino'), /"my ""id"""/);
  assert.match(read('spark'), /'x\\'\); DROP TABLE t; --'/);
  assert.match(read('duckdb'), /'x''\); DROP TABLE t; --'/);
});
