/**
 * Migration 009: the daily close's early warnings cover revolving credit lines too. A
 * `loan_alerts` row is about a loan or (new) a credit line, never both; the line's utilisation
 * jump (`utilisation_jump`) stores the utilisation that day and 30 days before.
 */
// @ts-nocheck

export const sql = `
ALTER TABLE loan_alerts DROP CONSTRAINT loan_alerts_pkey;
ALTER TABLE loan_alerts ALTER COLUMN loan_id DROP NOT NULL;
ALTER TABLE loan_alerts ADD COLUMN line_id uuid REFERENCES credit_lines (id);
ALTER TABLE loan_alerts ADD COLUMN utilisation double precision;
ALTER TABLE loan_alerts ADD COLUMN utilisation_before double precision;
ALTER TABLE loan_alerts ADD CONSTRAINT loan_alerts_subject CHECK ((loan_id IS NULL) <> (line_id IS NULL));
ALTER TABLE loan_alerts DROP CONSTRAINT loan_alerts_kind_check;
ALTER TABLE loan_alerts ADD CONSTRAINT loan_alerts_kind_check
  CHECK (kind IN ('npa', 'stage_2', 'late_payments_3', 'pd_doubled', 'utilisation_jump'));
CREATE UNIQUE INDEX loan_alerts_loan ON loan_alerts (loan_id, as_of, kind) WHERE loan_id IS NOT NULL;
CREATE UNIQUE INDEX loan_alerts_line ON loan_alerts (line_id, as_of, kind) WHERE line_id IS NOT NULL;
`;
