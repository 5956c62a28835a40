import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { defaultSweep, studyCutoffs } from './cutoff-study.js';
import { reviewLimits, studyLimits } from './limit-study.js';
import { studyMix } from './mix-study.js';
import type { LpSolver } from './solve-assignment.js';

/**
 * The studies' config handling, checked without HiGHS: a scripted solver records every LP it is
 * given and puts each segment on a fixed action (x_{s,a} = 1), so the LP text and the study's
 * plumbing can be compared with the config by hand.
 */
function scripted(action: number, status = 'Optimal') {
  const lps: { lp: string; timeLimit: number | undefined; gap: number | undefined }[] = [];
  const solver: LpSolver = async (lp, options) => {
    lps.push({ lp, timeLimit: options.timeLimit, gap: options.mipRelGap });
    const values: Record<string, number> = {};
    for (const m of lp.matchAll(/^ assign(\d+):/gm)) values[`x${m[1]}_${action}`] = 1;
    return { status, optimal: status === 'Optimal', objective: 1, values: status === 'Optimal' ? values : {}, rows: [] };
  };
  return { solver, lps };
}
const refused = async (promise: Promise<unknown>, message: string) =>
  assert.rejects(promise, (e: Error) => {
    assert.equal(e.message, message);
    return true;
  });

const apps = new Frame([
  numericColumn('score', Float64Array.of(550, 560, 650, 660)),
  numericColumn('pd', Float64Array.of(0.2, 0.1, 0.02, 0.01)),
  numericColumn('amount', Float64Array.of(1000, 2000, 4000, 2000)),
  numericColumn('rate', Float64Array.of(0.1, 0.1, 0.1, 0.1)),
  numericColumn('limit', Float64Array.of(1000, 2000, 4000, 2000)),
  numericColumn('balance', Float64Array.of(500, 2000, 1000, 0)),
  numericColumn('current', Float64Array.of(0, 1, 1, 1)),
  categoryColumn('channel', Int32Array.of(0, 1, 0, 1), ['web', 'shop']),
]);
const economics = { lgd: 0.5 };
const cutoffs = {
  segmentation: { score: 'score', edges: [600] },
  columns: { pd: 'pd', amount: 'amount', rate: 'rate', current: 'current' },
  economics,
  actions: [{ name: 'decline' }, { name: 'approve' }],
  limits: { bad_rate_max: 0.04 },
};

test('defaultSweep: 8 points from a quarter to twice the value (0.05 without one), rounded to 6 decimals', () => {
  assert.deepEqual(defaultSweep(0.04), [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08]);
  assert.deepEqual(defaultSweep(undefined), [0.0125, 0.025, 0.0375, 0.05, 0.0625, 0.075, 0.0875, 0.1]);
});

test('studyCutoffs: the optimum, the solver settings, the default frontier over the cap and a configured one', async () => {
  const { solver, lps } = scripted(1);
  const progress: number[] = [];
  const study = await studyCutoffs(apps, { ...cutoffs, solver: { time_limit: 5, gap: 0.01 } }, 'c.yaml', {
    frontier: true,
    solver,
    onFrontierPoint: (done) => progress.push(done),
  });
  assert.deepEqual([study.problem, study.segments, study.actions], ['cutoffs', 2, ['decline', 'approve']]);
  assert.equal(study.result.status, 'optimal');
  assert.ok(study.result.status === 'optimal' && study.result.current !== undefined && study.result.swap_set !== undefined);
  assert.deepEqual([lps[0]?.timeLimit, lps[0]?.gap], [5, 0.01]);
  // band 1 must approve at least what band 0 does (monotone by default)
  assert.ok(lps[0]?.lp.includes(' monotone0: + x1_1 - x0_1 >= 0'));
  assert.equal(study.frontier?.parameter, 'bad_rate_max');
  assert.deepEqual(
    study.frontier?.points.map((p) => p.value),
    defaultSweep(0.04),
  );
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8]);
  // the frontier re-solves with the swept cap: bads − 0.01·approved for the first point (segment 0: 0.3 − 0.02)
  assert.ok(lps.some((l) => l.lp.includes(' bad_rate_max: + 0.28 x0_1')));
  const swept = await studyCutoffs(apps, { ...cutoffs, monotone: false, frontier: { parameter: 'el_budget', values: [10, 20] } }, 'c.yaml', {
    frontier: true,
    solver: scripted(0).solver,
  });
  assert.equal(swept.frontier?.parameter, 'el_budget');
  assert.deepEqual(
    swept.frontier?.points.map((p) => [p.value, p.status]),
    [
      [10, 'optimal'],
      [20, 'optimal'],
    ],
  );
  const plain = scripted(0);
  const off = await studyCutoffs(apps, { ...cutoffs, monotone: false, frontier: { values: [0.1] } }, 'c.yaml', { frontier: false, solver: plain.solver });
  assert.equal(off.frontier, undefined);
  assert.equal(plain.lps.length, 2);
  assert.ok(!plain.lps[0]?.lp.includes('monotone'));
  assert.deepEqual([plain.lps[0]?.timeLimit, plain.lps[0]?.gap], [30, 1e-4]);
});

