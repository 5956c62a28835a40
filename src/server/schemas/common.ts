import { type TSchema, Type } from 'typebox';

/**
 * A calendar date `YYYY-MM-DD` that exists (JSON Schema `format: date`: 2025-02-30 and month 13
 * are refused with a 400 naming the field, as a pattern alone would let them through).
 */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** RFC 9457 problem document (see problem.ts). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    instance: Type.String({ description: 'request id' }),
    code: Type.String({ description: 'error catalogue code (docs/errors.md)' }),
    errors: Type.Array(
      Type.Object({
        field: Type.String({ description: 'JSON pointer of the failing field (or a YAML path for policies)' }),
        message: Type.String(),
        line: Type.Optional(Type.Integer({ minimum: 1, description: 'policy YAML: 1-based line' })),
        column: Type.Optional(Type.Integer({ minimum: 1, description: 'policy YAML: 1-based column' })),
      }),
    ),
  },
  { title: 'Problem' },
);

/** Response entry for error statuses: problem+json. */
export const problemResponse = {
  description: 'RFC 9457 problem',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};

/** A row id in a path (`:id`): a UUID. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Page of a list: `limit` (1–200, default 50) and `offset` (≥ 0, default 0). */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
};

/** `{items, total}` of a paged list. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}

/** A timestamp as ISO 8601 text. */
export const Timestamp = Type.String({ format: 'date-time' });
