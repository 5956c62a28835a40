// @ts-nocheck
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { loadModel } from '../../io/model-file.js';
import { type BinaryEvaluation, type CutoffRow, cutoffsForApprovalRates, cutoffTable, evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatCell, formatCount, formatPercent, formatPoints, formatPValue, formatTable, printResult } from '../output.js';
import { dropMissingTarget } from './learner-data.js';

/** Category columns of a model's schema, so data files are read with matching types. */
export function schemaTypes(schema: { columns: readonly { name: string; type: 'number' | 'category' }[] }): Record<string, 'number' | 'category'> {
  return Object.fromEntries(schema.columns.filter((c) => c.type === 'category').map((c) => [c.name, c.type]));
}

/** `credo evaluate`: metrics of a PD model on labelled data (REFERENCE §1). */
export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary: 'Evaluate a PD model on labelled data: AUC, Gini, KS, log loss, Brier, confusion, gains, calibration',
  details: 'Rows with an empty target are excluded and counted.\nExample: credo evaluate --model pd.json --data test.csv --target bad --threshold 0.2',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'labelled data (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', required: true, description: 'target column, 1 = bad' },
    threshold: { type: 'number', default: 0.5, min: 0, max: 1, description: 'PD at or above which a row counts as predicted bad' },
    bands: { type: 'int', default: 10, min: 1, max: 100, description: 'score bands of the gains and calibration tables' },
    cutoffs: {
      type: 'list',
      description: 'PD cutoffs of the cutoff table (approve when PD < cutoff); default: the PDs approving 50, 60, 70, 80, 85, 90 and 95%',
    },
  },
  async run(args, _positionals, context) {
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    const all = await readDataFile(context, args.data, args, schemaTypes(model.schema));
    const { frame, excluded } = dropMissingTarget(all, args.target);
    if (excluded > 0) context.stderr(`excluded ${excluded} of ${all.rowCount} rows with an empty "${args.target}" (no outcome)\n`);
    const pd = predictPd(model, frame);
    const evaluation = evaluateBinary(pd, frame.numeric(args.target).values, { threshold: args.threshold, bands: args.bands });
    const cutoffs = args.cutoffs.length > 0 ? args.cutoffs.map((c) => parseCutoff(c)) : cutoffsForApprovalRates(pd);
    const cutoffRows = cutoffTable(pd, frame.numeric(args.target).values, cutoffs);
    const result = { model: args.model, data: args.data, excluded_rows: excluded, ...evaluation, cutoffs: cutoffRows };
    printResult(context, result, () => renderEvaluation(evaluation, cutoffRows, args.cutoffs.length > 0));
    return 0;
  },
});

function parseCutoff(text: string): number {
  const value = Number(text);
  if (!(text.trim() !== '' && value >= 0 && value <= 1))
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'cutoffs', problem: 'each cutoff must be a PD in [0, 1]', value: text });
  return value;
}

/**
 * The human report of `evaluate`: headline metrics, the gains/lift and calibration tables by score
 * band (band 1 = riskiest), the cutoff table and the confusion matrix at --threshold.
 */
export function renderEvaluation(e: BinaryEvaluation, cutoffs: readonly CutoffRow[], explicitCutoffs: boolean): string {
  const head = formatTable(
    ['rows', 'bads', 'bad rate', 'AUC', 'Gini', 'KS', 'log loss', 'Brier'],
    [[e.rows, e.bads, formatPercent(e.bad_rate), e.auc, e.gini, e.ks, e.logloss, e.brier]],
  );
  const range = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '' : `${formatPercent(lo)}–${formatPercent(hi)}`);
  const gains = formatTable(
    ['band', 'PD range', 'rows', 'bads', 'bad rate', 'lift', 'cum. bads caught', 'approval if declined to here', 'cum. lift', 'KS'],
    e.gains.map((g) => [
      g.band,
      range(g.min_pd, g.max_pd),
      g.count,
      g.bads,
      formatPercent(g.bad_rate),
      g.lift,
      formatPercent(g.cum_bad_capture),
      formatPercent(g.cum_approval_rate),
      g.cum_lift,
      g.ks,
    ]),
    { title: 'Gains and lift (band 1 = riskiest)', digits: 3 },
  );
  const hl = e.hosmer_lemeshow;
  const calibration = formatTable(
    ['band', 'rows', 'mean PD', 'observed bad rate', 'difference', 'expected bads', 'observed bads', 'E/O'],
    e.calibration.map((c) => [
      c.band,
      c.count,
      formatPercent(c.mean_pd),
      formatPercent(c.observed_bad_rate),
      formatPoints(c.mean_pd - c.observed_bad_rate),
      c.expected_bads,
      c.observed_bads,
      c.expected_observed_ratio === null ? 'n/a' : c.expected_observed_ratio,
    ]),
    { title: 'Calibration (band 1 = riskiest)', digits: 2 },
  );
  const fit = `Hosmer–Lemeshow: H = ${formatCell(hl.statistic, 2)}, df ${hl.df}, p ${formatPValue(hl.p_value)}${hl.p_value < 0.01 ? ' — poor calibration (p < 0.01)' : ''}\n`;
  const table = formatTable(
    ['approve if PD <', 'approved', 'approval rate', 'bad rate (approved)', 'bads caught (recall)', 'bad share of declines', 'goods declined'],
    cutoffs.map((c) => [
      formatPercent(c.cutoff),
      c.approved,
      formatPercent(c.approval_rate),
      formatPercent(c.bad_rate),
      formatPercent(c.recall),
      formatPercent(c.precision),
      formatPercent(c.good_decline_rate),
    ]),
    { title: explicitCutoffs ? 'Cutoffs' : 'Cutoffs (at approval rates 50–95%)' },
  );
  const confusion = `at PD ≥ ${e.threshold} (--threshold): precision ${formatCell(e.precision)}, recall ${formatCell(e.recall)}, F1 ${formatCell(e.f1)}, accuracy ${formatCell(e.accuracy)}; tp ${formatCount(e.confusion.tp)}, fp ${formatCount(e.confusion.fp)}, tn ${formatCount(e.confusion.tn)}, fn ${formatCount(e.confusion.fn)}\n`;
  return `${head}\n${gains}\n${calibration}${fit}\n${table}\n${confusion}`;
}
