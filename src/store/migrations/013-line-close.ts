/**
 * Migration 013: credit lines in the daily close. A line has a day count (`day_count`), each
 * repayment its allocation (`interest` first, then `principal`; a draw is all principal), and the
 * figures of its last close (dpd, IRAC class, NPA date, stage, ECL, provision, interest accrued,
 * recognised and paid, minimum due, next due date). `credit_line_classifications` is the lines'
 * daily history (one row per line and date), `credit_line_statements` the monthly statements as
 * issued. `close_runs` counts the lines closed and their NPAs. The close's update of a line's
 * figures does not move `updated_at` (the time a command last changed it), as for loans.
 */
export const sql = `
ALTER TABLE credit_lines
  ADD COLUMN day_count text NOT NULL DEFAULT 'actual/365' CHECK (day_count IN ('30/360', 'actual/365')),
  ADD COLUMN last_close date,
  ADD COLUMN dpd integer NOT NULL DEFAULT 0,
  ADD COLUMN irac_class text NOT NULL DEFAULT 'Standard',
  ADD COLUMN npa_since date,
  ADD COLUMN ifrs9_stage smallint NOT NULL DEFAULT 1 CHECK (ifrs9_stage BETWEEN 1 AND 3),
  ADD COLUMN ecl bigint NOT NULL DEFAULT 0,
  ADD COLUMN provision bigint NOT NULL DEFAULT 0,
  ADD COLUMN interest_accrued bigint NOT NULL DEFAULT 0,
  ADD COLUMN interest_recognised bigint NOT NULL DEFAULT 0,
  ADD COLUMN interest_paid bigint NOT NULL DEFAULT 0,
  ADD COLUMN interest_billed_unpaid bigint NOT NULL DEFAULT 0,
  ADD COLUMN minimum_due bigint NOT NULL DEFAULT 0,
  ADD COLUMN oldest_due_date date,
  ADD COLUMN next_due_date date,
  ADD COLUMN next_statement_date date;

ALTER TABLE credit_line_transactions
  ADD COLUMN interest bigint NOT NULL DEFAULT 0 CHECK (interest >= 0),
  ADD COLUMN principal bigint CHECK (principal >= 0);
UPDATE credit_line_transactions SET principal = amount;
ALTER TABLE credit_line_transactions ALTER COLUMN principal SET NOT NULL;
ALTER TABLE credit_line_transactions ADD CONSTRAINT credit_line_transactions_allocated CHECK (interest + principal = amount);
CREATE INDEX credit_line_transactions_value ON credit_line_transactions (line_id, value_date, seq);

CREATE TABLE credit_line_classifications (
  line_id uuid NOT NULL,
  as_of date NOT NULL,
  dpd integer NOT NULL,
  bucket text NOT NULL,
  irac_class text NOT NULL,
  npa boolean NOT NULL,
  npa_since date,
  ifrs9_stage smallint NOT NULL,
  pd double precision NOT NULL,
  drawn bigint NOT NULL,
  undrawn bigint NOT NULL,
  ead bigint NOT NULL,
  ecl bigint NOT NULL,
  provision bigint NOT NULL,
  interest_accrued bigint NOT NULL,
  interest_recognised bigint NOT NULL,
  interest_paid bigint NOT NULL,
  minimum_due bigint NOT NULL,
  oldest_due_date date,
  PRIMARY KEY (line_id, as_of)
);
CREATE INDEX credit_line_classifications_as_of ON credit_line_classifications (as_of);

CREATE TABLE credit_line_statements (
  line_id uuid NOT NULL REFERENCES credit_lines (id),
  statement_date date NOT NULL,
  due_date date NOT NULL,
  principal bigint NOT NULL,
  interest_billed bigint NOT NULL,
  interest_unpaid bigint NOT NULL,
  minimum_due bigint NOT NULL,
  past_due bigint NOT NULL,
  issued_on date NOT NULL,
  PRIMARY KEY (line_id, statement_date)
);

ALTER TABLE close_runs ADD COLUMN lines integer NOT NULL DEFAULT 0, ADD COLUMN npa_lines integer NOT NULL DEFAULT 0;

DROP TRIGGER credit_lines_updated_at ON credit_lines;
CREATE TRIGGER credit_lines_updated_at BEFORE UPDATE ON credit_lines FOR EACH ROW
  WHEN (OLD.last_close IS NOT DISTINCT FROM NEW.last_close) EXECUTE FUNCTION credo_set_updated_at();
`;
