import { type TProperties, type TString, Type } from 'typebox';
import { IsoDate, pageOf, Timestamp } from './common.js';

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

const Nullable = <T extends TString>(t: T) => Type.Union([t, Type.Null()]);

/** A loan as the API shows it. */
export const LoanView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  application_id: Type.String({ format: 'uuid' }),
  product_id: Type.String(),
  product_version: Type.Integer(),
  state: Type.String(),
  allowed_commands: Type.Array(Type.String()),
  currency: Type.String(),
  principal: Money,
  annual_rate: Type.String(),
  term_months: Type.Integer(),
  disbursed_on: Nullable(IsoDate),
  as_of: Nullable(IsoDate),
  outstanding_principal: Money,
  outstanding_total: Money,
  arrears: Money,
  paid: Money,
  written_off: Money,
  dpd: Type.Integer(),
  bucket: Type.String(),
  irac_class: Type.String(),
  npa: Type.Boolean(),
  npa_since: Nullable(IsoDate),
  ifrs9_stage: Type.Integer({ minimum: 1, maximum: 3 }),
  ecl: Money,
  provision: Money,
  last_close: Nullable(IsoDate),
  restructured_on: Nullable(IsoDate),
  monitored_until: Nullable(IsoDate),
  collateral_value: Money,
  ltv: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'outstanding principal / unreleased collateral value; null without collateral' }),
});

/**
 * `GET /api/v1/loans`: a page of the loan book, newest first. Each row carries the figures of the
 * loan's last daily close (dpd, IRAC class, stage, outstanding principal; their initial values before one).
 */
export const LoanListResponse = pageOf(
  Type.Pick(LoanView, [
    'id',
    'application_id',
    'state',
    'currency',
    'principal',
    'outstanding_principal',
    'annual_rate',
    'term_months',
    'disbursed_on',
    'dpd',
    'irac_class',
    'ifrs9_stage',
    'last_close',
    'restructured_on',
  ]),
);

const ClassificationView = Type.Object({
  irac_class: Type.String(),
  npa: Type.Boolean(),
  stage: Type.Integer({ minimum: 1, maximum: 3, description: 'IFRS 9 stage' }),
});

/**
 * `GET /api/v1/loans/:id/history`: transactions with their allocation (reversed ones marked), the
 * daily closes (last 400), the classification moves between consecutive closes, the state changes
 * and the ledger lines of the loan's journals (first 500), each oldest first. Money as decimal
 * strings in the loan's currency.
 */
export const LoanHistoryResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  currency: Type.String(),
  transactions: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      kind: Type.String({ description: 'disbursement, repayment, write_off, recovery' }),
      amount: Money,
      value_date: IsoDate,
      reversed: Type.Boolean(),
      reversal_reason: Type.Union([Type.String(), Type.Null()], { description: 'null unless reversed' }),
      allocation: Type.Omit(AllocationView, ['excess'], { description: 'what the movement paid per component (all zero for a disbursement)' }),
    }),
  ),
  dpd: Type.Array(
    Type.Object({
      as_of: IsoDate,
      dpd: Type.Integer({ description: 'days past due at the close' }),
      bucket: Type.String(),
      ...ClassificationView.properties,
      outstanding: Money,
      ecl: Money,
      provision: Money,
    }),
  ),
  moves: Type.Array(
    Type.Object({
      as_of: IsoDate,
      from: ClassificationView,
      to: ClassificationView,
      dpd: Type.Integer(),
    }),
    { description: 'closes whose IRAC class, NPA flag or stage differ from the previous close' },
  ),
  states: Type.Array(
    Type.Object({
      command: Type.String(),
      from: Type.Union([Type.String(), Type.Null()], { description: 'null for the creating command' }),
      to: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      at: Timestamp,
    }),
  ),
  ledger: Type.Array(
    Type.Object({
      seq: Type.Integer({ minimum: 1 }),
      journal_id: Type.String({ format: 'uuid' }),
      account: Type.String(),
      debit: Money,
      credit: Money,
      value_date: IsoDate,
      memo: Type.String(),
    }),
  ),
});
