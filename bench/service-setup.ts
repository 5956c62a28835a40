import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicationInputs, type InputValue, parsePolicy } from '../src/decision/index.js';
import { parseModel } from '../src/io/model-file.js';
import { csvRecords } from '../src/server/csv-records.js';
import { repoPath } from '../test/repo-root.js';

/** Where the compiled CLI is (this file runs from dist/bench/). */
export const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'main.js');

/** Runs a credo command to completion; resolves with its stdout. */
export function credo(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`credo ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** A `credo serve` child process listening on 127.0.0.1. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL (the crash test). */
  kill(): Promise<void>;
}

/** Starts `credo serve --port 0 --quiet` and resolves once it prints its address. */
export function startServe(dataDir: string, env: NodeJS.ProcessEnv, extra: readonly string[] = []): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=prof".
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--quiet', ...extra], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stderr.on('data', (d) => {
      err += d;
      const match = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (match !== null)
        resolve({
          child,
          url: match[1] as string,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
    });
    child.on('exit', (code) => reject(new Error(`credo serve exited ${code} before listening: ${err}`)));
  });
}

/** A parsed JSON response body (benchmark code reads known fields without declaring every shape). */
// biome-ignore lint/suspicious/noExplicitAny: response shapes are the OpenAPI document's, not restated here
type ApiJson = any;

/** A JSON request to the running server. */
export async function api(
  url: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
): Promise<{ status: number; json: ApiJson }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : JSON.parse(text) };
}

/** Registers and promotes the model, registers and activates the policy; resolves with their ids. */
export async function configureServer(url: string, adminKey: string, modelText: string, policyText: string): Promise<{ modelId: string; policyId: string }> {
  const model = await api(url, adminKey, 'POST', '/api/v1/models', modelText);
  if (model.status !== 201) throw new Error(`model: ${model.status} ${JSON.stringify(model.json)}`);
  const promote = await api(url, adminKey, 'POST', `/api/v1/models/${model.json.id}/promote`, { role: 'champion' });
  if (promote.status !== 200) throw new Error(`promote: ${promote.status}`);
  const policy = await api(url, adminKey, 'POST', '/api/v1/policies', policyText, 'application/yaml');
  if (policy.status !== 201) throw new Error(`policy: ${policy.status} ${JSON.stringify(policy.json)}`);
  const activate = await api(url, adminKey, 'POST', `/api/v1/policies/${policy.json.id}/activate`);
  if (activate.status !== 200) throw new Error(`activate: ${activate.status}`);
  return { modelId: model.json.id, policyId: policy.json.id };
}

/** Submission bodies (JSON text) from the rows of a world CSV: each row's policy and model inputs. */
export function submissionBodies(worldCsv: string, modelText: string, policyText: string, limit: number): string[] {
  const context = { policy: parsePolicy(policyText), policyId: 'bench', policyVersion: 1, champion: { model: parseModel(modelText), hash: 'bench' } };
  const inputs = applicationInputs(context);
  const [header, ...rows] = csvRecords(readFileSync(worldCsv, 'utf8'));
  const index = new Map((header as string[]).map((h, i) => [h, i]));
  return rows.slice(0, limit).map((row) => {
    const data: Record<string, InputValue> = {};
    for (const c of inputs) {
      const cell = row[index.get(c.name) as number] ?? '';
      data[c.name] = cell === '' ? null : c.type === 'number' ? Number(cell) : cell;
    }
    return JSON.stringify({ data });
  });
}

const EXCLUDE =
  'application_id,application_date,vintage,true_pd,true_bad,old_score,old_decision,approved,random_test,fpd7_due_amount,fpd7_overdue_amount,mob4_balance,mob4_m2plus_balance,loss_amount,age';

/** The synthetic world (3,000 rows, seed 11), a 100-tree GBDT PD model trained on it and the test policy, under `dir`. */
export async function prepareFiles(dir: string): Promise<{ worldCsv: string; modelText: string; policyText: string }> {
  const worldCsv = join(dir, 'world.csv');
  await credo(['data', 'synth', '--rows', '3000', '--seed', '11', '--out', worldCsv]);
  await credo(['train', '--data', worldCsv, '--target', 'bad', '--exclude', EXCLUDE, '--trees', '100', '--out', join(dir, 'pd.json')]);
  return {
    worldCsv,
    modelText: readFileSync(join(dir, 'pd.json'), 'utf8'),
    policyText: readFileSync(repoPath('test', 'fixtures', 'server', 'world-policy.yaml'), 'utf8'),
  };
}
