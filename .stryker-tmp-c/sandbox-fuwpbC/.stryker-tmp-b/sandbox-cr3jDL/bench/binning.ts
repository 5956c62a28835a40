/**
 * Optimal binning benchmark: one variable, PREBINS equal-frequency pre-bins, monotone 'auto',
 * min bin 5%. Prints JSON lines: the default solver (exact DP beyond 20 pre-bins) and the HiGHS MIP.
 * Usage: node dist/bench/binning.js data.csv PREBINS [mip]
 */
// @ts-nocheck

// 

import { resolve } from 'node:path';
import { readFrame } from '../src/io/index.js';
import { fitBinning, targetLabels } from '../src/ml/binning/index.js';

const [file, prebinsText, withMip] = process.argv.slice(2);
const frame = await readFrame(resolve(file as string));
const labels = targetLabels(frame.column('bad'));
const column = frame.column('x');
for (const solver of withMip === 'mip' ? (['auto', 'mip'] as const) : (['auto'] as const)) {
  const started = performance.now();
  const fitted = await fitBinning(column, labels, { prebins: Number(prebinsText), monotone: 'auto', solver, minBinShare: 0.05 });
  const seconds = (performance.now() - started) / 1000;
  const regular = fitted.spec.type === 'number' ? fitted.spec.splits.length + 1 : 0;
  console.log(
    JSON.stringify({
      credo: `binning-${fitted.solver}`,
      rows: frame.rowCount,
      prebins: Number(prebinsText),
      seconds: Math.round(seconds * 1000) / 1000,
      iv: fitted.iv,
      trend: fitted.trend,
      bins: regular,
    }),
  );
}
