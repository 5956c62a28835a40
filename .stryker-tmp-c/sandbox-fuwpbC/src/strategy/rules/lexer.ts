// @ts-nocheck
import type { Span } from './ast.js';
import { ruleError } from './rule-error.js';

/** Token kinds of the rule language. */
export type TokenKind = 'number' | 'string' | 'ident' | 'keyword' | 'op' | 'punct' | 'end';

/** One token with its text span. `value` is the number for numbers, the unquoted text otherwise. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string | number;
  readonly span: Span;
}

/** Reserved words (case-insensitive); `score`/`pd` are function names only when followed by `(`. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'between', 'is', 'missing', 'true', 'false']);

const OPERATORS = ['<=', '>=', '==', '!=', '<>', '<', '>', '=', '+', '-', '*', '/'];
const PUNCT = '()[],';

/**
 * Splits rule text into tokens. Identifiers are `[A-Za-z_][A-Za-z0-9_.]*` or backquoted
 * (`` `odd name` ``); strings use single or double quotes with backslash escapes; numbers are
 * decimal with optional fraction and exponent. Throws `E_STRATEGY_RULE_SYNTAX` at the first
 * character it cannot read.
 */
export function tokenize(text: string, source?: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      i += match[0].length;
      if (isIdentStart(text[i] ?? '')) throw ruleError('E_STRATEGY_RULE_SYNTAX', text, { start, end: i + 1 }, 'malformed number', source);
      tokens.push({ kind: 'number', text: match[0], value: Number(match[0]), span: { start, end: i } });
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text[i] as string)) i++;
      const word = text.slice(start, i);
      const lower = word.toLowerCase();
      const kind = KEYWORDS.has(lower) ? 'keyword' : 'ident';
      tokens.push({ kind, text: word, value: kind === 'keyword' ? lower : word, span: { start, end: i } });
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw ruleError('E_STRATEGY_RULE_SYNTAX', text, { start, end: n }, 'unterminated `quoted` column name', source);
      if (close === i + 1) throw ruleError('E_STRATEGY_RULE_SYNTAX', text, { start, end: close + 1 }, 'empty column name', source);
      tokens.push({ kind: 'ident', text: text.slice(start, close + 1), value: text.slice(i + 1, close), span: { start, end: close + 1 } });
      i = close + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i];
        i++;
      }
      if (i >= n) throw ruleError('E_STRATEGY_RULE_SYNTAX', text, { start, end: n }, 'unterminated string', source);
      i++;
      tokens.push({ kind: 'string', text: text.slice(start, i), value, span: { start, end: i } });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      i += op.length;
      const value = op === '=' ? '==' : op === '<>' ? '!=' : op;
      tokens.push({ kind: 'op', text: op, value, span: { start, end: i } });
      continue;
    }
    if (PUNCT.includes(c)) {
      i++;
      tokens.push({ kind: 'punct', text: c, value: c, span: { start, end: i } });
      continue;
    }
    throw ruleError('E_STRATEGY_RULE_SYNTAX', text, { start, end: start + 1 }, `unexpected character "${c}"`, source);
  }
  tokens.push({ kind: 'end', text: '', value: '', span: { start: n, end: n + 1 } });
  return tokens;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c) || c === '.';
}
