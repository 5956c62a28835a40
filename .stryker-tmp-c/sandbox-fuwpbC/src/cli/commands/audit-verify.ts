// @ts-nocheck
import { verifyAudit } from '../../store/index.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { dataDirFlag, withStore } from './open-store.js';

/** `credo audit verify`: seals pending audit entries and checks the whole hash chain; exit 1 when broken. */
export const auditVerifyCommand = defineCommand({
  name: 'audit verify',
  summary: 'Verify the audit log hash chain (exit 0 intact, 1 broken)',
  details:
    'Seals entries not yet chained, then recomputes every hash in chain order. `first_bad` is the seq of the first\n' +
    'entry whose content, position or hash does not match. Keep `head` elsewhere to detect truncation later.\n' +
    'Example: credo audit verify --data-dir .credo --json',
  flags: { 'data-dir': dataDirFlag },
  async run(args, _positionals, context) {
    const result = await withStore(args['data-dir'], context.cwd, (db) => verifyAudit(db));
    printResult(context, result, () =>
      result.ok
        ? `audit log intact: ${result.entries} entries, head ${result.head}\n`
        : `audit log BROKEN at entry seq ${result.first_bad} (${result.entries} entries verified before it)\n`,
    );
    return result.ok ? 0 : 1;
  },
});
