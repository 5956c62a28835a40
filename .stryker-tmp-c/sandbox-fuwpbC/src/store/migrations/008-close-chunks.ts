/**
 * Migration 008: the daily close runs several chunks of a date at once, so its progress is a set
 * of chunks rather than a counter. `close_chunks` holds each chunk that committed, with its
 * counts (the date's figures are their sums); `close_progress` keeps only how many chunks the
 * date has. A crashed close resumes with the chunks not in `close_chunks`.
 */
// @ts-nocheck

export const sql = `
ALTER TABLE close_progress DROP COLUMN done, DROP COLUMN loans, DROP COLUMN npa_loans, DROP COLUMN alerts, DROP COLUMN seconds;

CREATE TABLE close_chunks (
  as_of date NOT NULL REFERENCES close_progress (as_of) ON DELETE CASCADE,
  chunk integer NOT NULL CHECK (chunk >= 0),
  loans integer NOT NULL,
  npa_loans integer NOT NULL,
  alerts integer NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (as_of, chunk)
);
`;
