import type { Database } from './database.js';
import { type DecidedApplication, recordDecidedApplication, recordDecidedApplications } from './repositories/record-decided-application.js';

/** Options of `DecisionWriter`. */
export interface DecisionWriterOptions {
  /** Most decided applications written by one statement (default 64). */
  readonly maxBatch?: number;
  /**
   * Most batch statements running at once (default 1). One keeps the batches as large as the load
   * makes them: each statement has a fixed cost in the database (planning checks, opening every
   * index, constraints, the commit), and at 1,050 decisions/s four statements in flight per
   * process cut the batches to 2–3 decisions and cost 18% more database CPU a decision
   * (docs/service.md, Speed). PGlite has one connection anyway.
   */
  readonly maxInFlight?: number;
}

interface Pending {
  readonly write: DecidedApplication;
  readonly done: (error?: unknown) => void;
}

/**
 * Group commit for decided applications. `record` resolves only once its rows are committed
 * (or rejects when they are not), exactly as a call of `recordDecidedApplication` would; but
 * applications arriving while earlier writes are running are queued and written together by the
 * next free slot, as ONE statement (`recordDecidedApplications`): one round trip, one commit and
 * one WAL flush for the whole batch. There is no timer: a write starts at the end of the event
 * loop's turn in which its request was decided (so requests decided in the same turn share it) or
 * when a slot frees up; batches grow only as far as the load makes requests wait anyway.
 *
 * A batch statement is all or nothing, so when one fails (a repeated external id, an unknown
 * customer, a deadlock with a concurrent batch…) each of its applications is written again on its
 * own: every request gets the outcome it would have had alone, and one bad row never fails the
 * others.
 */
export class DecisionWriter {
  readonly #db: Database;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #queue: Pending[] = [];
  #inFlight = 0;
  #batches = 0;
  #written = 0;
  #scheduled = false;

  constructor(db: Database, options: DecisionWriterOptions = {}) {
    this.#db = db;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 64);
    this.#maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  }

  /** Writes one decided application (see `recordDecidedApplication`); resolves once it is committed. */
  record(write: DecidedApplication): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ write, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.#pump();
    });
  }

  /** Batch statements written and applications in them so far (for metrics: their ratio is the mean batch size). */
  stats(): { readonly batches: number; readonly applications: number } {
    return { batches: this.#batches, applications: this.#written };
  }

  #pump(): void {
    // Flush at the end of this turn of the event loop, not at once: the requests whose bodies
    // arrived in the same turn join one batch. On PGlite, whose queries run synchronously, this is
    // the only moment other requests can have queued.
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight += 1;
      this.#write(batch).finally(() => {
        this.#inFlight -= 1;
        this.#flush();
      });
    }
  }

  async #write(batch: readonly Pending[]): Promise<void> {
    this.#batches += 1;
    this.#written += batch.length;
    if (batch.length > 1) {
      try {
        await recordDecidedApplications(
          this.#db,
          batch.map((p) => p.write),
        );
        for (const p of batch) p.done();
        return;
      } catch {
        // isolate the failing row(s): each application on its own, below
      }
    }
    await Promise.all(
      batch.map(async (p) => {
        try {
          await recordDecidedApplication(this.#db, p.write);
          p.done();
        } catch (error) {
          p.done(error ?? new Error('write failed'));
        }
      }),
    );
  }
}
