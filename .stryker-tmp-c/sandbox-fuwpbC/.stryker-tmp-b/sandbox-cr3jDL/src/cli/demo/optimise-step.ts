// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { type PolicyKpis, segmentPolicy, studyCutoffs } from '../../portfolio/index.js';
import { type Cell, formatPercent, formatTable } from '../output.js';
import { formatAmount, indent, required } from './demo-format.js';
import type { DemoStep } from './demo-step.js';
import { DEMO_LGD } from './money-step.js';

/** The bad-rate cap of the demo's optimum and the caps of its efficient frontier. */
export const DEMO_BAD_RATE_CAP = 0.04;
const FRONTIER = [0.03, 0.04, 0.05, 0.06];

/**
 * The cutoff problem of the demo, in the shape of examples/optimise/cutoffs.yaml: ten quantile
 * bands of the model's score, decline or approve each (monotone: a better band is never declined
 * when a worse one is approved), expected bads from the model PD, profit over one year =
 * interest − funding − opex − EL + return on capital − hurdle × IRB capital, under a bad-rate cap.
 */
export const DEMO_CUTOFF_CONFIG = {
  segmentation: { score: 'score', bands: 10 },
  columns: { pd: 'pd', amount: 'requested_amount', rate: 'interest_rate', current: 'approved' },
  economics: { lgd: DEMO_LGD, funding_rate: 0.06, opex: 2500, hurdle_rate: 0.12, asset_class: 'other_retail' },
  actions: [{ name: 'decline' }, { name: 'approve' }],
  limits: { bad_rate_max: DEMO_BAD_RATE_CAP },
  frontier: { parameter: 'bad_rate_max', values: FRONTIER },
  solver: { time_limit: 30, gap: 0.0001 },
} as const;

/** Step 10: approval cutoffs by score band that maximise profit under a bad-rate cap (HiGHS), and the frontier. */
export const optimiseStep: DemoStep = {
  key: 'optimise',
  title: `Optimise: approval by score band maximising profit under a ${formatPercent(DEMO_BAD_RATE_CAP)} bad-rate cap (HiGHS)`,
  needs: ['score'],
  async run(state) {
    const data = required(state.data, 'the scored applications', 'optimise');
    const study = await studyCutoffs(data, DEMO_CUTOFF_CONFIG, 'the demo cutoff config', { frontier: true });
    const r = study.result;
    if (r.status === 'infeasible') {
      throw new CredoError('E_INTERNAL', { summary: `the demo cutoff problem is infeasible: ${r.conflict.map((c) => c.label).join('; ')}` });
    }
    if (r.status === 'unsolved') throw new CredoError('E_PORTFOLIO_SOLVER', { problem: r.message });
    const frontier = study.frontier?.points ?? [];
    // The world knows every applicant's outcome: the true bad rate of each policy's approvals.
    const bands = segmentPolicy(data, DEMO_CUTOFF_CONFIG.segmentation);
    const approves = new Map(r.assignment.map((a) => [a.segment, a.action === 'approve']));
    const trueBad = data.numeric('true_bad').values;
    const approved = data.numeric('approved').values;
    let optimisedCount = 0;
    let optimisedBad = 0;
    let oldCount = 0;
    let oldBad = 0;
    for (let i = 0; i < trueBad.length; i++) {
      if (approves.get(bands.labels[bands.rowSegment[i] as number] as string) === true) {
        optimisedCount++;
        optimisedBad += trueBad[i] as number;
      }
      if (approved[i] === 1) {
        oldCount++;
        oldBad += trueBad[i] as number;
      }
    }
    const truth = { optimised: optimisedCount > 0 ? optimisedBad / optimisedCount : 0, old: oldCount > 0 ? oldBad / oldCount : 0 };
    const kpiJson = (k: PolicyKpis) => ({
      approval_rate: k.approval_rate,
      bad_rate: k.bad_rate,
      approved: k.approved,
      amount: k.amount,
      el: k.el,
      capital: k.capital,
      profit: k.profit,
    });
    state.results.optimise = {
      status: r.status,
      bad_rate_cap: DEMO_BAD_RATE_CAP,
      segments: study.segments,
      profit: r.profit,
      kpis: kpiJson(r.kpis),
      current: r.current === undefined ? null : kpiJson(r.current),
      true_bad_rate: { optimised: truth.optimised, old_policy: truth.old },
      assignment: r.assignment.map((a) => ({
        band: a.segment,
        accounts: a.accounts,
        action: a.action,
        current_approved_share: a.current_approved_share ?? null,
      })),
      frontier: frontier.map((p) => ({ bad_rate_cap: p.value, status: p.status, profit: p.profit, kpis: p.kpis === null ? null : kpiJson(p.kpis) })),
    };
    const kpiRows: [string, (k: PolicyKpis) => Cell][] = [
      ['approval rate', (k) => formatPercent(k.approval_rate)],
      ['expected bad rate (model PD)', (k) => formatPercent(k.bad_rate)],
      ['exposure', (k) => formatAmount(k.amount)],
      ['expected loss', (k) => formatAmount(k.el)],
      ['expected profit (after capital charge)', (k) => formatAmount(k.profit)],
    ];
    state.say(`  ${study.segments} score bands, ${r.status}\n\n`);
    state.say(
      indent(
        formatTable(
          ['KPI', ...(r.current === undefined ? [] : ['old policy']), 'optimised'],
          [
            ...kpiRows.map(([label, f]) => [label, ...(r.current === undefined ? [] : [f(r.current)]), f(r.kpis)]),
            ['true bad rate (the world’s outcomes)', ...(r.current === undefined ? [] : [formatPercent(truth.old)]), formatPercent(truth.optimised)],
          ],
        ),
      ),
    );
    state.say('\n');
    state.say(
      indent(
        formatTable(
          ['score band', 'applicants', 'action', 'old policy approved'],
          r.assignment.map((a): Cell[] => [
            a.segment,
            Math.round(a.accounts),
            a.action,
            a.current_approved_share === undefined ? '' : formatPercent(a.current_approved_share),
          ]),
        ),
      ),
    );
    state.say('\n');
    state.say(
      indent(
        formatTable(
          ['bad-rate cap', 'status', 'approval rate', 'bad rate', 'profit'],
          frontier.map((p): Cell[] => [
            formatPercent(p.value),
            p.status,
            p.kpis === null ? '' : formatPercent(p.kpis.approval_rate),
            p.kpis === null ? '' : formatPercent(p.kpis.bad_rate),
            p.profit === null ? '' : formatAmount(p.profit),
          ]),
          { title: 'Efficient frontier' },
        ),
      ),
    );
  },
};
