// @ts-nocheck
// 
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this compiled file holding package.json, so
 * tests find sources, docs and fixtures from `dist/` and from any private build folder.
 */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test folder');
    dir = parent;
  }
  return dir;
})();

/** A path under the repository root, e.g. `repoPath('test', 'fixtures', 'xgboost')`. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
