/** Loan arithmetic, loss, capital and portfolio finance: pure functions, money in integer minor units. */
// @ts-nocheck

// 

export { debtToIncome, fixedObligationsToIncome, loanToIncome, loanToValue } from './affordability.js';
export { type AmortisationSchedule, type AmortiseOptions, amortise, annuityBalance, type Prepayment, remainingBalance } from './amortisation.js';
export { BASEL3_PD_FLOORS, IRB_CLASSES, type IrbCapital, type IrbClass, type IrbInput, irbCapital, irbCorrelation, riskWeightedAssets } from './capital.js';
export { type Concentration, type ConcentrationRow, concentration } from './concentration.js';
export { computeEmi } from './emi.js';
export {
  assignStage,
  assignStages,
  ceclAllowance,
  computeEcl,
  type DiscountTiming,
  type Ecl,
  type EclInput,
  type HazardConvention,
  lifetimeEcl,
  marginalPd,
  type StagingRules,
  stageEcl,
  survivalFromCumulativePd,
  survivalFromHazard,
  twelveMonthEcl,
} from './ifrs9.js';
export {
  classifyByDates,
  classifyDpdHistory,
  IRAC_BUCKETS,
  IRAC_NPA_FROM,
  type IracBucket,
  IracCode,
  iracBucket,
  iracCode,
  monthsBetween,
  npaDateFromDpd,
  type ProvisionRates,
  type ProvisionSummary,
  RBI_PROVISION_RATES,
  summariseProvisions,
} from './irac.js';
export { expectedLoss, type PortfolioLoss, portfolioLoss, unexpectedLoss } from './loss.js';
export {
  expectedShortfall,
  type LossSummary,
  lossMean,
  lossQuantile,
  lossStandardDeviation,
  sortedExpectedShortfall,
  sortedQuantile,
  sortLosses,
  summariseLosses,
  type TailMeasures,
} from './loss-distribution.js';
export { type Currency, formatMoney, fromMinor, parseCurrency, parseMoney, roundMinor, toMinor, USD } from './money.js';
export { erfc, normalCdf, normalInverse, normalPdf } from './normal.js';
export { type LatestPosition, latestPositions, type NpaSummary, npaSummary } from './npa.js';
export { type PerformanceColumnNames, type PerformanceOptions, type PerformanceTable, readPerformanceTable } from './performance-table.js';
export { amortisingLoanEcl, type BookEclInput, type BookEclRow, bookEcl, stagesFromPositions } from './portfolio-ecl.js';
export { type LoanBook, type PortfolioAssumptions, type PortfolioMetricsRow, portfolioMetrics } from './portfolio-metrics.js';
export {
  computeRaroc,
  describeRarocAssumptions,
  type GroupRaroc,
  groupRaroc,
  heldCapital,
  RAROC_DEFAULTS,
  type Raroc,
  type RarocAssumptions,
  type RarocInput,
  rarocAssumptionsRecord,
  rarocPrice,
  riskAdjustedReturnOf,
} from './raroc.js';
export { bucketLabels, DEFAULT_DPD_BOUNDS, dpdBucket, type RollRates, rollRates, rollRatesByGroup } from './roll-rates.js';
export { conditionalPd, vasicekCdf, vasicekQuantile } from './vasicek.js';
export { type VintageCurves, vintageCurves } from './vintage.js';
