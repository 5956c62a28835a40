import type { Frame } from '../../frame/index.js';
import type { PolicyStudy, StudyOptions } from './cutoff-study.js';
import { defaultSweep } from './cutoff-study.js';
import { buildLimitProblem, type LimitConfig } from './limit-problem.js';
import { COMMON_LIMITS, ConfigReader, readEconomics, readFrontier, readLimits, readScoreSegmentation, readSolver, selectRows } from './optimise-config.js';
import { computeFrontier, optimisePolicy } from './optimise-policy.js';
import { segmentPolicy } from './policy-segments.js';

/** What a limit study and a limit review share: the segments, the accounts, the problem's configuration and the solver options. */
function prepareLimits(frame: Frame, raw: unknown, file: string, options: { solver?: StudyOptions['solver'] }) {
  const config = ConfigReader.root(raw, file);
  frame = selectRows(frame, config);
  const segments = segmentPolicy(frame, readScoreSegmentation(config));
  const columns = config.child('columns');
  const numeric = (key: string) => frame.numeric(columns.string(key)).values;
  const accounts = { pd: numeric('pd'), limit: numeric('limit'), balance: numeric('balance'), rate: numeric('rate') };
  for (let i = 0; i < frame.rowCount; i++) {
    for (const [key, values] of Object.entries(accounts)) {
      const v = values[i] as number;
      if (!(v >= 0) || (key === 'pd' && v > 1)) columns.fail(key, `row ${i + 1}: value ${v} is missing or out of range`);
    }
  }
  const changes = config
    .numbers('changes')
    .slice()
    .sort((a, b) => a - b);
  if (changes.some((d) => d <= -1)) config.fail('changes', 'limit changes must be above −100%');
  const behaviour = config.has('behaviour') ? config.child('behaviour') : new ConfigReader({}, 'behaviour');
  const maxStep = config.optionalNumber('max_step', [0, 10]);
  const limitConfig: LimitConfig = {
    changes,
    economics: readEconomics(config),
    behaviour: { ccf: behaviour.number('ccf', [0, 1], 0.5), balance_elasticity: behaviour.number('balance_elasticity', [0, 5], 0.5) },
    limits: readLimits(config, ['exposure_increase_max', 'provision_increase_max']),
    ...(maxStep === undefined ? {} : { max_step: maxStep }),
  };
  const solver = readSolver(config);
  const solveOptions = { timeLimit: solver.timeLimit, gap: solver.gap, ...(options.solver === undefined ? {} : { solver: options.solver }) };
  return { config, frame, segments, accounts, limitConfig, solveOptions };
}

/**
 * Credit-limit changes for existing accounts from a parsed config (see examples/optimise/limits.yaml):
 * `segmentation` (behaviour score bands × categories), `columns` (pd, limit, balance, rate),
 * `economics`, `behaviour` (ccf, balance_elasticity), `changes` (relative limit changes, one 0),
 * `max_step`, `limits` (common limits plus exposure_increase_max, provision_increase_max).
 */
export async function studyLimits(frame: Frame, raw: unknown, file: string, options: StudyOptions): Promise<PolicyStudy> {
  const { config, segments, accounts, limitConfig, solveOptions } = prepareLimits(frame, raw, file, options);
  const problem = buildLimitProblem(accounts, segments, limitConfig);
  const result = await optimisePolicy(problem, solveOptions);
  const study: PolicyStudy = { problem: 'limits', segments: segments.labels.length, actions: problem.model.actions, result };
  if (!options.frontier) return study;
  const sweep = readFrontier(config, ['exposure_increase_max', 'provision_increase_max', ...COMMON_LIMITS]);
  const parameter = sweep?.parameter ?? 'exposure_increase_max';
  const values = sweep?.values ?? defaultSweep((limitConfig.limits as Record<string, number | undefined>)[parameter]);
  const points = await computeFrontier(
    (value) => buildLimitProblem(accounts, segments, { ...limitConfig, limits: { ...limitConfig.limits, [parameter]: value } }),
    values,
    solveOptions,
    options.onFrontierPoint,
  );
  return { ...study, frontier: { parameter, points } };
}

/**
 * A periodic limit review: the optimised limit policy of `studyLimits` applied account by account.
 * Returns the study and, per row of `frame` (no `filter` allowed: every account is reviewed), the
 * relative limit change of its segment's action; all zeros when the problem is infeasible or unsolved.
 */
export async function reviewLimits(frame: Frame, raw: unknown, file: string, options: { solver?: StudyOptions['solver'] } = {}) {
  const prepared = prepareLimits(frame, raw, file, options);
  if (prepared.frame.rowCount !== frame.rowCount) prepared.config.fail('filter', 'a limit review covers every eligible account: remove the filter');
  const { segments, accounts, limitConfig, solveOptions } = prepared;
  const problem = buildLimitProblem(accounts, segments, limitConfig);
  const result = await optimisePolicy(problem, solveOptions);
  const study: PolicyStudy = { problem: 'limits', segments: segments.labels.length, actions: problem.model.actions, result };
  const change = new Float64Array(frame.rowCount);
  if ('assignment' in result) {
    const bySegment = result.assignment.map((a) => limitConfig.changes[problem.model.actions.indexOf(a.action)] as number);
    for (let i = 0; i < frame.rowCount; i++) change[i] = bySegment[segments.rowSegment[i] as number] as number;
  }
  return { study, change, labels: segments.labels, rowSegment: segments.rowSegment };
}
