// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';

/**
 * Loan states (after Apache Fineract's loan lifecycle): `submitted` (created from a referred
 * application, awaiting manual approval), `approved`, `active` (disbursed, being repaid), and the
 * ends `closed` (obligations met, or a write-off fully recovered; reopened when a repayment that
 * closed it is reversed), `written_off`, `rejected`, `withdrawn`. A restructure keeps the loan
 * `active` (as Fineract's reschedule does) and flags it (`restructured_on`): the daily close and
 * the portfolio keep counting it as a live loan while the IRAC monitoring period runs.
 */
export const LOAN_STATES = ['submitted', 'approved', 'active', 'closed', 'written_off', 'rejected', 'withdrawn'] as const;

/** A loan state. */
export type LoanState = (typeof LOAN_STATES)[number];

/** The commands that move a loan between states. */
export type LoanCommand =
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'undo_approval'
  | 'disburse'
  | 'undo_disbursement'
  | 'close'
  | 'write_off'
  | 'restructure'
  | 'reopen';

/** From each state, the commands allowed and the state each leads to. */
const TRANSITIONS: Readonly<Record<LoanState, Readonly<Partial<Record<LoanCommand, LoanState>>>>> = {
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { disburse: 'active', undo_approval: 'submitted', withdraw: 'withdrawn' },
  active: { close: 'closed', write_off: 'written_off', restructure: 'active', undo_disbursement: 'approved' },
  closed: { reopen: 'active' },
  written_off: { close: 'closed' },
  rejected: {},
  withdrawn: {},
};

/** The commands allowed in `state`, in a fixed order. */
export function allowedCommands(state: LoanState): LoanCommand[] {
  return Object.keys(TRANSITIONS[state]) as LoanCommand[];
}

/**
 * The state `command` leads to from `state`. Throws `E_SERVICING_CONFLICT` (HTTP 409) naming
 * the allowed commands when the transition is illegal.
 */
export function nextState(state: LoanState, command: LoanCommand): LoanState {
  const next = TRANSITIONS[state][command];
  if (next === undefined) {
    const allowed = allowedCommands(state);
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `cannot ${command.replace('_', ' ')} a loan that is ${state}`,
      allowed: allowed.length === 0 ? 'none (final state)' : allowed.join(', '),
    });
  }
  return next;
}
