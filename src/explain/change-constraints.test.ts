import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { changeInterval, describeChangeConstraint, parseChangeFlags, resolveChangeConstraints } from './change-constraints.js';
import { randomRows, randomTreeEnsemble } from './random-tree-ensemble.js';
import { parseReasonCatalogue } from './reason-catalogue.js';
import { ensembleMargin, treeCounterfactual } from './tree-counterfactual.js';

const catalogue = parseReasonCatalogue({
  version: 1,
  generic: { code: 'X99', text: 'Other ({feature})' },
  genericMissing: { code: 'X98', text: 'Missing {feature}' },
  features: {
    LOAN: { code: 'X01', text: 'Amount requested', change: { direction: 'decrease', min: 1000 } },
    income: { code: 'X02', text: 'Income', change: { direction: 'none' } },
  },
});

test('change rules: the flag wins over the catalogue, which wins over the default; bounds cut the data range', () => {
  const range = [
    { min: 1100, max: 89_900 },
    { min: 6, max: 360 },
  ];
  const [loan, term] = resolveChangeConstraints(['LOAN', 'term'], range, catalogue);
  assert.deepEqual(loan, { feature: 'LOAN', direction: 'decrease', lower: 1100, upper: 89_900, source: 'catalogue' });
  assert.deepEqual(term, { feature: 'term', direction: 'any', lower: 6, upper: 360, source: 'default' });
  // HMEQ row 5: LOAN 1,700 may go down to the data's 1,100 but never up (it used to be moved to 35,350)
  assert.deepEqual(changeInterval(loan as NonNullable<typeof loan>, 1700), [1100, 1700]);
  assert.equal(describeChangeConstraint(loan as NonNullable<typeof loan>), 'LOAN may only decrease, within [1100, 89900] (reason catalogue)');
  const flags = parseChangeFlags(['LOAN:up', 'term:decrease'], ['LOAN:..20000', 'term:12..']);
  assert.deepEqual(flags, { LOAN: { direction: 'increase', max: 20_000 }, term: { direction: 'decrease', min: 12 } });
  const [loan2, term2] = resolveChangeConstraints(['LOAN', 'term'], range, catalogue, flags);
  // the catalogue's min 1000 stays (the flag sets only direction and max); the data's 1100 is tighter
  assert.deepEqual(loan2, { feature: 'LOAN', direction: 'increase', lower: 1100, upper: 20_000, source: 'flag' });
  assert.deepEqual(changeInterval(loan2 as NonNullable<typeof loan2>, 1700), [1700, 20_000]);
  assert.deepEqual(changeInterval(term2 as NonNullable<typeof term2>, 36), [12, 36]);
});

test('a feature the applicant cannot change is refused, saying where the rule comes from', () => {
  assert.throws(
    () => resolveChangeConstraints(['income'], [{ min: 0, max: 1e6 }], catalogue),
    (e: unknown) => e instanceof CredoError && e.code === 'E_EXPLAIN_ACTIONABLE' && /features\.income\.change\.direction = none/.test(e.message),
  );
  assert.throws(() => parseChangeFlags(['LOAN:sideways'], []), /feature:decrease\|increase\|any\|none/);
  assert.throws(() => parseChangeFlags([], ['LOAN:1..x']), /feature:min\.\.max/);
  assert.throws(() => resolveChangeConstraints(['LOAN'], [{ min: 0, max: 500 }], catalogue), /bounds \[1000, 500\] are empty/);
});

test('tree counterfactuals honour the direction: a decrease-only feature never goes up, an increase-only one never down', async () => {
  let changed = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const ensemble = randomTreeEnsemble({ seed, features: 3, trees: 3, maxDepth: 3 });
    const x = randomRows(ensemble, 1, seed + 7, 0);
    const cutoffMargin = ensembleMargin(ensemble, x) - 0.4;
    for (const direction of ['decrease', 'increase'] as const) {
      const [c] = resolveChangeConstraints(['f0'], [{ min: -2, max: 2 }], undefined, { f0: { direction } });
      const [lo, hi] = changeInterval(c as NonNullable<typeof c>, x[0] as number);
      const result = await treeCounterfactual(ensemble, x, { actionable: [0], cutoffMargin, lower: [lo, 0, 0], upper: [hi, 0, 0] });
      for (const change of result?.changes ?? []) {
        changed++;
        assert.ok(direction === 'decrease' ? change.to <= change.from : change.to >= change.from, `seed ${seed} ${direction}: ${change.from} → ${change.to}`);
      }
    }
  }
  assert.ok(changed >= 5, `${changed} changes found`);
});

