// @ts-nocheck
// 
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CredoError } from '../errors/index.js';
import { splitCsvRecord } from './csv-header.js';

/** The first bad record DuckDB rejected, located by physical line (1-based, header = line 1). */
export type CsvProblem =
  | { readonly kind: 'value'; readonly line: number; readonly column: string; readonly value: string; readonly expectedType: string }
  | { readonly kind: 'ragged'; readonly line: number; readonly expected: number; readonly actual: number }
  | { readonly kind: 'other'; readonly line: number; readonly message: string };

/**
 * Re-reads a CSV with DuckDB's reject tables on (`store_rejects`) to find the first record that
 * failed: a value that does not convert to its column's type, a ragged row, or another parse
 * problem. `readSql(extra)` must build the same `read_csv(...)` call with `extra` options appended.
 * Returns null when DuckDB rejects nothing. Only runs after the fast path failed.
 */
export async function findCsvProblem(
  connection: DuckDBConnection,
  path: string,
  readSql: (extra: string) => string,
  delimiter = ',',
): Promise<CsvProblem | null> {
  // count(COLUMNS(*)) makes DuckDB convert every column (count(*) alone would skip the conversions).
  await connection.run(`SELECT count(COLUMNS(*)) FROM ${readSql(", store_rejects=true, rejects_table='credo_rejects', rejects_scan='credo_scans'")}`);
  const reader = await connection.runAndReadAll(
    'SELECT CAST(line AS DOUBLE), CAST(line_byte_position AS DOUBLE), column_idx, column_name, error_type, csv_line, error_message FROM credo_rejects ORDER BY line LIMIT 1',
  );
  const rows = reader.getRowsJS();
  const row = rows[0];
  if (row === undefined) return null;
  const [recordLine, bytePosition, columnIndex, columnName, errorType, csvLine, message] = row as [number, number, unknown, unknown, string, string, string];
  // In CRLF files DuckDB's record starts at the "\n" of the line break before it (and csv_line
  // begins with it): skip those characters so the line is the record's own, as in LF files.
  const leadingBreaks = /^[\r\n]*/.exec(csvLine)?.[0].length ?? 0;
  const line = Number.isFinite(bytePosition) && bytePosition > 0 ? await physicalLineAt(path, bytePosition - 1 + leadingBreaks) : recordLine;
  if (errorType === 'CAST') {
    const quoted = /Could not convert string "([\s\S]*)" to '([A-Z]+)'/.exec(message);
    const fields = splitCsvRecord(csvLine.slice(leadingBreaks), delimiter);
    const value = quoted?.[1] ?? fields[Number(columnIndex) - 1] ?? '';
    return { kind: 'value', line, column: String(columnName), value, expectedType: quoted?.[2] ?? 'DOUBLE' };
  }
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (counts !== null) return { kind: 'ragged', line, expected: Number(counts[1]), actual: Number(counts[2]) };
  return { kind: 'other', line, message: `${errorType.toLowerCase()}: ${message}` };
}

/** Turns a found problem into the catalogue error naming file, line, column and value. */
export function csvProblemError(file: string, problem: CsvProblem): CredoError {
  switch (problem.kind) {
    case 'value':
      return new CredoError('E_FILE_VALUE_NOT_NUMERIC', { file, line: problem.line, column: problem.column, value: problem.value });
    case 'ragged':
      return new CredoError('E_FILE_RAGGED_ROW', { file, line: problem.line, expected: problem.expected, actual: problem.actual });
    default:
      return new CredoError('E_FILE_PARSE', { file, line: problem.line, problem: problem.message });
  }
}

/** Physical line number (1-based) of the byte at `offset` in the (decompressed) file: 1 + line breaks before it. */
async function physicalLineAt(path: string, offset: number): Promise<number> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let seen = 0;
  let breaks = 0;
  try {
    for await (const piece of stream) {
      const buffer = piece as Buffer;
      const end = Math.min(buffer.length, offset - seen);
      let at = buffer.indexOf(10);
      while (at >= 0 && at < end) {
        breaks++;
        at = buffer.indexOf(10, at + 1);
      }
      seen += buffer.length;
      if (seen >= offset) break;
    }
  } finally {
    raw.destroy();
  }
  return breaks + 1;
}
