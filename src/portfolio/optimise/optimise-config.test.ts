import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryColumn, Frame, numericColumn } from '../../frame/index.js';
import { ConfigReader, readCutoffActions, readEconomics, readFrontier, readLimits, readScoreSegmentation, readSolver, selectRows } from './optimise-config.js';

const root = (raw: unknown) => ConfigReader.root(raw, 'c.yaml');
/** Asserts the exact message `config {path}: {problem}` of a refused field. */
const refused = (read: () => unknown, message: string) =>
  assert.throws(read, (e: Error & { code?: string }) => {
    assert.equal(e.code, 'E_PORTFOLIO_CONFIG_INVALID');
    assert.equal(e.message, `config ${message}`);
    return true;
  });

test('ConfigReader: paths, numbers with ranges and defaults, strings, children, lists, number and name lists', () => {
  refused(() => root(null), 'c.yaml: expected a mapping');
  refused(() => root([1]), 'c.yaml: expected a mapping');
  refused(() => root('x'), 'c.yaml: expected a mapping');
  const r = root({ a: { b: { c: 1 } }, n: 2, s: 'x', empty: '', nul: null, list: [{ k: 1 }], bad: [1], nums: [1, 2.5], names: ['p', 'q'] });
  assert.equal(r.path, '');
  assert.equal(r.at('k'), 'k');
  const b = r.child('a').child('b');
  assert.equal(b.path, 'a.b');
  assert.equal(b.at('c'), 'a.b.c');
  assert.equal(b.number('c'), 1);
  assert.deepEqual([r.has('n'), r.has('nul'), r.has('zzz')], [true, false, false]);
  assert.equal(r.number('n', [2, 2]), 2);
  assert.equal(r.number('zzz', [0, 1], 0.5), 0.5);
  refused(() => r.number('zzz'), 'zzz: is required');
  refused(() => r.number('s'), 's: must be a number (got "x")');
  refused(() => root({ v: Number.POSITIVE_INFINITY }).number('v'), 'v: must be a number (got null)');
  refused(() => r.number('n', [3, 4]), 'n: must be in [3, 4] (got 2)');
  refused(() => r.number('n', [0, 1]), 'n: must be in [0, 1] (got 2)');
  refused(() => b.number('c', [2, 3]), 'a.b.c: must be in [2, 3] (got 1)');
  assert.equal(r.optionalNumber('zzz'), undefined);
  assert.equal(r.optionalNumber('nul'), undefined);
  assert.equal(r.optionalNumber('n', [0, 5]), 2);
  refused(() => r.optionalNumber('n', [0, 1]), 'n: must be in [0, 1] (got 2)');
  assert.equal(r.string('s'), 'x');
  assert.equal(r.string('zzz', 'y'), 'y');
  refused(() => r.string('zzz'), 'zzz: is required');
  refused(() => r.string('empty'), 'empty: must be a non-empty string');
  refused(() => r.string('n'), 'n: must be a non-empty string');
  assert.equal(r.optionalString('zzz'), undefined);
  assert.equal(r.optionalString('s'), 'x');
  refused(() => r.child('zzz'), 'zzz: is required');
  refused(() => r.child('n'), 'n: must be a mapping');
  refused(() => r.child('nul'), 'nul: must be a mapping');
  refused(() => r.child('list'), 'list: must be a mapping');
  const list = r.list('list');
  assert.deepEqual([list.length, list[0]?.path, list[0]?.number('k')], [1, 'list[0]', 1]);
  assert.deepEqual(r.list('zzz'), []);
  refused(() => r.list('s'), 's: must be a list');
  refused(() => r.list('bad'), 'bad[0]: must be a mapping');
  refused(() => root({ l: [null] }).list('l'), 'l[0]: must be a mapping');
  refused(() => root({ l: [[1]] }).list('l'), 'l[0]: must be a mapping');
  refused(() => r.child('a').list('b'), 'a.b: must be a list');
  assert.deepEqual(r.numbers('nums'), [1, 2.5]);
  refused(() => r.numbers('zzz'), 'zzz: must be a list of numbers');
  refused(() => r.numbers('names'), 'names: must be a list of numbers');
  refused(() => root({ v: [1, Number.NaN] }).numbers('v'), 'v: must be a list of numbers');
  assert.deepEqual(r.strings('names'), ['p', 'q']);
  assert.deepEqual(r.strings('zzz'), []);
  refused(() => r.strings('nums'), 'nums: must be a list of names');
  refused(() => r.strings('s'), 's: must be a list of names');
  refused(() => r.fail('k', 'went wrong'), 'k: went wrong');
});

