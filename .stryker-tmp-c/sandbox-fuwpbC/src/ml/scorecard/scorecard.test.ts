// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';
import { evaluateBinary } from '../metrics/index.js';
import { checkScorecardBody } from './check-body.js';
import type { ScorecardModelBody } from './model.js';
import { predictScorecardLogit, scorecardPoints } from './predict-scorecard.js';
import { resolveScaling, scoreFromLogit } from './scaling.js';
import { scorecardCsv, scorecardTable } from './scorecard-table.js';
import { trainScorecard } from './train-scorecard.js';

const close = (a: number, b: number, tol: number, label = '') => assert.ok(Math.abs(a - b) <= tol, `${label}: expected ${b}, got ${a}`);

test('hand-worked scorecard: points per attribute and Σ points = scaled score', () => {
  // factor = 20/ln 2 = 28.85390081777927; offset = 600 − factor·ln 50 = 487.1228762045055.
  // β₀ = −2, k = 2: (offset − factor·β₀)/k = (487.1228762045 + 57.7078016356)/2 = 272.4153389200.
  const s = resolveScaling();
  const share = (s.offset - s.factor * -2) / 2;
  close(share, 272.415338920032, 1e-9, 'share');
  const pts = (beta: number, woe: number) => -s.factor * beta * woe + share;
  const body: ScorecardModelBody = {
    version: 1,
    intercept: -2,
    characteristics: [
      {
        feature: 'a',
        spec: { feature: 'a', type: 'number', splits: [10], specials: [] },
        woe: [0.5, -0.4, 0],
        coefficient: -0.8,
        points: [0.5, -0.4, 0].map((w) => pts(-0.8, w)),
        iv: 0.1,
      },
      {
        feature: 'b',
        spec: { feature: 'b', type: 'number', splits: [1, 2], specials: [] },
        woe: [1, 0, -1.2, 0],
        coefficient: -0.5,
        points: [1, 0, -1.2, 0].map((w) => pts(-0.5, w)),
        iv: 0.2,
      },
    ],
    scaling: { base_score: 600, base_odds: 50, pdo: 20, min: 300, max: 850, factor: s.factor, offset: s.offset },
    woe: { smoothing: 0.5, sign: 'goods-over-bads' },
  };
  // a = 5 → bin 0 (WOE .5): −28.85390082·(−0.8)·0.5 + 272.41533892 = 11.54156033 + 272.41533892 = 283.95689925.
  // b = 2 → bin 2 (WOE −1.2): −28.85390082·(−0.5)·(−1.2) + 272.41533892 = −17.31234049 + 272.41533892 = 255.10299843.
  // logit = −2 − 0.8·0.5 − 0.5·(−1.2) = −1.8; score = offset + 1.8·factor = 487.12287620 + 51.93702147 = 539.05989768 = 283.95689925 + 255.10299843.
  const frame = new Frame([numericColumn('a', Float64Array.from([5, Number.NaN])), numericColumn('b', Float64Array.from([2, 0]))]);
  const { points, total } = scorecardPoints(body, frame);
  close(points[0] as number, 283.9568992471437, 1e-9, 'a points');
  close(points[1] as number, 255.102998429365, 1e-9, 'b points');
  close(total[0] as number, 539.0598976765093, 1e-9, 'score');
  const logit = predictScorecardLogit(body, frame);
  close(logit[0] as number, -1.8, 1e-15, 'logit');
  // Missing a → missing bin (WOE 0, points = share); b = 0 → bin 0.
  close(logit[1] as number, -2 - 0.5 * 1, 1e-15, 'logit missing');
  close(total[1] as number, scoreFromLogit(logit[1] as number, s), 1e-9, 'missing row score');
  const csv = scorecardCsv(body).split('\n');
  assert.equal(csv[0], 'feature,bin,label,woe,coefficient,points');
  assert.equal(csv[1], 'a,0,"[-inf, 10)",0.500000,-0.800000,283.96');
  assert.equal(scorecardTable(body).length, 7);
});

