// @ts-nocheck
// 
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import {
  additiveExplanation,
  defaultShapleyPermutationOptions,
  type Explanation,
  justAboveCutoff,
  parseReasonCatalogue,
  principalReasons,
  protectedInCatalogue,
  type Reason,
  type ReasonCatalogue,
  referenceContributions,
  rowMajorInput,
  type ShapleyPermutationOptions,
  type TreeExplainer,
  treeExplainerFor,
} from '../../explain/index.js';
import { shapleyPermutationParallel } from '../../explain/workers/shapley-permutation-parallel.js';
import { treeShapParallel } from '../../explain/workers/tree-shap-parallel.js';
import { type CategoryColumn, type Column, categoryFromLabels, type Frame, valueAt } from '../../frame/index.js';
import { dataFolder, readFrame } from '../../io/index.js';
import { loadModel } from '../../io/model-file.js';
import { protectedFeatures } from '../../ml/checks/index.js';
import type { CredoModel } from '../../ml/model.js';
import { chooseThreads, MIN_WORK_PER_THREAD } from '../threads.js';
import { schemaTypes } from './evaluate.js';

/**
 * Worker threads used when `--threads` is not given, at most the cores (`chooseThreads`): for tree
 * models one per 2,000 rows; for MLPs and ensembles (permutation Shapley, when `model` is given) one
 * per million model evaluations (rows × permutations × (features − 1) × background rows).
 */
export function defaultExplainThreads(rows: number, model?: CredoModel, agnostic: ShapleyPermutationOptions = {}): number {
  if (model !== undefined && (model.kind === 'mlp' || model.kind === 'ensemble')) {
    const o = { ...defaultShapleyPermutationOptions, ...agnostic };
    const evaluations = rows * Math.max(4, o.samples) * Math.max(0, model.schema.columns.length - 1) * o.background;
    return chooseThreads(evaluations, MIN_WORK_PER_THREAD.shapley, undefined, 'ignore');
  }
  return chooseThreads(rows, MIN_WORK_PER_THREAD.treeShap, undefined, 'ignore');
}

/** Loads the model and the data a command explains, resolving paths against the working directory. */
export async function loadModelAndData(cwd: string, modelPath: string, dataPath: string): Promise<{ model: CredoModel; frame: Frame }> {
  const model = await loadModel<CredoModel>(resolve(cwd, modelPath));
  // read with the model's column types, so category codes such as "1" stay categories
  const frame = await readFrame(resolve(cwd, dataPath), { types: schemaTypes(model.schema) });
  return { model, frame };
}

/**
 * Explains every row of a frame with a model: exact path-dependent TreeSHAP for tree models (in
 * parallel over rows; same values for any thread count), exact additive contributions for logistic
 * and scorecard models relative to the mean over `reference` (default: the rows explained), and
 * permutation-sampled interventional Shapley values against a background sample of `reference`
 * for MLPs and ensembles (`agnostic`: permutations, background size, seed, row offset; in parallel
 * over rows, same bytes for any thread count). `x` is
 * the model-aligned input, row-major (category codes for categorical features).
 */
export async function explainFrame(
  model: CredoModel,
  frame: Frame,
  threads: number,
  reference: Frame = frame,
  agnostic: ShapleyPermutationOptions = {},
  onRows?: (done: number) => void,
): Promise<{ explanation: Explanation; x: Float64Array; explainer: TreeExplainer | undefined }> {
  if (model.kind === 'logistic' || model.kind === 'scorecard' || model.kind === 'svm' || model.kind === 'mlp' || model.kind === 'ensemble') {
    const explanation =
      model.kind === 'mlp' || model.kind === 'ensemble'
        ? await shapleyPermutationParallel(model, frame, reference, agnostic, threads, onRows)
        : additiveExplanation(model, frame, reference);
    const p = explanation.features.length;
    const x = new Float64Array(frame.rowCount * p);
    explanation.features.forEach((name, j) => {
      const column = frame.column(name);
      for (let i = 0; i < frame.rowCount; i++) x[i * p + j] = column.type === 'number' ? (column.values[i] as number) : (column.codes[i] as number);
    });
    return { explanation, x, explainer: undefined };
  }
  const explainer = treeExplainerFor(model);
  const x = rowMajorInput(explainer.ensemble, frame);
  const values = await treeShapParallel(explainer.compiled, x, frame.rowCount, threads, onRows);
  const explanation: Explanation = {
    features: explainer.ensemble.features.map((f) => f.name),
    rowCount: frame.rowCount,
    values,
    expectedValue: explainer.compiled.expectedValue,
    method: 'tree-shap-path-dependent',
  };
  return { explanation, x, explainer };
}

/** The default catalogue shipped in the package's `data/reasons.json`. */
export function defaultCataloguePath(): string {
  return join(dataFolder(), 'reasons.json');
}

