// @ts-nocheck
import type { CommandContext } from './command.js';

/** A cell of a human table. Numbers are formatted with `digits` decimals unless integers. */
export type Cell = string | number | null | undefined;

/** Options for `formatTable`. */
export interface TableOptions {
  /** Decimals for non-integer numbers (default 4). */
  readonly digits?: number;
  /** Title printed above the table. */
  readonly title?: string;
}

/** Formats rows as an aligned text table: numbers right-aligned, text left-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const digits = options.digits ?? 4;
  const text = rows.map((row) => row.map((cell) => formatCell(cell, digits)));
  const numeric = headers.map((_, j) => rows.every((row) => isNumberLike(row[j])));
  const widths = headers.map((h, j) => Math.max(h.length, ...text.map((r) => (r[j] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (numeric[j] ? c.padStart(widths[j] as number) : c.padEnd(widths[j] as number)))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (options.title !== undefined) out.push(options.title);
  out.push(line(headers), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of text) out.push(line(row));
  return `${out.join('\n')}\n`;
}

/** Numbers, empty cells and formatted figures (`12.5%`, `+1.25 pp`, `<0.0001`, `1,234`) are right-aligned. */
function isNumberLike(cell: Cell): boolean {
  if (cell === null || cell === undefined || typeof cell === 'number') return true;
  return cell === '' || cell === 'n/a' || /^[+\-<×]?\d[\d,]*(\.\d+)?(e[+-]?\d+)?(%| pp| s)?\*?$/.test(cell);
}

/** Formats one cell: null/undefined as '', integers with thousands separators, other numbers with fixed decimals (grouped too). */
export function formatCell(cell: Cell, digits = 4): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return 'NaN';
    if (!Number.isFinite(cell)) return cell > 0 ? '∞' : '-∞';
    return groupThousands(Number.isInteger(cell) ? String(cell) : cell.toFixed(digits));
  }
  return cell;
}

/** Inserts thousands separators into the integer part of a plain decimal numeral (`-1234.5` → `-1,234.5`). */
function groupThousands(numeral: string): string {
  const match = /^(-?)(\d+)(.*)$/.exec(numeral);
  if (match === null) return numeral;
  return `${match[1]}${(match[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3]}`;
}

/** A p-value for a table: four decimals, and `<0.0001` below 1e-4 (never a misleading 0.0000). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  return p < 1e-4 ? '<0.0001' : p.toFixed(4);
}

/** A difference of two rates (shares in [0, 1]) in percentage points, signed: `+1.25 pp`, `-0.40 pp`. */
export function formatPoints(difference: number, decimals = 2): string {
  if (!Number.isFinite(difference)) return 'n/a';
  const text = (difference * 100).toFixed(decimals);
  return `${difference > 0 && Number(text) !== 0 ? '+' : ''}${text} pp`;
}

/** A number in `figures` significant figures (coefficients, odds ratios): `0.0001234`, `-12.35`, `1.235e+6`. */
export function formatSignificant(value: number, figures = 4): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-6) return value.toExponential(figures - 1);
  return String(Number(value.toPrecision(figures)));
}

/** Formats a share in [0, 1] as a percentage with two decimals. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(2)}%` : 'n/a';
}

/**
 * Prints a command's result: with `--json` exactly one JSON object on stdout, otherwise the
 * human rendering. Non-finite numbers become null in JSON (never NaN in output).
 */
export function printResult(context: CommandContext, result: object, human: () => string): void {
  if (context.json) context.stdout(`${toJson(result)}\n`);
  else context.stdout(human());
}

/** JSON text with non-finite numbers as null and typed arrays as plain arrays. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    },
    indent,
  );
}

/** A progress reporter: `tick(done)` updates, `done()` ends (clears the bar, or prints the total time). */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

/** Clock and pacing of `startProgress` (tests pass a fake clock). */
export interface ProgressOptions {
  /** Milliseconds since some origin (default `performance.now`). */
  readonly now?: () => number;
  /** Without a terminal, the first line is printed only after this long (ms, default 2000): quick jobs stay quiet. */
  readonly firstLineAfter?: number;
  /** Without a terminal, lines follow at this interval (ms, default 10000). */
  readonly every?: number;
}

/**
 * Starts progress reporting on stderr (never stdout) for `total` units of work. On a terminal: a
 * bar with the share done, the count, and the time left (elapsed × remaining / done), redrawn when
 * the percentage changes or every second. Otherwise (a pipe, a log file, CI): a plain line such as
 * `tuning: 45% (450 of 1,000), 12 s elapsed, about 15 s left` after `firstLineAfter` and every
 * `every` ms, and a closing `tuning: done in 27 s` if any line was printed; none with `--json`, so
 * stderr keeps to the JSON error. Commands pass `tick` into the core as a callback.
 */
export function startProgress(context: CommandContext, label: string, total: number, options: ProgressOptions = {}): Progress {
  const tty = context.interactive;
  if (total <= 0 || (!tty && context.json)) return { tick() {}, done() {} };
  const now = options.now ?? (() => performance.now());
  const started = now();
  const firstLineAfter = options.firstLineAfter ?? 2000;
  const every = options.every ?? 10_000;
  let lastPct = -1;
  let lastAt = Number.NEGATIVE_INFINITY;
  let drawn = 0;
  let lines = 0;
  return {
    tick(done: number) {
      const at = now();
      const share = Math.min(1, Math.max(0, done / total));
      const pct = Math.floor(share * 100);
      const elapsed = (at - started) / 1000;
      const left = done > 0 ? formatSeconds((elapsed * (total - Math.min(done, total))) / done) : '?';
      if (tty) {
        if (pct === lastPct && at - lastAt < 1000) return;
        const filled = Math.round(share * 20);
        const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${pct}% ${formatCount(done)}/${formatCount(total)} ETA ${left}`;
        context.stderr(`\r${text.padEnd(drawn)}`);
        drawn = text.length;
      } else {
        if (at - started < firstLineAfter || at - lastAt < every) return;
        context.stderr(`${label}: ${pct}% (${formatCount(done)} of ${formatCount(total)}), ${formatSeconds(elapsed)} elapsed, about ${left} left\n`);
        lines++;
      }
      lastPct = pct;
      lastAt = at;
    },
    done() {
      if (tty && drawn > 0) context.stderr(`\r${' '.repeat(drawn)}\r`);
      if (!tty && lines > 0) context.stderr(`${label}: done in ${formatSeconds((now() - started) / 1000)}\n`);
    },
  };
}

/** A duration in whole seconds, or minutes and seconds from a minute up: `12 s`, `3 min 05 s`. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** An amount with a fixed number of decimals and thousands separators (`1234567.5`, 2 → `1,234,567.50`). */
export function formatAmount(value: number, decimals = 0): string {
  return Number.isFinite(value) ? groupThousands(value.toFixed(decimals)) : 'n/a';
}

/** A count with thousands separators (`1,234,567`); other numbers keep their digits after the point. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? groupThousands(String(value)) : 'n/a';
}
