import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { deriveSeed } from '../../random/index.js';
import { trainLogistic } from '../linear/index.js';
import { stratifiedKFold } from '../metrics/index.js';
import type { CredoModel } from '../model.js';
import { outcomeLabels } from '../outcome-labels.js';
import { predictRaw } from '../predict-model.js';
import type { EnsembleMethod, EnsembleModelBody, MemberSpec } from './model.js';

/** Options of `trainEnsemble`. */
export interface EnsembleOptions {
  readonly method: EnsembleMethod;
  /** Members to train [GBDT + MLP, the seed project's GBT + NN ensemble]. */
  readonly members: readonly MemberSpec[];
  /** Averaging weights (normalised to sum 1) [equal]. */
  readonly weights?: readonly number[];
  /** Stacking: folds of the out-of-fold member predictions [5]. */
  readonly folds: number;
  /** Stacking: L2 penalty of the logistic meta-model [1e-3]. */
  readonly metaL2: number;
  readonly seed: number;
}

/** Defaults. */
export const defaultEnsembleOptions: EnsembleOptions = { method: 'stacking', members: [{ kind: 'gbdt' }, { kind: 'mlp' }], folds: 5, metaL2: 1e-3, seed: 0 };

/** A trained ensemble and, for stacking, the out-of-fold design the meta-model saw. */
export interface EnsembleTrainResult {
  readonly body: EnsembleModelBody;
  /** Stacking: fold id of each training row (members predicting row i never trained on it). */
  readonly foldIds?: Int32Array;
  /** Stacking: out-of-fold member logits, one array per member. */
  readonly oofLogits?: readonly Float64Array[];
}

/** Trains one member (its spec, with the member's seed in `params`) on `data`: the caller's trainer of any family. */
export type MemberFitter = (spec: MemberSpec, data: Frame) => Promise<CredoModel>;

/**
 * Trains an ensemble of any Credo families, each member by `fitMember`. Averaging trains each member on every row and mixes
 * their PDs with fixed weights. Stacking (Wolpert 1992) splits the rows into stratified folds,
 * trains every member on all folds but one and predicts the held-out fold, so each row's member
 * logits come from models that never saw it; a logistic meta-model is fitted on those
 * out-of-fold logits, then the members are refitted on every row. Member seeds derive from `seed`.
 */
export async function trainEnsembleWith(
  fitMember: MemberFitter,
  frame: Frame,
  target: string,
  options: Partial<EnsembleOptions> = {},
): Promise<EnsembleTrainResult> {
  const o = { ...defaultEnsembleOptions, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as EnsembleOptions;
  const fail = (option: string, problem: string, value: unknown) => {
    throw new CredoError('E_LEARNER_OPTION', { model: 'ensemble', option, problem, value: JSON.stringify(value) });
  };
  if (o.method !== 'average' && o.method !== 'stacking') fail('method', 'must be average or stacking', o.method);
  if (o.members.length === 0) fail('members', 'needs at least one member', o.members);
  for (const m of o.members) if ((m.kind as string) === 'ensemble') fail('members', 'an ensemble cannot contain an ensemble', m.kind);
  if (!Number.isInteger(o.folds) || o.folds < 2) fail('folds', 'must be an integer ≥ 2', o.folds);
  const labels = outcomeLabels(frame, target);
  const memberSeed = (k: number, fold: number) => deriveSeed(o.seed, 1000 + k * 100 + fold);
  const trainMember = (k: number, data: Frame, fold: number): Promise<CredoModel> => {
    const spec = o.members[k]!;
    return fitMember({ kind: spec.kind, params: { seed: memberSeed(k, fold), ...(spec.params ?? {}) } }, data);
  };
  const members: CredoModel[] = [];
  if (o.method === 'average') {
    const raw = o.weights ?? o.members.map(() => 1);
    if (raw.length !== o.members.length || raw.some((w) => !(w >= 0)) || !raw.some((w) => w > 0))
      fail('weights', 'must be one weight ≥ 0 per member, not all 0', raw);
    const total = raw.reduce((a, b) => a + b, 0);
    for (let k = 0; k < o.members.length; k++) members.push(await trainMember(k, frame, 0));
    return { body: { version: 1, method: 'average', members, weights: raw.map((w) => w / total), intercept: 0, folds: 0 } };
  }
  const foldIds = stratifiedKFold(labels, o.folds, deriveSeed(o.seed, 41));
  const n = frame.rowCount;
  const oofLogits = o.members.map(() => new Float64Array(n));
  for (let fold = 0; fold < o.folds; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < n; i++) (foldIds[i] === fold ? testRows : trainRows).push(i);
    const train = frame.take(Int32Array.from(trainRows));
    const test = frame.take(Int32Array.from(testRows));
    for (let k = 0; k < o.members.length; k++) {
      const model = await trainMember(k, train, fold + 1);
      const raw = predictRaw(model, test);
      const out = oofLogits[k]!;
      for (let t = 0; t < testRows.length; t++) out[testRows[t]!] = raw[t]!;
    }
  }
  const meta = trainLogistic(oofLogits, labels, { l2: o.metaL2 });
  for (let k = 0; k < o.members.length; k++) members.push(await trainMember(k, frame, 0));
  return {
    body: { version: 1, method: 'stacking', members, weights: Array.from(meta.coefficients), intercept: meta.intercept, folds: o.folds },
    foldIds,
    oofLogits,
  };
}
