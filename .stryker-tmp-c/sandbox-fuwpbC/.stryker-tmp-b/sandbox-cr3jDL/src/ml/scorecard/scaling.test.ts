// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdFromScore, resolveScaling, scoreFromPd, scoresFromPd } from './scaling.js';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `expected ${b}, got ${a}`);

test('REFERENCE §3: PD 1/51 → 600, PD 1/101 → 620 with the defaults', () => {
  close(scoreFromPd(1 / 51), 600);
  close(scoreFromPd(1 / 101), 620);
  // factor = 20/ln 2 = 28.85390082; offset = 600 − factor·ln 50 = 487.12287620.
  const s = resolveScaling();
  close(s.factor, 28.85390081777927, 1e-12);
  close(s.offset, 487.1228762045055, 1e-9);
});

test('scores clamp to 300–850 and PD 0/1 hit the clamps', () => {
  assert.equal(scoreFromPd(0.999), 300);
  assert.equal(scoreFromPd(1e-9), 850);
  assert.equal(scoreFromPd(0), 850);
  assert.equal(scoreFromPd(1), 300);
  assert.deepEqual(Array.from(scoresFromPd(Float64Array.from([1, 0]))), [300, 850]);
  assert.equal(scoreFromPd(0.999, { min: 0 }) < 300, true);
});

test('pdFromScore inverts the scaling; custom base and PDO', () => {
  close(pdFromScore(600), 1 / 51, 1e-15);
  close(pdFromScore(620), 1 / 101, 1e-15);
  // 500 points at 1:1 with PDO 50: PD 1/3 (odds 2:1) → 550.
  close(scoreFromPd(1 / 3, { baseScore: 500, baseOdds: 1, pdo: 50 }), 550);
  for (const p of [0.001, 0.02, 0.3, 0.7]) close(pdFromScore(scoreFromPd(p, { min: -1e9, max: 1e9 })), p, 1e-12);
});
