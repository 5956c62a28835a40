import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { type BoundModel, type DecisionContext, type DecisionPolicy, parsePolicy } from '../decision/index.js';
import { parseReasonCatalogue, type ReasonCatalogue } from '../explain/index.js';
import { dataFolder } from '../io/index.js';
import { parseModel } from '../io/model-file.js';
import type { CredoModel } from '../ml/model.js';
import {
  type Database,
  DecisionWriter,
  type DecisionWriterOptions,
  getActivePolicy,
  getChallenger,
  getChampion,
  getModel,
  getPolicy,
  type Principal,
  verifyApiKey,
  watchRegistry as watchRegistryChanges,
} from '../store/index.js';
import type { MetricsState, ServiceMetrics } from './metrics.js';

/** The policy and models decisions are made with now, compiled once (see `Service.reload`). */
export interface CurrentSetup {
  readonly policy: { readonly id: string; readonly name: string; readonly version: number };
  readonly champion: BoundModel & { readonly id: string };
  readonly challenger?: BoundModel & { readonly id: string; readonly share: number };
  readonly context: DecisionContext;
}

/**
 * The service's state behind the routes: the database, the clock, metrics, and the decision
 * setup (active policy, champion, challenger) parsed and compiled once and swapped atomically on
 * promote/activate. Registered models and policies are cached by id (they never change), so a
 * replay with an older version does not re-parse it.
 */
export class Service {
  #current: CurrentSetup | undefined;
  readonly #models = new Map<string, BoundModel & { readonly id: string }>();
  readonly #policies = new Map<string, { policy: DecisionPolicy; id: string; name: string; version: number }>();
  /** Writes decided applications with group commit (see `DecisionWriter`). */
  readonly writer: DecisionWriter;

  private constructor(
    readonly db: Database,
    readonly clock: () => Date,
    readonly metrics: ServiceMetrics,
    readonly log: FastifyBaseLogger,
    /** The shipped reason catalogue (`data/reasons.json`), used unless a policy has its own. */
    readonly catalogue: ReasonCatalogue,
    writer: DecisionWriterOptions,
  ) {
    this.writer = new DecisionWriter(db, writer);
  }

  /** Opens the service over a migrated database and loads the current setup. */
  static async open(db: Database, clock: () => Date, metrics: ServiceMetrics, log: FastifyBaseLogger, writer: DecisionWriterOptions = {}): Promise<Service> {
    const file = join(dataFolder(), 'reasons.json');
    const catalogue = parseReasonCatalogue(JSON.parse(await readFile(file, 'utf8')), file);
    const service = new Service(db, clock, metrics, log, catalogue, writer);
    await service.reload();
    return service;
  }

  /** Today's business date (UTC, `YYYY-MM-DD`) by the service clock. */
  today(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  /** This process's `/metrics` figures: request and decision metrics, its pool and its writes. */
  metricsState(): MetricsState {
    const pool = this.db.poolStats();
    const writes = this.writer.stats();
    return this.metrics.state(
      { credo_db_pool_connections: pool.total, credo_db_pool_idle: pool.idle, credo_db_pool_waiting: pool.waiting },
      {
        credo_db_statements_total: pool.statements,
        credo_decision_writes_total: writes.batches,
        credo_decision_writes_applications_total: writes.applications,
      },
    );
  }

  /** The caller of an API key, or undefined. */
  verifyKey(key: string): Promise<Principal | undefined> {
    return verifyApiKey(this.db, key);
  }

  /** The current decision setup, or undefined when there is no champion or no active policy. */
  current(): CurrentSetup | undefined {
    return this.#current;
  }

  /** True when decisions can be made. */
  ready(): boolean {
    return this.#current !== undefined;
  }

  /** True when the database answers a trivial query. */
  async databaseReachable(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** A registered model by id, parsed and verified once (undefined when unknown). */
  async model(id: string): Promise<(BoundModel & { readonly id: string }) | undefined> {
    const cached = this.#models.get(id);
    if (cached !== undefined) return cached;
    const row = await getModel(this.db, id, { withBody: true });
    if (row === undefined) return undefined;
    const bound = { id: row.id, hash: row.hash, model: parseModel<CredoModel>(row.body ?? '', `model ${row.id}`) };
    this.#models.set(id, bound);
    return bound;
  }

  /** A registered policy by id, parsed once (undefined when unknown). */
  async policy(id: string): Promise<{ policy: DecisionPolicy; id: string; name: string; version: number } | undefined> {
    const cached = this.#policies.get(id);
    if (cached !== undefined) return cached;
    const row = await getPolicy(this.db, id);
    if (row === undefined) return undefined;
    const parsed = { policy: parsePolicy(row.yaml ?? '', `policy ${row.name} v${row.version}`), id: row.id, name: row.name, version: row.version };
    this.#policies.set(id, parsed);
    return parsed;
  }

  #reloading: Promise<void> = Promise.resolve();

  /**
   * Reloads the active policy, champion and challenger from the store: at start, after this
   * process promotes or activates, and whenever any process does (`watchRegistry`). Reloads run
   * one after another, so an older read never replaces a newer one.
   */
  reload(): Promise<void> {
    const next = this.#reloading.then(() => this.#load());
    this.#reloading = next.catch(() => undefined);
    return next;
  }

  /**
   * Follows registry changes made by any process on this database (another `credo serve`
   * worker or replica, a command): each change reloads the setup. Returns the function that stops.
   */
  watchRegistry(): Promise<() => Promise<void>> {
    return watchRegistryChanges(this.db, () => {
      this.reload().catch((error) => this.log.error({ err: error }, 'reloading the decision setup failed'));
    });
  }

  async #load(): Promise<void> {
    const [policyRow, championRow, challengerRow] = await Promise.all([getActivePolicy(this.db), getChampion(this.db), getChallenger(this.db)]);
    if (policyRow === undefined || championRow === undefined) {
      this.#current = undefined;
      return;
    }
    const policy = await this.policy(policyRow.id);
    const champion = await this.model(championRow.id);
    if (policy === undefined || champion === undefined) {
      this.#current = undefined;
      return;
    }
    const challengerModel = challengerRow === undefined ? undefined : await this.model(challengerRow.id);
    const challenger = challengerModel === undefined || challengerRow?.share == null ? undefined : { ...challengerModel, share: Number(challengerRow.share) };
    this.#current = {
      policy: { id: policy.id, name: policy.name, version: policy.version },
      champion,
      ...(challenger === undefined ? {} : { challenger }),
      context: {
        policy: policy.policy,
        policyId: policy.id,
        policyVersion: policy.version,
        catalogue: this.catalogue,
        champion,
        ...(challenger === undefined ? {} : { challenger }),
      },
    };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The service state behind the routes (decorated by `buildApp`). */
    service: Service;
  }
}
