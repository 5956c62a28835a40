// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import { parseCurrency, roundMinor } from '../../finance/index.js';
import { Frame, numericColumn } from '../../frame/index.js';
import { reviewLimits } from '../../portfolio/index.js';
import { dayNumber, isoDay } from '../../servicing/index.js';
import type { Queryable } from '../queryable.js';
import { auditCreditLine } from './credit-lines.js';
import type { LoanActor } from './loans-steps.js';

/** A credit line is reviewed once it has been open this many days (seasoned behaviour). */
export const REVIEW_SEASONING_DAYS = 90;

/** What a limit review did. */
export interface LimitReview {
  readonly id: string;
  readonly asOf: string;
  readonly status: 'applied' | 'reversed';
  readonly accounts: number;
  readonly changed: number;
  /** The optimiser's outcome: status, assignment per segment, KPIs (see `optimise limits`). */
  readonly result: Record<string, unknown>;
}

/**
 * Reviews the limits of every active credit line open at least `REVIEW_SEASONING_DAYS` days on
 * `asOf`: the optimised limit policy (`reviewLimits`, the model of `credo optimise limits`, with
 * `config` as its YAML config over the columns `pd`, `limit`, `balance`, `rate`, `score`; money in
 * major units) gives each line's segment a relative change; a line's new limit is
 * round(limit·(1 + change)) minor units, never below its balance. Each change is stored with its
 * old limit and audited; the review can be reversed. An infeasible or unsolved problem changes no
 * limit (the review is kept with the solver's answer). The lines stay locked until it commits.
 */
export async function runLimitReview(q: Queryable, input: { asOf: string; config: unknown }, actor: LoanActor): Promise<LimitReview> {
  const cutoff = isoDay(dayNumber(input.asOf, 'as_of') - REVIEW_SEASONING_DAYS);
  if (input.asOf > actor.today)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'as_of', problem: `${input.asOf} is in the future (today is ${actor.today})` });
  const { rows: lines } = await q.query<{
    id: string;
    currency: string;
    credit_limit: string;
    balance: string;
    annual_rate: string;
    pd: number;
    score: number | null;
  }>(
    `SELECT id, currency, credit_limit, balance, annual_rate::text AS annual_rate, pd, score FROM credit_lines
      WHERE state = 'active' AND opened_on <= $1 ORDER BY id FOR UPDATE`,
    [cutoff],
  );
  const id = randomUUID();
  let result: Record<string, unknown> = { status: 'no_accounts' };
  const changes: { lineId: string; segment: string; change: number; oldLimit: number; newLimit: number }[] = [];
  if (lines.length > 0) {
    const scale = lines.map((l) => 10 ** parseCurrency(l.currency).exponent);
    const column = (name: string, f: (l: (typeof lines)[number], k: number) => number) => numericColumn(name, Float64Array.from(lines, f));
    const frame = new Frame([
      column('pd', (l) => l.pd),
      column('limit', (l, k) => Number(l.credit_limit) / (scale[k] as number)),
      column('balance', (l, k) => Number(l.balance) / (scale[k] as number)),
      column('rate', (l) => Number(l.annual_rate)),
      column('score', (l) => l.score ?? Number.NaN),
    ]);
    const review = await reviewLimits(frame, input.config, 'limit review config');
    result = review.study.result as unknown as Record<string, unknown>;
    lines.forEach((l, k) => {
      const change = review.change[k] as number;
      const oldLimit = Number(l.credit_limit);
      const newLimit = Math.max(Number(l.balance), roundMinor(oldLimit * (1 + change)), 1);
      if (newLimit !== oldLimit) changes.push({ lineId: l.id, segment: review.labels[review.rowSegment[k] as number] as string, change, oldLimit, newLimit });
    });
  }
  await q.query(
    `INSERT INTO limit_reviews (id, as_of, config, status, accounts, changed, result, created_by) VALUES ($1, $2, $3::jsonb, 'applied', $4, $5, $6::jsonb, $7)`,
    [id, input.asOf, JSON.stringify(input.config ?? null), lines.length, changes.length, JSON.stringify(result), actor.userId],
  );
  for (const c of changes) {
    await q.query('INSERT INTO credit_limit_changes (review_id, line_id, segment, change, old_limit, new_limit) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      c.lineId,
      c.segment,
      c.change,
      c.oldLimit,
      c.newLimit,
    ]);
    await q.query('UPDATE credit_lines SET credit_limit = $2 WHERE id = $1', [c.lineId, c.newLimit]);
    await auditCreditLine(q, actor, 'credit_line.limit_change', c.lineId, {
      review_id: id,
      segment: c.segment,
      change: c.change,
      old_limit: c.oldLimit,
      new_limit: c.newLimit,
    });
  }
  return { id, asOf: input.asOf, status: 'applied', accounts: lines.length, changed: changes.length, result };
}

/**
 * Reverses an applied limit review: every line it changed gets its old limit back (audited), the
 * review is marked reversed (its rows kept). 404 for an unknown review; 409 when it is already
 * reversed, or when a line's limit changed since or its balance is now above the old limit.
 */
export async function reverseLimitReview(
  q: Queryable,
  reviewId: string,
  reason: string,
  actor: LoanActor,
): Promise<{ id: string; status: 'reversed'; restored: number }> {
  const { rows } = await q.query<{ status: string }>('SELECT status FROM limit_reviews WHERE id = $1 FOR UPDATE', [reviewId]);
  if (rows[0] === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'limit review', id: reviewId });
  if (rows[0].status !== 'applied')
    throw new CredoError('E_SERVICING_CONFLICT', { problem: `limit review ${reviewId} is ${rows[0].status}`, allowed: 'reversing an applied review once' });
  const { rows: changes } = await q.query<{ line_id: string; old_limit: string; new_limit: string; credit_limit: string; balance: string }>(
    `SELECT c.line_id, c.old_limit, c.new_limit, l.credit_limit, l.balance FROM credit_limit_changes c JOIN credit_lines l ON l.id = c.line_id
      WHERE c.review_id = $1 ORDER BY c.line_id FOR UPDATE OF l`,
    [reviewId],
  );
  const blocked = changes.filter((c) => c.credit_limit !== c.new_limit || Number(c.balance) > Number(c.old_limit));
  if (blocked.length > 0)
    throw new CredoError('E_SERVICING_CONFLICT', {
      problem: `${blocked.length} credit lines changed since the review or are drawn above their old limit (e.g. ${blocked[0]?.line_id})`,
      allowed: 'reversal while every changed line still has the reviewed limit and fits the old one',
    });
  for (const c of changes) {
    await q.query('UPDATE credit_lines SET credit_limit = $2 WHERE id = $1', [c.line_id, Number(c.old_limit)]);
    await auditCreditLine(q, actor, 'credit_line.limit_change.reverse', c.line_id, { review_id: reviewId, restored_limit: Number(c.old_limit), reason });
  }
  await q.query("UPDATE limit_reviews SET status = 'reversed', reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1", [
    reviewId,
    actor.userId,
    reason,
  ]);
  return { id: reviewId, status: 'reversed', restored: changes.length };
}
