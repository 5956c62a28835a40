// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeEcl, survivalFromHazard } from './ifrs9.js';
import { amortisingLoanEcl, bookEcl } from './portfolio-ecl.js';

/** The same ECL through the general term-structure routine: monthly survival, annuity EAD, monthly discounting. */
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
        const [twelve, life] = amortisingLoanEcl(pd, lgd, 10_000, months, eir, convention);
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
