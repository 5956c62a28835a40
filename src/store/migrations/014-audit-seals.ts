/**
 * Migration 014: audit seals in a table of their own. Sealing used to UPDATE every `audit_log`
 * row (a new row version, entries in all its indexes, the guard trigger, full-page images in the
 * WAL); now the sealer only inserts one narrow row per entry into `audit_seals` (`chain_pos`,
 * the entry's `seq`, its 32-byte hash), and `audit_log` rows are never updated: the guard refuses
 * every UPDATE. Each entry records the transaction that wrote it (`xact`, set by the guard, so
 * it cannot be forged); `audit_seal_mark.xact` is the sealer's low-water mark: every committed
 * entry written by a transaction below it is sealed, so a run only looks at the entries at or
 * above it (see `sealAudit`). Existing seals move into `audit_seals` unchanged (the chain still
 * verifies); existing entries get `xact` 0 and the mark starts at 0, so the first run also takes
 * any entry left unsealed before the upgrade.
 */
export const sql = `
CREATE TABLE audit_seals (
  chain_pos bigint PRIMARY KEY CHECK (chain_pos > 0),
  seq bigint NOT NULL UNIQUE,
  hash bytea NOT NULL CHECK (length(hash) = 32)
);
INSERT INTO audit_seals (chain_pos, seq, hash)
  SELECT chain_pos, seq, decode(hash, 'hex') FROM audit_log WHERE chain_pos IS NOT NULL;

CREATE TABLE audit_seal_mark (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  xact xid8 NOT NULL
);
INSERT INTO audit_seal_mark (xact) VALUES ('0');

ALTER TABLE audit_log DROP COLUMN chain_pos, DROP COLUMN hash, ADD COLUMN xact xid8 NOT NULL DEFAULT '0';
ALTER TABLE audit_log ALTER COLUMN xact DROP DEFAULT;
CREATE INDEX audit_log_xact ON audit_log (xact);

CREATE OR REPLACE FUNCTION credo_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The writing transaction (top level), never the caller's choice: the sealer relies on it.
    NEW.xact := pg_current_xact_id();
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'CR001';
END $$;
CREATE TRIGGER audit_seals_guard BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION credo_audit_guard();
`;
