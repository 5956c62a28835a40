import { CredoError, closestNames, didYouMean } from '../errors/index.js';
import { isCalendarDate } from '../frame/index.js';
import type { Command, FlagSpec, FlagSpecs, FlagValues } from './command.js';

/** Result of parsing a command's arguments: typed flags, positionals, and the global switches. */
export interface ParsedArgs {
  readonly flags: FlagValues<FlagSpecs>;
  readonly positionals: string[];
  readonly json: boolean;
  readonly help: boolean;
}

/**
 * Parses `argv` (the words after the command name) against the command's flag schema.
 * Accepts `--name value`, `--name=value`, repeated list flags, `--json` and `--help` everywhere.
 * Every problem throws a CredoError naming the flag and what is wrong.
 */
export function parseArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const raw = new Map<string, string[]>();
  const positionals: string[] = [];
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '--') {
      if (word === '-h') help = true;
      else positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
    if (name === 'json' && eq < 0) {
      json = true;
      continue;
    }
    if (name === 'help' && eq < 0) {
      help = true;
      continue;
    }
    const spec = command.flags[name];
    if (spec === undefined) throw unknownFlag(command, name);
    let value: string;
    if (spec.type === 'boolean') {
      if (eq >= 0) {
        const text = word.slice(eq + 1);
        if (text !== 'true' && text !== 'false') throw invalid(name, 'expected true or false', text);
        value = text;
      } else value = 'true';
    } else if (eq >= 0) value = word.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw invalid(name, 'needs a value', '');
      value = next;
      i++;
    }
    const list = raw.get(name) ?? [];
    if (list.length > 0 && spec.type !== 'list' && spec.type !== 'repeat') throw invalid(name, 'given more than once', value);
    list.push(value);
    raw.set(name, list);
  }
  const flags: Record<string, unknown> = {};
  if (!help) {
    for (const [name, spec] of Object.entries(command.flags)) flags[name] = convert(name, spec, raw.get(name));
    checkPositionals(command, positionals);
  }
  return { flags: flags as FlagValues<FlagSpecs>, positionals, json, help };
}

function convert(name: string, spec: FlagSpec, values: string[] | undefined): unknown {
  if (values === undefined) {
    if (spec.type === 'boolean') return false;
    if (spec.type === 'repeat') return [];
    if (spec.type === 'list') return spec.default === undefined ? [] : [...spec.default];
    if (spec.default !== undefined) return spec.default;
    if (spec.required === true) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: name });
    return undefined;
  }
  const last = values[values.length - 1] as string;
  switch (spec.type) {
    case 'boolean':
      return last === 'true';
    case 'string':
      if (last === '') throw invalid(name, 'must not be empty', last);
      return last;
    case 'date':
      if (!isCalendarDate(last)) throw invalid(name, 'must be a calendar date YYYY-MM-DD', last);
      return last;
    case 'repeat':
      return values;
    case 'list': {
      const items = values.flatMap((v) => v.split(',')).map((s) => s.trim());
      if (items.some((s) => s === '')) throw invalid(name, 'has an empty item in its comma-separated list', values.join(','));
      return items;
    }
    case 'enum':
      if (!spec.choices.includes(last)) throw invalid(name, `must be one of ${spec.choices.join(', ')}`, last);
      return last;
    case 'int':
    case 'number': {
      const percent = spec.type === 'number' && spec.rate === true && last.trim().endsWith('%');
      const text = percent ? last.trim().slice(0, -1) : last;
      const n = text.trim() === '' ? Number.NaN : Number(text) / (percent ? 100 : 1);
      if (!Number.isFinite(n)) throw invalid(name, 'must be a number', last);
      if (spec.type === 'int' && !Number.isInteger(n)) throw invalid(name, 'must be a whole number', last);
      if (spec.type === 'number' && spec.rate === true && !percent && Math.abs(n) > 1) {
        const pct = `${+(n * 100).toPrecision(12)}%`;
        throw invalid(
          name,
          `is a decimal rate, so ${last} would mean ${pct}; write ${+(n / 100).toPrecision(12)} or ${last}% for ${last}%, or ${pct} if you mean ${pct}`,
          last,
        );
      }
      if (spec.min !== undefined && n < spec.min) throw invalid(name, `must be at least ${spec.min}`, last);
      if (spec.max !== undefined && n > spec.max) throw invalid(name, `must be at most ${spec.max}`, last);
      return n;
    }
  }
}

function checkPositionals(command: Command, positionals: string[]): void {
  const specs = command.positionals ?? [];
  if (positionals.length > specs.length) {
    const extra = positionals[specs.length] as string;
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: extra, problem: `unexpected argument for "${command.name}"` });
  }
  for (const [i, spec] of specs.entries()) {
    const value = positionals[i];
    if (value === undefined) {
      if (spec.required === true) throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: spec.name, problem: 'is required' });
      continue;
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: spec.name, problem: `must be one of ${spec.choices.join(', ')} (got "${value}")` });
    }
  }
}

function invalid(flag: string, problem: string, value: string): CredoError {
  return new CredoError('E_INPUT_FLAG_INVALID', { flag, problem, value });
}

/** `E_INPUT_FLAG_UNKNOWN` with the closest flag names of the command as a hint (`did you mean --model?`). */
function unknownFlag(command: Command, name: string): CredoError {
  const known = [...Object.keys(command.flags), 'json', 'help'];
  const hint = didYouMean(name, known, (s) => `--${s}`) ?? `see "credo ${command.name} --help"`;
  return new CredoError('E_INPUT_FLAG_UNKNOWN', { flag: name, command: command.name, hint, closest: closestNames(name, known) });
}
