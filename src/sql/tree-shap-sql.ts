import { CredoError } from '../errors/index.js';
import type { ReasonCatalogue, TreeExplainer } from '../explain/index.js';
import { ZERO_THRESHOLD } from '../ml/tree/index.js';
import type { SqlDialect } from './dialects.js';
import { leafShapQuadrature } from './leaf-shap-quadrature.js';
import { featureAlias, type SqlFeature } from './model-terms.js';
import { type RankedReasons, type ReasonPart, rankedReasonParts, reasonCodeColumns } from './reason-codes-sql.js';
import { type SplitSpec, splitRouting } from './split-test.js';
import { sumBalanced } from './sum-balanced.js';

/** Limits of the TreeSHAP stages. */
export interface TreeShapLimits {
  /** Most columns one SELECT may list (PostgreSQL allows 1,664 target entries). */
  readonly maxColumns: number;
  /** Most characters of tree text per stage, when the statement must fit a size budget. */
  readonly packing?: number | undefined;
  /** Most characters of TreeSHAP SQL in all (engines spend seconds per megabyte planning it); over it the model is refused. */
  readonly maxChars: number;
}

/**
 * Default `maxChars`: 16,000,000 characters, twice the largest 100-tree × 31-leaf model measured (HMEQ, 7.3 MB;
 * DuckDB plans it in about a minute of CPU), so the models `credo train` makes compile; beyond it engines choke.
 */
export const DEFAULT_TREE_REASON_CHARS = 16_000_000;

/** Above this many characters of SQL the CLI notes that engines take seconds per megabyte to plan it. */
export const LARGE_REASON_SQL_CHARS = 2_000_000;

/** A computed column: its SQL and its name. */
interface Column {
  readonly sql: string;
  readonly name: string;
}

/** One tree's SQL for TreeSHAP: node direction bits, per-leaf products and failed values, per-feature terms. */
interface TreeShapTree {
  readonly bits: readonly Column[];
  readonly products: readonly Column[];
  readonly failed: readonly Column[];
  /** Per feature: the SQL of each leaf's contribution to it. */
  readonly terms: ReadonlyMap<number, readonly string[]>;
  /** Columns the tree adds to a stage, and its text length. */
  readonly columns: number;
  readonly chars: number;
}

/**
 * Principal reason codes of a tree model (GBDT, forest, XGBoost/LightGBM imports) in SQL, with the
 * semantics of `credo score --reasons N`: exact path-dependent TreeSHAP values (`treeShapRows`,
 * relative to φ₀) per feature, ranked by `rankedReasonParts`. The SQL mirrors the TreeSHAP
 * kernel of `explainer` (its leaves, merged path features, zero fractions and routing, which
 * ignores LightGBM's zero-as-missing as the kernel does): per tree, one 0/1 column per internal
 * node (`hn…`: the row goes left), per leaf the R = ⌈d/2⌉ path-factor products (`hp…`) and the
 * value every failed path feature gets (`hf…`), then each feature's running sum `s{j}` adds, per
 * leaf on whose path it lies, the followed or the failed value (`leafShapQuadrature`). Trees are
 * grouped in stages of at most `maxColumns` columns (and `packing` characters); a model whose
 * TreeSHAP SQL is over `maxChars` characters is refused (`E_INPUT_ARGUMENT_INVALID`). `carry` (keys and
 * feature aliases) is carried through; the last step carries it, `s{j}`, `q{j}`, `w{j}` and the
 * reason columns.
 */
