/**
 * Decision-service benchmarks on real sockets (127.0.0.1 only), one JSON line per result:
 *   load     — POST /api/v1/applications (rules + GBDT PD + reasons + every row written) for a fixed
 *              time with autocannon at 8 and 32 connections: decisions/s, p50/p99 latency, errors and
 *              non-2xx, CPU per decision (server, PostgreSQL backends, client), round trips per decision;
 *   speed    — the speed line: 60 s at a constant rate (SERVICE_RATE, default 1,050 a second,
 *              latency from each request's intended start), then at saturation (SERVICE_CONNECTIONS,
 *              default 32) with group commit and with each decision written on its own, and a
 *              summary line against the target;
 *   crash    — kill -9 the server in the middle of a load (after 300 answers), restart: every 2xx application present
 *              with its decision and audit entry, no application without a decision, audit chain ok;
 *   hostile  — ≥ 10,000 malformed or hostile requests: zero 5xx and zero rows written.
 * Back end: PGlite in a temporary data directory, or PostgreSQL when DATABASE_URL is set (a fresh
 * schema per run). Usage: node dist/bench/service.js load|speed|crash|hostile [seconds|requests]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openLoop } from './open-loop.js';
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
  /** `credo serve --batch` (SERVICE_BATCH, default 64) and `--workers` (SERVICE_WORKERS, default 1). */
  readonly batch: number;
  readonly workers: number;
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
    // names this run's connections, so its CPU figures leave out other clients of the same database
    url.searchParams.set('application_name', schema);
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
    batch: Number(process.env.SERVICE_BATCH ?? 64),
    workers: Number(process.env.SERVICE_WORKERS ?? 1),
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

/** The process and its descendants (`credo serve --workers N` forks), from /proc (Linux). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process exited meanwhile
    }
  }
  const out = [root];
  for (let k = 0; k < out.length; k++) for (const [pid, ppid] of parents) if (ppid === out[k]) out.push(pid);
  return out;
}

/** CPU seconds of every process in `pids` (a map, so processes that come and go can be diffed). */
function cpuOf(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
}

/** CPU seconds used between two snapshots (processes new in `after` count from zero). */
function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * PostgreSQL backends serving this run (the server's pool: its connections carry the run's
 * application_name), not the bench's own connection nor other clients of the same database.
 */
async function databaseBackends(client: pg.Client | undefined): Promise<number[]> {
  if (client === undefined) return [];
  const { rows } = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = current_setting('application_name') AND pid <> pg_backend_pid()",
  );
  return rows.map((r) => r.pid);
}

/** Commits in this database so far (pg_stat_database: every client of the database, so on a shared one other clients' commits count too). */
async function databaseCommits(client: pg.Client | undefined): Promise<number | null> {
  if (client === undefined) return null;
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0]?.n ?? 0);
}

/** One scrape of the server's /metrics (every worker summed). */
async function scrape(server: ServerProcess, key: string): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
  return res.text();
}

/** A single-series metric's value in a scrape. */
function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
}

/** The request-duration histogram of accepted submissions in a scrape: cumulative count by bucket bound (seconds). */
function submissionBuckets(text: string): Map<number, number> {
  const prefix = 'credo_http_request_duration_seconds_bucket{method="POST",route="/api/v1/applications",status="201",le="';
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const [bound, count] = line.slice(prefix.length).split('"} ');
    buckets.set(bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound), Number(count));
  }
  return buckets;
}

/**
 * Latency inside the server (request received → response sent, its own histogram) over a run:
 * the bucket bound that holds its p99 and the share over 25 ms. Beside the client's p99 it tells
 * where a tail is spent: in the server, or before the server reads the request (sockets, run queue).
 */
