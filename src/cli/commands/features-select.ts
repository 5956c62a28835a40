import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { fitBinning, targetLabels, transformWoe } from '../../ml/binning/index.js';
import { type FeatureFacts, filterFeatures, recursiveElimination, stepwiseSelect } from '../../ml/selection/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatTable, printResult } from '../output.js';

/** `credo features select`: filter, stepwise and RFE feature selection, reporting what was dropped and why. */
export const featuresSelectCommand = defineCommand({
  name: 'features select',
  summary: 'Select features: drop by missing share, IV, correlation, VIF; stepwise by AIC/BIC/AUC/KS; recursive elimination',
  details:
    'Each feature is binned (optimal, monotone auto) for its IV; the regression stages use WOE values (--transform woe,\n' +
    'default) or mean-filled raw values (--transform raw; categorical features still use WOE). Rows with an empty target\n' +
    'are excluded. Example: credo features select --data german.csv --target bad --min-iv 0.02 --max-corr 0.8 --stepwise both',
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
      description: 'stepwise logistic selection after the filters',
    },
    criterion: { type: 'enum', choices: ['aic', 'bic', 'auc', 'ks'] as const, default: 'aic', description: 'stepwise criterion (AUC/KS in-sample)' },
    rfe: { type: 'int', min: 1, description: 'recursive feature elimination down to this many features' },
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
    const facts: FeatureFacts[] = [];
    for (const name of candidates) {
      const column = frame.column(name);
      const binning = await fitBinning(column, labels, { solver: 'dp' });
      let missing = 0;
      let values: Float64Array;
      if (column.type === 'number') {
        let sum = 0;
        for (let i = 0; i < column.values.length; i++) {
          const v = column.values[i] as number;
          if (Number.isNaN(v)) missing++;
          else sum += v;
        }
        const fill = column.values.length > missing ? sum / (column.values.length - missing) : 0;
        values = args.transform === 'raw' ? Float64Array.from(column.values, (v) => (Number.isNaN(v) ? fill : v)) : transformWoe(column, binning);
      } else {
        for (let i = 0; i < column.codes.length; i++) if ((column.codes[i] as number) < 0) missing++;
        values = transformWoe(column, binning);
      }
      facts.push({
        name,
        missingShare: frame.rowCount > 0 ? missing / frame.rowCount : 0,
        iv: binning.iv,
        ...(binning.note === undefined ? {} : { ivNote: binning.note }),
        values,
      });
    }
    const filtered = filterFeatures(facts, {
      maxMissingShare: args['max-missing'],
      minIv: args['min-iv'],
      maxCorrelation: args['max-corr'],
      maxVif: args['max-vif'],
    });
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
