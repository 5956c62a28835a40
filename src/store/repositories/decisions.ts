import type { DecisionAction, DecisionReason, DecisionRecord } from '../../decision/index.js';
import type { Queryable } from '../queryable.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { isUuid } from './page.js';

/** `automatic`: the decision answered; `shadow`: the champion's for a challenger-decided application; `override`: an officer's. */
export type DecisionKind = 'automatic' | 'shadow' | 'override';

/** A stored decision. Model fields are null only for overrides. */
export interface StoredDecision {
  readonly id: string;
  readonly applicationId: string;
  readonly kind: DecisionKind;
  readonly shadowOf: string | null;
  readonly action: DecisionAction;
  readonly pd: number | null;
  readonly score: number | null;
  readonly reasons: DecisionReason[];
  /** Decimal string of major units of `currency`, e.g. "25000.00"; null unless approved. */
  readonly limit: string | null;
  readonly currency: string;
  /** Annual rate as a decimal string, e.g. "0.1425"; null unless approved. */
  readonly rate: string | null;
  readonly policyId: string | null;
  readonly policyVersion: number | null;
  readonly modelId: string | null;
  readonly modelHash: string | null;
  readonly arm: 'champion' | 'challenger' | null;
  readonly rulesFired: string[];
  readonly inputSnapshot: Record<string, number | string | null> | null;
  /** The decision's as-of date (`YYYY-MM-DD`) when it had one. */
  readonly asOf: string | null;
  /** Anything else the caller stored with the decision. */
  readonly details: Record<string, unknown>;
  readonly latencyUs: number | null;
  readonly decidedBy: string | null;
  /** An override's reason. */
  readonly reason: string | null;
  readonly createdAt: Date;
}

interface DecisionRow {
  id: string;
  application_id: string;
  kind: DecisionKind;
  shadow_of: string | null;
  action: DecisionAction;
  pd: number | null;
  score: number | null;
  reasons: DecisionReason[];
  limit_amount: string | null;
  currency: string;
  rate: string | null;
  policy_id: string | null;
  policy_version: number | null;
  model_id: string | null;
  model_hash: string | null;
  arm: 'champion' | 'challenger' | null;
  rules_fired: string[];
  input_snapshot: Record<string, number | string | null> | null;
  as_of: string | null;
  details: Record<string, unknown>;
  latency_us: number | null;
  decided_by: string | null;
  reason: string | null;
  created_at: Date;
}

const COLUMNS =
  'id, application_id, kind, shadow_of, action, pd, score, reasons, limit_amount, currency, rate, policy_id, policy_version, model_id, model_hash, arm, rules_fired, input_snapshot, as_of, details, latency_us, decided_by, reason, created_at';

function toDecision(row: DecisionRow): StoredDecision {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    shadowOf: row.shadow_of,
    action: row.action,
    pd: row.pd,
    score: row.score,
    reasons: row.reasons,
    limit: row.limit_amount,
    currency: row.currency,
    rate: row.rate,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    modelId: row.model_id,
    modelHash: row.model_hash,
    arm: row.arm,
    rulesFired: row.rules_fired,
    inputSnapshot: row.input_snapshot,
    asOf: row.as_of,
    details: row.details,
    latencyUs: row.latency_us,
    decidedBy: row.decided_by,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

/** The columns a decision insert writes, in the order of `decisionValues`. */
export const DECISION_INSERT_COLUMNS =
  'id, application_id, kind, shadow_of, action, pd, score, reasons, limit_amount, currency, rate, policy_id, policy_version, model_id, model_hash, arm, rules_fired, input_snapshot, as_of, details, latency_us, decided_by, reason';

/**
 * The VALUES tuple of one decision insert, its parameters numbered from `offset + 1`. The model
 * id defaults to the registry entry with the record's hash.
 */
export function decisionPlaceholders(offset: number): string {
  const p = (i: number): string => `$${offset + i}`;
  return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}, ${p(4)}::uuid, ${p(5)}, ${p(6)}::float8, ${p(7)}::float8, ${p(8)}::jsonb, ${p(9)}::numeric, ${p(10)}, ${p(11)}::numeric,
    ${p(12)}::uuid, ${p(13)}::integer, coalesce(${p(14)}::uuid, (SELECT id FROM models WHERE hash = ${p(15)}::text)), ${p(15)}::text, ${p(16)}, ${p(17)}::jsonb,
    ${p(18)}::jsonb, ${p(19)}::date, ${p(20)}::jsonb, ${p(21)}::integer, ${p(22)}::uuid, ${p(23)})`;
}

/** What a model decision (automatic or shadow) is stored from. */
export interface ModelDecisionInput {
  readonly record: DecisionRecord;
  readonly kind: 'automatic' | 'shadow';
  readonly id: string;
  readonly shadowOf?: string;
  readonly latencyUs?: number;
}

/**
 * The row of a model decision, keyed by the column names of `DECISION_INSERT_COLUMNS` in their
 * order, with the jsonb columns (reasons, rules fired, input snapshot, details) as JSON values.
 */
export function decisionRow(input: ModelDecisionInput): Record<string, unknown> {
  const r = input.record;
  return {
    id: input.id,
    application_id: r.applicationId,
    kind: input.kind,
    shadow_of: input.shadowOf ?? null,
    action: r.action,
    pd: r.pd,
    score: r.score,
    reasons: r.reasons,
    limit_amount: r.limit,
    currency: r.currency,
    rate: r.rate,
    policy_id: r.policyId,
    policy_version: r.policyVersion,
    model_id: r.modelId ?? null,
    model_hash: r.modelHash,
    arm: r.arm,
    rules_fired: r.rulesFired,
    input_snapshot: r.inputSnapshot,
    as_of: r.asOf ?? null,
    details: {},
    latency_us: input.latencyUs === undefined ? null : Math.round(input.latencyUs),
    decided_by: null,
    reason: null,
  };
}

const JSONB_COLUMNS = new Set(['reasons', 'rules_fired', 'input_snapshot', 'details']);

/** The 23 parameter values of a model decision (automatic or shadow), for `decisionPlaceholders`: jsonb columns as JSON text. */
export function decisionValues(input: ModelDecisionInput): unknown[] {
  return Object.entries(decisionRow(input)).map(([column, value]) => (JSONB_COLUMNS.has(column) ? JSON.stringify(value) : value));
}

// Insert the decision and, unless it is a shadow, make it the application's current one: one
// round trip.
const INSERT = `WITH d AS (
  INSERT INTO decisions (${DECISION_INSERT_COLUMNS}) VALUES ${decisionPlaceholders(0)}
  RETURNING id, application_id, action, kind),
