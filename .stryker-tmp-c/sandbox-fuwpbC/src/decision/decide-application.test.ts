// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CredoError } from '../errors/index.js';
import { computeEmi } from '../finance/index.js';
import type { CredoModel } from '../ml/model.js';
import { challengerArm } from './challenger-arm.js';
import { decideApplication } from './decide-application.js';
import type { DecisionContext, DecisionRecord, InputValue } from './decision-record.js';
import { parsePolicy } from './parse-policy.js';
import { replayDecision } from './replay-decision.js';
import { validateApplicationData } from './validate-application.js';

/**
 * A hand-made logistic PD model: logit = c0 − 0.01·bureau_score + 2·dti + (0.5 when segment is
 * "new"), with training means (fills) 650 and 0.3. c0 = 5.9 − ln 50 puts the applicant at the means
 * with segment "repeat" at odds 50:1, i.e. PD 1/51 and score 600 exactly (REFERENCE §3).
 */
function logisticModel(c0 = 5.9 - Math.log(50), bureau = -0.01): CredoModel {
  return {
    kind: 'logistic',
    schema: {
      columns: [
        { name: 'bureau_score', type: 'number' },
        { name: 'dti', type: 'number' },
        { name: 'segment', type: 'category', categories: ['repeat', 'new'] },
      ],
    },
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '2026-01-01T00:00:00Z',
    body: {
      version: 1,
      intercept: c0,
      terms: [
        { feature: 'bureau_score', type: 'number', coefficient: bureau, fill: 650 },
        { feature: 'dti', type: 'number', coefficient: 2, fill: 0.3 },
        { feature: 'segment', type: 'category', reference: 'repeat', levels: { new: 0.5 } },
      ],
      l1: 0,
      l2: 0,
      design: [],
      standard_errors: [],
      p_values: [],
      vif: [],
      converged: true,
    },
  };
}

const catalogue = `
reasons:
  count: 4
  catalogue:
    version: 1
    generic: { code: X99, text: "Other ({feature})" }
    genericMissing: { code: X98, text: "Missing {feature}" }
    features:
      bureau_score: { code: B01, text: Bureau score too low }
      dti: { code: D01, text: Debt too high for income }
      segment: { code: S01, text: New customer }
`;

const lendingPolicy = `name: unit-policy
rules:
  - id: r1_dti
    when: dti > 0.6
    action: decline
  - id: r2_new
    when: segment == "new"
    action: refer
  - id: r3_top_bureau
    when: bureau_score > 800
    action: approve
cutoff:
  model: champion
  pd_above: 0.1
limits:
  requested: requested_amount
  tiers:
    - { min_score: 620, max: 50000 }
    - { min_score: 580, max: 20000 }
    - { min_score: 300, max: 5000 }
  income: { column: monthly_income, multiple: 0.5 }
  round_to: 100
  min: 1000
  below_min: refer
${catalogue}`;

function context(policyText = lendingPolicy, model = logisticModel()): DecisionContext {
  return { policy: parsePolicy(policyText, 'unit.yaml'), policyId: 'pol-1', policyVersion: 3, champion: { model, hash: 'h-champion', id: 'm1' } };
}

const base = { bureau_score: 650, dti: 0.3, segment: 'repeat', requested_amount: 15500.5, monthly_income: 40000 };

test('an applicant at the means: PD 1/51, score 600, limit = min(tier 20,000, requested 15,500.50, 0.5 × income 20,000) rounded down to 100', () => {
  const d = decideApplication('A1', base, context());
  assert.equal(d.action, 'approve');
  assert.ok(Math.abs(d.pd - 1 / 51) < 1e-15);
  assert.equal(d.score, 600);
  assert.equal(d.limit, '15500.00');
  assert.equal(d.rate, null);
  assert.equal(d.currency, 'USD');
  assert.deepEqual(d.rulesFired, []);
  assert.deepEqual(d.reasons, []);
  assert.equal(d.policyId, 'pol-1');
  assert.equal(d.policyVersion, 3);
  assert.equal(d.modelHash, 'h-champion');
  assert.equal(d.modelId, 'm1');
  assert.equal(d.arm, 'champion');
  assert.deepEqual(Object.keys(d.inputSnapshot), ['bureau_score', 'dti', 'segment', 'requested_amount', 'monthly_income']);
});

