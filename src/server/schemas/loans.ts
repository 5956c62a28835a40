import { Type } from 'typebox';
import { IsoDate } from './common.js';

export { IsoDate };

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
