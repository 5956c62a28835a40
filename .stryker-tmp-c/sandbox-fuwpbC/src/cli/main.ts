#!/usr/bin/env node
// @ts-nocheck
import { setFlagsFromString } from 'node:v8';
import type { Command } from './command.js';
import { commandNameOf, loadCommand } from './commands/command-modules.js';
import { runCli } from './run-cli.js';

// Node 20 can deadlock at exit while background TurboFan jobs for WebAssembly (HiGHS) are pending
// (nodejs/node#54918, fixed upstream in 2026; Node 20, out of support, keeps it): keep WebAssembly on
// the baseline tier there. No module compiles WebAssembly while loading, so the flag comes first.
if (Number(process.versions.node.split('.')[0]) < 22) setFlagsFromString('--no-wasm-tier-up');

// A closed pipe (`credo … | head`) is not an error: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * The commands this run needs: only the named command's module when argv names one (start-up
 * then loads that command's dependencies alone), every command for help, `--version` and typos.
 */
async function commandsFor(argv: readonly string[]): Promise<readonly Command[]> {
  const name = commandNameOf(argv);
  if (name !== undefined) return [await loadCommand(name)];
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return [];
  return (await import('./commands/index.js')).commands;
}

/** The `credo` executable: runs one command and exits with its code. */
const argv = process.argv.slice(2);
const code = await runCli(await commandsFor(argv), argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
  debug: process.env.CREDO_DEBUG === '1',
});
process.exitCode = code;