export function treeReasonParts(
  explainer: TreeExplainer,
  features: readonly SqlFeature[],
  d: SqlDialect,
  carry: readonly string[],
  catalogue: ReasonCatalogue,
  count: number,
  limits: TreeShapLimits,
): RankedReasons {
  const compiled = explainer.compiled;
  const p = features.length;
  const sums = features.map((_, j) => `s${j}`);
  const trees: TreeShapTree[] = [];
  for (let t = 0; t + 1 < compiled.treeNodeStart.length; t++) {
    const tree = treeShapTree(explainer, t, d);
    if (tree.columns > 0) trees.push(tree);
  }
  const total = trees.reduce((sum, t) => sum + t.chars, 0);
  if (total > limits.maxChars) {
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', {
      argument: 'reasons',
      problem: `the exact TreeSHAP SQL of this ${trees.length}-tree model is about ${total.toLocaleString('en-US')} characters, over the budget of ${limits.maxChars.toLocaleString('en-US')} (it grows with trees × leaves × path depth, and engines take seconds per megabyte to plan it): raise --reasons-budget, or use credo score --reasons`,
    });
  }
  const base = carry.length + p;
  const groups: TreeShapTree[][] = [];
  let current: TreeShapTree[] = [];
  let columns = 0;
  let chars = 0;
  for (const tree of trees) {
    const over = base + columns + tree.columns > limits.maxColumns || (limits.packing !== undefined && chars + tree.chars > limits.packing);
    if (current.length > 0 && over) {
      groups.push(current);
      current = [];
      columns = 0;
      chars = 0;
    }
    current.push(tree);
    columns += tree.columns;
    chars += tree.chars;
  }
  if (current.length > 0) groups.push(current);
  const parts: ReasonPart[] = [];
  const zero = d.formatDouble(0);
  const lines = (cols: readonly string[]) => cols.map((c) => `  ${c}`).join(',\n');
  let source = 'input';
  groups.forEach((group, k) => {
    const prev = source;
    const kept = k === 0 ? [...carry] : [...carry, ...sums];
    const bits = group.flatMap((t) => t.bits);
    const products = group.flatMap((t) => t.products);
    const failed = group.flatMap((t) => t.failed);
    const names = (cols: readonly Column[]) => cols.map((c) => c.name);
    const selects = (cols: readonly Column[]) => cols.map((c) => `${c.sql} AS ${c.name}`);
    const stage = `shap_${k + 1}`;
    parts.push({ name: `${stage}_bits`, body: (ref) => `SELECT\n${lines([...kept, ...selects(bits)])}\nFROM ${ref(prev)}` });
    const withBits = [...kept, ...names(bits)];
    parts.push({ name: `${stage}_products`, body: (ref) => `SELECT\n${lines([...withBits, ...selects(products)])}\nFROM ${ref(`${stage}_bits`)}` });
    const withProducts = [...withBits, ...names(products)];
    parts.push({ name: `${stage}_failed`, body: (ref) => `SELECT\n${lines([...withProducts, ...selects(failed)])}\nFROM ${ref(`${stage}_products`)}` });
    const added = sums.map((s, j) => {
      const terms = group.flatMap((t) => t.terms.get(j) ?? []);
      if (terms.length === 0) return k === 0 ? `${zero} AS ${s}` : s;
      return k === 0 ? `${sumBalanced(terms)} AS ${s}` : `${s} + ${sumBalanced(terms)} AS ${s}`;
    });
    parts.push({ name: `${stage}_sum`, body: (ref) => `SELECT\n${lines([...carry, ...added])}\nFROM ${ref(`${stage}_failed`)}` });
    source = `${stage}_sum`;
  });
  if (groups.length === 0) {
    parts.push({ name: 'shap_sum', body: (ref) => `SELECT\n${lines([...carry, ...sums.map((s) => `${zero} AS ${s}`)])}\nFROM ${ref('input')}` });
    source = 'shap_sum';
  }
  const codes = reasonCodeColumns(
    catalogue,
    features,
    features.map((_, j) => featureAlias(j)),
    d,
  );
  const summed = source;
  parts.push({ name: 'shap_codes', body: (ref) => `SELECT\n${lines([...carry, ...sums, ...codes.selects.map((c) => c.trim())])}\nFROM ${ref(summed)}` });
  const ranked = rankedReasonParts(d, { source: 'shap_codes', carry: [...carry, ...sums, ...codes.columns], features, catalogue, count });
  return { parts: [...parts, ...ranked.parts], source: ranked.source, columns: ranked.columns };
}

