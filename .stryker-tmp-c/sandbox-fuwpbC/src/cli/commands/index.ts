// @ts-nocheck
import type { Command } from '../command.js';
import { auditVerifyCommand } from './audit-verify.js';
import { backtestCommand } from './backtest.js';
import { binningApplyCommand } from './binning-apply.js';
import { binningFitCommand } from './binning-fit.js';
import { binningPsiCommand } from './binning-psi.js';
import { closeCommand } from './close.js';
import { compareCommand } from './compare.js';
import { dataLoadCommand } from './data-load.js';
import { dataProfileCommand } from './data-profile.js';
import { dataSplitCommand } from './data-split.js';
import { dataSynthCommand } from './data-synth.js';
import { dbMigrateCommand } from './db-migrate.js';
import { decideCommand } from './decide.js';
import { demoCommand } from './demo.js';
import { errorsCommand } from './errors.js';
import { evaluateCommand } from './evaluate.js';
import { explainCommand } from './explain.js';
import { featuresSelectCommand } from './features-select.js';
import { financeCapitalCommand } from './finance-capital.js';
import { financeClassifyCommand } from './finance-classify.js';
import { financeEclCommand } from './finance-ecl.js';
import { financeRarocCommand } from './finance-raroc.js';
import { financeScheduleCommand } from './finance-schedule.js';
import { importCommand } from './import.js';
import { importanceCommand } from './importance.js';
import { limitsReviewCommand } from './limits-review.js';
import { optimiseCutoffsCommand, optimiseLimitsCommand, optimiseMixCommand } from './optimise.js';
import { portfolioMetricsCommand } from './portfolio-metrics.js';
import { portfolioRollRatesCommand } from './portfolio-roll-rates.js';
import { portfolioVintageCommand } from './portfolio-vintage.js';
import { reasonsCheckCommand } from './reasons-check.js';
import { reportModelCommand } from './report-model.js';
import { rulesCheckCommand } from './rules-check.js';
import { rulesLiftCommand } from './rules-lift.js';
import { scoreCommand } from './score.js';
import { scorecardTableCommand } from './scorecard-table.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';
import { sqlLiftCommand, sqlRollRatesCommand, sqlSwapsetCommand, sqlVintageCommand } from './sql-analyses.js';
import { sqlModelCommand } from './sql-model.js';
import { sqlRulesCommand } from './sql-rules.js';
import { startCommand } from './start.js';
import { swapsetCommand } from './swapset.js';
import { trainCommand } from './train.js';
import { tuneCommand } from './tune.js';
import { usersAddCommand } from './users-add.js';

/**
 * Every CLI command, in the order `credo --help` lists them. One file per command (or per
 * command group) in this folder; add a line here to register one.
 */
export const commands: readonly Command[] = [
  demoCommand,
  // data
  dataSynthCommand,
  dataLoadCommand,
  dataProfileCommand,
  dataSplitCommand,
  // models
  trainCommand,
  evaluateCommand,
  scoreCommand,
  importCommand,
  compareCommand,
  tuneCommand,
  binningFitCommand,
  binningApplyCommand,
  binningPsiCommand,
  scorecardTableCommand,
  featuresSelectCommand,
  // explanations
  explainCommand,
  importanceCommand,
  reasonsCheckCommand,
  reportModelCommand,
  // money
  financeScheduleCommand,
  financeCapitalCommand,
  financeRarocCommand,
  financeEclCommand,
  financeClassifyCommand,
  portfolioMetricsCommand,
  portfolioVintageCommand,
  portfolioRollRatesCommand,
  // strategy
  rulesCheckCommand,
  rulesLiftCommand,
  swapsetCommand,
  decideCommand,
  // simulation and optimisation
  simulateCommand,
  optimiseCutoffsCommand,
  optimiseLimitsCommand,
  optimiseMixCommand,
  backtestCommand,
  // warehouse SQL
  sqlModelCommand,
  sqlRulesCommand,
  sqlLiftCommand,
  sqlSwapsetCommand,
  sqlVintageCommand,
  sqlRollRatesCommand,
  // service
  serveCommand,
  startCommand,
  dbMigrateCommand,
  usersAddCommand,
  auditVerifyCommand,
  closeCommand,
  limitsReviewCommand,
  errorsCommand,
];
