/** 0.0312 → "3.12%". */
// @ts-nocheck

// 

export function pct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
}

/** "123456.70" → "123,456.70" (decimal strings stay exact: only grouping is added). */
export function money(s: string | null | undefined): string {
  if (s === null || s === undefined) return '—';
  const [int = '', frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign === '' ? int : int.slice(1);
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** A number with at most `digits` decimals. */
export function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? '—' : String(Number(x.toFixed(digits)));
}
