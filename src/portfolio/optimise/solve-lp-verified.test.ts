import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import type { LpSolution, SolveLpOptions } from '../../ml/solver/index.js';
import { SOLVER_ERROR, solveLpVerified } from './solve-lp-verified.js';

test('solveLpVerified on HiGHS: a feasible LP as is, an infeasible one confirmed, an unreadable one a Solver error (never thrown)', async () => {
  const ok = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x <= 2\nBounds\n 0 <= x <= 5\nEnd');
  assert.deepEqual([ok.status, ok.objective, ok.values.x, 'retry' in ok], ['Optimal', 2, 2, false]);
  const infeasible = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x >= 3\nBounds\n 0 <= x <= 1\nEnd');
  assert.match(infeasible.status, /infeasible/i);
  assert.ok(!('retry' in infeasible));
  const broken = await solveLpVerified('Maximize\n obj: + 1 x\nSubject To\n c: + 1 x <= \nEnd');
  assert.equal(SOLVER_ERROR, 'Solver error');
  assert.equal(broken.status, 'Solver error');
  assert.deepEqual([broken.optimal, broken.objective, broken.values, broken.rows], [false, 0, {}, []]);
  assert.match(broken.message ?? '', /^.+; with presolve off: .+$/);
});

/** One scripted attempt: a solution to return, or an error to throw. */
type Step = LpSolution | Error;

/** A solver that answers each call with the next scripted step and records the options it was given. */
function scripted(...steps: Step[]) {
  const calls: { model: string; options: SolveLpOptions | undefined }[] = [];
  const solve = async (model: string, options?: SolveLpOptions): Promise<LpSolution> => {
    const step = steps[calls.length];
    calls.push({ model, options });
    if (step === undefined) throw new Error(`unexpected call ${calls.length}`);
    if (step instanceof Error) throw step;
    return step;
  };
  return { solve, calls };
}

/** A solution with a status and, when it has one, an answer (x = 3, objective 6, one row). */
function solution(status: string, answer = status === 'Optimal' || status === 'Time limit reached'): LpSolution {
  return answer
    ? { status, optimal: status === 'Optimal', objective: 6, values: { x: 3 }, rows: [{ name: 'c', activity: 3, dual: 2 }] }
    : { status, optimal: false, objective: 0, values: {}, rows: [] };
}

/** What `solveLp` throws when HiGHS fails: E_SOLVER_FAILED with the solver's message as `problem`. */
function highsFailure(problem: string): CredoError {
  return new CredoError('E_SOLVER_FAILED', { problem });
}

const MODEL = 'Maximize\n obj: + 2 x\nSubject To\n c: + 1 x <= 3\nEnd';
const OPTIONS: SolveLpOptions = { timeLimit: 7, mipRelGap: 0.01 };
const RETRY_OPTIONS: SolveLpOptions = { timeLimit: 7, mipRelGap: 0.01, presolve: false };

test('solveLpVerified: a first answer that is not infeasible is returned as it came, after one solve with the options given', async () => {
  for (const status of ['Optimal', 'Time limit reached', 'Iteration limit reached', 'Unbounded', 'Model error', 'Solver error']) {
    const first = solution(status);
    const { solve, calls } = scripted(first);
    const result = await solveLpVerified(MODEL, OPTIONS, solve);
    assert.equal(result, first, status);
    assert.deepEqual(calls, [{ model: MODEL, options: OPTIONS }], status);
  }
  // No options: the solver is given an empty options object (presolve left at its default).
  const { solve, calls } = scripted(solution('Optimal'));
  await solveLpVerified(MODEL, undefined, solve);
  assert.deepEqual(calls[0]?.options, {});
});

