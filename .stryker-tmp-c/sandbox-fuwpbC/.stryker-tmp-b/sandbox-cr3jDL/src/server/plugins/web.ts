// @ts-nocheck
// 
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';

/** Client-side routes of the dashboard: each answers with index.html so a direct load works. */
export const WEB_PAGES = ['/', '/loans', '/portfolio', '/models', '/strategy', '/simulate'] as const;

/** The dashboard's own CSP: its bundled scripts and styles (Plot's SVG carries inline styles), API calls to this origin only. */
const WEB_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** dist/web next to dist/src (this file is dist/src/server/plugins/web.js once compiled). */
export function defaultWebRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web');
}

/**
 * Serves the dashboard (web/, built by Vite into dist/web): hashed files under `/assets/` cached
 * for a year as immutable, `index.html` uncached and answered for every page of `WEB_PAGES`
 * (client-side routing). Registered after the security headers so its CSP and cache headers
 * replace the API's on these paths only. Without a build, the pages say how to make one.
 */
export async function installWeb(app: FastifyInstance, root = defaultWebRoot()): Promise<void> {
  await app.register(fastifyStatic, { root, serve: false });
  const built = existsSync(join(root, 'index.html'));
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!built) return reply.code(503).type('text/plain').send('dashboard not built: run `npm run build`\n');
    return reply.sendFile('index.html', root);
  };
  for (const url of WEB_PAGES) app.get(url, { config: { access: 'public' }, schema: { hide: true } }, page);
  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    // send() refuses paths leaving the root; a name that is not there is a plain 404.
    if (!existsSync(join(root, 'assets', file))) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'asset', id: file });
    return reply.sendFile(join('assets', file), root);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    const asset = path.startsWith('/assets/');
    if (!asset && !(WEB_PAGES as readonly string[]).includes(path.replace(/\/$/, '') || '/')) return payload;
    reply.header('content-security-policy', WEB_CSP);
    reply.header('cache-control', asset && reply.statusCode === 200 ? 'public, max-age=31536000, immutable' : 'no-cache');
    return payload;
  });
}