function serverLatency(before: string, after: string): { server_p99_at_most_ms: number | null; server_share_over_25ms: number | null } {
  const b = submissionBuckets(before);
  const a = [...submissionBuckets(after)].map(([bound, count]) => [bound, count - (b.get(bound) ?? 0)] as const);
  const total = a.find(([bound]) => bound === Number.POSITIVE_INFINITY)?.[1] ?? 0;
  if (total === 0) return { server_p99_at_most_ms: null, server_share_over_25ms: null };
  const p99 = a.find(([, count]) => count >= 0.99 * total)?.[0] as number;
  const within25 = a.find(([bound]) => bound === 0.025)?.[1] ?? 0;
  return { server_p99_at_most_ms: p99 * 1000, server_share_over_25ms: Math.round(((total - within25) / total) * 10000) / 10000 };
}

/** What one load run measured, whatever drove it (latencies in ms). */
interface LoadOutcome {
  readonly seconds: number;
  readonly ok2xx: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Fields only this kind of load has (the open loop's schedule, p99.9 and client queue). */
  readonly extra?: Record<string, number>;
}

/** A closed loop at saturation: autocannon keeps `connections` requests in flight for `seconds`. */
function saturating(connections: number) {
  return async (server: ServerProcess, s: Setup, seconds: number): Promise<LoadOutcome> => {
    const r = await autocannon(loadOptions(server, s, seconds, connections));
    return {
      seconds: r.duration,
      ok2xx: r['2xx'],
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      extra: { connections },
    };
  };
}

/**
 * An open loop: `rate` submissions a second on a fixed schedule over `connections` keep-alive
 * connections, latency from each request's intended start (see `openLoop`); the request bytes are
 * built once, so the client costs little CPU on the server's cores.
 */
function constantRate(rate: number, connections: number) {
  return async (server: ServerProcess, s: Setup, seconds: number): Promise<LoadOutcome> => {
    const host = new URL(server.url).host;
    const requests = s.bodies.map((body) =>
      Buffer.from(
        `POST /api/v1/applications HTTP/1.1\r\nhost: ${host}\r\nauthorization: Bearer ${s.adminKey}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      ),
    );
    const r = await openLoop({ url: server.url, rate, seconds, connections, request: (k) => requests[k % requests.length] as Buffer });
    return {
      seconds: r.seconds,
      ok2xx: r.ok2xx,
      p50: r.p50,
      p99: r.p99,
      max: r.max,
      errors: r.errors,
      non2xx: r.non2xx,
      extra: { connections, target_rate: rate, p999_ms: r.p999, client_queue_max: r.maxQueued, not_sent: r.notSent },
    };
  };
}

type Drive = (server: ServerProcess, s: Setup, seconds: number) => Promise<LoadOutcome>;

/**
 * One sustained load on the decision endpoint with its costs: decisions/s, p50/p99, errors; CPU
 * per decision of the server (all its processes), of the PostgreSQL backends serving it and of
 * this client; database statements (round trips) and commits per decision, and the mean group
 * commit batch. The CPU figures are what a busy, shared machine still measures well: they give the
 * rate a quiet machine would sustain (`cores × 1000 / CPU ms per decision`).
 */
async function measureLoad(server: ServerProcess, s: Setup, seconds: number, drive: Drive) {
  // warm-up, not measured: every worker compiles the model's TreeSHAP tables and the JIT settles
  // (SERVICE_WARMUP_SECONDS, default 5, at 500 submissions a second per worker)
  await constantRate(500 * s.workers, 16 * s.workers)(server, s, Number(process.env.SERVICE_WARMUP_SECONDS ?? 5));
  const pgClient = s.backend === 'postgres' ? new pg.Client({ connectionString: s.env.DATABASE_URL }) : undefined;
  await pgClient?.connect();
  try {
    const before = await scrape(server, s.adminKey);
    const commits0 = await databaseCommits(pgClient);
    const serverPids = processTree(server.child.pid as number);
    const serverBefore = cpuOf(serverPids);
    const dbBefore = cpuOf(await databaseBackends(pgClient));
    const clientBefore = process.cpuUsage();
    const r = await drive(server, s, seconds);
    const client = process.cpuUsage(clientBefore);
    const dbPids = await databaseBackends(pgClient);
    const serverCpu = cpuDelta(serverBefore, cpuOf(processTree(server.child.pid as number)));
    const dbCpu = cpuDelta(dbBefore, cpuOf(dbPids));
    const commits1 = await databaseCommits(pgClient);
    const after = await scrape(server, s.adminKey);
    const counted = (name: string) => metricValue(after, name) - metricValue(before, name);
    const statements = counted('credo_db_statements_total');
    const batches = counted('credo_decision_writes_total');
    const written = counted('credo_decision_writes_applications_total');
    const n = r.ok2xx;
    const per = (x: number) => (n === 0 ? null : Math.round((x * 1e6) / n) / 1000);
    const serverMs = per(serverCpu);
    const dbMs = s.backend === 'postgres' ? per(dbCpu) : null;
    const clientMs = per((client.user + client.system) / 1e6);
    const total = (serverMs ?? 0) + (dbMs ?? 0);
    return {
      backend: s.backend,
      ...r.extra,
      seconds: r.seconds,
      decisions: n,
      decisions_per_s: Math.round(n / r.seconds),
      p50_ms: r.p50,
      p99_ms: r.p99,
      max_ms: r.max,
      errors: r.errors,
      non2xx: r.non2xx,
      server_cpu_ms_per_decision: serverMs,
      db_backend_cpu_ms_per_decision: dbMs,
      client_cpu_ms_per_decision: clientMs,
      statements_per_decision: n === 0 ? null : Math.round((statements / n) * 1000) / 1000,
      commits_per_decision: commits0 === null || commits1 === null || n === 0 ? null : Math.round(((commits1 - commits0) / n) * 1000) / 1000,
      mean_batch: batches === 0 ? null : Math.round((written / batches) * 10) / 10,
      ...serverLatency(before, after),
      // what two quiet cores would sustain: server and database CPU per decision (the load generator elsewhere)
      cpu_bound_decisions_per_s_2_cores: total === 0 ? null : Math.round(2000 / total),
      load_average: loadavg()[0],
    };
  } finally {
    await pgClient?.end();
  }
}

async function load(s: Setup, seconds: number): Promise<void> {
  const server = await startServe(join(s.dir, 'data'), s.env, serveArgs(s));
  try {
    await configureServer(server.url, s.adminKey, s.modelText, s.policyText);
    for (const connections of [8, 32]) {
      console.log(
        JSON.stringify({ bench: 'service-load', batch: s.batch, workers: s.workers, ...(await measureLoad(server, s, seconds, saturating(connections))) }),
      );
    }
  } finally {
    await server.stop();
  }
}

/**
 * The speed line: the decision endpoint sustained for `seconds` at a constant rate
 * (`SERVICE_RATE` submissions a second, default 1,050, over `SERVICE_RATE_CONNECTIONS`, default
 * 64; latency from each request's intended start), then, on the same server, at saturation
 * (autocannon, `SERVICE_CONNECTIONS`, default 32) with group commit (`--batch 64`), and at
 * saturation with each decision written on its own (`--batch 1`) as the peer; `SERVICE_REPEAT`
 * times, interleaved. One JSON line per run and a summary with the medians, judged against the
 * target (≥ 1,000 decisions/s sustained with p99 < 25 ms and zero errors) on the constant-rate
 * runs: a closed loop at saturation measures its own queue (Little's law: latency = connections /
 * rate), not the latency at a given rate. `SERVICE_SATURATE=0` runs the constant-rate line only.
 */
async function speed(s: Setup, seconds: number): Promise<void> {
  const connections = Number(process.env.SERVICE_CONNECTIONS ?? 32);
  const rate = Number(process.env.SERVICE_RATE ?? 1050);
  const rateConnections = Number(process.env.SERVICE_RATE_CONNECTIONS ?? 64);
  const repeat = Number(process.env.SERVICE_REPEAT ?? 1);
  const saturate = process.env.SERVICE_SATURATE !== '0';
  type Run = Awaited<ReturnType<typeof measureLoad>>;
  const runs: Record<'rate' | 'group' | 'single', Run[]> = { rate: [], group: [], single: [] };
  let configured = false;
  const onServer = async (batch: number, loads: readonly (readonly ['rate' | 'group' | 'single', Drive])[]) => {
    const server = await startServe(join(s.dir, 'data'), s.env, serveArgs({ ...s, batch }));
    try {
      if (!configured) await configureServer(server.url, s.adminKey, s.modelText, s.policyText);
      configured = true;
      for (const [variant, drive] of loads) {
        const r = await measureLoad(server, s, seconds, drive);
        runs[variant].push(r);
        console.log(JSON.stringify({ bench: 'service-speed', variant, batch, workers: s.workers, ...r }));
      }
    } finally {
      await server.stop();
    }
  };
  for (let k = 0; k < repeat; k++) {
    await onServer(s.batch, [['rate', constantRate(rate, rateConnections)], ...(saturate ? [['group', saturating(connections)] as const] : [])]);
    if (saturate) await onServer(1, [['single', saturating(connections)]]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  type Key = 'decisions_per_s' | 'p50_ms' | 'p99_ms' | 'max_ms' | 'server_cpu_ms_per_decision' | 'db_backend_cpu_ms_per_decision';
  const of = (list: Run[], key: Key) => (list.length > 0 && list.every((r) => r[key] !== null) ? median(list.map((r) => r[key] as number)) : null);
  const ratios = runs.group.map((r, i) => r.decisions_per_s / Math.max(1, runs.single[i]?.decisions_per_s ?? 1));
  const perSecond = of(runs.rate, 'decisions_per_s') ?? 0;
  const p99 = of(runs.rate, 'p99_ms') ?? Number.POSITIVE_INFINITY;
  const errors = runs.rate.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  console.log(
    JSON.stringify({
      bench: 'service-speed-summary',
      backend: s.backend,
      seconds,
      workers: s.workers,
      target_rate: rate,
      decisions_per_s: perSecond,
      p50_ms: of(runs.rate, 'p50_ms'),
      p99_ms: of(runs.rate, 'p99_ms'),
      max_ms: of(runs.rate, 'max_ms'),
      errors,
      server_cpu_ms_per_decision: of(runs.rate, 'server_cpu_ms_per_decision'),
      db_backend_cpu_ms_per_decision: of(runs.rate, 'db_backend_cpu_ms_per_decision'),
      saturated: saturate
        ? { connections, decisions_per_s: of(runs.group, 'decisions_per_s'), p50_ms: of(runs.group, 'p50_ms'), p99_ms: of(runs.group, 'p99_ms') }
        : null,
      group_vs_single_throughput: ratios.length === 0 ? null : Math.round(median(ratios) * 100) / 100,
      target: { decisions_per_s: 1000, p99_ms: 25, errors: 0 },
      meets_target: perSecond >= 1000 && p99 < 25 && errors === 0,
      load_average: loadavg()[0],
    }),
  );
}

function serveArgs(s: Pick<Setup, 'batch' | 'workers'>): string[] {
  return ['--rate-limit', '0', '--batch', String(s.batch), ...(s.workers > 1 ? ['--workers', String(s.workers)] : [])];
}

async function crash(s: Setup, seconds: number): Promise<void> {
  let server = await startServe(join(s.dir, 'data'), s.env, serveArgs(s));
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
  server = await startServe(join(s.dir, 'data'), s.env, serveArgs(s));
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
  const server = await startServe(join(s.dir, 'data'), s.env, serveArgs(s));
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
  else if (mode === 'speed') await speed(setup, Number(amount ?? 60));
  else if (mode === 'crash') await crash(setup, Number(amount ?? 60));
  else if (mode === 'hostile') await hostile(setup, Number(amount ?? 10000));
  else throw new Error(`unknown mode ${mode}: load | speed | crash | hostile`);
} finally {
  await setup.cleanup();
}
