import { CredoError, isCredoError } from '../errors/index.js';
import { parseArgs } from './args.js';
import type { Command, CommandContext } from './command.js';
import { formatCommandHelp, formatCommandList } from './help.js';
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
      throw new CredoError('E_INPUT_COMMAND_UNKNOWN', { command: argv.filter((a) => !a.startsWith('-')).join(' ') });
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
    if (isCredoError(error) && error.isUserError) {
      io.stderr(`credo: error: ${error.message}\n`);
      return 2;
    }
    const summary = error instanceof Error ? error.message : String(error);
    io.stderr(`credo: internal error: ${summary}\n`);
    if (io.debug === true && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
    return 1;
  }
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
