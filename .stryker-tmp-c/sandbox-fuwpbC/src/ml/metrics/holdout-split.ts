// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { Rng } from '../../random/index.js';

/**
 * A stratified, seeded hold-out: marks round(fraction · size) rows of each class as test (1),
 * the rest train (0). Classes are label 1, label 0 and unknown (NaN or anything else), so the
 * test set keeps the bad rate and the share of rows without an outcome. Within a class the rows
 * are shuffled (Fisher–Yates with `Rng(seed)`); same seed → same split.
 */
export function stratifiedHoldout(labels: ArrayLike<number>, fraction: number, seed: number): Uint8Array {
  if (!(fraction > 0 && fraction < 1)) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'test-fraction', problem: 'must be in (0, 1)', value: fraction });
  const classes: number[][] = [[], [], []];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    (classes[y === 1 ? 0 : y === 0 ? 1 : 2] as number[]).push(i);
  }
  const rng = new Rng(seed);
  const test = new Uint8Array(labels.length);
  for (const rows of classes) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const tmp = rows[i] as number;
      rows[i] = rows[j] as number;
      rows[j] = tmp;
    }
    const take = Math.round(fraction * rows.length);
    for (let k = 0; k < take; k++) test[rows[k] as number] = 1;
  }
  return test;
}

/**
 * An out-of-time hold-out: the latest rows by `time` (e.g. milliseconds since the epoch) are test
 * (1). The cutoff is the time of the row at 0-based position ⌊(1 − fraction)·n⌋ in time order; every
 * row at or after it is test, so one day is never split between train and test (the test share
 * is then at least `fraction`). Rows with a missing time
 * are refused. Returns the mask and the cutoff.
 */
export function timeHoldout(time: ArrayLike<number>, fraction: number): { test: Uint8Array; cutoff: number } {
  if (!(fraction > 0 && fraction < 1)) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'test-fraction', problem: 'must be in (0, 1)', value: fraction });
  const n = time.length;
  const sorted = Float64Array.from(time).sort();
  if (n === 0 || Number.isNaN(sorted[n - 1] as number))
    throw new CredoError('E_INPUT_VALIDATION', { summary: 'the time column has missing or unreadable values' });
  const cutoff = sorted[Math.min(n - 1, Math.floor((1 - fraction) * n))] as number;
  return { test: Uint8Array.from(time, (t) => (t >= cutoff ? 1 : 0)), cutoff };
}
