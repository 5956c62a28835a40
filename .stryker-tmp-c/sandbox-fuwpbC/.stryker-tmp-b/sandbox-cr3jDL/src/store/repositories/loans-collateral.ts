// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import { CredoError } from '../../errors/index.js';
import type { Queryable } from '../queryable.js';
import { auditLoan, type LoanActor, lockLoan } from './loans-steps.js';
import { isUuid } from './page.js';

/** The kinds of collateral a loan can hold. */
export const COLLATERAL_TYPES = ['property', 'vehicle', 'deposit', 'securities', 'gold', 'equipment', 'other'] as const;

/** A kind of collateral. */
export type CollateralType = (typeof COLLATERAL_TYPES)[number];

/** A pledge on a loan: collateral (valued on a date) or a guarantor (up to an amount); money in the loan's minor units. */
export interface Pledge {
  readonly id: string;
  readonly loanId: string;
  readonly kind: 'collateral' | 'guarantor';
  /** Collateral type, or the guarantor's name. */
  readonly type: string;
  /** Collateral description, or the guarantor's relationship to the borrower. */
  readonly description: string | null;
  /** Collateral value, or the amount guaranteed. */
  readonly value: number;
  readonly valuedOn: string | null;
  readonly customerId: string | null;
  readonly releasedAt: Date | null;
  readonly releaseReason: string | null;
  readonly createdAt: Date;
}

const TABLE = { collateral: 'loan_collateral', guarantor: 'loan_guarantors' } as const;
const COLUMNS = {
  collateral:
    "id, loan_id, type, description, value, to_char(valued_on, 'YYYY-MM-DD') AS valued_on, NULL::uuid AS customer_id, released_at, release_reason, created_at",
  guarantor:
    'id, loan_id, name AS type, relationship AS description, guaranteed_amount AS value, NULL AS valued_on, customer_id, released_at, release_reason, created_at',
} as const;

interface PledgeRow {
  id: string;
  loan_id: string;
  type: string;
  description: string | null;
  value: string;
  valued_on: string | null;
  customer_id: string | null;
  released_at: Date | null;
  release_reason: string | null;
  created_at: Date;
}

function toPledge(kind: 'collateral' | 'guarantor', r: PledgeRow): Pledge {
  return {
    id: r.id,
    loanId: r.loan_id,
    kind,
    type: r.type,
    description: r.description,
    value: Number(r.value),
    valuedOn: r.valued_on,
    customerId: r.customer_id,
    releasedAt: r.released_at,
    releaseReason: r.release_reason,
    createdAt: r.created_at,
  };
}

/** Pledges collateral on a loan: type, description, value and valuation date (not in the future). */
export async function addCollateral(
  q: Queryable,
  loanId: string,
  input: { type: CollateralType; description: string; value: number; valuedOn: string },
  actor: LoanActor,
): Promise<Pledge> {
  const loan = await lockLoan(q, loanId);
  if (input.valuedOn > actor.today)
    throw new CredoError('E_SERVICING_INPUT_INVALID', { what: 'valued_on', problem: `${input.valuedOn} is in the future (today is ${actor.today})` });
  const { rows } = await q.query<PledgeRow>(
    `INSERT INTO loan_collateral (id, loan_id, type, description, value, valued_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS.collateral}`,
    [randomUUID(), loan.id, input.type, input.description, input.value, input.valuedOn, actor.userId],
  );
  const pledge = toPledge('collateral', rows[0] as PledgeRow);
  await auditLoan(q, actor, 'loan.collateral.add', loan.id, { collateral_id: pledge.id, type: input.type, value: input.value, valued_on: input.valuedOn });
  return pledge;
}

/** Adds a guarantor to a loan: a name (and the customer record when there is one), a relationship and the amount guaranteed. */
export async function addGuarantor(
  q: Queryable,
  loanId: string,
  input: { name: string; relationship?: string | null; customerId?: string | null; guaranteedAmount: number },
  actor: LoanActor,
): Promise<Pledge> {
  const loan = await lockLoan(q, loanId);
  if (input.customerId != null) {
    const { rows } = await q.query('SELECT 1 FROM customers WHERE id = $1', [isUuid(input.customerId) ? input.customerId : null]);
    if (rows.length === 0) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'customer', id: input.customerId });
  }
  const { rows } = await q.query<PledgeRow>(
    `INSERT INTO loan_guarantors (id, loan_id, name, relationship, customer_id, guaranteed_amount, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS.guarantor}`,
    [randomUUID(), loan.id, input.name, input.relationship ?? null, input.customerId ?? null, input.guaranteedAmount, actor.userId],
  );
  const pledge = toPledge('guarantor', rows[0] as PledgeRow);
  await auditLoan(q, actor, 'loan.guarantor.add', loan.id, { guarantor_id: pledge.id, guaranteed_amount: input.guaranteedAmount });
  return pledge;
}

/** A loan's collateral or guarantors, oldest first; released ones included (flagged). */
export async function listPledges(q: Queryable, loanId: string, kind: 'collateral' | 'guarantor'): Promise<Pledge[]> {
  const { rows } = await q.query<PledgeRow>(`SELECT ${COLUMNS[kind]} FROM ${TABLE[kind]} WHERE loan_id = $1 ORDER BY created_at, id`, [loanId]);
  return rows.map((r) => toPledge(kind, r));
}

/** Releases a pledge (kept, marked released with who and why); 404 when unknown, 409 when already released. */
export async function releasePledge(
  q: Queryable,
  loanId: string,
  kind: 'collateral' | 'guarantor',
  id: string,
  reason: string,
  actor: LoanActor,
): Promise<Pledge> {
  const loan = await lockLoan(q, loanId);
  const { rows } = await q.query<PledgeRow>(
    `UPDATE ${TABLE[kind]} SET released_at = now(), released_by = $3, release_reason = $4 WHERE id = $1 AND loan_id = $2 AND released_at IS NULL RETURNING ${COLUMNS[kind]}`,
    [isUuid(id) ? id : null, loan.id, actor.userId, reason],
  );
  if (rows[0] === undefined) {
    const known = await q.query(`SELECT 1 FROM ${TABLE[kind]} WHERE id = $1 AND loan_id = $2`, [isUuid(id) ? id : null, loan.id]);
    if (known.rows.length === 0) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: kind, id });
    throw new CredoError('E_SERVICING_CONFLICT', { problem: `${kind} ${id} is already released`, allowed: 'releasing a pledge once' });
  }
  await auditLoan(q, actor, `loan.${kind}.release`, loan.id, { id, reason });
  return toPledge(kind, rows[0]);
}

/** Σ value of a loan's unreleased collateral (minor units; 0 when none). */
export async function collateralValue(q: Queryable, loanId: string): Promise<number> {
  const { rows } = await q.query<{ v: string }>('SELECT coalesce(sum(value), 0) AS v FROM loan_collateral WHERE loan_id = $1 AND released_at IS NULL', [
    loanId,
  ]);
  return Number(rows[0]?.v ?? 0);
}
