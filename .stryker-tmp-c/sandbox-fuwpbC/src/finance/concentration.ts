/**
 * Portfolio concentration along one dimension (purpose, region, segment, …): each category's
 * share of loans and of exposure, and the Herfindahl–Hirschman index HHI = Σ share² (amount
 * basis; 1/n for n equal categories, 1 for a single one). Effective number = 1/HHI.
 */
// @ts-nocheck

export interface ConcentrationRow {
  readonly label: string;
  readonly count: number;
  readonly amount: number;
  readonly countShare: number;
  readonly amountShare: number;
}

/** Concentration of one dimension. */
export interface Concentration {
  /** Categories by amount, largest first; a missing category is reported as "(missing)". */
  readonly rows: readonly ConcentrationRow[];
  /** HHI on amount shares. */
  readonly hhi: number;
  /** HHI on count shares. */
  readonly hhiCount: number;
  /** 1 / HHI (amount), the number of equal-sized categories with the same concentration; 0 when empty. */
  readonly effectiveNumber: number;
}

/**
 * Concentration from category codes (−1 = missing), their labels and amounts per row. Only rows
 * where `include` is non-zero count (default: all).
 */
export function concentration(codes: ArrayLike<number>, labels: readonly string[], amounts: ArrayLike<number>, include?: ArrayLike<number>): Concentration {
  const g = labels.length + 1;
  const count = new Float64Array(g);
  const amount = new Float64Array(g);
  let totalCount = 0;
  let totalAmount = 0;
  for (let i = 0; i < codes.length; i++) {
    if (include !== undefined && !include[i]) continue;
    const c = codes[i] as number;
    const j = c < 0 ? g - 1 : c;
    const a = amounts[i] as number;
    count[j] = (count[j] as number) + 1;
    amount[j] = (amount[j] as number) + a;
    totalCount++;
    totalAmount += a;
  }
  const rows: ConcentrationRow[] = [];
  let hhi = 0;
  let hhiCount = 0;
  for (let j = 0; j < g; j++) {
    if (count[j] === 0) continue;
    const countShare = (count[j] as number) / totalCount;
    const amountShare = totalAmount > 0 ? (amount[j] as number) / totalAmount : 0;
    hhi += amountShare * amountShare;
    hhiCount += countShare * countShare;
    rows.push({ label: j < g - 1 ? (labels[j] as string) : '(missing)', count: count[j] as number, amount: amount[j] as number, countShare, amountShare });
  }
  rows.sort((a, b) => b.amount - a.amount || (a.label < b.label ? -1 : 1));
  return { rows, hhi, hhiCount, effectiveNumber: hhi > 0 ? 1 / hhi : 0 };
}
