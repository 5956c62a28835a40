import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandContext } from './command.js';
import { formatTable, startProgress, toJson } from './output.js';

function context(interactive: boolean, json = false): { context: CommandContext; err: () => string } {
  let err = '';
  return { context: { stdout: () => {}, stderr: (t) => (err += t), json, interactive, cwd: '/' }, err: () => err };
}

test('progress bars draw on an interactive stderr only, and never with --json', () => {
  const tty = context(true);
  const bar = startProgress(tty.context, 'training', 4);
  for (let done = 1; done <= 4; done++) bar.tick(done);
  bar.done();
  assert.match(tty.err(), /\rtraining \[#####\.{15}\] 25%/);
  assert.match(tty.err(), /\rtraining \[#{20}\] 100%/);
  assert.match(tty.err(), /\r {38}\r$/);
  for (const quiet of [context(false), context(true, true)]) {
    const silent = startProgress(quiet.context, 'training', 4);
    silent.tick(2);
    silent.done();
    assert.equal(quiet.err(), '');
  }
});

test('tables align numbers right and text left; JSON has no NaN', () => {
  assert.equal(
    formatTable(
      ['name', 'n'],
      [
        ['a', 1.5],
        ['bb', 10],
      ],
      { digits: 1 },
    ),
    'name    n\n----  ---\na     1.5\nbb     10\n',
  );
  assert.equal(toJson({ x: Number.NaN, y: Float64Array.from([1, 2]) }), '{"x":null,"y":[1,2]}');
});
