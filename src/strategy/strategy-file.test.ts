import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { activeRules } from './active-rules.js';
import { parseStrategy, safeParseStrategy } from './strategy-file.js';

const issueExample = `name: new-policy-v3
rules:
  - id: r1_delinquent
    description: Two or more 30-day delinquencies in 12 months
    when: delinq_30d_12m >= 2
    action: decline
  - id: r2_high_dti
    when: dti > 0.55 and not (segment in ["repeat"])
    action: decline
    effective_from: 2024-03-01
cutoff:
  model: models/champion.json
  pd_above: 0.12
`;

test('parses the issue example; the cutoff becomes a final decline rule', () => {
  const strategy = parseStrategy(issueExample);
  assert.equal(strategy.name, 'new-policy-v3');
  assert.deepEqual(
    strategy.rules.map((r) => [r.id, r.action]),
    [
      ['r1_delinquent', 'decline'],
      ['r2_high_dti', 'decline'],
    ],
  );
  assert.equal(strategy.rules[1]?.effectiveFrom, '2024-03-01');
  assert.deepEqual(strategy.cutoff, { model: 'models/champion.json', pdAbove: 0.12 });
  const rules = activeRules(strategy);
  assert.deepEqual(
    rules.map((r) => r.id),
    ['r1_delinquent', 'r2_high_dti', 'cutoff'],
  );
  assert.equal(rules[2]?.when, 'pd("models/champion.json") > 0.12');
  assert.deepEqual(
    activeRules(strategy, { asOf: '2024-01-01' }).map((r) => r.id),
    ['r1_delinquent', 'cutoff'],
  );
});

test('JSON strategies parse the same', () => {
  const json = JSON.stringify({ name: 'j', rules: [{ id: 'a', when: 'x > 1', action: 'refer' }] });
  assert.deepEqual(
    parseStrategy(json).rules.map((r) => r.action),
    ['refer'],
  );
});

test('every problem is reported with its path, rule id, line and expression position', () => {
  const text = `name: bad
rules:
  - id: r1
    when: dti >> 2
    action: decline
  - id: r1
    when: x > 1
    action: reject
  - when: y > 1
    action: decline
    colour: red
cutoff:
  model: m.json
`;
  const result = safeParseStrategy(text);
  assert.equal(result.ok, false);
  if (result.ok) return;
  const byPath = result.issues.map((i) => `${i.path.join('.')}: ${i.message.split('\n')[0]}`);
  assert.deepEqual(byPath, [
    'rules.0.when: rule "r1" (line 4), position 6: expected a value, found ">"',
    'rules.1.id: rule "r1": id "r1" is used twice (line 6)',
    'rules.1.action: rule "r1": "action" must be one of decline, refer, approve (line 6)',
    'rules.2.colour: rule #3: unknown key "colour" (expected id, description, when, action, effective_from, effective_to) (line 9)',
    'rules.2.id: rule #3: "id" must be a word of letters, digits, _ . - (line 9)',
    'cutoff: give exactly one of pd_above or score_below (line 13)',
  ]);
  assert.deepEqual(result.issues[0]?.span, { start: 5, end: 6 });
  assert.throws(
    () => parseStrategy(text, 'bad.yaml'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_FILE_INVALID' && /^strategy "bad\.yaml": rules\[0\]\.when/.test(e.message),
  );
  assert.throws(() => parseStrategy('name: x\nrules: [\n', 'y.yaml'), /not valid YAML\/JSON/);
  assert.throws(() => parseStrategy('- a\n', 'y.yaml'), /expected a mapping/);
});

test('a tag YAML cannot resolve is refused, not read as a string', () => {
  const text = 'name: !!js/function "function(){}"\nrules:\n  - id: r1\n    when: age < 30\n    action: decline\n';
  const result = safeParseStrategy(text);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.issues.map((i) => i.message),
    ['Unresolved tag: tag:yaml.org,2002:js/function at line 1, column 7: strategy files take plain YAML values only'],
  );
  // a tag YAML knows is fine
  assert.equal(safeParseStrategy('name: !!str x\nrules:\n  - id: r1\n    when: age < 30\n    action: decline\n').ok, true);
});

test('an effective date must exist: 2025-02-30 is refused, not rolled over to 2 March', () => {
  const strategy = (from: string) => `name: dated\nrules:\n  - id: r1\n    when: age < 30\n    action: decline\n    effective_from: ${from}\n`;
  const result = safeParseStrategy(strategy('2025-02-30'));
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    ['rules.0.effective_from: rule "r1": "effective_from" must be a date YYYY-MM-DD (line 3)'],
  );
  const leap = safeParseStrategy(strategy('2024-02-29'));
  assert.equal(leap.ok && leap.value.rules[0]?.effectiveFrom, '2024-02-29');
});
