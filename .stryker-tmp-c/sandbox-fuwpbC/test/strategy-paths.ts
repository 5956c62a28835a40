// @ts-nocheck
import { join } from 'node:path';
import { repoRoot } from './repo-root.js';

/** test/fixtures/strategy/ with a trailing slash. */
export const strategyFixtures = `${join(repoRoot, 'test', 'fixtures', 'strategy')}/`;

/** A shipped example strategy file's path. */
export function exampleStrategy(name: string): string {
  return join(repoRoot, 'examples', 'strategies', name);
}
