// @ts-nocheck
// 
import type { DuckDBConnection } from '@duckdb/node-api';
import { CredoError, isCredoError } from '../errors/index.js';
import { type ColumnType, type Frame, numericColumn } from '../frame/index.js';
import { csvProblemError, findCsvProblem } from './csv-diagnose.js';
import { readCsvHeader } from './csv-header.js';
import { sqlIdentifier, sqlString, withConnection } from './duckdb.js';
import { countLines } from './line-count.js';
import { countRows, materializedError, type QueryColumn, queryToFrame } from './query-to-frame.js';
import type { ReadFrameOptions } from './read-options.js';
import { checkRequestedColumns } from './read-options.js';

/**
 * What a CSV column is read as: numbers (DOUBLE), text, or sniffed booleans: read as text and
 * turned into 0/1 only when every label is true/false (the sniffer also calls yes/no boolean, and
 * those stay categories).
 */
type CsvReadType = 'number' | 'boolean' | 'text';

/** RFC 4180 dialect (the delimiter is part of the source), fixed so a malformed file fails instead of being re-sniffed into something else. */
const DIALECT = `header=true, quote='"', escape='"'`;

/** Read options of the main pass: a 4 MB buffer (default 32 MB per thread) keeps DuckDB's share of peak memory small. */
const READ_OPTIONS = `${DIALECT}, auto_detect=false, buffer_size=4194304`;

/** Rows DuckDB's sniffer samples by default. */
const SNIFF_ROWS = 20480;

/** DuckDB types the sniffer reports that Credo reads as numbers. */
const NUMERIC_SQL_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * Reads a CSV file (plain or gzip) into a frame through DuckDB's parallel reader, streaming
 * chunks into typed arrays. Types are inferred (DuckDB's sniffer: numeric and boolean columns
 * become `number`, the rest `category`) unless `options.types` overrides them. A column inferred
 * numeric that later holds text falls back to `category`; an override `number` column with text
 * fails with `E_FILE_VALUE_NOT_NUMERIC` naming file, physical line, column and value.
 */
export async function readCsv(path: string, options: ReadFrameOptions = {}): Promise<Frame> {
  const delimiter = options.delimiter ?? ',';
  const header = await readCsvHeader(path, delimiter);
  if (header === null) throw new CredoError('E_FILE_PARSE', { file: path, line: 1, problem: 'the file is empty (no header row)' });
  checkHeader(path, header, delimiter);
  const selected = checkRequestedColumns(path, header, options);
  const overrides: Readonly<Record<string, ColumnType>> = options.types ?? {};
  const gzip = path.toLowerCase().endsWith('.gz');
  // Compression follows our reading of the extension (DuckDB's own guess is case-sensitive).
  const source = `${sqlString(path)}, compression='${gzip ? 'gzip' : 'none'}', delim=${sqlString(delimiter)}`;
  return withConnection(async (connection) => {
    // Records ≤ lines − 1 (header); compressed files grow their arrays in blocks instead. The count
    // runs on this thread while DuckDB sniffs the types on its own.
    const [inferred, lines] = await Promise.all([inferTypes(connection, path, source, header, delimiter), gzip ? undefined : countLines(path)]);
    const expectedRows = lines === undefined ? undefined : Math.max(0, lines - 1);
    for (let attempt = 0; attempt <= header.length; attempt++) {
      const readTypes = header.map((name): CsvReadType => {
        const override = overrides[name];
        if (override !== undefined) return override === 'number' ? 'number' : 'text';
        return inferred.get(name) ?? 'text';
      });
      const readSql = (extra: string) => `read_csv(${source}, ${READ_OPTIONS}, columns=${columnsStruct(header, readTypes)}${extra})`;
      const columns: QueryColumn[] = selected.map((name) => ({ name, type: readTypes[header.indexOf(name)] === 'number' ? 'number' : 'category' }));
      const projection = selected.map(sqlIdentifier);
      const query = `SELECT ${projection.join(', ') || '1'} FROM ${readSql('')}`;
      const booleans = new Set(header.filter((_, i) => readTypes[i] === 'boolean'));
      const finish = (frame: Frame) => booleansToNumbers(frame, (name) => booleans.has(name));
      let failure: unknown;
      try {
        const frame = await queryToFrame(connection, query, columns, expectedRows);
        // A streamed result ends early, without an error, when DuckDB fails part way (node-api does
        // not expose the error). Fewer rows than lines − 1 can also mean blank lines or quoted line
        // breaks, so then the records are counted (no conversions: fast) to tell the two apart.
        if (expectedRows !== undefined && frame.rowCount === expectedRows) return finish(frame);
        const records = await countRows(connection, `SELECT count(*) FROM ${readSql('')}`);
        if (records === frame.rowCount) return finish(frame);
        failure = new Error(`the read stopped after ${frame.rowCount} of ${records} records`);
      } catch (error) {
        if (isCredoError(error)) throw error;
        failure = error;
      }
      const problem = await findCsvProblem(connection, path, readSql, delimiter);
      if (problem === null) {
        const cause = (await materializedError(connection, query)) ?? failure;
        throw new CredoError('E_FILE_FORMAT', { file: path, problem: `cannot be read (${firstLine(cause)})` }, { cause });
      }
      // A column the sniffer guessed numeric that holds text later on is categorical after all,
      // unless nearly all its cells are numbers: then the text is a bad cell, reported as such.
      if (problem.kind === 'value' && overrides[problem.column] === undefined && inferred.get(problem.column) !== 'text') {
        const share = await numericShare(connection, source, header, problem.column);
        if (share.nonEmpty >= MIN_CELLS_FOR_BAD_CELL && share.numeric / share.nonEmpty >= NUMERIC_SHARE_FOR_BAD_CELL) {
          const bad = share.nonEmpty - share.numeric;
          throw new CredoError('E_FILE_VALUE_NOT_NUMERIC', {
            file: path,
            line: problem.line,
            column: problem.column,
            value: problem.value,
            non_numeric_cells: bad,
            hint: `${bad} of ${share.nonEmpty} filled cells of "${problem.column}" are not numbers; fix ${bad === 1 ? 'it' : 'them'}, or read the column as a category with --schema ${problem.column}:category`,
          });
        }
        inferred.set(problem.column, 'text');
        continue;
      }
      throw csvProblemError(path, problem);
    }
    throw new CredoError('E_INTERNAL', { summary: `reading "${path}": type inference did not settle` });
  });
}

