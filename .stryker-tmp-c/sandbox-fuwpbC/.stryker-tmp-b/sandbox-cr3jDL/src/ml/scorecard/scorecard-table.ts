// @ts-nocheck
// 
import { binLabels } from '../binning/index.js';
import type { ScorecardModelBody } from './model.js';

/** One attribute (bin) of a scorecard table. */
export interface ScorecardTableRow {
  readonly feature: string;
  readonly bin: number;
  readonly label: string;
  readonly woe: number;
  readonly coefficient: number;
  readonly points: number;
}

/** The scorecard as a flat table (feature, bin, WOE, points), in characteristic and bin order. */
export function scorecardTable(body: ScorecardModelBody): ScorecardTableRow[] {
  const rows: ScorecardTableRow[] = [];
  for (const c of body.characteristics) {
    const labels = binLabels(c.spec);
    c.points.forEach((points, bin) => {
      rows.push({ feature: c.feature, bin, label: labels[bin] as string, woe: c.woe[bin] as number, coefficient: c.coefficient, points });
    });
  }
  return rows;
}

/** CSV text of a scorecard table (RFC 4180 quoting); points rounded to `digits` decimals (default 2). */
export function scorecardCsv(body: ScorecardModelBody, digits = 2): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ['feature,bin,label,woe,coefficient,points'];
  for (const r of scorecardTable(body)) {
    lines.push([quote(r.feature), r.bin, quote(r.label), r.woe.toFixed(6), r.coefficient.toFixed(6), r.points.toFixed(digits)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
