/**
 * Synthetic-world benchmark: generates ROWS applications (`generateWorld`) and writes them as CSV
 * with `writeFrame`, printing one JSON line {bench:'synth', rows, seconds, generate_seconds,
 * write_seconds, cpu_seconds, mb}. `seconds` is generate + write, the figure the issue bounds (1M rows
 * < 10 s); `cpu_seconds` (user + system of this process) is the load-independent figure on a busy machine.
 * usage: node dist/bench/synth.js ROWS SEED OUT.csv
 */
// @ts-nocheck

// 

import { statSync } from 'node:fs';
import { closeDuckDb, writeFrame } from '../src/io/index.js';
import { generateWorld } from '../src/synth/index.js';

const [rowsText, seedText, out] = process.argv.slice(2);
if (rowsText === undefined || seedText === undefined || out === undefined) {
  process.stderr.write('usage: synth.js ROWS SEED OUT.csv\n');
  process.exit(2);
}
const round = (v: number) => Math.round(v * 1000) / 1000;
const started = performance.now();
const world = generateWorld({ rows: Number(rowsText), seed: Number(seedText) });
const generated = performance.now();
await writeFrame(world.applications, out);
const written = performance.now();
await closeDuckDb();
process.stdout.write(
  `${JSON.stringify({
    bench: 'synth',
    rows: world.applications.rowCount,
    columns: world.applications.columns.length,
    seconds: round((written - started) / 1000),
    generate_seconds: round((generated - started) / 1000),
    write_seconds: round((written - generated) / 1000),
    cpu_seconds: round((process.cpuUsage().user + process.cpuUsage().system) / 1e6),
    mb: round(statSync(out).size / 1e6),
  })}\n`,
);
