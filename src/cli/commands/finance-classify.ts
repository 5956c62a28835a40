import { CredoError } from '../../errors/index.js';
import { classifyByDates, classifyDpdHistory, IRAC_BUCKETS, iracBucket, RBI_PROVISION_RATES } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** `credo finance classify --dpd 120 --as-of 2025-03-31`: RBI IRAC bucket and provisioning rate. */
export const financeClassifyCommand = defineCommand({
  name: 'finance classify',
  summary: 'RBI IRAC asset classification (Standard, SMA-0/1/2, Sub-standard, Doubtful D1/D2/D3, Loss) and provisioning rate',
  details:
    'dpd 0 Standard, 1-30 SMA-0, 31-60 SMA-1, 61-90 SMA-2, > 90 NPA: Sub-standard while NPA ≤ 12 months, then Doubtful\n' +
    'D1 (≤ 1 year doubtful), D2 (1-3 years), D3 (> 3 years); Loss when identified. Give --dpd with --as-of (and --npa-date,\n' +
    'else derived from dpd), --dpd with --months-npa, or a monthly --dpd-history (oldest first).\n' +
    'Example: credo finance classify --dpd 400 --as-of 2025-03-31',
  flags: {
    dpd: { type: 'int', min: 0, description: 'days past due now' },
    'as-of': { type: 'date', description: 'classification date YYYY-MM-DD' },
    'npa-date': { type: 'date', description: 'date the loan became an NPA (default: as-of − (dpd − 91) days)' },
    'months-npa': { type: 'int', min: 0, description: 'whole months the loan has been an NPA (instead of dates)' },
    'dpd-history': { type: 'list', description: 'monthly dpd, oldest first: classifies every month' },
    loss: { type: 'boolean', description: 'identified as loss (written off)' },
  },
  run(args, _positionals, context) {
    if (args['dpd-history'].length > 0) {
      const history = args['dpd-history'].map(Number);
      if (history.some((d) => !Number.isInteger(d) || d < 0))
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'dpd-history', problem: 'must be whole numbers ≥ 0', value: args['dpd-history'].join(',') });
      const codes = classifyDpdHistory(history);
      const months = history.map((dpd, t) => ({ month: t + 1, dpd, bucket: IRAC_BUCKETS[codes[t] as number] as string }));
      const last = months[months.length - 1] as { bucket: string };
      const result = { bucket: last.bucket, provision_rate: RBI_PROVISION_RATES[last.bucket as keyof typeof RBI_PROVISION_RATES], months };
      printResult(context, result, () =>
        formatTable(
          ['month', 'dpd', 'bucket'],
          months.map((m) => [m.month, m.dpd, m.bucket]),
        ),
      );
      return 0;
    }
    if (args.dpd === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'dpd' });
    let bucket: string;
    if (args['months-npa'] !== undefined || args['as-of'] === undefined) bucket = iracBucket(args.dpd, args['months-npa'] ?? 0, args.loss);
    else bucket = classifyByDates(args.dpd, args['as-of'], { loss: args.loss, ...(args['npa-date'] === undefined ? {} : { npaDate: args['npa-date'] }) });
    const result = {
      dpd: args.dpd,
      bucket,
      npa: IRAC_BUCKETS.indexOf(bucket as never) >= 4,
      provision_rate: RBI_PROVISION_RATES[bucket as keyof typeof RBI_PROVISION_RATES],
    };
    printResult(context, result, () =>
      formatTable(
        ['dpd', 'bucket', 'NPA', 'provision rate'],
        [[args.dpd as number, bucket, result.npa ? 'yes' : 'no', `${(result.provision_rate * 100).toFixed(2)}%`]],
      ),
    );
    return 0;
  },
});
