// @ts-nocheck
import type { Frame } from '../../frame/index.js';
import { stratifiedKFold } from '../metrics/index.js';

/** Fits a model on one fold's training rows and returns its PD scorer (`fold` is 0-based). */
export type FoldFit = (train: Frame, fold: number) => Promise<(test: Frame) => Float64Array>;

/**
 * Out-of-fold PD of every row by stratified k-fold cross-validation (Stone 1974; sklearn's
 * `cross_val_predict`): the rows are dealt into `folds` stratified folds (`stratifiedKFold`, seeded),
 * each fold is scored by a model fitted on the other k − 1 folds, and the predictions are pooled so
 * that every row is scored by a model that never saw it. Metrics of the pooled PD (AUC, KS, Brier,
 * Hosmer–Lemeshow) are the out-of-sample estimate for a model fitted the same way on all rows.
 * `labels` are 0/1; `onFold` is called after each fold.
 */
export async function outOfFoldPd(
  frame: Frame,
  labels: Float64Array,
  folds: number,
  seed: number,
  fit: FoldFit,
  onFold?: (done: number) => void,
): Promise<Float64Array> {
  const foldIds = stratifiedKFold(labels, folds, seed);
  const pd = new Float64Array(labels.length);
  for (let fold = 0; fold < folds; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldIds[i] === fold ? testRows : trainRows).push(i);
    const score = await fit(frame.take(Int32Array.from(trainRows)), fold);
    const scored = score(frame.take(Int32Array.from(testRows)));
    testRows.forEach((row, k) => {
      pd[row] = scored[k]!;
    });
    onFold?.(fold + 1);
  }
  return pd;
}