test('studyCutoffs: concentration and knock-outs by segmentation columns, no rate or current column, refusals', async () => {
  const { solver, lps } = scripted(0);
  const config = {
    ...cutoffs,
    segmentation: { score: 'score', edges: [600], by: ['channel'] },
    columns: { pd: 'pd', amount: 'amount' },
    concentration: [{ column: 'channel', value: 'web', max_share: 0.6 }],
    knockout: [{ column: 'channel', value: 'shop' }],
  };
  const study = await studyCutoffs(apps, config, 'c.yaml', { frontier: false, solver });
  assert.ok(study.result.status === 'optimal' && study.result.current === undefined);
  assert.equal(study.segments, 4);
  const lp = lps[0]?.lp ?? '';
  assert.ok(lp.includes(' concentration0: '));
  // segments sort shop before web: shop's approve columns are fixed at 0
  assert.ok(lp.includes(' x0_1 = 0') && lp.includes(' x1_1 = 0') && lp.includes(' 0 <= x2_1 <= 1'));
  await refused(
    studyCutoffs(apps, { ...config, concentration: [{ column: 'region', value: 'n', max_share: 0.5 }] }, 'c.yaml', { frontier: false, solver }),
    'config concentration: column "region" must be one of segmentation.by (channel)',
  );
  await refused(
    studyCutoffs(apps, { ...config, knockout: [{ column: 'region', value: 'n' }] }, 'c.yaml', { frontier: false, solver }),
    'config concentration: column "region" must be one of segmentation.by (channel)',
  );
  await refused(
    studyCutoffs(apps, { ...config, concentration: [{ column: 'channel', value: 'web', max_share: 1.5 }] }, 'c.yaml', { frontier: false, solver }),
    'config concentration[0].max_share: must be in [0, 1] (got 1.5)',
  );
  await refused(studyCutoffs(apps, { ...config, columns: { amount: 'amount' } }, 'c.yaml', { frontier: false, solver }), 'config columns.pd: is required');
});

const limits = {
  segmentation: { score: 'score', edges: [600] },
  columns: { pd: 'pd', limit: 'limit', balance: 'balance', rate: 'rate' },
  economics,
  changes: [0.2, -0.2, 0],
  limits: { exposure_increase_max: 1000 },
};

test('studyLimits and reviewLimits: sorted changes, behaviour defaults, the row-by-row change, the default frontier, refusals', async () => {
  const { solver, lps } = scripted(2);
  const study = await studyLimits(apps, limits, 'l.yaml', { frontier: true, solver });
  assert.deepEqual([study.problem, study.segments, study.actions], ['limits', 2, ['-20%', 'keep', '+20%']]);
  assert.equal(study.frontier?.parameter, 'exposure_increase_max');
  assert.deepEqual(
    study.frontier?.points.map((p) => p.value),
    defaultSweep(1000),
  );
  // default CCF 0.5 and elasticity 0.5: row 0 at +20% has balance 550, limit 1200, EAD 875 against 750
  assert.ok(lps[0]?.lp.includes(' exposure_increase_max: '));
  assert.ok(study.result.status === 'optimal' && study.result.assignment.every((a) => a.action === '+20%'));
  const review = await reviewLimits(apps, { ...limits, max_step: 0.2 }, 'l.yaml', { solver: scripted(0).solver });
  assert.deepEqual([...review.change], [-0.2, -0.2, -0.2, -0.2]);
  assert.deepEqual([...review.rowSegment], [0, 0, 1, 1]);
  assert.deepEqual(review.labels, ['score −∞–600', 'score 600–∞']);
  const failed = await reviewLimits(apps, limits, 'l.yaml', { solver: scripted(0, 'Infeasible').solver });
  assert.deepEqual([failed.study.result.status, [...failed.change]], ['infeasible', [0, 0, 0, 0]]);
  await refused(
    reviewLimits(apps, { ...limits, filter: [{ column: 'current', value: 1 }] }, 'l.yaml', { solver }),
    'config filter: a limit review covers every eligible account: remove the filter',
  );
  await refused(studyLimits(apps, { ...limits, changes: [-1, 0] }, 'l.yaml', { frontier: false, solver }), 'config changes: limit changes must be above −100%');
  await refused(studyLimits(apps, { ...limits, max_step: 11 }, 'l.yaml', { frontier: false, solver }), 'config max_step: must be in [0, 10] (got 11)');
  await refused(
    studyLimits(apps, { ...limits, behaviour: { ccf: 2 } }, 'l.yaml', { frontier: false, solver }),
    'config behaviour.ccf: must be in [0, 1] (got 2)',
  );
  await refused(
    studyLimits(apps, { ...limits, behaviour: { balance_elasticity: 6 } }, 'l.yaml', { frontier: false, solver }),
    'config behaviour.balance_elasticity: must be in [0, 5] (got 6)',
  );
  await refused(
    studyLimits(apps, { ...limits, columns: { ...limits.columns, balance: 'pd', pd: 'amount' } }, 'l.yaml', { frontier: false, solver }),
    'config columns.pd: row 1: value 1000 is missing or out of range',
  );
  const negative = new Frame([...apps.columns.filter((c) => c.name !== 'balance'), numericColumn('balance', Float64Array.of(1, 1, -1, 1))]);
  await refused(studyLimits(negative, limits, 'l.yaml', { frontier: false, solver }), 'config columns.balance: row 3: value -1 is missing or out of range');
  await assert.rejects(
    studyLimits(apps, { ...limits, limits: { cap: 1 } }, 'l.yaml', { frontier: false, solver }),
    /^CredoError: config limits.cap: unknown limit .*provision_increase_max\)$/,
  );
});