test('trained scorecard: Σ points equals offset − factor·logit(PD) for every row, points monotone in bad rate', async () => {
  const rng = new Rng(11);
  const n = 5000;
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of cols) c[i] = Math.round(rng.nextNormal() * 100) / 100;
    const logit = -2 + 0.9 * (cols[0]?.[i] as number) - 0.6 * (cols[1]?.[i] as number) + 0.3 * (cols[2]?.[i] as number) ** 2;
    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    if (i % 40 === 0) (cols[1] as Float64Array)[i] = Number.NaN;
  }
  const frame = new Frame(cols.map((c, j) => numericColumn(`x${j}`, c)));
  const result = await trainScorecard(frame, y, ['x0', 'x1', 'x2', 'x3']);
  const body = result.body;
  // x3 is noise: dropped for low IV.
  assert.ok(result.dropped.some((d) => d.feature === 'x3' && /IV/.test(d.reason)));
  assert.deepEqual(
    body.characteristics.map((c) => c.feature),
    ['x0', 'x1', 'x2'],
  );
  const s = resolveScaling();
  const logit = predictScorecardLogit(body, frame);
  const { total } = scorecardPoints(body, frame);
  for (let i = 0; i < n; i++) close(total[i] as number, s.offset - s.factor * (logit[i] as number), 1e-9, `row ${i}`);
  for (const c of body.characteristics) {
    assert.ok(c.coefficient < 0, `${c.feature} coefficient ${c.coefficient}`);
    // Points follow WOE (higher WOE = safer = more points), bin by bin.
    for (let a = 0; a < c.woe.length; a++) {
      for (let b = 0; b < c.woe.length; b++) if ((c.woe[a] as number) > (c.woe[b] as number)) assert.ok((c.points[a] as number) > (c.points[b] as number));
    }
  }
  // x2 has a U-shaped effect: auto picks a monotone trend on it, still a valid scorecard; the whole model discriminates.
  const pd = Float64Array.from(logit, (l) => 1 / (1 + Math.exp(-l)));
  assert.ok(evaluateBinary(pd, y).auc > 0.75);
});

test('special and missing values round-trip: fit, transform, scoring and PSI use the same bins', async () => {
  const rng = new Rng(21);
  const n = 4000;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.round(rng.nextNormal() * 100) / 100;
    // A genuine −1 would be special too; keep the regular values off it so the count below is exact.
    const v = r === -1 ? -1.01 : r;
    z[i] = Math.round(rng.nextNormal() * 100) / 100;
    // −1 = "no bureau file" (6% of rows, bad rate 50%); 3% missing.
    const special = i % 17 === 0;
    x[i] = special ? -1 : i % 33 === 0 ? Number.NaN : v;
    const p = special ? 0.5 : 1 / (1 + Math.exp(-(-1.5 + 0.9 * v - 0.7 * (z[i] as number))));
    y[i] = rng.nextDouble() < p ? 1 : 0;
  }
  const frame = new Frame([numericColumn('x', x), numericColumn('z', z)]);
  const { body, binnings } = await trainScorecard(frame, y, ['x', 'z'], { binning: { specials: [-1] } });
  const cx = body.characteristics.find((c) => c.feature === 'x');
  assert.ok(cx !== undefined && cx.spec.type === 'number');
  const specialBin = cx.spec.splits.length + 1;
  const missingBin = specialBin + 1;
  const table = binnings.find((b) => b.feature === 'x');
  assert.equal(table?.rows[specialBin]?.label, 'special -1');
  assert.equal(table?.rows[specialBin]?.count, Math.ceil(n / 17));
  assert.ok((table?.rows[specialBin]?.woe as number) < -0.5, 'the special bin is risky');
  // Scoring three new rows: −1, missing, and a boundary value equal to the first split.
  const probe = new Frame([
    numericColumn('x', Float64Array.from([-1, Number.NaN, cx.spec.splits[0] as number])),
    numericColumn('z', Float64Array.from([0, 0, 0])),
  ]);
  const { points } = scorecardPoints(body, probe);
  const k = body.characteristics.length;
  const at = body.characteristics.indexOf(cx);
  assert.equal(points[0 * k + at], cx.points[specialBin]);
  assert.equal(points[1 * k + at], cx.points[missingBin]);
  assert.equal(points[2 * k + at], cx.points[1]);
  // PSI of the same spec sees the special and missing bins with their shares.
  const { computeCsi } = await import('../binning/index.js');
  const [csi] = computeCsi([cx.spec], frame, probe);
  assert.equal(csi?.bins[specialBin]?.bin, 'special -1');
  assert.ok(Math.abs((csi?.bins[specialBin]?.actual_share as number) - 1.5 / (3 + 0.5 * (specialBin + 2))) < 1e-12);
});

test('a hand-broken scorecard body is refused with E_SCORECARD_INVALID, never scored', () => {
  const good = {
    version: 1,
    intercept: -1,
    characteristics: [
      { feature: 'a', spec: { feature: 'a', type: 'number', splits: [1], specials: [] }, woe: [0.1, -0.1, 0], coefficient: -1, points: [1, 2, 3], iv: 0.1 },
    ],
    scaling: { base_score: 600, base_odds: 50, pdo: 20, min: 300, max: 850, factor: 28.85, offset: 487.12 },
    woe: { smoothing: 0.5, sign: 'goods-over-bads' },
  };
  checkScorecardBody(good);
  const broken = [
    { ...good, intercept: 'x' },
    { ...good, characteristics: [{ ...good.characteristics[0], points: [1, 2] }] },
    { ...good, characteristics: [{ ...good.characteristics[0], spec: { feature: 'a', type: 'number', splits: [2, 1], specials: [] } }] },
    { ...good, scaling: { ...good.scaling, pdo: null } },
  ];
  for (const body of broken)
    assert.throws(
      () => checkScorecardBody(body),
      (e: unknown) => (e as { code?: string }).code === 'E_SCORECARD_INVALID' || (e as { code?: string }).code === 'E_BINNING_SPEC_INVALID',
    );
});
