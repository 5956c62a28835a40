// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { ensembleFromSaved, featureMatrix, type TreeEnsemble } from '../ml/tree/index.js';
import { type CompileTreeShapOptions, compileTreeShap, type TreeShapModel } from './compile-tree-shap.js';
import { createTreeShapScratch, treeShapRows } from './tree-shap.js';

/** A tree model ready to explain: its ensemble and the TreeSHAP data precomputed once. */
export interface TreeExplainer {
  readonly ensemble: TreeEnsemble;
  readonly compiled: TreeShapModel;
}

const cache = new WeakMap<object, TreeExplainer>();

/** The tree ensemble of a Credo model, or undefined when the model is not a tree model. */
export function ensembleOf(model: CredoModel): TreeEnsemble | undefined {
  if (model.kind === 'gbdt') return ensembleFromSaved(model.body.ensemble);
  if (model.kind === 'forest') {
    const body = model.body as { ensemble?: unknown } | null;
    if (body !== null && typeof body === 'object' && body.ensemble !== undefined)
      return ensembleFromSaved(body.ensemble as Parameters<typeof ensembleFromSaved>[0]);
  }
  return undefined;
}

/** The explainer of a tree model, compiled once per model object (cached). */
export function treeExplainerFor(model: CredoModel, options: CompileTreeShapOptions = {}): TreeExplainer {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const ensemble = ensembleOf(model);
  if (ensemble === undefined)
    throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'TreeSHAP needs a tree model (gbdt, forest, imported XGBoost/LightGBM)' });
  const explainer = treeExplainerOf(ensemble, options);
  cache.set(model, explainer);
  return explainer;
}

/** Compiles an ensemble for TreeSHAP. */
export function treeExplainerOf(ensemble: TreeEnsemble, options: CompileTreeShapOptions = {}): TreeExplainer {
  return { ensemble, compiled: compileTreeShap(ensemble, options) };
}

/**
 * The model-aligned input of a frame as a row-major matrix (`rowCount × features`), as the
 * TreeSHAP kernel reads it: numeric values (float32-rounded for XGBoost imports), categories as
 * training codes (unseen labels go right at every categorical split), NaN for missing.
 */
export function rowMajorInput(ensemble: TreeEnsemble, frame: Frame): Float64Array {
  const matrix = featureMatrix(ensemble.features, frame, ensemble.inputPrecision);
  const n = matrix.rowCount;
  const p = matrix.columns.length;
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = matrix.columns[j] as Float64Array;
    for (let i = 0; i < n; i++) x[i * p + j] = column[i] as number;
  }
  return x;
}

/** TreeSHAP values of every row of `x` on the calling thread (row-major, `rows × features`). */
export function explainRowsSync(compiled: TreeShapModel, x: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows * compiled.featureCount);
  treeShapRows(compiled, x, 0, rows, out, createTreeShapScratch(compiled));
  return out;
}