test('change rules without a catalogue, a flag on a feature the catalogue lacks, and no data range', () => {
  const [a, b] = resolveChangeConstraints(['a', 'toString'], [{ min: 0, max: 10 }], undefined, { a: { direction: 'increase', min: 2 } });
  assert.deepEqual(a, { feature: 'a', direction: 'increase', lower: 2, upper: 10, source: 'flag' });
  // no range given for the second feature: unbounded; an Object.prototype name is neither a flag nor a catalogue entry
  assert.deepEqual(b, { feature: 'toString', direction: 'any', lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, source: 'default' });
  const [c] = resolveChangeConstraints(['constructor'], [{ min: 1, max: 2 }], catalogue);
  assert.deepEqual(c, { feature: 'constructor', direction: 'any', lower: 1, upper: 2, source: 'default' });
  // the catalogue's bounds cut the data range; equal bounds leave one point, which is allowed
  const [loan] = resolveChangeConstraints(['LOAN'], [{ min: 500, max: 1000 }], catalogue, { LOAN: { max: 1000 } });
  assert.deepEqual(loan, { feature: 'LOAN', direction: 'decrease', lower: 1000, upper: 1000, source: 'flag' });
  assert.throws(
    () => resolveChangeConstraints(['LOAN'], [{ min: 0, max: 1e6 }], catalogue, { LOAN: { direction: 'none' } }),
    (e: unknown) =>
      e instanceof CredoError &&
      e.code === 'E_EXPLAIN_ACTIONABLE' &&
      e.message === 'actionable feature "LOAN": its --direction is none: the applicant cannot change it',
  );
  assert.throws(
    () => resolveChangeConstraints(['income'], [{ min: 0, max: 1e6 }], catalogue),
    (e: unknown) =>
      e instanceof CredoError &&
      e.message ===
        'actionable feature "income": the reason catalogue says the applicant cannot change it (features.income.change.direction = none); override with --direction income:any',
  );
  // a flag overrides the catalogue's none
  assert.equal(resolveChangeConstraints(['income'], [{ min: 0, max: 1 }], catalogue, { income: { direction: 'any' } })[0]?.direction, 'any');
  assert.throws(
    () => resolveChangeConstraints(['x'], [{ min: 5, max: 4 }], undefined),
    (e: unknown) => e instanceof CredoError && e.message === 'actionable feature "x": its bounds [5, 4] are empty',
  );
  assert.throws(() => resolveChangeConstraints(['x'], [{ min: Number.NaN, max: 4 }], undefined), /bounds \[NaN, 4\] are empty/);
});

test('change intervals by direction, and each description', () => {
  const c = (direction: 'increase' | 'decrease' | 'any', source: 'flag' | 'catalogue' | 'default') => ({
    feature: 'f',
    direction,
    lower: 0,
    upper: 10,
    source,
  });
  assert.deepEqual(changeInterval(c('any', 'flag'), 4), [0, 10]);
  assert.deepEqual(changeInterval(c('increase', 'flag'), 4), [4, 10]);
  assert.deepEqual(changeInterval(c('increase', 'flag'), -3), [0, 10]);
  assert.deepEqual(changeInterval(c('decrease', 'flag'), 4), [0, 4]);
  assert.deepEqual(changeInterval(c('decrease', 'flag'), 12), [0, 10]);
  assert.equal(describeChangeConstraint(c('any', 'flag')), 'f may move either way, within [0, 10] (command line)');
  assert.equal(describeChangeConstraint(c('increase', 'catalogue')), 'f may only increase, within [0, 10] (reason catalogue)');
  assert.equal(describeChangeConstraint(c('decrease', 'default')), 'f may only decrease, within [0, 10] (default: the data range)');
});

test('change flags: every alias, the last colon splits, bounds with either end, repeated items merge', () => {
  assert.deepEqual(parseChangeFlags(['a:decrease', 'b:down', 'c:increase', 'd:up', 'e:any', 'f:none', 'g:h:up'], []), {
    a: { direction: 'decrease' },
    b: { direction: 'decrease' },
    c: { direction: 'increase' },
    d: { direction: 'increase' },
    e: { direction: 'any' },
    f: { direction: 'none' },
    'g:h': { direction: 'increase' },
  });
  assert.deepEqual(parseChangeFlags(['a:up'], ['a:-1.5..2e3', 'b:..', 'a:-7..']), { a: { direction: 'increase', min: -7, max: 2000 }, b: {} });
  assert.deepEqual(parseChangeFlags([], ['x:1..', 'x:..2']), { x: { min: 1, max: 2 } });
  assert.deepEqual(parseChangeFlags(['x:none', 'x:any'], []), { x: { direction: 'any' } });
  const refused = (flag: string, problem: string, value: string) => (e: unknown) =>
    e instanceof CredoError && e.code === 'E_INPUT_FLAG_INVALID' && JSON.stringify(e.details) === JSON.stringify({ flag, problem, value });
  for (const bad of [':up', 'up', 'a:', 'a:UP', 'a:toString'])
    assert.throws(() => parseChangeFlags([bad], []), refused('direction', 'expected feature:decrease|increase|any|none', bad), bad);
  for (const bad of ['a:1-2', 'a:1..2..3', ':1..2', 'a:..-', 'a:1e..2', 'a1..2', 'a\nb:1..2'])
    assert.throws(() => parseChangeFlags([], [bad]), refused('bounds', 'expected feature:min..max (either end may be empty)', bad), bad);
});
