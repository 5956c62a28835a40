// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredoError } from '../errors/index.js';
import { defineCommand } from './command.js';
import { runCliCaptured } from './run-cli.js';

const echo = defineCommand({
  name: 'demo echo',
  summary: 'echo flags',
  flags: {
    rows: { type: 'int', description: 'rows', min: 1, default: 10 },
    rate: { type: 'number', description: 'rate', required: true },
    mode: { type: 'enum', choices: ['a', 'b'] as const, description: 'mode', default: 'a' },
    cols: { type: 'list', description: 'columns' },
    outcome: { type: 'repeat', description: 'outcomes' },
    fast: { type: 'boolean', description: 'go fast' },
  },
  run(args, _positionals, context) {
    if (args.rate > 100) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'rate', problem: 'too big', value: args.rate });
    if (args.rate < 0) throw new Error('boom');
    context.stdout(JSON.stringify(args));
    return 0;
  },
});

async function run(argv: string[]) {
  return runCliCaptured([echo], argv, '/');
}

test('flags are parsed, typed and defaulted', async () => {
  const r = await run(['demo', 'echo', '--rate=0.5', '--cols', 'a,b', '--cols', 'c', '--outcome', 'x=a/b', '--outcome', 'y=c/d', '--fast', '--mode', 'b']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), { rows: 10, rate: 0.5, mode: 'b', cols: ['a', 'b', 'c'], outcome: ['x=a/b', 'y=c/d'], fast: true });
});

test('bad input exits 2 naming the flag, without a stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['demo', 'echo'], /flag --rate is required/],
    [['demo', 'echo', '--rate', 'abc'], /flag --rate: must be a number \(got "abc"\)/],
    [['demo', 'echo', '--rate', '1', '--rows', '0'], /flag --rows: must be at least 1/],
    [['demo', 'echo', '--rate', '1', '--rows', '2.5'], /--rows: must be a whole number/],
    [['demo', 'echo', '--rate', '1', '--mode', 'c'], /--mode: must be one of a, b/],
    [['demo', 'echo', '--rate', '1', '--nope', '1'], /unknown flag --nope/],
    [['demo', 'echo', '--rate'], /--rate: needs a value/],
    [['demo', 'echo', '--rate', '200'], /--rate: too big/],
    [['demo', 'nope'], /unknown command "demo nope"/],
    [['demo', 'echo', '--rate', '1', 'extra'], /unexpected argument/],
  ];
  for (const [argv, pattern] of cases) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, pattern);
    assert.doesNotMatch(r.err, /\n\s+at /);
  }
});

test('internal errors exit 1; help exits 0', async () => {
  const r = await run(['demo', 'echo', '--rate', '-1']);
  assert.equal(r.code, 1);
  assert.match(r.err, /internal error: boom/);
  const help = await run(['demo', 'echo', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--rows N\s+rows \(default 10; range 1\.\.∞\)/);
  const list = await run(['--help']);
  assert.match(list.out, /credo demo echo\s+echo flags/);
});

test('unknown commands and flags suggest the closest names', async () => {
  const flag = await run(['demo', 'echo', '--rate', '1', '--rwos', '3']);
  assert.equal(flag.code, 2);
  assert.equal(flag.err, 'credo: error: unknown flag --rwos for "demo echo"; did you mean --rows?\n');
  const command = await run(['demo', 'ecoh', '--rate', '1']);
  assert.equal(command.err, 'credo: error: unknown command "demo ecoh"; did you mean "credo demo echo"?\n');
  const two = await runCliCaptured([echo, defineCommand({ name: 'import', summary: 'import', flags: {}, run: () => 0 })], ['demo', 'ecoh'], '/');
  assert.equal(two.err, 'credo: error: unknown command "demo ecoh"; did you mean "credo demo echo"?\n');
  const far = await run(['frobnicate']);
  assert.equal(far.err, 'credo: error: unknown command "frobnicate"; run "credo --help" for the list of commands\n');
});

test('with --json, errors are one JSON object on stderr with the catalogue code', async () => {
  const user = await run(['demo', 'echo', '--rate', 'abc', '--json']);
  assert.equal(user.code, 2);
  assert.equal(user.out, '');
  assert.deepEqual(JSON.parse(user.err), {
    error: {
      code: 'E_INPUT_FLAG_INVALID',
      message: 'flag --rate: must be a number (got "abc")',
      details: { flag: 'rate', problem: 'must be a number', value: 'abc' },
    },
  });
  const unknown = await run(['demo', 'echo', '--json', '--rat', '1']);
  assert.equal(JSON.parse(unknown.err).error.code, 'E_INPUT_FLAG_UNKNOWN');
  assert.deepEqual(JSON.parse(unknown.err).error.details.closest, ['rate']);
  const internal = await run(['demo', 'echo', '--rate', '-1', '--json']);
  assert.equal(internal.code, 1);
  assert.deepEqual(JSON.parse(internal.err), { error: { code: 'E_INTERNAL', message: 'boom', details: {} } });
});

test('a rate flag takes decimals or percents; a bare number above 1 is refused as a likely percentage', async () => {
  const rated = defineCommand({
    name: 'rated',
    summary: 'rate',
    flags: { rate: { type: 'number', min: 0, max: 10, rate: true, required: true, description: 'annual rate' } },
    run(args, _positionals, context) {
      context.stdout(String(args.rate));
      return 0;
    },
  });
  const go = (value: string) => runCliCaptured([rated], ['rated', '--rate', value], '/');
  assert.equal((await go('0.05')).out, '0.05');
  assert.equal((await go('5%')).out, '0.05');
  assert.equal((await go('500%')).out, '5');
  const refused = await go('5');
  assert.equal(refused.code, 2);
  assert.equal(
    refused.err,
    'credo: error: flag --rate: is a decimal rate, so 5 would mean 500%; write 0.05 or 5% for 5%, or 500% if you mean 500% (got "5")\n',
  );
  assert.match((await go('1200%')).err, /--rate: must be at most 10/);
});
