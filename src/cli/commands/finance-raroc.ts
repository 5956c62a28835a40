import { CredoError } from '../../errors/index.js';
import { computeRaroc, describeRarocAssumptions, IRB_CLASSES, type IrbClass, irbCapital, RAROC_DEFAULTS, rarocPrice } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** `credo finance raroc --ead 10000 --rate 0.14 --pd 0.05 --lgd 0.85 …`: RAROC of a loan and the rate that meets a hurdle. */
export const financeRarocCommand = defineCommand({
  name: 'finance raroc',
  summary: 'RAROC of one loan (annual) and, with --hurdle, the risk-based rate that meets the hurdle',
  details:
    'RAROC = (EAD·rate + fees − EAD·funding − opex − PD·LGD·EAD + capital·capital-rate) / capital (REFERENCE §5).\n' +
    'Capital is --capital, or K·EAD from the Basel IRB formula of --class (default other_retail). Opex is --opex, or\n' +
    '--opex-rate × EAD. The defaults are the ones `portfolio metrics` and `credo demo` use, so the three agree.\n' +
    'Example: credo finance raroc --ead 10000 --rate 0.14 --funding-rate 0.04 --opex 200 --pd 0.05 --lgd 0.85 --capital-rate 0.04 --hurdle 0.15',
  flags: {
    ead: { type: 'number', required: true, min: 0, description: 'exposure at default (currency)' },
    rate: { type: 'number', min: 0, max: 10, rate: true, description: 'annual interest rate (required unless only --hurdle pricing is wanted)' },
    pd: { type: 'number', required: true, min: 0, max: 1, description: 'probability of default (one year)' },
    lgd: { type: 'number', required: true, min: 0, max: 1, description: 'loss given default' },
    'funding-rate': { type: 'number', default: RAROC_DEFAULTS.fundingRate, min: 0, max: 1, description: 'annual funding rate on EAD' },
    opex: { type: 'number', min: 0, description: 'annual operating cost (currency); default --opex-rate × EAD' },
    'opex-rate': {
      type: 'number',
      default: RAROC_DEFAULTS.operatingCostRate,
      min: 0,
      max: 1,
      description: 'annual operating cost as a share of EAD, when --opex is not given',
    },
    fees: { type: 'number', default: 0, min: 0, description: 'annual fees (currency)' },
    capital: { type: 'number', min: 0, description: 'economic capital (currency); default K·EAD of --class' },
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
    const capital = args.capital ?? (k as number) * args.ead;
    const opex = args.opex ?? args['opex-rate'] * args.ead;
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
      capital_source: args.capital === undefined ? `K·EAD, IRB ${args.class} (K = ${k})` : 'given',
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
      assumptions: {
        funding_rate: args['funding-rate'],
        opex: args.opex ?? null,
        opex_rate: args.opex === undefined ? args['opex-rate'] : null,
        capital_rate: args['capital-rate'],
        class: args.class,
      },
    };
    printResult(
      context,
      result,
      () =>
        formatTable(
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
        ) +
        `${
          args.opex === undefined && args.capital === undefined
            ? describeRarocAssumptions({
                fundingRate: args['funding-rate'],
                operatingCostRate: args['opex-rate'],
                capitalRate: args['capital-rate'],
                assetClass: args.class,
              })
            : `RAROC = (interest + fees − funding ${args['funding-rate'] * 100}% − opex ${opex.toFixed(2)} − EL + ${args['capital-rate'] * 100}% on capital) / capital; capital = ${args.capital === undefined ? `K·EAD, IRB ${args.class} (K = ${(k as number).toFixed(8)})` : 'given'}`
        }\n`,
    );
    return 0;
  },
});