/** Reads and validates a reason catalogue (default: the shipped `data/reasons.json`). */
export async function readCatalogue(cwd: string, path: string | undefined): Promise<ReasonCatalogue> {
  const file = path === undefined ? defaultCataloguePath() : resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CredoError('E_FILE_NOT_FOUND', { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CredoError('E_EXPLAIN_CATALOGUE', { source: file, path: '', problem: 'not valid JSON' });
  }
  return parseReasonCatalogue(raw, file);
}

/** Where reasons are measured from: the population average (φ₀) or applicants just above the cutoff. */
export type ReasonReference = 'population' | 'cutoff';

/**
 * Principal reasons for every row: `count` codes and texts per row, ranked by contribution toward
 * decline relative to the reference. With reference `cutoff`, the reference group is the approved
 * rows closest to the PD `cutoff` in this data.
 */
export function reasonsForFrame(
  explanation: Explanation,
  frame: Frame,
  catalogue: ReasonCatalogue,
  count: number,
  reference: ReasonReference,
  cutoff: number,
  pd: Float64Array,
): Reason[][] {
  let referenceValues: Float64Array | undefined;
  if (reference === 'cutoff') {
    referenceValues = referenceContributions(explanation, justAboveCutoff(pd, cutoff));
  }
  const columns = explanation.features.map((f) => frame.get(f));
  const out: Reason[][] = [];
  for (let i = 0; i < explanation.rowCount; i++) {
    const featureValue = (j: number) => {
      const column = columns[j];
      return column === undefined ? null : valueAt(column, i);
    };
    out.push(principalReasons(explanation, i, featureValue, catalogue, referenceValues === undefined ? { count } : { count, reference: referenceValues }));
  }
  return out;
}

/**
 * Columns `reason_1..N+1` (codes) and `reason_text_1..N+1` for a scored frame, empty where a row
 * has fewer reasons. Column N+1 is the FCRA §609(f) inquiries slot: filled only when inquiries were
 * adverse but not among the first N; it is always present so the output schema is stable.
 */
export function reasonColumns(reasons: readonly (readonly Pick<Reason, 'code' | 'text'>[])[], count: number): Column[] {
  const columns: CategoryColumn[] = [];
  const width = count + 1;
  for (let k = 0; k < width; k++) {
    columns.push(
      categoryFromLabels(
        `reason_${k + 1}`,
        reasons.map((r) => r[k]?.code ?? null),
      ),
    );
  }
  for (let k = 0; k < width; k++) {
    columns.push(
      categoryFromLabels(
        `reason_text_${k + 1}`,
        reasons.map((r) => r[k]?.text ?? null),
      ),
    );
  }
  return columns;
}

/**
 * PD from an explained output: forests explain their averaged probability directly (leaf values
 * are bad rates), every other PD model explains log-odds.
 */
export function pdFromExplained(model: CredoModel, output: number): number {
  return model.kind === 'forest' ? output : 1 / (1 + Math.exp(-output));
}

/** PD per row of an explanation (see `pdFromExplained`). */
export function pdsOf(model: CredoModel, explanation: Explanation): Float64Array {
  return marginsOf(explanation).map((m) => pdFromExplained(model, m));
}

/** Row margins from an explanation (φ₀ + Σφ, equal to the model's raw output by local accuracy). */
export function marginsOf(explanation: Explanation): Float64Array {
  const p = explanation.features.length;
  const out = new Float64Array(explanation.rowCount);
  for (let i = 0; i < explanation.rowCount; i++) {
    let sum = explanation.expectedValue;
    for (let j = 0; j < p; j++) sum += explanation.values[i * p + j] as number;
    out[i] = sum;
  }
  return out;
}

/**
 * Stops reason codes for a model that uses protected attributes (by name, or marked `protected` in
 * the catalogue): ECOA/Reg B §1002.9 reasons must be specific and lawful, so "Other factors (age)"
 * may never be printed; the model has to be retrained without them. `use` completes the message
 * ("… before scoring with --reasons").
 */
export function refuseProtectedReasons(features: readonly string[], catalogue: ReasonCatalogue, use = 'scoring with --reasons'): void {
  const found = protectedFeatures(features, protectedInCatalogue(catalogue));
  if (found.length === 0) return;
  throw new CredoError('E_MODEL_PROTECTED', {
    problem: `the model uses protected attribute(s) ${found.map((f) => `"${f}"`).join(', ')}, which can never be a principal reason (ECOA/Reg B §1002.9): retrain without them (--exclude ${found.join(',')}) before ${use}`,
    features: found,
  });
}

/**
 * The `reason_1..N` and `reason_text_1..N` columns `credo score --reasons N` appends: principal
 * reasons relative to the population average, from the catalogue at `cataloguePath` (default
 * `data/reasons.json`). A model using protected attributes is refused.
 */
export async function scoreReasonColumns(
  cwd: string,
  model: CredoModel,
  frame: Frame,
  count: number,
  cataloguePath: string | undefined,
  threads = defaultExplainThreads(frame.rowCount, model),
): Promise<Column[]> {
  const catalogue = await readCatalogue(cwd, cataloguePath);
  refuseProtectedReasons(
    model.schema.columns.map((c) => c.name),
    catalogue,
  );
  const { explanation } = await explainFrame(model, frame, threads);
  const reasons = reasonsForFrame(explanation, frame, catalogue, count, 'population', 0.5, pdsOf(model, explanation));
  return reasonColumns(reasons, count);
}
