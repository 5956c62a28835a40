// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { CategoryColumn, Frame } from '../../frame/index.js';
import type { CompareOp, Expr, ModelCall, RuleExpression } from './ast.js';
import { checkRule, columnTypes, type TypeMap } from './check.js';
import { andInto, arithmetic, categoryEquals, categoryLookup, categoryMissing, compareConst, notInPlace, numberMissing, orInto } from './kernels.js';

/**
 * Model outputs a rule may read through `score(m)`/`pd(m)`, keyed by the model reference as
 * written in the rule (or the strategy's cutoff). Arrays are one value per frame row; the core
 * never loads models itself (the CLI adapter does and passes them here).
 */
export type ModelOutputs = Readonly<Record<string, { readonly pd: Float64Array; readonly score?: Float64Array }>>;

/** A rule compiled against one frame: `mask()` returns a fresh 0/1 byte per row. */
export interface CompiledRule {
  /** Evaluates the rule over every row, column at a time. */
  mask(): Uint8Array;
  /** The specialised loops chosen at compile time (for tests and `--explain`), e.g. `compare:column-const`. */
  readonly plan: readonly string[];
}

/** Options of `compileRule`. */
export interface CompileRuleOptions {
  /** Model outputs for `score()`/`pd()` calls. */
  readonly models?: ModelOutputs;
  /** Names the rule in error messages (e.g. `rule "r1"`). */
  readonly source?: string;
}

type NumNode = { readonly kind: 'const'; readonly value: number } | { readonly kind: 'array'; readonly eval: () => Float64Array };
type BoolNode = () => Uint8Array;

/**
 * Compiles a parsed rule into a columnar kernel over `frame` (after Arquero's expression
 * compilation, without `eval`): each AST node becomes a closure, composed once, that processes
 * whole columns into `Float64Array`/`Uint8Array` buffers; there is no per-row interpretation.
 * Category labels are resolved to dictionary codes here, once. Missing values: arithmetic on a
 * missing value (or division by zero) is missing; any comparison, `in` or `between` involving a
 * missing value is false (also `!=`, `not in`, `not between`); only `is missing` sees them; and
 * `not`, `and`, `or` are plain two-valued logic on those results (so `not (x > 1)` is true when x
 * is missing). Type errors throw `E_STRATEGY_RULE_TYPE` with the position.
 */
export function compileRule(rule: RuleExpression, frame: Frame, options: CompileRuleOptions = {}): CompiledRule {
  const types = checkRule(rule, columnTypes(frame), options.source);
  const plan: string[] = [];
  const n = frame.rowCount;
  const root = compileBool(rule.root, { frame, types, plan, n, models: options.models ?? {} });
  return { mask: root, plan };
}

interface Context {
  readonly frame: Frame;
  readonly types: TypeMap;
  readonly plan: string[];
  readonly n: number;
  readonly models: ModelOutputs;
}

function compileBool(expr: Expr, ctx: Context): BoolNode {
  const n = ctx.n;
  switch (expr.kind) {
    case 'boolean': {
      const value = expr.value ? 1 : 0;
      return () => new Uint8Array(n).fill(value);
    }
    case 'and':
    case 'or': {
      const left = compileBool(expr.left, ctx);
      const right = compileBool(expr.right, ctx);
      ctx.plan.push(expr.kind);
      if (expr.kind === 'and') return () => andInto(left(), right());
      return () => orInto(left(), right());
    }
    case 'not': {
      const operand = compileBool(expr.operand, ctx);
      ctx.plan.push('not');
      return () => notInPlace(operand());
    }
    case 'missing':
      return compileMissing(expr.operand, expr.negated, ctx);
    case 'between': {
      const operand = toArray(compileNum(expr.operand, ctx), n);
      const low = compileNum(expr.low, ctx);
      const high = compileNum(expr.high, ctx);
      const negated = expr.negated;
      if (low.kind === 'const' && high.kind === 'const') {
        ctx.plan.push('between:column-const');
        const lo = low.value;
        const hi = high.value;
        return () => {
          const v = operand();
          const out = new Uint8Array(n);
          if (Number.isNaN(lo) || Number.isNaN(hi)) return out;
          for (let i = 0; i < n; i++) {
            const x = v[i] as number;
            out[i] = Number.isNaN(x) ? 0 : (x >= lo && x <= hi) !== negated ? 1 : 0;
          }
          return out;
        };
      }
      ctx.plan.push('between:column-column');
      const lowArray = toArray(low, n);
      const highArray = toArray(high, n);
      return () => {
        const v = operand();
        const lo = lowArray();
        const hi = highArray();
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = v[i] as number;
          const a = lo[i] as number;
          const b = hi[i] as number;
          out[i] = Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) ? 0 : (x >= a && x <= b) !== negated ? 1 : 0;
        }
        return out;
      };
    }
    case 'in':
      return compileIn(expr, ctx);
    case 'compare':
      return compileCompare(expr.op, expr.left, expr.right, ctx);
    default:
      throw new CredoError('E_INTERNAL', { summary: `rule node "${expr.kind}" is not a condition (the checker should have refused it)` });
  }
}

function compileMissing(operand: Expr, negated: boolean, ctx: Context): BoolNode {
  const n = ctx.n;
  if (ctx.types.get(operand) === 'category') {
    const codes = categoryOf(operand, ctx).codes;
    ctx.plan.push('missing:category');
    return () => categoryMissing(codes, negated, new Uint8Array(n));
  }
  const values = toArray(compileNum(operand, ctx), n);
  ctx.plan.push('missing:number');
  return () => numberMissing(values(), negated, new Uint8Array(n));
}

