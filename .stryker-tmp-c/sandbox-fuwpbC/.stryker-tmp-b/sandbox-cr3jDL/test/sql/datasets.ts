// @ts-nocheck
// 
import { BitSet, type Column, categoryFromLabels, Frame, numericColumn, valueAt } from '../../src/frame/index.js';
import { loadDataset } from '../../src/io/index.js';
import { generateWorld } from '../../src/synth/index.js';

/** A training frame, its target and features, and a frame to score (with missing values and unseen categories). */
export interface ParityData {
  readonly name: string;
  readonly train: Frame;
  readonly target: string;
  readonly features: readonly string[];
  readonly score: Frame;
}

/**
 * Rows to score: the first `rows` rows of `frame` with a `row_id` key, every 7th numeric value
 * blanked, and every 5th categorical value replaced by a label never seen in training (every
 * 11th by a missing value), so the SQL must route NULLs and unseen labels exactly as in-process.
 */
export function hostileRows(frame: Frame, features: readonly string[], rows: number): Frame {
  const n = Math.min(rows, frame.rowCount);
  const part = frame.slice(0, n);
  const columns: Column[] = [
    numericColumn(
      'row_id',
      Float64Array.from({ length: n }, (_, i) => i),
    ),
  ];
  features.forEach((name, j) => {
    const c = part.column(name);
    if (c.type === 'number') {
      columns.push(
        numericColumn(
          name,
          Float64Array.from(c.values, (v, i) => ((i + j) % 7 === 0 ? Number.NaN : v)),
        ),
      );
    } else {
      const labels = Array.from({ length: n }, (_, i) =>
        (i + j) % 11 === 0 ? null : (i + j) % 5 === 0 ? "unseen 'label\\" : (valueAt(c, i) as string | null),
      );
      columns.push(categoryFromLabels(name, labels));
    }
  });
  return new Frame(columns, n);
}

/** The synthetic world's booked loans (seed 7), German credit and HMEQ (first 2,000 rows to keep training quick). */
export async function parityDatasets(scoreRows: number): Promise<ParityData[]> {
  const world = generateWorld({ rows: 1500, seed: 7 }).applications;
  const bad = world.numeric('bad').values;
  const booked = new BitSet(world.rowCount);
  for (let i = 0; i < bad.length; i++) if (!Number.isNaN(bad[i]!)) booked.set(i);
  const synth = world.filter(booked);
  const synthFeatures = [
    'segment',
    'channel',
    'employment_type',
    'age',
    'monthly_income',
    'bureau_score',
    'dti',
    'inquiries_6m',
    'revolving_utilization',
    'delinq_30d_12m',
  ];
  const german = await loadDataset('german');
  const germanFeatures = [
    'status_of_existing_checking_account',
    'duration_in_month',
    'credit_history',
    'purpose',
    'credit_amount',
    'savings_account_and_bonds',
    'age_in_years',
    'housing',
  ];
  const hmeq = (await loadDataset('hmeq')).slice(0, 2000);
  const hmeqFeatures = ['LOAN', 'MORTDUE', 'VALUE', 'REASON', 'JOB', 'YOJ', 'DEROG', 'DELINQ', 'CLAGE', 'NINQ', 'CLNO', 'DEBTINC'];
  return [
    { name: 'synthetic', train: synth, target: 'bad', features: synthFeatures, score: hostileRows(synth, synthFeatures, scoreRows) },
    { name: 'german', train: german, target: 'bad', features: germanFeatures, score: hostileRows(german, germanFeatures, scoreRows) },
    { name: 'hmeq', train: hmeq, target: 'bad', features: hmeqFeatures, score: hostileRows(hmeq, hmeqFeatures, scoreRows) },
  ];
}
