import cluster, { type Worker } from 'node:cluster';
import { MetricsCollector, MetricsGatherer, type MetricsRequestMessage, type MetricsStateMessage } from './cluster-metrics.js';
import { ClusterRateStore, RATE_SYNC_MS, RateCountRelay, type RateCountsMessage, type RateOthersMessage } from './cluster-rate-limit.js';
import type { MetricsState } from './metrics.js';

/** What a worker tells the primary once it listens. */
interface ListeningMessage {
  readonly credo: 'listening';
  readonly url: string;
  readonly ready: boolean;
}

/** True in a process forked by `runPrimary` (it serves; the primary only supervises). */
export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** Tells the primary that this worker listens (no-op outside a cluster). */
export function reportListening(url: string, ready: boolean): void {
  if (cluster.isWorker && process.send !== undefined) process.send({ credo: 'listening', url, ready } satisfies ListeningMessage);
}

/**
 * Lets a worker that has closed its server and pool exit: the channel to the primary would keep
 * its event loop alive (no-op outside a cluster).
 */
export function leaveCluster(): void {
  if (cluster.isWorker) process.disconnect?.();
}

/** Sends a message to the primary while the channel is open (a closing worker drops it). */
function sendToPrimary(message: object): void {
  if (process.connected) process.send?.(message);
}

/**
 * In a cluster worker, the rate-limit store shared with the other workers through the primary
 * (see `ClusterRateStore`), reporting every `RATE_SYNC_MS`, and `stop` to end that; undefined
 * outside a cluster, where the plugin's own store is the whole server's.
 */
export function workerRateStore(windowMs: number): { readonly store: ClusterRateStore; stop(): void } | undefined {
  if (!cluster.isWorker) return undefined;
  const store = new ClusterRateStore(windowMs, sendToPrimary);
  const onMessage = (message: Partial<RateOthersMessage>) => {
    if (message?.credo === 'rate-others') store.receive(message as RateOthersMessage);
  };
  process.on('message', onMessage);
  const timer = setInterval(() => store.report(), RATE_SYNC_MS);
  timer.unref();
  return {
    store,
    stop() {
      clearInterval(timer);
      process.off('message', onMessage);
    },
  };
}

/**
 * In a cluster worker, every worker's `/metrics` figures gathered through the primary (see
 * `MetricsGatherer`), and `stop`; undefined outside a cluster, where `local` is the whole server's.
 */
export function workerMetrics(local: () => MetricsState): { gather(): Promise<readonly MetricsState[]>; stop(): void } | undefined {
  if (!cluster.isWorker) return undefined;
  const gatherer = new MetricsGatherer(sendToPrimary, local);
  const onMessage = (message: object) => gatherer.receive(message);
  process.on('message', onMessage);
  return { gather: () => gatherer.gather(), stop: () => process.off('message', onMessage) };
}

/** Options of `runPrimary`. */
export interface PrimaryOptions {
  /** Worker processes to keep running (each a whole `credo serve` on the shared port). */
  readonly workers: number;
  /** Called once, when the first worker listens. */
  readonly onListening: (url: string, ready: boolean) => void;
  /** Messages for the operator (worker exits, restarts). */
  readonly log: (line: string) => void;
}

/**
 * The primary of `credo serve --workers N` (node:cluster): forks N workers that each run the whole
 * server — database pool, decision setup, audit sealer — on one shared listening socket, so
 * decisions use every core. A worker that dies is replaced. Resolves after SIGTERM/SIGINT once
 * every worker has finished its in-flight requests and exited (each closes gracefully on the
 * SIGTERM it is sent). Workers keep their decision setup current through `watchRegistry`, so a
 * promotion handled by one reaches all.
 */
export function runPrimary(options: PrimaryOptions): Promise<void> {
  let stopping = false;
  let announced = false;
  const rates = new RateCountRelay();
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w?.isConnected() === true);
  const sendTo = (id: number, message: object) => {
    const worker = cluster.workers?.[id];
    if (worker?.isConnected()) worker.send(message);
  };
  const metrics = new MetricsCollector(sendTo);
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: Partial<ListeningMessage | RateCountsMessage | MetricsRequestMessage | MetricsStateMessage>) => {
      if (message?.credo === 'rate-counts') {
        const workers = alive().map((w) => w.id);
        for (const [id, reply] of rates.receive(worker.id, message as RateCountsMessage, workers)) sendTo(id, reply);
        return;
      }
      if (message?.credo === 'metrics-request') {
        metrics.request(
          worker.id,
          (message as MetricsRequestMessage).id,
          alive().map((w) => w.id),
        );
        return;
      }
      if (message?.credo === 'metrics-state') {
        metrics.receive(worker.id, message as MetricsStateMessage);
        return;
      }
      if (message?.credo !== 'listening' || announced) return;
      announced = true;
      options.onListening((message as ListeningMessage).url, (message as ListeningMessage).ready === true);
    });
    return worker;
  };
  for (let k = 0; k < options.workers; k++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    options.log(`credo serve: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    fork();
  });
  return new Promise<void>((done) => {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      options.log(`credo serve: ${signal}, finishing in-flight requests in ${options.workers} workers\n`);
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      let left = alive.length;
      if (left === 0) done();
      for (const worker of alive) {
        worker.once('exit', () => {
          left -= 1;
          if (left === 0) done();
        });
        worker.process.kill('SIGTERM');
      }
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
