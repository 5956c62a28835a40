/**
 * One rate limit for all the workers of `credo serve --workers N`. Each worker counts its own
 * requests per key in fixed windows (aligned to the clock, so every process agrees on them) and
 * reports its counts to the primary every `RATE_SYNC_MS`; the primary sums them and tells every
 * other worker what the rest have admitted. A key's count in a worker is then its own requests plus
 * the others' last reported ones, so the limit holds for the whole server, give or take what other
 * workers admitted in the last sync period — instead of N times the limit, one per process. Nothing
 * is asked of another process on the request path: a request costs a map update, as in one process.
 */

/** How often a worker reports its changed counts, ms. */
export const RATE_SYNC_MS = 50;

/** Worker → primary: this worker's counts (absolute) in a window, for the keys that changed. */
export interface RateCountsMessage {
  readonly credo: 'rate-counts';
  readonly window: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** Primary → worker: what the other workers have admitted in a window, for the keys given. */
export interface RateOthersMessage {
  readonly credo: 'rate-others';
  readonly window: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** What `@fastify/rate-limit` expects of a store's `incr` callback. */
type IncrCallback = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * A `@fastify/rate-limit` store counting one worker's requests in clock-aligned windows and adding
 * the other workers' reported counts (see the module comment). `send` delivers a report to the
 * primary; `receive` takes the primary's answer.
 */
export class ClusterRateStore {
  readonly #windowMs: number;
  readonly #send: (message: RateCountsMessage) => void;
  readonly #now: () => number;
  #window = Number.NEGATIVE_INFINITY;
  readonly #own = new Map<string, number>();
  readonly #others = new Map<string, number>();
  readonly #changed = new Set<string>();

  constructor(windowMs: number, send: (message: RateCountsMessage) => void, now: () => number = Date.now) {
    this.#windowMs = windowMs;
    this.#send = send;
    this.#now = now;
  }

  /** Counts a request of `key`: `current` is the whole server's count in this window, `ttl` the ms left of it. */
  incr(key: string, callback: IncrCallback): void {
    const now = this.#now();
    this.#enter(now);
    const own = (this.#own.get(key) ?? 0) + 1;
    this.#own.set(key, own);
    this.#changed.add(key);
    callback(null, { current: own + (this.#others.get(key) ?? 0), ttl: this.#window + this.#windowMs - now });
  }

  /** Routes share the one store (none sets a limit of its own). */
  child(): ClusterRateStore {
    return this;
  }

  /** Sends the counts changed since the last report (nothing when none did). */
  report(): void {
    this.#enter(this.#now());
    if (this.#changed.size === 0) return;
    const counts: Record<string, number> = {};
    for (const key of this.#changed) counts[key] = this.#own.get(key) as number;
    this.#changed.clear();
    this.#send({ credo: 'rate-counts', window: this.#window, counts });
  }

  /** Takes the primary's sums of the other workers' counts (stale windows are ignored). */
  receive(message: RateOthersMessage): void {
    this.#enter(this.#now());
    if (message.window !== this.#window) return;
    for (const [key, count] of Object.entries(message.counts)) this.#others.set(key, count);
  }

  /** Starts a new window when `now` has left the current one. */
  #enter(now: number): void {
    const window = Math.floor(now / this.#windowMs) * this.#windowMs;
    if (window === this.#window) return;
    this.#window = window;
    this.#own.clear();
    this.#others.clear();
    this.#changed.clear();
  }
}

/**
 * The primary's side: the last reported counts of each worker in the newest window, and for each
 * report, the sums of the other workers' counts sent to every worker but the reporter.
 */
export class RateCountRelay {
  #window = Number.NEGATIVE_INFINITY;
  readonly #counts = new Map<number, Map<string, number>>();

  /** Records `worker`'s report and returns, per other worker id, the message to send it. */
  receive(worker: number, message: RateCountsMessage, workers: readonly number[]): Map<number, RateOthersMessage> {
    const replies = new Map<number, RateOthersMessage>();
    if (message.window < this.#window) return replies;
    if (message.window > this.#window) {
      this.#window = message.window;
      this.#counts.clear();
    }
    let own = this.#counts.get(worker);
    if (own === undefined) {
      own = new Map();
      this.#counts.set(worker, own);
    }
    for (const [key, count] of Object.entries(message.counts)) own.set(key, count);
    for (const other of workers) {
      if (other === worker) continue;
      const counts: Record<string, number> = {};
      for (const key of Object.keys(message.counts)) {
        let sum = 0;
        for (const [id, byKey] of this.#counts) if (id !== other) sum += byKey.get(key) ?? 0;
        counts[key] = sum;
      }
      replies.set(other, { credo: 'rate-others', window: this.#window, counts });
    }
    return replies;
  }
}
