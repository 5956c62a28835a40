// @ts-nocheck
// 
import { amortise, computeEmi, describeRarocAssumptions, portfolioLoss, portfolioMetrics, RAROC_DEFAULTS } from '../../finance/index.js';
import { type Cell, formatPercent, formatTable } from '../output.js';
import { formatAmount, formatRate, indent, required } from './demo-format.js';
import type { DemoStep } from './demo-step.js';

/** Loss given default assumed for the whole book (unsecured retail, a common regulatory-style figure). */
export const DEMO_LGD = 0.45;

/** Pricing assumptions of the book's RAROC: finance's defaults, the same as `finance raroc` and `portfolio metrics`. */
export const DEMO_RAROC_ASSUMPTIONS = RAROC_DEFAULTS;

/** The EMI example of REFERENCE §4: 100,000.00 at 12% a year over 12 months. */
const EMI_EXAMPLE = { principalMinor: 10_000_000, rate: 0.12, months: 12 } as const;

/**
 * Step 7: the approved book in money: EL = PD·LGD·EAD (model PD, LGD 45%, EAD = the amount lent),
 * Basel IRB other-retail capital and RWA, RAROC by segment, and an EMI schedule example.
 */
export const moneyStep: DemoStep = {
  key: 'money',
  title: 'Money: expected loss, IRB capital and RAROC of the approved book; an EMI schedule',
  needs: ['score'],
  run(state) {
    const data = required(state.data, 'the applications', 'money');
    const scored = required(state.scored, 'the scores', 'money');
    const approved = data.numeric('approved').values;
    const ead = data.numeric('requested_amount').values;
    const segment = data.category('segment');
    const rows = portfolioMetrics(
      {
        approved,
        pd: scored.pd,
        lgd: DEMO_LGD,
        ead,
        rate: data.numeric('interest_rate').values,
        bad: data.numeric('bad').values,
        group: { codes: segment.codes, labels: segment.dictionary },
      },
      DEMO_RAROC_ASSUMPTIONS,
    );
    // Cross-check of the book's EL with the plain portfolio-loss function over approved loans only.
    const bookPd: number[] = [];
    const bookEad: number[] = [];
    for (let i = 0; i < approved.length; i++) {
      if (approved[i] !== 1) continue;
      bookPd.push(scored.pd[i] as number);
      bookEad.push(ead[i] as number);
    }
    const loss = portfolioLoss(bookPd, DEMO_LGD, bookEad);
    const all = rows[rows.length - 1];
    const schedule = amortise(EMI_EXAMPLE.principalMinor, EMI_EXAMPLE.rate, EMI_EXAMPLE.months);
    const emiMinor = computeEmi(EMI_EXAMPLE.principalMinor, EMI_EXAMPLE.rate, EMI_EXAMPLE.months);
    state.results.money = {
      lgd: DEMO_LGD,
      assumptions: DEMO_RAROC_ASSUMPTIONS,
      raroc_assumptions: describeRarocAssumptions(DEMO_RAROC_ASSUMPTIONS),
      book: rows.map((r) => ({
        group: r.group,
        loans: r.loans,
        exposure: r.exposure,
        observed_default_rate: r.defaultRateCount,
        expected_loss: r.expectedLoss,
        expected_loss_rate: r.expectedLossRate,
        rwa: r.rwa,
        capital: r.capital,
        risk_adjusted_return: r.riskAdjustedReturn,
        raroc: r.raroc,
      })),
      expected_loss_check: loss.totalExpectedLoss,
      emi_example: {
        principal: EMI_EXAMPLE.principalMinor / 100,
        annual_rate: EMI_EXAMPLE.rate,
        months: EMI_EXAMPLE.months,
        emi: emiMinor / 100,
        total_interest: schedule.totalInterest / 100,
        last_payment: (schedule.payment[schedule.months - 1] as number) / 100,
      },
    };
    state.say(
      `  ${all?.loans ?? 0} approved loans, exposure ${formatAmount(all?.exposure ?? 0)}; PD from the model, LGD ${formatPercent(DEMO_LGD)}, EAD = amount lent;\n` +
        `  ${describeRarocAssumptions(DEMO_RAROC_ASSUMPTIONS)}\n\n`,
    );
    state.say(
      indent(
        formatTable(
          ['segment', 'loans', 'exposure', 'observed bad rate', 'EL', 'EL rate', 'RWA', 'capital', 'RAROC'],
          rows.map((r): Cell[] => [
            r.group,
            r.loans,
            formatAmount(r.exposure),
            formatRate(r.defaultRateCount),
            formatAmount(r.expectedLoss),
            formatPercent(r.expectedLossRate),
            formatAmount(r.rwa),
            formatAmount(r.capital),
            formatRate(r.raroc),
          ]),
        ),
      ),
    );
    const cents = (minor: number) => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    state.say(
      `\n  EMI example (REFERENCE §4): 100,000.00 at 12% over 12 months → EMI ${cents(emiMinor)}, ` +
        `total interest ${cents(schedule.totalInterest)}, last instalment ${cents(schedule.payment[schedule.months - 1] as number)}\n`,
    );
  },
};
