// @ts-nocheck
import type { FastifySchemaCompiler } from 'fastify';
import { Compile } from 'typebox/compile';

/** A decimal number as text (no hex, no `Infinity`, no booleans). */
const NUMERIC = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The validator of every request part, compiled once per route with TypeBox. Bodies are checked
 * as sent (no coercion: `"5"` is not a number). Query strings, path parameters and headers arrive
 * as text: a value is turned into a number only when its schema says integer or number and the
 * text is a plain decimal, so `?offset=true` or `?limit=0x10` are refused rather than coerced.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const check = Compile(schema as never);
  const properties = (schema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  const numeric = Object.keys(properties).filter((k) => properties[k]?.type === 'integer' || properties[k]?.type === 'number');
  return (value: unknown) => {
    let input = value;
    if (httpPart !== 'body' && numeric.length > 0 && typeof value === 'object' && value !== null) {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const key of numeric) {
        const text = copy[key];
        if (typeof text === 'string' && NUMERIC.test(text)) copy[key] = Number(text);
      }
      input = copy;
    }
    return check.Check(input) ? { value: input } : { error: [...check.Errors(input)] as never };
  };
};
