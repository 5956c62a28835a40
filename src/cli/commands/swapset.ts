import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { loadModel } from '../../io/model-file.js';
import { predictPd } from '../../ml/predict-model.js';
import { computeSwapset, type InferenceMethod, inferRejects, SWAP_CELLS, type SwapStats, segmentRows, swapCells } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatPercent, formatPoints, formatTable, printResult } from '../output.js';
import { policyApprovals } from './policy-approvals.js';

/** `credo swapset`: old vs new strategy on the same applications (REFERENCE §7), with reject inference. */
export const swapsetCommand = defineCommand({
  name: 'swapset',
  summary: 'Swap set of an old and a new strategy: all-in / swap-out / swap-in / all-out with bad rates and reject inference',
  details:
    '--old/--new take a strategy file (YAML/JSON), or column:NAME for a recorded decision (labels approve/decline, or 1 = approve).\n' +
    'Rows without an outcome (swap-ins, all-outs) get rates only through --infer:\n' +
    '  random-test          the random test group (rows with --random-test = 1), inverse-probability weighted\n' +
    '  score-band[:SCORE]   bad rate by score band of rows with outcomes, applied to the others (× --aggravation)\n' +
    '  parcel[:SCORE]       the same bands, hard bad/good labels drawn per band (--seed)\n' +
    '  fuzzy[:SCORE]        logistic fit of the outcome on the score; each row weighted p bad / 1 − p good\n' +
    'SCORE is a numeric column or a model file (its PD); default --score. Every inferred number is labelled with\n' +
    'its method; with a true outcome column (--true-target, default true_bad when present) the true rate is shown.\n' +
    'Example: credo swapset --data world.csv --old examples/strategies/old-policy.yaml --new examples/strategies/new-policy.yaml --infer random-test',
  flags: {
    data: { type: 'string', required: true, description: 'applications file (.csv or .parquet)' },
    ...schemaFlag,
    old: { type: 'string', required: true, description: 'old strategy file, or column:NAME' },
    new: { type: 'string', required: true, description: 'new strategy file, or column:NAME' },
    target: { type: 'string', default: 'bad', description: '0/1 outcome column (empty = no outcome)' },
    amount: { type: 'string', description: 'amount column for amount-weighted rates (default: requested_amount, when present)' },
    infer: { type: 'string', description: 'reject inference: random-test | score-band[:SCORE] | parcel[:SCORE] | fuzzy[:SCORE]' },
    score: { type: 'string', description: 'score column or model file for the band methods (default for SCORE)' },
    aggravation: { type: 'number', default: 1, min: 0, description: 'multiply inferred bad rates by this factor (capped at 1)' },
    bands: { type: 'int', default: 10, min: 2, max: 100, description: 'score bands for score-band and parcel' },
    'random-test': { type: 'string', default: 'random_test', description: 'column marking the random test group (1 = in it)' },
    'true-target': { type: 'string', description: 'true outcome of every row, to show inference error (default: true_bad, when present)' },
    by: { type: 'string', description: 'segment column: a table per value plus ALL' },
    'refer-as': { type: 'enum', choices: ['decline', 'approve'] as const, default: 'decline', description: 'how a refer decision counts in the 2×2' },
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD' },
    seed: { type: 'int', default: 1, min: 0, description: 'seed for parcelling' },
  },
  async run(args, _positionals, context) {
    const asOf = args['as-of'];
    const frame = await readDataFile(context, args.data, args);
    const referApproves = args['refer-as'] === 'approve';
    const oldSide = await policyApprovals(args.old, 'old', frame, context.cwd, asOf, referApproves);
    const newSide = await policyApprovals(args.new, 'new', frame, context.cwd, asOf, referApproves);
    const amount = args.amount ?? (frame.has('requested_amount') ? 'requested_amount' : undefined);
    const trueTarget = args['true-target'] ?? (frame.has('true_bad') ? 'true_bad' : undefined);
    const target = frame.numeric(args.target).values;
    let inference: ReturnType<typeof inferRejects> | undefined;
    if (args.infer !== undefined) {
      const method = await inferenceMethod(args.infer, args, frame, context.cwd);
      const strata = segmentRows(frame, args.by);
      inference = inferRejects(target, method.method, {
        groups: swapCells(oldSide.approved, newSide.approved),
        groupCount: 4,
        strata: strata.codes,
        strataCount: strata.labels.length,
        scoreName: method.scoreName,
      });
    }
    const report = computeSwapset(frame, oldSide.approved, newSide.approved, {
      target: args.target,
      ...(amount === undefined ? {} : { amount }),
      ...(trueTarget === undefined ? {} : { trueTarget }),
      ...(args.by === undefined ? {} : { by: args.by }),
      ...(inference === undefined ? {} : { inference }),
    });
    const result = {
      old: oldSide.name,
      new: newSide.name,
      rows: frame.rowCount,
      target: args.target,
      amount: amount ?? null,
      true_target: trueTarget ?? null,
      ...report,
    };
    printResult(context, result, () =>
      Object.entries(report.segments)
        .map(([segment, table]) => {
          const rows: [string, SwapStats][] = [
            ...SWAP_CELLS.map((c) => [c, table.cells[c]] as [string, SwapStats]),
            ['old_approved', table.old_approved],
            ['new_approved', table.new_approved],
          ];
          const withTruth = trueTarget !== undefined;
          const body = rows.map(([name, s]): Cell[] => [
            name,
            s.count,
            pct(s.share),
            pct(s.bad_rate),
            pct(s.bad_rate_amount),
            ...(withTruth ? [pct(s.true_bad_rate)] : []),
            s.source,
          ]);
          const head = `Swap set — ${segment}: old ${oldSide.name} approves ${pct(table.old_approved.approval_rate)}, new ${newSide.name} approves ${pct(table.new_approved.approval_rate)}; bad rate change ${pp(table.change.bad_rate)}`;
          return formatTable(['cell', 'count', 'share', 'bad_rate', 'bad_rate_amt', ...(withTruth ? ['true_bad_rate'] : []), 'source'], body, { title: head });
        })
        .join('\n'),
    );
    return 0;
  },
});

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : formatPercent(x);
}

