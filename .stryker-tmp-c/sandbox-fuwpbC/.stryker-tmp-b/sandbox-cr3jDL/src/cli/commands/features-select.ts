// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { featureImportance } from '../../explain/index.js';
import { type Frame, numericColumn } from '../../frame/index.js';
import { targetLabels } from '../../ml/binning/index.js';
import { trainableKinds } from '../../ml/ensemble/index.js';
import type { ModelKind } from '../../ml/model.js';
import {
  compareSelection,
  computeFeatureFacts,
  type FeatureFacts,
  filterFeatures,
  recursiveElimination,
  type SelectionMethod,
  selectionMethods,
  stepwiseSelect,
} from '../../ml/selection/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatTable, printResult } from '../output.js';
import { defaultExplainThreads, explainFrame } from './explain-common.js';
import { comparisonReport, renderComparison } from './features-select-report.js';

/** `credo features select`: filter, stepwise and RFE feature selection, reporting what was dropped and why; with --method, every method side by side. */
export const featuresSelectCommand = defineCommand({
  name: 'features select',
  summary: 'Select features: drop by missing share, IV, correlation, VIF; stepwise; RFE; IG, permutation and Boruta rankings side by side, stable over folds',
  details:
    'Each feature is binned (optimal, monotone auto) for its IV; the regression stages use WOE values (--transform woe,\n' +
    'default) or mean-filled raw values (--transform raw; categorical features still use WOE). Rows with an empty target\n' +
    'are excluded. Example: credo features select --data german.csv --target bad --min-iv 0.02 --max-corr 0.8 --stepwise both\n' +
    'With --method iv,ig,rfe,stepwise,permutation,boruta every method ranks every feature in one table; a feature that\n' +
    'passes the filters is kept when at least half the methods choose it and, with --folds K, when the same rule chose it\n' +
    "in at least --min-frequency of the K fold runs (docs/models.md states each method's test).\n" +
    'Example: credo features select --data german.csv --target bad --method iv,ig,rfe,stepwise,permutation,boruta --folds 5',
  flags: {
    data: { type: 'string', required: true, description: 'training data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad' },
    features: { type: 'list', description: 'candidate features (default: every column but the target and --exclude)' },
    exclude: { type: 'list', description: 'columns that are not candidates' },
    transform: { type: 'enum', choices: ['woe', 'raw'] as const, default: 'woe', description: 'values used by correlation, VIF, stepwise and RFE' },
    'max-missing': { type: 'number', default: 0.95, min: 0, max: 1, description: 'drop features missing in more than this share of rows' },
    'min-iv': { type: 'number', default: 0.02, min: 0, description: 'drop features with a lower IV' },
    'max-corr': { type: 'number', default: 0.8, min: 0, max: 1, description: 'of a pair with a higher |correlation|, drop the lower-IV one' },
    'max-vif': { type: 'number', default: 10, min: 1, description: 'drop the largest-VIF feature while any VIF exceeds this' },
    stepwise: {
      type: 'enum',
      choices: ['none', 'forward', 'backward', 'both'] as const,
      default: 'none',
      description: 'stepwise logistic selection after the filters (method stepwise: none means both)',
    },
    criterion: { type: 'enum', choices: ['aic', 'bic', 'auc', 'ks'] as const, default: 'aic', description: 'stepwise criterion (AUC/KS in-sample)' },
    rfe: { type: 'int', min: 1, description: 'recursive feature elimination down to this many features (method rfe: default the AIC-best size)' },
    method: { type: 'list', description: `ranking methods side by side (${selectionMethods.join(', ')})` },
    folds: { type: 'int', default: 0, min: 0, max: 50, description: 'repeat the selection on the training part of K stratified folds (0 = no)' },
    'min-frequency': { type: 'number', default: 0.5, min: 0, max: 1, description: 'with --folds: keep only features chosen in at least this share of folds' },
    model: { type: 'enum', choices: trainableKinds, default: 'gbdt', description: 'model family of the permutation importance' },
    repeats: { type: 'int', default: 5, min: 1, max: 100, description: 'permutations per feature' },
    rounds: { type: 'int', default: 20, min: 1, max: 500, description: 'Boruta rounds' },
    trees: { type: 'int', default: 50, min: 1, max: 1000, description: 'trees of each Boruta forest' },
    alpha: { type: 'number', default: 0.05, min: 0, max: 1, description: 'family-wise level of the IG G-test and of Boruta (Bonferroni over the features)' },
    'max-rows': { type: 'int', default: 5000, min: 50, description: 'permutation and Boruta use a seeded sample of at most this many rows' },
    seed: { type: 'int', default: 0, description: 'seed of folds, samples, permutations, shadows and models' },
    causal: { type: 'list', description: 'the truly causal features, when known (synthetic data): report how many each method recovers' },
  },
  async run(args, _positionals, context) {
    const all: Frame = await readDataFile(context, args.data, args);
    const allLabels = targetLabels(all.column(args.target));
    const known = Uint8Array.from(allLabels, (v) => (Number.isNaN(v) ? 0 : 1));
    const excluded = known.length - known.reduce((s, v) => s + v, 0);
    const frame = excluded > 0 ? all.filter(known) : all;
    const labels = excluded > 0 ? allLabels.filter((v) => !Number.isNaN(v)) : allLabels;
    const skip = new Set([args.target, ...args.exclude]);
    const candidates = args.features.length > 0 ? args.features : frame.names.filter((n) => !skip.has(n));
    if (candidates.length === 0)
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'features', problem: 'no candidate feature', value: args.features.join(',') });
    for (const name of [...candidates, ...args.causal])
      if (!frame.has(name)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: name, source: `--features/--causal (file "${args.data}")` });
    if (args.folds === 1) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'folds', problem: 'must be 0 (no stability run) or at least 2', value: 1 });
    if (args.folds > 0 && args.method.length === 0)
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'folds', problem: 'needs --method (the methods to repeat over the folds)', value: args.folds });
    const filters = { maxMissingShare: args['max-missing'], minIv: args['min-iv'], maxCorrelation: args['max-corr'], maxVif: args['max-vif'] };
    if (args.method.length > 0) {
      const requested = args.method.map((m) => {
        if (!selectionMethods.includes(m as SelectionMethod))
          throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'method', problem: `each method must be one of ${selectionMethods.join(', ')}`, value: m });
        return m as SelectionMethod;
      });
      const methods = [...new Set(requested)];
      const labelled = frame.withColumn(numericColumn(args.target, labels));
      const progress = (text: string) => context.stderr(`features select: ${text}\n`);
      let where = 'all rows';
      const comparison = await compareSelection(labelled, args.target, candidates, {
        methods,
        transform: args.transform,
        filters,
        stepwise: { direction: args.stepwise === 'none' ? 'both' : args.stepwise, criterion: args.criterion },
        rfe: args.rfe,
        igAlpha: args.alpha,
        borutaAlpha: args.alpha,
        model: args.model as ModelKind,
        repeats: args.repeats,
        rounds: args.rounds,
        borutaTrees: args.trees,
        maxRows: args['max-rows'],
        seed: args.seed,
        folds: args.folds,
        minFrequency: args['min-frequency'],
        onStage: (stage) => progress(`${where}: ${stage}`),
        onFold: (fold) => {
          where = `fold ${fold}/${args.folds}`;
        },
      });
      const permutation = comparison.full.permutation;
      let meanAbsShap: Map<string, number> | undefined;
      if (permutation !== undefined && (permutation.model.kind === 'gbdt' || permutation.model.kind === 'forest')) {
        const { explanation, explainer } = await explainFrame(permutation.model, permutation.valid, defaultExplainThreads(permutation.valid.rowCount));
        meanAbsShap = new Map(featureImportance(explainer?.ensemble, explanation.features, explanation).map((r) => [r.feature, r.meanAbsShap ?? 0]));
      }
      const result = comparisonReport(comparison, {
        data: args.data,
        target: args.target,
        excluded,
        transform: args.transform,
        methods,
        folds: args.folds,
        minFrequency: args['min-frequency'],
        seed: args.seed,
        causal: args.causal,
        meanAbsShap,
        settings: { model: args.model, repeats: args.repeats, rounds: args.rounds, trees: args.trees, alpha: args.alpha, maxRows: args['max-rows'] },
      });
      printResult(context, result, () => renderComparison(result));
      return 0;
    }
    const { facts } = await computeFeatureFacts(frame, labels, candidates, args.transform);
    const filtered = filterFeatures(facts, filters);
    const dropped = [...filtered.dropped];
    let kept = filtered.kept;
    const columns = () => new Map(kept.map((k) => [k, (facts.find((f) => f.name === k) as FeatureFacts).values]));
    let steps: unknown[] = [];
    if (args.stepwise !== 'none' && kept.length > 0) {
      const r = stepwiseSelect(columns(), labels, { direction: args.stepwise, criterion: args.criterion });
      for (const k of kept)
        if (!r.selected.includes(k))
          dropped.push({ feature: k, rule: 'stepwise', reason: `not selected by ${args.stepwise} stepwise (${args.criterion})`, value: r.value });
      kept = kept.filter((k) => r.selected.includes(k));
      steps = r.steps;
    }
    let eliminated: unknown[] = [];
    if (args.rfe !== undefined && kept.length > args.rfe) {
      const r = recursiveElimination(columns(), labels, args.rfe);
      for (const e of r.eliminated)
        dropped.push({ feature: e.feature, rule: 'rfe', reason: `eliminated with importance |β|·sd = ${e.importance.toFixed(4)}`, value: e.importance });
      kept = kept.filter((k) => r.selected.includes(k));
      eliminated = r.eliminated;
    }
    const iv = new Map(facts.map((f) => [f.name, f.iv]));
    const result = {
      data: args.data,
      target: args.target,
      rows: frame.rowCount,
      excluded_rows: excluded,
      transform: args.transform,
      kept: kept.map((k) => ({ feature: k, iv: iv.get(k) ?? 0 })),
      dropped: dropped.map((d) => ({ ...d, iv: iv.get(d.feature) ?? 0 })),
      stepwise_steps: steps,
      rfe_eliminated: eliminated,
    };
    printResult(context, result, () => {
      let out = `${result.rows} rows (${excluded} with an empty target excluded); ${kept.length} of ${candidates.length} features kept\n`;
      out += formatTable(
        ['feature', 'IV', 'status', 'rule', 'reason'],
        [...result.kept.map((k) => [k.feature, k.iv, 'kept', '', '']), ...result.dropped.map((d) => [d.feature, d.iv, 'dropped', d.rule, d.reason])],
      );
      return out;
    });
    return 0;
  },
});
