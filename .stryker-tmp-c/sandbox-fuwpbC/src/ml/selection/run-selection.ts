// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { type Frame, numericColumn } from '../../frame/index.js';
import { deriveSeed } from '../../random/index.js';
import { fitModel, type MemberSpec } from '../ensemble/index.js';
import { stratifiedKFold } from '../metrics/index.js';
import type { CredoModel, ModelKind } from '../model.js';
import { predictRaw } from '../predict-model.js';
import { type BorutaResult, borutaSelect } from './boruta.js';
import { computeFeatureFacts } from './feature-facts.js';
import { type DroppedFeature, type FilterOptions, filterFeatures } from './filter-features.js';
import { type InformationGain, informationGain, levelCounts } from './information-gain.js';
import { permutationImportance, permutedOrder } from './permutation-importance.js';
import { bestRfeSize, recursiveElimination } from './rfe.js';
import { type StepwiseCriterion, stepwiseSelect } from './stepwise.js';

/** The ranking methods `runSelection` can compare. */
export type SelectionMethod = 'iv' | 'ig' | 'rfe' | 'stepwise' | 'permutation' | 'boruta';

/** Every method, in the order the side-by-side table lists them. */
export const selectionMethods: readonly SelectionMethod[] = ['iv', 'ig', 'rfe', 'stepwise', 'permutation', 'boruta'];

/** One method's view of one feature. */
export interface MethodScore {
  /** The method's measure (IV, IG bits, RFE |β|·sd when eliminated, stepwise step, mean ΔAUC, Boruta hits: ties ranked by mean importance); null when not scored. */
  readonly score: number | null;
  /** 1 = best; null when the method did not rank the feature (e.g. removed by a filter before stepwise). */
  readonly rank: number | null;
  readonly chosen: boolean;
}

/** Options of `runSelection`; see `credo features select --help` for the defaults the CLI uses. */
export interface RunSelectionOptions {
  readonly methods: readonly SelectionMethod[];
  readonly transform: 'woe' | 'raw';
  readonly filters: FilterOptions;
  readonly stepwise: { readonly direction: 'forward' | 'backward' | 'both'; readonly criterion: StepwiseCriterion };
  /** RFE keeps this many; undefined: the path size with the smallest AIC (BIC when the stepwise criterion is BIC). */
  readonly rfe?: number | undefined;
  /** Family-wise level of the IG G-test, Bonferroni over the candidates [0.05]. */
  readonly igAlpha?: number;
  /** Family whose permutation importance is measured. */
  readonly model: ModelKind;
  readonly repeats: number;
  /** Boruta rounds (the importance: a random forest's held-out permutation importance). */
  readonly rounds: number;
  readonly borutaAlpha?: number;
  /** Trees of each Boruta forest. */
  readonly borutaTrees: number;
  /** Permutation and Boruta use at most this many rows (a seeded sample). */
  readonly maxRows: number;
  readonly seed: number;
  /** Progress: called with a short stage name. */
  readonly onStage?: (stage: string) => void;
}

/** Everything one selection run found. */
export interface SelectionRun {
  readonly rows: number;
  readonly candidates: readonly string[];
  readonly iv: ReadonlyMap<string, number>;
  readonly missingShare: ReadonlyMap<string, number>;
  /** Drops by the filters (constant, missing, IV, correlation, VIF), as `filterFeatures` reports them. */
  readonly filtered: readonly DroppedFeature[];
  /** Survivors of the filters, candidate order. */
  readonly survivors: readonly string[];
  readonly scores: ReadonlyMap<SelectionMethod, ReadonlyMap<string, MethodScore>>;
  /** Survivors chosen by at least half of the methods. */
  readonly chosen: readonly string[];
  readonly ig?: readonly InformationGain[];
  readonly stepwise?: ReturnType<typeof stepwiseSelect>;
  readonly rfe?: ReturnType<typeof recursiveElimination> & { readonly keep: number };
  readonly permutation?: ReturnType<typeof permutationImportance> & { readonly model: CredoModel; readonly valid: Frame; readonly trainRows: number };
  readonly boruta?: BorutaResult;
}

/** Votes needed: at least half of the methods (rounded up). */
export function votesNeeded(methods: number): number {
  return Math.ceil(methods / 2);
}

