// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { type IrbClass, irbCapital, irbCorrelation, riskWeightedAssets } from './capital.js';

/** Risk weight in percent, Basel II Annex 5 style (no Basel III floors). */
function riskWeightPct(assetClass: IrbClass, pd: number, lgd: number, maturity?: number): number {
  return irbCapital({ assetClass, pd, lgd, maturity, pdFloor: 0 }).riskWeight * 100;
}

test('Basel II Annex 5 risk weights of REFERENCE §5 to 0.01 pp', () => {
  const cases: [IrbClass, number, number, number][] = [
    ['mortgage', 0.01, 0.45, 56.4],
    ['other_retail', 0.01, 0.45, 45.77],
    ['qrre', 0.01, 0.45, 17.22],
    ['corporate', 0.01, 0.45, 92.32],
    ['mortgage', 0.025, 0.45, 100.64],
    ['other_retail', 0.025, 0.85, 115.03],
    ['qrre', 0.025, 0.85, 64.18],
    ['other_retail', 0.0003, 0.45, 4.45],
  ];
  for (const [assetClass, pd, lgd, expected] of cases) {
    const actual = riskWeightPct(assetClass, pd, lgd, 2.5);
    assert.ok(Math.abs(actual - expected) < 0.005 + 1e-9, `${assetClass} PD ${pd} LGD ${lgd}: ${actual.toFixed(4)} vs ${expected}`);
  }
});

test('QRRE PD 2% LGD 85%: K = 0.04370572; other retail PD 5% LGD 85%: R = 0.052591, K = 0.10036070', () => {
  const qrre = irbCapital({ assetClass: 'qrre', pd: 0.02, lgd: 0.85 });
  assert.equal(qrre.k.toFixed(8), '0.04370572');
  assert.equal(qrre.r, 0.04);
  const other = irbCapital({ assetClass: 'other_retail', pd: 0.05, lgd: 0.85 });
  assert.equal(other.r.toFixed(6), '0.052591');
  assert.equal(other.k.toFixed(8), '0.10036070');
  assert.ok(Math.abs(riskWeightedAssets(other, 10_000) - 12.5 * 1003.607) < 0.01);
});

test('PD floors, defaulted exposures and maturity', () => {
  // Basel III floor 0.05% lifts PD 0.03% for other retail; 0.10% for QRRE.
  assert.equal(irbCapital({ assetClass: 'other_retail', pd: 0.0003, lgd: 0.45 }).pd, 0.0005);
  assert.equal(irbCapital({ assetClass: 'qrre', pd: 0.0003, lgd: 0.45 }).pd, 0.001);
  assert.equal(irbCapital({ assetClass: 'qrre', pd: 0.0003, lgd: 0.45, pdFloor: 0 }).pd, 0.0003);
  assert.equal(irbCapital({ assetClass: 'mortgage', pd: 1, lgd: 0.45 }).k, 0);
  assert.ok(Math.abs(irbCapital({ assetClass: 'mortgage', pd: 1, lgd: 0.45, bestEstimateEl: 0.35 }).k - 0.1) < 1e-15);
  const short = irbCapital({ assetClass: 'corporate', pd: 0.01, lgd: 0.45, maturity: 1 });
  const long = irbCapital({ assetClass: 'corporate', pd: 0.01, lgd: 0.45, maturity: 5 });
  assert.ok(short.k < long.k);
  assert.equal(irbCapital({ assetClass: 'corporate', pd: 0.01, lgd: 0.45, maturity: 9 }).k, long.k);
  assert.equal(irbCapital({ assetClass: 'mortgage', pd: 0.01, lgd: 0.45, maturity: 5 }).maturityAdjustment, 1);
  // SME adjustment lowers R by up to 0.04.
  assert.ok(Math.abs(irbCorrelation('corporate', 0.01) - irbCorrelation('corporate', 0.01, 5) - 0.04) < 1e-15);
  assert.throws(
    () => irbCapital({ assetClass: 'qrre', pd: 1.2, lgd: 0.5 }),
    (e: unknown) => e instanceof CredoError && /PD/.test(e.message),
  );
  assert.throws(() => irbCapital({ assetClass: 'qrre', pd: 0.1, lgd: -0.5 }), /LGD/);
});

