import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CredoError, isCredoError } from '../../errors/index.js';
import { type Problem, type ProblemField, toProblem } from '../problem.js';

/** A Fastify schema-validation issue (TypeBox's and Ajv's share these members). */
interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
  readonly keyword?: string;
  readonly params?: Record<string, unknown>;
}

/** JSON pointer of the field an issue names, under its request part (`/body/data/income`). */
function issueField(part: string, issue: ValidationIssue): string {
  const base = `/${part}${issue.instancePath ?? ''}`;
  const params = issue.params ?? {};
  const named = params.missingProperty ?? params.additionalProperty ?? firstOf(params.requiredProperties) ?? firstOf(params.additionalProperties);
  return typeof named === 'string' ? `${base}/${named}` : base;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/**
 * A union of literals (`Type.Union([Type.Literal('a'), …])`) fails as one `const` issue per literal plus
 * an `anyOf` issue, all at one path; a client needs one line naming the allowed values.
 */
function collapseChoices(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const allowed = new Map<string, unknown[]>();
  for (const issue of issues) {
    if (issue.keyword !== 'const') continue;
    const path = issue.instancePath ?? '';
    allowed.set(path, [...(allowed.get(path) ?? []), issue.params?.allowedValue]);
  }
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const values = allowed.get(issue.instancePath ?? '');
    if (values === undefined || (issue.keyword !== 'const' && issue.keyword !== 'anyOf')) out.push(issue);
    else if (issue.keyword === 'anyOf') out.push({ ...issue, message: `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
  }
  return out;
}

/** Maps Fastify's own errors (validation, content-type parsing, body size) to catalogue errors. */
export function fromFastifyError(error: FastifyError & { validation?: ValidationIssue[]; validationContext?: string }, bodyLimit: number): unknown {
  if (isCredoError(error)) return error;
  if (Array.isArray(error.validation)) {
    const part = error.validationContext ?? 'body';
    const errors: ProblemField[] = collapseChoices(error.validation).map((issue) => ({ field: issueField(part, issue), message: issue.message ?? 'invalid' }));
    const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return new CredoError('E_HTTP_VALIDATION', { part, summary, errors });
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new CredoError('E_HTTP_BODY_TOO_LARGE', { limit: bodyLimit });
  if (status === 415) return new CredoError('E_HTTP_MEDIA_TYPE', { contentType: String(error.message.match(/'([^']*)'/)?.[1] ?? 'unknown') });
  if (status >= 400 && status < 500) {
    const code = String(error.code ?? '');
    if (code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) return new CredoError('E_HTTP_MALFORMED_BODY', { problem: error.message });
    return new CredoError('E_HTTP_BAD_REQUEST', { problem: error.message });
  }
  return error;
}

/** Turns a route pattern (`/api/v1/customers/:id`) into a regular expression over concrete paths. */
function patternRegex(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Error plugin: every error leaves as RFC 9457 `application/problem+json` (see problem.ts);
 * unknown routes get 404 and known paths with another method 405 with an `Allow` header.
 * 5xx details go to the log only.
 */
export function installErrorHandling(app: FastifyInstance): void {
  const send = (reply: FastifyReply, body: Problem) => reply.code(body.status).type('application/problem+json').send(body);
  const routes: { method: string; regex: RegExp; params: number }[] = [];
  app.addHook('onRoute', (route) => {
    const params = route.url.split('/').filter((part) => part.startsWith(':')).length;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) routes.push({ method, regex: patternRegex(route.url), params });
  });

  // A path that is exactly a static route (`/api/v1/applications/bulk`) but reached a parametric one
  // with another method (`GET /api/v1/applications/:id`) is the static resource: 405, not a bad id.
  app.addHook('onRequest', async (request, reply) => {
    const pattern = request.routeOptions.url;
    if (pattern === undefined || !pattern.includes(':')) return;
    const path = (request.url.split('?')[0] ?? '').replace(/\/$/, '');
    if (routes.some((r) => r.params === 0 && r.regex.test(path))) return noRoute(request, reply);
  });

  /** 405 with the methods of the most specific patterns matching the path (static before parametric, as the router), else 404. */
  const noRoute = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const matching = routes.filter((r) => r.regex.test(path));
    const fewest = Math.min(...matching.map((r) => r.params));
    const allow = [...new Set(matching.filter((r) => r.params === fewest).map((r) => r.method))];
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      const error = new CredoError('E_HTTP_METHOD_NOT_ALLOWED', { method: request.method, url: path, allow: allow.join(', ') });
      return send(reply, toProblem(error, request.id));
    }
    return send(reply, toProblem(new CredoError('E_HTTP_NOT_FOUND', { method: request.method, url: path }), request.id));
  };

  app.setErrorHandler((error, request, reply) => {
    // A body-parsing error on a request no route matched (e.g. a QUERY without content-type): the route answer comes first.
    if (request.routeOptions.url === undefined && (error as FastifyError).statusCode !== undefined && ((error as FastifyError).statusCode as number) < 500) {
      return noRoute(request, reply);
    }
    const bodyLimit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
    const body = toProblem(fromFastifyError(error as FastifyError, bodyLimit), request.id);
    if (body.status >= 500) request.log.error({ err: error }, 'internal error');
    if (body.status === 401) reply.header('www-authenticate', 'Bearer');
    return send(reply, body);
  });

  app.setNotFoundHandler(noRoute);
}