test('rule order: the first rule that holds decides; every rule that holds is listed', () => {
  const ctx = context();
  const a = decideApplication('A2', { ...base, dti: 0.7, segment: 'new' }, ctx);
  assert.equal(a.action, 'decline');
  // logit −ln 50 + 0.8 + 0.5: PD = 1/(1 + 50·e^−1.3) = 0.068 stays under the 0.1 cutoff
  assert.deepEqual(a.rulesFired, ['r1_dti', 'r2_new']);
  assert.equal(a.limit, null);
  const b = decideApplication('A3', { ...base, segment: 'new' }, ctx);
  assert.equal(b.action, 'refer');
  assert.deepEqual(b.rulesFired, ['r2_new']);
  const c = decideApplication('A4', { ...base, segment: 'new', bureau_score: 820 }, ctx);
  assert.equal(c.action, 'refer');
  assert.deepEqual(c.rulesFired, ['r2_new', 'r3_top_bureau']);
  const approveFirst = decideApplication('A5', { ...base, bureau_score: 820, dti: 0.5 }, ctx);
  assert.equal(approveFirst.action, 'approve');
  assert.deepEqual(approveFirst.rulesFired, ['r3_top_bureau']);
  // bureau 400: logit −ln 50 + 2.5, PD = 1/(1 + 50·e^−2.5) = 0.1960 > 0.1: the cutoff declines
  const cut = decideApplication('A6', { ...base, bureau_score: 400 }, ctx);
  assert.ok(Math.abs(cut.pd - 1 / (1 + 50 * Math.exp(-2.5))) < 1e-12);
  assert.equal(cut.action, 'decline');
  assert.deepEqual(cut.rulesFired, ['cutoff']);
});

test('reasons: a declining or referring rule with a reason gives the first reason, the model the rest', () => {
  const withRuleReasons = lendingPolicy.replace(
    '  count: 4\n',
    '  count: 2\n  rules:\n    r1_dti: { code: K01, text: Debt payments too high for the policy }\n    constructor: { code: K02, text: Not a rule }\n',
  );
  assert.throws(() => parsePolicy(withRuleReasons), /reasons\.rules\.constructor.*no rule "constructor"/);
  const ctx = context(withRuleReasons.replace('    constructor: { code: K02, text: Not a rule }\n', ''));
  // dti 0.7 declines by r1_dti; the model's reasons: dti +0.8, segment +0.5, bureau +0.35
  const d = decideApplication('K1', { ...base, dti: 0.7, segment: 'new', bureau_score: 615 }, ctx);
  assert.equal(d.action, 'decline');
  assert.deepEqual(
    d.reasons.map((r) => [r.code, r.feature]),
    [
      ['K01', 'rule:r1_dti'],
      ['D01', 'dti'],
    ],
  );
  // a refer by r2_new has no rule reason: the model's two
  const r = decideApplication('K2', { ...base, segment: 'new', bureau_score: 615 }, ctx);
  assert.deepEqual(
    r.reasons.map((x) => x.code),
    ['S01', 'B01'],
  );
});

test('reasons: contributions relative to the training means, ranked toward decline, non-positive ones never reasons', () => {
  // bureau 615: +0.35; segment new: +0.5; dti 0.25: −0.1 (helps, so not a reason)
  const d = decideApplication('A7', { ...base, bureau_score: 615, dti: 0.25, segment: 'new' }, context());
  assert.deepEqual(d.reasons, [
    { code: 'S01', feature: 'segment', text: 'New customer' },
    { code: 'B01', feature: 'bureau_score', text: 'Bureau score too low' },
  ]);
  // logit −ln 50 + 0.75: score 600 − (20/ln 2)·0.75 = 578.36 → 578
  assert.equal(d.score, 578);
  const missing = decideApplication('A8', { ...base, bureau_score: null }, context());
  // a missing bureau score takes the fill (650): contribution 0, so no reason
  assert.deepEqual(missing.reasons, []);
});

