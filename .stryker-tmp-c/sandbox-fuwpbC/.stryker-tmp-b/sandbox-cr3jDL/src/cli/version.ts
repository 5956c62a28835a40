// @ts-nocheck
// 
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package version from the nearest package.json above this compiled file (dist/src/cli/ in a
 * build, the same file an installed package ships), so `credo --version` never drifts from the
 * released version. Read once, lazily.
 */
export function packageVersion(): string {
  if (cached === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (parsed.name === 'credo' && typeof parsed.version === 'string') {
          cached = parsed.version;
          break;
        }
      }
      const parent = dirname(dir);
      if (parent === dir) throw new Error('the package.json of credo was not found above the CLI');
      dir = parent;
    }
  }
  return cached;
}

let cached: string | undefined;
