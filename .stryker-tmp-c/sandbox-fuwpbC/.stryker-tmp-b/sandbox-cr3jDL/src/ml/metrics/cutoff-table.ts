// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { ascendingOrder } from './sort-order.js';

/**
 * One row of a cutoff table: the policy "approve when PD < cutoff" on labelled data. Rates are
 * shares in [0, 1]; `bad_rate` is the bad rate among approved rows (0 when none is approved).
 */
export interface CutoffRow {
  /** PD cutoff: rows with PD ≥ cutoff are declined. */
  readonly cutoff: number;
  readonly approved: number;
  readonly approval_rate: number;
  /** Bads among approved rows / approved rows. */
  readonly bad_rate: number;
  /** Bads declined / all bads (the bads the cutoff catches). */
  readonly recall: number;
  /** Bads declined / rows declined (1 minus the share of goods among declines; 0 when none is declined). */
  readonly precision: number;
  /** Goods declined / all goods (the good business the cutoff turns away). */
  readonly good_decline_rate: number;
}

/** Approval rates whose PD cutoffs `cutoffTable` uses when none are given. */
export const DEFAULT_APPROVAL_RATES: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];

/**
 * The PD cutoffs that approve about `rates` of the rows: for rate a, the PD of the ⌊a·n⌋-th row
 * in ascending PD order (ties approve fewer rows, never more). Returned ascending, deduplicated.
 */
export function cutoffsForApprovalRates(pd: Float64Array, rates: readonly number[] = DEFAULT_APPROVAL_RATES): number[] {
  if (pd.length === 0) return [];
  const order = ascendingOrder(pd);
  const cutoffs = rates.map((a) => pd[order[Math.min(pd.length - 1, Math.floor(a * pd.length))] as number] as number);
  return [...new Set(cutoffs)].sort((a, b) => a - b);
}

/**
 * Approval rate, bad rate of the approved, recall and good-decline rate of the policy "approve
 * when PD < cutoff", for each cutoff (labels: 1 = bad, 0 = good). One pass per cutoff, O(n·k).
 */
export function cutoffTable(pd: Float64Array, labels: Float64Array, cutoffs: readonly number[]): CutoffRow[] {
  if (pd.length !== labels.length) throw new CredoError('E_INPUT_LENGTH_MISMATCH', { what: 'cutoff table labels', expected: pd.length, actual: labels.length });
  let bads = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) bads++;
  const goods = labels.length - bads;
  return cutoffs.map((cutoff) => {
    let approved = 0;
    let approvedBads = 0;
    for (let i = 0; i < pd.length; i++) {
      if ((pd[i] as number) < cutoff) {
        approved++;
        if (labels[i] === 1) approvedBads++;
      }
    }
    const declined = pd.length - approved;
    const declinedBads = bads - approvedBads;
    return {
      cutoff,
      approved,
      approval_rate: pd.length > 0 ? approved / pd.length : 0,
      bad_rate: approved > 0 ? approvedBads / approved : 0,
      recall: bads > 0 ? declinedBads / bads : 0,
      precision: declined > 0 ? declinedBads / declined : 0,
      good_decline_rate: goods > 0 ? (declined - declinedBads) / goods : 0,
    };
  });
}