/**
 * Share of cells that must be numbers for a text cell to count as a bad cell of a numeric column
 * rather than a sign the column is categorical; below `MIN_CELLS_FOR_BAD_CELL` filled cells the
 * column simply becomes a category.
 */
const NUMERIC_SHARE_FOR_BAD_CELL = 0.99;
const MIN_CELLS_FOR_BAD_CELL = 100;

/** Filled (non-empty) cells of a column and how many of them read as numbers (full scan as text). */
async function numericShare(
  connection: DuckDBConnection,
  source: string,
  header: readonly string[],
  column: string,
): Promise<{ nonEmpty: number; numeric: number }> {
  const id = sqlIdentifier(column);
  const scan = `read_csv(${source}, ${READ_OPTIONS}, columns=${columnsStruct(
    header,
    header.map((): CsvReadType => 'text'),
  )})`;
  const row =
    (await connection.runAndReadAll(`SELECT CAST(count(${id}) AS DOUBLE), CAST(count(TRY_CAST(${id} AS DOUBLE)) AS DOUBLE) FROM ${scan}`)).getRowsJS()[0] ?? [];
  return { nonEmpty: Number(row[0]), numeric: Number(row[1]) };
}

/** Separators a one-column header is checked for, to suggest `--delimiter`. */
const OTHER_DELIMITERS = [';', '\t', '|'];

/**
 * Rejects empty and duplicated header names (DuckDB would silently rename them), and a header that
 * reads as one column but splits cleanly at another common separator (a semicolon or tab file).
 */
function checkHeader(path: string, header: readonly string[], delimiter: string): void {
  if (header.length === 1) {
    const other = OTHER_DELIMITERS.find((d) => d !== delimiter && (header[0] as string).split(d).length >= 2);
    if (other !== undefined) {
      const shown = other === '\t' ? 'tab' : other;
      throw new CredoError('E_FILE_FORMAT', {
        file: path,
        problem: `the header parses into one column "${header[0]}"; its fields look separated by "${shown === 'tab' ? '\\t' : shown}"`,
        delimiter: shown,
        hint: `try --delimiter ${shown === 'tab' ? 'tab' : `"${shown}"`}`,
      });
    }
  }
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new CredoError('E_FILE_PARSE', { file: path, line: 1, problem: `header field ${i + 1} is empty (every column needs a name)` });
    if (seen.has(name)) throw new CredoError('E_INPUT_COLUMN_DUPLICATE', { column: name, file: path });
    seen.add(name);
  });
}

