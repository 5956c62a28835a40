// @ts-nocheck
// 
import { CredoError, type SafeParseResult } from '../../errors/index.js';
import type { CompareOp, Expr, NumberLiteral, RuleExpression, Span, StringLiteral } from './ast.js';
import { type Token, tokenize } from './lexer.js';
import { ruleError } from './rule-error.js';

/**
 * Parses rule text into a syntax tree, once; nothing is ever `eval`-ed. Grammar, loosest first:
 * `or` → `and` → `not` → predicate (`a < b`, `a in [..]`, `a between x and y`, `a is missing`,
 * each with an optional `not`) → `+ -` → `* /` → unary `-` → literal, column, `score(m)`/`pd(m)`,
 * `( … )`. The root and the operands of `and`/`or`/`not` must be conditions; operands of
 * comparisons must be values; chained comparisons (`1 < x < 5`) are refused. Errors are
 * `E_STRATEGY_RULE_SYNTAX` with the position of the offending token.
 */
export function parseRule(text: string, source?: string): RuleExpression {
  return { text, root: new Parser(text, tokenize(text, source), source).parseRoot() };
}

/** Like `parseRule` but returns the syntax error as an issue (with its `span`) instead of throwing. */
export function safeParseRule(text: string, source?: string): SafeParseResult<RuleExpression> {
  try {
    return { ok: true, value: parseRule(text, source) };
  } catch (error) {
    if (!(error instanceof CredoError) || error.code !== 'E_STRATEGY_RULE_SYNTAX') throw error;
    const span = (error.details as { span: Span }).span;
    return { ok: false, issues: [{ code: error.code, path: [], message: error.message, span }] };
  }
}

const COMPARE_OPS = new Set(['<', '<=', '>', '>=', '==', '!=']);
const CONDITION_KINDS = new Set(['compare', 'in', 'between', 'missing', 'and', 'or', 'not', 'boolean']);

