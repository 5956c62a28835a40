import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder with package.json above this compiled file), whatever the build folder. */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test folder');
    dir = parent;
  }
  return dir;
})();

/** test/fixtures/strategy/ with a trailing slash. */
export const strategyFixtures = `${join(repoRoot, 'test', 'fixtures', 'strategy')}/`;

/** A shipped example strategy file's path. */
export function exampleStrategy(name: string): string {
  return join(repoRoot, 'examples', 'strategies', name);
}
