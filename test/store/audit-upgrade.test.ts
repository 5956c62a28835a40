import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendAudit, canonicalAuditEntry, chainHash, GENESIS_HASH, listAudit, migrate, verifyAudit } from '../../src/store/index.js';
import { backends, openTestDatabase } from '../support/databases.js';

for (const backend of backends()) {
  describe(`audit seals after an upgrade [${backend}]`, () => {
    test('entries sealed in place before migration 014 still verify, and one left unsealed is sealed after them', async () => {
      const t = await openTestDatabase(backend, { migrated: false });
      try {
        await migrate(t.db, { to: 13 });
        for (const tag of ['a', 'b', 'c']) {
          await appendAudit(t.db, { actorId: null, actorRole: 'system', action: 'test.old', entity: 'test', entityId: tag, details: { tag } });
        }
        // Seal 'a' and 'b' the way the sealer of migration 002 did: in place, the only update its guard allowed.
        const { rows } = await t.db.query<{ seq: string; at: string; details: string }>(
          `SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, details::text AS details
             FROM audit_log WHERE entity_id IN ('a', 'b') ORDER BY seq`,
        );
        let previous = GENESIS_HASH;
        for (const [i, row] of rows.entries()) {
          const entry = { ...row, actor_id: null, actor_role: 'system', action: 'test.old', entity: 'test', entity_id: i === 0 ? 'a' : 'b', request_id: null };
          previous = chainHash(previous, canonicalAuditEntry(entry));
          await t.db.query('UPDATE audit_log SET chain_pos = $1, hash = $2 WHERE seq = $3', [i + 1, previous, row.seq]);
        }
        await migrate(t.db);
        const listed = await listAudit(t.db, { entity: 'test' });
        assert.deepEqual(
          listed.items.map((e) => [e.entityId, e.chainPos]),
          [
            ['c', null],
            ['b', '2'],
            ['a', '1'],
          ],
        );
        assert.equal(listed.items[1]?.hash, previous);
        const result = await verifyAudit(t.db);
        assert.deepEqual([result.ok, result.entries, result.first_bad, result.unsealed], [true, 3, null, 0]);
        const after = await listAudit(t.db, { entity: 'test', limit: 1 });
        assert.deepEqual([after.items[0]?.entityId, after.items[0]?.chainPos, after.items[0]?.hash], ['c', '3', result.head]);
      } finally {
        await t.dispose();
      }
    });
  });
}