const mix = {
  segmentation: { by: ['channel'] },
  columns: { pd: 'pd', amount: 'amount', rate: 'rate' },
  economics,
  volumes: [1, 0.5, 2],
};

test('studyMix: volumes sorted, macro stress rows, CVaR defaults and the realised risk, frontier parameters, refusals', async () => {
  const { solver, lps } = scripted(2);
  const config = {
    ...mix,
    rho: 0.2,
    macro: { scenarios: [{ name: 'severe', factor_shift: -2 }, { name: 'mild' }] },
    stress_limits: { severe: 500 },
    cvar: { max: 900, draws: 100 },
  };
  const study = await studyMix(apps, config, 'm.yaml', { frontier: true, solver });
  assert.deepEqual([study.problem, study.segments, study.actions], ['mix', 2, ['×0.5', '×1', '×2']]);
  const lp = lps[0]?.lp ?? '';
  assert.ok(lp.includes(' stress0: ') && !lp.includes(' stress1: ') && lp.includes(' cvar_draw99: ') && !lp.includes('cvar_draw100'));
  assert.ok(!lp.includes('Binary'));
  // the realised stressed EL and CVaR of ×2 everywhere
  assert.equal(study.risk?.stressed_el.length, 1);
  assert.deepEqual(
    [study.risk?.stressed_el[0]?.scenario, study.risk?.stressed_el[0]?.max, study.risk?.cvar?.alpha, study.risk?.cvar?.max],
    ['severe', 500, 0.99, 900],
  );
  assert.ok((study.risk?.cvar?.value ?? -1) >= 0);
  assert.equal(study.frontier?.parameter, 'cvar_max');
  assert.deepEqual(
    study.frontier?.points.map((p) => p.value),
    defaultSweep(900),
  );
  assert.ok(lps.some((l) => / cvar_max: .* <= 225$/m.test(l.lp)));
  // without a CVaR the default frontier sweeps the bad-rate cap; an explicit parameter sweeps that limit
  const plain = await studyMix(apps, { ...mix, limits: { bad_rate_max: 0.1 } }, 'm.yaml', { frontier: true, solver: scripted(1).solver });
  assert.equal(plain.frontier?.parameter, 'bad_rate_max');
  assert.deepEqual(
    plain.frontier?.points.map((p) => p.value),
    defaultSweep(0.1),
  );
  assert.deepEqual(plain.risk, { stressed_el: [] });
  const budget = scripted(1);
  const swept = await studyMix(apps, { ...mix, cvar: { max: 900, draws: 100 }, frontier: { parameter: 'el_budget', values: [7] } }, 'm.yaml', {
    frontier: true,
    solver: budget.solver,
  });
  assert.equal(swept.frontier?.parameter, 'el_budget');
  assert.ok(budget.lps.some((l) => / el_budget: .* <= 7$/m.test(l.lp)));
  const none = await studyMix(apps, mix, 'm.yaml', { frontier: false, solver: scripted(0, 'Infeasible').solver });
  assert.equal(none.result.status, 'infeasible');
  assert.ok(!('risk' in none) && !('frontier' in none));
  // a per-row LGD column and the CVaR options are taken
  const withLgd = new Frame([...apps.columns, numericColumn('lgd', Float64Array.of(1, 1, 1, 1))]);
  const lgd = await studyMix(withLgd, { ...mix, columns: { ...mix.columns, lgd: 'lgd' }, cvar: { max: 1e9, draws: 100, alpha: 0.9, seed: 4 } }, 'm.yaml', {
    frontier: false,
    solver: scripted(1).solver,
  });
  assert.equal(lgd.risk?.cvar?.alpha, 0.9);
  assert.ok(Number.isFinite(lgd.risk?.cvar?.value));
  await refused(
    studyMix(apps, { ...mix, stress_limits: { boom: 1 } }, 'm.yaml', { frontier: false, solver }),
    'config stress_limits: no macro scenario named "boom"',
  );
  await refused(studyMix(apps, { ...mix, volumes: [1, -0.5] }, 'm.yaml', { frontier: false, solver }), 'config volumes: volume multiples must be ≥ 0');
  await refused(studyMix(apps, { ...mix, rho: 1 }, 'm.yaml', { frontier: false, solver }), 'config rho: must be in [0, 0.99] (got 1)');
  await refused(
    studyMix(apps, { ...mix, cvar: { max: 1, draws: 50 } }, 'm.yaml', { frontier: false, solver }),
    'config cvar.draws: must be in [100, 20000] (got 50)',
  );
  await refused(
    studyMix(apps, { ...mix, cvar: { max: 1, alpha: 0.3 } }, 'm.yaml', { frontier: false, solver }),
    'config cvar.alpha: must be in [0.5, 0.9999] (got 0.3)',
  );
  const badRate = new Frame([...apps.columns.filter((c) => c.name !== 'rate'), numericColumn('rate', Float64Array.of(0.1, -0.1, 0.1, 0.1))]);
  await refused(
    studyMix(badRate, mix, 'm.yaml', { frontier: false, solver }),
    'config columns.pd: row 2: pd, amount, rate and lgd must be present and in range',
  );
  await refused(
    studyMix(apps, { ...mix, macro: { scenarios: [] } }, 'm.yaml', { frontier: false, solver }),
    'macro file "m.yaml (macro)": "scenarios" must be a non-empty list',
  );
});