test('solveLpVerified: a solve that throws is retried with presolve off; the retry answer carries the first error', async () => {
  const second = solution('Optimal');
  const { solve, calls } = scripted(highsFailure('Unable to solve the problem. HiGHS error -1'), second);
  const result = await solveLpVerified(MODEL, OPTIONS, solve);
  assert.deepEqual(result, { ...second, retry: 'presolve off (the first run failed: Unable to solve the problem. HiGHS error -1)' });
  assert.ok(!('message' in result));
  assert.deepEqual(calls, [
    { model: MODEL, options: OPTIONS },
    { model: MODEL, options: RETRY_OPTIONS },
  ]);
  // Without a `problem` detail the error's own message stands in for it.
  const bare = scripted(new CredoError('E_SOLVER_FAILED'), second);
  const fromMessage = await solveLpVerified(MODEL, {}, bare.solve);
  assert.equal(fromMessage.retry, 'presolve off (the first run failed: LP/MIP solver: {problem})');
  assert.deepEqual(bare.calls[1]?.options, { presolve: false });
});

test('solveLpVerified: after a thrown first solve the retry answer is returned whatever its status, noted as a retry', async () => {
  for (const status of ['Time limit reached', 'Infeasible', 'Unbounded']) {
    const second = solution(status);
    const { solve } = scripted(highsFailure('boom'), second);
    const result = await solveLpVerified(MODEL, OPTIONS, solve);
    assert.deepEqual(result, { ...second, retry: 'presolve off (the first run failed: boom)' }, status);
  }
});

test('solveLpVerified: when the presolve-off retry throws too, a Solver error with both messages is returned, not thrown', async () => {
  const { solve, calls } = scripted(highsFailure('HiGHS error -1'), highsFailure('out of memory'));
  const result = await solveLpVerified(MODEL, OPTIONS, solve);
  assert.deepEqual(result, {
    status: 'Solver error',
    optimal: false,
    objective: 0,
    values: {},
    rows: [],
    message: 'HiGHS error -1; with presolve off: out of memory',
  });
  assert.ok(!('retry' in result));
  assert.deepEqual(
    calls.map((c) => c.options),
    [OPTIONS, RETRY_OPTIONS],
  );
});

test('solveLpVerified: anything thrown but a solver failure is rethrown, from the first solve or from the retry', async () => {
  const bug = new TypeError('not a solver failure');
  await assert.rejects(solveLpVerified(MODEL, OPTIONS, scripted(bug).solve), (error) => error === bug);
  const other = new CredoError('E_INTERNAL', { summary: 'not a solver failure either' });
  await assert.rejects(solveLpVerified(MODEL, OPTIONS, scripted(other).solve), (error) => error === other);
  await assert.rejects(solveLpVerified(MODEL, OPTIONS, scripted(highsFailure('boom'), bug).solve), (error) => error === bug);
});

test('solveLpVerified: an infeasible verdict is checked with presolve off and overturned only by an Optimal or time-limited answer', async () => {
  for (const firstStatus of ['Infeasible', 'Primal infeasible or unbounded']) {
    const first = solution(firstStatus);
    for (const secondStatus of ['Optimal', 'Time limit reached']) {
      const second = solution(secondStatus);
      const { solve, calls } = scripted(first, second);
      const result = await solveLpVerified(MODEL, OPTIONS, solve);
      assert.deepEqual(result, { ...second, retry: `presolve off (presolve reported "${firstStatus}")` }, `${firstStatus} → ${secondStatus}`);
      assert.deepEqual(calls, [
        { model: MODEL, options: OPTIONS },
        { model: MODEL, options: RETRY_OPTIONS },
      ]);
    }
    // The retry agrees (infeasible in any wording), or gives no usable answer: the first verdict stands.
    for (const second of [
      solution('Infeasible'),
      solution('Primal infeasible or unbounded'),
      solution('Unbounded'),
      solution('Iteration limit reached', true),
      solution('Solver error'),
    ]) {
      const { solve, calls } = scripted(first, second);
      const result = await solveLpVerified(MODEL, OPTIONS, solve);
      assert.equal(result, first, `${firstStatus} → ${second.status}`);
      assert.equal(calls.length, 2);
    }
    // The retry throws, a solver failure or anything else: the first verdict stands.
    for (const error of [highsFailure('boom'), new TypeError('bug')]) {
      const { solve } = scripted(first, error);
      assert.equal(await solveLpVerified(MODEL, OPTIONS, solve), first);
    }
  }
});
