// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trainingReference, type ValidationSample } from '../../decision/index.js';
import { valueAt } from '../../frame/column.js';
import type { Frame } from '../../frame/index.js';
import { dataFolder } from '../../io/index.js';
import { serializeModel } from '../../io/model-file.js';
import { fitModel } from '../../ml/ensemble/fit-model.js';
import { splitRows } from '../../ml/gbdt/index.js';
import { evaluateBinary } from '../../ml/metrics/index.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd } from '../../ml/predict-model.js';
import { buildApp } from '../../server/index.js';
import { createUser, type Database } from '../../store/index.js';
import { closeBook } from '../../store/repositories/close.js';
import { generateWorld } from '../../synth/index.js';
import { DEMO_FEATURES, DEMO_GBDT, DEMO_MONOTONE, DEMO_VALID_FRACTION } from '../demo/model-steps.js';
import { dropMissingTarget } from './learner-data.js';

/** Sizes of the populated world (`credo start` uses the defaults; tests pass small ones). */
export interface WorldSizes {
  /** Applications in the synthetic world (training data) [20,000]. */
  readonly rows: number;
  /** Applications pushed through the real decision path (`POST /api/v1/applications`) [2,000]. */
  readonly decisions: number;
  /** Approved applications turned into loans, disbursed and repaid [300]. */
  readonly loans: number;
  /** Random seed of the world and the models [42]. */
  readonly seed: number;
}

/** What `populateWorld` made. */
export interface PopulatedWorld {
  readonly adminKey: string;
  readonly championId: string;
  readonly challengerId: string;
  readonly policyId: string;
  readonly decided: Record<string, number>;
  readonly loans: number;
  readonly repayments: number;
  readonly asOf: string;
}

/** Default sizes of `credo start`. */
export const START_SIZES: WorldSizes = { rows: 20_000, decisions: 2_000, loans: 300, seed: 42 };

