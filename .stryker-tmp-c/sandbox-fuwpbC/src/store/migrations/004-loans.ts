/**
 * Migration 004: loan servicing. `loans` (state, terms, the product version as a snapshot, and
 * the figures of the last daily close), `loan_instalments` (the schedule), `loan_transactions`
 * (money movements: never deleted, a reversal marks them), `loan_allocations` (derived: what each
 * live repayment paid per instalment, rewritten when a loan is replayed), `loan_state_changes`,
 * `ledger_entries` (double entry, append-only, integer minor units), `loan_classifications`
 * (history of the daily close, one row per loan and date) and `close_runs`.
 */
// @ts-nocheck

export const sql = `
CREATE TABLE loan_products (
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 100),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE loans (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
  product_id text NOT NULL,
  product_version integer NOT NULL,
  product jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('submitted', 'approved', 'active', 'closed', 'written_off', 'restructured', 'rejected', 'withdrawn')),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  principal bigint NOT NULL CHECK (principal > 0),
  annual_rate numeric NOT NULL CHECK (annual_rate >= 0),
  term_months integer NOT NULL CHECK (term_months >= 1),
  pd double precision NOT NULL CHECK (pd >= 0 AND pd <= 1),
  disbursed_on date,
  outstanding_principal bigint NOT NULL DEFAULT 0 CHECK (outstanding_principal >= 0),
  written_off bigint NOT NULL DEFAULT 0 CHECK (written_off >= 0),
  recovered bigint NOT NULL DEFAULT 0 CHECK (recovered >= 0),
  last_close date,
  dpd integer NOT NULL DEFAULT 0,
  irac_class text NOT NULL DEFAULT 'Standard',
  npa_since date,
  ifrs9_stage smallint NOT NULL DEFAULT 1 CHECK (ifrs9_stage BETWEEN 1 AND 3),
  ecl bigint NOT NULL DEFAULT 0,
  provision bigint NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (product_id, product_version) REFERENCES loan_products (id, version)
);
CREATE INDEX loans_state ON loans (state);
CREATE TRIGGER loans_updated_at BEFORE UPDATE ON loans FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

CREATE TABLE loan_instalments (
  loan_id uuid NOT NULL REFERENCES loans (id),
  n integer NOT NULL CHECK (n >= 1),
  due_date date NOT NULL,
  principal bigint NOT NULL CHECK (principal >= 0),
  interest bigint NOT NULL CHECK (interest >= 0),
  fees bigint NOT NULL CHECK (fees >= 0),
  PRIMARY KEY (loan_id, n)
);

CREATE TABLE loan_transactions (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  loan_id uuid NOT NULL REFERENCES loans (id),
  kind text NOT NULL CHECK (kind IN ('disbursement', 'repayment', 'write_off', 'recovery')),
  amount bigint NOT NULL CHECK (amount > 0),
  value_date date NOT NULL,
  external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  reversed_at timestamptz,
  reversed_by uuid REFERENCES users (id),
  reversal_reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_transactions_loan ON loan_transactions (loan_id, value_date, seq);

CREATE TABLE loan_allocations (
  transaction_id uuid NOT NULL REFERENCES loan_transactions (id),
  loan_id uuid NOT NULL REFERENCES loans (id),
  n integer NOT NULL,
  value_date date NOT NULL,
  penalty bigint NOT NULL DEFAULT 0,
  fees bigint NOT NULL DEFAULT 0,
  interest bigint NOT NULL DEFAULT 0,
  principal bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (transaction_id, n)
);
CREATE INDEX loan_allocations_loan ON loan_allocations (loan_id, n, value_date);

CREATE TABLE loan_state_changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  loan_id uuid NOT NULL REFERENCES loans (id),
  command text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  reason text,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_state_changes_loan ON loan_state_changes (loan_id, seq);

CREATE TABLE ledger_entries (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  journal_id uuid NOT NULL,
  loan_id uuid REFERENCES loans (id),
  account text NOT NULL,
  debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
  value_date date NOT NULL,
  memo text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((debit > 0) <> (credit > 0))
);
CREATE INDEX ledger_entries_loan ON ledger_entries (loan_id, account);
CREATE FUNCTION credo_ledger_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % refused (correct by reversal)', TG_OP USING ERRCODE = 'CR001';
END $$;
CREATE TRIGGER ledger_entries_guard BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION credo_ledger_guard();

CREATE TABLE loan_classifications (
  loan_id uuid NOT NULL REFERENCES loans (id),
  as_of date NOT NULL,
  dpd integer NOT NULL,
  bucket text NOT NULL,
  irac_class text NOT NULL,
  npa boolean NOT NULL,
  npa_since date,
  ifrs9_stage smallint NOT NULL,
  ecl bigint NOT NULL,
  provision bigint NOT NULL,
  outstanding bigint NOT NULL,
  PRIMARY KEY (loan_id, as_of)
);
CREATE INDEX loan_classifications_as_of ON loan_classifications (as_of);

CREATE TABLE close_runs (
  as_of date PRIMARY KEY,
  loans integer NOT NULL,
  npa_loans integer NOT NULL,
  alerts integer NOT NULL,
  seconds double precision NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);
`;