test('limits: score bands, missing income gives no limit and the below-minimum action', () => {
  const ctx = context();
  // bureau 620: +0.3, score 600 − 28.8539·0.3 = 591.3 → 591 (band 580 → 20,000); requested 30,000; income cap 0.5 × 33,333.33 = 16,666.66 → 16,600
  const d = decideApplication('A9', { ...base, bureau_score: 620, requested_amount: 30000, monthly_income: 33333.33 }, ctx);
  assert.equal(d.score, 591);
  assert.equal(d.limit, '16600.00');
  const top = decideApplication('A10', { ...base, bureau_score: 700, requested_amount: null, monthly_income: 1e6 }, ctx);
  // bureau 700: −0.5, score 614 → band 580, requested missing does not cap
  assert.equal(top.score, 614);
  assert.equal(top.limit, '20000.00');
  const noIncome = decideApplication('A11', { ...base, monthly_income: null }, ctx);
  assert.equal(noIncome.action, 'refer');
  assert.equal(noIncome.limit, null);
  assert.deepEqual(noIncome.rulesFired, ['limits.min']);
});

const pricingPolicy = (extra: string) => `name: pricing
rules: []
limits:
  tiers: [{ min_score: 300, max: 10000 }]
pricing:
  hurdle: 0.15
  lgd: 0.85
  asset_class: other_retail
  funding_rate: 0.04
  operating_cost: 200
  capital_rate: 0.04
${extra}
${catalogue}`;

test('pricing: the REFERENCE §5 loan (EAD 10,000, PD 5%, LGD 85%, K 0.10036070) meets a 15% hurdle at 11.354% → 0.1136 on the 1 bp grid', () => {
  // PD exactly 5%: logit −ln 19 with every term at its reference
  const model = logisticModel(-Math.log(19) + 5.9);
  const data = { bureau_score: 650, dti: 0.3, segment: 'repeat' };
  // rate = (0.15·1003.607 + 400 + 200 + 425 − 0.04·1003.607) / 10,000 = 0.1135397
  const d = decideApplication('P1', data, context(pricingPolicy(''), model));
  assert.ok(Math.abs(d.pd - 0.05) < 1e-15);
  assert.equal(d.limit, '10000.00');
  assert.equal(d.rate, '0.1136');
  assert.equal(decideApplication('P2', data, context(pricingPolicy('  step: 0.0025'), model)).rate, '0.1150');
  assert.equal(decideApplication('P3', data, context(pricingPolicy('  floor: 0.12'), model)).rate, '0.1200');
  // capital at 10.5% of RWA = 1.3125 × 1003.607 = 1317.234: rate = (0.11·1317.234 + 1025) / 10,000 = 0.1169896
  assert.equal(decideApplication('P6', data, context(pricingPolicy('  capital_ratio: 0.105'), model)).rate, '0.1170');
  const capped = decideApplication('P4', data, context(pricingPolicy('  cap: 0.11'), model));
  assert.equal(capped.action, 'refer');
  assert.equal(capped.limit, null);
  assert.equal(capped.rate, null);
  assert.deepEqual(capped.rulesFired, ['pricing.cap']);
  const atCap = decideApplication('P5', data, context(pricingPolicy('  cap: 0.11\n  above_cap: cap'), model));
  assert.equal(atCap.action, 'approve');
  assert.equal(atCap.rate, '0.1100');
});

test('challenger arm: stable per id, about the share of 100,000 ids, monotone in the share', () => {
  let hits = 0;
  let fewer = 0;
  for (let i = 0; i < 100_000; i++) {
    const id = `A${String(i).padStart(7, '0')}`;
    const arm = challengerArm(id, 0.1);
    if (arm === 'challenger') hits++;
    if (challengerArm(id, 0.05) === 'challenger') {
      fewer++;
      assert.equal(arm, 'challenger');
    }
  }
  // 3σ of a binomial share at n = 100,000, p = 0.1 is 0.0028
  assert.ok(Math.abs(hits / 100_000 - 0.1) < 0.003, `share ${hits / 100_000}`);
  assert.ok(Math.abs(fewer / 100_000 - 0.05) < 0.003, `share ${fewer / 100_000}`);
  assert.equal(challengerArm('A0000042', 0.1), challengerArm('A0000042', 0.1));
  assert.equal(challengerArm('x', 0), 'champion');
  assert.equal(challengerArm('x', 1), 'challenger');
  assert.throws(() => challengerArm('x', 1.5), CredoError);
});

