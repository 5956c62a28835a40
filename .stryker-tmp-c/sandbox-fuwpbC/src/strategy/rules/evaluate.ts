// @ts-nocheck
import { type Frame, valueAt } from '../../frame/index.js';
import type { Expr, RuleExpression } from './ast.js';
import { checkRule, columnTypes } from './check.js';
import { arithScalar, compareScalar, type ModelOutputs } from './compile.js';

type Value = number | string | null;

/**
 * The reference interpreter: walks the syntax tree once per row. Slow on purpose and simple
 * enough to read against the documented semantics; the compiled kernel (`compileRule`) is tested
 * against it on the same cases (a contract suite). Same missing rules as `compileRule`.
 */
export function evaluateRule(rule: RuleExpression, frame: Frame, models: ModelOutputs = {}, source?: string): Uint8Array {
  checkRule(rule, columnTypes(frame), source);
  const out = new Uint8Array(frame.rowCount);
  for (let i = 0; i < frame.rowCount; i++) out[i] = test(rule.root, frame, models, i) ? 1 : 0;
  return out;
}

function test(expr: Expr, frame: Frame, models: ModelOutputs, i: number): boolean {
  switch (expr.kind) {
    case 'boolean':
      return expr.value;
    case 'and':
      return test(expr.left, frame, models, i) && test(expr.right, frame, models, i);
    case 'or':
      return test(expr.left, frame, models, i) || test(expr.right, frame, models, i);
    case 'not':
      return !test(expr.operand, frame, models, i);
    case 'missing':
      return isMissing(value(expr.operand, frame, models, i)) !== expr.negated;
    case 'between': {
      const x = value(expr.operand, frame, models, i);
      const lo = value(expr.low, frame, models, i);
      const hi = value(expr.high, frame, models, i);
      if (isMissing(x) || isMissing(lo) || isMissing(hi)) return false;
      return ((x as number) >= (lo as number) && (x as number) <= (hi as number)) !== expr.negated;
    }
    case 'in': {
      const x = value(expr.operand, frame, models, i);
      if (isMissing(x)) return false;
      return expr.values.some((v) => v.value === x) !== expr.negated;
    }
    case 'compare': {
      const x = value(expr.left, frame, models, i);
      const y = value(expr.right, frame, models, i);
      if (isMissing(x) || isMissing(y)) return false;
      if (typeof x === 'string' || typeof y === 'string') return (x === y) === (expr.op === '==');
      return compareScalar(expr.op, x as number, y as number);
    }
    default:
      return false;
  }
}

function value(expr: Expr, frame: Frame, models: ModelOutputs, i: number): Value {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'column':
      return valueAt(frame.column(expr.name), i);
    case 'model': {
      const outputs = models[expr.model];
      const v = expr.output === 'pd' ? outputs?.pd[i] : outputs?.score?.[i];
      return v === undefined || Number.isNaN(v) ? null : v;
    }
    case 'negate': {
      const x = value(expr.operand, frame, models, i);
      return x === null ? null : -(x as number);
    }
    case 'arith': {
      const x = value(expr.left, frame, models, i);
      const y = value(expr.right, frame, models, i);
      if (x === null || y === null) return null;
      const r = arithScalar(expr.op, x as number, y as number);
      return Number.isNaN(r) ? null : r;
    }
    default:
      return null;
  }
}

function isMissing(v: Value): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}
