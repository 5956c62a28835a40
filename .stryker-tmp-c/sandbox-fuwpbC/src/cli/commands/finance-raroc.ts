// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import {
  computeRaroc,
  describeRarocAssumptions,
  heldCapital,
  IRB_CLASSES,
  type IrbClass,
  irbCapital,
  RAROC_DEFAULTS,
  type RarocAssumptions,
  rarocAssumptionsRecord,
  rarocPrice,
} from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** `credo finance raroc --ead 10000 --rate 0.14 --pd 0.05 --lgd 0.85 …`: RAROC of a loan and the rate that meets a hurdle. */
export const financeRarocCommand = defineCommand({
  name: 'finance raroc',
  summary: 'RAROC of one loan (annual) and, with --hurdle, the risk-based rate that meets the hurdle',
  details:
    'RAROC = (EAD·rate + fees − EAD·funding − opex − PD·LGD·EAD + capital·capital-rate) / capital (REFERENCE §5).\n' +
    'Capital is --capital, or --capital-ratio (default 10.5%) of RWA = 12.5·K·EAD, K from the Basel IRB formula of --class\n' +
    '(default other_retail); --capital-ratio 0.08 holds bare K·EAD. Opex is --opex, or --opex-rate × EAD + --opex-per-loan.\n' +
    'The defaults are the ones `portfolio metrics` and `credo demo` use, so the three agree.\n' +
    'Example: credo finance raroc --ead 10000 --rate 0.14 --funding-rate 0.04 --opex 200 --pd 0.05 --lgd 0.85 --capital-rate 0.04 --capital-ratio 0.08 --hurdle 0.15',
  flags: {
    ead: { type: 'number', required: true, min: 0, description: 'exposure at default (currency)' },
    rate: { type: 'number', min: 0, max: 10, rate: true, description: 'annual interest rate (required unless only --hurdle pricing is wanted)' },
    pd: { type: 'number', required: true, min: 0, max: 1, description: 'probability of default (one year)' },
    lgd: { type: 'number', required: true, min: 0, max: 1, description: 'loss given default' },
    'funding-rate': { type: 'number', default: RAROC_DEFAULTS.fundingRate, min: 0, max: 1, description: 'annual funding rate on EAD' },
    opex: { type: 'number', min: 0, description: 'annual operating cost (currency); default --opex-rate × EAD + --opex-per-loan' },
    'opex-rate': {
      type: 'number',
      default: RAROC_DEFAULTS.operatingCostRate,
      min: 0,
      max: 1,
      description: 'annual operating cost as a share of EAD, when --opex is not given',
    },
    'opex-per-loan': {
      type: 'number',
      default: RAROC_DEFAULTS.operatingCostPerLoan,
      min: 0,
      description: 'annual operating cost per loan (currency), added to --opex-rate × EAD when --opex is not given',
    },
    fees: { type: 'number', default: 0, min: 0, description: 'annual fees (currency)' },
    capital: { type: 'number', min: 0, description: 'economic capital (currency); default --capital-ratio × RWA of --class' },
    'capital-ratio': {
      type: 'number',
      default: RAROC_DEFAULTS.capitalRatio,
      min: 0,
      max: 1,
      description: 'capital held as a share of RWA = 12.5·K·EAD (0.105 = 8% + 2.5% buffer; 0.08 = K·EAD), when --capital is not given',
    },
    class: {
      type: 'enum',
      choices: IRB_CLASSES as readonly IrbClass[],
      default: RAROC_DEFAULTS.assetClass,
      description: 'IRB class for capital when --capital is not given',
    },
    'capital-rate': { type: 'number', default: RAROC_DEFAULTS.capitalRate, min: 0, max: 1, description: 'annual rate earned on capital' },
    hurdle: { type: 'number', min: -1, max: 10, description: 'hurdle RAROC: also solve for the rate that meets it' },
  },
  run(args, _positionals, context) {
    if (args.rate === undefined && args.hurdle === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'rate' });
    const k = args.capital === undefined ? irbCapital({ assetClass: args.class, pd: args.pd, lgd: args.lgd }).k : undefined;
    const capital = args.capital ?? heldCapital(k as number, args.ead, args['capital-ratio']);
    const opex = args.opex ?? args['opex-rate'] * args.ead + args['opex-per-loan'];
    const assumptions: RarocAssumptions = {
      fundingRate: args['funding-rate'],
      operatingCostRate: args['opex-rate'],
      operatingCostPerLoan: args['opex-per-loan'],
      capitalRate: args['capital-rate'],
      capitalRatio: args['capital-ratio'],
      assetClass: args.class,
    };
    const pct = (v: number) => `${Number((v * 100).toPrecision(6))}%`;
    const ratioText = pct(args['capital-ratio']);
    const line =
      args.opex === undefined && args.capital === undefined
        ? describeRarocAssumptions(assumptions)
        : `RAROC = (interest + fees − funding ${pct(args['funding-rate'])} − opex ${opex.toFixed(2)} − EL + ${pct(args['capital-rate'])} on capital) / capital; ` +
          `capital = ${args.capital === undefined ? `${ratioText} of RWA (12.5·K·EAD), IRB ${args.class} (K = ${(k as number).toFixed(8)})` : 'given'}`;
    const base = {
      ead: args.ead,
      fees: args.fees,
      fundingRate: args['funding-rate'],
      operatingCost: opex,
      pd: args.pd,
      lgd: args.lgd,
      capital,
      capitalRate: args['capital-rate'],
    };
    const r = args.rate === undefined ? undefined : computeRaroc({ ...base, rate: args.rate });
    const price = args.hurdle === undefined ? undefined : rarocPrice(base, args.hurdle);
    const result = {
      ead: args.ead,
      rate: args.rate ?? null,
      capital,
      capital_source: args.capital === undefined ? `${ratioText} of RWA (12.5·K·EAD), IRB ${args.class} (K = ${k})` : 'given',
      interest: r?.interest ?? null,
      fees: args.fees,
      funding_cost: r?.fundingCost ?? args.ead * args['funding-rate'],
      operating_cost: opex,
      expected_loss: args.pd * args.lgd * args.ead,
      capital_return: capital * args['capital-rate'],
      risk_adjusted_return: r?.riskAdjustedReturn ?? null,
      raroc: r?.raroc ?? null,
      hurdle: args.hurdle ?? null,
      price_for_hurdle: price ?? null,
      assumptions: { ...rarocAssumptionsRecord(assumptions), opex: args.opex ?? null, capital: args.capital ?? null, formula: line },
      raroc_assumptions: line,
    };
    printResult(
      context,
      result,
      () =>
        `${formatTable(
          ['measure', 'value'],
          [
            ['capital', capital.toFixed(2)],
            ['interest', r === undefined ? '' : r.interest.toFixed(2)],
            ['fees', args.fees.toFixed(2)],
            ['funding cost', result.funding_cost.toFixed(2)],
            ['operating cost', opex.toFixed(2)],
            ['expected loss', result.expected_loss.toFixed(2)],
            ['return on capital', result.capital_return.toFixed(2)],
            ['risk-adjusted return', r === undefined ? '' : r.riskAdjustedReturn.toFixed(2)],
            ['RAROC', r === undefined ? '' : r.raroc.toFixed(6)],
            ...(price === undefined ? [] : [[`rate for RAROC ${args.hurdle}`, `${(price * 100).toFixed(4)}%`]]),
          ],
        )}${line}\n`,
    );
    return 0;
  },
});
