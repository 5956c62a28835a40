import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeEcl, survivalFromHazard } from './ifrs9.js';
import { amortisingLoanEcl, bookEcl, stagesFromPositions } from './portfolio-ecl.js';

/**
 * The same ECL through the general term-structure routine: monthly survival from either hazard convention
 * (each calibrated to the 12-month PD), annuity EAD, monthly discounting.
 */
function reference(pd: number, lgd: number, balance: number, months: number, eir: number, convention: 'discrete' | 'continuous'): [number, number] {
  const hazard = convention === 'discrete' ? 1 - (1 - pd) ** (1 / 12) : -Math.log(1 - pd) / 12;
  const survival = survivalFromHazard(hazard, months, convention);
  const l = Math.log1p(eir / 12);
  const ead = Float64Array.from({ length: months }, (_, k) =>
    l === 0 ? (balance * (months - k)) / months : balance * (1 - Math.expm1(k * l) / Math.expm1(months * l)),
  );
  const input = { survival, lgd, ead, eir, periodsPerYear: 12 };
  return [computeEcl(input, 12).ecl, computeEcl(input).ecl];
}

test('amortising-loan ECL equals the general IFRS 9 routine (differential, property)', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.001, max: 0.5, noNaN: true }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 120 }),
      fc.double({ min: 0, max: 0.4, noNaN: true }),
      fc.constantFrom('discrete' as const, 'continuous' as const),
      (pd, lgd, months, eir, convention) => {
        const [twelve, life] = amortisingLoanEcl(pd, lgd, 10_000, months, eir);
        const [t2, l2] = reference(pd, lgd, 10_000, months, eir, convention);
        assert.ok(Math.abs(twelve - t2) < 1e-8 && Math.abs(life - l2) < 1e-8, `${twelve} vs ${t2}, ${life} vs ${l2}`);
        assert.ok(twelve <= life + 1e-12 && life <= lgd * 10_000);
      },
    ),
    { seed: 13, numRuns: 300 },
  );
});

test('a 12-month loan: 12-month ECL = lifetime; a bullet-like one-month loan: PD_month·LGD·EAD·DF', () => {
  const [twelve, life] = amortisingLoanEcl(0.12, 0.5, 1000, 12, 0.1);
  assert.equal(twelve, life);
  const [one] = amortisingLoanEcl(0.12, 0.5, 1000, 1, 0.1);
  assert.ok(Math.abs(one - (1 - 0.88 ** (1 / 12)) * 0.5 * 1000 * 1.1 ** (-1 / 12)) < 1e-12);
});

test('book ECL by stage and group; stage 3 at LGD × balance; CECL = lifetime for all', () => {
  const rows = bookEcl({
    pd: [0.05, 0.05, 0.05, 0.2],
    lgd: 0.4,
    balance: [1000, 1000, 500, 200],
    remainingMonths: [24, 24, 10, 6],
    eir: [0.12, 0.12, 0.12, 0.12],
    stage: [1, 2, 3, 1],
    group: { codes: [0, 0, 1, 1], labels: ['a', 'b'] },
  });
  const [twelve, life] = amortisingLoanEcl(0.05, 0.4, 1000, 24, 0.12);
  const [small, smallLife] = amortisingLoanEcl(0.2, 0.4, 200, 6, 0.12);
  const a = rows[0];
  const all = rows[2];
  assert.deepEqual(a?.loans, [1, 1, 0]);
  assert.ok(Math.abs((a?.totalEcl as number) - (twelve + life)) < 1e-12);
  assert.deepEqual(all?.exposure, [1200, 1000, 500]);
  assert.ok(Math.abs((all?.ecl[2] as number) - 200) < 1e-12);
  assert.ok(Math.abs((all?.totalEcl as number) - (twelve + life + 200 + small)) < 1e-9);
  assert.ok(Math.abs((all?.cecl as number) - (2 * life + 200 + smallLife)) < 1e-9);
  assert.ok(Math.abs((all?.coverage as number) - (all?.totalEcl as number) / 2700) < 1e-15);
});

test('zero rate: straight-line balance; halving survival each month (hand-worked), months rounded, at least 1', () => {
  // 12-month PD 1 − 0.5^12: monthly survival 0.5 (a discrete hazard 0.5, or a continuous one ln 2).
  const pd = 1 - 0.5 ** 12;
  // Two months, balance 1,200, no interest: 0.5·1,200 + 0.25·600 = 750 (all within 12 months).
  const [twelve, life] = amortisingLoanEcl(pd, 1, 1200, 2, 0);
  assert.ok(Math.abs(twelve - 750) < 1e-9 && Math.abs(life - 750) < 1e-9);
  // 13 months of 1,300: month t contributes 0.5^t·100·(14 − t); month 13 (0.5^13·100) is lifetime only.
  const [t13, l13] = amortisingLoanEcl(pd, 1, 1300, 13, 0);
  let expected = 0;
  for (let t = 1; t <= 12; t++) expected += 0.5 ** t * 100 * (14 - t);
  assert.ok(Math.abs(t13 - expected) < 1e-9);
  assert.ok(Math.abs(l13 - expected - 100 / 8192) < 1e-9);
  // Months are rounded and at least 1.
  assert.deepEqual(amortisingLoanEcl(pd, 1, 1200, 1.6, 0), [750, 750]);
  assert.deepEqual(amortisingLoanEcl(pd, 1, 1200, 0, 0), [600, 600]);
  assert.deepEqual(amortisingLoanEcl(pd, 1, 1200, -3, 0), [600, 600]);
});

