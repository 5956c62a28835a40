/**
 * The rule language's syntax tree. Every node carries its `span` (0-based character offsets into
 * the expression text, end exclusive) so later stages (type checks, compilation to a kernel or to
 * SQL) can point at the offending part of the text.
 */
// @ts-nocheck


/** A character range in the expression text, `start` inclusive, `end` exclusive, 0-based. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Comparison operators; `=` in the text is read as `==`. */
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** Arithmetic operators on numbers; division by zero gives a missing value. */
export type ArithOp = '+' | '-' | '*' | '/';

/** Which output of a model a `score(...)`/`pd(...)` call reads. */
export type ModelOutput = 'score' | 'pd';

/** A number literal. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}

/** A string literal (a category label). */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

/** `true` or `false`. */
export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

/** A column of the frame, by name. */
export interface ColumnRef {
  readonly kind: 'column';
  readonly name: string;
  readonly span: Span;
}

/** `score(model)` or `pd(model)`: an output of a model, referred to by its name or file path. */
export interface ModelCall {
  readonly kind: 'model';
  readonly output: ModelOutput;
  readonly model: string;
  readonly span: Span;
}

/** `left op right` on numbers. */
export interface Arithmetic {
  readonly kind: 'arith';
  readonly op: ArithOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `-operand`. */
export interface Negate {
  readonly kind: 'negate';
  readonly operand: Expr;
  readonly span: Span;
}

/** `left op right`; false when either side is missing. */
export interface Compare {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `operand in [v1, v2, …]` (or `not in`); false when the operand is missing. */
export interface InList {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly values: readonly (NumberLiteral | StringLiteral)[];
  readonly negated: boolean;
  readonly span: Span;
}

/** `operand between low and high` (inclusive both ends; or `not between`); false when anything is missing. */
export interface Between {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

/** `operand is missing` (or `is not missing`). */
export interface IsMissing {
  readonly kind: 'missing';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

/** `left and right`, `left or right`. */
export interface Logical {
  readonly kind: 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `not operand`. */
export interface Not {
  readonly kind: 'not';
  readonly operand: Expr;
  readonly span: Span;
}

/** Any node of a rule expression. */
export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | ColumnRef
  | ModelCall
  | Arithmetic
  | Negate
  | Compare
  | InList
  | Between
  | IsMissing
  | Logical
  | Not;

/** A parsed rule expression with the text it came from (for error messages). */
export interface RuleExpression {
  readonly text: string;
  readonly root: Expr;
}

/** Every column the expression reads, in first-use order. */
export function referencedColumns(expr: Expr): string[] {
  const out = new Set<string>();
  visit(expr, (node) => {
    if (node.kind === 'column') out.add(node.name);
  });
  return [...out];
}

/** Every model the expression calls (by reference text), in first-use order. */
export function referencedModels(expr: Expr): string[] {
  const out = new Set<string>();
  visit(expr, (node) => {
    if (node.kind === 'model') out.add(node.model);
  });
  return [...out];
}

/** Calls `fn` on every node, parents before children. */
export function visit(expr: Expr, fn: (node: Expr) => void): void {
  fn(expr);
  switch (expr.kind) {
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      visit(expr.left, fn);
      visit(expr.right, fn);
      break;
    case 'negate':
    case 'not':
    case 'missing':
      visit(expr.operand, fn);
      break;
    case 'in':
      visit(expr.operand, fn);
      for (const v of expr.values) visit(v, fn);
      break;
    case 'between':
      visit(expr.operand, fn);
      visit(expr.low, fn);
      visit(expr.high, fn);
      break;
    default:
      break;
  }
}
