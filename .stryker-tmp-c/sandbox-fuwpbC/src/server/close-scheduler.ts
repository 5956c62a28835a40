// @ts-nocheck
import { isoDay } from '../servicing/index.js';
import type { Database } from '../store/index.js';
import { closeBook } from '../store/repositories/close.js';

const DAY_MS = 86_400_000;

/** `HH:MM` (UTC, 24-hour) → minutes after midnight, or undefined when malformed. */
export function parseCloseAt(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m === null ? undefined : Number(m[1]) * 60 + Number(m[2]);
}

/** Milliseconds from `now` to the next `minutes` after midnight UTC (a full day when it is exactly now). */
export function msUntilNextClose(now: Date, minutes: number): number {
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  let next = dayStart + minutes * 60_000;
  if (next <= now.getTime()) next += DAY_MS;
  return next - now.getTime();
}

/** The business date a close started at `now` covers: the UTC day that ended last. */
export function businessDateBefore(now: Date): string {
  return isoDay(Math.floor(now.getTime() / DAY_MS) - 1);
}

/** A running daily close schedule. */
export interface CloseScheduler {
  /** The close in progress (or the last one), for tests and shutdown. */
  readonly idle: () => Promise<void>;
  /** Stops scheduling and waits for a close in progress. */
  stop(): Promise<void>;
}

/**
 * The scheduled daily close of `credo serve --close-at HH:MM`: at start it catches up every
 * missed date through yesterday (UTC), then at HH:MM UTC each day closes the day that ended.
 * `closeBook` does the work, so a date already closed costs nothing and a crashed close resumes.
 * Errors are logged, never thrown: the next run retries.
 */
export function startCloseScheduler(options: {
  readonly db: Database;
  readonly minutes: number;
  readonly clock?: () => Date;
  readonly log: (level: 'info' | 'error', message: string, detail?: unknown) => void;
}): CloseScheduler {
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    const asOf = businessDateBefore(clock());
    running = running.then(async () => {
      try {
        const r = await closeBook(options.db, asOf);
        options.log('info', `scheduled close through ${asOf}: ${r.datesClosed} dates closed, ${r.loans} loans, ${r.npaLoans} NPA, ${r.alerts} alerts`);
      } catch (error) {
        options.log('error', `scheduled close through ${asOf} failed`, error);
      }
    });
    if (!stopped) {
      timer = setTimeout(run, msUntilNextClose(clock(), options.minutes));
      timer.unref();
    }
  };
  run();
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
