// @ts-nocheck
// 
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { loadDuckDb } from '../../io/duckdb.js';
import type { CredoModel } from '../../ml/model.js';
import { compileModelSql, duckdb } from '../../sql/index.js';

/** Options of `scoreWithDuckDb`. */
export interface DuckDbScoreOptions {
  /** Input file (.parquet, or .csv); absolute path. */
  readonly data: string;
  /** Output file (.parquet or .csv); absolute path. */
  readonly out: string;
  /** Input columns copied to the output (default: id and *_id columns). */
  readonly keys?: readonly string[];
  /** DuckDB memory_limit, e.g. `1GB`: past it, operators spill to `tempDirectory`. */
  readonly memoryLimit: string;
  /** Where DuckDB spills (default: a folder under the system temp directory). */
  readonly tempDirectory?: string;
  /** DuckDB worker threads (default: DuckDB's, the core count). */
  readonly threads?: number;
}

/** What an out-of-core scoring run did. */
export interface DuckDbScoreResult {
  readonly rows: number;
  readonly keys: readonly string[];
  readonly meanPd: number;
  readonly seconds: number;
}

function reader(path: string): string {
  const literal = duckdb.quoteString(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return `read_parquet(${literal})`;
  // No BOOLEAN candidates: a yes/no category would come back as 'true'/'false' and miss its labels.
  if (ext === '.csv') return `read_csv(${literal}, header = true, auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])`;
  throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'data', problem: 'with --engine duckdb the data must be .parquet or .csv', value: path });
}

/**
 * Scores a file larger than memory: the model compiled to DuckDB SQL (`compileModelSql`) inside
 * `COPY (SELECT …) TO out`, on a DuckDB instance of its own with `memory_limit`, a
 * `temp_directory` to spill to and `preserve_insertion_order = false` (so the streaming COPY
 * need not buffer rows to keep their order: output rows come in any order, with their keys).
 * Memory stays bounded by the limit whatever the row count.
 */
export async function scoreWithDuckDb(model: CredoModel, options: DuckDbScoreOptions): Promise<DuckDbScoreResult> {
  const started = performance.now();
  const temp = options.tempDirectory ?? join(tmpdir(), 'credo-duckdb-spill');
  await mkdir(temp, { recursive: true });
  const config: Record<string, string> = { memory_limit: options.memoryLimit, temp_directory: temp, preserve_insertion_order: 'false' };
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await loadDuckDb().DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  try {
    const from = reader(options.data);
    const names = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS().map((r) => String(r.column_name));
    const keys = options.keys ?? names.filter((n) => n === 'id' || n.endsWith('_id'));
    for (const key of keys) if (!names.includes(key)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: key, source: `file "${options.data}"` });
    for (const c of model.schema.columns)
      if (!names.includes(c.name)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: c.name, source: `file "${options.data}"` });
    const sql = compileModelSql(model, { dialect: duckdb, fromSql: from, keys });
    const format = extname(options.out).toLowerCase() === '.csv' ? '(FORMAT csv, HEADER true)' : '(FORMAT parquet)';
    await connection.run(`COPY (${sql.statements[0]}) TO ${duckdb.quoteString(options.out)} ${format}`);
    const out =
      extname(options.out).toLowerCase() === '.csv'
        ? `read_csv(${duckdb.quoteString(options.out)}, header = true)`
        : `read_parquet(${duckdb.quoteString(options.out)})`;
    const summary = (await connection.runAndReadAll(`SELECT COUNT(*) AS n, AVG(pd) AS mean_pd FROM ${out}`)).getRowObjectsJS()[0] ?? {};
    return { rows: Number(summary.n ?? 0), keys, meanPd: Number(summary.mean_pd ?? 0), seconds: (performance.now() - started) / 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
