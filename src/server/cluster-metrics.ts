/**
 * One `/metrics` for all the workers of `credo serve --workers N`. A scrape reaches one worker (the
 * primary hands connections out in turn), so a worker answering alone would show its own counts, a
 * different worker's at the next scrape, and counters that seem to jump back. Instead the worker
 * asks the primary, the primary asks every worker for its figures, and the answering worker sums
 * them (`renderMetrics`). A worker that does not answer within `COLLECT_MS` is left out, and
 * `credo_metrics_processes` says how many were summed.
 */
import type { MetricsState } from './metrics.js';

/** How long the primary waits for every worker's figures, ms. */
export const COLLECT_MS = 2_000;
/** How long a worker waits for the primary's answer before answering with its own figures, ms. */
export const GATHER_MS = 5_000;

/** Worker → primary: a scrape arrived; `id` is the worker's own. */
export interface MetricsRequestMessage {
  readonly credo: 'metrics-request';
  readonly id: number;
}
/** Primary → every worker: send your figures for collection `round`. */
export interface MetricsCollectMessage {
  readonly credo: 'metrics-collect';
  readonly round: number;
}
/** Worker → primary: this worker's figures for `round`. */
export interface MetricsStateMessage {
  readonly credo: 'metrics-state';
  readonly round: number;
  readonly state: MetricsState;
}
/** Primary → the asking worker: every answering worker's figures for its request `id`. */
export interface MetricsAllMessage {
  readonly credo: 'metrics-all';
  readonly id: number;
  readonly states: readonly MetricsState[];
}

/** The worker's side: answers the primary's collections and gathers every worker's figures for a scrape. */
export class MetricsGatherer {
  readonly #send: (message: MetricsRequestMessage | MetricsStateMessage) => void;
  readonly #local: () => MetricsState;
  readonly #pending = new Map<number, (states: readonly MetricsState[]) => void>();
  #next = 0;

  constructor(send: (message: MetricsRequestMessage | MetricsStateMessage) => void, local: () => MetricsState) {
    this.#send = send;
    this.#local = local;
  }

  /** Every worker's figures (this worker's alone when the primary does not answer in `GATHER_MS`). */
  gather(): Promise<readonly MetricsState[]> {
    const id = ++this.#next;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve([this.#local()]);
      }, GATHER_MS);
      timer.unref();
      this.#pending.set(id, (states) => {
        clearTimeout(timer);
        resolve(states);
      });
      this.#send({ credo: 'metrics-request', id });
    });
  }

  /** Handles a message from the primary (others are ignored). */
  receive(message: Partial<MetricsCollectMessage | MetricsAllMessage>): void {
    if (message.credo === 'metrics-collect') this.#send({ credo: 'metrics-state', round: (message as MetricsCollectMessage).round, state: this.#local() });
    else if (message.credo === 'metrics-all') {
      const all = message as MetricsAllMessage;
      const done = this.#pending.get(all.id);
      this.#pending.delete(all.id);
      done?.(all.states);
    }
  }
}

/** One collection in the primary: who asked, what has arrived, who has not answered. */
interface Round {
  readonly from: number;
  readonly id: number;
  readonly states: MetricsState[];
  readonly waiting: Set<number>;
  readonly timer: NodeJS.Timeout;
}

/** The primary's side: for each scrape, collects every worker's figures (waiting at most `waitMs`) and answers the asking worker. */
export class MetricsCollector {
  readonly #send: (worker: number, message: MetricsCollectMessage | MetricsAllMessage) => void;
  readonly #waitMs: number;
  readonly #rounds = new Map<number, Round>();
  #next = 0;

  constructor(send: (worker: number, message: MetricsCollectMessage | MetricsAllMessage) => void, waitMs = COLLECT_MS) {
    this.#send = send;
    this.#waitMs = waitMs;
  }

  /** Worker `from` asked (request `id`): asks every worker in `workers` for its figures. */
  request(from: number, id: number, workers: readonly number[]): void {
    const round = ++this.#next;
    const timer = setTimeout(() => this.#finish(round), this.#waitMs);
    timer.unref();
    this.#rounds.set(round, { from, id, states: [], waiting: new Set(workers), timer });
    for (const worker of workers) this.#send(worker, { credo: 'metrics-collect', round });
  }

  /** Worker `from` sent its figures. */
  receive(from: number, message: MetricsStateMessage): void {
    const round = this.#rounds.get(message.round);
    if (round === undefined || !round.waiting.delete(from)) return;
    round.states.push(message.state);
    if (round.waiting.size === 0) this.#finish(message.round);
  }

  #finish(number: number): void {
    const round = this.#rounds.get(number);
    if (round === undefined) return;
    clearTimeout(round.timer);
    this.#rounds.delete(number);
    this.#send(round.from, { credo: 'metrics-all', id: round.id, states: round.states });
  }
}
