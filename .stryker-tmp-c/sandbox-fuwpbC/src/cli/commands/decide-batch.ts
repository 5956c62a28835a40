// @ts-nocheck
import { Worker } from 'node:worker_threads';
import { type DecisionContext, type DecisionRecord, decideApplication, type InputValue, parsePolicy } from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import type { ReasonCatalogue } from '../../explain/index.js';
import { parseModel } from '../../io/model-file.js';

/** Below this many rows per extra thread, starting a worker (parsing the model, compiling TreeSHAP) costs more than it saves. */
const MIN_ROWS_PER_THREAD = 2000;

/** A model file's text and the name it is shown by. */
export interface ModelText {
  readonly text: string;
  readonly shown: string;
}

/** Everything a batch of decisions depends on, as plain data a worker thread can receive. */
export interface DecideSpec {
  readonly policyText: string;
  readonly policySource: string;
  readonly champion: ModelText;
  readonly challenger?: ModelText & { readonly share: number };
  /** The catalogue when the policy has none. */
  readonly catalogue?: ReasonCatalogue;
  readonly asOf?: string;
}

/** One row's outcome: its decision, or the message of the input error that prevented it. */
export type RowOutcome = DecisionRecord | string;

/**
 * The decision context of a spec: the policy parsed, the models verified (hash = the file's
 * SHA-256 field, what the model registry stores), policy id = its name, version 1.
 */
export function contextOf(spec: DecideSpec): DecisionContext {
  const policy = parsePolicy(spec.policyText, spec.policySource);
  const bind = (m: ModelText) => ({ model: parseModel(m.text, m.shown), hash: (JSON.parse(m.text) as { sha256: string }).sha256 });
  return {
    policy,
    policyId: policy.strategy.name,
    policyVersion: 1,
    champion: bind(spec.champion),
    ...(spec.challenger === undefined ? {} : { challenger: { ...bind(spec.challenger), share: spec.challenger.share } }),
    ...(spec.catalogue === undefined ? {} : { catalogue: spec.catalogue }),
    ...(spec.asOf === undefined ? {} : { asOf: spec.asOf }),
  };
}

/** `decideApplication` on every row; a row's input error becomes its outcome, any other error propagates. */
export function decideRows(context: DecisionContext, ids: readonly string[], rows: readonly Record<string, InputValue>[]): RowOutcome[] {
  return rows.map((data, i) => {
    const id = ids[i] as string;
    try {
      if (id === '') throw new CredoError('E_INPUT_VALIDATION', { summary: 'the application id is empty' });
      return decideApplication(id, data, context);
    } catch (error) {
      if (!(error instanceof CredoError) || !error.isUserError) throw error;
      return error.message;
    }
  });
}

/**
 * `decideRows` over `threads` worker threads (contiguous row ranges, each worker building the same
 * context from the spec; `context` is the spec's, used when one thread is enough). Returns the
 * outcomes in row order and the number of threads used. Every row is decided by the same pure function, so the outcomes do not
 * depend on the thread count.
 */
export async function decideParallel(
  spec: DecideSpec,
  context: DecisionContext,
  ids: readonly string[],
  rows: readonly Record<string, InputValue>[],
  threads: number,
): Promise<{ outcomes: RowOutcome[]; threads: number }> {
  const n = rows.length;
  const useThreads = Math.max(1, Math.min(threads, Math.floor(n / MIN_ROWS_PER_THREAD)));
  if (useThreads <= 1) return { outcomes: decideRows(context, ids, rows), threads: 1 };
  const url = new URL('../workers/decide-worker.js', import.meta.url);
  const parts: Promise<RowOutcome[]>[] = [];
  for (let k = 0; k < useThreads; k++) {
    const start = Math.floor((n * k) / useThreads);
    const end = Math.floor((n * (k + 1)) / useThreads);
    parts.push(
      new Promise<RowOutcome[]>((resolve, reject) => {
        const worker = new Worker(url, { workerData: { spec, ids: ids.slice(start, end), rows: rows.slice(start, end) } });
        worker.once('message', (outcomes: RowOutcome[]) => resolve(outcomes));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new CredoError('E_INTERNAL', { summary: `decision worker stopped with exit code ${code}` }));
        });
      }),
    );
  }
  return { outcomes: (await Promise.all(parts)).flat(), threads: useThreads };
}