test('studyMix: the realised risk is read from the chosen volumes (stressed EL by hand, CVaR scales with the volume)', async () => {
  // No factor shift, PD × 2: stressed EL per unit volume = Σ 2·pd·lgd·ead = 2·0.5·(200 + 200 + 80 + 20) = 500.
  const config = {
    ...mix,
    macro: { scenarios: [{ name: 'double', pd_multiplier: 2 }] },
    stress_limits: { double: 2000 },
    cvar: { max: 1e9, draws: 200, seed: 3 },
  };
  const risk = async (action: number) => (await studyMix(apps, config, 'm.yaml', { frontier: false, solver: scripted(action).solver })).risk;
  const [half, one, twice] = [await risk(0), await risk(1), await risk(2)];
  assert.deepEqual(
    [half, one, twice].map((r) => r?.stressed_el),
    [250, 500, 1000].map((value) => [{ scenario: 'double', value, max: 2000 }]),
  );
  // CVaR is positively homogeneous: the same draws at twice (half) the volume give twice (half) the CVaR, exactly in doubles.
  const base = one?.cvar?.value ?? Number.NaN;
  assert.ok(base > 0);
  assert.deepEqual([half?.cvar?.value, twice?.cvar?.value], [base / 2, base * 2]);
});

test('studyMix: each row must have pd in [0, 1] and amount, rate and lgd ≥ 0 (the bounds themselves are accepted)', async () => {
  const { solver } = scripted(1);
  const withColumn = (name: string, values: number[]) =>
    new Frame([...apps.columns.filter((c) => c.name !== name), numericColumn(name, Float64Array.from(values))]);
  const lgdMix = { ...mix, columns: { ...mix.columns, lgd: 'lgd' } };
  const cases: [Frame, object, number][] = [
    [withColumn('pd', [0.2, 0.1, 1.01, 0.01]), mix, 3],
    [withColumn('pd', [0.2, -0.01, 0.02, 0.01]), mix, 2],
    [withColumn('pd', [Number.NaN, 0.1, 0.02, 0.01]), mix, 1],
    [withColumn('amount', [1000, 2000, 4000, -1]), mix, 4],
    [withColumn('rate', [0.1, 0.1, Number.NaN, 0.1]), mix, 3],
    [withColumn('lgd', [0.5, -0.5, 0.5, 0.5]), lgdMix, 2],
    [withColumn('lgd', [0.5, 0.5, 0.5, Number.NaN]), lgdMix, 4],
  ];
  for (const [frame, config, row] of cases) {
    await refused(
      studyMix(frame, config, 'm.yaml', { frontier: false, solver }),
      `config columns.pd: row ${row}: pd, amount, rate and lgd must be present and in range`,
    );
  }
  const edges = new Frame([
    ...apps.columns.filter((c) => !['pd', 'amount', 'rate'].includes(c.name)),
    numericColumn('pd', Float64Array.of(0, 1, 0.02, 0.01)),
    numericColumn('amount', Float64Array.of(0, 2000, 4000, 2000)),
    numericColumn('rate', Float64Array.of(0.1, 0, 0.1, 0.1)),
    numericColumn('lgd', Float64Array.of(0.5, 0.5, 0, 0.5)),
  ]);
  const accepted = await studyMix(edges, lgdMix, 'm.yaml', { frontier: false, solver });
  assert.equal(accepted.result.status, 'optimal');
});

