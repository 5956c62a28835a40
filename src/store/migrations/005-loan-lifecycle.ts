/**
 * Migration 005: the rest of the loan lifecycle. Prepayments and recoveries are transactions
 * (`kind`); an instalment a restructure froze keeps the late fee it had (`fixed_penalty`);
 * `loan_reschedules` keeps every schedule a prepayment or restructure replaced (never deleted);
 * a restructured loan carries its date and the end of its IRAC monitoring period;
 * `loan_collateral` and `loan_guarantors` (released, never deleted).
 */
export const sql = `
ALTER TABLE loan_transactions DROP CONSTRAINT loan_transactions_kind_check;
ALTER TABLE loan_transactions ADD CONSTRAINT loan_transactions_kind_check
  CHECK (kind IN ('disbursement', 'repayment', 'prepayment', 'write_off', 'recovery'));

ALTER TABLE loan_instalments ADD COLUMN fixed_penalty bigint CHECK (fixed_penalty >= 0);

ALTER TABLE loans ADD COLUMN restructured_on date;
ALTER TABLE loans ADD COLUMN monitored_until date;
ALTER TABLE loans ADD COLUMN rescheduled_on date;

CREATE TABLE loan_reschedules (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  loan_id uuid NOT NULL REFERENCES loans (id),
  kind text NOT NULL CHECK (kind IN ('prepayment', 'restructure')),
  value_date date NOT NULL,
  transaction_id uuid REFERENCES loan_transactions (id),
  terms jsonb NOT NULL CHECK (jsonb_typeof(terms) = 'object'),
  previous_schedule jsonb NOT NULL CHECK (jsonb_typeof(previous_schedule) = 'array'),
  reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_reschedules_loan ON loan_reschedules (loan_id, seq);

CREATE TABLE loan_collateral (
  id uuid PRIMARY KEY,
  loan_id uuid NOT NULL REFERENCES loans (id),
  type text NOT NULL CHECK (type IN ('property', 'vehicle', 'deposit', 'securities', 'gold', 'equipment', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  value bigint NOT NULL CHECK (value > 0),
  valued_on date NOT NULL,
  released_at timestamptz,
  released_by uuid REFERENCES users (id),
  release_reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_collateral_loan ON loan_collateral (loan_id);

CREATE TABLE loan_guarantors (
  id uuid PRIMARY KEY,
  loan_id uuid NOT NULL REFERENCES loans (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  relationship text CHECK (length(relationship) BETWEEN 1 AND 100),
  customer_id uuid REFERENCES customers (id),
  guaranteed_amount bigint NOT NULL CHECK (guaranteed_amount > 0),
  released_at timestamptz,
  released_by uuid REFERENCES users (id),
  release_reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_guarantors_loan ON loan_guarantors (loan_id);
`;
