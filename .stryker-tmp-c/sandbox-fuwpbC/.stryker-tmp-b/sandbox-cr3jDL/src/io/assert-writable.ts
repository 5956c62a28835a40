// @ts-nocheck
// 
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CredoError } from '../errors/index.js';
import { formatOf } from './file-format.js';

/** What an output path must end with: a data file (.csv/.parquet) or one of the given extensions (none given: any). */
export type OutputKind = 'data' | readonly string[];

/**
 * Checks, before any long work starts, that `path` can be written: its extension fits `kind`, its
 * folder exists and is writable, and it is not itself a folder. Throws `E_FILE_FORMAT` for the
 * extension and `E_FILE_WRITE` otherwise, so `tune --out /nonexistent/x.json` fails at once rather
 * than after the budget is spent.
 */
export async function assertWritable(path: string, kind: OutputKind): Promise<void> {
  if (kind === 'data') formatOf(path, 'write');
  else if (kind.length > 0 && !kind.some((ext) => path.toLowerCase().endsWith(ext))) {
    throw new CredoError('E_FILE_FORMAT', { file: path, problem: `unknown extension (expected ${kind.join(' or ')})` });
  }
  const folder = dirname(path);
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new CredoError('E_FILE_WRITE', { file: path, problem: `folder "${folder}" does not exist` });
  if ((await stat(path).catch(() => undefined))?.isDirectory() === true) throw new CredoError('E_FILE_WRITE', { file: path, problem: 'is a folder' });
  await access(folder, constants.W_OK).catch(() => {
    throw new CredoError('E_FILE_WRITE', { file: path, problem: `folder "${folder}" is not writable` });
  });
}
