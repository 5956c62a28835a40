// @ts-nocheck
import { decideOnArm } from './decide-application.js';
import type { DecisionContext, DecisionRecord } from './decision-record.js';

/** The outcome of a replay: whether the re-made decision equals the stored one bit for bit, both records, and the differing fields. */
export interface ReplayResult {
  readonly identical: boolean;
  readonly stored: DecisionRecord;
  readonly replayed: DecisionRecord;
  /** Paths of the fields that differ (`pd`, `reasons[0].code`, `shadow.limit`, …); empty when identical. */
  readonly differences: readonly string[];
}

/** The fields of a decision record that a replay compares (every field of `DecisionRecord`). */
const RECORD_KEYS = [
  'applicationId',
  'action',
  'pd',
  'score',
  'reasons',
  'limit',
  'rate',
  'currency',
  'policyId',
  'policyVersion',
  'modelHash',
  'modelId',
  'arm',
  'rulesFired',
  'asOf',
  'inputSnapshot',
  'shadow',
] as const;

/**
 * Re-decides a stored decision from its input snapshot on its stored arm and date, with `context`
 * holding the stored policy and model versions (the challenger's too when the stored arm is the
 * challenger), and compares every field bit for bit (numbers with `Object.is`, so 0 ≠ −0 and
 * PDs must agree to the last bit; the order of an object's keys and null for an absent optional
 * field do not count as differences). Fields of the snapshot that no input of `context` reads are
 * carried over unread.
 */
export function replayDecision(stored: DecisionRecord, context: DecisionContext): ReplayResult {
  const { asOf: _ignored, ...rest } = context;
  const replayContext: DecisionContext = stored.asOf == null ? rest : { ...rest, asOf: stored.asOf };
  const replayed = decideOnArm(stored.applicationId, { ...stored.inputSnapshot }, replayContext, stored.arm, true);
  const differences: string[] = [];
  compareRecords(stored, replayed, '', differences);
  return { identical: differences.length === 0, stored, replayed, differences };
}

function compareRecords(a: DecisionRecord, b: DecisionRecord, prefix: string, out: string[]): void {
  for (const key of RECORD_KEYS) {
    // an absent optional field may come back from a database as null
    const x = a[key] ?? undefined;
    const y = b[key] ?? undefined;
    if (key === 'shadow' && x !== undefined && y !== undefined) compareRecords(x as DecisionRecord, y as DecisionRecord, `${prefix}shadow.`, out);
    else compareValues(x, y, `${prefix}${key}`, out);
  }
}

function compareValues(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (!Object.is(a, b)) out.push(path);
    return;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(path);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}.length`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) compareValues(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...Object.keys(x)];
  for (const k of Object.keys(y)) if (!Object.hasOwn(x, k)) keys.push(k);
  // key order is not compared: a database (PostgreSQL jsonb) may store an object's keys in another order
  for (const k of keys) compareValues(x[k], y[k], `${path}.${k}`, out);
}