/** True when the node yields true/false (a condition) rather than a value. */
export function isCondition(expr: Expr): boolean {
  return CONDITION_KINDS.has(expr.kind);
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly source: string | undefined,
  ) {}

  parseRoot(): Expr {
    if (this.peek().kind === 'end') throw this.fail(this.peek().span, 'the expression is empty');
    const root = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw this.fail(next.span, `unexpected ${describe(next)} after a complete expression`);
    this.requireCondition(root, 'the rule');
    return root;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      const right = this.parseAnd();
      this.requireCondition(left, '"or"');
      this.requireCondition(right, '"or"');
      left = { kind: 'or', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      const right = this.parseNot();
      this.requireCondition(left, '"and"');
      this.requireCondition(right, '"and"');
      left = { kind: 'and', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isKeyword('not')) {
      const start = this.next().span;
      const operand = this.parseNot();
      this.requireCondition(operand, '"not"');
      return { kind: 'not', operand, span: join(start, operand.span) };
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Expr {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.kind === 'op' && COMPARE_OPS.has(token.value as string)) {
      this.next();
      const right = this.parseAdditive();
      this.requireValue(left, token);
      this.requireValue(right, token);
      const after = this.peek();
      if (after.kind === 'op' && COMPARE_OPS.has(after.value as string)) {
        throw this.fail(after.span, 'chained comparisons are not allowed: use "between" or "and"');
      }
      return { kind: 'compare', op: token.value as CompareOp, left, right, span: join(left.span, right.span) };
    }
    let negated = false;
    if (this.isKeyword('not') && (this.isKeyword('in', 1) || this.isKeyword('between', 1))) {
      this.next();
      negated = true;
    }
    if (this.isKeyword('in')) {
      const keyword = this.next();
      this.requireValue(left, keyword);
      const { values, span } = this.parseList();
      return { kind: 'in', operand: left, values, negated, span: join(left.span, span) };
    }
    if (this.isKeyword('between')) {
      const keyword = this.next();
      this.requireValue(left, keyword);
      const low = this.parseAdditive();
      if (!this.isKeyword('and')) throw this.fail(this.peek().span, `expected "and" in "between … and …", found ${describe(this.peek())}`);
      this.next();
      const high = this.parseAdditive();
      this.requireValue(low, keyword);
      this.requireValue(high, keyword);
      return { kind: 'between', operand: left, low, high, negated, span: join(left.span, high.span) };
    }
    if (this.isKeyword('is')) {
      const keyword = this.next();
      this.requireValue(left, keyword);
      let isNegated = false;
      if (this.isKeyword('not')) {
        this.next();
        isNegated = true;
      }
      const word = this.peek();
      if (!this.isKeyword('missing')) throw this.fail(word.span, `expected "missing" after "is", found ${describe(word)}`);
      this.next();
      return { kind: 'missing', operand: left, negated: isNegated, span: join(left.span, word.span) };
    }
    return left;
  }

  private parseList(): { values: (NumberLiteral | StringLiteral)[]; span: Span } {
    const open = this.peek();
    if (open.value !== '[' && open.value !== '(') throw this.fail(open.span, `expected a list like ["a", "b"] after "in", found ${describe(open)}`);
    this.next();
    const close = open.value === '[' ? ']' : ')';
    const values: (NumberLiteral | StringLiteral)[] = [];
    while (true) {
      const token = this.peek();
      if (token.value === close && token.kind === 'punct') {
        if (values.length === 0) throw this.fail(join(open.span, token.span), 'the list is empty');
        this.next();
        return { values, span: join(open.span, token.span) };
      }
      if (values.length > 0) {
        if (token.value !== ',' || token.kind !== 'punct') throw this.fail(token.span, `expected "," or "${close}" in the list, found ${describe(token)}`);
        this.next();
      }
      values.push(this.parseListItem());
    }
  }

  private parseListItem(): NumberLiteral | StringLiteral {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'string', value: token.value as string, span: token.span };
    if (token.kind === 'number') return { kind: 'number', value: token.value as number, span: token.span };
    if (token.kind === 'op' && token.value === '-' && this.peek().kind === 'number') {
      const number = this.next();
      return { kind: 'number', value: -(number.value as number), span: join(token.span, number.span) };
    }
    throw this.fail(token.span, `list items must be numbers or quoted strings, found ${describe(token)}`);
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.peek().kind === 'op' && (this.peek().value === '+' || this.peek().value === '-')) {
      const op = this.next();
      const right = this.parseMultiplicative();
      this.requireValue(left, op);
      this.requireValue(right, op);
      left = { kind: 'arith', op: op.value as '+' | '-', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.peek().kind === 'op' && (this.peek().value === '*' || this.peek().value === '/')) {
      const op = this.next();
      const right = this.parseUnary();
      this.requireValue(left, op);
      this.requireValue(right, op);
      left = { kind: 'arith', op: op.value as '*' | '/', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (token.kind === 'op' && token.value === '-') {
      this.next();
      const operand = this.parseUnary();
      this.requireValue(operand, token);
      if (operand.kind === 'number') return { kind: 'number', value: -operand.value, span: join(token.span, operand.span) };
      return { kind: 'negate', operand, span: join(token.span, operand.span) };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value as number, span: token.span };
      case 'string':
        return { kind: 'string', value: token.value as string, span: token.span };
      case 'ident':
        if (this.peek().value === '(' && this.peek().kind === 'punct' && !token.text.startsWith('`')) return this.parseCall(token);
        return { kind: 'column', name: token.value as string, span: token.span };
      case 'keyword':
        if (token.value === 'true' || token.value === 'false') return { kind: 'boolean', value: token.value === 'true', span: token.span };
        throw this.fail(token.span, `expected a value, found ${describe(token)}`);
      case 'punct':
        if (token.value === '(') {
          const inner = this.parseOr();
          const close = this.next();
          if (close.value !== ')' || close.kind !== 'punct') throw this.fail(close.span, `expected ")", found ${describe(close)}`);
          return { ...inner, span: join(token.span, close.span) };
        }
        throw this.fail(token.span, `expected a value, found ${describe(token)}`);
      default:
        throw this.fail(token.span, `expected a value, found ${describe(token)}`);
    }
  }

  private parseCall(name: Token): Expr {
    const fn = (name.value as string).toLowerCase();
    if (fn !== 'score' && fn !== 'pd') throw this.fail(name.span, `unknown function "${name.text}": only score(model) and pd(model) exist`);
    this.next();
    const arg = this.next();
    if (arg.kind !== 'string' && arg.kind !== 'ident') throw this.fail(arg.span, `${fn}(…) takes a model name or a quoted model file, found ${describe(arg)}`);
    const close = this.next();
    if (close.value !== ')' || close.kind !== 'punct') throw this.fail(close.span, `expected ")" after the model, found ${describe(close)}`);
    return { kind: 'model', output: fn, model: arg.value as string, span: join(name.span, close.span) };
  }

  private requireCondition(expr: Expr, where: string): void {
    if (!isCondition(expr)) throw this.fail(expr.span, `${where} needs a condition (e.g. x > 1), found a value`);
  }

  private requireValue(expr: Expr, op: Token): void {
    if (isCondition(expr)) throw this.fail(expr.span, `"${op.text}" needs a value, found a condition`);
  }

  private isKeyword(word: string, ahead = 0): boolean {
    const token = this.tokens[this.pos + ahead];
    return token !== undefined && token.kind === 'keyword' && token.value === word;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const token = this.tokens[this.pos] as Token;
    if (token.kind !== 'end') this.pos++;
    return token;
  }

  private fail(span: Span, problem: string) {
    return ruleError('E_STRATEGY_RULE_SYNTAX', this.text, span, problem, this.source);
  }
}

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression';
  return `"${token.text}"`;
}
