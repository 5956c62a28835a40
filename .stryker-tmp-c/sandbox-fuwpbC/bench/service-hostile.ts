// @ts-nocheck
import { request as httpRequest } from 'node:http';
import { Rng } from '../src/random/index.js';

/** One hostile request: method, path, headers and raw body bytes. */
interface Hostile {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

const ID = '00000000-0000-4000-8000-000000000000';
/** Paths with the methods their routes take (a hostile request uses one of them 4 times in 5). */
const PATHS: readonly (readonly [string, readonly string[]])[] = [
  ['/api/v1/applications', ['POST', 'GET']],
  ['/api/v1/applications/bulk', ['POST']],
  [`/api/v1/applications/${ID}`, ['GET']],
  [`/api/v1/applications/${ID}/override`, ['POST']],
  ['/api/v1/customers', ['POST', 'GET']],
  [`/api/v1/customers/${ID}`, ['GET']],
  ['/api/v1/models', ['POST', 'GET']],
  [`/api/v1/models/${ID}/promote`, ['POST']],
  ['/api/v1/policies', ['POST', 'GET']],
  [`/api/v1/policies/${ID}/activate`, ['POST']],
  ['/api/v1/users', ['POST']],
  [`/api/v1/decisions/${ID}`, ['GET']],
  [`/api/v1/decisions/${ID}/replay`, ['GET']],
  ['/api/v1/audit', ['GET']],
  ['/api/v1/applications/%00', ['GET']],
  ["/api/v1/customers/1'%20OR%20'1'='1", ['GET']],
  ['/api/v1/../../etc/passwd', ['GET']],
  [`/api/v1/applications/${'a'.repeat(5000)}`, ['GET']],
];
const STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE applications; --",
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '\u0000',
  '\ud800',
  '😀'.repeat(300),
  '<script>alert(1)</script>',
  ['$', '{jndi:ldap://x}'].join(''),
  '{{7*7}}',
  '',
  ' ',
  'a'.repeat(10_000),
];
const NUMBERS = [0, -1, -1e308, 1e308, 2 ** 53 + 1, 0.1, -0, 1e-320, 1.2345678901234568e29];
const TYPES = [
  'application/json',
  'application/yaml',
  'text/csv',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
];

/**
 * A seeded stream of malformed and hostile requests: wrong types, missing and extra fields (decision
 * fields such as pd/status/limit among them), huge and negative numbers, NaN/Infinity strings,
 * unicode, SQL and template metacharacters, broken JSON/YAML/CSV, oversized bodies, bad or missing
 * keys, wrong content types and methods. None of them is a valid request, so none may write a row.
 */
export function* hostileStream(seed: number, keys: Record<string, string>): Generator<Hostile> {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.nextInt(xs.length)] as T;
  const value = (): unknown => {
    switch (rng.nextInt(6)) {
      case 0:
        return pick(STRINGS);
      case 1:
        return pick(NUMBERS);
      case 2:
        return null;
      case 3:
        return [pick(STRINGS), pick(NUMBERS)];
      case 4:
        return { $gt: '', __proto__: { admin: true }, constructor: { prototype: { x: 1 } } };
      default:
        return rng.nextDouble() < 0.5;
    }
  };
  const bodies: (() => string | Buffer)[] = [
    () => JSON.stringify({ data: { bureau_score: value(), dti: value() }, pd: 0.001, status: 'approve', limit: 1e9 }),
    () => JSON.stringify({ data: value() }),
    () => JSON.stringify({ external_id: value(), customer_id: pick(STRINGS), data: {} }),
    () => JSON.stringify({ full_name: value(), national_id: pick(STRINGS), kyc_status: 'verified' }),
    () => JSON.stringify({ name: value(), role: pick(['superuser', 'ADMIN', '', 'admin ']) }),
    () => JSON.stringify({ role: pick(['king', 'champion ', '']), share: pick(NUMBERS) }),
    () => JSON.stringify({ format: 'credo-model', format_version: 1, kind: 'gbdt', sha256: '0'.repeat(64), body: value() }),
    () => JSON.stringify({ action: pick(['approve!', 'APPROVE', '']), reason: value() }),
    () => '{"data": {"a": 1',
    () => '[1,2,3',
    () => 'null',
    () => '"just a string"',
    () => '{"__proto__": {"isAdmin": true}, "data": {}}',
    () => 'name: x\nrules: [[[\n',
    () => 'name: !!js/function "function(){}"\nrules: []\n',
    () => 'a,b\n"unterminated,1\n',
    () => Buffer.alloc(2 * 1024 * 1024 + rng.nextInt(1000), 0x41),
    () => Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xdc]),
    () => JSON.stringify({ data: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, i])) }),
  ];
  const auth = (): Record<string, string> => {
    switch (rng.nextInt(10)) {
      case 0:
        return {};
      case 1:
        return { authorization: 'Bearer credo_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
      case 2:
        return { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
      case 3:
        return {
          authorization: `Bearer ${pick(STRINGS)
            .replace(/[^\x21-\x7e]/g, 'x')
            .slice(0, 100)}`,
        };
      default:
        return { authorization: `Bearer ${keys.admin}` };
    }
  };
  for (;;) {
    const type = pick(TYPES);
    const [path, methods] = pick(PATHS);
    yield {
      method: rng.nextInt(5) === 0 ? pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) : pick(methods),
      path: `${path}${pick(['', '?limit=-1', '?limit=NaN', '?offset=1e400', "?search='%20OR%201=1", '?action=approve%00', '?limit=99999999999999999999'])}`,
      headers: {
        ...auth(),
        ...(type === '' ? {} : { 'content-type': type }),
        ...(rng.nextInt(8) === 0
          ? {
              'idempotency-key':
                pick(STRINGS)
                  .replace(/[^\x21-\x7e]/g, '')
                  .slice(0, 300) || 'x',
            }
          : {}),
      },
      body: (pick(bodies) as () => string | Buffer)(),
    };
  }
}

/** Sends `count` hostile requests with `concurrency` in flight; counts statuses and keeps a few 5xx examples. */
export async function hostileRequests(
  baseUrl: string,
  keys: Record<string, string>,
  count: number,
  concurrency: number,
): Promise<{ sent: number; statuses: Record<string, number>; serverErrors: number; examples: string[] }> {
  const url = new URL(baseUrl);
  const stream = hostileStream(14, keys);
  const statuses: Record<string, number> = {};
  const examples: string[] = [];
  let sent = 0;
  let serverErrors = 0;
  const one = (h: Hostile) =>
    new Promise<number>((resolve) => {
      const body = h.body === undefined ? undefined : Buffer.from(h.body);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: h.method,
          path: h.path,
          headers: { ...h.headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 500 && examples.length < 5) examples.push(`${h.method} ${h.path.slice(0, 80)} → ${status} ${text.slice(0, 200)}`);
            resolve(status);
          });
        },
      );
      req.on('error', () => resolve(0));
      if (body !== undefined) req.write(body);
      req.end();
    });
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const status = await one(stream.next().value as Hostile);
      const bucket = status === 0 ? 'connection_error' : String(status);
      statuses[bucket] = (statuses[bucket] ?? 0) + 1;
      if (status >= 500) serverErrors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent, statuses, serverErrors, examples };
}
