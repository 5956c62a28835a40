import type { FastifyInstance } from 'fastify';
import { CredoError } from '../errors/index.js';
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
    await listenOn(app, options.host, options.port);
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

// Socket errors a user causes by the address they chose (another process on the port, a port
// below 1024 without privileges, a host that is not this machine's) are input errors naming the
// address and what to do, not internal errors.
const LISTEN_PROBLEMS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'another process is listening there; stop it or choose another --port',
  EACCES: 'not permitted (ports below 1024 need privileges); choose another --port',
  EADDRNOTAVAIL: 'the host is not an address of this machine; choose another --host',
};

async function listenOn(app: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const problem = LISTEN_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
    if (problem === undefined) throw error;
    throw new CredoError('E_HTTP_LISTEN', { address: `${host}:${port}`, problem }, { cause: error });
  }
}