/** A difference of rates in percentage points, signed. */
function pp(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : formatPoints(x);
}

interface InferArgs {
  readonly score?: string | undefined;
  readonly aggravation: number;
  readonly bands: number;
  readonly seed: number;
  readonly 'random-test': string;
}

async function inferenceMethod(spec: string, args: InferArgs, frame: Frame, cwd: string): Promise<{ method: InferenceMethod; scoreName?: string }> {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const scoreSpec = colon < 0 ? args.score : spec.slice(colon + 1);
  if (kind === 'random-test') return { method: { kind, randomTest: frame.numeric(args['random-test']).values } };
  if (kind !== 'score-band' && kind !== 'parcel' && kind !== 'fuzzy') {
    throw new CredoError('E_INPUT_FLAG_INVALID', {
      flag: 'infer',
      problem: 'must be random-test, score-band[:SCORE], parcel[:SCORE] or fuzzy[:SCORE]',
      value: spec,
    });
  }
  if (scoreSpec === undefined || scoreSpec === '')
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'infer', problem: `${kind} needs a score: ${kind}:COLUMN_OR_MODEL or --score`, value: spec });
  const score = frame.has(scoreSpec) ? frame.numeric(scoreSpec).values : predictPd(await loadModel(resolve(cwd, scoreSpec)), frame);
  const common = { score, aggravation: args.aggravation };
  if (kind === 'fuzzy') return { method: { kind, ...common }, scoreName: scoreSpec };
  if (kind === 'parcel') return { method: { kind, ...common, bands: args.bands, seed: args.seed }, scoreName: scoreSpec };
  return { method: { kind, ...common, bands: args.bands }, scoreName: scoreSpec };
}
