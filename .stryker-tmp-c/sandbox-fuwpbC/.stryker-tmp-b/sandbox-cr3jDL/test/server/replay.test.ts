// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import { csvRecords } from '../../src/server/csv-records.js';
import { repoRoot } from '../repo-root.js';
import { backends, startTestService, type TestService } from './harness.js';

const EXCLUDE =
  'application_id,application_date,vintage,true_pd,true_bad,old_score,old_decision,approved,random_test,fpd7_due_amount,fpd7_overdue_amount,mob4_balance,mob4_m2plus_balance,loss_amount,age';
const POLICY = readFileSync(join(repoRoot, 'test', 'fixtures', 'server', 'world-policy.yaml'), 'utf8');

/** A CSV file as objects keyed by header. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = csvRecords(readFileSync(path, 'utf8'));
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? ''])));
}

async function cli(dir: string, ...argv: string[]): Promise<void> {
  const run = await runCliCaptured(commands, argv, dir);
  if (run.code !== 0) throw new Error(`credo ${argv.join(' ')}: ${run.err}`);
}

for (const backend of backends()) {
  describe(`decisions on the synthetic world through the API on ${backend}`, () => {
    let t: TestService;
    let dir: string;
    let world: Record<string, string>[];
    let cliDecisions: Record<string, string>[];
    let inputs: { name: string; type: string }[];
    const admin = () => ({ authorization: `Bearer ${t.keys.admin}` });
    const officer = () => ({ authorization: `Bearer ${t.keys.loan_officer}` });

    /** The API `data` of a world row: its inputs, numbers as numbers, empty cells as null. */
    const dataOf = (row: Record<string, string>) =>
      Object.fromEntries(inputs.map((c) => [c.name, row[c.name] === '' ? null : c.type === 'number' ? Number(row[c.name]) : row[c.name]]));

    const register = async (file: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models',
        headers: { ...admin(), 'content-type': 'application/json' },
        payload: readFileSync(join(dir, file), 'utf8'),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; hash: string; kind: string };
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'credo-server-'));
      await cli(dir, 'data', 'synth', '--rows', '600', '--seed', '5', '--out', 'world.csv');
      await cli(dir, 'train', '--data', 'world.csv', '--target', 'bad', '--exclude', EXCLUDE, '--trees', '20', '--seed', '1', '--out', 'pd.json');
      await cli(dir, 'train', '--data', 'world.csv', '--target', 'bad', '--exclude', EXCLUDE, '--trees', '8', '--seed', '2', '--out', 'pd2.json');
      await runCliCaptured(
        commands,
        [
          'decide',
          '--policy',
          join(repoRoot, 'test', 'fixtures', 'server', 'world-policy.yaml'),
          '--model',
          'pd.json',
          '--data',
          'world.csv',
          '--out',
          'decisions.csv',
        ],
        dir,
      ).then((r) => {
        if (r.code !== 0) throw new Error(r.err);
      });
      world = readCsv(join(dir, 'world.csv'));
      cliDecisions = readCsv(join(dir, 'decisions.csv'));
      t = await startTestService(backend);
      const model = await register('pd.json');
      assert.equal(model.kind, 'gbdt');
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/v1/models/${model.id}/promote`, headers: admin(), payload: { role: 'champion' } })).statusCode,
        200,
      );
      const policy = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies',
        headers: { ...admin(), 'content-type': 'application/yaml' },
        payload: POLICY,
      });
      assert.equal(policy.statusCode, 201, policy.body);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/policies/${policy.json().id}/activate`, headers: admin() })).statusCode, 200);
      inputs = t.app.service.current()!.context.policy ? (await import('../../src/decision/index.js')).applicationInputs(t.app.service.current()!.context) : [];
    });
    after(async () => {
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const submitted: { decisionId: string; arm: string }[] = [];

    test('the API decides each row exactly as `credo decide` does (action, pd, score, reasons, limit, rate)', async () => {
      let compared = 0;
      const actions = new Set<string>();
      for (let i = 0; i < 60; i++) {
        const row = world[i] as Record<string, string>;
        const expected = cliDecisions[i] as Record<string, string>;
        assert.equal(expected.application_id, row.application_id);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: officer(),
          payload: { external_id: row.application_id, data: dataOf(row) },
        });
        assert.equal(res.statusCode, 201, res.body);
        const d = res.json().decision;
        submitted.push({ decisionId: d.id, arm: d.arm });
        actions.add(d.action);
        assert.equal(d.action, expected.action, `row ${i}`);
        assert.equal(d.pd, Number(expected.pd), `row ${i} pd`);
        assert.equal(d.score, Number(expected.score), `row ${i} score`);
        assert.deepEqual(
          d.reasons.map((r: { code: string }) => r.code),
          [1, 2, 3, 4, 5].map((k) => expected[`reason_${k}`]).filter((c) => c !== '' && c !== undefined),
          `row ${i} reasons`,
        );
        assert.equal(d.limit ?? '', expected.limit, `row ${i} limit`);
        assert.equal(d.rate ?? '', expected.rate, `row ${i} rate`);
        compared += 1;
      }
      assert.equal(compared, 60);
      assert.ok(actions.size >= 2, `only ${[...actions]} among 60 rows`);
    });

    test('replay of champion and challenger decisions is identical, also after a new champion and a new policy version', async () => {
      const second = await register('pd2.json');
      const promote = await t.app.inject({
        method: 'POST',
        url: `/api/v1/models/${second.id}/promote`,
        headers: admin(),
        payload: { role: 'challenger', share: 0.5 },
      });
      assert.equal(promote.statusCode, 200, promote.body);
      for (let i = 60; i < 100; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: officer(),
          payload: { data: dataOf(world[i] as Record<string, string>) },
        });
        assert.equal(res.statusCode, 201, res.body);
        const body = res.json();
        submitted.push({ decisionId: body.decision.id, arm: body.decision.arm });
        if (body.decision.arm === 'challenger') {
          assert.equal(body.decision.model_hash, second.hash);
          const app = (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${body.application_id}`, headers: officer() })).json();
          const kinds = app.decisions.map((x: { kind: string }) => x.kind).sort();
          assert.deepEqual(kinds, ['automatic', 'shadow']);
        }
      }
      const arms = new Set(submitted.map((s) => s.arm));
      assert.deepEqual([...arms].sort(), ['challenger', 'champion']);

      const replayAll = async () => {
        for (const s of submitted) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/v1/decisions/${s.decisionId}/replay`,
            headers: { authorization: `Bearer ${t.keys.auditor}` },
          });
          assert.equal(res.statusCode, 200, res.body);
          const r = res.json();
          assert.equal(r.identical, true, `${s.decisionId} (${s.arm}): ${r.differences}`);
          assert.deepEqual(r.replayed, r.stored);
        }
      };
      await replayAll();
      // a new champion and a new policy version change nothing for decisions already made
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/v1/models/${second.id}/promote`, headers: admin(), payload: { role: 'champion' } })).statusCode,
        200,
      );
      const v2 = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies',
        headers: { ...admin(), 'content-type': 'application/yaml' },
        payload: POLICY.replace('pd_above: 0.2', 'pd_above: 0.05'),
      });
      assert.equal(v2.json().version, 2);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/policies/${v2.json().id}/activate`, headers: admin() })).statusCode, 200);
      const now = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: officer(),
        payload: { data: dataOf(world[0] as Record<string, string>) },
      });
      assert.equal(now.json().decision.model_hash, second.hash);
      assert.equal(now.json().decision.policy_version, 2);
      await replayAll();
    });

    test('a tampered stored decision replays as not identical', async () => {
      const s = submitted[0] as { decisionId: string };
      await t.db.query('UPDATE decisions SET pd = pd + 1e-12 WHERE id = $1', [s.decisionId]);
      const r = (
        await t.app.inject({ method: 'GET', url: `/api/v1/decisions/${s.decisionId}/replay`, headers: { authorization: `Bearer ${t.keys.auditor}` } })
      ).json();
      assert.equal(r.identical, false);
      assert.ok(r.differences.includes('pd'), String(r.differences));
    });
  });
}
