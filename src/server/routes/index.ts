import type { FastifyInstance } from 'fastify';
import type { MetricsState } from '../metrics.js';
import type { Service } from '../service.js';
import { applicationRoutes } from './applications.js';
import { auditRoutes } from './audit.js';
import { bulkRoutes } from './bulk.js';
import { creditLineRoutes } from './credit-lines.js';
import { customerRoutes } from './customers.js';
import { dashboardRoutes } from './dashboard.js';
import { decisionInsightRoutes } from './decision-insight.js';
import { decisionRoutes } from './decisions.js';
import { healthRoutes } from './health.js';
import { jobRoutes } from './jobs.js';
import { ledgerRoutes } from './ledger.js';
import { loanHistoryRoutes } from './loan-history.js';
import { loanRoutes } from './loans.js';
import { loanLifecycleRoutes } from './loans-lifecycle.js';
import { loanPledgeRoutes } from './loans-pledges.js';
import { modelInsightRoutes } from './model-insight.js';
import { modelRoutes } from './models.js';
import { policyRoutes } from './policies.js';
import { portfolioRoutes } from './portfolio.js';
import { simulateRoutes } from './simulate.js';
import { strategyLabRoutes } from './strategy-lab.js';
import { userRoutes } from './users.js';

/** Registers every route of the API (each file: schema + access + one call into decision/store). */
export async function registerRoutes(
  app: FastifyInstance,
  service: Service,
  options: { readonly uploadLimit: number; readonly metricsOf: () => Promise<readonly MetricsState[]> },
): Promise<void> {
  healthRoutes(app, service, options.metricsOf);
  customerRoutes(app, service);
  applicationRoutes(app, service);
  bulkRoutes(app, service);
  decisionRoutes(app, service);
  policyRoutes(app, service, options.uploadLimit);
  userRoutes(app, service);
  auditRoutes(app, service);
  loanRoutes(app, service);
  loanLifecycleRoutes(app, service);
  loanPledgeRoutes(app, service);
  creditLineRoutes(app, service);
  loanHistoryRoutes(app, service);
  ledgerRoutes(app, service);
  portfolioRoutes(app, service);
  dashboardRoutes(app, service);
  decisionInsightRoutes(app, service);
  jobRoutes(app, service);
  modelInsightRoutes(app, service);
  strategyLabRoutes(app, service);
  simulateRoutes(app, service);
  await app.register(modelRoutes, { service, uploadLimit: options.uploadLimit });
}
