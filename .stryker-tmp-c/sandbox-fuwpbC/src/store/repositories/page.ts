/** The largest page any list returns: lists are bounded so one request cannot read a whole table. */
// @ts-nocheck

export const MAX_PAGE_SIZE = 200;
/** The page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50;

/** A bounded page: `limit` 1..MAX_PAGE_SIZE (default 50), `offset` ≥ 0; non-integers fall back to the defaults. */
export function pageOf(limit?: number, offset?: number): { limit: number; offset: number } {
  const l = limit !== undefined && Number.isInteger(limit) ? Math.min(MAX_PAGE_SIZE, Math.max(1, limit)) : DEFAULT_PAGE_SIZE;
  const o = offset !== undefined && Number.isInteger(offset) ? Math.max(0, offset) : 0;
  return { limit: l, offset: o };
}

/** Builds a `WHERE` clause from conditions written with `?` for their parameters. */
export class Conditions {
  readonly params: unknown[] = [];
  readonly #clauses: string[] = [];

  /** Adds `clause`, its `?`s standing for `values` in order. */
  add(clause: string, ...values: unknown[]): this {
    let next = 0;
    this.#clauses.push(
      clause.replace(/\?/g, () => {
        this.params.push(values[next]);
        next += 1;
        return `$${this.params.length}`;
      }),
    );
    return this;
  }

  /** `WHERE a AND b`, or '' when there is no condition. */
  get where(): string {
    return this.#clauses.length === 0 ? '' : `WHERE ${this.#clauses.join(' AND ')}`;
  }

  /** The next parameter's placeholder after pushing `value` (for LIMIT/OFFSET). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** True for a canonical UUID text (any version): ids that are not cannot exist, so no query is needed. */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
