import { resolve } from 'node:path';
import { runLimitReview } from '../../store/repositories/limit-reviews.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { dataDirFlag, withStore } from './open-store.js';
import { readConfigFile } from './optimise.js';

/** `credo limits review`: the periodic credit-limit review of the stored credit lines. */
export const limitsReviewCommand = defineCommand({
  name: 'limits review',
  summary: 'Periodic credit-limit review: the optimised limit policy (as credo optimise limits) applied to seasoned active credit lines',
  details:
    'Reviews every active credit line open at least 90 days on --as-of: the config (as for credo optimise limits, over the\n' +
    'columns pd, limit, balance, rate, score) gives each behavioural segment a limit change; each changed limit is stored\n' +
    'with its old value and audited, and the review can be reversed (POST /api/v1/jobs/limit-review/:id/reversal).\n' +
    'Example: credo limits review --as-of 2025-06-30 --config examples/optimise/limit-review.yaml --data-dir .credo --json',
  flags: {
    'as-of': { type: 'date', required: true, description: 'business date YYYY-MM-DD' },
    config: { type: 'string', required: true, description: 'limit review config (YAML or JSON); see examples/optimise/limit-review.yaml' },
    'data-dir': dataDirFlag,
  },
  async run(args, _positionals, context) {
    const asOf = args['as-of'];
    const config = await readConfigFile(resolve(context.cwd, args.config));
    const today = new Date().toISOString().slice(0, 10);
    const review = await withStore(args['data-dir'], context.cwd, (db) =>
      db.transaction((tx) => runLimitReview(tx, { asOf, config }, { userId: null, role: 'system', today })),
    );
    const result = { id: review.id, as_of: review.asOf, status: review.status, accounts: review.accounts, changed: review.changed, result: review.result };
    printResult(
      context,
      result,
      () => `limit review ${result.as_of}: ${result.accounts} credit lines reviewed, ${result.changed} limits changed (review ${result.id})\n`,
    );
    return 0;
  },
});
