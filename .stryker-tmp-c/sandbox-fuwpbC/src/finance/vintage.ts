// @ts-nocheck
import type { PerformanceTable } from './performance-table.js';

/**
 * Vintage curves: for each origination month (vintage) the cumulative bad rate by month on book
 * (MOB), i.e. the share of the vintage's loans that have ever been bad by that MOB.
 * Bad = dpd ≥ `badDpd` (default 90: "ever 90+", three missed instalments) or charged off.
 * Count basis: ever-bad loans / loans booked in the vintage. Balance basis: Σ balance at the
 * month each loan first went bad / Σ balance at each loan's first observed month (its booked
 * exposure as far as the table shows). A vintage's curve is defined up to the largest MOB any of
 * its loans reached (its observed horizon); later MOBs are NaN (null in JSON).
 */
export interface VintageCurves {
  readonly badDpd: number;
  readonly vintages: readonly string[];
  /** MOB of column j is j + 1; columns run to the largest MOB in the table. */
  readonly maxMob: number;
  /** Loans per vintage. */
  readonly loans: Float64Array;
  /** Σ first observed balance per vintage (minor units). */
  readonly balance: Float64Array;
  /** Largest MOB observed per vintage. */
  readonly observedMob: Float64Array;
  /** Ever-bad loans per vintage by the end of the observed horizon. */
  readonly bads: Float64Array;
  /** Cumulative count bad rate, row-major vintages × maxMob. */
  readonly countRate: Float64Array;
  /** Cumulative balance-weighted bad rate, row-major vintages × maxMob. */
  readonly balanceRate: Float64Array;
}

/** Vintage curves of a performance table (one pass over the loan-ordered rows plus the cumulative sums). */
export function vintageCurves(table: PerformanceTable, badDpd = 90): VintageCurves {
  const v = table.vintages.length;
  let maxMob = 0;
  for (let i = 0; i < table.rows; i++) if ((table.mob[i] as number) > maxMob) maxMob = table.mob[i] as number;
  const loans = new Float64Array(v);
  const balance = new Float64Array(v);
  const observedMob = new Float64Array(v);
  const bads = new Float64Array(v);
  // New bads (count and balance) per vintage and MOB, cumulated afterwards.
  const newCount = new Float64Array(v * maxMob);
  const newBalance = new Float64Array(v * maxMob);
  let i = 0;
  while (i < table.rows) {
    const loan = table.loan[i] as number;
    const vintage = table.vintage[i] as number;
    loans[vintage] = (loans[vintage] as number) + 1;
    balance[vintage] = (balance[vintage] as number) + (table.balance[i] as number);
    let bad = false;
    for (; i < table.rows && table.loan[i] === loan; i++) {
      const mob = table.mob[i] as number;
      if (mob > (observedMob[vintage] as number)) observedMob[vintage] = mob;
      if (!bad && ((table.dpd[i] as number) >= badDpd || table.chargedOff[i] === 1)) {
        bad = true;
        const cell = vintage * maxMob + mob - 1;
        newCount[cell] = (newCount[cell] as number) + 1;
        newBalance[cell] = (newBalance[cell] as number) + (table.balance[i] as number);
        bads[vintage] = (bads[vintage] as number) + 1;
      }
    }
  }
  const countRate = new Float64Array(v * maxMob).fill(Number.NaN);
  const balanceRate = new Float64Array(v * maxMob).fill(Number.NaN);
  for (let g = 0; g < v; g++) {
    let cumulativeCount = 0;
    let cumulativeBalance = 0;
    const horizon = observedMob[g] as number;
    for (let m = 0; m < horizon; m++) {
      cumulativeCount += newCount[g * maxMob + m] as number;
      cumulativeBalance += newBalance[g * maxMob + m] as number;
      countRate[g * maxMob + m] = cumulativeCount / (loans[g] as number);
      balanceRate[g * maxMob + m] = (balance[g] as number) > 0 ? cumulativeBalance / (balance[g] as number) : 0;
    }
  }
  return { badDpd, vintages: table.vintages, maxMob, loans, balance, observedMob, bads, countRate, balanceRate };
}
