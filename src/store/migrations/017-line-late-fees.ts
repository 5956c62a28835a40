/**
 * Migration 017: late fees on credit lines. A line keeps its own late fee (`late_fee`, minor units,
 * set from `CREDIT_LINE_TERMS.lateFee` when it is opened; lines opened before this migration had
 * none in their terms, so theirs is 0) and, from its last close, the fees charged and paid to date.
 * A repayment pays late fees first (`fee`), then interest, then principal. The close's daily
 * history and the statements show the fees (`late_fees`: charged to date / in the statement's
 * cycle; `fees_unpaid`: charged by the statement date and not yet paid).
 */
export const sql = `
ALTER TABLE credit_lines
  ADD COLUMN late_fee bigint NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
  ADD COLUMN late_fees_charged bigint NOT NULL DEFAULT 0,
  ADD COLUMN late_fees_paid bigint NOT NULL DEFAULT 0;

ALTER TABLE credit_line_transactions
  ADD COLUMN fee bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),
  DROP CONSTRAINT credit_line_transactions_allocated,
  ADD CONSTRAINT credit_line_transactions_allocated CHECK (fee + interest + principal = amount);

ALTER TABLE credit_line_classifications ADD COLUMN late_fees bigint NOT NULL DEFAULT 0;

ALTER TABLE credit_line_statements
  ADD COLUMN late_fees bigint NOT NULL DEFAULT 0,
  ADD COLUMN fees_unpaid bigint NOT NULL DEFAULT 0;
`;
