// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';

/** One step of a waterfall: a label and the change it adds. */
export interface WaterfallStep {
  readonly label: string;
  readonly delta: number;
}

/** A bar of the drawn waterfall: where it starts and ends on the running total. */
export interface WaterfallBar extends WaterfallStep {
  readonly start: number;
  readonly end: number;
}

/**
 * Running totals of a waterfall from `base`: the largest `keep` steps by size in that order, the
 * rest summed into one "other inputs" step (so the last bar still ends at base + Σ deltas).
 */
export function waterfallBars(base: number, steps: readonly WaterfallStep[], keep = 8): WaterfallBar[] {
  const sorted = [...steps].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const shown: WaterfallStep[] = sorted.slice(0, keep);
  const rest = sorted.slice(keep);
  if (rest.length > 0) shown.push({ label: `${rest.length} other inputs`, delta: rest.reduce((a, s) => a + s.delta, 0) });
  let at = base;
  return shown.map((s) => {
    const bar = { ...s, start: at, end: at + s.delta };
    at = bar.end;
    return bar;
  });
}

/** A horizontal waterfall: one bar per step from the running total, red toward decline (raises the log-odds), green toward approval. */
export function waterfallChart(base: number, bars: readonly WaterfallBar[], xLabel: string): SVGSVGElement | HTMLElement {
  const end = bars.at(-1)?.end ?? base;
  return Plot.plot({
    height: 60 + bars.length * 26,
    marginLeft: 170,
    x: { label: xLabel, grid: true },
    y: { label: null, domain: bars.map((b) => b.label) },
    color: { domain: ['raises PD', 'lowers PD'], range: ['#b3261e', '#1d7a38'], legend: true },
    marks: [
      Plot.ruleX([base], { stroke: '#8a96a6', strokeDasharray: '4,3' }),
      Plot.ruleX([end], { stroke: '#14233c' }),
      Plot.barX(bars, { y: 'label', x1: 'start', x2: 'end', fill: (b: WaterfallBar) => (b.delta >= 0 ? 'raises PD' : 'lowers PD') }),
    ],
  });
}