test('book ECL: LGD per loan, missing group, stage above 3, empty groups left out, no exposure', () => {
  const pd = 1 - 0.5 ** 12;
  const rows = bookEcl({
    pd: [pd, pd, pd, pd],
    lgd: [1, 0.5, 0.5, 1],
    balance: [1200, 1200, 100, 0],
    remainingMonths: [2, 1, 1, 2],
    eir: [0, 0, 0, 0],
    stage: [2, 1, 4, 1],
    group: { codes: [2, -1, 2, 2], labels: ['a', 'b', 'c'] },
  });
  assert.deepEqual(
    rows.map((r) => r.group),
    ['c', '(missing)', 'all'],
  );
  const [c, missing, all] = rows;
  // c: stage 2 lifetime 750, stage "4" counted as 3 at 0.5·100, a zero balance in stage 1.
  assert.deepEqual(c?.loans, [1, 1, 1]);
  assert.deepEqual(c?.ecl, [0, 750, 50]);
  assert.deepEqual(c?.exposure, [0, 1200, 100]);
  assert.equal(c?.cecl, 800);
  // (missing): one month of 1,200 at LGD 0.5, hazard 0.5: 300.
  assert.deepEqual(missing?.ecl, [300, 0, 0]);
  assert.equal(missing?.coverage, 0.25);
  assert.equal(all?.totalEcl, 1100);
  assert.equal(all?.cecl, 1100);
  const none = bookEcl({ pd: [0.1], lgd: 1, balance: [0], remainingMonths: [12], eir: [0.1], stage: [1] });
  assert.equal(none.length, 1);
  assert.equal(none[0]?.group, 'all');
  assert.equal(none[0]?.coverage, 0);
});

test('stages from latest positions: written off 0, NPA 3, by dpd otherwise, thresholds as parameters', () => {
  const latest = {
    code: Uint8Array.from([8, 4, 7, 0, 2, 1, 3]),
    balance: new Float64Array(7),
    dpd: Float64Array.from([200, 95, 1500, 0, 45, 30, 31]),
    mob: new Float64Array(7),
    group: new Int32Array(7),
  };
  assert.deepEqual(Array.from(stagesFromPositions(latest)), [0, 3, 3, 1, 2, 1, 2]);
  assert.deepEqual(Array.from(stagesFromPositions(latest, { stage2Dpd: 40, stage3Dpd: 44 })), [0, 3, 3, 1, 3, 1, 1]);
});

test('book ECL: stage 1 carries the 12-month figure and stage 2 the lifetime one; no groups; no loans', () => {
  const [twelve, life] = amortisingLoanEcl(0.05, 0.4, 1000, 24, 0.12);
  assert.ok(twelve < life);
  const input = { pd: [0.05, 0.05], lgd: 0.4, balance: [1000, 1000], remainingMonths: [24, 24], eir: [0.12, 0.12], stage: [1, 2] };
  const rows = bookEcl(input);
  // Without groups there is one row, each loan counted once.
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]?.loans, [1, 1, 0]);
  assert.deepEqual(rows[0]?.exposure, [1000, 1000, 0]);
  assert.deepEqual(rows[0]?.ecl, [twelve, life, 0]);
  assert.equal(rows[0]?.cecl, 2 * life);
  assert.deepEqual(bookEcl({ pd: [], lgd: 0.4, balance: [], remainingMonths: [], eir: [], stage: [] }), [
    { group: 'all', loans: [0, 0, 0], exposure: [0, 0, 0], ecl: [0, 0, 0], totalEcl: 0, coverage: 0, cecl: 0 },
  ]);
});

test('stages from positions: an NPA whose dpd fell to 90 or below is still credit-impaired (stage 3)', () => {
  // IRAC keeps a loan NPA until arrears are cleared (irac.ts), so code 4 at dpd 40 is stage 3, not 2.
  const latest = {
    code: Uint8Array.from([4, 5]),
    balance: new Float64Array(2),
    dpd: Float64Array.from([40, 10]),
    mob: new Float64Array(2),
    group: new Int32Array(2),
  };
  assert.deepEqual(Array.from(stagesFromPositions(latest)), [3, 3]);
});
