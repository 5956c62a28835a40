/**
 * Migration 003: idempotency keys, bound to the principal (user) that sent them and to a hash
 * of the request. A key is claimed (`in_progress`) in its own short transaction, so a concurrent
 * duplicate sees the claim and gets a conflict; the request's transaction marks it `done` with
 * the response; a failed request deletes its claim so a retry can run.
 */
// @ts-nocheck

export const sql = `
CREATE TABLE idempotency_keys (
  principal uuid NOT NULL REFERENCES users (id),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('in_progress', 'done')),
  response_status integer CHECK (response_status BETWEEN 100 AND 599),
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, key),
  CHECK ((status = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE TRIGGER idempotency_keys_updated_at BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();
`;
