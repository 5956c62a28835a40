import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Compile } from 'typebox/compile';

type Checker = ReturnType<typeof Compile>;

/** The declared response schema of a route for a status code (`200`, then `2xx`), if any. */
function declaredSchema(request: FastifyRequest, status: number): object | undefined {
  const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
  const schema = responses?.[String(status)] ?? responses?.[`${String(status)[0]}xx`];
  return typeof schema === 'object' && schema !== null ? schema : undefined;
}

/** The first path at which two JSON values differ (`/steps/2/held`), for the failure message. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b))
    return `${path || '/'}: ${JSON.stringify(a)} sent as ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}/${key}`);
  }
  return path || '/';
}

/**
 * Checks every successful JSON answer against the schema its route declares, before and after
 * serialisation: the answer must satisfy the schema, and the serialised text must say exactly what
 * `JSON.stringify` would (fast-json-stringify serialises by the schema, so a key the schema lacks is
 * dropped and a value of the wrong type is coerced, silently). A breach fails the request (500) and
 * is emitted as a process warning naming the route and the path. For tests and staging: the cost is a
 * second serialisation per answer.
 */
export function installResponseCheck(app: FastifyInstance): void {
  const checkers = new WeakMap<object, Checker>();
  const expected = new WeakMap<FastifyRequest, string>();
  const fail = (request: FastifyRequest, problem: string): never => {
    const message = `response check: ${request.method} ${request.routeOptions.url}: ${problem}`;
    process.emitWarning(message, 'ResponseCheckWarning');
    throw new Error(message);
  };
  app.addHook('preSerialization', async (request, reply, payload) => {
    const schema = reply.statusCode < 300 ? declaredSchema(request, reply.statusCode) : undefined;
    if (schema === undefined) return payload;
    let checker = checkers.get(schema);
    if (checker === undefined) {
      checker = Compile(schema as never);
      checkers.set(schema, checker);
    }
    if (!checker.Check(payload)) {
      const issue = [...checker.Errors(payload)][0];
      fail(request, `breaks its schema at ${issue?.instancePath || '/'}: ${issue?.message ?? 'invalid'}`);
    }
    expected.set(request, JSON.stringify(payload));
    return payload;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const text = expected.get(request);
    if (text === undefined || typeof payload !== 'string') return payload;
    expected.delete(request);
    const want: unknown = JSON.parse(text);
    const sent: unknown = JSON.parse(payload);
    if (!isDeepStrictEqual(want, sent)) fail(request, `serialised differently at ${firstDifference(want, sent)}`);
    return payload;
  });
}
