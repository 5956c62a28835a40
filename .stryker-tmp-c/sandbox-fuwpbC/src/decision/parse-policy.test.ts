// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { parsePolicy, safeParsePolicy } from './parse-policy.js';
import type { PolicyIssue } from './policy.js';

const policy = `name: p
currency: EUR
inputs:
  employment_type: category
rules:
  - id: ko
    when: delinq_30d_12m >= 2 and segment != "repeat"
    action: decline
limits:
  requested: requested_amount
  tiers:
    - { min_score: 600, max: "2500.50" }
    - { min_score: 700, max: 10000 }
  round_to: 50
pricing:
  hurdle: 0.2
  lgd: 0.45
  step: 0.0025
  floor: 0.05
  cap: 0.3
`;

test('parses the strategy and the decision sections: money in minor units, rates in basis points, inputs typed by use', () => {
  const p = parsePolicy(policy, 'p.yaml');
  assert.equal(p.strategy.name, 'p');
  assert.deepEqual(p.currency, { code: 'EUR', exponent: 2 });
  assert.deepEqual(p.limits, {
    tiers: [
      { minScore: 700, maxMinor: 1_000_000 },
      { minScore: 600, maxMinor: 250_050 },
    ],
    roundMinor: 5000,
    minMinor: 1,
    belowMin: 'decline',
    requested: 'requested_amount',
  });
  assert.equal(p.pricing?.stepBp, 25);
  assert.equal(p.pricing?.floorBp, 500);
  assert.equal(p.pricing?.capBp, 3000);
  assert.equal(p.pricing?.assetClass, 'other_retail');
  assert.equal(p.pricing?.aboveCap, 'refer');
  assert.equal(p.reasonCount, 4);
  assert.deepEqual(p.inputs, [
    { name: 'delinq_30d_12m', type: 'number' },
    { name: 'segment', type: 'category' },
    { name: 'requested_amount', type: 'number' },
    { name: 'employment_type', type: 'category' },
  ]);
});

function issuesOf(text: string): PolicyIssue[] {
  const result = safeParsePolicy(text, 'bad.yaml');
  assert.equal(result.ok, false);
  return result.ok ? [] : [...result.issues];
}

test('a rule error points at its line and column with a caret snippet', () => {
  const issues = issuesOf('name: p\nrules:\n  - id: r1\n    when: dti >> 2\n    action: decline\n');
  assert.equal(issues.length, 1);
  const issue = issues[0] as PolicyIssue;
  assert.deepEqual(issue.path, ['rules', 0, 'when']);
  assert.match(issue.message, /\^/);
  // "when: " starts the scalar at column 11; the second ">" is at offset 5 of the expression
  assert.equal(issue.line, 4);
  assert.equal(issue.column, 16);
});

test('a type error of the policy inputs is caught at parse time', () => {
  const issues = issuesOf('name: p\nrules:\n  - id: r1\n    when: segment == "new" or segment > 3\n    action: refer\n');
  assert.equal(issues.length, 1);
  assert.match((issues[0] as PolicyIssue).message, /cannot compare a number with categorical column "segment"/);
  assert.equal((issues[0] as PolicyIssue).line, 4);
});

test('every section problem is reported with its path and line; unknown models are refused', () => {
  const text = `name: p
rules:
  - id: r1
    when: pd(other) > 0.1
    action: decline
limits:
  tiers: [{ min_score: 600, max: -5 }]
  colour: red
pricing:
  hurdle: 0.1
  lgd: 2
  step: 0.00001
reasons:
  count: 0
`;
  const issues = issuesOf(text);
  const byPath = new Map(issues.map((i) => [i.path.join('.'), i]));
  assert.deepEqual([...byPath.keys()].sort(), ['limits.colour', 'limits.tiers.0.max', 'pricing.lgd', 'pricing.step', 'reasons.count', 'rules.0.when'].sort());
  assert.equal(byPath.get('limits.colour')?.line, 8);
  assert.equal(byPath.get('pricing.lgd')?.line, 11);
  assert.match(byPath.get('rules.0.when')?.message ?? '', /pd\(champion\)/);
});

test('YAML syntax errors and pricing without limits are refused; parsePolicy throws one error listing them', () => {
  assert.match((issuesOf('name: [p\n')[0] as PolicyIssue).message, /not valid YAML/);
  assert.match((issuesOf('name: p\nrules: []\npricing: { hurdle: 0.1, lgd: 0.4 }\n')[0] as PolicyIssue).message, /needs a "limits" section/);
  assert.throws(
    () => parsePolicy('name: p\nrules: []\ncurrency: XYZ\n', 'x.yaml'),
    (e: unknown) => e instanceof CredoError && e.code === 'E_STRATEGY_FILE_INVALID' && /currency/.test(e.message) && /line 3/.test(e.message),
  );
});

test('a YAML tag that does not resolve is refused, not read as a string (the hostile bench found a policy named by one)', () => {
  const issue = issuesOf('name: !!js/function "function(){}"\nrules: []\n')[0] as PolicyIssue;
  assert.deepEqual([issue.code, issue.line, issue.column], ['E_STRATEGY_FILE_INVALID', 1, 7]);
  assert.equal(issue.message, 'Unresolved tag: tag:yaml.org,2002:js/function: policies take plain YAML values only');
  assert.equal(issuesOf('name: !custom p\nrules: []\n').length, 1);
  assert.equal(safeParsePolicy('name: "!!js/function"\nrules: []\n').ok, true, 'the same text quoted is a plain name');
});
