// @ts-nocheck
import type { Command } from '../command.js';

/**
 * The module of every CLI command, by command name (the order of `commands` in `index.ts`): the
 * executable imports only the module of the command it runs, not all of them (loading every
 * command's dependencies — the server, the store, the solvers — took most of a short command's
 * time). `index.ts` stays the list `--help` shows; a test keeps the two in agreement.
 */
export const COMMAND_MODULES: Readonly<Record<string, string>> = {
  demo: './demo.js',
  'data synth': './data-synth.js',
  'data load': './data-load.js',
  'data profile': './data-profile.js',
  'data split': './data-split.js',
  train: './train.js',
  evaluate: './evaluate.js',
  score: './score.js',
  import: './import.js',
  compare: './compare.js',
  tune: './tune.js',
  'binning fit': './binning-fit.js',
  'binning apply': './binning-apply.js',
  'binning psi': './binning-psi.js',
  'scorecard table': './scorecard-table.js',
  'features select': './features-select.js',
  explain: './explain.js',
  importance: './importance.js',
  'reasons check': './reasons-check.js',
  'report model': './report-model.js',
  'finance schedule': './finance-schedule.js',
  'finance capital': './finance-capital.js',
  'finance raroc': './finance-raroc.js',
  'finance ecl': './finance-ecl.js',
  'finance classify': './finance-classify.js',
  'portfolio metrics': './portfolio-metrics.js',
  'portfolio vintage': './portfolio-vintage.js',
  'portfolio roll-rates': './portfolio-roll-rates.js',
  'rules check': './rules-check.js',
  'rules lift': './rules-lift.js',
  swapset: './swapset.js',
  decide: './decide.js',
  simulate: './simulate.js',
  'optimise cutoffs': './optimise.js',
  'optimise limits': './optimise.js',
  'optimise mix': './optimise.js',
  backtest: './backtest.js',
  'sql model': './sql-model.js',
  'sql rules': './sql-rules.js',
  'sql lift': './sql-analyses.js',
  'sql swapset': './sql-analyses.js',
  'sql vintage': './sql-analyses.js',
  'sql roll-rates': './sql-analyses.js',
  serve: './serve.js',
  start: './start.js',
  'db migrate': './db-migrate.js',
  'users add': './users-add.js',
  'audit verify': './audit-verify.js',
  close: './close.js',
  'limits review': './limits-review.js',
  errors: './errors.js',
};

/**
 * The name of the command `argv` starts with (its longest run of leading words that names one), or
 * undefined: help, `--version`, a typo.
 */
export function commandNameOf(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    if (Object.hasOwn(COMMAND_MODULES, name)) return name;
  }
  return undefined;
}

/** Imports the module of command `name` (a key of `COMMAND_MODULES`) and returns that command. */
export async function loadCommand(name: string): Promise<Command> {
  const module = (await import(COMMAND_MODULES[name] as string)) as Record<string, unknown>;
  const command = Object.values(module).find((value): value is Command => isCommand(value) && value.name === name);
  if (command === undefined) throw new Error(`${COMMAND_MODULES[name]} exports no command "${name}"`);
  return command;
}

function isCommand(value: unknown): value is Command {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { run?: unknown }).run === 'function'
  );
}
