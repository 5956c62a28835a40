// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMAND_MODULES, commandNameOf, loadCommand } from './command-modules.js';
import { commands } from './index.js';

test('the lazy command table names every command of the list, in its order, and each module exports that command', async () => {
  assert.deepEqual(
    Object.keys(COMMAND_MODULES),
    commands.map((c) => c.name),
  );
  for (const command of commands) assert.equal(await loadCommand(command.name), command, command.name);
});

test('commandNameOf: the longest run of leading words that names a command', () => {
  assert.equal(commandNameOf(['simulate', '--portfolio', 'p.csv']), 'simulate');
  assert.equal(commandNameOf(['data', 'profile', '--data', 'x.csv']), 'data profile');
  assert.equal(commandNameOf(['sql', 'roll-rates', '--help']), 'sql roll-rates');
  assert.equal(commandNameOf(['data']), undefined);
  assert.equal(commandNameOf(['--version']), undefined);
  assert.equal(commandNameOf(['trian', '--data', 'x']), undefined);
});