/** Rows of a frame as input records over `names` (missing numbers as null). */
function recordsOf(frame: Frame, names: readonly string[]): Record<string, number | string | null>[] {
  const columns = names.map((n) => frame.column(n));
  return Array.from({ length: frame.rowCount }, (_, row) => {
    const out: Record<string, number | string | null> = {};
    for (const c of columns) {
      const v = valueAt(c, row);
      out[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
    }
    return out;
  });
}

/**
 * Validation metrics of a model on held-out rows (what the dashboard's Models page shows), the
 * validation PDs and outcomes (ROC, KS, gains and calibration are recomputed from them), and the
 * training data's reference distributions (PSI/CSI of recent applications).
 */
function validationMetrics(model: CredoModel, train: Frame, valid: Frame): Record<string, unknown> {
  const pd = predictPd(model, valid);
  const bad = valid.numeric('bad').values;
  const e = evaluateBinary(pd, bad, { bands: 10 });
  const names = model.schema.columns.map((c) => c.name);
  return {
    valid: { auc: e.auc, ks: e.ks, gini: e.gini, logloss: e.logloss, brier: e.brier, bad_rate: e.bad_rate, rows: e.rows },
    gains: e.gains.map((g) => ({ band: g.band, count: g.count, bad_rate: g.bad_rate, cum_bad_capture: g.cum_bad_capture, lift: g.lift })),
    calibration: e.calibration.map((c) => ({ ...c })),
    validation_sample: { pd: Array.from(pd), bad: Array.from(bad) } satisfies ValidationSample,
    training_reference: trainingReference(model, recordsOf(train, names), predictPd(model, train)),
  };
}

/** `YYYY-MM-DD` of a UTC date `days` after `iso`. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of the month of `iso` (YYYY-MM-DD). */
function monthEndOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Populates an empty, migrated database with a working lending business, through the same code
 * paths as the API: generates the synthetic world, trains a GBDT champion and a WOE scorecard
 * challenger on its approved applications with an outcome (the demo's features and settings),
 * creates an admin, registers and promotes both models and registers and activates
 * examples/policies/lending-policy.yaml, submits `decisions` applications of the world through
 * `POST /api/v1/applications` (the real decision path), turns the first `loans` approvals within the default product's amounts into
 * loans disbursed over the last nine months, repays them from the world's outcome (`true_bad`
 * loans stop paying after a few instalments; the others pay every instalment due), closes the
 * book at each month-end of that history and then daily up to `today`. `say` gets one line per stage.
 */
export async function populateWorld(db: Database, sizes: WorldSizes, today: string, say: (line: string) => void): Promise<PopulatedWorld> {
  let t = performance.now();
  const stage = (text: string) => {
    say(`${text} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    t = performance.now();
  };
  const world = generateWorld({ rows: sizes.rows, seed: sizes.seed }).applications;
  stage(`generated the synthetic world: ${world.rowCount} applications`);

  const { frame } = dropMissingTarget(world, 'bad');
  const [train, valid] = splitRows(frame, DEMO_VALID_FRACTION, sizes.seed);
  const createdAt = new Date().toISOString();
  const gbdt = await fitModel({ kind: 'gbdt', params: { ...DEMO_GBDT, monotone: DEMO_MONOTONE, validFraction: 0.1 } }, train, 'bad', DEMO_FEATURES, {
    seed: sizes.seed,
    createdAt,
  });
  const champion = { ...gbdt, metrics: validationMetrics(gbdt, train, valid) };
  stage(`trained the GBDT champion on ${train.rowCount} loans (validation AUC ${(champion.metrics.valid as { auc: number }).auc.toFixed(3)})`);
  const sc = await fitModel({ kind: 'scorecard' }, train, 'bad', DEMO_FEATURES, { seed: sizes.seed, createdAt });
  const challenger = { ...sc, metrics: validationMetrics(sc, train, valid) };
  stage(`trained the scorecard challenger (validation AUC ${(challenger.metrics.valid as { auc: number }).auc.toFixed(3)})`);

  const admin = await createUser(db, { name: 'Credo admin', role: 'admin' });
  const app = await buildApp({ db, rateLimit: false, authCacheMs: 60_000 });
  try {
    const headers = { authorization: `Bearer ${admin.key.key}` };
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, type = 'application/json') => {
      const res = await app.inject({
        method,
        url,
        headers: payload === undefined ? headers : { ...headers, 'content-type': type },
        ...(payload === undefined ? {} : { payload: payload as string }),
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown>;
    };
    const championId = (await call('POST', '/api/v1/models', serializeModel(champion))).id as string;
    const challengerId = (await call('POST', '/api/v1/models', serializeModel(challenger))).id as string;
    await call('POST', `/api/v1/models/${championId}/promote`, { role: 'champion' });
    await call('POST', `/api/v1/models/${challengerId}/promote`, { role: 'challenger', share: 0.1 });
    const yaml = await readFile(join(dataFolder(), '..', 'examples', 'policies', 'lending-policy.yaml'), 'utf8');
    const policyId = (await call('POST', '/api/v1/policies', yaml, 'application/yaml')).id as string;
    await call('POST', `/api/v1/policies/${policyId}/activate`);
    stage('registered the champion, the challenger (10% share) and the lending policy');

    const inputs = (await call('GET', '/api/v1/setup')).inputs as { name: string }[];
    const columns = inputs.map((i) => world.column(i.name));
    const trueBad = world.numeric('true_bad').values;
    const decided: Record<string, number> = { approve: 0, decline: 0, refer: 0 };
    const approved: { applicationId: string; row: number }[] = [];
    const step = Math.max(1, Math.floor(world.rowCount / sizes.decisions));
    for (let k = 0, row = 0; k < sizes.decisions && row < world.rowCount; k++, row += step) {
      const data: Record<string, number | string | null> = {};
      for (const c of columns) {
        const v = valueAt(c, row);
        data[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
      }
      const body = await call('POST', '/api/v1/applications', { external_id: `W${String(row).padStart(7, '0')}`, data });
      const action = (body.decision as { action: string }).action;
      decided[action] = (decided[action] ?? 0) + 1;
      // The default loan product lends 1,000.00 to 100,000.00: larger approvals stay applications.
      const limit = Number((body.decision as { limit: string | null }).limit);
      if (action === 'approve' && limit >= 1000 && limit <= 100_000) approved.push({ applicationId: body.application_id as string, row });
    }
    stage(`decided ${sizes.decisions} applications through the API: ${decided.approve} approved, ${decided.decline} declined, ${decided.refer} referred`);

    let loans = 0;
    let repayments = 0;
    let firstDisbursement = today;
    for (const [n, a] of approved.slice(0, sizes.loans).entries()) {
      const loanId = (await call('POST', '/api/v1/loans', { application_id: a.applicationId })).id as string;
      const disbursedOn = addDays(today, -30 - ((n * 7) % 270));
      const view = await call('POST', `/api/v1/loans/${loanId}/disburse`, { value_date: disbursedOn });
      if (disbursedOn < firstDisbursement) firstDisbursement = disbursedOn;
      loans++;
      const schedule = view.schedule as { due_date: string; emi: string; fees: string }[];
      const paying = trueBad[a.row] === 1 ? n % 4 : schedule.length;
      for (const due of schedule.slice(0, paying)) {
        if (due.due_date > today) break;
        const amount = ((Math.round(Number(due.emi) * 100) + Math.round(Number(due.fees) * 100)) / 100).toFixed(2);
        await call('POST', `/api/v1/loans/${loanId}/repayments`, { amount, value_date: due.due_date, external_id: `${loanId}-${due.due_date}` });
        repayments++;
      }
    }
    stage(`disbursed ${loans} loans and recorded ${repayments} repayments from the world's outcomes`);
    // The book's history as month-end closes (a backfill: vintage curves and roll rates read the
    // month-end history), then the daily close from the last month-end to today.
    let monthEnds = 0;
    for (let end = monthEndOf(firstDisbursement); end < today; end = monthEndOf(addDays(end, 1))) {
      await closeBook(db, end, { skipMissed: true });
      monthEnds++;
    }
    const closed = (await call('POST', '/api/v1/jobs/close', { as_of: today })) as { dates_closed: number };
    stage(`closed the book at ${monthEnds} month-ends from ${firstDisbursement}, then daily to ${today} (${closed.dates_closed} dates)`);
    return { adminKey: admin.key.key, championId, challengerId, policyId, decided, loans, repayments, asOf: today };
  } finally {
    await app.close();
  }
}
