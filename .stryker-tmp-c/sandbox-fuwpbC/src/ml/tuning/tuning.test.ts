// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../random/index.js';
import { creditTestFrame } from '../gbdt/test-frames.js';
import { parseBudget, type SearchSpace, sampleRandom, sampleTpe, searchSpaces, tuneModel } from './index.js';

const frame = creditTestFrame(600, 71);
const features = ['delinq', 'bureau', 'noise', 'income', 'region'];

test('parseBudget: seconds, minutes, hours; rejects nonsense', () => {
  assert.equal(parseBudget('300s'), 300);
  assert.equal(parseBudget('300'), 300);
  assert.equal(parseBudget('5m'), 300);
  assert.equal(parseBudget('1.5h'), 5400);
  assert.throws(() => parseBudget('soon'), /time budget "soon"/);
  assert.throws(() => parseBudget('0s'), /more than 0/);
});

test('tune: respects the budget measured by an injected fake clock', async () => {
  // Every clock read advances 1 s. A trial of 3 folds reads the clock 1 (start) + 2 (budget checks
  // before folds 2, 3) + 1 (end) times, plus 1 budget check before the trial: 5 s per trial.
  let now = 0;
  const clock = () => now++;
  const r = await tuneModel(frame, 'bad', features, { kind: 'logistic', method: 'random', budgetSeconds: 12, folds: 3, seed: 1, clock });
  assert.equal(r.stopped, 'budget');
  assert.ok(r.trials.length >= 2 && r.trials.length <= 3, `${r.trials.length} trials`);
  const complete = r.trials.filter((t) => t.complete);
  assert.ok(complete.length >= 2);
  assert.ok(r.best?.complete);
  assert.equal(r.best.auc_mean, Math.max(...complete.map((t) => t.auc_mean)));
  // Same seed, same clock → same trials.
  now = 0;
  const again = await tuneModel(frame, 'bad', features, { kind: 'logistic', method: 'random', budgetSeconds: 12, folds: 3, seed: 1, clock });
  assert.deepEqual(again.trials, r.trials);
});

test('tune: TPE finds the good region of a known objective faster than chance', () => {
  // Loss = (log10 c − 1)²: TPE's later proposals concentrate near c = 10.
  const space: SearchSpace = { ranges: { c: { type: 'log', low: 1e-3, high: 1e3 } }, fixed: {} };
  const rng = new Rng(3);
  const history: { params: Record<string, unknown>; loss: number }[] = [];
  for (let t = 0; t < 40; t++) {
    const params: Record<string, unknown> = t < 8 ? sampleRandom(space, rng) : sampleTpe(space, history, rng);
    history.push({ params, loss: (Math.log10(params.c as number) - 1) ** 2 });
  }
  const late = history.slice(25).map((h) => h.loss);
  const mean = late.reduce((a, b) => a + b, 0) / late.length;
  // A uniform draw over log10 c ∈ [−3, 3] has mean loss 7; TPE's late proposals are close.
  assert.ok(mean < 1, `mean late loss ${mean}`);
});

test('tune: every declared space samples inside its ranges', () => {
  const rng = new Rng(4);
  for (const space of Object.values(searchSpaces)) {
    for (let k = 0; k < 20; k++) {
      const p = sampleRandom(space!, rng);
      for (const [name, range] of Object.entries(space!.ranges)) {
        const v = p[name];
        if (range.type === 'choice') assert.ok(range.choices.includes(v));
        else assert.ok((v as number) >= range.low && (v as number) <= range.high, `${name} ${v}`);
      }
    }
  }
});

test('tune: a parameter set the trainer rejects fails its trial, not the search', async () => {
  let now = 0;
  const clock = () => now++;
  const space: SearchSpace = { ranges: { leaves: { type: 'int', low: 1, high: 1 } }, fixed: { trees: 2 } };
  const r = await tuneModel(frame, 'bad', features, { kind: 'forest', space, budgetSeconds: 1000, maxTrials: 3, folds: 2, seed: 1, clock });
  assert.equal(r.trials.length, 3);
  assert.equal(r.best, null);
  for (const t of r.trials) assert.match(t.error ?? '', /forest option leaves/);
});
