import { sql as core } from './001-core.js';
import { sql as auditLog } from './002-audit-log.js';
import { sql as idempotency } from './003-idempotency.js';
import { sql as loans } from './004-loans.js';
import { sql as loanLifecycle } from './005-loan-lifecycle.js';
import { sql as close } from './006-close.js';
import { sql as closeChunks } from './008-close-chunks.js';
import { sql as lineAlerts } from './009-line-alerts.js';
import { sql as instalmentPaid } from './010-instalment-paid.js';
import { sql as closeWrites } from './011-close-writes.js';
import { sql as ledgerLine } from './012-ledger-line.js';
import { sql as lineClose } from './013-line-close.js';
import { sql as auditSeals } from './014-audit-seals.js';
import { sql as loanProductsApart } from './015-loan-products-apart.js';
import { sql as closeLocality } from './016-close-locality.js';
import { sql as lineLateFees } from './017-line-late-fees.js';
import { sql as lineWriteOff } from './018-line-write-off.js';
import { sql as noJsonbStatistics } from './019-no-jsonb-statistics.js';

/** One forward-only schema change: applied once, in version order, never edited afterwards. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, in order. Add a file `NNN-name.ts` exporting `sql` and a line here; never
 * change or remove an applied one (`migrate` refuses a database whose applied checksums differ).
 * They are TypeScript strings so they ship inside dist/ with the code.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'audit-log', sql: auditLog },
  { version: 3, name: 'idempotency', sql: idempotency },
  { version: 4, name: 'loans', sql: loans },
  { version: 5, name: 'loan-lifecycle', sql: loanLifecycle },
  { version: 6, name: 'close', sql: close },
  { version: 8, name: 'close-chunks', sql: closeChunks },
  { version: 9, name: 'line-alerts', sql: lineAlerts },
  { version: 10, name: 'instalment-paid', sql: instalmentPaid },
  { version: 11, name: 'close-writes', sql: closeWrites },
  { version: 12, name: 'ledger-line', sql: ledgerLine },
  { version: 13, name: 'line-close', sql: lineClose },
  { version: 14, name: 'audit-seals', sql: auditSeals },
  { version: 15, name: 'loan-products-apart', sql: loanProductsApart },
  { version: 16, name: 'close-locality', sql: closeLocality },
  { version: 17, name: 'line-late-fees', sql: lineLateFees },
  { version: 18, name: 'line-write-off', sql: lineWriteOff },
  { version: 19, name: 'no-jsonb-statistics', sql: noJsonbStatistics },
];
