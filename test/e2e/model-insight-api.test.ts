import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { trainingReference } from '../../src/decision/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import { backends, configure, GOOD_APPLICATION, logisticModel, modelFile, startTestService, type TestService } from '../server/harness.js';

/** The harness's logistic model carrying monitoring metrics (a distinct creation time gives it its own hash). */
function monitoredModel(createdAt: string, metrics: Record<string, unknown>): CredoModel {
  const model = logisticModel(undefined, createdAt);
  return { ...model, metrics: { ...model.metrics, ...metrics } } as CredoModel;
}

// Training data: bureau scores 600..690, dti 0.1..0.55, segment repeat (7) / new (3).
const TRAIN = Array.from({ length: 10 }, (_, i) => ({ bureau_score: 600 + 10 * i, dti: 0.1 + 0.05 * i, segment: i < 7 ? 'repeat' : 'new' }));
// Validation sample: bads at PD 0.9 and 0.4, goods at 0.7 and 0.2 (AUC 3/4; KS 1/2, first reached splitting PD ≤ 0.2 from above).
const SAMPLE = { pd: [0.9, 0.7, 0.4, 0.2], bad: [1, 0, 1, 0] };

for (const backend of backends()) {
  describe(`model insight routes (performance, stability, SHAP) on ${backend}`, () => {
    let t: TestService;
    let plainId: string;
    let monitoredId: string;
    let malformedId: string;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.keys.auditor}` } });
    const register = async (model: CredoModel) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models',
        headers: { authorization: `Bearer ${t.keys.admin}`, 'content-type': 'application/json' },
        payload: modelFile(model),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    before(async () => {
      t = await startTestService(backend);
      plainId = (await configure(t)).modelId;
      const champion = logisticModel();
      const pd = Float64Array.from(
        TRAIN,
        (r) => 1 / (1 + Math.exp(-(5.9 - Math.log(50) - 0.01 * r.bureau_score + 2 * r.dti + (r.segment === 'new' ? 0.5 : 0)))),
      );
      monitoredId = await register(
        monitoredModel('2026-03-01T00:00:00Z', { validation_sample: SAMPLE, training_reference: trainingReference(champion, TRAIN, pd) }),
      );
      // a version-1 reference without its bins: not something the route can read
      malformedId = await register(monitoredModel('2026-03-02T00:00:00Z', { training_reference: { version: 1, rows: 10 } }));
    });
    after(() => t.close());

    test('a model without a validation sample or a training reference: available false', async () => {
      const performance = await get(`/api/v1/models/${plainId}/performance`);
      assert.equal(performance.statusCode, 200, performance.body);
      assert.deepEqual(performance.json(), { available: false });
      for (const id of [plainId, malformedId]) {
        const stability = await get(`/api/v1/models/${id}/stability`);
        assert.equal(stability.statusCode, 200, stability.body);
        assert.deepEqual(stability.json(), { available: false, thresholds: { investigate: 0.1, shifted: 0.25 } });
      }
      const missing = await get('/api/v1/models/00000000-0000-4000-8000-000000000000/performance');
      assert.equal(missing.statusCode, 404);
    });

    test('SHAP before any application: no rows, no importance, no points', async () => {
      const res = await get(`/api/v1/models/${monitoredId}/shap`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { rows: 0, importance: [], points: [] });
    });

    test('performance on the validation sample: AUC 3/4, KS 1/2 at PD 0.2, the ROC from (0, 0) at threshold null', async () => {
      const res = await get(`/api/v1/models/${monitoredId}/performance`);
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      assert.equal(p.available, true);
      assert.deepEqual([p.rows, p.bad_rate, p.auc, p.gini, p.ks, p.ks_threshold], [4, 0.5, 0.75, 0.5, 0.5, 0.2]);
      assert.deepEqual(p.roc, [
        { threshold: null, fpr: 0, tpr: 0 },
        { threshold: 0.9, fpr: 0, tpr: 0.5 },
        { threshold: 0.7, fpr: 0.5, tpr: 0.5 },
        { threshold: 0.4, fpr: 0.5, tpr: 1 },
        { threshold: 0.2, fpr: 1, tpr: 1 },
      ]);
      // one row per band, riskiest first; a band without bads has no expected/observed ratio
      assert.deepEqual(
        p.calibration.map((c: { mean_pd: number; observed_bads: number; expected_observed_ratio: number | null }) => [
          c.mean_pd,
          c.observed_bads,
          c.expected_observed_ratio,
        ]),
        [
          [0.9, 1, 0.9],
          [0.7, 0, null],
          [0.4, 1, 0.4],
          [0.2, 0, null],
        ],
      );
      assert.deepEqual(
        p.gains.map((g: { cum_bad_capture: number; lift: number }) => [g.cum_bad_capture, g.lift]),
        [
          [0.5, 2],
          [0.5, 0],
          [1, 2],
          [1, 0],
        ],
      );
    });

    test('stability and SHAP of recent applications against the training reference', async () => {
      const officer = { authorization: `Bearer ${t.keys.loan_officer}` };
      for (const data of [GOOD_APPLICATION, { ...GOOD_APPLICATION, bureau_score: 600, segment: 'new' }, { ...GOOD_APPLICATION, dti: 0.5 }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: officer, payload: { data } });
        assert.equal(res.statusCode, 201, res.body);
      }
      const res = await get(`/api/v1/models/${monitoredId}/stability?rows=10`);
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.deepEqual([s.available, s.training_rows, s.recent_rows], [true, 10, 3]);
      assert.equal(s.pd.feature, 'pd');
      const segment = s.features.find((f: { feature: string }) => f.feature === 'segment');
      // counts 7 / 3 / 0 in training and 2 / 1 / 0 recently, each plus 0.5
      assert.deepEqual(
        segment.bins.map((b: { bin: string }) => b.bin),
        ['repeat', 'new', 'missing or unseen'],
      );
      assert.deepEqual(
        segment.bins.map((b: { expected: number; actual: number }) => [b.expected, b.actual]),
        [
          [7.5 / 11.5, 2.5 / 4.5],
          [3.5 / 11.5, 1.5 / 4.5],
          [0.5 / 11.5, 0.5 / 4.5],
        ],
      );
      for (const row of [s.pd, ...s.features]) {
        const psi = row.bins.reduce((a: number, b: { expected: number; actual: number }) => a + (b.actual - b.expected) * Math.log(b.actual / b.expected), 0);
        assert.ok(Math.abs(row.psi - psi) < 1e-12, row.feature);
        assert.equal(row.status, row.psi > 0.25 ? 'shifted' : row.psi >= 0.1 ? 'investigate' : 'stable');
      }
      assert.deepEqual(
        s.features.map((f: { psi: number }) => f.psi),
        s.features.map((f: { psi: number }) => f.psi).sort((a: number, b: number) => b - a),
      );

      const shap = (await get(`/api/v1/models/${monitoredId}/shap?rows=2`)).json();
      assert.equal(shap.rows, 2);
      // newest first: dti 0.5 (+0.4 against the fill 0.3), then bureau 600 (+0.5) and segment new (+0.5)
      assert.deepEqual(
        shap.points.map((p: { feature: string; value: number | string; shap: number }) => [p.feature, p.value, Math.round(p.shap * 1e9) / 1e9]),
        [
          ['bureau_score', 650, 0],
          ['dti', 0.5, 0.4],
          ['segment', 'repeat', 0],
          ['bureau_score', 600, 0.5],
          ['dti', 0.3, 0],
          ['segment', 'new', 0.5],
        ],
      );
      assert.deepEqual(
        shap.importance.map((i: { feature: string; mean_abs_shap: number }) => [i.feature, Math.round(i.mean_abs_shap * 1e9) / 1e9]),
        [
          ['bureau_score', 0.25],
          ['segment', 0.25],
          ['dti', 0.2],
        ],
      );
    });
  });
}
