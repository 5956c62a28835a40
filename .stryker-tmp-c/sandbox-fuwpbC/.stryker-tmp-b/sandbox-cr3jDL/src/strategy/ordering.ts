// @ts-nocheck
// 
import type { RateSpec } from './outcomes.js';

/** One step of a proposed rule order. */
export interface OrderingStep {
  readonly rule: string;
  /** Rows this rule newly touches when placed here. */
  readonly touched: number;
  /** Rate numerator newly captured (e.g. bads, or overdue amount). */
  readonly captured: number;
  /** `captured` / denominator of the newly touched rows (the rule's marginal hit rate here; bads per decline for a 0/1 target). */
  readonly efficiency: number | null;
  /** Share of all the rate's numerator captured by this step and the earlier ones. */
  readonly cumulative_capture: number | null;
}

/**
 * Proposes a rule order that maximises cumulative bad capture per decline: greedily, at each
 * step, the rule whose newly touched rows have the highest rate (Σ numerator / Σ denominator of
 * `rate`) among the rows still untouched; ties keep the given order. The final union is the same
 * in any order, so this orders rules by how efficiently each adds captured bads along the
 * waterfall (the greedy rule for a maximum-coverage curve).
 */
export function proposeRuleOrder(ids: readonly string[], masks: readonly Uint8Array[], rate: RateSpec): OrderingStep[] {
  const n = rate.numerator.length;
  const k = masks.length;
  const alive = new Uint8Array(n).fill(1);
  const num = rate.numerator;
  const den = rate.denominator;
  let grand = 0;
  for (let i = 0; i < n; i++) {
    const a = num[i] as number;
    const b = den[i] as number;
    if (!Number.isNaN(a) && !Number.isNaN(b)) grand += a;
  }
  const left = new Set([...Array(k).keys()]);
  const steps: OrderingStep[] = [];
  let cumulative = 0;
  while (left.size > 0) {
    let best = -1;
    let bestEfficiency = Number.NEGATIVE_INFINITY;
    let bestStats = { touched: 0, captured: 0, den: 0 };
    for (const r of left) {
      const m = masks[r] as Uint8Array;
      let touched = 0;
      let captured = 0;
      let base = 0;
      for (let i = 0; i < n; i++) {
        if ((m[i] as number) & (alive[i] as number)) {
          touched++;
          const a = num[i] as number;
          const b = den[i] as number;
          if (!Number.isNaN(a) && !Number.isNaN(b)) {
            captured += a;
            base += b;
          }
        }
      }
      const efficiency = base > 0 ? captured / base : -1;
      if (efficiency > bestEfficiency) {
        best = r;
        bestEfficiency = efficiency;
        bestStats = { touched, captured, den: base };
      }
    }
    left.delete(best);
    const m = masks[best] as Uint8Array;
    for (let i = 0; i < n; i++) if (m[i] === 1) alive[i] = 0;
    cumulative += bestStats.captured;
    steps.push({
      rule: ids[best] as string,
      touched: bestStats.touched,
      captured: bestStats.captured,
      efficiency: bestStats.den > 0 ? bestStats.captured / bestStats.den : null,
      cumulative_capture: grand > 0 ? cumulative / grand : null,
    });
  }
  return steps;
}
