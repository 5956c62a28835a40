import { type TProperties, type TString, Type } from 'typebox';
import { IsoDate } from './common.js';

/** Who may move money and change loans, and who may read them. */
export const LOAN_WRITERS = ['admin', 'loan_officer'] as const;
export const LOAN_READERS = ['admin', 'loan_officer', 'risk_analyst', 'auditor'] as const;

/** Money in answers: a decimal string with the currency's decimals. */
export const Money = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'decimal string, 2 decimals for USD' });

/** Money in bodies: a decimal string or a number of major units, positive. */
export const MoneyIn = Type.Union([Type.String({ pattern: '^\\d{1,13}(\\.\\d{1,2})?$' }), Type.Number({ exclusiveMinimum: 0, maximum: 1e13 })], {
  description: 'decimal string ("250.00") or number of major units',
});

/** Why a command was given (kept in the state history and the audit log). */
export const Reason = Type.String({ minLength: 1, maxLength: 1000 });

/** An external id of a money movement (a bank reference): a retried movement with it is never posted twice. */
export const ExternalId = Type.String({ minLength: 1, maxLength: 200 });

/** What a payment paid, per component. */
export const AllocationView = Type.Object({ penalty: Money, fees: Money, interest: Money, principal: Money, excess: Money });

/** One instalment of a schedule. */
export const InstalmentView = Type.Object({ n: Type.Integer(), due_date: IsoDate, principal: Money, interest: Money, fees: Money, emi: Money });

/** The body of a money movement on a loan or credit line (repayment, draw, recovery): amount, value date, optional external id. */
export const MovementBody = Type.Object({ amount: MoneyIn, value_date: IsoDate, external_id: Type.Optional(ExternalId) }, { additionalProperties: false });

/** The body of a write-off: why. */
export const WriteOffBody = Type.Object({ reason: Reason }, { additionalProperties: false });

/** The answer to a write-off: the new state and the amount written off. */
export const WriteOffView = Type.Object({ state: Type.String(), written_off: Money });

/**
 * The answer to a posted movement: its transaction id, the id of the loan or line it moved (under
 * `accountKey`: `loan_id`, `line_id`), the resulting state, the command's own `figures`, and
 * whether it was a replay of an earlier `external_id`.
 */
export function movementView<K extends string, P extends TProperties>(accountKey: K, figures: P) {
  return Type.Object({
    id: Type.String({ format: 'uuid' }),
    ...({ [accountKey]: Type.String({ format: 'uuid' }) } as Record<K, TString>),
    state: Type.String(),
    ...figures,
    replayed: Type.Boolean(),
  });
}