test('a challenger decision carries the champion decision of the same input as its shadow', () => {
  const challengerModel = logisticModel(5.9 - Math.log(50), -0.02);
  const ctx: DecisionContext = { ...context(), challenger: { model: challengerModel, hash: 'h-challenger', share: 1 } };
  const d = decideApplication('C1', { ...base, bureau_score: 630 }, ctx);
  assert.equal(d.arm, 'challenger');
  assert.equal(d.modelHash, 'h-challenger');
  // challenger logit: 5.9 − ln 50 − 0.02·630 + 2·0.3 = −ln 50 − 6.1; champion: −ln 50 + 0.2
  assert.ok(Math.abs(d.pd - 1 / (1 + 50 * Math.exp(6.1))) < 1e-15);
  assert.ok(d.shadow !== undefined);
  assert.equal(d.shadow.arm, 'champion');
  assert.equal(d.shadow.modelHash, 'h-champion');
  assert.ok(Math.abs(d.shadow.pd - 1 / (1 + 50 * Math.exp(-0.2))) < 1e-12);
  assert.equal(replayDecision(d, ctx).identical, true);
});

test('replay re-decides the stored snapshot bit for bit and names any field that differs', () => {
  const ctx = context();
  const stored = decideApplication('R1', { ...base, bureau_score: 615, segment: 'new' }, ctx);
  const same = replayDecision(JSON.parse(JSON.stringify(stored)), ctx);
  assert.equal(same.identical, true);
  assert.deepEqual(same.differences, []);
  // as a database may return it: keys in another order, absent optional fields as null
  const fromDatabase = { ...stored, asOf: null, inputSnapshot: Object.fromEntries(Object.entries(stored.inputSnapshot).reverse()) };
  assert.equal(replayDecision(fromDatabase as unknown as DecisionRecord, ctx).identical, true);
  const tampered = replayDecision({ ...stored, pd: stored.pd + Number.EPSILON * stored.pd, limit: '1.00' }, ctx);
  assert.equal(tampered.identical, false);
  assert.deepEqual(tampered.differences, ['pd', 'limit']);
  const otherModel = replayDecision(stored, context(lendingPolicy, logisticModel(5.9 - Math.log(50), -0.011)));
  assert.equal(otherModel.identical, false);
  assert.ok(otherModel.differences.includes('pd'));
});

test('rules apply on their effective dates; the date is kept for replay', () => {
  const dated = lendingPolicy.replace('    action: refer\n', '    action: refer\n    effective_from: 2026-03-01\n');
  const before = decideApplication('D1', { ...base, segment: 'new' }, { ...context(dated), asOf: '2026-02-28' });
  assert.equal(before.action, 'approve');
  assert.equal(before.asOf, '2026-02-28');
  const after = decideApplication('D1', { ...base, segment: 'new' }, { ...context(dated), asOf: '2026-03-01' });
  assert.equal(after.action, 'refer');
  // replay takes the stored date, whatever the context's
  assert.equal(replayDecision(before, { ...context(dated), asOf: '2026-03-01' }).identical, true);
  assert.throws(() => decideApplication('D2', base, { ...context(), asOf: '2026-03-01T10:00:00Z' }), /YYYY-MM-DD/);
});

