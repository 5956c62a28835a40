// @ts-nocheck
// 
import { IRB_CLASSES, type IrbClass, irbCapital } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatPercent, formatTable, printResult } from '../output.js';

/** `credo finance capital --pd 0.02 --lgd 0.85 --class qrre`: Basel IRB correlation, K, risk weight, RWA and EL. */
export const financeCapitalCommand = defineCommand({
  name: 'finance capital',
  summary: 'Basel IRB capital of an exposure: correlation R, capital K, risk weight, RWA and EL',
  details:
    'K = LGD·N[(Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1−R)] − PD·LGD (× maturity adjustment for corporates); risk weight = 12.5·K\n' +
    '(a multiple of EAD: 0.5640 = 56.40%); RWA = 12.5·K·EAD; EL = PD·LGD·EAD. Without --ead, EAD = 1 (per unit).\n' +
    'PD is floored at the Basel III floor of the class (0.05%, QRRE 0.10%) unless --pd-floor says otherwise (0 = Basel II).\n' +
    'Example: credo finance capital --pd 0.02 --lgd 0.85 --class qrre --ead 10000 --json',
  flags: {
    pd: { type: 'number', required: true, min: 0, max: 1, description: 'probability of default (1 = defaulted)' },
    lgd: { type: 'number', required: true, min: 0, max: 1, description: 'loss given default' },
    class: { type: 'enum', choices: IRB_CLASSES as readonly IrbClass[], required: true, description: 'IRB asset class' },
    maturity: { type: 'number', default: 2.5, min: 0.0001, max: 100, description: 'effective maturity in years (corporate; clamped to 1..5)' },
    ead: { type: 'number', min: 0, description: 'exposure at default in currency (default 1 = per unit of EAD)' },
    'pd-floor': { type: 'number', min: 0, max: 1, description: 'PD floor (default: Basel III floor of the class)' },
    sales: { type: 'number', min: 0, description: 'corporate SME adjustment: annual sales in € millions (5..50)' },
    'best-estimate-el': { type: 'number', min: 0, max: 1, description: 'defaulted exposures: best-estimate EL as a fraction of EAD (default = LGD)' },
  },
  run(args, _positionals, context) {
    const c = irbCapital({
      assetClass: args.class,
      pd: args.pd,
      lgd: args.lgd,
      maturity: args.maturity,
      ...(args['pd-floor'] === undefined ? {} : { pdFloor: args['pd-floor'] }),
      ...(args.sales === undefined ? {} : { salesMillions: args.sales }),
      ...(args['best-estimate-el'] === undefined ? {} : { bestEstimateEl: args['best-estimate-el'] }),
    });
    const ead = args.ead ?? 1;
    const decimals = args.ead === undefined ? 6 : 2;
    const result = {
      class: c.assetClass,
      pd: c.pd,
      pd_input: args.pd,
      lgd: c.lgd,
      maturity: c.assetClass === 'corporate' ? Math.min(5, Math.max(1, args.maturity)) : null,
      r: c.r,
      k: c.k,
      maturity_adjustment: c.maturityAdjustment,
      risk_weight: c.riskWeight,
      ead,
      rwa: c.riskWeight * ead,
      capital: c.k * ead,
      el: c.pd * c.lgd * ead,
    };
    printResult(context, result, () =>
      formatTable(
        ['measure', 'value'],
        [
          ['class', c.assetClass],
          ['PD (after floor)', c.pd],
          ['LGD', c.lgd],
          ...(c.assetClass === 'corporate' ? [['maturity adjustment', c.maturityAdjustment] as [string, number]] : []),
          ['correlation R', c.r.toFixed(6)],
          ['capital K', c.k.toFixed(8)],
          ['risk weight', formatPercent(c.riskWeight)],
          ['EAD', ead],
          ['RWA', result.rwa.toFixed(decimals)],
          ['capital (K·EAD)', result.capital.toFixed(decimals)],
          ['EL', result.el.toFixed(decimals)],
        ],
      ),
    );
    return 0;
  },
});
