/**
 * Migration 002: the audit log, append-only and hash-chained. Writers insert entries with
 * `chain_pos` and `hash` NULL inside their own transaction (no shared row, no lock: writers never
 * wait for each other); the sealer (`sealAudit`) later gives committed entries the next chain
 * positions and hashes. The guard trigger refuses DELETE, TRUNCATE and every UPDATE except that
 * one sealing step (NULL → set, all other columns unchanged); an INSERT cannot arrive pre-sealed.
 */
// @ts-nocheck

export const sql = `
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id uuid REFERENCES users (id),
  actor_role text CHECK (actor_role IN ('admin', 'risk_analyst', 'loan_officer', 'auditor', 'system')),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,79}$'),
  entity text NOT NULL CHECK (length(entity) BETWEEN 1 AND 80),
  entity_id text CHECK (length(entity_id) <= 200),
  request_id text CHECK (length(request_id) <= 200),
  details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  chain_pos bigint UNIQUE,
  hash text CHECK (hash ~ '^[0-9a-f]{64}$'),
  CHECK ((chain_pos IS NULL) = (hash IS NULL))
);
CREATE INDEX audit_log_unsealed ON audit_log (seq) WHERE hash IS NULL;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

CREATE FUNCTION credo_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.chain_pos := NULL;
    NEW.hash := NULL;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND NEW.seq = OLD.seq AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
     AND NEW.action = OLD.action AND NEW.entity = OLD.entity
     AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.details = OLD.details THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'CR001';
END $$;
CREATE TRIGGER audit_log_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION credo_audit_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION credo_audit_guard();
`;
