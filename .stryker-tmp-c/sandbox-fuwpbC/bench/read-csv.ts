/**
 * Times `readFrame` on a CSV file and prints one JSON line:
 * {bench, impl, rows, cols, seconds, peak_rss_mb, raw_mb}. Usage: node dist/bench/read-csv.js FILE
 * Peak RSS is the whole process's high-water mark (Node + DuckDB + the frame); raw_mb is the
 * size of the numeric data as 8-byte doubles.
 */
// @ts-nocheck

import { loadDuckDb } from '../src/io/duckdb.js';
import { closeDuckDb, readFrame } from '../src/io/index.js';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: read-csv.js FILE\n');
  process.exit(2);
}
// Load the DuckDB module first, as the pandas side has imported pandas before its clock starts.
loadDuckDb();
const start = performance.now();
const frame = await readFrame(file);
const seconds = (performance.now() - start) / 1000;
await closeDuckDb();
const cols = frame.columns.length;
const rows = frame.rowCount;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const line = { bench: 'read-csv', impl: 'credo', rows, cols, seconds: round(seconds), peak_rss_mb: round(peakRssMb), raw_mb: round((rows * cols * 8) / 1e6) };
process.stdout.write(`${JSON.stringify(line)}\n`);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
