// @ts-nocheck
import { categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { Rng } from '../../random/index.js';

/**
 * Small seeded data sets for GBDT tests: a credit-like binary problem with a monotone risk
 * driver (`delinq`), a missing-value signal (`bureau`, NaN is risky), a categorical signal
 * (`region`, risk unrelated to label order) and noise.
 */
export function creditTestFrame(rows: number, seed: number): Frame {
  const rng = new Rng(seed);
  const delinq = new Float64Array(rows);
  const bureau = new Float64Array(rows);
  const noise = new Float64Array(rows);
  const income = new Float64Array(rows);
  const regionLabels: string[] = [];
  const bad = new Float64Array(rows);
  const regions = ['north', 'south', 'east', 'west', 'central', 'coast'];
  const regionRisk = [1.2, -0.8, 0.9, -1.1, 0.1, 1.5];
  for (let i = 0; i < rows; i++) {
    delinq[i] = Math.floor(rng.nextDouble() * 6);
    bureau[i] = rng.nextDouble() < 0.2 ? Number.NaN : 300 + 550 * rng.nextDouble();
    noise[i] = rng.nextNormal();
    income[i] = Math.exp(10 + 0.5 * rng.nextNormal());
    const r = rng.nextInt(regions.length);
    regionLabels.push(regions[r]!);
    const b = bureau[i]!;
    const z = -1.5 + 0.6 * delinq[i]! + (Number.isNaN(b) ? 1.2 : -(b - 575) / 150) + regionRisk[r]! - 0.3 * (Math.log(income[i]!) - 10);
    bad[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return new Frame([
    numericColumn('delinq', delinq),
    numericColumn('bureau', bureau),
    numericColumn('noise', noise),
    numericColumn('income', income),
    categoryFromLabels('region', regionLabels),
    numericColumn('bad', bad),
  ]);
}
