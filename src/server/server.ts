import type { FastifyInstance } from 'fastify';
import { type Database, type DecisionWriterOptions, databaseOptionsFromEnv, migrate, openDatabase, sealAudit } from '../store/index.js';
import { buildApp } from './app.js';
import { type CloseScheduler, startCloseScheduler } from './close-scheduler.js';

/** Options of `startServer` (`credo serve`'s flags). */
export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  /** PGlite data directory; ignored when `DATABASE_URL` is set. */
  readonly dataDir?: string;
  /** Environment to read `DATABASE_URL` from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Log requests as JSON lines on stdout. */
  readonly log?: boolean;
  /** How often committed audit entries are sealed into the hash chain, ms (default 200). */
  readonly sealIntervalMs?: number;
  /** Rate limit (see `AppOptions.rateLimit`). */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number } | false;
  /** The daily close's time, minutes after midnight UTC (`--close-at HH:MM`); none by default. */
  readonly closeAt?: number;
  /** Group commit of decided applications (see `AppOptions.groupCommit`). */
  readonly groupCommit?: DecisionWriterOptions;
}

/** A listening server: its address and a graceful `close`. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly db: Database;
  /** `http://host:port` it listens on. */
  readonly url: string;
  /** True when a champion model and an active policy are registered (decisions can be made). */
  readonly ready: boolean;
  /** Stops accepting connections, lets in-flight requests finish, seals the audit log, closes the pool. */
  close(): Promise<void>;
}

/**
 * Opens the database (`DATABASE_URL` or PGlite under `dataDir`), applies pending migrations,
 * builds the app (which loads the champion and the active policy) and listens. Only this
 * function opens a socket; `buildApp` alone serves tests through `inject`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openDatabase(databaseOptionsFromEnv(options.dataDir, options.env ?? process.env));
  let app: FastifyInstance;
  try {
    await migrate(db);
    app = await buildApp({
      db,
      logger: options.log === true ? { level: 'info' } : false,
      ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
      ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    });
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await db.close();
    throw error;
  }
  // Seal audit entries in order, in small batches, off the request path (see src/store/audit-chain.ts).
  // Often and small rather than once a second: a second's worth at once is a burst of database work
  // that the commits of decisions queue behind. Only one process seals at a time; the others skip their
  // turn instead of waiting for the lock with a pooled connection held.
  let sealing: Promise<unknown> = Promise.resolve();
  let sealer: NodeJS.Timeout | undefined;
  const sealSoon = () => {
    sealer = setTimeout(() => {
      sealing = sealAudit(db, { wait: false })
        .catch((error) => app.log.error({ err: error }, 'audit sealing failed'))
        .finally(() => {
          if (sealer !== undefined) sealSoon();
        });
    }, options.sealIntervalMs ?? 200);
    sealer.unref();
  };
  sealSoon();
  const scheduler: CloseScheduler | undefined =
    options.closeAt === undefined
      ? undefined
      : startCloseScheduler({
          db,
          minutes: options.closeAt,
          log: (level, message, detail) => (level === 'error' ? app.log.error({ err: detail }, message) : app.log.info(message)),
        });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    db,
    url: `http://${host}:${port}`,
    ready: app.service.ready(),
    close() {
      closing ??= (async () => {
        await app.close();
        await scheduler?.stop();
        clearTimeout(sealer);
        sealer = undefined;
        await sealing;
        await sealAudit(db);
        await db.close();
      })();
      return closing;
    },
  };
}