test('K increases with LGD and R stays within its bounds (property)', () => {
  const classes: IrbClass[] = ['mortgage', 'qrre', 'other_retail', 'corporate'];
  fc.assert(
    fc.property(
      fc.constantFrom(...classes),
      fc.double({ min: 0.0003, max: 0.999, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (assetClass, pd, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const kLo = irbCapital({ assetClass, pd, lgd: lo }).k;
        const kHi = irbCapital({ assetClass, pd, lgd: hi }).k;
        assert.ok(kLo >= 0 && kHi >= kLo - 1e-15, `${assetClass} pd ${pd}: K(${lo}) = ${kLo} > K(${hi}) = ${kHi}`);
        const r = irbCorrelation(assetClass, pd);
        const [rMin, rMax] = { mortgage: [0.15, 0.15], qrre: [0.04, 0.04], other_retail: [0.03, 0.16], corporate: [0.12, 0.24] }[assetClass];
        assert.ok(r >= (rMin as number) - 1e-15 && r <= (rMax as number) + 1e-15, `${assetClass} R ${r}`);
      },
    ),
    { seed: 5, numRuns: 1000 },
  );
});

test('SME adjustment: 0.04·(1 − (S − 5)/45) with sales S clamped to 5..50 (EUR millions)', () => {
  const adjustment = (s: number) => irbCorrelation('corporate', 0.01) - irbCorrelation('corporate', 0.01, s);
  // S = 27.5 is half-way: 0.04·(1 − 22.5/45) = 0.02; S = 50 and above: 0; S = 2 is treated as 5: 0.04.
  assert.ok(Math.abs(adjustment(27.5) - 0.02) < 1e-15);
  assert.ok(Math.abs(adjustment(50)) < 1e-15);
  assert.ok(Math.abs(adjustment(80)) < 1e-15);
  assert.ok(Math.abs(adjustment(2) - 0.04) < 1e-15);
});

test('corporate maturity adjustment: 1 at M = 1 exactly, (1 + 2.5b)/(1 − 1.5b) = 1.692825 at M = 5 for PD 1% (b = 0.137486)', () => {
  assert.ok(Math.abs(irbCapital({ assetClass: 'corporate', pd: 0.01, lgd: 0.45, maturity: 1 }).maturityAdjustment - 1) < 1e-15);
  assert.ok(Math.abs(irbCapital({ assetClass: 'corporate', pd: 0.01, lgd: 0.45, maturity: 5 }).maturityAdjustment - 1.692825335796875) < 1e-12);
});

test('edges: PD 0 and LGD 0 are valid (K 0); a defaulted exposure weighs 12.5·(LGD − EL); bad inputs name the field and the range', () => {
  const zero = irbCapital({ assetClass: 'corporate', pd: 0, lgd: 0.45, pdFloor: 0 });
  assert.deepEqual([zero.k, zero.riskWeight, zero.maturityAdjustment], [0, 0, 1]);
  assert.equal(irbCapital({ assetClass: 'qrre', pd: 0.02, lgd: 0 }).k, 0);
  const defaulted = irbCapital({ assetClass: 'mortgage', pd: 1, lgd: 0.45, bestEstimateEl: 0.4 });
  assert.ok(Math.abs(defaulted.riskWeight - 12.5 * 0.05) < 1e-12);
  assert.throws(() => irbCapital({ assetClass: 'qrre', pd: -0.1, lgd: 0.5 }), /PD: must be in \[0, 1\], got -0.1/);
  assert.throws(() => irbCapital({ assetClass: 'qrre', pd: 0.1, lgd: 1.5 }), /LGD: must be in \[0, 1\], got 1.5/);
  assert.throws(
    () => irbCapital({ assetClass: 'sovereign' as IrbClass, pd: 0.1, lgd: 0.5 }),
    /asset class: must be one of mortgage, qrre, other_retail, corporate, got sovereign/,
  );
  for (const maturity of [0, -1]) {
    assert.throws(() => irbCapital({ assetClass: 'corporate', pd: 0.1, lgd: 0.5, maturity }), new RegExp(`maturity: must be positive years, got ${maturity}`));
  }
});
