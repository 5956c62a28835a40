// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import { solveLp } from '../solver/index.js';
import type { PartitionResult } from './optimal-dp.js';
import { binAdmissible, binIv, type PartitionConstraints, type PrebinCounts, prefixSums } from './partition.js';

/**
 * Maximum-IV binning as a mixed-integer program solved by HiGHS, after optbinning's formulation
 * (Navas-Palencia, "Optimal binning: mathematical programming formulation", arXiv 2001.08025),
 * written in set-partitioning form: a binary y_{j,i} for every admissible bin of pre-bins
 * [j, i) (size, min bads/goods checked up front); each pre-bin covered exactly once
 * (contiguity); min ≤ Σ y ≤ max bins; and, for an ascending (descending) trend, for each
 * candidate bin [j, i) the bins ending at j whose bad rate would break the trend are excluded
 * with one aggregated row y_{j,i} + Σ y_{k,j} ≤ 1 (at most one bin ends at j, so this is exact).
 * Objective: Σ IV(bin)·y. Supports trends none/ascending/descending; peak and valley use the DP.
 */
export async function optimalPartitionMip(counts: PrebinCounts, c: PartitionConstraints): Promise<PartitionResult | null> {
  const trend = c.monotone ?? 'none';
  if (trend === 'peak' || trend === 'valley') throw new CredoError('E_INTERNAL', { summary: `the MIP binner supports no ${trend} trend (use the DP)` });
  const n = counts.goods.length;
  const { g, b } = prefixSums(counts);
  const G = g[n] as number;
  const B = b[n] as number;
  const diff = c.minRateDiff ?? 0;
  const name = (j: number, i: number) => `y_${j}_${i}`;
  const rate = new Map<number, number>();
  const admissible: [number, number][] = [];
  const objective: string[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i <= n; i++) {
      const gg = (g[i] as number) - (g[j] as number);
      const bb = (b[i] as number) - (b[j] as number);
      if (!binAdmissible(gg, bb, c)) continue;
      admissible.push([j, i]);
      rate.set(j * (n + 1) + i, bb / (gg + bb));
      objective.push(`${term(binIv(gg, bb, G, B))} ${name(j, i)}`);
    }
  }
  if (admissible.length === 0) return null;
  const rows: string[] = [];
  for (let k = 0; k < n; k++) {
    const covering = admissible.filter(([j, i]) => j <= k && k < i).map(([j, i]) => name(j, i));
    if (covering.length === 0) return null;
    rows.push(` cover_${k}: ${covering.join(' + ')} = 1`);
  }
  const all = admissible.map(([j, i]) => name(j, i)).join(' + ');
  if (c.minBins !== undefined) rows.push(` min_bins: ${all} >= ${c.minBins}`);
  if (c.maxBins !== undefined) rows.push(` max_bins: ${all} <= ${c.maxBins}`);
  if (trend !== 'none') {
    for (const [j, i] of admissible) {
      if (j === 0) continue;
      const r = rate.get(j * (n + 1) + i) as number;
      const conflicts = admissible
        .filter(([, e]) => e === j)
        .filter(([k]) => {
          const prev = rate.get(k * (n + 1) + j) as number;
          return trend === 'ascending' ? !(prev <= r - diff) : !(prev >= r + diff);
        })
        .map(([k]) => name(k, j));
      if (conflicts.length > 0) rows.push(` trend_${j}_${i}: ${name(j, i)} + ${conflicts.join(' + ')} <= 1`);
    }
  }
  const model = `Maximize\n obj: ${objective.join(' + ').replaceAll('+ -', '- ')}\nSubject To\n${rows.join('\n')}\nBinary\n ${admissible.map(([j, i]) => name(j, i)).join(' ')}\nEnd\n`;
  const solution = await solveLp(model, { mipRelGap: 1e-9 });
  if (!solution.optimal) {
    if (/infeasible/i.test(solution.status)) return null;
    throw new CredoError('E_SOLVER_FAILED', { problem: `optimal binning ended with status "${solution.status}"` });
  }
  const ends = admissible
    .filter(([j, i]) => (solution.values[name(j, i)] ?? 0) > 0.5)
    .map(([, i]) => i)
    .sort((x, y) => x - y);
  let iv = 0;
  let start = 0;
  for (const end of ends) {
    iv += binIv((g[end] as number) - (g[start] as number), (b[end] as number) - (b[start] as number), G, B);
    start = end;
  }
  return { ends, iv };
}

function term(x: number): string {
  // LP format needs a plain decimal; IV terms are ≥ 0 and small.
  return x.toFixed(15);
}