test('economics, limits, actions, frontier, solver and segmentation sections', () => {
  assert.deepEqual(readEconomics(root({ economics: { lgd: 0.4 } })), {
    lgd: 0.4,
    funding_rate: 0,
    opex: 0,
    hurdle_rate: 0,
    capital_rate: 0,
    asset_class: 'other_retail',
  });
  assert.deepEqual(readEconomics(root({ economics: { lgd: 1, funding_rate: -1, opex: 5, hurdle_rate: 1, capital_rate: 1, asset_class: 'qrre' } })), {
    lgd: 1,
    funding_rate: -1,
    opex: 5,
    hurdle_rate: 1,
    capital_rate: 1,
    asset_class: 'qrre',
  });
  for (const assetClass of ['mortgage', 'corporate'])
    assert.equal(readEconomics(root({ economics: { lgd: 0, asset_class: assetClass } })).asset_class, assetClass);
  refused(
    () => readEconomics(root({ economics: { lgd: 0.4, asset_class: 'sovereign' } })),
    'economics.asset_class: must be mortgage, qrre, other_retail or corporate',
  );
  refused(() => readEconomics(root({ economics: { lgd: 1.1 } })), 'economics.lgd: must be in [0, 1] (got 1.1)');
  refused(() => readEconomics(root({ economics: { lgd: 0.5, funding_rate: -1.5 } })), 'economics.funding_rate: must be in [-1, 1] (got -1.5)');
  refused(() => readEconomics(root({ economics: { lgd: 0.5, opex: -1 } })), 'economics.opex: must be in [0, Infinity] (got -1)');
  refused(() => readEconomics(root({ economics: { lgd: 0.5, hurdle_rate: 2 } })), 'economics.hurdle_rate: must be in [0, 1] (got 2)');
  refused(() => readEconomics(root({ economics: { lgd: 0.5, capital_rate: -0.1 } })), 'economics.capital_rate: must be in [0, 1] (got -0.1)');
  refused(() => readEconomics(root({})), 'economics: is required');
  assert.equal(readEconomics(root({ economics: { lgd: 0.5, capital_ratio: 0.105 } })).capital_ratio, 0.105);
  refused(
    () => readEconomics(root({ economics: { lgd: 0.5, capital_ratio: 0 } })),
    'economics.capital_ratio: must be above 0 (the share of RWA held as capital)',
  );
  refused(() => readEconomics(root({ economics: { lgd: 0.5, capital_ratio: 1.2 } })), 'economics.capital_ratio: must be in [0, 1] (got 1.2)');

  assert.deepEqual(readLimits(root({})), {});
  const all = {
    bad_rate_max: 0.1,
    bad_rate_amount_max: 0.2,
    approval_min: 0.3,
    approved_min: 40,
    el_budget: 50,
    capital_budget: 60,
    amount_max: 70,
    amount_min: 80,
  };
  assert.deepEqual(readLimits(root({ limits: all })), all);
  assert.deepEqual(readLimits(root({ limits: { bad_rate_max: 0.1, exposure_increase_max: -5 } }), ['exposure_increase_max']), {
    bad_rate_max: 0.1,
    exposure_increase_max: -5,
  });
  refused(
    () => readLimits(root({ limits: { cap: 1 } }), ['x_max']),
    'limits.cap: unknown limit (known: bad_rate_max, bad_rate_amount_max, approval_min, approved_min, el_budget, capital_budget, amount_max, amount_min, x_max)',
  );
  refused(
    () => readLimits(root({ limits: { cap: 1 } })),
    'limits.cap: unknown limit (known: bad_rate_max, bad_rate_amount_max, approval_min, approved_min, el_budget, capital_budget, amount_max, amount_min)',
  );
  for (const key of ['bad_rate_max', 'bad_rate_amount_max', 'approval_min'])
    refused(() => readLimits(root({ limits: { [key]: 1.5 } })), `limits.${key}: must be in [0, 1] (got 1.5)`);
  for (const key of ['approved_min', 'el_budget', 'capital_budget', 'amount_max', 'amount_min'])
    refused(() => readLimits(root({ limits: { [key]: -1 } })), `limits.${key}: must be in [0, Infinity] (got -1)`);

  assert.deepEqual(
    readCutoffActions(
      root({ actions: [{ name: 'decline' }, { name: 'approve', limit: 0.5, rate: 0.2, rate_shift: -0.01 }, { name: 'hold', kind: 'decline' }] }),
    ),
    [
      { name: 'decline', kind: 'decline' },
      { name: 'approve', kind: 'approve', limit: 0.5, rate: 0.2, rate_shift: -0.01 },
      { name: 'hold', kind: 'decline' },
    ],
  );
  refused(() => readCutoffActions(root({ actions: [{ name: 'decline' }, { name: 'x', kind: 'maybe' }] })), 'actions[1].kind: must be decline or approve');
  refused(() => readCutoffActions(root({ actions: [] })), 'actions: needs at least one action');
  refused(() => readCutoffActions(root({})), 'actions: needs at least one action');
  refused(() => readCutoffActions(root({ actions: [{ name: 'approve' }] })), 'actions: needs a decline action');
  refused(() => readCutoffActions(root({ actions: [{ name: 'decline' }, { name: 'decline', kind: 'approve' }] })), 'actions: action names must be distinct');
  refused(() => readCutoffActions(root({ actions: [{ name: 'decline' }, { name: 'a', limit: 101 }] })), 'actions[1].limit: must be in [0, 100] (got 101)');
  refused(() => readCutoffActions(root({ actions: [{ name: 'decline' }, { name: 'a', rate: 11 }] })), 'actions[1].rate: must be in [0, 10] (got 11)');
  refused(
    () => readCutoffActions(root({ actions: [{ name: 'decline' }, { name: 'a', rate_shift: -2 }] })),
    'actions[1].rate_shift: must be in [-1, 1] (got -2)',
  );

  assert.equal(readFrontier(root({}), ['p']), undefined);
  assert.deepEqual(readFrontier(root({ frontier: { values: [1, 2] } }), ['p', 'q']), { parameter: 'p', values: [1, 2] });
  assert.deepEqual(readFrontier(root({ frontier: { parameter: 'q', values: [3] } }), ['p', 'q']), { parameter: 'q', values: [3] });
  refused(() => readFrontier(root({ frontier: {} }), ['p']), 'frontier.values: must be a list of numbers');
  // A parameter no constraint reads would give the same problem at every point.
  refused(
    () => readFrontier(root({ frontier: { parameter: 'cvar_max', values: [3] } }), ['p', 'q']),
    'frontier.parameter: must be one of p, q (got "cvar_max")',
  );

  assert.deepEqual(readSolver(root({})), { timeLimit: 30, gap: 1e-4 });
  assert.deepEqual(readSolver(root({ solver: {} })), { timeLimit: 30, gap: 1e-4 });
  assert.deepEqual(readSolver(root({ solver: { time_limit: 0.1, gap: 1 } })), { timeLimit: 0.1, gap: 1 });
  refused(() => readSolver(root({ solver: { time_limit: 86401 } })), 'solver.time_limit: must be in [0.1, 86400] (got 86401)');
  refused(() => readSolver(root({ solver: { gap: -0.1 } })), 'solver.gap: must be in [0, 1] (got -0.1)');

  assert.deepEqual(readScoreSegmentation(root({ segmentation: { score: 's' } })), { score: 's', bands: 10, by: [] });
  assert.deepEqual(readScoreSegmentation(root({ segmentation: { score: 's', bands: 1000, by: ['c'] } })), { score: 's', bands: 1000, by: ['c'] });
  assert.deepEqual(readScoreSegmentation(root({ segmentation: { score: 's', edges: [1, 2], bands: 3 } })), { score: 's', edges: [1, 2], by: [] });
  refused(() => readScoreSegmentation(root({ segmentation: { score: 's', bands: 0 } })), 'segmentation.bands: must be in [1, 1000] (got 0)');
  refused(() => readScoreSegmentation(root({ segmentation: {} })), 'segmentation.score: is required');
});

test('selectRows: numeric and categorical filters, all must hold; refusals name the rule', () => {
  const frame = new Frame([numericColumn('approved', Float64Array.of(1, 0, 1, 1)), categoryColumn('product', Int32Array.of(0, 0, 1, -1), ['card', 'loan'])]);
  assert.equal(selectRows(frame, root({})), frame);
  const cards = selectRows(
    frame,
    root({
      filter: [
        { column: 'approved', value: 1 },
        { column: 'product', value: 'card' },
      ],
    }),
  );
  assert.deepEqual([...cards.numeric('approved').values], [1]);
  assert.equal(selectRows(frame, root({ filter: [{ column: 'approved', value: 1 }] })).rowCount, 3);
  assert.equal(selectRows(frame, root({ filter: [{ column: 'product', value: 'loan' }] })).rowCount, 1);
  refused(() => selectRows(frame, root({ filter: [{ column: 'approved', value: '1' }] })), 'filter[0].value: column "approved" is numeric: give a number');
  refused(() => selectRows(frame, root({ filter: [{ column: 'approved', value: 2 }] })), 'filter: no rows are left after the filter');
  refused(() => selectRows(frame, root({ filter: [{ column: 'product', value: 'boat' }] })), 'filter: no rows are left after the filter');
});
