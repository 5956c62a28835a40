// @ts-nocheck
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { DecisionRecord } from '../../src/decision/index.js';
import {
  activatePolicy,
  claimIdempotencyKey,
  createApiKey,
  createCustomer,
  createUser,
  decisionRecordOf,
  getActivePolicy,
  getApplication,
  getChallenger,
  getChampion,
  getCustomer,
  getDecision,
  getModel,
  getPolicy,
  getShadowDecision,
  hashApiKey,
  insertApplication,
  insertDecision,
  insertModel,
  insertOverride,
  insertPolicy,
  listApplications,
  listAudit,
  listCustomers,
  listDecisionsOfApplication,
  listModels,
  listPolicies,
  maskNationalId,
  promoteModel,
  recordDecidedApplication,
  revokeApiKey,
  type StoredDecision,
  type Transaction,
  verifyApiKey,
} from '../../src/store/index.js';
import { describeEachBackend } from '../support/databases.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function record(applicationId: string, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    applicationId,
    action: 'approve',
    pd: 0.1 + 0.2, // 0.30000000000000004: a double that must survive storage bit for bit
    score: 612,
    reasons: [{ code: 'R01', feature: 'dti', text: 'Debt-to-income ratio is high' }],
    limit: '25000.00',
    rate: '0.1425',
    currency: 'USD',
    policyId: '00000000-0000-4000-8000-000000000000',
    policyVersion: 1,
    modelHash: HASH_A,
    arm: 'champion',
    rulesFired: ['cutoff'],
    asOf: '2026-12-01',
    inputSnapshot: { bureau_score: 650, dti: 1e-7, segment: 'new', income: null },
    ...over,
  };
}

