/** One query's result: the rows (typed by the caller) and the number of rows the command touched. */
// @ts-nocheck

export interface QueryResult<T> {
  readonly rows: T[];
  readonly rowCount: number;
}

/**
 * The one interface repositories take: a PGlite connection, a `pg` pool or a transaction over
 * either. SQL is always parameterised (`$1`, `$2`, …); values are never spliced into the text.
 * Type conventions of both back ends: `numeric` and `int8` come back as decimal strings (exact;
 * callers convert), `timestamptz` as `Date`, `jsonb` parsed. Pass `jsonb` parameters as JSON
 * text (`JSON.stringify`) so both drivers send the same bytes.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}
