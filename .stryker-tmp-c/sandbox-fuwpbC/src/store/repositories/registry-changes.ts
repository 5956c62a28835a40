// @ts-nocheck
import type { Database } from '../database.js';
import type { Queryable } from '../queryable.js';

/** The NOTIFY channel of changes to the champion, the challenger and the active policy. */
export const REGISTRY_CHANNEL = 'credo_registry';

/**
 * Announces a change of the champion, challenger or active policy to every process watching this
 * database (`watchRegistry`). Inside a transaction it is delivered at commit, and not at all on
 * rollback. The payload is the schema, since NOTIFY channels span a whole database.
 */
export async function notifyRegistryChange(q: Queryable): Promise<void> {
  await q.query(`SELECT pg_notify('${REGISTRY_CHANNEL}', current_schema())`);
}

/**
 * Calls `onChange` after every committed `notifyRegistryChange` in this database's schema — from
 * this process, another `credo serve` or a command — and after the listening connection was lost
 * and restored (a change may have been missed). Returns the function that stops watching.
 */
export async function watchRegistry(db: Database, onChange: () => void): Promise<() => Promise<void>> {
  const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  return db.listen(REGISTRY_CHANNEL, (payload) => {
    if (payload === undefined || payload === schema) onChange();
  });
}
