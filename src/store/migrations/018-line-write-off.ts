/**
 * Migration 018: write-off and recovery of credit lines. A line can be `written_off` (the drawn
 * principal and the interest and fees receivable, `written_off`, on `written_off_on`); cash
 * recovered afterwards is kept in `credit_line_recoveries` (one row per recovery, `external_id`
 * unique as for movements) and summed in `recovered`; a line whose write-off is fully recovered closes.
 */
export const sql = `
ALTER TABLE credit_lines DROP CONSTRAINT credit_lines_state_check;
ALTER TABLE credit_lines
  ADD CONSTRAINT credit_lines_state_check CHECK (state IN ('active', 'written_off', 'closed')),
  ADD COLUMN written_off bigint NOT NULL DEFAULT 0 CHECK (written_off >= 0),
  ADD COLUMN written_off_on date,
  ADD COLUMN recovered bigint NOT NULL DEFAULT 0 CHECK (recovered >= 0 AND recovered <= written_off);

CREATE TABLE credit_line_recoveries (
  id uuid PRIMARY KEY,
  line_id uuid NOT NULL REFERENCES credit_lines (id),
  amount bigint NOT NULL CHECK (amount > 0),
  value_date date NOT NULL,
  external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_line_recoveries_line ON credit_line_recoveries (line_id, value_date);
`;
