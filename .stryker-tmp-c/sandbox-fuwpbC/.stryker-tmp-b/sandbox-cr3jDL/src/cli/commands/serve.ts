// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { parseCloseAt } from '../../server/close-scheduler.js';
import { isClusterWorker, leaveCluster, reportListening, runPrimary } from '../../server/cluster.js';
import { startServer } from '../../server/index.js';
import { defineCommand } from '../command.js';

/** The curl lines printed when the database has no champion model or no active policy yet. */
export function firstRunHint(url: string): string {
  return [
    'No champion model or active policy yet: decisions need both. With an admin key (credo users add --role admin --name you --json):',
    `  curl -X POST ${url}/api/v1/models -H "authorization: Bearer $KEY" -H 'content-type: application/json' --data-binary @pd.json`,
    `  curl -X POST ${url}/api/v1/models/<id>/promote -H "authorization: Bearer $KEY" -H 'content-type: application/json' -d '{"role":"champion"}'`,
    `  curl -X POST ${url}/api/v1/policies -H "authorization: Bearer $KEY" -H 'content-type: application/yaml' --data-binary @policy.yaml`,
    `  curl -X POST ${url}/api/v1/policies/<id>/activate -H "authorization: Bearer $KEY"`,
    '',
  ].join('\n');
}

/** `credo serve [--port 3000] [--host 127.0.0.1] [--data-dir D]`: runs the decision service until SIGTERM/SIGINT. */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Run the decision service (REST API, OpenAPI at /docs) on PGlite or DATABASE_URL',
  details:
    'Opens the database (DATABASE_URL when set, else PGlite under --data-dir), applies migrations, loads the\n' +
    'champion model and the active policy, and listens. SIGTERM/SIGINT: in-flight requests finish, the audit\n' +
    'log is sealed and the pool closed. API and roles: docs/service.md.\n' +
    '--close-at HH:MM (UTC) runs the daily close: at start it catches up every missed date through yesterday, then\n' +
    'each day at HH:MM closes the day that ended (docs/servicing.md). Off unless given.\n' +
    'Example: credo serve --port 3000 --data-dir .credo',
  flags: {
    port: { type: 'int', default: 3000, min: 0, max: 65535, description: 'TCP port (0 = any free port)' },
    host: { type: 'string', default: '127.0.0.1', description: 'address to listen on' },
    'data-dir': { type: 'string', description: 'PGlite data directory (default .credo); ignored when DATABASE_URL is set' },
    quiet: { type: 'boolean', description: 'do not log requests' },
    'rate-limit': { type: 'int', default: 600, min: 0, description: 'requests per minute per API key (or address without one); 0 = no limit' },
    'close-at': {
      type: 'string',
      description: 'daily close time HH:MM UTC (catches up missed dates at start); off by default; one process only (not with --workers)',
    },
    batch: { type: 'int', default: 64, min: 1, max: 1000, description: 'most decisions written per statement (group commit); 1 = each on its own' },
    workers: { type: 'int', default: 1, min: 1, max: 64, description: 'server processes sharing the port (PostgreSQL only; PGlite is one process)' },
  },
  async run(args, _positionals, context) {
    const closeAtText = args['close-at'];
    const closeAt = closeAtText === undefined ? undefined : parseCloseAt(closeAtText);
    if (closeAtText !== undefined && closeAt === undefined)
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'close-at', problem: 'must be a time HH:MM (UTC, 00:00–23:59)', value: closeAtText });
    // Every worker would schedule its own close of the same book: keep the schedule in one process.
    if (closeAt !== undefined && args.workers > 1)
      throw new CredoError('E_INPUT_FLAG_INVALID', {
        flag: 'close-at',
        problem: 'runs in one process: use it without --workers (or run credo close from a scheduler)',
        value: closeAtText,
      });
    const worker = isClusterWorker();
    if (args.workers > 1 && !worker) {
      if (!process.env.DATABASE_URL)
        throw new CredoError('E_INPUT_ARGUMENT_INVALID', {
          argument: '--workers',
          problem: 'several processes need a PostgreSQL server (set DATABASE_URL): PGlite is embedded in one process',
        });
      await runPrimary({
        workers: args.workers,
        log: context.stderr,
        onListening: (url, ready) => {
          context.stderr(`credo serve: listening on ${url} (PostgreSQL, ${args.workers} workers); API explorer ${url}/docs\n`);
          if (!ready) context.stderr(firstRunHint(url));
        },
      });
      context.stderr('credo serve: stopped\n');
      if (context.json) context.stdout(`${JSON.stringify({ stopped: true })}\n`);
      return 0;
    }
    const server = await startServer({
      port: args.port,
      host: args.host,
      dataDir: args['data-dir'],
      log: !args.quiet,
      rateLimit: args['rate-limit'] === 0 ? false : { max: args['rate-limit'], windowMs: 60_000 },
      ...(closeAt === undefined ? {} : { closeAt }),
      groupCommit: { maxBatch: args.batch },
    });
    const where = server.db.kind === 'pglite' ? `PGlite ${server.db.target}` : `PostgreSQL ${server.db.target}`;
    if (worker) reportListening(server.url, server.ready);
    else {
      context.stderr(`credo serve: listening on ${server.url} (${where}); API explorer ${server.url}/docs\n`);
      if (!server.ready) context.stderr(firstRunHint(server.url));
    }
    await new Promise<void>((done) => {
      const stop = (signal: string) => {
        if (!worker) context.stderr(`credo serve: ${signal}, finishing in-flight requests\n`);
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        server.close().then(done, done);
      };
      const onTerm = () => stop('SIGTERM');
      const onInt = () => stop('SIGINT');
      process.on('SIGTERM', onTerm);
      process.on('SIGINT', onInt);
    });
    if (worker) {
      leaveCluster();
      return 0;
    }
    context.stderr('credo serve: stopped\n');
    if (context.json) context.stdout(`${JSON.stringify({ url: server.url, stopped: true })}\n`);
    return 0;
  },
});
