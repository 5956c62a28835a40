import { CredoError } from '../../errors/index.js';

/** A money movement as a loan or credit-line command takes it: minor units, value date (YYYY-MM-DD), optional external id. */
export interface MovementInput {
  readonly amount: number;
  readonly valueDate: string;
  /** The caller's reference (a bank reference): a retried movement with it is never posted twice. */
  readonly externalId?: string | null;
}

/** 422 naming `amount` unless it is 1..`remaining` minor units: a recovery never exceeds the write-off not yet recovered. */
export function checkRecoveryAmount(amount: number, remaining: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'amount', problem: `must be 1..${remaining} minor units (the write-off not yet recovered)` });
}

/** The audit details every recorded movement starts with: its transaction id and the movement as given. */
export function movementAuditDetails(transactionId: string, input: MovementInput) {
  return { transaction_id: transactionId, amount: input.amount, value_date: input.valueDate, external_id: input.externalId ?? null };
}
