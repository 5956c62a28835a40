import type { Command } from '../command.js';

/**
 * Every CLI command, in the order `credo --help` lists them. One file per command (or per
 * command group) in this folder; add a line here to register one.
 */
export const commands: readonly Command[] = [];
