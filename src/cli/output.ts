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

/** A progress reporter: `tick(done)` updates, `done()` clears. A no-op when stderr is not a TTY. */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

/** Starts a progress bar on stderr for `total` units of work, only in interactive terminals. */
export function startProgress(context: CommandContext, label: string, total: number): Progress {
  if (!context.interactive || context.json || total <= 0) return { tick() {}, done() {} };
  let last = -1;
  return {
    tick(done: number) {
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === last) return;
      last = pct;
      const filled = Math.round(pct / 5);
      context.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${pct}%`);
    },
    done() {
      if (last >= 0) context.stderr(`\r${' '.repeat(label.length + 30)}\r`);
    },
  };
}
