// @ts-nocheck
// 
import type { SavedEnsemble, SavedTree } from '../ml/tree/index.js';
import { ZERO_THRESHOLD } from '../ml/tree/index.js';
import type { SqlDialect } from './dialects.js';
import { float32Threshold } from './numbers.js';

/**
 * One tree as a nested SQL `CASE`, with the routing of `goesLeft` (ml/tree/tree.ts). `feature(j)`
 * is the SQL name of feature j (a double for numeric features, the label as text for categorical
 * ones, NULL when missing). The missing child is always the ELSE branch, so a NULL needs no extra
 * predicate: a node whose missing values go left tests the right-hand condition (`x >= t`,
 * `c NOT IN (…)`) and puts the left child in ELSE. Categorical splits list their training labels
 * in an IN list; a label not listed (including unseen ones) goes right, as in-process. For a
 * model that rounds inputs to float32 (XGBoost imports) the threshold is moved to the double
 * where the float32 comparison flips (`float32Threshold`), so the double column splits
 * identically. Leaf values are written exactly (shortest round-trip digits).
 */
export function compileTreeCase(tree: SavedTree, ensemble: SavedEnsemble, dialect: SqlDialect, feature: (j: number) => string): string {
  const float32 = ensemble.inputPrecision === 'float32';
  const zero = dialect.formatDouble(ZERO_THRESHOLD);
  const node = (n: number): string => {
    const f = tree.feature[n] as number;
    if (f < 0) return dialect.formatDouble(tree.value[n] as number);
    const x = feature(f);
    const left = node(tree.left[n] as number);
    const right = node(tree.right[n] as number);
    const defaultLeft = tree.defaultLeft[n] === 1;
    const start = tree.categoryStart[n] as number;
    if (start >= 0) {
      const count = tree.categoryCount[n] as number;
      const names = ensemble.features[f]?.categories ?? [];
      const labels = tree.categories
        .slice(start, start + count)
        .filter((code) => code >= 0 && code < names.length)
        .map((code) => dialect.quoteString(names[code] as string));
      if (labels.length === 0) return defaultLeft ? `CASE WHEN ${x} IS NOT NULL THEN ${right} ELSE ${left} END` : right;
      const list = labels.join(', ');
      return defaultLeft ? `CASE WHEN ${x} NOT IN (${list}) THEN ${right} ELSE ${left} END` : `CASE WHEN ${x} IN (${list}) THEN ${left} ELSE ${right} END`;
    }
    const raw = tree.threshold[n] as number;
    const threshold = float32 ? float32Threshold(raw) : raw;
    const nonZero = tree.missingZero?.[n] === 1 ? ` AND ABS(${x}) > ${zero}` : '';
    // Infinite thresholds (possible in imports): every present value goes one way.
    if (threshold === Number.POSITIVE_INFINITY) return defaultLeft ? left : `CASE WHEN ${x} IS NOT NULL${nonZero} THEN ${left} ELSE ${right} END`;
    if (threshold === Number.NEGATIVE_INFINITY) return defaultLeft ? `CASE WHEN ${x} IS NOT NULL${nonZero} THEN ${right} ELSE ${left} END` : right;
    const t = dialect.formatDouble(threshold);
    return defaultLeft ? `CASE WHEN ${x} >= ${t}${nonZero} THEN ${right} ELSE ${left} END` : `CASE WHEN ${x} < ${t}${nonZero} THEN ${left} ELSE ${right} END`;
  };
  return node(0);
}
