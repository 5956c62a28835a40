import { closeBook } from '../../store/repositories/close.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { dataDirFlag, withStore } from './open-store.js';

/** `credo close`: the daily close of the loan book as of a date (catch-up over missed dates; idempotent). */
export const closeCommand = defineCommand({
  name: 'close',
  summary: 'Daily close of the loan book: dpd, IRAC class, NPA, IFRS 9 stage, ECL, provisions, accrual, alerts',
  details:
    'Closes every date from the day after the last close up to --as-of (the first close: that date alone) with\n' +
    'set-based SQL over the whole book, in chunks of loans that commit on their own (a crashed close resumes).\n' +
    'Writes classifications, interest accrual and provision journals, late fees and early-warning alerts.\n' +
    'A date already closed returns its stored figures and changes nothing.\n' +
    'Example: credo close --as-of 2025-06-30 --data-dir .credo --json',
  flags: {
    'as-of': { type: 'date', required: true, description: 'business date YYYY-MM-DD' },
    'data-dir': dataDirFlag,
  },
  async run(args, _positionals, context) {
    const asOf = args['as-of'];
    const run = await withStore(args['data-dir'], context.cwd, (db) => closeBook(db, asOf));
    const result = {
      as_of: run.asOf,
      loans: run.loans,
      seconds: run.seconds,
      npa_loans: run.npaLoans,
      alerts: run.alerts,
      lines: run.lines,
      npa_lines: run.npaLines,
      dates_closed: run.datesClosed,
    };
    printResult(
      context,
      result,
      () =>
        `closed ${result.as_of}: ${result.loans} loans, ${result.npa_loans} NPA, ${result.lines} credit lines (${result.npa_lines} NPA), ${result.alerts} alerts (${result.dates_closed} dates closed now)\n`,
    );
    return 0;
  },
});
