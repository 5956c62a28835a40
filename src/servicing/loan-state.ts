import { CredoError } from '../errors/index.js';

/**
 * Loan states (after Apache Fineract's loan lifecycle): `submitted` (created from an
 * application, awaiting approval), `approved`, `active` (disbursed, being repaid), and the ends
 * `closed` (obligations met; reopened when a repayment that closed it is reversed), `written_off`, `restructured` (replaced by a new schedule),
 * `rejected`, `withdrawn`.
 */
export const LOAN_STATES = ['submitted', 'approved', 'active', 'closed', 'written_off', 'restructured', 'rejected', 'withdrawn'] as const;

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
  active: { close: 'closed', write_off: 'written_off', restructure: 'restructured', undo_disbursement: 'approved' },
  closed: { reopen: 'active' },
  written_off: {},
  restructured: {},
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
