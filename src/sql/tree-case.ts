import type { SavedEnsemble, SavedTree } from '../ml/tree/index.js';
import { ZERO_THRESHOLD } from '../ml/tree/index.js';
import type { SqlDialect } from './dialects.js';
import { type SplitSpec, splitRouting } from './split-test.js';

/**
 * One tree as a nested SQL `CASE`, with the routing of `goesLeft` (ml/tree/tree.ts). `feature(j)`
 * is the SQL name of feature j (a double for numeric features, the label as text for categorical
 * ones, NULL when missing). The missing child is always the ELSE branch (`splitRouting`), so a
 * NULL needs no extra predicate; categorical splits are IN lists; leaf values are written exactly
 * (shortest round-trip digits).
 */
export function compileTreeCase(tree: SavedTree, ensemble: SavedEnsemble, dialect: SqlDialect, feature: (j: number) => string): string {
  const zero = dialect.formatDouble(ZERO_THRESHOLD);
  const node = (n: number): string => {
    const f = tree.feature[n] as number;
    if (f < 0) return dialect.formatDouble(tree.value[n] as number);
    const x = feature(f);
    const child = (side: 'left' | 'right') => node((side === 'left' ? tree.left[n] : tree.right[n]) as number);
    const routing = splitRouting(savedSplit(tree, ensemble, n, { nonZero: ` AND ABS(${x}) > ${zero}` }), x, dialect);
    if ('always' in routing) return child(routing.always);
    return `CASE WHEN ${routing.test} THEN ${child(routing.child)} ELSE ${child(routing.child === 'left' ? 'right' : 'left')} END`;
  };
  return node(0);
}

/**
 * The split of internal node `n` of a saved tree; `nonZero` is appended to the test where the node
 * treats |x| ≤ 1e-35 as missing (LightGBM's zero-as-missing), or omitted when the caller follows a
 * routing without it.
 */
function savedSplit(tree: SavedTree, ensemble: SavedEnsemble, n: number, options: { readonly nonZero?: string } = {}): SplitSpec {
  const f = tree.feature[n] as number;
  const defaultLeft = tree.defaultLeft[n] === 1;
  const start = tree.categoryStart[n] as number;
  if (start >= 0) {
    const names = ensemble.features[f]?.categories ?? [];
    const labels = tree.categories
      .slice(start, start + (tree.categoryCount[n] as number))
      .filter((code) => code >= 0 && code < names.length)
      .map((code) => names[code] as string);
    return { type: 'category', labels, defaultLeft };
  }
  const nonZero = tree.missingZero?.[n] === 1 ? options.nonZero : undefined;
  return {
    type: 'number',
    threshold: tree.threshold[n] as number,
    defaultLeft,
    float32: ensemble.inputPrecision === 'float32',
    ...(nonZero === undefined ? {} : { nonZero }),
  };
}
