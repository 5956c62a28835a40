// @ts-nocheck
import { CredoError, closestNames, editDistance, isCredoError } from '../errors/index.js';
import { parseArgs } from './args.js';
import type { Command, CommandContext } from './command.js';
import { formatCommandHelp, formatCommandList } from './help.js';
import { toJson } from './output.js';
import { packageVersion } from './version.js';

/** Where the CLI writes and what it knows about its terminal; tests pass buffers. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly interactive: boolean;
  readonly cwd: string;
  /** Print stack traces of internal errors (CREDO_DEBUG=1). */
  readonly debug?: boolean;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) against a command list and returns the
 * exit code: 0 success, 2 bad input (message only, no stack), 1 internal error.
 */
export async function runCli(commands: readonly Command[], argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    const { command, rest } = resolveCommand(commands, argv);
    if (command === undefined) {
      const prefix = rest.join(' ');
      const known = commands.some((c) => c.name.startsWith(prefix));
      if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || (known && prefix !== '')) {
        io.stdout(formatCommandList(commands, known ? prefix : ''));
        return argv.length === 0 ? 2 : 0;
      }
      throw unknownCommand(commands, rest);
    }
    const parsed = parseArgs(command, rest);
    if (parsed.help) {
      io.stdout(formatCommandHelp(command));
      return 0;
    }
    const context: CommandContext = { stdout: io.stdout, stderr: io.stderr, json: parsed.json, interactive: io.interactive, cwd: io.cwd };
    const code = await command.run(parsed.flags, parsed.positionals, context);
    return code ?? 0;
  } catch (error) {
    reportError(error, argv.includes('--json'), io);
    return isCredoError(error) && error.isUserError ? 2 : 1;
  }
}

/**
 * Writes an error on stderr: with `--json` one object `{"error": {"code", "message", "details"}}`
 * (internal errors as `E_INTERNAL` without details), otherwise `credo: error: …` for bad input and
 * `credo: internal error: …` for Credo's own faults (stack only with CREDO_DEBUG=1).
 */
function reportError(error: unknown, json: boolean, io: CliIo): void {
  const user = isCredoError(error) && error.isUserError;
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    const body = user ? { code: error.code, message, details: error.details } : { code: isCredoError(error) ? error.code : 'E_INTERNAL', message, details: {} };
    io.stderr(`${toJson({ error: body })}\n`);
  } else io.stderr(user ? `credo: error: ${message}\n` : `credo: internal error: ${message}\n`);
  if (!user && io.debug === true && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
}

/** `E_INPUT_COMMAND_UNKNOWN` with the closest command names as a hint (`did you mean "credo train"?`). */
function unknownCommand(commands: readonly Command[], words: readonly string[]): CredoError {
  const typed = words.join(' ');
  const names = commands.map((c) => c.name);
  // Compare with as many words as each command has, so `credo trian --data x` and `credo data proflie` both
  // match; keep only the nearest (`report modle` → "report model", not also "import").
  const distances = names.map((name) => {
    const typedWords = words.slice(0, name.split(' ').length).join(' ').toLowerCase();
    return closestNames(typedWords, [name]).length > 0 ? editDistance(typedWords, name) : Number.POSITIVE_INFINITY;
  });
  const best = Math.min(...distances);
  const scored = Number.isFinite(best) ? names.filter((_, k) => distances[k] === best) : [];
  const hint =
    scored.length > 0
      ? `did you mean ${scored
          .slice(0, 3)
          .map((n) => `"credo ${n}"`)
          .join(' or ')}?`
      : 'run "credo --help" for the list of commands';
  return new CredoError('E_INPUT_COMMAND_UNKNOWN', { command: typed, hint, closest: scored.slice(0, 3) });
}

/** Finds the command whose words match the longest prefix of argv. */
function resolveCommand(commands: readonly Command[], argv: readonly string[]): { command: Command | undefined; rest: string[] } {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command !== undefined) return { command, rest: argv.slice(n) };
  }
  return { command: undefined, rest: words };
}

/** What `runCliCaptured` returns: the exit code and everything written to stdout and stderr. */
export interface CapturedRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI in-process with stdout and stderr captured as strings (non-interactive): for tests
 * and for embedding Credo's commands in another Node program.
 */
export async function runCliCaptured(commands: readonly Command[], argv: readonly string[], cwd: string): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const code = await runCli(commands, argv, {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    interactive: false,
    cwd,
  });
  return { code, out, err };
}
