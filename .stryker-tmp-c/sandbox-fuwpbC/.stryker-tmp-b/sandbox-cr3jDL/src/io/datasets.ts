// @ts-nocheck
// 
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CredoError } from '../errors/index.js';
import { Frame, numericColumn, renameColumn } from '../frame/index.js';
import { readFrame } from './read-frame.js';

/** Names of the bundled public datasets (see data/README.md for provenance and licences). */
export const datasetNames = ['german', 'hmeq'] as const;

/** A bundled dataset name. */
export type DatasetName = (typeof datasetNames)[number];

/**
 * The repository's `data/` folder. Found by walking up from this module (it runs from `src/io/`
 * under ts tooling and from `<outDir>/src/io/` once compiled) to the first folder holding
 * `data/README.md`.
 */
export function dataFolder(): string {
  let url = new URL('./', import.meta.url);
  for (let depth = 0; depth < 6; depth++) {
    const candidate = new URL('data/', url);
    if (existsSync(fileURLToPath(new URL('README.md', candidate)))) return fileURLToPath(candidate);
    url = new URL('../', url);
  }
  throw new CredoError('E_INTERNAL', { summary: `bundled data folder not found above ${fileURLToPath(import.meta.url)}` });
}

/**
 * Loads a bundled dataset with its target as a numeric column `bad` (1 = bad, 0 = good):
 * `german` (UCI Statlog German Credit, 1,000 rows; `creditability` bad/good mapped and removed) or
 * `hmeq` (HMEQ home-equity loans, 5,960 rows; `BAD` renamed `bad`).
 */
export async function loadDataset(name: string): Promise<Frame> {
  const folder = dataFolder();
  if (name === 'german') {
    const frame = await readFrame(`${folder}german_credit.csv`, { types: { creditability: 'category' } });
    const target = frame.category('creditability');
    const bad = target.dictionary.indexOf('bad');
    const good = target.dictionary.indexOf('good');
    const values = new Float64Array(frame.rowCount);
    for (let i = 0; i < values.length; i++) {
      const code = target.codes[i] as number;
      values[i] = code === bad ? 1 : code === good ? 0 : Number.NaN;
    }
    return frame.drop(['creditability']).withColumn(numericColumn('bad', values));
  }
  if (name === 'hmeq') {
    const frame = await readFrame(`${folder}hmeq.csv`, { types: { BAD: 'number' } });
    return new Frame(
      frame.columns.map((c) => (c.name === 'BAD' ? renameColumn(c, 'bad') : c)),
      frame.rowCount,
    );
  }
  throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: 'dataset', problem: `unknown dataset "${name}" (known: ${datasetNames.join(', ')})` });
}
