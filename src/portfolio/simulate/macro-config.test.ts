import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMacroConfig } from './macro-config.js';

const segments = ['card', 'auto', 'home'];

/** The message a bad macro file must give (the catalogue template `macro file "{file}": {problem}`). */
function refused(raw: unknown, problem: string): void {
  assert.throws(
    () => parseMacroConfig(raw, segments, 0.1, 'm.yaml'),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'E_PORTFOLIO_MACRO_INVALID');
      assert.equal(error.message, `macro file "m.yaml": ${problem}`);
      return true;
    },
  );
}

test('scenarios without factors: one factor, ρ for every segment; shifts and multipliers as numbers or maps', () => {
  const config = parseMacroConfig(
    {
      scenarios: [
        { name: 'baseline' },
        { name: 'adverse', factor_shift: -1, pd_multiplier: { card: 1.3 } },
        { name: 'severe', factor_shift: { economy: -2 }, pd_multiplier: 1.5 },
        { name: 'mixed', pd_multiplier: { default: 2, auto: 0.5 } },
      ],
    },
    segments,
    0.07,
    'm.yaml',
  );
  assert.deepEqual(config.model.factors, ['economy']);
  assert.deepEqual([...config.model.rhoOfSegment], [0.07, 0.07, 0.07]);
  assert.deepEqual([...config.model.factorOfSegment], [0, 0, 0]);
  assert.deepEqual([...config.model.cholesky], [1]);
  assert.deepEqual(
    config.scenarios.map((s) => [s.name, [...s.factorShift], [...s.pdMultiplier]]),
    [
      ['baseline', [0], [1, 1, 1]],
      ['adverse', [-1], [1.3, 1, 1]],
      ['severe', [-2], [1.5, 1.5, 1.5]],
      ['mixed', [0], [2, 0.5, 2]],
    ],
  );
});

test('factors: names, correlation (Cholesky of it), segments mapped to factors with their own ρ', () => {
  const config = parseMacroConfig(
    {
      factors: {
        names: ['consumer', 'auto'],
        correlation: [
          [1, 0.6],
          [0.6, 1],
        ],
        segments: { card: { factor: 'consumer', rho: 0.04 }, auto: { factor: 'auto' }, home: { rho: 0.2 } },
      },
      scenarios: [
        { name: 'split', factor_shift: { auto: -1.5 } },
        { name: 'all', factor_shift: -1 },
      ],
    },
    segments,
    0.1,
    'm.yaml',
  );
  assert.deepEqual(config.model.factors, ['consumer', 'auto']);
  assert.deepEqual([...config.model.factorOfSegment], [0, 1, 0]);
  // auto names a factor only: it keeps the default ρ 0.1
  assert.deepEqual([...config.model.rhoOfSegment], [0.04, 0.1, 0.2]);
  // L = [[1, 0], [0.6, √(1 − 0.36) = 0.8]]
  const l = [...config.model.cholesky];
  assert.deepEqual(l.slice(0, 3), [1, 0, 0.6]);
  assert.ok(Math.abs((l[3] as number) - 0.8) < 1e-15);
  assert.deepEqual(
    config.scenarios.map((s) => [...s.factorShift]),
    [
      [0, -1.5],
      [-1, -1],
    ],
  );
  // without a correlation the factors are independent (identity), segments default to factor 0 and ρ
  const plain = parseMacroConfig({ factors: { names: ['a', 'b'] }, scenarios: [{ name: 'x' }] }, segments, 0.3, 'm.yaml');
  assert.deepEqual([...plain.model.cholesky], [1, 0, 0, 1]);
  assert.deepEqual([...plain.model.rhoOfSegment], [0.3, 0.3, 0.3]);
  assert.deepEqual([...plain.model.factorOfSegment], [0, 0, 0]);
  // a segments entry that is not a mapping of segments is ignored (no segment keys)
  const listed = parseMacroConfig({ factors: { names: ['a'], segments: [] }, scenarios: [{ name: 'x' }] }, segments, 0.3, 'm.yaml');
  assert.deepEqual([...listed.model.rhoOfSegment], [0.3, 0.3, 0.3]);
});

