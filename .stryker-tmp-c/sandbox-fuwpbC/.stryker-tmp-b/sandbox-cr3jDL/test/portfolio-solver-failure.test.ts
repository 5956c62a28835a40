// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { solveLpVerified } from '../src/portfolio/optimise/solve-lp-verified.js';
import { repoPath } from './repo-root.js';

/**
 * The README frontier's failing MIP (test/fixtures/portfolio/README.md): HiGHS's presolve throws
 * "HiGHS error -1" (about 6 s); the verified solve retries with presolve off (about 3 s) and says
 * so. The retry note quotes the first run's error, so the test fails if the failing path did not run.
 */
test('the README 4% frontier MIP: HiGHS with presolve fails, the verified solve retries with presolve off and reports it', async () => {
  const lp = readFileSync(repoPath('test', 'fixtures', 'portfolio', 'highs-error-1.lp'), 'utf8');
  const verified = await solveLpVerified(lp, { timeLimit: 30, mipRelGap: 1e-4 });
  assert.equal(verified.status, 'Optimal');
  assert.ok(Math.abs(verified.objective - 688109107.83) < 1, `objective ${verified.objective}`);
  assert.match(verified.retry ?? '', /^presolve off \(the first run failed: Unable to solve the problem\. HiGHS error -1\)$/);
});
