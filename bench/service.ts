/**
 * Decision-service benchmarks on real sockets (127.0.0.1 only), one JSON line per result:
 *   load     — POST /api/v1/applications (rules + GBDT PD + reasons + every row written) for a fixed
 *              time with autocannon: decisions/s, p50/p99 latency, errors and non-2xx;
 *   crash    — kill -9 the server in the middle of a load (after 300 answers), restart: every 2xx application present
 *              with its decision and audit entry, no application without a decision, audit chain ok;
 *   hostile  — ≥ 10,000 malformed or hostile requests: zero 5xx and zero rows written.
 * Back end: PGlite in a temporary data directory, or PostgreSQL when DATABASE_URL is set (a fresh
 * schema per run). Usage: node dist/bench/service.js load|crash|hostile [seconds|requests]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hostileRequests } from './service-hostile.js';
import { api, configureServer, credo, prepareFiles, type ServerProcess, startServe, submissionBodies } from './service-setup.js';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = ((options: Record<string, unknown>) => Promise<AutocannonResult> & { stop(): void }) &
  ((options: Record<string, unknown>, done: (error: unknown, result: AutocannonResult) => void) => { stop(): void });
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** A prepared run: data directory or schema, env, admin key, model, policy, bodies. */
interface Setup {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly backend: 'pglite' | 'postgres';
  readonly adminKey: string;
  readonly modelText: string;
  readonly policyText: string;
  readonly bodies: string[];
  cleanup(): Promise<void>;
}

async function prepare(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'credo-service-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  let dropSchema: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const schema = `credo_bench_${process.pid}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  }
  const { worldCsv, modelText, policyText } = await prepareFiles(dir);
  const adminKey = JSON.parse(await credo(['users', 'add', '--role', 'admin', '--name', 'bench', '--data-dir', join(dir, 'data'), '--json'], env))
    .key as string;
  return {
    dir,
    env,
    backend: env.DATABASE_URL ? 'postgres' : 'pglite',
    adminKey,
    modelText,
    policyText,
    bodies: submissionBodies(worldCsv, modelText, policyText, 3000),
    async cleanup() {
      await dropSchema?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function loadOptions(server: ServerProcess, s: Setup, seconds: number, connections: number, onBody?: (status: number, body: string) => void) {
  let next = 0;
  return {
    url: server.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/applications',
        headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: s.bodies[next++ % s.bodies.length] }),
        ...(onBody === undefined ? {} : { onResponse: (status: number, body: string) => onBody(status, body) }),
      },
    ],
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function load(s: Setup, seconds: number): Promise<void> {
  const server = await startServe(join(s.dir, 'data'), s.env, ['--rate-limit', '0']);
  try {
    await configureServer(server.url, s.adminKey, s.modelText, s.policyText);
    for (const connections of [8, 32]) {
      const cpuBefore = cpuSeconds(server.child.pid as number);
      const r = await autocannon(loadOptions(server, s, seconds, connections));
      const serverCpu = cpuSeconds(server.child.pid as number) - cpuBefore;
      console.log(
        JSON.stringify({
          bench: 'service-load',
          backend: s.backend,
          connections,
          seconds: r.duration,
          decisions: r['2xx'],
          decisions_per_s: Math.round(r['2xx'] / r.duration),
          p50_ms: r.latency.p50,
          p99_ms: r.latency.p99,
          max_ms: r.latency.max,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          server_cpu_ms_per_decision: r['2xx'] === 0 ? null : Math.round((serverCpu * 1e6) / r['2xx']) / 1000,
          load_average: loadavg()[0],
        }),
      );
    }
  } finally {
    await server.stop();
  }
}

async function crash(s: Setup, seconds: number): Promise<void> {
  let server = await startServe(join(s.dir, 'data'), s.env, ['--rate-limit', '0']);
  await configureServer(server.url, s.adminKey, s.modelText, s.policyText);
  const answered = new Set<string>();
  const run = autocannon(
    loadOptions(server, s, seconds + 30, 16, (status, body) => {
      if (status === 201) answered.add((JSON.parse(body) as { application_id: string }).application_id);
    }),
    () => undefined,
  );
  // kill -9 once `target` applications were answered (or after `seconds`), in the middle of the load
  const target = 300;
  const deadline = Date.now() + seconds * 1000;
  while (answered.size < target && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  await server.kill();
  run.stop();
  const killedAt = answered.size;
  server = await startServe(join(s.dir, 'data'), s.env, ['--rate-limit', '0']);
  try {
    let missing = 0;
    let withoutAudit = 0;
    for (const id of answered) {
      const app = await api(server.url, s.adminKey, 'GET', `/api/v1/applications/${id}`);
      if (app.status !== 200 || app.json.decision === null) missing += 1;
      const audit = await api(server.url, s.adminKey, 'GET', `/api/v1/audit?entity=application&entity_id=${id}`);
      if (audit.json.total < 1) withoutAudit += 1;
    }
    let orphans = 0;
    let total = 0;
    for (let offset = 0; ; offset += 200) {
      const page = await api(server.url, s.adminKey, 'GET', `/api/v1/applications?limit=200&offset=${offset}`);
      total = page.json.total;
      for (const a of page.json.items) if (a.decision_id === null) orphans += 1;
      if (offset + 200 >= total) break;
    }
    const verify = await api(server.url, s.adminKey, 'GET', '/api/v1/audit/verify');
    console.log(
      JSON.stringify({
        bench: 'service-crash',
        backend: s.backend,
        answered_2xx: killedAt,
        stored_applications: total,
        missing_or_undecided: missing,
        without_audit_entry: withoutAudit,
        orphan_applications: orphans,
        audit_ok: verify.json.ok,
        audit_entries: verify.json.entries,
      }),
    );
  } finally {
    await server.stop();
  }
}

async function hostile(s: Setup, count: number): Promise<void> {
  const server = await startServe(join(s.dir, 'data'), s.env, ['--rate-limit', '0']);
  try {
    await configureServer(server.url, s.adminKey, s.modelText, s.policyText);
    const totals = async () => {
      const out: Record<string, number> = {};
      for (const path of ['/api/v1/applications', '/api/v1/customers', '/api/v1/models', '/api/v1/policies', '/api/v1/audit']) {
        out[path] = (await api(server.url, s.adminKey, 'GET', `${path}?limit=1`)).json.total;
      }
      return out;
    };
    const keys = { admin: s.adminKey };
    const before = await totals();
    const result = await hostileRequests(server.url, keys, count, 16);
    const after = await totals();
    const written = Object.keys(before).filter((k) => before[k] !== after[k]);
    console.log(
      JSON.stringify({
        bench: 'service-hostile',
        backend: s.backend,
        requests: result.sent,
        status_counts: result.statuses,
        server_errors: result.serverErrors,
        lists_changed: written,
        examples_5xx: result.examples,
      }),
    );
  } finally {
    await server.stop();
  }
}

const [mode = 'load', amount] = process.argv.slice(2);
const setup = await prepare();
try {
  if (mode === 'load') await load(setup, Number(amount ?? 20));
  else if (mode === 'crash') await crash(setup, Number(amount ?? 60));
  else if (mode === 'hostile') await hostile(setup, Number(amount ?? 10000));
  else throw new Error(`unknown mode ${mode}: load | crash | hostile`);
} finally {
  await setup.cleanup();
}