test('every malformed part is refused with its own message', () => {
  refused(null, 'expected a mapping with "scenarios" (and optionally "factors")');
  refused([{ name: 'x' }], 'expected a mapping with "scenarios" (and optionally "factors")');
  refused('scenarios', 'expected a mapping with "scenarios" (and optionally "factors")');
  refused({}, '"scenarios" must be a non-empty list');
  refused({ scenarios: [] }, '"scenarios" must be a non-empty list');
  refused({ scenarios: { name: 'x' } }, '"scenarios" must be a non-empty list');
  refused({ factors: [], scenarios: [{ name: 'x' }] }, 'factors.names must be a non-empty list');
  refused({ factors: {}, scenarios: [{ name: 'x' }] }, 'factors.names must be a non-empty list');
  refused({ factors: { names: 'a' }, scenarios: [{ name: 'x' }] }, 'factors.names must be a non-empty list');
  refused({ factors: { names: [] }, scenarios: [{ name: 'x' }] }, 'factors.names must be a non-empty list');
  const two = (correlation: unknown) => ({ factors: { names: ['a', 'b'], correlation }, scenarios: [{ name: 'x' }] });
  refused(two([[1, 0]]), 'factors.correlation must be a 2×2 matrix');
  refused(two('identity'), 'factors.correlation must be a 2×2 matrix');
  refused(two([[1, 0], 'row']), 'factors.correlation row 2 must have 2 numbers');
  refused(two([[1, 0], [0]]), 'factors.correlation row 2 must have 2 numbers');
  refused(
    two([
      [1, 0],
      [0, '1'],
    ]),
    'factors.correlation[2][2] must be a number in [-1, 1]',
  );
  refused(
    two([
      [1, 1.5],
      [0, 1],
    ]),
    'factors.correlation[1][2] must be a number in [-1, 1]',
  );
  refused(
    two([
      [1, Number.NaN],
      [0, 1],
    ]),
    'factors.correlation[1][2] must be a number in [-1, 1]',
  );
  refused(
    two([
      [1, -1.01],
      [0, 1],
    ]),
    'factors.correlation[1][2] must be a number in [-1, 1]',
  );
  refused(
    two([
      [1, 0.5],
      [0.5, 0.9],
    ]),
    "factors.correlation[2][2] must be 1 (a factor's correlation with itself)",
  );
  refused(
    two([
      [1, 0.5],
      [0.4, 1],
    ]),
    'factors.correlation must be symmetric: [2][1] is 0.4 but [1][2] is 0.5',
  );
  const seg = (segmentsSpec: unknown) => ({ factors: { names: ['a'], segments: segmentsSpec }, scenarios: [{ name: 'x' }] });
  refused(seg({ boat: { rho: 0.1 } }), 'factors.segments.boat: no such segment in the portfolio (segments: card, auto, home)');
  refused(seg({ card: 0.1 }), 'factors.segments.card must be a mapping {factor, rho}');
  refused(seg({ card: null }), 'factors.segments.card must be a mapping {factor, rho}');
  refused(seg({ card: [0.1] }), 'factors.segments.card must be a mapping {factor, rho}');
  refused(seg({ card: { factor: 'b' } }), 'factors.segments.card.factor: unknown factor "b"');
  refused(seg({ card: { rho: 1 } }), 'factors.segments.card.rho must be in [0, 1)');
  refused(seg({ card: { rho: -0.01 } }), 'factors.segments.card.rho must be in [0, 1)');
  refused(seg({ card: { rho: '0.1' } }), 'factors.segments.card.rho must be in [0, 1)');
  refused(seg({ card: { rho: Number.NaN } }), 'factors.segments.card.rho must be in [0, 1)');
  refused({ scenarios: [{ factor_shift: 1 }] }, 'scenarios[1] needs a name');
  refused({ scenarios: [{ name: 'ok' }, 'bad'] }, 'scenarios[2] needs a name');
  refused({ scenarios: [{ name: 7 }] }, 'scenarios[1] needs a name');
  refused({ scenarios: [{ name: 's', factor_shift: { nowhere: -1 } }] }, 'scenario "s": factor_shift names unknown factor "nowhere"');
  refused({ scenarios: [{ name: 's', factor_shift: { economy: '-1' } }] }, 'scenario "s": factor_shift.economy must be a number');
  refused({ scenarios: [{ name: 's', factor_shift: '-1' }] }, 'scenario "s": factor_shift must be a number or a map by factor');
  refused({ scenarios: [{ name: 's', factor_shift: [-1] }] }, 'scenario "s": factor_shift must be a number or a map by factor');
  refused({ scenarios: [{ name: 's', pd_multiplier: { boat: 2 } }] }, 'scenario "s": pd_multiplier names unknown segment "boat"');
  refused({ scenarios: [{ name: 's', pd_multiplier: { card: '2' } }] }, 'scenario "s": pd_multiplier.card must be a number');
  refused({ scenarios: [{ name: 's', pd_multiplier: '2' }] }, 'scenario "s": pd_multiplier must be a number or a map by segment');
  refused({ scenarios: [{ name: 's', pd_multiplier: [2] }] }, 'scenario "s": pd_multiplier must be a number or a map by segment');
  refused({ scenarios: [{ name: 's', factor_shift: Number.POSITIVE_INFINITY }] }, 'scenario "s": values must be finite');
  refused({ scenarios: [{ name: 's', factor_shift: 1e6 + 1 }] }, 'scenario "s": values must be finite');
  refused({ scenarios: [{ name: 's', pd_multiplier: -1e6 - 1 }] }, 'scenario "s": values must be finite');
  refused({ scenarios: [{ name: 's', pd_multiplier: { auto: -0.5 } }] }, 'scenario "s": pd_multiplier must be ≥ 0');
  // the limits themselves are accepted: |value| = 10⁶, multiplier 0, correlation ±1 on the diagonal
  const edge = parseMacroConfig({ scenarios: [{ name: 's', factor_shift: -1e6, pd_multiplier: 0 }] }, segments, 0, 'm.yaml');
  assert.deepEqual([...(edge.scenarios[0]?.factorShift ?? [])], [-1e6]);
  assert.deepEqual([...(edge.scenarios[0]?.pdMultiplier ?? [])], [0, 0, 0]);
  const ends = parseMacroConfig(
    {
      factors: {
        names: ['a', 'b'],
        correlation: [
          [1, -0.5],
          [-0.5, 1],
        ],
        segments: { card: { rho: 0 } },
      },
      scenarios: [{ name: 's' }],
    },
    segments,
    0.5,
    'm.yaml',
  );
  assert.deepEqual([...ends.model.rhoOfSegment], [0, 0.5, 0.5]);
});
