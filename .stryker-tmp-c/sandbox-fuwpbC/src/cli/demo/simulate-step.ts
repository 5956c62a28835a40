// @ts-nocheck
import { headline, type PortfolioLoans, simulatePortfolio } from '../../portfolio/index.js';
import { parallelKernelRunner } from '../../portfolio/simulate/workers/run-kernel-parallel.js';
import { type Cell, formatTable } from '../output.js';
import { formatAmount, indent, required } from './demo-format.js';
import type { DemoStep } from './demo-step.js';
import { DEMO_LGD } from './money-step.js';

/** Monte Carlo settings of the demo: one factor, ρ 0.15, 2,000 scenarios (seeded by `--seed`). */
export const DEMO_SIMULATION = { scenarios: 2000, rho: 0.15 } as const;

/** Worker threads for the kernel (the numbers do not depend on it). */
const THREADS = 2;

/** The approved book as a simulation portfolio: model PD, LGD 45%, EAD = amount lent, by segment. */
export function approvedPortfolio(
  approved: Float64Array,
  pd: Float64Array,
  ead: Float64Array,
  segment: { codes: Int32Array; dictionary: readonly string[] },
): PortfolioLoans {
  const rows: number[] = [];
  for (let i = 0; i < approved.length; i++) if (approved[i] === 1) rows.push(i);
  const n = rows.length;
  const out = { pd: new Float64Array(n), lgd: new Float64Array(n).fill(DEMO_LGD), ead: new Float64Array(n), segment: new Int32Array(n) };
  rows.forEach((i, k) => {
    out.pd[k] = pd[i] as number;
    out.ead[k] = ead[i] as number;
    out.segment[k] = segment.codes[i] as number;
  });
  return { ...out, segments: segment.dictionary };
}

/** Step 9: Monte Carlo loss distribution of the approved book (Gaussian copula): EL, VaR, ES, EC. */
export const simulateStep: DemoStep = {
  key: 'simulate',
  title: `Simulate: loss distribution of the approved book (${DEMO_SIMULATION.scenarios} scenarios, one factor, ρ ${DEMO_SIMULATION.rho})`,
  needs: ['score'],
  async run(state) {
    const data = required(state.data, 'the applications', 'simulate');
    const scored = required(state.scored, 'the scores', 'simulate');
    const loans = approvedPortfolio(data.numeric('approved').values, scored.pd, data.numeric('requested_amount').values, data.category('segment'));
    const [run] = await simulatePortfolio(loans, { ...DEMO_SIMULATION, seed: state.seed }, parallelKernelRunner(THREADS));
    const sim = required(run, 'the baseline scenario', 'simulate');
    const h = headline(sim);
    const value = (k: string) => required(h[k], k, 'simulate').value;
    state.results.simulate = {
      loans: loans.pd.length,
      scenarios: sim.estimates.scenarios,
      rho: DEMO_SIMULATION.rho,
      seed: state.seed,
      analytic_el: sim.analyticEl,
      el: value('el'),
      var99: value('var99'),
      var999: value('var999'),
      es99: value('es99'),
      es999: value('es999'),
      ec: value('ec'),
      ci95: Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.ci])),
      el_by_segment: sim.segments.map((segment, k) => ({ segment, el: sim.estimates.elBySegment[k] as number })),
    };
    const exposure = loans.ead.reduce((a, b) => a + b, 0);
    const rows: Cell[][] = [
      ['expected loss (analytic Σ PD·LGD·EAD)', formatAmount(sim.analyticEl), ''],
      ['expected loss (simulated)', formatAmount(value('el')), fmtCi(h.el?.ci)],
      ['VaR 99%', formatAmount(value('var99')), fmtCi(h.var99?.ci)],
      ['VaR 99.9%', formatAmount(value('var999')), fmtCi(h.var999?.ci)],
      ['ES 99%', formatAmount(value('es99')), fmtCi(h.es99?.ci)],
      ['ES 99.9%', formatAmount(value('es999')), fmtCi(h.es999?.ci)],
      ['economic capital (VaR 99.9% − EL)', formatAmount(value('ec')), ''],
    ];
    state.say(`  ${loans.pd.length} loans, exposure ${formatAmount(exposure)}, seed ${state.seed}\n\n`);
    state.say(indent(formatTable(['measure', 'amount', '95% interval'], rows)));
  },
};

function fmtCi(ci: readonly [number, number] | undefined): string {
  return ci === undefined ? '' : `${formatAmount(ci[0])} – ${formatAmount(ci[1])}`;
}