describeEachBackend('store repositories', (current) => {
  test('users and API keys: the key is shown once, stored only as its SHA-256, revocable', async () => {
    const { db } = current();
    const { user, key } = await db.transaction((tx) => createUser(tx, { name: 'Olive Officer', role: 'loan_officer' }));
    assert.match(key.key, /^credo_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    assert.equal(key.key.split('_')[1], key.prefix);
    assert.deepEqual(await verifyApiKey(db, key.key), { userId: user.id, name: 'Olive Officer', role: 'loan_officer', keyId: key.id });
    // A wrong secret with the right prefix, a malformed key and an unknown prefix are all refused.
    assert.equal(await verifyApiKey(db, `${key.key.slice(0, -1)}${key.key.endsWith('A') ? 'B' : 'A'}`), undefined);
    assert.equal(await verifyApiKey(db, 'Bearer nonsense'), undefined);
    assert.equal(await verifyApiKey(db, `credo_${'0'.repeat(16)}_${'x'.repeat(43)}`), undefined);
    const stored = await db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [key.id]);
    assert.equal(stored.rows[0]?.key_hash, hashApiKey(key.key));
    // The secret part appears nowhere in the database (every text column of every table).
    const secret = key.key.split('_').slice(2).join('_');
    const columns = await db.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'jsonb')",
    );
    for (const c of columns.rows) {
      const hit = await db.query(`SELECT 1 FROM ${c.table_name} WHERE ${c.column_name}::text LIKE '%' || $1 || '%'`, [secret]);
      assert.equal(hit.rows.length, 0, `${c.table_name}.${c.column_name} holds the secret`);
    }
    const second = await createApiKey(db, user.id);
    assert.equal(await revokeApiKey(db, key.id), true);
    assert.equal(await revokeApiKey(db, key.id), false);
    assert.equal(await verifyApiKey(db, key.key), undefined);
    assert.equal((await verifyApiKey(db, second.key))?.userId, user.id);
    await assert.rejects(db.query("INSERT INTO users (id, name, role) VALUES ($1, 'x', 'superuser')", [randomUUID()]), { code: 'E_STORE_CONSTRAINT' });
  });

  test('customers: masking, duplicate national id, bounded pages, search by name prefix, email or external id', async () => {
    const { db } = current();
    assert.equal(maskNationalId('AB1234567890'), '****7890');
    assert.equal(maskNationalId('1234'), '****1234');
    const created = [];
    for (const [i, name] of ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'ada_x'].entries()) {
      created.push(
        await db.transaction((tx) =>
          createCustomer(tx, {
            fullName: name,
            nationalId: `NID-${1000 + i}-XYZ${i}`,
            email: `${name.split(' ')[0]?.toLowerCase()}${i}@example.com`,
            externalId: `ext-${i}`,
            dateOfBirth: '1990-02-03',
            createdBy: null,
            employment:
              i === 0
                ? [
                    { employer: 'Analytical Engines', employmentType: 'salaried', monthlyIncomeMinor: '912345678901', startDate: '2019-01-01' },
                    { employer: 'Babbage & Co', employmentType: 'self_employed', monthlyIncomeMinor: 5000, startDate: '2021-06-01' },
                  ]
                : [],
          }),
        ),
      );
    }
    const ada = created[0];
    assert.ok(ada);
    assert.equal(ada.dateOfBirth, '1990-02-03');
    assert.equal(ada.kycStatus, 'pending');
    assert.deepEqual(
      ada.employment.map((e) => [e.employer, e.monthlyIncomeMinor]),
      [
        ['Babbage & Co', '5000'],
        ['Analytical Engines', '912345678901'],
      ],
    );
    assert.deepEqual(await getCustomer(db, ada.id), ada);
    assert.equal(await getCustomer(db, 'not-a-uuid'), undefined);
    await assert.rejects(createCustomer(db, { fullName: 'Copy', nationalId: 'NID-1000-XYZ0', createdBy: null }), {
      code: 'E_STORE_DUPLICATE',
      details: { entity: 'customers', field: 'national_id', value: 'NID-1000-XYZ0', constraint: 'customers_national_id_key' },
    });
    // Creation order; PGlite's clock ticks in milliseconds, so ties are broken by id: compare
    // pages with the whole list rather than with the order of creation.
    const all = await listCustomers(db, { limit: 10_000 });
    assert.equal(all.items.length, 4, 'page size is capped, not an error');
    assert.deepEqual(all.items.map((c) => c.fullName).sort(), ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'ada_x']);
    const first = await listCustomers(db, { limit: 2 });
    const second = await listCustomers(db, { limit: 2, offset: 2 });
    assert.deepEqual([first.total, second.total], [4, 4]);
    assert.deepEqual([...first.items, ...second.items], all.items);
    const names = async (search: string) => (await listCustomers(db, { search })).items.map((c) => c.fullName).sort();
    assert.deepEqual(await names('ada'), ['Ada Lovelace', 'ada_x']);
    assert.deepEqual(await names('ada_'), ['ada_x'], '_ is literal, not a wildcard');
    assert.deepEqual(await names('%'), []);
    assert.deepEqual(await names('GRACE2@example.com'), ['Grace Hopper']);
    assert.deepEqual(await names('ext-1'), ['Alan Turing']);
    assert.deepEqual(await names("'; DROP TABLE customers; --"), []);
  });

  test('models: exactly one champion, one challenger with a share; promotion retires the previous one', async () => {
    const { db } = current();
    const a = await insertModel(db, { hash: HASH_A, kind: 'gbdt', metrics: { auc: 0.81 }, body: '{"model":"a"}\n', uploadedBy: null });
    const b = await insertModel(db, { hash: HASH_B, kind: 'logistic', body: '{"model":"b"}', uploadedBy: null });
    assert.equal(a.status, 'candidate');
    await assert.rejects(insertModel(db, { hash: HASH_A, kind: 'gbdt', body: 'x', uploadedBy: null }), { code: 'E_STORE_DUPLICATE' });
    assert.equal((await getModel(db, a.id, { withBody: true }))?.body, '{"model":"a"}\n');
    assert.equal((await getModel(db, a.id))?.body, undefined);
    await db.transaction((tx) => promoteModel(tx, a.id, 'champion'));
    const challenger = await db.transaction((tx) => promoteModel(tx, b.id, 'challenger', 0.25));
    assert.deepEqual([challenger?.status, challenger?.share], ['challenger', 0.25]);
    assert.equal((await getChampion(db))?.id, a.id);
    // The challenger wins: it becomes champion (no share), the old champion is retired, no challenger remains.
    await db.transaction((tx) => promoteModel(tx, b.id, 'champion'));
    assert.deepEqual([(await getChampion(db))?.id, (await getChampion(db))?.share], [b.id, null]);
    assert.equal(await getChallenger(db), undefined);
    assert.equal((await getModel(db, a.id))?.status, 'retired');
    assert.equal(await db.transaction((tx) => promoteModel(tx, randomUUID(), 'champion')), undefined);
    // Concurrent promotions never leave two champions.
    await Promise.all([a.id, b.id, a.id, b.id].map((id) => db.transaction((tx) => promoteModel(tx, id, 'champion'))));
    const champions = await listModels(db, { status: 'champion' });
    assert.equal(champions.total, 1);
    await assert.rejects(db.query("UPDATE models SET status = 'champion' WHERE status <> 'champion'"), { code: 'E_STORE_DUPLICATE' });
  });

  test('policies: versions 1, 2, … per name, one active', async () => {
    const { db } = current();
    const v1 = await db.transaction((tx) => insertPolicy(tx, { yaml: 'rules: []\n', createdBy: null }));
    const v2 = await db.transaction((tx) => insertPolicy(tx, { yaml: 'rules: [] # v2\n', createdBy: null }));
    const other = await db.transaction((tx) => insertPolicy(tx, { name: 'cards', yaml: 'x: 1\n', createdBy: null }));
    assert.deepEqual([v1.version, v2.version, other.version], [1, 2, 1]);
    assert.equal(v1.hash, createHash('sha256').update('rules: []\n').digest('hex'));
    assert.equal(await getActivePolicy(db), undefined);
    await db.transaction((tx) => activatePolicy(tx, v1.id));
    await db.transaction((tx) => activatePolicy(tx, v2.id));
    const active = await getActivePolicy(db);
    assert.deepEqual([active?.id, active?.yaml], [v2.id, 'rules: [] # v2\n']);
    assert.equal((await getPolicy(db, v1.id))?.active, false);
    assert.equal((await listPolicies(db, { name: 'default' })).total, 2);
    assert.equal(await db.transaction((tx) => activatePolicy(tx, randomUUID())), undefined);
  });

  test('applications and decisions: stored exactly, shadow and override, filters with totals', async () => {
    const { db } = current();
    const { user } = await createUser(db, { name: 'Ollie', role: 'loan_officer' });
    const policy = await db.transaction((tx) => insertPolicy(tx, { yaml: 'rules: []\n', createdBy: user.id }));
    const model = await insertModel(db, { hash: 'c'.repeat(64), kind: 'gbdt', body: '{}', uploadedBy: user.id });
    const ids: string[] = [];
    for (const [i, action] of (['approve', 'decline', 'approve', 'refer'] as const).entries()) {
      const applicationId = randomUUID();
      ids.push(applicationId);
      const main = record(applicationId, {
        action,
        policyId: policy.id,
        modelHash: model.hash,
        arm: i === 2 ? 'challenger' : 'champion',
        ...(action === 'approve' ? {} : { limit: null, rate: null }),
      });
      await db.transaction(async (tx: Transaction) => {
        await insertApplication(tx, { id: applicationId, externalId: `app-${i}`, input: { bureau_score: 650, nested: { a: [1, 2] } }, submittedBy: user.id });
        const decisionId = await insertDecision(tx, { kind: 'automatic', record: main, latencyUs: 1234.4 });
        if (i === 2)
          await insertDecision(tx, { kind: 'shadow', shadowOf: decisionId, record: { ...main, arm: 'champion', action: 'decline', limit: null, rate: null } });
      });
    }
    const app = await getApplication(db, ids[0] as string);
    assert.deepEqual(app?.input, { bureau_score: 650, nested: { a: [1, 2] } });
    assert.equal(app?.action, 'approve');
    const decision = await getDecision(db, app?.decisionId as string);
    assert.ok(decision);
    assert.equal(decision.modelId, model.id, 'model id found from the hash');
    assert.equal(decision.latencyUs, 1234);
    assert.equal(decision.pd, 0.30000000000000004);
    // The record read back is the record stored, field for field (replay compares these).
    assert.deepEqual(decisionRecordOf(decision), { ...record(ids[0] as string, { policyId: policy.id, modelHash: model.hash }), modelId: model.id });

    const page = await listApplications(db, { action: 'approve', limit: 1 });
    assert.equal(page.total, 2);
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]?.input, undefined);
    assert.equal((await listApplications(db)).total, 4);
    assert.equal((await listApplications(db, { customerId: 'nope' })).total, 0);

    const challengerDecision = (await getApplication(db, ids[2] as string))?.decisionId as string;
    const shadow = await getShadowDecision(db, challengerDecision);
    assert.deepEqual([shadow?.kind, shadow?.arm, shadow?.action], ['shadow', 'champion', 'decline']);
    assert.equal((await getApplication(db, ids[2] as string))?.action, 'approve', 'a shadow never becomes the current decision');

    // An officer overrides the declined application: it becomes the current decision.
    const overrideId = await db.transaction((tx) =>
      insertOverride(tx, { applicationId: ids[1] as string, action: 'approve', decidedBy: user.id, reason: 'verified income', limit: '1000.00', rate: '0.2' }),
    );
    const overridden = await getApplication(db, ids[1] as string);
    assert.deepEqual([overridden?.action, overridden?.decisionId], ['approve', overrideId]);
    const history = await listDecisionsOfApplication(db, ids[1] as string);
    assert.deepEqual(
      history.map((d) => [d.kind, d.action]),
      [
        ['automatic', 'decline'],
        ['override', 'approve'],
      ],
    );
    assert.equal(decisionRecordOf(history[1] as NonNullable<(typeof history)[1]>), undefined);
    await assert.rejects(insertOverride(db, { applicationId: ids[1] as string, action: 'approve', decidedBy: user.id, reason: '  ' }), {
      code: 'E_STORE_CONSTRAINT',
    });
    await assert.rejects(insertApplication(db, { externalId: 'app-0', input: {}, submittedBy: null }), { code: 'E_STORE_DUPLICATE' });
    await assert.rejects(insertApplication(db, { customerId: randomUUID(), input: {}, submittedBy: null }), { code: 'E_STORE_REFERENCE' });
  });

  test('recordDecidedApplication writes application, decision, shadow, audit and idempotency in one statement, or nothing', async () => {
    const { db } = current();
    const { user } = await createUser(db, { name: 'Rita', role: 'loan_officer' });
    const policy = await db.transaction((tx) => insertPolicy(tx, { yaml: 'one: statement\n', createdBy: user.id }));
    const model = await insertModel(db, { hash: 'd'.repeat(64), kind: 'gbdt', body: '{}', uploadedBy: user.id });
    const applicationId = randomUUID();
    const decisionId = randomUUID();
    const main = record(applicationId, { policyId: policy.id, modelHash: model.hash, arm: 'challenger' });
    const shadow = record(applicationId, { policyId: policy.id, modelHash: model.hash, action: 'refer', limit: null, rate: null });
    const claim = { principal: user.id, key: 'one-statement', requestHash: 'e'.repeat(64) };
    assert.equal((await claimIdempotencyKey(db, claim)).state, 'claimed');
    const write = (externalId: string, id: string, decision: string) =>
      recordDecidedApplication(db, {
        application: { id, externalId, input: { bureau_score: 700 }, submittedBy: user.id },
        decision: { id: decision, record: { ...main, applicationId: id }, latencyUs: 99 },
        shadow: { id: randomUUID(), record: { ...shadow, applicationId: id } },
        audit: {
          actorId: user.id,
          actorRole: 'loan_officer',
          action: 'application.decide',
          entity: 'application',
          entityId: id,
          details: { decision_id: decision },
        },
        idempotency: { principal: user.id, key: 'one-statement', status: 201, body: { application_id: id } },
      });
    await write('one-1', applicationId, decisionId);
    const app = await getApplication(db, applicationId);
    assert.deepEqual([app?.action, app?.decisionId, app?.input], ['approve', decisionId, { bureau_score: 700 }]);
    const decisions = await listDecisionsOfApplication(db, applicationId);
    assert.deepEqual(
      decisions.map((d) => [d.kind, d.action, d.shadowOf, d.modelId]),
      [
        ['automatic', 'approve', null, model.id],
        ['shadow', 'refer', decisionId, model.id],
      ],
    );
    assert.deepEqual(decisionRecordOf(decisions[0] as StoredDecision), { ...main, modelId: model.id });
    const audit = await listAudit(db, { entity: 'application', entityId: applicationId });
    assert.deepEqual(
      audit.items.map((e) => [e.action, e.details.decision_id]),
      [['application.decide', decisionId]],
    );
    assert.deepEqual(await claimIdempotencyKey(db, claim), { state: 'done', status: 201, body: { application_id: applicationId } });
    // A repeated external id fails the statement: no second application, decision or audit entry.
    const counts = () =>
      db.query<{ n: string }>('SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM audit_log) AS n');
    const before = (await counts()).rows[0]?.n;
    await assert.rejects(write('one-1', randomUUID(), randomUUID()), {
      code: 'E_STORE_DUPLICATE',
      details: { entity: 'applications', field: 'external_id', value: 'one-1', constraint: 'applications_external_id_key' },
    });
    assert.equal((await counts()).rows[0]?.n, before);
  });

  test('a transaction that throws leaves no rows behind', async () => {
    const { db } = current();
    const before = await db.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM audit_log) AS n',
    );
    const id = randomUUID();
    await assert.rejects(
      db.transaction(async (tx) => {
        await insertApplication(tx, { id, input: { a: 1 }, submittedBy: null });
        await tx.query("INSERT INTO audit_log (action, entity) VALUES ('application.create', 'application')");
        // The decision breaks a CHECK (pd > 1): the whole transaction goes.
        await insertDecision(tx, { kind: 'automatic', record: record(id, { pd: 1.5 }) });
      }),
      { code: 'E_STORE_CONSTRAINT' },
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await insertApplication(tx, { id, input: { a: 1 }, submittedBy: null });
        throw new Error('handler failed after writing');
      }),
      /handler failed/,
    );
    const after = await db.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM audit_log) AS n',
    );
    assert.equal(after.rows[0]?.n, before.rows[0]?.n);
    assert.equal(await getApplication(db, id), undefined);
  });
});
