// @ts-nocheck
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoPath } from './repo-root.js';

/** The layering rule of DESIGN.md: a folder imports only from folders before it (errors from anywhere). */
const LAYERS = [
  'frame',
  'io',
  'ml',
  'explain',
  'finance',
  'synth',
  'strategy',
  'portfolio',
  'sql',
  'decision',
  'servicing',
  'store',
  'server',
  'report',
  'cli',
  'api',
];
const CORE = new Set(['frame', 'ml', 'explain', 'finance', 'synth', 'strategy', 'portfolio', 'sql', 'decision', 'servicing', 'errors', 'random']);
const NODE_ONLY = /(^|\/)(workers\/|[^/]*-node\.ts$|[^/]*\.test\.ts$)/;
const root = repoPath('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const out: string[] = [];
  // Type-only imports carry no runtime dependency (e.g. io/model-file.ts naming ml's CredoModel).
  for (const match of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    if (match[2] === undefined) out.push(match[3] as string);
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(match[1] as string);
  return out;
}

test('every import follows the layering rule', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    const rel = relative(root, file).replaceAll('\\', '/');
    const folder = rel.split('/')[0] as string;
    const rank = LAYERS.indexOf(folder);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = relative(root, join(file, '..', spec))
          .replaceAll('\\', '/')
          .split('/')[0] as string;
        if (target === folder || target === 'errors' || target === 'random') continue;
        const targetRank = LAYERS.indexOf(target);
        if (folder === 'errors' || folder === 'random' || targetRank < 0 || rank < 0 || targetRank > rank) violations.push(`${rel} imports ${spec}`);
      } else if (CORE.has(folder) && !NODE_ONLY.test(rel) && /^(node:|fs$|path$|os$|worker_threads$|pg$|fastify|@duckdb\/|@electric-sql\/)/.test(spec)) {
        violations.push(`${rel} (numeric core) imports ${spec}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the layering check itself catches a forbidden import', () => {
  assert.deepEqual(importsOf("import { x } from '../store/db.js';\nimport type { M } from '../ml/model.js';\nexport * from 'node:fs';"), [
    '../store/db.js',
    'node:fs',
  ]);
});
