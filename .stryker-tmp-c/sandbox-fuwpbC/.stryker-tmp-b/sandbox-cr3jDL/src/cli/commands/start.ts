// @ts-nocheck
// 
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/index.js';
import { databaseOptionsFromEnv, migrate, openDatabase } from '../../store/index.js';
import { defineCommand } from '../command.js';
import { dataDirFlag } from './open-store.js';
import { populateWorld, START_SIZES } from './start-world.js';

/** The file in the data directory that marks a completed first run (and keeps the admin key for later runs). */
export const WORLD_FILE = 'world.json';

/** `credo start` (what `npm start` runs): populate the data directory on first run, then serve API and dashboard. */
export const startCommand = defineCommand({
  name: 'start',
  summary: 'Bring up the whole populated system: synthetic world, trained models, policy, decisions, loans, close; then serve API and dashboard',
  details:
    'First run (no world in --data-dir): generates the synthetic world, trains a GBDT champion and a scorecard challenger,\n' +
    'registers them with examples/policies/lending-policy.yaml, creates an admin key, decides applications through the API,\n' +
    'disburses and repays the approved loans from the world outcomes and runs the daily close; then serves.\n' +
    'Later runs reuse the data directory; --reset rebuilds it. The admin key is kept in DATA_DIR/world.json (mode 600).\n' +
    'Dashboard and API: docs/dashboard.md. Example: credo start --port 3000 --data-dir .credo',
  flags: {
    port: { type: 'int', default: 3000, min: 0, max: 65535, description: 'TCP port (0 = any free port)' },
    host: { type: 'string', default: '127.0.0.1', description: 'address to listen on' },
    'data-dir': dataDirFlag,
    reset: { type: 'boolean', description: 'delete the data directory and rebuild the world' },
    rows: { type: 'int', default: START_SIZES.rows, min: 2000, max: 1_000_000, description: 'applications in the synthetic world (first run)' },
    decisions: { type: 'int', default: START_SIZES.decisions, min: 1, max: 100_000, description: 'applications decided through the API (first run)' },
    loans: { type: 'int', default: START_SIZES.loans, min: 0, max: 100_000, description: 'approved applications disbursed and repaid (first run)' },
    seed: { type: 'int', default: START_SIZES.seed, min: 0, description: 'random seed (first run)' },
  },
  async run(args, _positionals, context) {
    const started = performance.now();
    const dir = resolve(context.cwd, args['data-dir']);
    const marker = join(dir, WORLD_FILE);
    const say = (line: string) => context.stderr(`credo start: ${line}\n`);
    if (args.reset) {
      say(`--reset: deleting ${dir}`);
      await rm(dir, { recursive: true, force: true });
    }
    if (!existsSync(marker)) {
      // A directory without the marker is an interrupted first run: start over.
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      say(`first run: building the world in ${dir}`);
      const db = await openDatabase(databaseOptionsFromEnv(dir));
      try {
        await migrate(db);
        const world = await populateWorld(
          db,
          { rows: args.rows, decisions: args.decisions, loans: args.loans, seed: args.seed },
          new Date().toISOString().slice(0, 10),
          say,
        );
        await writeFile(
          marker,
          `${JSON.stringify({ ...world, sizes: { rows: args.rows, decisions: args.decisions, loans: args.loans, seed: args.seed } }, null, 2)}\n`,
          {
            mode: 0o600,
          },
        );
      } finally {
        await db.close();
      }
    }
    const world = JSON.parse(await readFile(marker, 'utf8')) as { adminKey: string };
    const server = await startServer({ port: args.port, host: args.host, dataDir: dir, log: false, rateLimit: false });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`up in ${seconds} s`);
    context.stderr(
      `\n  Dashboard  ${server.url}/#key=${world.adminKey}\n  API docs   ${server.url}/docs\n  Admin key  ${world.adminKey}\n\n  Ctrl-C stops the server.\n`,
    );
    if (context.json) context.stdout(`${JSON.stringify({ url: server.url, admin_key: world.adminKey, seconds: Number(seconds) })}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        server.close().then(done, done);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    say('stopped');
    return 0;
  },
});