test('validation names every missing, wrongly typed and unknown field', () => {
  const ctx = context();
  const issues = validateApplicationData({ bureau_score: '700', segment: 3, dti: true, requested_amount: null, extra: 1 }, ctx);
  assert.deepEqual(
    issues.map((i) => [i.code, i.path.join('.')]),
    [
      ['E_INPUT_COLUMN_TYPE', 'bureau_score'],
      ['E_INPUT_COLUMN_TYPE', 'segment'],
      ['E_INPUT_COLUMN_MISSING', 'monthly_income'],
      ['E_INPUT_VALIDATION', 'extra'],
    ],
  );
  assert.deepEqual(validateApplicationData(base, ctx), []);
  assert.throws(
    () => decideApplication('V1', { ...base, dti: Number.NaN }, ctx),
    (e: unknown) => e instanceof CredoError && e.code === 'E_INPUT_VALIDATION' && /dti/.test(e.message),
  );
});

test('property: valid data of any magnitude is decided; anything else is an input error, never a crash', () => {
  const ctx = context(
    pricingPolicy('').replace(
      'tiers: [{ min_score: 300, max: 10000 }]',
      'tiers: [{ min_score: 300, max: 10000 }]\n  requested: requested_amount\n  income: { column: monthly_income, multiple: 3 }',
    ),
  );
  const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(1e308, -1e308, 5e-324, 0, -0), fc.constant(null));
  const label = fc.oneof(fc.constantFrom('new', 'repeat', '', '__proto__'), fc.string(), fc.constant(null));
  const valid = fc.record({ bureau_score: number, dti: number, segment: label, requested_amount: number, monthly_income: number });
  fc.assert(
    fc.property(valid, (data) => {
      const d = decideApplication('F1', data, ctx);
      assert.ok(d.pd >= 0 && d.pd <= 1 && d.score >= 300 && d.score <= 850);
      assert.ok(d.limit === null || /^\d+\.\d{2}$/.test(d.limit), String(d.limit));
      assert.ok(d.rate === null || /^\d\.\d{4}$/.test(d.rate), String(d.rate));
    }),
    { seed: 42, numRuns: 400 },
  );
  const anything = fc.oneof(fc.anything(), fc.double(), fc.string());
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), anything),
      fc.record({ bureau_score: anything, dti: anything, segment: anything }, { requiredKeys: [] }),
      (extra, known) => {
        try {
          decideApplication('F2', { ...extra, ...known } as Record<string, InputValue>, ctx);
        } catch (error) {
          assert.ok(error instanceof CredoError && error.isUserError, String(error));
        }
      },
    ),
    { seed: 7, numRuns: 400 },
  );
});

test('affordability: the largest loan whose EMI keeps (debt + EMI) / income ≤ max DTI', () => {
  const policy = `name: afford
rules: []
limits:
  tiers: [{ min_score: 300, max: 1000000 }]
  affordability: { max_dti: 0.5, income: monthly_income, debt: existing_monthly_debt, term: term_months, rate: 0.12 }
${catalogue}`;
  const ctx = context(policy);
  // EMI budget 0.5 × 40,000 − 5,000 = 15,000.00; 100,000 over 12 months at 12% costs 8,884.88 (REFERENCE §4),
  // so the budget carries 15,000 / 8,884.88 × 100,000 ≈ 168,826.2
  const d = decideApplication(
    'F1',
    { bureau_score: 650, dti: 0.3, segment: 'repeat', monthly_income: 40000, existing_monthly_debt: 5000, term_months: 12 },
    ctx,
  );
  const limit = Math.round(Number(d.limit) * 100);
  assert.ok(Math.abs(limit / 100 - (15000 / 8884.88) * 100000) < 2, String(d.limit));
  assert.ok(computeEmi(limit, 0.12, 12) <= 1_500_000 && computeEmi(limit + 1, 0.12, 12) > 1_500_000);
  const broke = decideApplication(
    'F2',
    { bureau_score: 650, dti: 0.3, segment: 'repeat', monthly_income: 8000, existing_monthly_debt: 5000, term_months: 12 },
    ctx,
  );
  assert.equal(broke.action, 'decline');
  assert.deepEqual(broke.rulesFired, ['limits.min']);
  assert.equal(
    decideApplication('F3', { bureau_score: 650, dti: 0.3, segment: 'repeat', monthly_income: 40000, existing_monthly_debt: 5000, term_months: 12.5 }, ctx)
      .action,
    'decline',
  );
});
