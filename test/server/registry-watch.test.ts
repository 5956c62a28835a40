import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { challengerArm } from '../../src/decision/index.js';
import { buildApp } from '../../src/server/index.js';
import { activatePolicy, promoteModel } from '../../src/store/index.js';
import { backends, configure, GOOD_APPLICATION, logisticModel, modelFile, POLICY_YAML, startTestService, type TestService } from './harness.js';

/** Resolves once `check` holds, polling the event loop; fails after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

for (const backend of backends()) {
  describe(`registry changes reach every server on ${backend}`, () => {
    let t: TestService;
    let other: FastifyInstance;
    let ids: { modelId: string; policyId: string; hash: string };
    before(async () => {
      t = await startTestService(backend);
      ids = await configure(t);
      // a second server on the same database (another `credo serve` worker or replica)
      other = await buildApp({ db: t.db, rateLimit: false, authCacheMs: 0, checkResponses: true });
    });
    after(async () => {
      await other.close();
      await t.close();
    });
    const admin = () => ({ authorization: `Bearer ${t.keys.admin}` });

    test('a promotion through one server, or straight in the store, reloads the other', async () => {
      assert.equal(other.service.current()?.champion.id, ids.modelId);
      const m = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models',
        headers: { ...admin(), 'content-type': 'application/json' },
        payload: modelFile(logisticModel(5.9 - Math.log(40))),
      });
      assert.equal(m.statusCode, 201, m.body);
      const second = m.json().id as string;
      const promote = await t.app.inject({
        method: 'POST',
        url: `/api/v1/models/${second}/promote`,
        headers: admin(),
        payload: { role: 'challenger', share: 0.5 },
      });
      assert.equal(promote.statusCode, 200, promote.body);
      await eventually(() => other.service.current()?.challenger?.id === second, 'the other server sees the challenger');
      assert.equal(other.service.current()?.challenger?.share, 0.5);
      // as a command or a script would: the store functions notify too, and only at commit
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await promoteModel(tx, second, 'champion');
          throw new Error('rolled back');
        }),
      );
      assert.equal(t.app.service.current()?.champion.id, ids.modelId);
      await t.db.transaction(async (tx) => {
        await promoteModel(tx, second, 'champion');
        await promoteModel(tx, ids.modelId, 'challenger', 0.25);
      });
      await eventually(() => t.app.service.current()?.challenger?.share === 0.25, 'this server sees the new share');
      await eventually(() => other.service.current()?.challenger?.share === 0.25, 'the other server sees the new share');
      assert.equal(other.service.current()?.champion.id, second);
      const v2 = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies',
        headers: { ...admin(), 'content-type': 'application/yaml' },
        payload: POLICY_YAML.replace('pd_above: 0.1', 'pd_above: 0.2'),
      });
      await t.db.transaction((tx) => activatePolicy(tx, v2.json().id));
      await eventually(() => other.service.current()?.policy.version === 2, 'the other server sees policy version 2');
    });

    test('the arm is a stable hash of external_id when one is given, whichever server decides', async () => {
      const share = other.service.current()?.challenger?.share as number;
      const arms = new Set<string>();
      for (let i = 0; i < 24; i++) {
        const externalId = `LOAN-${1000 + i}`;
        const server = i % 2 === 0 ? t.app : other;
        const res = await server.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { authorization: `Bearer ${t.keys.loan_officer}` },
          payload: { external_id: externalId, data: GOOD_APPLICATION },
        });
        assert.equal(res.statusCode, 201, res.body);
        const arm = res.json().decision.arm;
        assert.equal(arm, challengerArm(externalId, share), externalId);
        arms.add(arm);
      }
      assert.deepEqual([...arms].sort(), ['challenger', 'champion']);
    });
  });
}