/** Column types from DuckDB's sniffer (a sample of the file); when it cannot sniff, from a full scan. */
async function inferTypes(
  connection: DuckDBConnection,
  path: string,
  source: string,
  header: readonly string[],
  delimiter: string,
): Promise<Map<string, CsvReadType>> {
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${source}, ${DIALECT}, buffer_size=4194304)`);
    const rows = reader.getRowsJS() as [string, string][];
    if (rows.length === header.length && rows.every(([name], i) => name === header[i])) {
      const types = new Map(
        rows.map(([name, type]): [string, CsvReadType] => [name, NUMERIC_SQL_TYPES.test(type) ? 'number' : type === 'BOOLEAN' ? 'boolean' : 'text']),
      );
      await markEmptySampleColumnsNumeric(connection, source, header, types);
      return types;
    }
  } catch {
    // The sniffer gives up on malformed files; the full scan below reports the actual problem.
  }
  const allText = header.map((): CsvReadType => 'text');
  const scan = `read_csv(${source}, ${DIALECT}, auto_detect=false, columns=${columnsStruct(header, allText)})`;
  const tests = header.map((name) => {
    const id = sqlIdentifier(name);
    return `bool_and(${id} IS NULL OR TRY_CAST(${id} AS DOUBLE) IS NOT NULL) AND count(${id}) > 0`;
  });
  try {
    const reader = await connection.runAndReadAll(`SELECT ${tests.join(', ')} FROM ${scan}`);
    const flags = (reader.getRowsJS()[0] ?? []) as boolean[];
    return new Map(header.map((name, i) => [name, flags[i] === true ? 'number' : 'text']));
  } catch (error) {
    const problem = await findCsvProblem(connection, path, (extra) => scan.replace(/\)$/, `${extra})`), delimiter);
    if (problem !== null) throw csvProblemError(path, problem);
    throw new CredoError('E_FILE_FORMAT', { file: path, problem: `cannot be read (${firstLine(error)})` }, { cause: error });
  }
}

/** Turns sniffed-boolean columns whose labels are all true/false (any case) into 0/1 numbers. */
function booleansToNumbers(frame: Frame, isBoolean: (name: string) => boolean): Frame {
  let out = frame;
  for (const column of frame.columns) {
    if (column.type !== 'category' || !isBoolean(column.name)) continue;
    const truth = column.dictionary.map((label) => ({ true: 1, false: 0 })[label.toLowerCase() as 'true' | 'false']);
    if (truth.some((v) => v === undefined)) continue;
    const values = new Float64Array(column.codes.length);
    for (let i = 0; i < values.length; i++) {
      const code = column.codes[i] as number;
      values[i] = code < 0 ? Number.NaN : (truth[code] as number);
    }
    out = out.withColumn(numericColumn(column.name, values));
  }
  return out;
}

/**
 * The sniffer calls a column that is empty throughout its sample VARCHAR, though its values may be
 * numbers further down (e.g. amounts only filled for some rows). Such columns are tried as numbers:
 * if text turns up, the read falls back to a category for that column like any other misguess.
 * So are columns whose sample is at least 99% numbers: their text cells are then reported as bad
 * cells (`E_FILE_VALUE_NOT_NUMERIC`) unless the whole file is below that share.
 */
async function markEmptySampleColumnsNumeric(connection: DuckDBConnection, source: string, header: readonly string[], types: Map<string, CsvReadType>) {
  const text = header.filter((name) => types.get(name) === 'text');
  if (text.length === 0) return;
  const allText = header.map((): CsvReadType => 'text');
  const counts = text.map((name) => `count(${sqlIdentifier(name)}), count(TRY_CAST(${sqlIdentifier(name)} AS DOUBLE))`).join(', ');
  const sample = `SELECT * FROM read_csv(${source}, ${DIALECT}, auto_detect=false, columns=${columnsStruct(header, allText)}) LIMIT ${SNIFF_ROWS}`;
  try {
    const row = (await connection.runAndReadAll(`SELECT ${counts} FROM (${sample})`)).getRowsJS()[0] ?? [];
    text.forEach((name, i) => {
      const filled = Number(row[2 * i]);
      const numeric = Number(row[2 * i + 1]);
      if (filled === 0 || (filled >= MIN_CELLS_FOR_BAD_CELL && numeric / filled >= NUMERIC_SHARE_FOR_BAD_CELL)) types.set(name, 'number');
    });
  } catch {
    // A malformed start of file: the main read reports it.
  }
}

function columnsStruct(header: readonly string[], types: readonly CsvReadType[]): string {
  const sqlTypes: Record<CsvReadType, string> = { number: 'DOUBLE', boolean: 'VARCHAR', text: 'VARCHAR' };
  return `{${header.map((name, i) => `${sqlString(name)}: '${sqlTypes[types[i] as CsvReadType]}'`).join(', ')}}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
