import type { Command, FlagSpec } from './command.js';

/** The top-level help: every command with its summary. */
export function formatCommandList(commands: readonly Command[], prefix = ''): string {
  const shown = commands.filter((c) => c.name.startsWith(prefix));
  const width = Math.max(...shown.map((c) => c.name.length));
  const lines = shown.map((c) => `  credo ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: credo <command> [flags]   (add --help to any command)\n\nCommands:\n${lines.join('\n')}\n\nGlobal flags: --json (one JSON object on stdout; errors as one JSON object on stderr), --help; credo --version (or -v) prints the version\nExit codes: 0 success, 1 internal error, 2 bad input.\n`;
}

/** Help for one command: usage, positionals, flags with types and defaults. */
export function formatCommandHelp(command: Command): string {
  const positionals = (command.positionals ?? []).map((p) => (p.required === true ? ` <${p.name}>` : ` [${p.name}]`)).join('');
  const lines = [`Usage: credo ${command.name}${positionals} [flags]`, '', command.summary];
  if (command.details !== undefined) lines.push('', command.details.trim());
  if ((command.positionals ?? []).length > 0) {
    lines.push('', 'Arguments:');
    for (const p of command.positionals ?? []) lines.push(`  ${p.name.padEnd(22)}  ${p.description}${p.choices ? ` (${p.choices.join('|')})` : ''}`);
  }
  lines.push('', 'Flags:');
  const entries = Object.entries(command.flags);
  for (const [name, spec] of entries) lines.push(`  ${`--${name} ${placeholder(spec)}`.padEnd(24)}  ${describe(spec)}`);
  lines.push(`  ${'--json'.padEnd(24)}  print one JSON object on stdout (errors: one on stderr)`);
  lines.push(`  ${'--help'.padEnd(24)}  show this help`);
  return `${lines.join('\n')}\n`;
}

function placeholder(spec: FlagSpec): string {
  switch (spec.type) {
    case 'boolean':
      return '';
    case 'int':
      return 'N';
    case 'number':
      return 'X';
    case 'list':
      return 'A,B';
    case 'date':
      return 'YYYY-MM-DD';
    case 'enum':
      return spec.choices.join('|');
    default:
      return 'VALUE';
  }
}

function describe(spec: FlagSpec): string {
  const notes: string[] = [];
  if (spec.required === true && !('default' in spec && spec.default !== undefined)) notes.push('required');
  if ('default' in spec && spec.default !== undefined) notes.push(`default ${Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default)}`);
  if ((spec.type === 'int' || spec.type === 'number') && (spec.min !== undefined || spec.max !== undefined)) {
    notes.push(`range ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`);
  }
  if (spec.type === 'repeat') notes.push('repeatable');
  if (spec.type === 'number' && spec.rate === true) notes.push('decimal or with %, e.g. 0.05 or 5%');
  return notes.length > 0 ? `${spec.description} (${notes.join('; ')})` : spec.description;
}
