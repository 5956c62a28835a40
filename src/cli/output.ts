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
  const numeric = headers.map((_, j) => rows.every((row) => typeof row[j] === 'number' || row[j] === null || row[j] === undefined));
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

/** Formats one cell: null/undefined as '', integers as is, other numbers with fixed decimals. */
export function formatCell(cell: Cell, digits = 4): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return 'NaN';
    return Number.isInteger(cell) ? String(cell) : cell.toFixed(digits);
  }
  return cell;
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

/** An integer with thousands separators (`1,234,567`); other numbers keep their digits after the point. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
