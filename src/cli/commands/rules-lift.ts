import { computeLift, type LiftRow, parseOutcome, proposeRuleOrder, rateSpecs, ruleMasks } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatPercent, formatTable, printResult } from '../output.js';
import { loadModelOutputs, loadStrategy } from './rules-load.js';

/** `credo rules lift`: sequential cumulative lift of a rule set (REFERENCE §7), per segment and overall. */
export const rulesLiftCommand = defineCommand({
  name: 'rules lift',
  summary: 'Sequential cumulative lift of a rule set: touched, hit and remaining bad rates per rule, per segment',
  details:
    'Rules run in file order; each is evaluated on the rows no earlier rule touched. Rates: the count-weighted\n' +
    'target (rows without a target count as touched but not in rates), its amount-weighted form, and each\n' +
    '--outcome name=numerator/denominator (amount-weighted, e.g. fpd7=fpd7_overdue_amount/fpd7_due_amount).\n' +
    'Also reports each rule standalone (whole population) and marginal (hit by no other rule).\n' +
    'Example: credo rules lift --data world.csv --rules examples/strategies/new-policy.yaml --by segment \\\n' +
    '           --outcome fpd7=fpd7_overdue_amount/fpd7_due_amount --outcome mob4_m2=mob4_m2plus_balance/mob4_balance',
  flags: {
    data: { type: 'string', required: true, description: 'applications file (.csv or .parquet)' },
    ...schemaFlag,
    rules: { type: 'string', required: true, description: 'strategy file (YAML or JSON)' },
    by: { type: 'string', description: 'segment column: a table per value plus ALL' },
    outcome: { type: 'repeat', description: 'amount-weighted outcome name=numerator/denominator' },
    target: { type: 'string', description: '0/1 target column for the count-weighted bad rate (default: bad, when present)' },
    amount: { type: 'string', description: 'amount column for touched amount (default: requested_amount, when present)' },
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD (default: all rules)' },
    order: { type: 'boolean', description: 'also propose the rule order maximising cumulative bad capture per decline' },
  },
  async run(args, _positionals, context) {
    const asOf = args['as-of'];
    const outcomes = args.outcome.map(parseOutcome);
    const loaded = await loadStrategy(args.rules, context.cwd, asOf);
    const frame = await readDataFile(context, args.data, args);
    const target = args.target ?? (frame.has('bad') ? 'bad' : undefined);
    const amount = args.amount ?? (frame.has('requested_amount') ? 'requested_amount' : undefined);
    const models = await loadModelOutputs(loaded, frame);
    const masks = ruleMasks(frame, loaded.rules, models);
    const options = {
      outcomes,
      ...(target === undefined ? {} : { target }),
      ...(amount === undefined ? {} : { amount }),
      ...(args.by === undefined ? {} : { by: args.by }),
    };
    const report = computeLift(frame, loaded.rules, masks, options);
    const primary = rateSpecs(frame, options)[0];
    const ordering =
      args.order && primary !== undefined
        ? proposeRuleOrder(
            loaded.rules.map((r) => r.id),
            masks,
            primary,
          )
        : undefined;
    const result = {
      strategy: loaded.strategy.name,
      rows: frame.rowCount,
      rules: loaded.rules.map((r) => ({ id: r.id, action: r.action, when: r.when })),
      target: target ?? null,
      amount: amount ?? null,
      ...report,
      ...(ordering === undefined ? {} : { ordering }),
    };
    printResult(context, result, () => {
      const parts: string[] = [];
      for (const [segment, rows] of Object.entries(report.segments))
        parts.push(liftTable(`Sequential lift — ${segment} (strategy ${loaded.strategy.name})`, rows, report.rates, target));
      if (report.standalone?.ALL !== undefined)
        parts.push(liftTable('Standalone (each rule on the whole population) — ALL', report.standalone.ALL, report.rates, target));
      if (report.marginal?.ALL !== undefined) parts.push(liftTable('Marginal (rows hit by this rule only) — ALL', report.marginal.ALL, report.rates, target));
      if (ordering !== undefined) {
        parts.push(
          formatTable(
            ['step', 'rule', 'touched', 'captured', 'efficiency', 'cum_capture'],
            ordering.map((s, i) => [i + 1, s.rule, s.touched, s.captured, pct(s.efficiency), pct(s.cumulative_capture)]),
            { title: `Proposed order (greedy on ${report.primary})`, digits: 2 },
          ),
        );
      }
      return parts.join('\n');
    });
    return 0;
  },
});

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : formatPercent(x);
}

/** Below this many rows with an outcome a hit rate is flagged as unreliable (its standard error exceeds ~9 pp at a 50% rate). */
export const MIN_OUTCOME_ROWS = 30;

/**
 * One lift table. With a target, `with outcome` counts the touched rows that have one (the bad
 * rate's denominator), and every hit rate of a row resting on fewer than MIN_OUTCOME_ROWS is marked.
 */
function liftTable(title: string, rows: readonly LiftRow[], rates: readonly string[], target: string | undefined): string {
  const withOutcome = target === undefined ? [] : ['with outcome'];
  const headers = ['rule', 'touched', 'share', 'amount', ...withOutcome, ...rates.map((r) => `hit_${r}`), ...rates.map((r) => `after_${r}`), 'lift'];
  let flagged = false;
  const body = rows.map((row): Cell[] => {
    const known = target === undefined ? undefined : (row.hit_denominators[target] ?? 0);
    const tiny = known !== undefined && known < MIN_OUTCOME_ROWS;
    const hit = (r: string) => {
      const rate = pct(row.hit_rates[r]);
      if (!tiny || row.hit_rates[r] === null) return rate;
      flagged = true;
      return `${rate}*`;
    };
    return [
      row.rule,
      row.touched,
      pct(row.touched_share),
      row.touched_amount === null ? '' : Math.round(row.touched_amount),
      ...(known === undefined ? [] : [known]),
      ...rates.map(hit),
      ...rates.map((r) => pct(row.remaining_rates[r])),
      row.lift === null ? 'n/a' : row.lift.toFixed(2),
    ];
  });
  const note = flagged ? `* from fewer than ${MIN_OUTCOME_ROWS} rows with an outcome: too few to rely on\n` : '';
  return `${formatTable(headers, body, { title })}${note}`;
}
