import type { DecisionAction } from '../../decision/index.js';
import type { Queryable } from '../queryable.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { Conditions, isUuid, pageOf } from './page.js';

/** An application; `input` (the data exactly as submitted) only from `getApplication`. */
export interface Application {
  readonly id: string;
  readonly externalId: string | null;
  readonly customerId: string | null;
  /** The current decision's action and id (automatic, or the latest override); null before a decision. */
  readonly action: DecisionAction | null;
  readonly decisionId: string | null;
  readonly submittedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly input?: Record<string, unknown>;
}

interface ApplicationRow {
  id: string;
  external_id: string | null;
  customer_id: string | null;
  action: DecisionAction | null;
  decision_id: string | null;
  submitted_by: string | null;
  created_at: Date;
  updated_at: Date;
  input?: Record<string, unknown>;
}

const COLUMNS = 'id, external_id, customer_id, action, decision_id, submitted_by, created_at, updated_at';

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    action: row.action,
    decisionId: row.decision_id,
    submittedBy: row.submitted_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.input === undefined ? {} : { input: row.input }),
  };
}

/**
 * Stores an application with its input exactly as submitted (JSON object). A repeated
 * `externalId` is `E_STORE_DUPLICATE`, an unknown `customerId` `E_STORE_REFERENCE`. Its action
 * is set when its decision is stored (`insertDecision`). Returns the id.
 */
export async function insertApplication(
  q: Queryable,
  input: { id?: string; externalId?: string | null; customerId?: string | null; input: Readonly<Record<string, unknown>>; submittedBy: string | null },
): Promise<string> {
  const id = input.id ?? timeOrderedId();
  await q.query('INSERT INTO applications (id, external_id, customer_id, input, submitted_by) VALUES ($1, $2, $3, $4::jsonb, $5)', [
    id,
    input.externalId ?? null,
    input.customerId ?? null,
    JSON.stringify(input.input),
    input.submittedBy,
  ]);
  return id;
}

/** An application with the input it was submitted with. */
export type ApplicationWithInput = Application & { readonly input: Record<string, unknown> };

/**
 * One application with its input, or undefined. `forUpdate` locks the row until the
 * transaction ends (e.g. an override reading the current decision before replacing it).
 */
export async function getApplication(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationWithInput | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS}, input FROM applications WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] === undefined ? undefined : (toApplication(rows[0]) as ApplicationWithInput);
}

/** One application by its external id (with its input), or undefined. */
export async function getApplicationByExternalId(q: Queryable, externalId: string): Promise<ApplicationWithInput | undefined> {
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS}, input FROM applications WHERE external_id = $1`, [externalId]);
  return rows[0] === undefined ? undefined : (toApplication(rows[0]) as ApplicationWithInput);
}

/** Filters of `listApplications`: current action, customer, submitter; a bounded page, newest first. */
export interface ApplicationFilter {
  readonly action?: DecisionAction;
  readonly customerId?: string;
  readonly submittedBy?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Applications matching the filter, newest first (without input), and how many match in all. */
export async function listApplications(q: Queryable, filter: ApplicationFilter = {}): Promise<{ items: Application[]; total: number }> {
  const ids = [filter.customerId, filter.submittedBy].filter((id) => id !== undefined);
  if (!ids.every(isUuid)) return { items: [], total: 0 };
  const c = new Conditions();
  if (filter.action !== undefined) c.add('action = ?', filter.action);
  if (filter.customerId !== undefined) c.add('customer_id = ?::uuid', filter.customerId);
  if (filter.submittedBy !== undefined) c.add('submitted_by = ?::uuid', filter.submittedBy);
  const count = await q.query<{ n: string }>(`SELECT count(*) AS n FROM applications ${c.where}`, [...c.params]);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM applications ${c.where} ORDER BY created_at DESC, id DESC LIMIT ${c.param(limit)} OFFSET ${c.param(offset)}`,
    c.params,
  );
  return { items: rows.map(toApplication), total: Number(count.rows[0]?.n ?? 0) };
}
