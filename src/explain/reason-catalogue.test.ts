import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { parseReasonCatalogue, protectedInCatalogue, reasonFor, unmappedFeatures } from './reason-catalogue.js';

const base = { version: 1, generic: { code: 'G', text: 'Other: {feature} ({feature})' }, genericMissing: { code: 'M', text: 'No {feature} on file' } };

/** The catalogue's error for `raw`, as `[source, path, problem]` read back from the error's details. */
function failure(raw: unknown, source?: string): [unknown, unknown, unknown] {
  try {
    if (source === undefined) parseReasonCatalogue(raw);
    else parseReasonCatalogue(raw, source);
  } catch (e) {
    assert.ok(e instanceof CredoError && e.code === 'E_EXPLAIN_CATALOGUE', String(e));
    const d = e.details as { source: unknown; path: unknown; problem: unknown };
    assert.equal(e.message, `${d.source}, field "${d.path}": ${d.problem}`);
    return [d.source, d.path, d.problem];
  }
  assert.fail('no error');
}

const feature = (entry: Record<string, unknown>) => ({ ...base, features: { util: { code: 'R1', text: 'High use', ...entry } } });

test('a full catalogue parses to exactly its fields (optional ones only when given)', () => {
  const parsed = parseReasonCatalogue({
    ...base,
    ignored: 'top-level extras are dropped',
    features: {
      util: {
        code: 'R1',
        text: 'High use',
        missing: { code: 'R1M', text: 'No use data' },
        special: [
          { value: -1, code: 'R1S', text: 'Frozen' },
          { value: 'x', code: 'R1X', text: 'Special x' },
        ],
        inquiries: false,
        protected: false,
        change: { direction: 'decrease', min: 0, max: 1 },
      },
      inq: { code: 'R2', text: 'Inquiries', inquiries: true, change: { direction: 'none' } },
      region: { code: 'R3', text: 'Region', protected: true, change: { direction: 'any', max: 5 } },
      term: { code: 'R4', text: 'Term', change: { direction: 'increase', min: 6 } },
    },
  });
  assert.deepEqual(parsed, {
    version: 1,
    generic: { code: 'G', text: 'Other: {feature} ({feature})' },
    genericMissing: { code: 'M', text: 'No {feature} on file' },
    features: {
      util: {
        code: 'R1',
        text: 'High use',
        missing: { code: 'R1M', text: 'No use data' },
        special: [
          { value: -1, code: 'R1S', text: 'Frozen' },
          { value: 'x', code: 'R1X', text: 'Special x' },
        ],
        inquiries: false,
        protected: false,
        change: { direction: 'decrease', min: 0, max: 1 },
      },
      inq: { code: 'R2', text: 'Inquiries', inquiries: true, change: { direction: 'none' } },
      region: { code: 'R3', text: 'Region', protected: true, change: { direction: 'any', max: 5 } },
      term: { code: 'R4', text: 'Term', change: { direction: 'increase', min: 6 } },
    },
  });
  assert.deepEqual(Object.keys(parsed.features.inq ?? {}), ['code', 'text', 'inquiries', 'change']);
  assert.deepEqual(protectedInCatalogue(parsed), ['region']);
  assert.deepEqual(unmappedFeatures(parsed, ['util', 'age', 'region', 'toString']), ['age', 'toString']);
});

test('reasonFor: special value, then missing, then the feature, then the generic texts with the name filled in', () => {
  const c = parseReasonCatalogue({
    ...base,
    features: {
      util: { code: 'R1', text: 'High use', missing: { code: 'R1M', text: 'No use data' }, special: [{ value: -1, code: 'R1S', text: 'Frozen' }] },
      dti: { code: 'R2', text: 'High DTI' },
    },
  });
  assert.deepEqual(reasonFor(c, 'util', -1), { code: 'R1S', text: 'Frozen' });
  assert.deepEqual(reasonFor(c, 'util', '-1'), { code: 'R1', text: 'High use' }, 'special values match exactly (no coercion)');
  assert.deepEqual(reasonFor(c, 'util', 0.4), { code: 'R1', text: 'High use' });
  assert.deepEqual(reasonFor(c, 'util', null), { code: 'R1M', text: 'No use data' });
  assert.deepEqual(reasonFor(c, 'dti', null), { code: 'M', text: 'No dti on file' });
  assert.deepEqual(reasonFor(c, 'dti', 3), { code: 'R2', text: 'High DTI' });
  assert.deepEqual(reasonFor(c, 'age', 40), { code: 'G', text: 'Other: age (age)' });
  // a name that is an Object.prototype key is still an unlisted feature
  assert.deepEqual(reasonFor(c, 'constructor', 1), { code: 'G', text: 'Other: constructor (constructor)' });
  assert.deepEqual(reasonFor(c, 'constructor', null), { code: 'M', text: 'No constructor on file' });
  assert.deepEqual(protectedInCatalogue(c), []);
});

