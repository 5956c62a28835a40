/** Loan servicing, pure: states, products, schedules, repayment replay and allocation, classification, accrual, ledger positions. */
export { accruedInterest, dayCountDays } from './accrue-interest.js';
export { behaviouralPd, pdDoubled } from './behavioural-pd.js';
export { type Classification, type ClassifyInput, classifyLoan } from './classify-loan.js';
export { allocateLineMovements, CREDIT_LINE_TERMS, type LineAllocation, type LineMovement } from './credit-line.js';
export { addMonths, dayNumber, isoDay } from './dates.js';
export { ACCOUNTS, type Account, journalBetween, type LoanMoney, loanPosition, type Position, type Posting, ZERO_POSITION } from './ledger-position.js';
export { lineInterestAccrued } from './line-interest.js';
export { type AllocatedLineMovement, type LineLateFee, lineLateFees } from './line-late-fees.js';
export { type Component, checkLoanTerms, DEFAULT_PRODUCT, delinquencyBucket, type LoanProduct } from './loan-product.js';
export { buildSchedule, type Instalment } from './loan-schedule.js';
export { allowedCommands, LOAN_STATES, type LoanCommand, type LoanState, nextState } from './loan-state.js';
export { type Allocation, type InstalmentState, type LoanPosition, type Repayment, replayLoan } from './replay-loan.js';
export { days360, interestBetween, type PrepaymentMode, planPrepayment, planRestructure, type Reschedule } from './reschedule-loan.js';
