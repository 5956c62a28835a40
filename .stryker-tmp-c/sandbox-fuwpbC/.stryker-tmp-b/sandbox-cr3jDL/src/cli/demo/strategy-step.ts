// @ts-nocheck
// 
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame } from '../../frame/index.js';
import { dataFolder } from '../../io/index.js';
import {
  activeRules,
  computeSwapset,
  DECISION,
  decide,
  inferRejects,
  parseStrategy,
  ruleMasks,
  SWAP_CELLS,
  type SwapStats,
  swapCells,
} from '../../strategy/index.js';
import { type Cell, formatPercent, formatTable } from '../output.js';
import { formatRate, indent, required } from './demo-format.js';
import type { DemoStep } from './demo-step.js';

/**
 * A strategy file shipped with the package (`examples/strategies/NAME.yaml`, listed in package.json
 * `files`), found beside the bundled `data/` folder so it works from a checkout and an install alike.
 */
export function exampleStrategyPath(name: string): string {
  return join(dataFolder(), '..', 'examples', 'strategies', `${name}.yaml`);
}

/** Approval mask (1 = approve) of a strategy file on a frame: the first matching rule decides; refer counts as decline. */
async function approvals(file: string, frame: Frame): Promise<{ name: string; approved: Uint8Array }> {
  const strategy = parseStrategy(await readFile(file, 'utf8'), file);
  const rules = activeRules(strategy);
  const { decision } = decide(rules, ruleMasks(frame, rules), frame.rowCount);
  return { name: strategy.name, approved: Uint8Array.from(decision, (d) => (d === DECISION.approve ? 1 : 0)) };
}

/**
 * Step 8: swap set of the old policy against a new one (examples/strategies), with the swap-ins'
 * bad rate inferred from the random test group and checked against the world's true outcomes.
 */
export const strategyStep: DemoStep = {
  key: 'strategy',
  title: 'Strategy: swap set of the old policy vs a new policy, reject inference from the random test group',
  needs: ['load'],
  async run(state) {
    const data = required(state.data, 'the applications', 'strategy');
    const oldSide = await approvals(exampleStrategyPath('old-policy'), data);
    const newSide = await approvals(exampleStrategyPath('new-policy'), data);
    const target = data.numeric('bad').values;
    const cells = swapCells(oldSide.approved, newSide.approved);
    const randomTest = data.numeric('random_test').values;
    const inference = inferRejects(target, { kind: 'random-test', randomTest }, { groups: cells, groupCount: 4 });
    const report = computeSwapset(data, oldSide.approved, newSide.approved, {
      target: 'bad',
      amount: 'requested_amount',
      trueTarget: 'true_bad',
      inference,
    });
    const table = required(report.segments.ALL, 'the ALL table of the swap set', 'strategy');
    const swapIn = table.cells.swap_in;
    // How many random-test loans with an outcome the swap-in estimate rests on (its sampling error).
    let evidence = 0;
    for (let i = 0; i < cells.length; i++) if (cells[i] === 2 && randomTest[i] === 1 && !Number.isNaN(target[i] as number)) evidence++;
    const rate = swapIn.bad_rate ?? 0;
    const standardError = evidence > 0 ? Math.sqrt((rate * (1 - rate)) / evidence) : null;
    const cellRow = (name: string, s: SwapStats): Cell[] => [
      name,
      s.count,
      formatPercent(s.share),
      formatRate(s.bad_rate),
      formatRate(s.true_bad_rate),
      s.source,
    ];
    state.results.strategy = {
      old: oldSide.name,
      new: newSide.name,
      inference: report.inference,
      applications: table.applications,
      cells: table.cells,
      old_approved: table.old_approved,
      new_approved: table.new_approved,
      change: table.change,
      swap_in_random_test_loans: evidence,
      swap_in_standard_error: standardError,
    };
    state.say(
      `  old "${oldSide.name}" approves ${formatPercent(table.old_approved.approval_rate)}, new "${newSide.name}" approves ` +
        `${formatPercent(table.new_approved.approval_rate)} of ${table.applications} applications\n` +
        `  swap-ins were declined, so most have no outcome: ${swapIn.inferred} are inferred from the ${evidence} random-test loans in the cell,\n` +
        `  giving a swap-in bad rate of ${formatRate(swapIn.bad_rate)} (standard error ≈ ${formatRate(standardError)}); the world's true rate is ${formatRate(swapIn.true_bad_rate)}\n\n`,
    );
    state.say(
      indent(
        formatTable(
          ['cell', 'applications', 'share', 'bad rate', 'true bad rate', 'source'],
          [...SWAP_CELLS.map((c) => cellRow(c, table.cells[c])), cellRow('old approved', table.old_approved), cellRow('new approved', table.new_approved)],
        ),
      ),
    );
  },
};
