// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { protectedInCatalogue } from '../../explain/index.js';
import type { Frame } from '../../frame/index.js';
import { leakageChecks, protectedFeatures } from '../../ml/checks/index.js';
import { splitRows } from '../../ml/gbdt/index.js';
import type { BinaryEvaluation } from '../../ml/metrics/index.js';
import type { CommandContext } from '../command.js';
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
 * After training: a model whose validation (or cross-validated) AUC is 1 separates unseen rows perfectly, which real
 * credit data never allows: refused unless `--allow-leakage`. An in-sample AUC of 1 is only a
 * warning: deep trees can memorise small training sets without any leaking column.
 */
export function checkFittedAuc(auc: number, sample: 'validation' | 'cross-validated' | 'training', allow: boolean): string[] {
  if (!(auc >= 0.9999)) return [];
  const message = `the model's ${sample} AUC is ${auc.toFixed(4)}: it separates the target perfectly, which points to leakage`;
  if (sample !== 'training' && !allow) throw new CredoError('E_MODEL_LEAKAGE', { problem: message });
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

/** Parses `--monotone col:+1,col:-1`. */
export function parseMonotone(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const match = /^(.+):([+-]?1|0)$/.exec(item.trim());
    if (match === null) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'monotone', problem: 'expected column:+1, column:-1 or column:0', value: item });
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

/** Flags a family would silently ignore: refused with a message saying what to use instead. */
export function refuseIgnoredFlags(
  model: string,
  args: { readonly monotone: readonly string[]; readonly trees?: number | undefined; readonly valid?: string | undefined },
): void {
  const refuse = (flag: string, why: string, value: string) => {
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag, problem: `--model ${model} ${why}`, value });
  };
  if (model !== 'gbdt' && model !== 'forest' && model !== 'logistic' && args.monotone.length > 0) {
    const why: Record<string, string> = {
      scorecard: 'is monotone by construction (each characteristic is binned with a monotone bad-rate trend)',
      svm: 'takes no monotone constraints (its solver has no sign-constrained weights; --model logistic --monotone is the constrained linear model)',
      mlp: 'takes no monotone constraints (a hidden layer can bend any feature both ways; bounding it needs a constrained architecture Credo does not have)',
      ensemble: 'takes no monotone constraints (a stacked or averaged ensemble is monotone only if every member is)',
    };
    refuse('monotone', `${why[model] ?? 'takes no monotone constraints'}; --monotone constrains gbdt, forest and logistic`, args.monotone.join(','));
  }
  if (model !== 'gbdt' && model !== 'forest' && model !== 'ensemble' && args.trees !== undefined)
    refuse('trees', 'has no trees (--trees sets gbdt boosting rounds, forest size, and the tree members of an ensemble)', String(args.trees));
  if (model !== 'gbdt' && args.valid !== undefined)
    refuse('valid', 'validates on a hold-out of --data: use --valid-fraction (a separate file is gbdt-only)', args.valid);
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
