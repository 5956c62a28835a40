// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { DecisionRecord } from '../../src/decision/index.js';
import {
  claimIdempotencyKey,
  createUser,
  type DecidedApplication,
  DecisionWriter,
  decisionRecordOf,
  getApplication,
  insertModel,
  insertPolicy,
  listAudit,
  listDecisionsOfApplication,
  recordDecidedApplications,
  type StoredDecision,
} from '../../src/store/index.js';
import { describeEachBackend } from '../support/databases.js';

function record(applicationId: string, policyId: string, modelHash: string, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    applicationId,
    action: 'approve',
    pd: 0.1 + 0.2, // 0.30000000000000004: a double that must survive the JSON batch bit for bit
    score: 612,
    reasons: [{ code: 'R01', feature: 'dti', text: 'Debt-to-income ratio is "high" ✓' }],
    limit: '25000.00',
    rate: '0.1425',
    currency: 'USD',
    policyId,
    policyVersion: 1,
    modelHash,
    arm: 'champion',
    rulesFired: ['cutoff'],
    asOf: '2026-12-01',
    inputSnapshot: { bureau_score: 650, dti: 1e-7, tiny: 5e-324, segment: "new'; --", income: null },
    ...over,
  };
}

describeEachBackend('group commit of decided applications', (current) => {
  const setup = async () => {
    const { db } = current();
    const { user } = await createUser(db, { name: `Gina ${randomUUID()}`, role: 'loan_officer' });
    const policy = await db.transaction((tx) => insertPolicy(tx, { yaml: `group: ${randomUUID()}\n`, createdBy: user.id }));
    const hash = randomUUID().replaceAll('-', '').padEnd(64, '0');
    const model = await insertModel(db, { hash, kind: 'gbdt', body: '{}', uploadedBy: user.id });
    const write = (externalId: string | null, over: { challenger?: boolean; key?: string } = {}): DecidedApplication => {
      const id = randomUUID();
      const decisionId = randomUUID();
      const main = record(id, policy.id, hash, over.challenger === true ? { arm: 'challenger' } : {});
      return {
        application: { id, externalId, input: { bureau_score: 650, note: 'ünïcode' }, submittedBy: user.id },
        decision: { id: decisionId, record: main, latencyUs: 42 },
        ...(over.challenger === true
          ? { shadow: { id: randomUUID(), record: record(id, policy.id, hash, { action: 'refer', limit: null, rate: null }) } }
          : {}),
        audit: {
          actorId: user.id,
          actorRole: 'loan_officer',
          action: 'application.decide',
          entity: 'application',
          entityId: id,
          details: { decision_id: decisionId },
        },
        ...(over.key === undefined ? {} : { idempotency: { principal: user.id, key: over.key, status: 201, body: { application_id: id } } }),
      };
    };
    return { db, user, model, write };
  };

  test('one batch statement stores every row exactly as the single-row statement does', async () => {
    const { db, user, model, write } = await setup();
    const key = `k-${randomUUID()}`;
    assert.equal((await claimIdempotencyKey(db, { principal: user.id, key, requestHash: 'f'.repeat(64) })).state, 'claimed');
    const batch = [write(`g-${randomUUID()}`), write(null, { challenger: true, key }), write(null)];
    await recordDecidedApplications(db, batch);
    for (const w of batch) {
      const app = await getApplication(db, w.application.id);
      assert.deepEqual(
        [app?.action, app?.decisionId, app?.input, app?.externalId],
        ['approve', w.decision.id, w.application.input, w.application.externalId ?? null],
      );
      const decisions = await listDecisionsOfApplication(db, w.application.id);
      const automatic = decisions.find((d) => d.kind === 'automatic') as StoredDecision;
      // pd, the snapshot's 1e-7 and 5e-324, limit and rate strings: field for field what was decided
      assert.deepEqual(decisionRecordOf(automatic), { ...w.decision.record, modelId: model.id });
      assert.ok(Object.is(automatic.pd, 0.30000000000000004));
      assert.equal(automatic.latencyUs, 42);
      if (w.shadow !== undefined) {
        const shadow = decisions.find((d) => d.kind === 'shadow') as StoredDecision;
        assert.equal(shadow.shadowOf, w.decision.id);
        assert.deepEqual(decisionRecordOf(shadow), { ...w.shadow.record, modelId: model.id });
      } else assert.equal(decisions.length, 1);
      const audit = await listAudit(db, { entity: 'application', entityId: w.application.id });
      assert.deepEqual(
        audit.items.map((e) => [e.action, e.details.decision_id, e.hash]),
        [['application.decide', w.decision.id, null]],
      );
    }
    assert.deepEqual(await claimIdempotencyKey(db, { principal: user.id, key, requestHash: 'f'.repeat(64) }), {
      state: 'done',
      status: 201,
      body: { application_id: batch[1]?.application.id },
    });
  });

  test('concurrent requests share statements; a bad row fails alone and writes nothing', async () => {
    const { db, write } = await setup();
    const writer = new DecisionWriter(db, { maxBatch: 8, maxInFlight: 1 });
    const taken = `taken-${randomUUID()}`;
    await writer.record(write(taken));
    const before = writer.stats();
    const statementsBefore = db.poolStats().statements;
    const good = Array.from({ length: 12 }, () => write(`ok-${randomUUID()}`));
    const bad = write(taken); // a repeated external id: E_STORE_DUPLICATE
    const all = [...good.slice(0, 6), bad, ...good.slice(6)];
    const outcomes = await Promise.allSettled(all.map((w) => writer.record(w)));
    const statements = db.poolStats().statements - statementsBefore;
    const after = writer.stats();
    outcomes.forEach((o, i) => {
      if (all[i] === bad) assert.equal(o.status === 'rejected' && (o.reason as { code?: string }).code, 'E_STORE_DUPLICATE');
      else assert.equal(o.status, 'fulfilled', String(o.status === 'rejected' && o.reason));
    });
    for (const w of good) assert.equal((await getApplication(db, w.application.id))?.decisionId, w.decision.id);
    assert.equal(await getApplication(db, bad.application.id), undefined);
    assert.equal((await listAudit(db, { entity: 'application', entityId: bad.application.id })).total, 0);
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM decisions WHERE id = $1', [bad.decision.id]);
    assert.equal(rows[0]?.n, '0');
    // 13 requests queued together, in batches of ≤ 8: 8, then 5; the batch of 8 held the bad row,
    // so its 8 were written again one by one: 1 + 8 + 1 = 10 statements for 13 applications
    assert.deepEqual([after.batches - before.batches, after.applications - before.applications], [2, 13]);
    assert.equal(statements, 10);
  });
});
