// @ts-nocheck
import { resolve } from 'node:path';
import { computeCsi } from '../../ml/binning/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';
import { readBinningFile } from './binning-apply.js';

/** Stability reading of a PSI value (REFERENCE §2). */
export function psiVerdict(psi: number): 'stable' | 'investigate' | 'shifted' {
  return psi < 0.1 ? 'stable' : psi <= 0.25 ? 'investigate' : 'shifted';
}

/** `credo binning psi`: characteristic stability (PSI per feature) between two data sets under one binning spec. */
export const binningPsiCommand = defineCommand({
  name: 'binning psi',
  summary: 'PSI/CSI of every binned feature between a reference (expected) and a new (actual) data set',
  details:
    'Both files are binned with the same spec (missing and special bins included); empty bins get +0.5 (--smoothing)\n' +
    'so no bin is dropped and no value is infinite. <0.1 stable, 0.1–0.25 investigate, >0.25 shifted.\n' +
    'Example: credo binning psi --expected train.csv --actual recent.csv --spec binning.json',
  flags: {
    expected: { type: 'string', required: true, description: 'reference data (.csv or .parquet)' },
    ...schemaFlag,
    actual: { type: 'string', required: true, description: 'new data (.csv or .parquet)' },
    spec: { type: 'string', required: true, description: 'binning spec (JSON)' },
    smoothing: { type: 'number', default: 0.5, min: 0, description: 'added to every bin count of both populations' },
    'show-bins': { type: 'boolean', description: 'print per-bin shares (human output)' },
  },
  async run(args, _positionals, context) {
    const file = await readBinningFile(resolve(context.cwd, args.spec), args.spec);
    const types = Object.fromEntries(file.features.filter((f) => f.type === 'category').map((f) => [f.feature, 'category' as const]));
    const expected = await readDataFile(context, args.expected, args, types);
    const actual = await readDataFile(context, args.actual, args, types);
    const rows = computeCsi(file.features, expected, actual, args.smoothing);
    const result = {
      expected: args.expected,
      actual: args.actual,
      smoothing: args.smoothing,
      features: rows.map((r) => ({ ...r, verdict: psiVerdict(r.psi) })),
    };
    printResult(context, result, () => {
      let out = `PSI = Σ (A − E)·ln(A/E) over bins; smoothing +${args.smoothing} per bin\n`;
      out += formatTable(
        ['feature', 'PSI', 'verdict'],
        result.features.map((r) => [r.feature, r.psi, r.verdict]),
      );
      if (args['show-bins']) {
        for (const r of rows) {
          out += `\n${formatTable(
            ['bin', 'expected', 'actual', 'PSI'],
            r.bins.map((b) => [b.bin, formatPercent(b.expected_share), formatPercent(b.actual_share), b.contribution]),
            { title: `${r.feature}: PSI ${r.psi.toFixed(4)}` },
          )}`;
        }
      }
      return out;
    });
    return 0;
  },
});
