/**
 * Migration 019: ANALYZE collects no statistics on the jsonb documents of the tables every decision
 * writes (an application's input, a decision's reasons, rules, snapshot and details, an audit
 * entry's details, a stored idempotent response). No query filters or joins on those documents as a
 * whole, so the planner never uses their statistics, yet collecting them sorts a 30,000-row sample
 * of each with jsonb comparisons: ANALYZE of applications, decisions and the audit log holding 33,600
 * decisions took 1.6–2.0 s of a core with them and 0.49–0.52 s without (PostgreSQL 15), and
 * autovacuum runs it every time a table grows by a tenth, in bursts the service's requests queue
 * behind. Statistics target 0 is PostgreSQL's "do not collect"; the scalar columns keep theirs.
 */
export const sql = `
ALTER TABLE applications ALTER COLUMN input SET STATISTICS 0;
ALTER TABLE decisions
  ALTER COLUMN reasons SET STATISTICS 0,
  ALTER COLUMN rules_fired SET STATISTICS 0,
  ALTER COLUMN input_snapshot SET STATISTICS 0,
  ALTER COLUMN details SET STATISTICS 0;
ALTER TABLE audit_log ALTER COLUMN details SET STATISTICS 0;
ALTER TABLE idempotency_keys ALTER COLUMN response_body SET STATISTICS 0;
`;
