/**
 * Migration 012: a ledger entry names the credit line it is about (`line_id`), as it names a loan
 * (`loan_id`; never both), so the trial balance's `loan_portfolio` splits into loans and lines.
 * The draws and repayments posted before are attributed from their memo (`credit line <id> …`);
 * only that new column is written (the guard against changes is lifted for this statement alone).
 */
export const sql = `
ALTER TABLE ledger_entries ADD COLUMN line_id uuid REFERENCES credit_lines (id);
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_subject CHECK (loan_id IS NULL OR line_id IS NULL);
ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_guard;
UPDATE ledger_entries SET line_id = substring(memo FROM '^credit line ([0-9a-f-]{36}) ')::uuid
 WHERE loan_id IS NULL AND memo ~ '^credit line [0-9a-f-]{36} ';
ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_guard;
CREATE INDEX ledger_entries_line ON ledger_entries (line_id, account) WHERE line_id IS NOT NULL;
`;
