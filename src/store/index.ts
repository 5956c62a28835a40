/** The store: PostgreSQL through embedded PGlite or a server, migrations, repositories, the audit chain. */
export {
  type AuditVerification,
  canonicalAuditEntry,
  chainHash,
  GENESIS_HASH,
  type SealOptions,
  sealAudit,
  UNSEALED_ENTRIES,
  verifyAudit,
} from './audit-chain.js';
export {
  type Database,
  DEFAULT_DATA_DIR,
  databaseOptionsFromEnv,
  type OpenDatabaseOptions,
  openDatabase,
  type PoolStats,
  type Transaction,
  type TransactionOptions,
} from './database.js';
export { isRetryable, sqlState, translateDatabaseError } from './database-error.js';
export { DecisionWriter, type DecisionWriterOptions } from './decision-writer.js';
export { type MigrateOptions, type MigrateResult, migrate } from './migrate.js';
export { type Migration, migrations } from './migrations/index.js';
export type { Queryable, QueryResult } from './queryable.js';
export {
  type Application,
  type ApplicationFilter,
  type ApplicationWithInput,
  getApplication,
  getApplicationByExternalId,
  insertApplication,
  listApplications,
} from './repositories/applications.js';
export { type AuditEntry, type AuditFilter, type AuditInput, appendAudit, listAudit } from './repositories/audit.js';
export {
  addEmployment,
  type Customer,
  type CustomerInput,
  type CustomerWithEmployment,
  createCustomer,
  type Employment,
  type EmploymentInput,
  getCustomer,
  type KycStatus,
  listCustomers,
  listEmployment,
  maskNationalId,
  setKycStatus,
} from './repositories/customers.js';
export {
  type DecisionKind,
  decisionRecordOf,
  getDecision,
  getShadowDecision,
  insertDecision,
  insertOverride,
  listDecisionsOfApplication,
  type StoredDecision,
} from './repositories/decisions.js';
export {
  claimIdempotencyKey,
  completeIdempotencyKey,
  hashRequest,
  type IdempotencyClaim,
  type IdempotencyKeyRef,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
} from './repositories/idempotency.js';
export { loanLedgerPosition, postJournal, trialBalance } from './repositories/ledger.js';
export { type LoanCloseRow, type LoanLedgerRow, type LoanStateRow, type LoanTransactionRow, loanHistory } from './repositories/loan-history.js';
export {
  ensureDefaultProduct,
  getLatestProduct,
  getLoan,
  getLoanIdOfApplication,
  type Loan,
  type LoanSummary,
  listInstalments,
  listLoans,
  listRepayments,
  loanPositionOf,
  productFromJson,
  replaceSchedule,
} from './repositories/loans.js';
export {
  addCollateral,
  addGuarantor,
  COLLATERAL_TYPES,
  type CollateralType,
  collateralValue,
  listPledges,
  type Pledge,
  releasePledge,
} from './repositories/loans-collateral.js';
export { createLoan, disburseLoan, recordRepayment, reverseRepayment, transitionLoan, undoDisbursement, writeOffLoan } from './repositories/loans-commands.js';
export { type NpaBreakdownRow, npaBreakdown, type PortfolioSummary, portfolioSummary } from './repositories/loans-portfolio.js';
export { recoverLoan } from './repositories/loans-recovery.js';
export { type PrepaymentResult, prepayLoan, type RestructureInput, restructureLoan } from './repositories/loans-reschedule.js';
export type { LoanActor } from './repositories/loans-steps.js';
export {
  getChallenger,
  getChampion,
  getModel,
  getModelByHash,
  insertModel,
  listModels,
  type ModelEntry,
  type ModelStatus,
  type ModelWithBody,
  promoteModel,
  retireModel,
} from './repositories/models.js';
export { DEFAULT_PAGE_SIZE, isUuid, MAX_PAGE_SIZE, pageOf } from './repositories/page.js';
export { activatePolicy, getActivePolicy, getPolicy, insertPolicy, listPolicies, type PolicyEntry, type PolicyWithYaml } from './repositories/policies.js';
export { activeExposures, recentApplicationInputs, recentApplicationOutcomes } from './repositories/recent-inputs.js';
export { type DecidedApplication, recordDecidedApplication, recordDecidedApplications } from './repositories/record-decided-application.js';
export { notifyRegistryChange, REGISTRY_CHANNEL, watchRegistry } from './repositories/registry-changes.js';
export {
  createApiKey,
  createUser,
  getUser,
  hashApiKey,
  type IssuedKey,
  listUsers,
  type Principal,
  ROLES,
  type Role,
  revokeApiKey,
  type User,
  verifyApiKey,
} from './repositories/users.js';
export { timeOrderedId } from './time-ordered-id.js';
