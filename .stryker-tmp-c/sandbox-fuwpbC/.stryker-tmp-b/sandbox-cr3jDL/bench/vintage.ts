/**
 * Portfolio analytics benchmark: vintage curves (count and balance), roll-rate matrices and the NPA
 * ratio of a performance table, timed apart from reading the file (as the pandas peer times its work
 * apart from read_csv). Checks Credo's numbers against the peer's JSON line when given.
 * usage (from the repository root): node dist/bench/vintage.js perf.csv [peer.json]   → JSON lines
 */
// @ts-nocheck

// 

import { readFileSync } from 'node:fs';
import { npaSummary, readPerformanceTable, rollRates, vintageCurves } from '../src/finance/index.js';
import { readFrame } from '../src/io/index.js';

const [dataPath, peerPath] = process.argv.slice(2);
if (dataPath === undefined) throw new Error('usage: vintage.js perf.csv [peer.json]');

let started = performance.now();
const frame = await readFrame(dataPath);
const readSeconds = (performance.now() - started) / 1000;

function analyse() {
  const table = readPerformanceTable(frame);
  return { vintage: vintageCurves(table), roll: rollRates(table), npa: npaSummary(table).at(-1) };
}

const times: number[] = [];
let result = analyse();
for (let run = 0; run < 5; run++) {
  started = performance.now();
  result = analyse();
  times.push((performance.now() - started) / 1000);
}
const nanSum = (values: Float64Array) => values.reduce((s, x) => (Number.isNaN(x) ? s : s + x), 0);
const credo = {
  count_rate_sum: nanSum(result.vintage.countRate),
  balance_rate_sum: nanSum(result.vintage.balanceRate),
  counts: Array.from({ length: 6 }, (_, r) => Array.from(result.roll.counts.subarray(r * 6, r * 6 + 6))),
  balance_cents: Array.from({ length: 6 }, (_, r) => Array.from(result.roll.balances.subarray(r * 6, r * 6 + 6))),
  npa_ratio: result.npa?.npaRatio ?? 0,
};
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: 'vintage',
    impl: 'credo',
    rows: frame.rowCount,
    read_seconds: round(readSeconds),
    seconds: round(times[0] as number),
    best_seconds: round(Math.min(...times)),
  }),
);
if (peerPath !== undefined) {
  const peer = JSON.parse(readFileSync(peerPath, 'utf8'));
  const same =
    Math.abs(peer.count_rate_sum - credo.count_rate_sum) < 1e-9 &&
    Math.abs(peer.balance_rate_sum - credo.balance_rate_sum) < 1e-9 &&
    JSON.stringify(peer.counts) === JSON.stringify(credo.counts) &&
    JSON.stringify(peer.balance_cents) === JSON.stringify(credo.balance_cents) &&
    Math.abs(peer.npa_ratio - credo.npa_ratio) < 1e-12;
  console.log(
    JSON.stringify({
      bench: 'vintage',
      rows: frame.rowCount,
      credo_seconds: round(times[0] as number),
      credo_best_seconds: round(Math.min(...times)),
      peer_seconds: peer.seconds,
      ratio: round((times[0] as number) / peer.seconds),
      same_results: same,
      ...(same
        ? {}
        : { credo, peer: { count_rate_sum: peer.count_rate_sum, balance_rate_sum: peer.balance_rate_sum, counts: peer.counts, npa_ratio: peer.npa_ratio } }),
    }),
  );
}