test('every validation failure names its source, field and problem', () => {
  assert.deepEqual(failure(null), ['reason catalogue', '', 'must be a JSON object']);
  assert.deepEqual(failure([], 'data/reasons.json'), ['data/reasons.json', '', 'must be a JSON object']);
  assert.deepEqual(failure({ ...base, version: 2, features: {} }), ['reason catalogue', 'version', 'must be 1']);
  assert.deepEqual(failure({ ...base, version: '1', features: {} }), ['reason catalogue', 'version', 'must be 1']);
  assert.deepEqual(failure({ ...base }), ['reason catalogue', 'features', 'must be an object (feature name → {code, text})']);
  assert.deepEqual(failure({ ...base, features: [] }), ['reason catalogue', 'features', 'must be an object (feature name → {code, text})']);
  assert.deepEqual(failure({ ...base, generic: 'x', features: {} }), ['reason catalogue', 'generic', 'must be an object with "code" and "text"']);
  assert.deepEqual(failure({ ...base, generic: { code: '', text: 'x' }, features: {} }), ['reason catalogue', 'generic.code', 'must be a non-empty string']);
  assert.deepEqual(failure({ ...base, generic: { code: 3, text: 'x' }, features: {} }), ['reason catalogue', 'generic.code', 'must be a non-empty string']);
  assert.deepEqual(failure({ ...base, generic: { code: 'G', text: '' }, features: {} }), ['reason catalogue', 'generic.text', 'must be a non-empty string']);
  assert.deepEqual(failure({ ...base, generic: { code: 'G', text: 1 }, features: {} }), ['reason catalogue', 'generic.text', 'must be a non-empty string']);
  assert.deepEqual(failure({ ...base, genericMissing: { code: 'M' }, features: {} }), [
    'reason catalogue',
    'genericMissing.text',
    'must be a non-empty string',
  ]);
  assert.deepEqual(failure({ ...base, genericMissing: { code: 'G', text: 'x' }, features: {} }), [
    'reason catalogue',
    'genericMissing',
    'code "G" is already used by generic',
  ]);
  assert.deepEqual(failure(feature({ code: 'M' })), ['reason catalogue', 'features.util', 'code "M" is already used by genericMissing']);
  assert.deepEqual(failure(feature({ missing: 'none' })), ['reason catalogue', 'features.util.missing', 'must be an object with "code" and "text"']);
  assert.deepEqual(failure(feature({ missing: { code: 'R1', text: 'x' } })), [
    'reason catalogue',
    'features.util.missing',
    'code "R1" is already used by features.util',
  ]);
  assert.deepEqual(failure(feature({ special: { value: 1, code: 'S', text: 's' } })), [
    'reason catalogue',
    'features.util.special',
    'must be an array of {value, code, text}',
  ]);
  assert.deepEqual(failure(feature({ special: [{ value: 1, code: 'S', text: '' }] })), [
    'reason catalogue',
    'features.util.special[0].text',
    'must be a non-empty string',
  ]);
  assert.deepEqual(
    failure(
      feature({
        special: [
          { value: 1, code: 'S', text: 's' },
          { code: 'T', text: 't' },
        ],
      }),
    ),
    ['reason catalogue', 'features.util.special[1].value', 'must be a number or a string'],
  );
  assert.deepEqual(failure(feature({ special: [{ value: true, code: 'S', text: 's' }] })), [
    'reason catalogue',
    'features.util.special[0].value',
    'must be a number or a string',
  ]);
  assert.deepEqual(
    failure(
      feature({
        special: [
          { value: 1, code: 'S', text: 's' },
          { value: 2, code: 'S', text: 't' },
        ],
      }),
    ),
    ['reason catalogue', 'features.util.special[1]', 'code "S" is already used by features.util.special[0]'],
  );
  assert.deepEqual(failure(feature({ inquiries: 'yes' })), ['reason catalogue', 'features.util.inquiries', 'must be true or false']);
  assert.deepEqual(failure(feature({ protected: 1 })), ['reason catalogue', 'features.util.protected', 'must be true or false']);
  assert.deepEqual(failure(feature({ change: 'down' })), ['reason catalogue', 'features.util.change', 'must be an object {direction, min?, max?}']);
  assert.deepEqual(failure(feature({ change: null })), ['reason catalogue', 'features.util.change', 'must be an object {direction, min?, max?}']);
  assert.deepEqual(failure(feature({ change: { direction: 'down' } })), [
    'reason catalogue',
    'features.util.change.direction',
    'must be one of decrease, increase, any, none',
  ]);
  assert.deepEqual(failure(feature({ change: { direction: 'any', min: '0' } })), ['reason catalogue', 'features.util.change.min', 'must be a finite number']);
  assert.deepEqual(failure(feature({ change: { direction: 'any', max: Number.POSITIVE_INFINITY } })), [
    'reason catalogue',
    'features.util.change.max',
    'must be a finite number',
  ]);
  assert.deepEqual(failure({ ...base, features: { a: { code: 'A', text: 'a' }, b: { code: 'A', text: 'b' } } }), [
    'reason catalogue',
    'features.b',
    'code "A" is already used by features.a',
  ]);
});
