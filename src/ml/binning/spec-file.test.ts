import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import type { FittedBinning } from './fit-binning.js';
import { parseBinningFile, toBinningFile } from './spec-file.js';

const numeric = { feature: 'x', type: 'number', splits: [1, 2], specials: [-1] };
const category = { feature: 'c', type: 'category', groups: [['a', 'b'], ['c']], specials: ['z'], unseen: 'error' };
const file = (features: unknown[], extra: Record<string, unknown> = {}) => ({ format: 'credo-binning', version: 1, features, ...extra });

/** Asserts that parsing fails with E_BINNING_SPEC_INVALID and exactly this message. */
function refuses(value: unknown, message: string, source?: string): void {
  assert.throws(
    () => parseBinningFile(value, source),
    (e: unknown) => {
      assert.ok(e instanceof CredoError);
      assert.equal(e.code, 'E_BINNING_SPEC_INVALID');
      assert.equal(e.message, message);
      return true;
    },
  );
}

test('a valid file parses with its defaults: smoothing 0.5, goods-over-bads, no specials, unseen → missing', () => {
  const parsed = parseBinningFile(
    file([
      { feature: 'x', type: 'number', splits: [1, 2], woe: [0.1, 0, -0.1, 0.3], iv: 0.2 },
      { feature: 'c', type: 'category', groups: [['a'], ['b']] },
    ]),
  );
  assert.deepEqual(parsed, {
    format: 'credo-binning',
    version: 1,
    woe: { smoothing: 0.5, sign: 'goods-over-bads' },
    features: [
      // 3 intervals + the missing bin = 4 WOE values
      { feature: 'x', type: 'number', splits: [1, 2], specials: [], woe: [0.1, 0, -0.1, 0.3], iv: 0.2 },
      { feature: 'c', type: 'category', groups: [['a'], ['b']], specials: [], unseen: 'missing' },
    ],
  });
});

test('a file keeps its target, its WOE conventions and every field it was given', () => {
  const parsed = parseBinningFile(file([numeric, category], { target: 'bad', woe: { smoothing: 0, sign: 'bads-over-goods' } }));
  assert.deepEqual(parsed, {
    format: 'credo-binning',
    version: 1,
    target: 'bad',
    woe: { smoothing: 0, sign: 'bads-over-goods' },
    features: [numeric, category],
  });
  // a non-string target and a non-number IV are dropped, not kept
  const loose = parseBinningFile(file([{ ...numeric, iv: 'high' }], { target: 7 }));
  assert.equal('target' in loose, false);
  assert.equal('iv' in (loose.features[0] as object), false);
  assert.equal('woe' in (loose.features[0] as object), false);
});

test('the file-level refusals name the problem and the source', () => {
  refuses(null, 'binning spec binning file: expected a JSON object');
  refuses('text', 'binning spec "s.json": expected a JSON object', '"s.json"');
  refuses({ ...file([numeric]), format: 'other' }, 'binning spec binning file: "format" must be "credo-binning"');
  refuses({ ...file([numeric]), version: 2 }, 'binning spec binning file: unsupported version 2 (expected 1)');
  refuses(file([numeric], { woe: { smoothing: -0.5 } }), 'binning spec binning file: "woe.smoothing" must be a number ≥ 0');
  refuses(file([numeric], { woe: { smoothing: Number.NaN } }), 'binning spec binning file: "woe.smoothing" must be a number ≥ 0');
  refuses(file([numeric], { woe: { smoothing: '1' } }), 'binning spec binning file: "woe.smoothing" must be a number ≥ 0');
  refuses(file([numeric], { woe: { sign: 'up' } }), 'binning spec binning file: "woe.sign" must be "goods-over-bads" or "bads-over-goods"');
  refuses(file([]), 'binning spec binning file: "features" must be a non-empty array');
  refuses({ format: 'credo-binning', version: 1, features: 'x' }, 'binning spec binning file: "features" must be a non-empty array');
  refuses(file([numeric, null]), 'binning spec binning file: features[1] must be an object');
  refuses(file([5]), 'binning spec binning file: features[0] must be an object');
  refuses(file([{ ...numeric, feature: '' }]), 'binning spec binning file: features[0].feature must be a non-empty string');
  refuses(file([{ ...numeric, feature: 3 }]), 'binning spec binning file: features[0].feature must be a non-empty string');
  refuses(file([numeric, { ...category, feature: 'x' }]), 'binning spec binning file: feature "x" appears twice');
  refuses(file([{ feature: 'x', type: 'date' }]), 'binning spec binning file: feature "x": "type" must be "number" or "category"');
});

