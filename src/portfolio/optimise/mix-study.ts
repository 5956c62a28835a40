import type { Frame } from '../../frame/index.js';
import { parseMacroConfig } from '../simulate/macro-config.js';
import { oneFactorModel } from '../simulate/portfolio-model.js';
import type { PolicyStudy, StudyOptions } from './cutoff-study.js';
import { defaultSweep } from './cutoff-study.js';
import { buildMixProblem, type MixConfig, mixRisk } from './mix-problem.js';
import { COMMON_LIMITS, ConfigReader, readEconomics, readFrontier, readLimits, readSolver, selectRows } from './optimise-config.js';
import { computeFrontier, optimisePolicy } from './optimise-policy.js';
import { segmentPolicy } from './policy-segments.js';

/**
 * Product/segment mix from a parsed config (see examples/optimise/mix.yaml): `segmentation.by`
 * (categorical columns), `filter` (rows of the book), `columns` (pd, amount, rate, optional lgd column), `economics`, `volumes`, `rho` and `macro` (same format as `credo simulate --macro`),
 * `stress_limits` (max EL per macro scenario name), `cvar` (alpha, max, draws, seed), `limits`.
 * The frontier sweeps `frontier.parameter` (default cvar_max) and reports realised CVaR per point.
 */
export async function studyMix(frame: Frame, raw: unknown, file: string, options: StudyOptions): Promise<PolicyStudy> {
  const config = ConfigReader.root(raw, file);
  const columns = config.child('columns');
  const rows = selectRows(frame, config);
  const seg = config.child('segmentation');
  const segments = segmentPolicy(rows, { by: seg.strings('by') });
  const economics = readEconomics(config);
  const numeric = (key: string) => rows.numeric(columns.string(key)).values;
  const pd = numeric('pd');
  const ead = numeric('amount');
  const rate = numeric('rate');
  const lgdColumn = columns.optionalString('lgd');
  const lgd = lgdColumn === undefined ? new Float64Array(rows.rowCount).fill(economics.lgd) : rows.numeric(lgdColumn).values;
  for (let i = 0; i < rows.rowCount; i++) {
    if (!((pd[i] as number) >= 0 && (pd[i] as number) <= 1) || !((ead[i] as number) >= 0) || !((rate[i] as number) >= 0) || !((lgd[i] as number) >= 0))
      columns.fail('pd', `row ${i + 1}: pd, amount, rate and lgd must be present and in range`);
  }
  const rho = config.number('rho', [0, 0.99], 0.12);
  const macro = config.has('macro') ? parseMacroConfig(config.raw.macro, segments.labels, rho, `${file} (macro)`) : undefined;
  const model = macro?.model ?? oneFactorModel(segments.labels.length, rho);
  const stressLimits = config.has('stress_limits') ? config.child('stress_limits') : undefined;
  const stress = (macro?.scenarios ?? [])
    .filter((s) => stressLimits?.has(s.name))
    .map((scenario) => ({ scenario, max: (stressLimits as ConfigReader).number(scenario.name, [0, Number.POSITIVE_INFINITY]) }));
  for (const name of Object.keys(stressLimits?.raw ?? {})) {
    if (!(macro?.scenarios ?? []).some((s) => s.name === name)) config.fail('stress_limits', `no macro scenario named "${name}"`);
  }
  const cvarNode = config.has('cvar') ? config.child('cvar') : undefined;
  const volumes = config
    .numbers('volumes')
    .slice()
    .sort((a, b) => a - b);
  if (volumes.some((v) => v < 0)) config.fail('volumes', 'volume multiples must be ≥ 0');
  const mixConfig: MixConfig = {
    volumes,
    economics,
    limits: readLimits(config),
    model,
    stress,
    ...(cvarNode === undefined
      ? {}
      : {
          cvar: {
            alpha: cvarNode.number('alpha', [0.5, 0.9999], 0.99),
            max: cvarNode.number('max', [0, Number.POSITIVE_INFINITY]),
            draws: cvarNode.number('draws', [100, 20000], 1000),
            seed: cvarNode.number('seed', [0, Number.MAX_SAFE_INTEGER], 1),
          },
        }),
  };
  const book = { pd, lgd, ead, rate, segment: segments.rowSegment, labels: segments.labels };
  const solver = readSolver(config);
  const solveOptions = { timeLimit: solver.timeLimit, gap: solver.gap, integer: false, ...(options.solver === undefined ? {} : { solver: options.solver }) };
  const build = (cfg: MixConfig) => buildMixProblem(book, cfg);
  const problem = build(mixConfig);
  const result = await optimisePolicy(problem, solveOptions);
  const risk =
    result.status === 'infeasible' || result.status === 'unsolved' ? undefined : mixRisk(problem, mixConfig, xOf(result.assignment, problem.model.actions));
  const study: PolicyStudy = {
    problem: 'mix',
    segments: segments.labels.length,
    actions: problem.model.actions,
    result,
    ...(risk === undefined ? {} : { risk }),
  };
  if (!options.frontier) return study;
  const sweep = readFrontier(config, mixConfig.cvar === undefined ? COMMON_LIMITS : ['cvar_max', ...COMMON_LIMITS]);
  const parameter = sweep?.parameter ?? (mixConfig.cvar === undefined ? 'bad_rate_max' : 'cvar_max');
  const withValue = (value: number): MixConfig =>
    parameter === 'cvar_max' && mixConfig.cvar !== undefined
      ? { ...mixConfig, cvar: { ...mixConfig.cvar, max: value } }
      : { ...mixConfig, limits: { ...mixConfig.limits, [parameter]: value } };
  const values =
    sweep?.values ?? defaultSweep(parameter === 'cvar_max' ? mixConfig.cvar?.max : (mixConfig.limits as Record<string, number | undefined>)[parameter]);
  const points = await computeFrontier((value) => build(withValue(value)), values, solveOptions, options.onFrontierPoint);
  return { ...study, frontier: { parameter, points } };
}

/** The x matrix back from an assignment's shares. */
function xOf(assignment: readonly { shares: Readonly<Record<string, number>> }[], actions: readonly string[]): Float64Array {
  const x = new Float64Array(assignment.length * actions.length);
  assignment.forEach((a, s) => {
    actions.forEach((name, k) => {
      x[s * actions.length + k] = a.shares[name] ?? 0;
    });
  });
  return x;
}
