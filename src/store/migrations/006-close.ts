/**
 * Migration 006: the daily close's additions. `loan_classifications` gains the behavioural PD,
 * the interest income recognised to date (`accrued`, minor units; what the ledger's interest
 * income holds for the loan after that close) and the late fees charged to date. `loan_alerts`
 * holds the early warnings, one row per loan, date and kind. `close_progress` records a date's
 * close under way (how many chunks) and `close_chunks` each chunk that committed with its counts,
 * so a crashed close resumes with the chunks not done.
 * `loans` leaves room on each page so the close's updates stay HOT (no index entries written).
 */
export const sql = `
ALTER TABLE loan_classifications
  ADD COLUMN pd double precision CHECK (pd >= 0 AND pd <= 1),
  ADD COLUMN accrued bigint NOT NULL DEFAULT 0 CHECK (accrued >= 0),
  ADD COLUMN late_fees bigint NOT NULL DEFAULT 0 CHECK (late_fees >= 0);

CREATE TABLE loan_alerts (
  loan_id uuid NOT NULL REFERENCES loans (id),
  as_of date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('npa', 'stage_2', 'late_payments_3', 'pd_doubled')),
  dpd integer NOT NULL,
  pd double precision NOT NULL,
  PRIMARY KEY (loan_id, as_of, kind)
);
CREATE INDEX loan_alerts_as_of ON loan_alerts (as_of);

CREATE TABLE close_progress (
  as_of date PRIMARY KEY,
  chunks integer NOT NULL CHECK (chunks >= 1)
);
CREATE TABLE close_chunks (
  as_of date NOT NULL REFERENCES close_progress (as_of) ON DELETE CASCADE,
  chunk integer NOT NULL CHECK (chunk >= 0),
  loans integer NOT NULL,
  npa_loans integer NOT NULL,
  alerts integer NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (as_of, chunk)
);

ALTER TABLE loans SET (fillfactor = 80);
`;
