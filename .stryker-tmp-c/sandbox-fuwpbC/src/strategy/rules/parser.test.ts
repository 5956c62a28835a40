// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../../errors/index.js';
import { parseRule, safeParseRule } from './parser.js';

function syntaxError(text: string): { position: number; problem: string; message: string } {
  try {
    parseRule(text, 'rule "r1"');
  } catch (error) {
    assert.ok(error instanceof CredoError, String(error));
    assert.equal(error.code, 'E_STRATEGY_RULE_SYNTAX');
    const d = error.details as { position: number; problem: string };
    return { position: d.position, problem: d.problem, message: error.message };
  }
  assert.fail(`"${text}" parsed but should not`);
}

test('parses precedence: not > and > or, arithmetic before comparison', () => {
  const { root } = parseRule('a > 1 or b < 2 and not c == 3');
  assert.equal(root.kind, 'or');
  const and = (root as { right: { kind: string; right: { kind: string } } }).right;
  assert.equal(and.kind, 'and');
  assert.equal(and.right.kind, 'not');
  const arith = parseRule('a + b * 2 >= -c / 4').root as { left: { op: string; right: { op: string } }; right: { op: string; left: { kind: string } } };
  assert.equal(arith.left.op, '+');
  assert.equal(arith.left.right.op, '*');
  assert.equal(arith.right.op, '/');
  assert.equal(arith.right.left.kind, 'negate');
});

test('parses the issue example and the special forms', () => {
  const { root } = parseRule('dti > 0.55 and not (segment in ["repeat"])');
  assert.equal(root.kind, 'and');
  const forms = parseRule('x between 1 and 5 and y not between 2 and 3 and z is missing and w is not missing and s not in ["a", \'b\'] and `odd col` = 1');
  assert.equal(forms.root.kind, 'and');
  const call = parseRule('score(champion) < 600 or pd("models/champion.json") > 0.12').root as {
    left: { left: { kind: string; output: string; model: string } };
    right: { left: { model: string; output: string } };
  };
  assert.deepEqual([call.left.left.kind, call.left.left.output, call.left.left.model], ['model', 'score', 'champion']);
  assert.deepEqual([call.right.left.output, call.right.left.model], ['pd', 'models/champion.json']);
  const listWithNegative = parseRule('x in [-1, 2.5, 1e3]').root as unknown as { values: { value: number }[] };
  assert.deepEqual(
    listWithNegative.values.map((v) => v.value),
    [-1, 2.5, 1000],
  );
  assert.equal(parseRule('a <> 1').root.kind, 'compare');
  assert.equal(parseRule('TRUE').root.kind, 'boolean');
});

test('spans cover the source text', () => {
  const rule = parseRule('  dti  >  0.55 ');
  assert.deepEqual(rule.root.span, { start: 2, end: 14 });
});

test('syntax errors point at the offending position (1-based) with a caret snippet', () => {
  const cases: [string, number, RegExp][] = [
    ['dti >', 6, /expected a value, found the end/],
    ['dti > 0.55 and', 15, /expected a value, found the end/],
    ['dti >> 2', 6, /expected a value, found ">"/],
    ['dti > 1 2', 9, /unexpected "2" after a complete expression/],
    ['1 < x < 5', 7, /chained comparisons/],
    ['x in 1, 2', 6, /expected a list/],
    ['x in []', 6, /the list is empty/],
    ['x in [a]', 7, /list items must be numbers or quoted strings/],
    ['x between 1 or 2', 13, /expected "and" in "between/],
    ['x is nothing', 6, /expected "missing" after "is"/],
    ['segment == "new', 12, /unterminated string/],
    ['dti > 0.5 & x', 11, /unexpected character "&"/],
    ['foo(m) > 1', 1, /unknown function "foo"/],
    ['score(1) > 1', 7, /takes a model name/],
    ['dti', 1, /the rule needs a condition/],
    ['dti + 1', 1, /the rule needs a condition/],
    ['dti > 1 and x', 13, /"and" needs a condition/],
    ['not x', 5, /"not" needs a condition/],
    ['(a > 1) + 2 > 0', 1, /"\+" needs a value, found a condition/],
    ['', 1, /empty/],
    ['(a > 1', 7, /expected "\)"/],
    ['3x > 1', 1, /malformed number/],
  ];
  for (const [text, position, pattern] of cases) {
    const error = syntaxError(text);
    assert.equal(error.position, position, `${text}: ${error.problem}`);
    assert.match(error.problem, pattern, text);
  }
  const { message } = syntaxError('dti > 0.5 & x');
  assert.equal(message, 'rule "r1" at position 11: unexpected character "&"\n  dti > 0.5 & x\n            ^');
});

test('safeParseRule returns the error as an issue with its span', () => {
  const bad = safeParseRule('dti > 0.5 & x');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.deepEqual([bad.issues[0]?.code, bad.issues[0]?.span], ['E_STRATEGY_RULE_SYNTAX', { start: 10, end: 11 }]);
  const good = safeParseRule('dti > 0.5');
  assert.equal(good.ok, true);
});
