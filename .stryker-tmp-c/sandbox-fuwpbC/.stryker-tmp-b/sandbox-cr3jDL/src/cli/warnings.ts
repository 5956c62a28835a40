// @ts-nocheck
// 
import type { CommandContext } from './command.js';

/**
 * Prints warnings on stderr, one `credo: warning: …` line each, in human and `--json` mode alike
 * (a `--json` result also carries them under `warnings`, so stdout stays one JSON object).
 */
export function printWarnings(context: CommandContext, warnings: readonly string[]): void {
  for (const warning of warnings) context.stderr(`credo: warning: ${warning}\n`);
}