function compileIn(expr: Extract<Expr, { kind: 'in' }>, ctx: Context): BoolNode {
  const n = ctx.n;
  const negated = expr.negated;
  if (ctx.types.get(expr.operand) === 'category') {
    const column = categoryOf(expr.operand, ctx);
    const labels = new Set(expr.values.map((v) => v.value as string));
    // A lookup table over the dictionary: one byte per code, resolved once here.
    const table = new Uint8Array(column.dictionary.length);
    column.dictionary.forEach((label, code) => {
      table[code] = labels.has(label) !== negated ? 1 : 0;
    });
    const codes = column.codes;
    ctx.plan.push('in:category-table');
    return () => categoryLookup(codes, table, new Uint8Array(n));
  }
  const values = toArray(compileNum(expr.operand, ctx), n);
  const list = Float64Array.from(expr.values.map((v) => v.value as number));
  const k = list.length;
  ctx.plan.push('in:number-list');
  return () => {
    const v = values();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[i] as number;
      if (Number.isNaN(x)) continue;
      let hit = false;
      for (let j = 0; j < k; j++) if (x === list[j]) hit = true;
      out[i] = hit !== negated ? 1 : 0;
    }
    return out;
  };
}

const FLIP: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

function compileCompare(op: CompareOp, left: Expr, right: Expr, ctx: Context): BoolNode {
  const n = ctx.n;
  const leftType = ctx.types.get(left);
  const rightType = ctx.types.get(right);
  if (leftType === 'category' || rightType === 'category') {
    const columnSide = leftType === 'category' ? left : right;
    const labelSide = leftType === 'category' ? right : left;
    const column = categoryOf(columnSide, ctx);
    const code = column.dictionary.indexOf((labelSide as { value: string }).value);
    const codes = column.codes;
    const equal = op === '==';
    ctx.plan.push('compare:category-code');
    return () => categoryEquals(codes, code, equal, new Uint8Array(n));
  }
  let a = compileNum(left, ctx);
  let b = compileNum(right, ctx);
  if (a.kind === 'const' && b.kind === 'const') {
    const value = compareScalar(op, a.value, b.value) ? 1 : 0;
    ctx.plan.push('compare:const-const');
    return () => new Uint8Array(n).fill(value);
  }
  if (a.kind === 'const') {
    [a, b] = [b, a];
    op = FLIP[op];
  }
  const values = (a as Extract<NumNode, { kind: 'array' }>).eval;
  if (b.kind === 'const') {
    ctx.plan.push('compare:column-const');
    const c = b.value;
    const flipped = op;
    return () => compareConst(flipped, values(), c, new Uint8Array(n));
  }
  ctx.plan.push('compare:column-column');
  const other = b.eval;
  return () => {
    const x = values();
    const y = other();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = compareScalar(op, x[i] as number, y[i] as number) ? 1 : 0;
    return out;
  };
}

/** Scalar comparison with the missing rule: NaN on either side is false. */
export function compareScalar(op: CompareOp, x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    case '!=':
      return x !== y;
  }
}

function compileNum(expr: Expr, ctx: Context): NumNode {
  const n = ctx.n;
  switch (expr.kind) {
    case 'number':
      return { kind: 'const', value: expr.value };
    case 'column': {
      const values = ctx.frame.numeric(expr.name).values;
      return { kind: 'array', eval: () => values };
    }
    case 'model': {
      const values = modelValues(expr, ctx);
      return { kind: 'array', eval: () => values };
    }
    case 'negate': {
      const operand = compileNum(expr.operand, ctx);
      if (operand.kind === 'const') return { kind: 'const', value: -operand.value };
      return {
        kind: 'array',
        eval: () => {
          const v = operand.eval();
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = -(v[i] as number);
          return out;
        },
      };
    }
    case 'arith': {
      const left = compileNum(expr.left, ctx);
      const right = compileNum(expr.right, ctx);
      if (left.kind === 'const' && right.kind === 'const') return { kind: 'const', value: arithScalar(expr.op, left.value, right.value) };
      ctx.plan.push(`arith:${expr.op}`);
      const x = toArray(left, n);
      const y = toArray(right, n);
      const op = expr.op;
      return { kind: 'array', eval: () => arithmetic(op, x(), y(), new Float64Array(n)) };
    }
    default:
      throw new CredoError('E_INTERNAL', { summary: `rule node "${expr.kind}" is not a numeric value (the checker should have refused it)` });
  }
}

/** Scalar arithmetic with the missing rule: division by zero is missing (NaN). */
export function arithScalar(op: '+' | '-' | '*' | '/', x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? Number.NaN : x / y;
  }
}

function toArray(node: NumNode, n: number): () => Float64Array {
  if (node.kind === 'array') return node.eval;
  const value = node.value;
  return () => new Float64Array(n).fill(value);
}

function categoryOf(expr: Expr, ctx: Context): CategoryColumn {
  return ctx.frame.category((expr as { name: string }).name);
}

function modelValues(call: ModelCall, ctx: Context): Float64Array {
  const outputs = ctx.models[call.model];
  const values = outputs === undefined ? undefined : call.output === 'pd' ? outputs.pd : outputs.score;
  if (values === undefined) throw new CredoError('E_STRATEGY_MODEL_MISSING', { model: call.model, output: call.output });
  if (values.length !== ctx.n)
    throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: `${call.output}(${call.model})`, expected: ctx.n, actual: values.length });
  return values;
}