u AS (UPDATE applications a SET action = d.action, decision_id = d.id FROM d WHERE a.id = d.application_id AND d.kind <> 'shadow')
SELECT 1`;

/**
 * Stores a model decision (`automatic`, or a `shadow` with `shadowOf` = the automatic decision
 * it shadows) from the decision function's record, exactly: pd and score as doubles, limit and
 * rate as the record's decimal strings, reasons, rules fired and the input snapshot as JSON.
 * An automatic decision becomes its application's current decision. Returns the decision id.
 */
export async function insertDecision(q: Queryable, input: Omit<ModelDecisionInput, 'id'> & { readonly id?: string }): Promise<string> {
  const id = input.id ?? timeOrderedId();
  await q.query(INSERT, decisionValues({ ...input, id }));
  return id;
}

/**
 * Stores an officer's manual decision on an application (reason required; limit and rate as
 * decimal strings, optional) and makes it the application's current decision. Returns its id;
 * an unknown application is `E_STORE_REFERENCE`.
 */
export async function insertOverride(
  q: Queryable,
  input: {
    applicationId: string;
    action: DecisionAction;
    decidedBy: string;
    reason: string;
    limit?: string | null;
    rate?: string | null;
    currency?: string;
    id?: string;
  },
): Promise<string> {
  const id = input.id ?? timeOrderedId();
  await q.query(INSERT, [
    id,
    input.applicationId,
    'override',
    null,
    input.action,
    null,
    null,
    '[]',
    input.limit ?? null,
    input.currency ?? 'USD',
    input.rate ?? null,
    null,
    null,
    null,
    null,
    null,
    '[]',
    null,
    null,
    '{}',
    null,
    input.decidedBy,
    input.reason,
  ]);
  return id;
}

/** One decision, or undefined. */
export async function getDecision(q: Queryable, id: string): Promise<StoredDecision | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<DecisionRow>(`SELECT ${COLUMNS} FROM decisions WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toDecision(rows[0]);
}

/** The shadow (champion) decision of a challenger decision, or undefined. */
export async function getShadowDecision(q: Queryable, decisionId: string): Promise<StoredDecision | undefined> {
  if (!isUuid(decisionId)) return undefined;
  const { rows } = await q.query<DecisionRow>(`SELECT ${COLUMNS} FROM decisions WHERE shadow_of = $1`, [decisionId]);
  return rows[0] === undefined ? undefined : toDecision(rows[0]);
}

/** Every decision of an application, oldest first (automatic, its shadow, overrides). */
export async function listDecisionsOfApplication(q: Queryable, applicationId: string): Promise<StoredDecision[]> {
  if (!isUuid(applicationId)) return [];
  const { rows } = await q.query<DecisionRow>(`SELECT ${COLUMNS} FROM decisions WHERE application_id = $1 ORDER BY created_at, kind, id`, [applicationId]);
  return rows.map(toDecision);
}

/**
 * The decision record a stored model decision was made from (without `shadow`), for replay:
 * equal, field for field, to the record `insertDecision` stored. Undefined for overrides.
 */
export function decisionRecordOf(d: StoredDecision): DecisionRecord | undefined {
  if (d.kind === 'override' || d.policyId === null || d.policyVersion === null || d.modelHash === null || d.arm === null) return undefined;
  return {
    applicationId: d.applicationId,
    action: d.action,
    pd: d.pd as number,
    score: d.score as number,
    reasons: d.reasons,
    limit: d.limit,
    rate: d.rate,
    currency: d.currency,
    policyId: d.policyId,
    policyVersion: d.policyVersion,
    modelHash: d.modelHash,
    ...(d.modelId === null ? {} : { modelId: d.modelId }),
    arm: d.arm,
    rulesFired: d.rulesFired,
    ...(d.asOf === null ? {} : { asOf: d.asOf }),
    inputSnapshot: d.inputSnapshot ?? {},
  };
}
