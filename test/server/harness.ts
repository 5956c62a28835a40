import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { serializeModel } from '../../src/io/model-file.js';
import type { CredoModel } from '../../src/ml/model.js';
import { buildApp } from '../../src/server/index.js';
import { createUser, type Database, type Role } from '../../src/store/index.js';
import { type Backend, openTestDatabase } from '../support/databases.js';

export { backends } from '../support/databases.js';

/**
 * A hand-made logistic PD model (the decision unit tests' model): logit = c0 − 0.01·bureau_score +
 * 2·dti (+0.5 for segment "new"); at bureau 650, dti 0.3, segment repeat the PD is 1/51 (score 600).
 */
export function logisticModel(c0 = 5.9 - Math.log(50), createdAt = '2026-01-01T00:00:00Z'): CredoModel {
  return {
    kind: 'logistic',
    schema: {
      columns: [
        { name: 'bureau_score', type: 'number' },
        { name: 'dti', type: 'number' },
        { name: 'segment', type: 'category', categories: ['repeat', 'new'] },
      ],
    },
    target: 'bad',
    params: {},
    metrics: { auc: 0.7 },
    createdAt,
    body: {
      version: 1,
      intercept: c0,
      terms: [
        { feature: 'bureau_score', type: 'number', coefficient: -0.01, fill: 650 },
        { feature: 'dti', type: 'number', coefficient: 2, fill: 0.3 },
        { feature: 'segment', type: 'category', reference: 'repeat', levels: { new: 0.5 } },
      ],
      l1: 0,
      l2: 0,
      design: [],
      standard_errors: [],
      p_values: [],
      vif: [],
      converged: true,
    },
  } as CredoModel;
}

/** Model-file text of a model (with its SHA-256). */
export function modelFile(model: CredoModel = logisticModel()): string {
  return serializeModel(model);
}

/** A policy over the logistic model's inputs: two knock-outs, a refer rule, a PD cutoff, limits and pricing. */
export const POLICY_YAML = `name: server-test
rules:
  - id: r1_dti
    when: dti > 0.6
    action: decline
  - id: r2_new
    when: segment == "new"
    action: refer
cutoff:
  model: champion
  pd_above: 0.1
limits:
  requested: requested_amount
  tiers:
    - { min_score: 620, max: 50000 }
    - { min_score: 580, max: 20000 }
    - { min_score: 300, max: 5000 }
  round_to: 100
  min: 1000
  below_min: refer
pricing:
  hurdle: 0.15
  lgd: 0.45
  funding_rate: 0.04
  operating_cost_rate: 0.01
  capital_rate: 0.04
  step: 0.0025
  floor: 0.05
  cap: 0.36
`;

/** An application the policy approves at the means (PD 1/51, score 600). */
export const GOOD_APPLICATION = { bureau_score: 650, dti: 0.3, segment: 'repeat', requested_amount: 15500 };

/** A test service: the app, its database and one API key per role. */
export interface TestService {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly keys: Record<Role, string>;
  readonly userIds: Record<Role, string>;
  /** A second loan officer (maker-checker tests). */
  readonly officer2: string;
  close(): Promise<void>;
}

/** Builds the app over a fresh database with a user per role (no rate limit unless asked; the wall clock unless one is given). */
export async function startTestService(
  backend: Backend,
  options: { rateLimit?: { max: number; windowMs: number }; clock?: () => Date } = {},
): Promise<TestService> {
  const test = await openTestDatabase(backend);
  const db = test.db;
  const keys = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ['admin', 'risk_analyst', 'loan_officer', 'auditor'] as const) {
    const made = await createUser(db, { name: `test ${role}`, role });
    keys[role] = made.key.key;
    userIds[role] = made.user.id;
  }
  const officer2 = (await createUser(db, { name: 'second officer', role: 'loan_officer' })).key.key;
  const app = await buildApp({
    db,
    rateLimit: options.rateLimit ?? false,
    authCacheMs: 0,
    checkResponses: true,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return {
    app,
    db,
    keys,
    userIds,
    officer2,
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}

/** Registers the logistic model (champion) and the test policy (active); returns their ids. */
export async function configure(t: TestService, policy = POLICY_YAML, model = modelFile()): Promise<{ modelId: string; policyId: string; hash: string }> {
  const admin = { authorization: `Bearer ${t.keys.admin}` };
  const m = await t.app.inject({ method: 'POST', url: '/api/v1/models', headers: { ...admin, 'content-type': 'application/json' }, payload: model });
  if (m.statusCode !== 201) throw new Error(`model registration: ${m.statusCode} ${m.body}`);
  const { id: modelId, hash } = m.json() as { id: string; hash: string };
  const p = await t.app.inject({ method: 'POST', url: `/api/v1/models/${modelId}/promote`, headers: admin, payload: { role: 'champion' } });
  if (p.statusCode !== 200) throw new Error(`promote: ${p.statusCode} ${p.body}`);
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/policies', headers: { ...admin, 'content-type': 'application/yaml' }, payload: policy });
  if (r.statusCode !== 201) throw new Error(`policy registration: ${r.statusCode} ${r.body}`);
  const policyId = (r.json() as { id: string }).id;
  const a = await t.app.inject({ method: 'POST', url: `/api/v1/policies/${policyId}/activate`, headers: admin });
  if (a.statusCode !== 200) throw new Error(`activate: ${a.statusCode} ${a.body}`);
  return { modelId, policyId, hash };
}

/** Row counts of every table a request could write (for "a failed request writes nothing"). */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'api_keys', 'customers', 'employment', 'models', 'policies', 'applications', 'decisions', 'audit_log', 'idempotency_keys']) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    out[table] = Number(rows[0]?.n);
  }
  return out;
}

/** Asserts a response is an RFC 9457 problem with this status and code. */
export function problemOf(res: LightMyRequestResponse): {
  status: number;
  code: string;
  errors: { field: string; message: string }[];
  detail: string;
  instance: string;
} {
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    throw new Error(`not problem+json: ${res.statusCode} ${res.headers['content-type']} ${res.body}`);
  return res.json();
}
