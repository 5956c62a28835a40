/**
 * Migration 006: the daily close's additions. `loan_classifications` gains the behavioural PD,
 * the interest income recognised to date (`accrued`, minor units; what the ledger's interest
 * income holds for the loan after that close) and the late fees charged to date. `loan_alerts`
 * holds the early warnings, one row per loan, date and kind. `close_progress` records how far a
 * date's close got (its chunks commit in order), so a crashed close resumes where it stopped.
 * `loans` leaves room on each page so the close's updates stay HOT (no index entries written).
 */
// @ts-nocheck

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
  chunks integer NOT NULL CHECK (chunks >= 1),
  done integer NOT NULL DEFAULT 0,
  loans integer NOT NULL DEFAULT 0,
  npa_loans integer NOT NULL DEFAULT 0,
  alerts integer NOT NULL DEFAULT 0,
  seconds double precision NOT NULL DEFAULT 0,
  CHECK (done BETWEEN 0 AND chunks)
);

ALTER TABLE loans SET (fillfactor = 80);
`;