test('numeric spec refusals: finite ascending splits, finite distinct specials', () => {
  const bad = (fields: Record<string, unknown>, problem: string) =>
    refuses(file([{ ...numeric, ...fields }]), `binning spec binning file: feature "x": ${problem}`);
  bad({ splits: 'none' }, '"splits" must be an array of finite numbers');
  bad({ splits: [1, Number.POSITIVE_INFINITY] }, '"splits" must be an array of finite numbers');
  bad({ splits: [1, '2'] }, '"splits" must be an array of finite numbers');
  bad({ splits: [1, 3, 2] }, '"splits" must be strictly ascending (3 then 2)');
  bad({ splits: [1, 1] }, '"splits" must be strictly ascending (1 then 1)');
  bad({ specials: -1 }, '"specials" must be an array of finite numbers');
  bad({ specials: [Number.NaN] }, '"specials" must be an array of finite numbers');
  bad({ specials: ['-1'] }, '"specials" must be an array of finite numbers');
  bad({ specials: [-1, -2, -1] }, '"specials" has duplicates');
  // 3 intervals + 1 special + missing = 5 bins
  bad({ woe: [0, 0, 0, 0] }, '"woe" has 4 values but the spec has 5 bins (re-apply with --target to recompute WOE after editing bins)');
  bad({ woe: [0, 0, 0, 0, 0, 0] }, '"woe" has 6 values but the spec has 5 bins (re-apply with --target to recompute WOE after editing bins)');
  bad({ woe: [0, 0, 0, 0, Number.NaN] }, '"woe" must be an array of finite numbers');
  bad({ woe: [0, 0, 0, 0, '0'] }, '"woe" must be an array of finite numbers');
  bad({ woe: 0 }, '"woe" must be an array of finite numbers');
  // one split and no specials is accepted: 2 intervals + missing = 3 WOE values
  assert.equal(parseBinningFile(file([{ feature: 'x', type: 'number', splits: [0], woe: [1, 2, 3] }])).features.length, 1);
});

test('categorical spec refusals: label groups, label specials, the unseen policy, disjoint bins', () => {
  const bad = (fields: Record<string, unknown>, problem: string) =>
    refuses(file([{ ...category, ...fields }]), `binning spec binning file: feature "c": ${problem}`);
  bad({ groups: 'a' }, '"groups" must be an array of arrays of category labels');
  bad({ groups: ['a'] }, '"groups" must be an array of arrays of category labels');
  bad({ groups: [['a', 1]] }, '"groups" must be an array of arrays of category labels');
  bad({ specials: 'z' }, '"specials" must be an array of labels');
  bad({ specials: [1] }, '"specials" must be an array of labels');
  bad({ unseen: 'drop' }, '"unseen" must be "missing" or "error"');
  bad({ groups: [['a', 'b'], ['b']] }, 'category "b" is in more than one bin');
  bad({ specials: ['a'] }, 'category "a" is in more than one bin');
  // 2 groups + 1 special + missing = 4 bins
  bad({ woe: [0, 0, 0] }, '"woe" has 3 values but the spec has 4 bins (re-apply with --target to recompute WOE after editing bins)');
  assert.deepEqual(parseBinningFile(file([{ ...category, woe: [1, 2, 3, 4] }])).features[0], { ...category, woe: [1, 2, 3, 4] });
});

test('toBinningFile writes the specs with their WOE and IV, the conventions of the first fit, and round-trips', () => {
  const fitted = {
    feature: 'x',
    spec: { feature: 'x', type: 'number', splits: [5], specials: [] },
    woe: [0.5, -0.5, 0],
    iv: 0.25,
    smoothing: 1,
    sign: 'bads-over-goods',
  } as unknown as FittedBinning;
  const out = toBinningFile([fitted], 'bad');
  assert.deepEqual(out, {
    format: 'credo-binning',
    version: 1,
    target: 'bad',
    woe: { smoothing: 1, sign: 'bads-over-goods' },
    features: [{ feature: 'x', type: 'number', splits: [5], specials: [], woe: [0.5, -0.5, 0], iv: 0.25 }],
  });
  assert.deepEqual(parseBinningFile(JSON.parse(JSON.stringify(out))), out);
  // no target: no key; no fits: the default conventions
  assert.equal('target' in toBinningFile([fitted]), false);
  assert.deepEqual(toBinningFile([]).woe, { smoothing: 0.5, sign: 'goods-over-bads' });
});
