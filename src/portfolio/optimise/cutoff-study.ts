import type { Frame } from '../../frame/index.js';
import { cutoffSegmentData } from './cutoff-data.js';
import { buildCutoffProblem, type CutoffConfig } from './cutoff-problem.js';
import {
  COMMON_LIMITS,
  ConfigReader,
  readCutoffActions,
  readEconomics,
  readFrontier,
  readLimits,
  readScoreSegmentation,
  readSolver,
  selectRows,
} from './optimise-config.js';
import { computeFrontier, type FrontierPoint, optimisePolicy, type PolicyOptimum } from './optimise-policy.js';
import { segmentPolicy } from './policy-segments.js';
import type { InfeasibleResult, LpSolver, UnsolvedResult } from './solve-assignment.js';

/** Options of the studies: the frontier on or off, an LP solver (default in-process), a progress callback per frontier point. */
export interface StudyOptions {
  readonly frontier: boolean;
  readonly solver?: LpSolver;
  readonly onFrontierPoint?: (done: number, total: number) => void;
}

/** The outcome of an optimisation study: the optimum (or the conflict, or the solver failure) and the frontier when asked for. */
export interface PolicyStudy {
  readonly problem: 'cutoffs' | 'limits' | 'mix';
  readonly segments: number;
  readonly actions: readonly string[];
  readonly result: PolicyOptimum | InfeasibleResult | UnsolvedResult;
  readonly frontier?: { readonly parameter: string; readonly points: readonly FrontierPoint[] };
  /** Mix only: realised stressed EL per macro scenario and CVaR of the optimised mix. */
  readonly risk?: {
    readonly stressed_el: readonly { scenario: string; value: number; max: number }[];
    readonly cvar?: { alpha: number; value: number; max: number };
  };
}

/**
 * New-customer approval cutoffs on an applications frame, from a parsed config (see
 * examples/optimise/cutoffs.yaml): segments = score bands × categorical columns; per segment
 * decline or approve at a tier; constraints from `limits`, `concentration`, `knockout`; the frontier
 * re-solves over `frontier.values` of `frontier.parameter` (a limit name, default bad_rate_max).
 */
export async function studyCutoffs(frame: Frame, raw: unknown, file: string, options: StudyOptions): Promise<PolicyStudy> {
  const config = ConfigReader.root(raw, file);
  frame = selectRows(frame, config);
  const segments = segmentPolicy(frame, readScoreSegmentation(config));
  const columns = config.child('columns');
  const economics = readEconomics(config);
  const current = columns.optionalString('current');
  const rate = columns.optionalString('rate');
  const data = cutoffSegmentData(
    frame,
    segments,
    { pd: columns.string('pd'), amount: columns.string('amount'), ...(rate === undefined ? {} : { rate }), ...(current === undefined ? {} : { current }) },
    economics,
  );
  const cutoffConfig: CutoffConfig = {
    actions: readCutoffActions(config),
    economics,
    limits: readLimits(config),
    concentration: config
      .list('concentration')
      .map((c) => ({ column: c.string('column'), value: c.string('value'), max_share: c.number('max_share', [0, 1]) })),
    knockout: config.list('knockout').map((k) => ({ column: k.string('column'), value: k.string('value') })),
    monotone: config.raw.monotone !== false,
  };
  for (const c of [...(cutoffConfig.concentration ?? []), ...(cutoffConfig.knockout ?? [])]) {
    if (segments.values[c.column] === undefined)
      config.fail('concentration', `column "${c.column}" must be one of segmentation.by (${Object.keys(segments.values).join(', ')})`);
  }
  const solver = readSolver(config);
  const solveOptions = { timeLimit: solver.timeLimit, gap: solver.gap, ...(options.solver === undefined ? {} : { solver: options.solver }) };
  const problem = buildCutoffProblem(data, cutoffConfig);
  const result = await optimisePolicy(problem, solveOptions);
  const study: PolicyStudy = { problem: 'cutoffs', segments: data.labels.length, actions: problem.model.actions, result };
  const sweep = readFrontier(config, COMMON_LIMITS);
  if (!options.frontier) return study;
  const parameter = sweep?.parameter ?? 'bad_rate_max';
  const values = sweep?.values ?? defaultSweep(cutoffConfig.limits[parameter as keyof typeof cutoffConfig.limits]);
  const points = await computeFrontier(
    (value) => buildCutoffProblem(data, { ...cutoffConfig, limits: { ...cutoffConfig.limits, [parameter]: value } }),
    values,
    solveOptions,
    options.onFrontierPoint,
  );
  return { ...study, frontier: { parameter, points } };
}

/** Without explicit values: 8 points from a quarter to twice the configured cap. */
export function defaultSweep(value: number | undefined): number[] {
  const base = value ?? 0.05;
  return Array.from({ length: 8 }, (_, k) => Math.round(base * (0.25 + (k * 1.75) / 7) * 1e6) / 1e6);
}
