// @ts-nocheck
import type { Queryable } from '../queryable.js';
import { portfolioSummary } from './loans-portfolio.js';
import { bookConcentration, CONCENTRATION_DIMENSIONS } from './portfolio-distribution.js';
import { eclByStage } from './portfolio-ecl.js';

/** Alert thresholds of the portfolio; a figure above its threshold is an alert. */
export interface AlertThresholds {
  /** Gross NPA ratio (NPA outstanding / gross advances). */
  readonly npaRatio: number;
  /** Net NPA ratio (NPA net of provisions / advances net of them). */
  readonly netNpaRatio: number;
  /** Default rate: disbursed loans ever NPA or written off / disbursed loans. */
  readonly defaultRate: number;
  /** HHI of outstanding principal by purpose, region or segment. */
  readonly hhi: number;
  /** Share of the active exposure in IFRS 9 stage 2 (significant increase in credit risk). */
  readonly stage2Share: number;
}

/**
 * Default thresholds: gross NPA 5%, net NPA 3%, default rate 10% (the issue's examples and a
 * common net-NPA limit), HHI 0.25 (the US merger guidelines' "highly concentrated", 2,500 points),
 * stage 2 share 10%.
 */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { npaRatio: 0.05, netNpaRatio: 0.03, defaultRate: 0.1, hhi: 0.25, stage2Share: 0.1 };

/** One checked figure. */
export interface PortfolioCheck {
  /** `npa_ratio`, `net_npa_ratio`, `default_rate`, `hhi_<dimension>` or `stage2_share`. */
  readonly metric: string;
  readonly value: number;
  readonly threshold: number;
  readonly breached: boolean;
}

/**
 * Checks the book's figures (each from its set-based query: the summary, the concentration by
 * each dimension, ECL by stage) against the thresholds; `breached` when a figure exceeds its
 * threshold.
 */
export async function portfolioChecks(q: Queryable, thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS): Promise<PortfolioCheck[]> {
  const summary = await portfolioSummary(q);
  const check = (metric: string, value: number, threshold: number): PortfolioCheck => ({ metric, value, threshold, breached: value > threshold });
  const out = [
    check('npa_ratio', summary.grossNpaRatio, thresholds.npaRatio),
    check('net_npa_ratio', summary.netNpaRatio, thresholds.netNpaRatio),
    check('default_rate', summary.defaultRate, thresholds.defaultRate),
  ];
  for (const by of CONCENTRATION_DIMENSIONS) out.push(check(`hhi_${by}`, (await bookConcentration(q, by)).hhi, thresholds.hhi));
  const ecl = await eclByStage(q);
  out.push(check('stage2_share', ecl.exposure > 0 ? (ecl.stages[1]?.exposure ?? 0) / ecl.exposure : 0, thresholds.stage2Share));
  return out;
}
