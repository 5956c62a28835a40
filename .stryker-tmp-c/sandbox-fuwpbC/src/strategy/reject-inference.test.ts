// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { inferRejects } from './reject-inference.js';

const N = Number.NaN;

test('random test: inverse-probability weights by stratum sampling rate', () => {
  // Stratum 0: 100 rows, 10 random-test (5 bad) → weight 10; stratum 1: 100 rows, 50 random-test (5 bad) → weight 2.
  const target: number[] = [];
  const randomTest: number[] = [];
  const strata: number[] = [];
  for (let s = 0; s < 2; s++)
    for (let i = 0; i < 100; i++) {
      const sampled = s === 0 ? i < 10 : i < 50;
      randomTest.push(sampled ? 1 : 0);
      target.push(sampled ? (i < 5 ? 1 : 0) : N);
      strata.push(s);
    }
  const result = inferRejects(
    Float64Array.from(target),
    { kind: 'random-test', randomTest: Float64Array.from(randomTest) },
    { strata: Int32Array.from(strata), strataCount: 2 },
  );
  // (10·5 + 2·5) / (10·10 + 2·50) = 0.3; the unweighted mean would be 10/60.
  assert.ok(Math.abs((result.probability[99] as number) - 0.3) < 1e-12);
  assert.ok(Number.isNaN(result.probability[0] as number), 'observed rows keep NaN');
  assert.equal(result.inferredRows, 140);
  assert.match(result.method, /random-test/);
  assert.throws(
    () => inferRejects(Float64Array.from([N, 1]), { kind: 'random-test', randomTest: Float64Array.from([0, 0]) }),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_NO_OUTCOMES',
  );
});

test('score band: quantile bands of observed scores, missing scores in their own band, aggravation capped at 1', () => {
  const target = Float64Array.from([0, 0, 1, 1, N, N, N]);
  const score = Float64Array.from([1, 2, 3, 4, 1.5, 3.5, N]);
  const plain = inferRejects(target, { kind: 'score-band', score, bands: 2 }, { scoreName: 's' });
  assert.deepEqual(Array.from(plain.probability.slice(4)), [0, 1, 0.5]);
  assert.equal(plain.method, 'score-band (s, 2 bands)');
  const aggravated = inferRejects(target, { kind: 'score-band', score, bands: 2, aggravation: 1.5 });
  assert.deepEqual(Array.from(aggravated.probability.slice(4)), [0, 1, 0.75]);
  assert.match(aggravated.method, /×1\.5/);
});

test('parcel: hard labels per band in the band rate proportion, deterministic by seed', () => {
  const target = Float64Array.from([0, 1, 0, 1, N, N, N, N]);
  const score = Float64Array.from([1, 2, 3, 4, 1, 2, 3, 4]);
  const a = inferRejects(target, { kind: 'parcel', score, bands: 1, seed: 3 });
  const b = inferRejects(target, { kind: 'parcel', score, bands: 1, seed: 3 });
  const labels = Array.from(a.probability.slice(4));
  assert.deepEqual(labels, Array.from(b.probability.slice(4)));
  assert.equal(
    labels.reduce((s, x) => s + x, 0),
    2,
  );
  assert.ok(labels.every((x) => x === 0 || x === 1));
});

test('fuzzy: the logistic fit recovers a known curve', () => {
  const target: number[] = [];
  const score: number[] = [];
  for (let x = -2; x <= 2; x += 0.5) {
    const p = 1 / (1 + Math.exp(-(-1 + x)));
    for (let j = 0; j < 2000; j++) {
      score.push(x);
      target.push(j < Math.round(p * 2000) ? 1 : 0);
    }
  }
  score.push(0.3, N);
  target.push(N, N);
  const result = inferRejects(Float64Array.from(target), { kind: 'fuzzy', score: Float64Array.from(score) });
  const expected = 1 / (1 + Math.exp(0.7));
  assert.ok(Math.abs((result.probability[score.length - 2] as number) - expected) < 0.002, String(result.probability[score.length - 2]));
  // Missing score: the overall observed rate (no observed row lacks a score).
  const overall = target.filter((t) => !Number.isNaN(t)).reduce((s, t) => s + t, 0) / (target.length - 2);
  assert.ok(Math.abs((result.probability[score.length - 1] as number) - overall) < 1e-12);
});
