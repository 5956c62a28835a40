import type { SqlDialect } from './dialects.js';
import { float32Threshold } from './numbers.js';

/** One split of a tree as the SQL compilers need it (the routing of `goesLeft`, ml/tree/tree.ts). */
export type SplitSpec =
  | {
      readonly type: 'number';
      readonly threshold: number;
      readonly defaultLeft: boolean;
      /** The model rounds inputs to float32 before comparing (XGBoost imports). */
      readonly float32: boolean;
      /** SQL of "x is not LightGBM's zero-as-missing" (`AND …` appended to the test), or undefined. */
      readonly nonZero?: string;
    }
  | {
      readonly type: 'category';
      /** Training labels that go left. */
      readonly labels: readonly string[];
      readonly defaultLeft: boolean;
    };

/**
 * How rows are routed at one split, written so that the missing child is always the "else" side:
 * either every row takes one child (`always`), or rows passing `test` take `child` and all others
 * (including NULL, which fails every comparison) take the other one. A node whose missing values
 * go left tests the right-hand condition (`x >= t`, `c NOT IN (…)`); a label not listed (an
 * unseen one too) goes right. For a float32 model the threshold is moved to the double where the
 * float32 comparison flips (`float32Threshold`), so the double column splits identically.
 */
export type SplitRouting = { readonly always: 'left' | 'right' } | { readonly test: string; readonly child: 'left' | 'right' };

/** The routing of `split` for the SQL value `x` (a double or a text label, NULL when missing). */
export function splitRouting(split: SplitSpec, x: string, dialect: SqlDialect): SplitRouting {
  const left = split.defaultLeft;
  if (split.type === 'category') {
    if (split.labels.length === 0) return left ? { test: `${x} IS NOT NULL`, child: 'right' } : { always: 'right' };
    const list = split.labels.map((l) => dialect.quoteString(l)).join(', ');
    return left ? { test: `${x} NOT IN (${list})`, child: 'right' } : { test: `${x} IN (${list})`, child: 'left' };
  }
  const threshold = split.float32 ? float32Threshold(split.threshold) : split.threshold;
  const nonZero = split.nonZero ?? '';
  // Infinite thresholds (possible in imports): every present value goes one way.
  if (threshold === Number.POSITIVE_INFINITY) return left ? { always: 'left' } : { test: `${x} IS NOT NULL${nonZero}`, child: 'left' };
  if (threshold === Number.NEGATIVE_INFINITY) return left ? { test: `${x} IS NOT NULL${nonZero}`, child: 'right' } : { always: 'right' };
  const t = dialect.formatDouble(threshold);
  return left ? { test: `${x} >= ${t}${nonZero}`, child: 'right' } : { test: `${x} < ${t}${nonZero}`, child: 'left' };
}
