import { CredoError } from '../../errors/index.js';
import { protectedInCatalogue } from '../../explain/index.js';
import type { Frame } from '../../frame/index.js';
import { leakageChecks, protectedFeatures } from '../../ml/checks/index.js';
import { splitRows } from '../../ml/gbdt/index.js';
import type { BinaryEvaluation } from '../../ml/metrics/index.js';
import type { CommandContext } from '../command.js';
import { formatPValue } from '../output.js';
import { readCatalogue } from './explain-common.js';

/** Flags `credo train` adds for the leakage and protected-attribute checks (every family). */
export const trainingCheckFlags = {
  'allow-leakage': { type: 'boolean', description: 'train even when a feature (or the model) separates the target perfectly' },
  'allow-protected': {
    type: 'boolean',
    description: 'allow protected attributes (age, sex, marital status, national origin, …) as features (score --reasons still refuses the model)',
  },
  protected: { type: 'list', description: 'more protected columns (beyond the built-in words and the catalogue’s "protected": true), e.g. region,postcode' },
  'leakage-iv': { type: 'number', default: 0.5, min: 0, description: 'warn when a feature’s information value is above this' },
  catalogue: { type: 'string', description: 'reason catalogue JSON marking protected columns (default: data/reasons.json)' },
} as const;

/** The flag values the checks read. */
export interface TrainingCheckArgs {
  readonly 'allow-leakage': boolean;
  readonly 'allow-protected': boolean;
  readonly protected: readonly string[];
  readonly 'leakage-iv': number;
  readonly catalogue?: string | undefined;
}

/**
 * Checks the features before training: protected attributes stop training unless
 * `--allow-protected` (ECOA/Reg B), a feature that separates the target stops it unless
 * `--allow-leakage`; near-copies, high IV and id-like columns become warnings (returned, for the
 * summary's `warnings`, and printed on stderr by the caller).
 */
export async function checkTrainingFeatures(
  frame: Frame,
  labels: Float64Array,
  features: readonly string[],
  args: TrainingCheckArgs,
  context: CommandContext,
): Promise<string[]> {
  const warnings: string[] = [];
  const catalogue = await readCatalogue(context.cwd, args.catalogue);
  const found = protectedFeatures(features, [...args.protected, ...protectedInCatalogue(catalogue)]);
  if (found.length > 0) {
    const list = found.map((f) => `"${f}"`).join(', ');
    if (!args['allow-protected']) {
      throw new CredoError('E_MODEL_PROTECTED', {
        problem: `refusing to train on protected attribute(s) ${list} (ECOA/Reg B: age, sex, marital status, national origin, … may not drive a credit decision). Remove them with --exclude ${found.join(',')}, or pass --allow-protected (e.g. for a fairness study)`,
        features: found,
      });
    }
    warnings.push(`protected attribute(s) ${list} used as features (--allow-protected): they can never be given as reasons`);
  }
  const findings = leakageChecks(frame, labels, features, { ivThreshold: args['leakage-iv'] });
  const blocking = findings.filter((f) => f.kind === 'separation');
  if (blocking.length > 0 && !args['allow-leakage']) {
    throw new CredoError('E_MODEL_LEAKAGE', { problem: blocking.map((f) => f.message).join('; '), findings: blocking });
  }
  for (const f of findings) warnings.push(f.message);
  return warnings;
}

/**
 * After training: a model whose validation AUC is 1 separates unseen rows perfectly, which real
 * credit data never allows: refused unless `--allow-leakage`. An in-sample AUC of 1 is only a
 * warning: deep trees can memorise small training sets without any leaking column.
 */
export function checkFittedAuc(auc: number, sample: 'validation' | 'training', allow: boolean): string[] {
  if (!(auc >= 0.9999)) return [];
  const message = `the model's ${sample} AUC is ${auc.toFixed(4)}: it separates the target perfectly, which points to leakage`;
  if (sample === 'validation' && !allow) throw new CredoError('E_MODEL_LEAKAGE', { problem: message });
  return [message];
}

/**
 * Holds out `fraction` of the rows (seeded, as the GBDT's `--valid-fraction`) for out-of-sample
 * metrics; without a fraction the frame is returned whole.
 */
export function holdOut(frame: Frame, fraction: number | undefined, seed: number): { frame: Frame; valid?: Frame } {
  if (fraction === undefined || fraction <= 0) return { frame };
  const [train, valid] = splitRows(frame, fraction, seed);
  return { frame: train, valid };
}

/** Flags a family would silently ignore: refused with a message saying what to use instead. */
export function refuseIgnoredFlags(
  model: string,
  args: { readonly monotone: readonly string[]; readonly trees?: number | undefined; readonly valid?: string | undefined },
): void {
  const refuse = (flag: string, why: string, value: string) => {
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag, problem: `--model ${model} ${why}`, value });
  };
  if (model !== 'gbdt' && args.monotone.length > 0) {
    refuse(
      'monotone',
      model === 'scorecard'
        ? 'is monotone by construction (each characteristic is binned with a monotone bad-rate trend); --monotone constrains gbdt trees'
        : 'takes no monotone constraints; use --model gbdt --monotone, or a scorecard (monotone bad rates by construction)',
      args.monotone.join(','),
    );
  }
  if (model !== 'gbdt' && model !== 'forest' && model !== 'ensemble' && args.trees !== undefined)
    refuse('trees', 'has no trees (--trees sets gbdt boosting rounds, forest size, and the tree members of an ensemble)', String(args.trees));
  if (model !== 'gbdt' && args.valid !== undefined)
    refuse('valid', 'validates on a hold-out of --data: use --valid-fraction (a separate file is gbdt-only)', args.valid);
}

/** Summary-table rows of the in-sample and out-of-sample metrics (a forest's out-of-bag AUC when nothing is held out), with a poor fit (Hosmer–Lemeshow p < 0.01) said in words. */
export function outOfSampleRows(train: Record<string, number>, valid: Record<string, number> | null, outOfBagAuc?: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const add = (prefix: string, metrics: Record<string, number>) => {
    for (const [k, v] of Object.entries(metrics)) {
      if (k === 'hosmer_lemeshow_p')
        rows.push([`${prefix} calibration (Hosmer–Lemeshow p)`, v < 0.01 ? `${formatPValue(v)}: poor fit (p < 0.01)` : formatPValue(v)]);
      else rows.push([`${prefix} ${k}`, v]);
    }
  };
  add('train', train);
  if (valid !== null) add('valid', valid);
  else if (outOfBagAuc !== undefined) rows.push(['out-of-sample', `out-of-bag AUC ${outOfBagAuc.toFixed(4)}; --valid-fraction 0.2 adds hold-out metrics`]);
  else rows.push(['out-of-sample', 'none: add --valid-fraction 0.2 for hold-out metrics (train figures are optimistic)']);
  return rows;
}

/** The headline figures of an evaluation for a training summary, with the Hosmer–Lemeshow p-value. */
export function headlineMetrics(e: BinaryEvaluation): Record<string, number> {
  return {
    auc: e.auc,
    gini: e.gini,
    ks: e.ks,
    logloss: e.logloss,
    brier: e.brier,
    rows: e.rows,
    bad_rate: e.bad_rate,
    hosmer_lemeshow_p: e.hosmer_lemeshow.p_value,
  };
}