test('studyMix: config details — stress limits checked against the macro scenarios, bounds of volumes and CVaR fields, the seed, frontier fallbacks', async () => {
  const { solver } = scripted(1);
  const macro = { scenarios: [{ name: 'double', pd_multiplier: 2 }] };
  // macro scenarios without stress limits: no stress rows, nothing to report
  const unlimited = await studyMix(apps, { ...mix, macro }, 'm.yaml', { frontier: false, solver });
  assert.deepEqual(unlimited.risk, { stressed_el: [] });
  await refused(
    studyMix(apps, { ...mix, macro, stress_limits: { severe: 1 } }, 'm.yaml', { frontier: false, solver }),
    'config stress_limits: no macro scenario named "severe"',
  );
  await refused(
    studyMix(apps, { ...mix, macro, stress_limits: { double: -1 } }, 'm.yaml', { frontier: false, solver }),
    'config stress_limits.double: must be in [0, Infinity] (got -1)',
  );
  await refused(
    studyMix(apps, { ...mix, cvar: { max: -1, draws: 100 } }, 'm.yaml', { frontier: false, solver }),
    'config cvar.max: must be in [0, Infinity] (got -1)',
  );
  await refused(
    studyMix(apps, { ...mix, cvar: { max: 1, draws: 100, seed: -1 } }, 'm.yaml', { frontier: false, solver }),
    'config cvar.seed: must be in [0, 9007199254740991] (got -1)',
  );
  // a zero volume is a level like any other; the config's own list is not reordered
  const volumes = [1, 0, 2];
  const zero = await studyMix(apps, { ...mix, volumes }, 'm.yaml', { frontier: false, solver });
  assert.deepEqual(
    [zero.actions, volumes],
    [
      ['×0', '×1', '×2'],
      [1, 0, 2],
    ],
  );
  // the seed is taken: the default is seed 1, another seed draws other losses
  const cvarOf = async (cvar: object) =>
    (await studyMix(apps, { ...mix, cvar: { max: 1e9, draws: 100, ...cvar } }, 'm.yaml', { frontier: false, solver })).risk?.cvar?.value;
  const [byDefault, one, four] = [await cvarOf({}), await cvarOf({ seed: 1 }), await cvarOf({ seed: 4 })];
  assert.equal(byDefault, one);
  assert.notEqual(four, one);
  // an unsolved problem has no realised risk
  const unsolved = await studyMix(apps, mix, 'm.yaml', { frontier: false, solver: scripted(0, 'Model error').solver });
  assert.ok(unsolved.result.status === 'unsolved' && !('risk' in unsolved));
  // a frontier section without a parameter sweeps the default one: cvar_max with a CVaR, bad_rate_max without
  const withCvar = await studyMix(apps, { ...mix, cvar: { max: 900, draws: 100 }, frontier: { values: [450] } }, 'm.yaml', { frontier: true, solver });
  assert.deepEqual([withCvar.frontier?.parameter, withCvar.frontier?.points.map((p) => p.value)], ['cvar_max', [450]]);
  const withoutCvar = await studyMix(apps, { ...mix, frontier: { values: [0.3] } }, 'm.yaml', { frontier: true, solver });
  assert.deepEqual([withoutCvar.frontier?.parameter, withoutCvar.frontier?.points.map((p) => p.value)], ['bad_rate_max', [0.3]]);
});
