/**
 * The CLI's command contract: every command declares its flags (the input schema) and a `run`
 * that receives typed, validated values. Parsing and validation live in `args.ts`.
 */

interface FlagBase {
  /** One line for `--help`. */
  readonly description: string;
  /** When true the flag must be given (ignored when a default exists). */
  readonly required?: boolean;
}
/** A free string, e.g. a file path. */
export interface StringFlag extends FlagBase {
  readonly type: 'string';
  readonly default?: string;
}
/** An integer with optional bounds (inclusive). */
export interface IntFlag extends FlagBase {
  readonly type: 'int';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
}
/** A finite number with optional bounds (inclusive). */
export interface NumberFlag extends FlagBase {
  readonly type: 'number';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /**
   * A rate written as a decimal (0.05 = 5%) or with a percent sign (`5%`). A bare number above 1
   * (`--rate 5`) is refused as a likely percentage; `500%` confirms a rate above 100%.
   */
  readonly rate?: boolean;
}
/** A calendar date `YYYY-MM-DD` (checked to exist: 2025-02-30 is refused), kept as that text. */
export interface DateFlag extends FlagBase {
  readonly type: 'date';
  readonly default?: string;
}
/** A switch: present = true. */
export interface BooleanFlag extends FlagBase {
  readonly type: 'boolean';
}
/** A comma-separated list, e.g. `--exclude a,b`. Repeating the flag appends. */
export interface ListFlag extends FlagBase {
  readonly type: 'list';
  readonly default?: readonly string[];
}
/** A repeatable flag whose values are kept whole, e.g. `--outcome a=x/y --outcome b=u/v`. */
export interface RepeatFlag extends FlagBase {
  readonly type: 'repeat';
}
/** One of a fixed set of words. */
export interface EnumFlag<C extends string = string> extends FlagBase {
  readonly type: 'enum';
  readonly choices: readonly C[];
  readonly default?: C;
}

/** Any flag specification. */
export type FlagSpec = StringFlag | DateFlag | IntFlag | NumberFlag | BooleanFlag | ListFlag | RepeatFlag | EnumFlag;

/** A command's flags, keyed by the flag's name as typed (kebab-case, without `--`). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type FlagValue<S extends FlagSpec> = S extends StringFlag | DateFlag
  ? string
  : S extends IntFlag | NumberFlag
    ? number
    : S extends BooleanFlag
      ? boolean
      : S extends ListFlag | RepeatFlag
        ? string[]
        : S extends EnumFlag<infer C>
          ? C
          : never;

type IsPresent<S extends FlagSpec> = S extends BooleanFlag | ListFlag | RepeatFlag
  ? true
  : S extends { readonly default: unknown }
    ? true
    : S extends { readonly required: true }
      ? true
      : false;

/** The typed values a command's `run` receives. */
export type FlagValues<F extends FlagSpecs> = {
  -readonly [K in keyof F]: IsPresent<F[K]> extends true ? FlagValue<F[K]> : FlagValue<F[K]> | undefined;
};

/** A positional argument (after the command words), e.g. the file of `credo import`. */
export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  /** When set, the value must be one of these. */
  readonly choices?: readonly string[];
}

/** What a command can use to talk to the outside: the only I/O it gets from the CLI. */
export interface CommandContext {
  /** Write to standard output (a string, no newline added). */
  readonly stdout: (text: string) => void;
  /** Write to standard error (a string, no newline added). */
  readonly stderr: (text: string) => void;
  /** True when `--json` was given: print exactly one JSON object on stdout. */
  readonly json: boolean;
  /** True when stderr is a terminal (progress bars allowed). */
  readonly interactive: boolean;
  /** Current working directory for resolving relative paths. */
  readonly cwd: string;
}

/** A CLI command: its words, help, flag schema and handler. */
export interface Command<F extends FlagSpecs = FlagSpecs> {
  /** The command words, e.g. `data synth`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Longer help: usage notes and examples. */
  readonly details?: string;
  readonly flags: F;
  readonly positionals?: readonly PositionalSpec[];
  /** Runs the command; the return value is the exit code (default 0). */
  readonly run: (args: FlagValues<F>, positionals: string[], context: CommandContext) => Promise<number | undefined> | number | undefined;
}

/** Declares a command with its flag types inferred (use this rather than a bare object). */
export function defineCommand<const F extends FlagSpecs>(command: Command<F>): Command {
  return command as unknown as Command;
}
