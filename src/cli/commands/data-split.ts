import { CredoError } from '../../errors/index.js';
import { type Column, calendarDateMs } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { targetLabels } from '../../ml/binning/index.js';
import { stratifiedHoldout, timeHoldout } from '../../ml/metrics/index.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';

/** `credo data split --data F --train T --test S`: a stratified, seeded hold-out, or an out-of-time one with --date. */
export const dataSplitCommand = defineCommand({
  name: 'data split',
  summary: 'Split a data file into train and test: stratified by the target and seeded, or out-of-time by a date column',
  details:
    'With --target the test share is taken within bads, goods and rows without an outcome alike, so both files keep the\n' +
    'bad rate; without it the rows are drawn at random. With --date the latest --test-fraction of rows (whole days) is the\n' +
    'test set instead (out-of-time validation); --seed is then unused. Same seed → same files.\n' +
    'Example: credo data split --data world.csv --target bad --date application_date --train train.csv --test test.csv',
  flags: {
    data: { type: 'string', required: true, description: 'input file (.csv or .parquet)' },
    ...schemaFlag,
    train: { type: 'string', required: true, description: 'training rows to this file (.csv or .parquet)' },
    test: { type: 'string', required: true, description: 'test rows to this file (.csv or .parquet)' },
    'test-fraction': { type: 'number', default: 0.2, min: 1e-9, max: 0.999999, description: 'share of rows in the test file' },
    target: { type: 'string', description: 'stratify by this outcome column (1 = bad, 0 = good, empty = unknown)' },
    date: { type: 'string', description: 'split by time: the latest rows by this date column (YYYY-MM-DD, with a time or not, or a number) is the test set' },
    seed: { type: 'int', default: 42, min: 0, description: 'random seed of the draw' },
  },
  async run(args, _positionals, context) {
    const trainPath = (await outputPath(context, args.train, 'data')) as string;
    const testPath = (await outputPath(context, args.test, 'data')) as string;
    const frame = await readDataFile(context, args.data, args);
    const fraction = args['test-fraction'];
    const labels = args.target === undefined ? undefined : targetLabels(frame.column(args.target));
    let test: Uint8Array;
    let cutoff: string | null = null;
    if (args.date !== undefined) {
      const split = timeHoldout(timesOf(frame.column(args.date)), fraction);
      test = split.test;
      const column = frame.column(args.date);
      cutoff = column.type === 'number' ? String(split.cutoff) : new Date(split.cutoff).toISOString().slice(0, 10);
    } else {
      test = stratifiedHoldout(labels ?? new Float64Array(frame.rowCount).fill(Number.NaN), fraction, args.seed);
    }
    const train = Uint8Array.from(test, (t) => 1 - t);
    await writeFrame(frame.filter(train), trainPath);
    await writeFrame(frame.filter(test), testPath);
    const side = (mask: Uint8Array) => {
      let rows = 0;
      let known = 0;
      let bads = 0;
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] !== 1) continue;
        rows++;
        const y = labels?.[i];
        if (y === 0 || y === 1) {
          known++;
          bads += y;
        }
      }
      return { rows, with_outcome: known, bad_rate: known > 0 ? bads / known : null };
    };
    const result = {
      data: args.data,
      method: args.date !== undefined ? 'time' : args.target !== undefined ? 'stratified' : 'random',
      test_fraction: fraction,
      seed: args.date !== undefined ? null : args.seed,
      date_cutoff: cutoff,
      train: { file: args.train, ...side(train) },
      test: { file: args.test, ...side(test) },
    };
    printResult(context, result, () => {
      const rows = [result.train, result.test].map((s, k) => [
        k === 0 ? 'train' : 'test',
        s.file,
        s.rows,
        s.with_outcome,
        s.bad_rate === null ? '' : formatPercent(s.bad_rate),
      ]);
      const how =
        result.method === 'time'
          ? `out-of-time: rows dated ${cutoff} or later are the test set`
          : `${result.method}, seed ${args.seed}, test share ${formatPercent(fraction)}`;
      return `${how}\n${formatTable(['set', 'file', 'rows', 'with outcome', 'bad rate'], rows)}`;
    });
    return 0;
  },
});

/** Times of a date column: numbers as they are, text as ISO dates (milliseconds); unreadable values name their row. */
function timesOf(column: Column): Float64Array {
  if (column.type === 'number') return column.values;
  const parsed = column.dictionary.map(dateLabelMs);
  return Float64Array.from(column.codes, (code, i) => {
    const t = code < 0 ? Number.NaN : (parsed[code] as number);
    if (Number.isNaN(t))
      throw new CredoError('E_INPUT_VALIDATION', {
        summary: `date column "${column.name}" at row ${i + 1}: ${code < 0 ? 'missing' : `"${column.dictionary[code]}" is not a date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS)`}`,
      });
    return t;
  });
}

/**
 * Milliseconds of a date label: `YYYY-MM-DD` that exists on the calendar, optionally followed by a time
 * (`T` or a space, `HH:MM[:SS[.fff]]`, UTC unless it names `Z` or an offset); NaN otherwise. Not
 * `Date.parse` alone: it rolls 2025-02-30 over to 2 March and reads a time without a zone in the
 * machine's time zone, so the split would depend on where it runs.
 */
function dateLabelMs(label: string): number {
  const day = calendarDateMs(label.slice(0, 10));
  if (label.length === 10 || Number.isNaN(day)) return day;
  const time = /^[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(label.slice(10));
  return time === null ? Number.NaN : Date.parse(`${label.slice(0, 10)}T${time[1]}${time[2] ?? 'Z'}`);
}
