/**
 * Migration 015: narrower rows for the daily close, which rewrites every active loan's row and
 * posts its journal each date.
 * - The product snapshot a loan was made under (about 750 bytes of jsonb) moves from `loans` to
 *   `loan_product_snapshots`, one row per loan, written once. Migration 011 asked for it out of
 *   line (`toast_tuple_target`), but PostgreSQL only toasts a row above about 2 kB, so it stayed
 *   inline: a `loans` row was about 950 bytes, and every close wrote (and, after a checkpoint,
 *   logged whole) about 7 rows' worth of page per 7 loans. A row now is about 215 bytes. Rows
 *   are rewritten here (in id order, the order the close's chunks read them) without it.
 * - `loans` fills its pages to 45% (migration 006 left 20% free): the close updates every row of a
 *   page in one transaction, and an update stays HOT (no index entries, on its own page) only
 *   while the new versions fit beside the old ones until commit. At 80% a page took 7 of its ~30
 *   new versions; the others moved to other pages with four index entries each (measured: 23% of
 *   the updates HOT). At 45% a page of ~16 rows holds both versions of each.
 * - `ledger_entries` drops its foreign key to `loans` (a query per journal line, about half the
 *   cost of the close's journal insert): every writer posts for a loan it has just read and
 *   locked, and loans are never deleted (migration 011's trigger refuses it), so each stored
 *   `loan_id` keeps its row, as for the classification history.
 */
export const sql = `
CREATE TABLE loan_product_snapshots (
  loan_id uuid PRIMARY KEY REFERENCES loans (id),
  product jsonb NOT NULL
);
INSERT INTO loan_product_snapshots (loan_id, product) SELECT id, product FROM loans;
ALTER TABLE loans DROP COLUMN product;
ALTER TABLE loans RESET (toast_tuple_target);
ALTER TABLE loans SET (fillfactor = 45);
CLUSTER loans USING loans_pkey;

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_loan_id_fkey;
`;
