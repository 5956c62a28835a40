/**
 * Migration 016: a date's close chunks are cut where the loans are, not on the uuid space.
 * - `close_progress.chunk_ends` holds each chunk's last loan id but the last chunk's (chunk k runs
 *   from after end k−1 to end k), taken from the active loans' ids when the date starts, so the
 *   chunks are of equal size whatever the ids look like (loans now get time-ordered ids, which
 *   equal slices of the uuid space would put in one chunk) and a resumed close cuts the same
 *   chunks. NULL for a date started before this migration: its chunks stay equal slices.
 * - The previous date's classifications are read by (date, loan id range): the index on the date
 *   alone made every chunk read the whole previous date.
 */
export const sql = `
ALTER TABLE close_progress ADD COLUMN chunk_ends uuid[],
  ADD CONSTRAINT close_progress_chunk_ends CHECK (chunk_ends IS NULL OR cardinality(chunk_ends) = chunks - 1);

CREATE INDEX loan_classifications_as_of_loan ON loan_classifications (as_of, loan_id);
DROP INDEX loan_classifications_as_of;
`;
