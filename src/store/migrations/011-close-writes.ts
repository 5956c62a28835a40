/**
 * Migration 011: cheaper reads and writes for the daily close, which writes a row per active loan
 * and date.
 * - `loans_active`: the active loans by id, so a chunk reads its id range of the active book
 *   (through the `state` index it read every active loan of the book, for every chunk).
 * - `loans` keeps its product snapshot (about 750 bytes of jsonb) out of line (`toast_tuple_target`),
 *   so a row is a few hundred bytes and the close's reads and updates of the book touch a fraction
 *   of the pages.
 * - `loans.updated_at` is the time a command last changed the loan: the close's figures (which move
 *   `last_close`) no longer run the trigger for every row.
 * - `loan_classifications` and `loan_alerts` are written only by the close, from the `loans` and
 *   `credit_lines` rows it has locked: their foreign keys checked every row again (a query per row,
 *   about half the cost of those inserts). Loans and credit lines are never deleted (a trigger now
 *   refuses it, as the foreign keys did), so every stored id keeps its row.
 */
export const sql = `
CREATE INDEX loans_active ON loans (id) WHERE state = 'active';
ALTER TABLE loans SET (toast_tuple_target = 128);

DROP TRIGGER loans_updated_at ON loans;
CREATE TRIGGER loans_updated_at BEFORE UPDATE ON loans FOR EACH ROW
  WHEN (OLD.last_close IS NOT DISTINCT FROM NEW.last_close) EXECUTE FUNCTION credo_set_updated_at();

ALTER TABLE loan_classifications DROP CONSTRAINT loan_classifications_loan_id_fkey;
ALTER TABLE loan_alerts DROP CONSTRAINT loan_alerts_loan_id_fkey, DROP CONSTRAINT loan_alerts_line_id_fkey;

CREATE FUNCTION credo_never_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'CR001';
END $$;
CREATE TRIGGER loans_never_delete BEFORE DELETE ON loans FOR EACH ROW EXECUTE FUNCTION credo_never_delete();
CREATE TRIGGER credit_lines_never_delete BEFORE DELETE ON credit_lines FOR EACH ROW EXECUTE FUNCTION credo_never_delete();
`;