/** The TreeSHAP SQL of tree `t` of the compiled explainer (see `treeReasonParts`). */
function treeShapTree(explainer: TreeExplainer, t: number, d: SqlDialect): TreeShapTree {
  const m = explainer.compiled;
  const nodeStart = m.treeNodeStart[t] as number;
  const nodeEnd = m.treeNodeStart[t + 1] as number;
  const parent = new Map<number, { readonly node: number; readonly left: boolean }>();
  const bits: Column[] = [];
  for (let g = nodeStart; g < nodeEnd; g++) {
    if ((m.nodeFeature[g] as number) < 0) continue;
    parent.set(m.nodeLeft[g] as number, { node: g, left: true });
    parent.set(m.nodeRight[g] as number, { node: g, left: false });
    const x = featureAlias(m.nodeFeature[g] as number);
    const routing = splitRouting(compiledSplit(explainer, g, ` AND ABS(${x}) > ${d.formatDouble(ZERO_THRESHOLD)}`), x, d);
    const expr =
      'always' in routing
        ? routing.always === 'left'
          ? '1'
          : '0'
        : `CASE WHEN ${routing.test} THEN ${routing.child === 'left' ? 1 : 0} ELSE ${routing.child === 'left' ? 0 : 1} END`;
    bits.push({ sql: expr, name: `hn${g}` });
  }
  const products: Column[] = [];
  const failed: Column[] = [];
  const terms = new Map<number, string[]>();
  let chars = 0;
  for (let l = m.treeLeafStart[t] as number; l < (m.treeLeafStart[t + 1] as number); l++) {
    const depth = m.leafDepth[l] as number;
    if (depth === 0) continue;
    const start = m.leafPathStart[l] as number;
    // the row follows path feature i when it goes the path's way at every node testing i
    const conditions: string[][] = Array.from({ length: depth }, () => []);
    for (let child = m.leafNode[l] as number, up = parent.get(child); up !== undefined; child = up.node, up = parent.get(child)) {
      (conditions[m.nodeBit[up.node] as number] as string[]).unshift(`hn${up.node} = ${up.left ? 1 : 0}`);
    }
    const followed = conditions.map((c) => c.join(' AND '));
    const q = leafShapQuadrature(m.leafZero.subarray(start, start + depth), m.leafValue[l] as number);
    const R = q.points;
    const product = (r: number) => `hp${l}_${r}`;
    for (let r = 0; r < R; r++) {
      const factors = followed.map(
        (c, i) =>
          `CASE WHEN ${c} THEN ${d.formatDouble(q.followedFactor[i * R + r] as number)} ELSE ${d.formatDouble(q.failedFactor[i * R + r] as number)} END`,
      );
      products.push({ sql: factors.join(' * '), name: product(r) });
    }
    const weighted = (coefficient: (r: number) => number) =>
      sumBalanced(Array.from({ length: R }, (_, r) => `${d.formatDouble(coefficient(r))} * ${product(r)}`));
    failed.push({ sql: weighted((r) => q.failedCoefficient[r] as number), name: `hf${l}` });
    followed.forEach((c, k) => {
      const f = m.leafFeatures[start + k] as number;
      const term = `CASE WHEN ${c} THEN ${weighted((r) => q.followedCoefficient[k * R + r] as number)} ELSE hf${l} END`;
      const list = terms.get(f);
      if (list === undefined) terms.set(f, [term]);
      else list.push(term);
      chars += term.length + 3;
    });
  }
  for (const c of [...bits, ...products, ...failed]) chars += c.sql.length + c.name.length + 8;
  return { bits, products, failed, terms, columns: bits.length + products.length + failed.length, chars };
}

/**
 * The split of compiled node `g` as the TreeSHAP kernel routes it (training codes mapped back to
 * labels; `nonZero`, the SQL of "x is not zero", appended where the node reads zero as missing).
 */
function compiledSplit(explainer: TreeExplainer, g: number, nonZero: string): SplitSpec {
  const m = explainer.compiled;
  const defaultLeft = m.nodeDefaultLeft[g] === 1;
  const start = m.nodeCategoryStart[g] as number;
  if (start < 0)
    return {
      type: 'number',
      threshold: m.nodeThreshold[g] as number,
      defaultLeft,
      float32: explainer.ensemble.inputPrecision === 'float32',
      ...(m.nodeMissingZero?.[g] === 1 ? { nonZero } : {}),
    };
  const names = explainer.ensemble.features[m.nodeFeature[g] as number]?.categories ?? [];
  const labels = Array.from(m.categories.subarray(start, start + (m.nodeCategoryCount[g] as number)))
    .filter((code) => code >= 0 && code < names.length)
    .map((code) => names[code] as string);
  return { type: 'category', labels, defaultLeft };
}
