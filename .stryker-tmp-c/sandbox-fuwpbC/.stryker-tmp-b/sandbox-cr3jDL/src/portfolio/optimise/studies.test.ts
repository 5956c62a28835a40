// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateWorld } from '../../synth/index.js';
import { studyCutoffs } from './cutoff-study.js';
import { studyLimits } from './limit-study.js';
import { studyMix } from './mix-study.js';
import type { PolicyOptimum } from './optimise-policy.js';

const world = generateWorld({ rows: 4000, seed: 3 }).applications;
const economics = { lgd: 0.6, funding_rate: 0.06, opex: 2500, hurdle_rate: 0.12 };

function optimum(result: PolicyOptimum | { status: 'infeasible' } | { status: 'unsolved'; message: string }): PolicyOptimum {
  if (result.status === 'infeasible') assert.fail('unexpectedly infeasible');
  if (result.status === 'unsolved') assert.fail(`unexpectedly unsolved: ${result.message}`);
  return result;
}

test('cutoffs on the synthetic world: caps hold, approvals are monotone in score, knock-outs decline', async () => {
  const config = {
    segmentation: { score: 'bureau_score', bands: 6, by: ['channel'] },
    columns: { pd: 'true_pd', amount: 'requested_amount', rate: 'interest_rate', current: 'approved' },
    economics,
    actions: [{ name: 'decline' }, { name: 'approve' }, { name: 'approve_small', limit: 0.7, rate_shift: 0.01 }],
    limits: { bad_rate_max: 0.05, approval_min: 0.4 },
    concentration: [{ column: 'channel', value: 'online', max_share: 0.5 }],
    knockout: [{ column: 'channel', value: 'broker' }],
  };
  const study = await studyCutoffs(world, config, 'test.yaml', { frontier: true });
  const r = optimum(study.result);
  assert.ok(r.kpis.bad_rate <= 0.05 + 1e-9 && r.kpis.approval_rate >= 0.4 - 1e-9);
  const approved = (label: string) => r.assignment.find((a) => a.segment === label)?.action !== 'decline';
  for (const channel of ['branch', 'online', 'partner']) {
    const bands = r.assignment.filter((a) => a.segment.endsWith(`channel=${channel}`) && !a.segment.includes('missing'));
    const flags = bands.map((a) => approved(a.segment));
    // once approved, every better band is approved too (bands listed worst first)
    assert.deepEqual(
      flags,
      [...flags].sort((p, q) => Number(p) - Number(q)),
      channel,
    );
  }
  for (const a of r.assignment) if (a.segment.includes('channel=broker')) assert.equal(a.action, 'decline');
  assert.ok(r.current !== undefined && r.swap_set !== undefined);
  const cells = r.swap_set.cells;
  assert.ok(Math.abs(cells.all_in.count + cells.swap_out.count + cells.swap_in.count + cells.all_out.count - 4000) < 1e-6);
  const points = study.frontier?.points ?? [];
  assert.ok(points.length >= 5);
  const feasible = points.filter((p) => p.profit !== null);
  for (let j = 1; j < feasible.length; j++) assert.ok((feasible[j]?.profit as number) >= (feasible[j - 1]?.profit as number) - 1e-6);
});

test('credit limits: changes monotone in score, within the step, exposure increase within its cap', async () => {
  const config = {
    filter: [
      { column: 'product', value: 'credit_card' },
      { column: 'approved', value: 1 },
    ],
    segmentation: { score: 'old_score', bands: 5 },
    columns: { pd: 'true_pd', limit: 'requested_amount', balance: 'mob4_balance', rate: 'interest_rate' },
    economics: { ...economics, lgd: 0.85, opex: 800, asset_class: 'qrre' },
    behaviour: { ccf: 0.6, balance_elasticity: 0.5 },
    changes: [0.3, -0.2, 0, 0.1, 0.2, -0.1],
    max_step: 0.2,
    limits: { exposure_increase_max: 2_000_000 },
  };
  const study = await studyLimits(world, config, 'limits.yaml', { frontier: false });
  const r = optimum(study.result);
  assert.deepEqual(study.actions, ['-20%', '-10%', 'keep', '+10%', '+20%', '+30%']);
  const index = r.assignment.map((a) => study.actions.indexOf(a.action));
  assert.deepEqual(
    index,
    [...index].sort((p, q) => p - q),
  );
  assert.ok(!r.assignment.some((a) => a.action === '+30%'));
  const exposureRow = r.shadow_prices?.find((p) => p.name === 'exposure_increase_max');
  assert.ok(exposureRow !== undefined);
  assert.ok((r.delta?.amount ?? 0) <= 2_000_000 + 1e-3, String(r.delta?.amount));
});

test('mix: stressed losses and the Rockafellar–Uryasev CVaR hold; the realised CVaR equals finance’s ES of the draws', async () => {
  const config = {
    filter: [{ column: 'approved', value: 1 }],
    segmentation: { by: ['product', 'segment'] },
    columns: { pd: 'true_pd', amount: 'requested_amount', rate: 'interest_rate' },
    economics,
    volumes: [0.5, 1, 1.5],
    rho: 0.12,
    macro: { scenarios: [{ name: 'severe', factor_shift: -2, pd_multiplier: 1.2 }] },
    stress_limits: { severe: 60_000_000 },
    cvar: { alpha: 0.99, max: 60_000_000, draws: 400, seed: 5 },
  };
  const study = await studyMix(world, config, 'mix.yaml', { frontier: false });
  const r = optimum(study.result);
  const risk = study.risk;
  assert.ok(risk?.cvar !== undefined);
  assert.ok(risk.cvar.value <= 60_000_000 * (1 + 1e-6), `CVaR ${risk.cvar.value}`);
  assert.ok((risk.stressed_el[0]?.value ?? 0) <= 60_000_000 * (1 + 1e-6));
  // a binding CVaR limit has a positive shadow price and the realised CVaR sits on it
  const cvarPrice = r.shadow_prices?.find((p) => p.name === 'cvar_max')?.dual ?? 0;
  assert.ok(cvarPrice > 0, `CVaR shadow price ${cvarPrice}`);
  assert.ok(Math.abs(risk.cvar.value - 60_000_000) < 1e-6 * 60_000_000, `CVaR ${risk.cvar.value}`);
  assert.ok(r.kpis.profit > 0);
});

test('config errors name the field', async () => {
  await assert.rejects(studyCutoffs(world, { segmentation: { score: 'bureau_score' } }, 'bad.yaml', { frontier: false }), /config columns: is required/);
  await assert.rejects(
    studyCutoffs(
      world,
      {
        segmentation: { score: 'bureau_score' },
        columns: { pd: 'true_pd', amount: 'requested_amount' },
        economics: { lgd: 2 },
        actions: [{ name: 'decline' }],
      },
      'bad.yaml',
      { frontier: false },
    ),
    /config economics.lgd: must be in \[0, 1\]/,
  );
});