/**
 * One selection run on labelled rows (`frame` holds the 0/1 `target`): the filters of
 * `filterFeatures`, then every requested method ranks the candidates and chooses some —
 * iv: IV ≥ minIv; ig: G-test of independence on the IV bins (categories one by one) significant at
 * igAlpha/candidates; stepwise and rfe: the logistic searches on the filter survivors (rfe keeps
 * `rfe` features, else the AIC/BIC-best size on its path); permutation: mean ΔAUC on a stratified
 * quarter held out from the model, chosen when mean − 2·se > 0; boruta: confirmed by `borutaSelect`
 * with a random forest's permutation importance on a held-out quarter. A survivor of the filters is chosen when at least half the methods
 * choose it.
 */
export async function runSelection(frame: Frame, target: string, candidates: readonly string[], options: RunSelectionOptions): Promise<SelectionRun> {
  if (options.methods.length === 0) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'method', problem: 'give at least one method', value: '' });
  const labels = frame.numeric(target).values;
  const { facts, binnings } = await computeFeatureFacts(frame, labels, candidates, options.transform);
  const filtered = filterFeatures(facts, options.filters);
  const survivors = candidates.filter((c) => filtered.kept.includes(c));
  const columns = () => new Map(survivors.map((k) => [k, facts.find((f) => f.name === k)?.values as Float64Array]));
  const scores = new Map<SelectionMethod, Map<string, MethodScore>>();
  const ranked = (values: Map<string, number>, chosen: (name: string, value: number) => boolean, tie?: Map<string, number>) => {
    const order = [...values].sort(
      (a, b) =>
        b[1] - a[1] || (tie === undefined ? 0 : (tie.get(b[0]) as number) - (tie.get(a[0]) as number)) || candidates.indexOf(a[0]) - candidates.indexOf(b[0]),
    );
    return new Map(
      candidates.map((c) => [
        c,
        { score: values.get(c) ?? null, rank: order.findIndex(([n]) => n === c) + 1 || null, chosen: values.has(c) && chosen(c, values.get(c) as number) },
      ]),
    );
  };
  const run: { -readonly [K in keyof SelectionRun]?: SelectionRun[K] } = {};
  for (const method of options.methods) {
    options.onStage?.(method);
    if (method === 'iv') {
      const minIv = options.filters.minIv ?? 0.02;
      scores.set(
        'iv',
        ranked(new Map(facts.map((f) => [f.name, f.iv])), (_, v) => v >= minIv),
      );
    } else if (method === 'ig') {
      const ig = candidates.map((name) => {
        const { goods, bads } = levelCounts(frame.column(name), labels, binnings.get(name));
        return informationGain(name, goods, bads);
      });
      const level = (options.igAlpha ?? 0.05) / candidates.length;
      const p = new Map(ig.map((r) => [r.feature, r.pValue]));
      scores.set(
        'ig',
        ranked(new Map(ig.map((r) => [r.feature, r.ig])), (name) => (p.get(name) as number) < level),
      );
      run.ig = ig;
    } else if (method === 'stepwise') {
      const r = survivors.length > 0 ? stepwiseSelect(columns(), labels, options.stepwise) : { selected: [], steps: [], value: Number.NaN };
      // Rank: the order in which the selected features first entered (backward: the order they stayed in).
      const entered = r.steps.filter((s) => s.action === 'add').map((s) => s.feature);
      const order = [...new Set([...entered, ...r.selected])].filter((f) => r.selected.includes(f));
      scores.set(
        'stepwise',
        new Map(
          candidates.map((c) => [
            c,
            { score: order.includes(c) ? order.indexOf(c) + 1 : null, rank: order.includes(c) ? order.indexOf(c) + 1 : null, chosen: r.selected.includes(c) },
          ]),
        ),
      );
      run.stepwise = r;
    } else if (method === 'rfe') {
      const r = survivors.length > 0 ? recursiveElimination(columns(), labels, 1) : { selected: [], eliminated: [], path: [] };
      const keep = options.rfe ?? bestRfeSize(r.path, options.stepwise.criterion === 'bic' ? 'bic' : 'aic');
      // Last eliminated = rank 2, the survivor of the full path = rank 1.
      const order = [...r.selected, ...r.eliminated.map((e) => e.feature).reverse()];
      const importance = new Map(r.eliminated.map((e) => [e.feature, e.importance]));
      scores.set(
        'rfe',
        new Map(
          candidates.map((c) => [
            c,
            {
              score: importance.get(c) ?? null,
              rank: order.includes(c) ? order.indexOf(c) + 1 : null,
              chosen: order.indexOf(c) >= 0 && order.indexOf(c) < keep,
            },
          ]),
        ),
      );
      run.rfe = { ...r, selected: order.slice(0, keep), keep };
    } else if (method === 'permutation') {
      const sample = sampleFrame(frame, options.maxRows, options.seed);
      const y = sample.numeric(target).values;
      const folds = stratifiedKFold(y, 4, deriveSeed(options.seed, 1));
      const train = sample.filter(Uint8Array.from(folds, (f) => (f === 0 ? 0 : 1)));
      const valid = sample.filter(Uint8Array.from(folds, (f) => (f === 0 ? 1 : 0)));
      const model = await fitModel({ kind: options.model, params: { seed: options.seed } } as MemberSpec, train, target, candidates);
      const r = permutationImportance((x) => predictRaw(model, x), valid, valid.numeric(target).values, candidates, {
        repeats: options.repeats,
        seed: options.seed,
      });
      const se = new Map(r.features.map((f) => [f.feature, f.se]));
      scores.set(
        'permutation',
        ranked(new Map(r.features.map((f) => [f.feature, f.mean])), (name, mean) => mean - 2 * (se.get(name) as number) > 0),
      );
      run.permutation = { ...r, model, valid, trainRows: train.rowCount };
    } else {
      const sample = sampleFrame(frame, options.maxRows, options.seed);
      const y = numericColumn(target, sample.numeric(target).values);
      // Boruta's importance as in the R package: the permutation importance of a random forest,
      // here measured on a fixed stratified quarter of the rows held out from every forest.
      const folds = stratifiedKFold(y.values, 4, deriveSeed(options.seed, 2));
      const trainMask = Uint8Array.from(folds, (f) => (f === 0 ? 0 : 1));
      const validMask = Uint8Array.from(folds, (f) => (f === 0 ? 1 : 0));
      const r = await borutaSelect(
        sample,
        candidates,
        async (shadowed, names, round) => {
          const labelled = shadowed.withColumn(y);
          const valid = labelled.filter(validMask);
          const model = await fitModel(
            { kind: 'forest', params: { trees: options.borutaTrees, maxDepth: 6, minDataInLeaf: 50, seed: deriveSeed(options.seed, round + 1) } } as MemberSpec,
            labelled.filter(trainMask),
            target,
            names,
          );
          const importance = permutationImportance((x) => predictRaw(model, x), valid, valid.numeric(target).values, names, {
            repeats: 1,
            seed: deriveSeed(options.seed, 1000 + round),
          });
          return Float64Array.from(importance.features, (f) => f.mean);
        },
        {
          rounds: options.rounds,
          seed: options.seed,
          ...(options.borutaAlpha === undefined ? {} : { alpha: options.borutaAlpha }),
          onRound: (k) => (k % 5 === 0 || k === options.rounds ? options.onStage?.(`boruta round ${k}/${options.rounds}`) : undefined),
        },
      );
      const decision = new Map(r.features.map((f) => [f.feature, f.decision]));
      scores.set(
        'boruta',
        ranked(
          new Map(r.features.map((f) => [f.feature, f.hits])),
          (name) => decision.get(name) === 'confirmed',
          new Map(r.features.map((f) => [f.feature, f.meanImportance])),
        ),
      );
      run.boruta = r;
    }
  }
  const needed = votesNeeded(options.methods.length);
  const chosen = survivors.filter((c) => options.methods.filter((m) => scores.get(m)?.get(c)?.chosen).length >= needed);
  return {
    ...run,
    rows: frame.rowCount,
    candidates,
    iv: new Map(facts.map((f) => [f.name, f.iv])),
    missingShare: new Map(facts.map((f) => [f.name, f.missingShare])),
    filtered: filtered.dropped,
    survivors,
    scores,
    chosen,
  };
}

/** At most `max` rows of `frame`, a seeded sample kept in row order (the frame itself when small enough). */
export function sampleFrame(frame: Frame, max: number, seed: number): Frame {
  if (frame.rowCount <= max) return frame;
  const rows = permutedOrder(frame.rowCount, deriveSeed(seed, 7)).slice(0, max).sort();
  return frame.take(rows);
}
