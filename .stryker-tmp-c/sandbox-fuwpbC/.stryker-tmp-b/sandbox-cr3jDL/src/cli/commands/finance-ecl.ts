// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { assignStage, ceclAllowance, lifetimeEcl, stageEcl, survivalFromCumulativePd, survivalFromHazard, twelveMonthEcl } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

function numbers(values: readonly string[], flag: string): number[] {
  const out = values.map(Number);
  if (out.length === 0 || out.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new CredoError('E_INPUT_FLAG_INVALID', { flag, problem: 'must be a comma-separated list of non-negative numbers', value: values.join(',') });
  }
  return out;
}

/** `credo finance ecl --hazard 0.02 --lgd 0.4 --ead 10000,6700,3400 --eir 0.1`: IFRS 9 12-month and lifetime ECL, CECL. */
export const financeEclCommand = defineCommand({
  name: 'finance ecl',
  summary: 'IFRS 9 ECL (12-month and lifetime, with staging) and CECL from a PD term structure',
  details:
    'ECL = Σ_t PD_marg(t)·LGD·EAD(t)·(1+EIR)^−t, PD_marg(t) = S(t−1) − S(t). The term structure is a constant hazard per period\n' +
    '(--hazard with --convention discrete: S = (1−h)^t, or continuous: S = e^(−h·t)) or cumulative PDs (--cumulative-pd).\n' +
    'One EAD per period (--ead); periods are years unless --periods-per-year says otherwise. With --dpd / --pd-origination /\n' +
    '--pd-current the stage is assigned (stage 2 at > 30 dpd or PD ≥ 2× origination; stage 3 at > 90 dpd).\n' +
    'Example: credo finance ecl --hazard 0.02 --lgd 0.4 --ead 10000,6700,3400 --eir 0.1 --convention continuous',
  flags: {
    hazard: { type: 'number', min: 0, max: 1, description: 'constant default hazard per period' },
    'cumulative-pd': { type: 'list', description: 'cumulative PD at the end of each period (instead of --hazard)' },
    convention: { type: 'enum', choices: ['discrete', 'continuous'] as const, default: 'discrete', description: 'hazard convention' },
    lgd: { type: 'number', required: true, min: 0, max: 1, description: 'loss given default' },
    ead: { type: 'list', required: true, description: 'EAD at each period, e.g. 10000,6700,3400' },
    eir: { type: 'number', default: 0, min: 0, max: 10, description: 'effective interest rate (annual) for discounting' },
    discounting: { type: 'enum', choices: ['end', 'mid', 'none'] as const, default: 'end', description: 'default timing within a period for discounting' },
    'periods-per-year': { type: 'int', default: 1, min: 1, max: 365, description: 'periods per year (12 = monthly)' },
    dpd: { type: 'int', min: 0, description: 'days past due, for staging' },
    'pd-origination': { type: 'number', min: 0, max: 1, description: 'PD at origination, for staging' },
    'pd-current': { type: 'number', min: 0, max: 1, description: 'PD now, for staging' },
    'stage2-dpd': { type: 'int', default: 30, min: 0, description: 'stage 2 when dpd exceeds this' },
    'stage3-dpd': { type: 'int', default: 90, min: 0, description: 'stage 3 when dpd exceeds this' },
    'relative-increase': { type: 'number', default: 2, min: 1, description: 'stage 2 when PD now ≥ this × PD at origination' },
  },
  run(args, _positionals, context) {
    const ead = numbers(args.ead, 'ead');
    let survival: Float64Array;
    if (args['cumulative-pd'] !== undefined && args['cumulative-pd'].length > 0) {
      const cumulative = numbers(args['cumulative-pd'], 'cumulative-pd');
      if (cumulative.length !== ead.length)
        throw new CredoError('E_INPUT_FLAG_INVALID', {
          flag: 'cumulative-pd',
          problem: `needs one value per --ead period (${ead.length})`,
          value: args['cumulative-pd'].join(','),
        });
      survival = survivalFromCumulativePd(cumulative);
    } else if (args.hazard !== undefined) {
      survival = survivalFromHazard(args.hazard, ead.length, args.convention);
    } else {
      throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'hazard' });
    }
    const input = { survival, lgd: args.lgd, ead, eir: args.eir, periodsPerYear: args['periods-per-year'], discounting: args.discounting };
    const twelve = twelveMonthEcl(input);
    const lifetime = lifetimeEcl(input);
    const staged = args.dpd !== undefined || args['pd-current'] !== undefined;
    const stage = staged
      ? assignStage(args.dpd ?? 0, args['pd-origination'] ?? Number.POSITIVE_INFINITY, args['pd-current'] ?? 0, {
          stage2Dpd: args['stage2-dpd'],
          stage3Dpd: args['stage3-dpd'],
          relativePdIncrease: args['relative-increase'],
        })
      : undefined;
    const result = {
      convention: args['cumulative-pd'] !== undefined && args['cumulative-pd'].length > 0 ? 'cumulative PD' : `${args.convention} hazard ${args.hazard}`,
      discounting: args.discounting,
      eir: args.eir,
      twelve_month_ecl: twelve.ecl,
      lifetime_ecl: lifetime.ecl,
      cecl: ceclAllowance(input).ecl,
      stage: stage ?? null,
      stage_ecl: stage === undefined ? null : stageEcl(stage, input).ecl,
      periods: Array.from(survival, (s, t) => ({ period: t + 1, survival: s, ead: ead[t], contribution: lifetime.contributions[t] })),
    };
    printResult(context, result, () => {
      let out = formatTable(
        ['period', 'survival', 'EAD', 'discounted loss'],
        result.periods.map((p) => [p.period, (p.survival as number).toFixed(6), p.ead as number, (p.contribution as number).toFixed(4)]),
        { title: `ECL (${result.convention}, discounting ${args.discounting} at EIR ${args.eir})` },
      );
      out += `12-month ECL (stage 1): ${twelve.ecl.toFixed(4)}\nlifetime ECL (stages 2-3, CECL): ${lifetime.ecl.toFixed(4)}\n`;
      if (stage !== undefined) out += `stage ${stage}: ECL ${(result.stage_ecl as number).toFixed(4)}\n`;
      return out;
    });
    return 0;
  },
});
