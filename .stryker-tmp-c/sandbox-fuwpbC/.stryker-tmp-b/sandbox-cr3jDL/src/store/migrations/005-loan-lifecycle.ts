/**
 * Migration 005: the rest of the loan lifecycle. Prepayments and recoveries are transactions
 * (`kind`); an instalment a restructure froze keeps the late fee it had (`fixed_penalty`);
 * `loan_reschedules` keeps every schedule a prepayment or restructure replaced (never deleted);
 * a restructured loan carries its date and the end of its IRAC monitoring period;
 * `loan_collateral` and `loan_guarantors` (released, never deleted); revolving `credit_lines` with
 * their draws and repayments, and the periodic `limit_reviews` with every `credit_limit_changes` row
 * they made (a reversal restores the old limits and keeps the rows).
 */
// @ts-nocheck

// 

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

CREATE TABLE credit_lines (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
  state text NOT NULL CHECK (state IN ('active', 'closed')),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  credit_limit bigint NOT NULL CHECK (credit_limit > 0),
  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  annual_rate numeric NOT NULL CHECK (annual_rate >= 0),
  pd double precision NOT NULL CHECK (pd >= 0 AND pd <= 1),
  score double precision,
  opened_on date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (balance <= credit_limit)
);
CREATE TRIGGER credit_lines_updated_at BEFORE UPDATE ON credit_lines FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

CREATE TABLE credit_line_transactions (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  line_id uuid NOT NULL REFERENCES credit_lines (id),
  kind text NOT NULL CHECK (kind IN ('draw', 'repayment')),
  amount bigint NOT NULL CHECK (amount > 0),
  value_date date NOT NULL,
  external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_line_transactions_line ON credit_line_transactions (line_id, seq);

CREATE TABLE limit_reviews (
  id uuid PRIMARY KEY,
  as_of date NOT NULL,
  config jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'reversed')),
  accounts integer NOT NULL,
  changed integer NOT NULL,
  result jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  reversed_at timestamptz,
  reversed_by uuid REFERENCES users (id),
  reversal_reason text
);

CREATE TABLE credit_limit_changes (
  review_id uuid NOT NULL REFERENCES limit_reviews (id),
  line_id uuid NOT NULL REFERENCES credit_lines (id),
  segment text NOT NULL,
  change double precision NOT NULL,
  old_limit bigint NOT NULL,
  new_limit bigint NOT NULL,
  PRIMARY KEY (review_id, line_id)
);
CREATE INDEX credit_limit_changes_line ON credit_limit_changes (line_id);
`;
