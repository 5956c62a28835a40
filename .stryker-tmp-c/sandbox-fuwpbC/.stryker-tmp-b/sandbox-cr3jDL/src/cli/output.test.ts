// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandContext } from './command.js';
import { formatCell, formatCount, formatPoints, formatPValue, formatSeconds, formatSignificant, formatTable, startProgress, toJson } from './output.js';

function context(interactive: boolean, json = false): { context: CommandContext; err: () => string } {
  let err = '';
  return { context: { stdout: () => {}, stderr: (t) => (err += t), json, interactive, cwd: '/' }, err: () => err };
}

test('progress on a terminal: a bar with count and time left, cleared at the end (also with --json)', () => {
  let t = 0;
  const tty = context(true, true);
  const bar = startProgress(tty.context, 'training', 4, { now: () => t });
  t = 1000;
  bar.tick(1);
  t = 4000;
  bar.tick(4);
  bar.done();
  assert.match(tty.err(), /^\rtraining \[#####\.{15}\] 25% 1\/4 ETA 3 s/);
  assert.match(tty.err(), /\rtraining \[#{20}\] 100% 4\/4 ETA 0 s/);
  assert.match(tty.err(), /\r {48}\r$/);
});

test('progress without a terminal: periodic plain lines after a quiet start; none with --json', () => {
  let t = 0;
  const pipe = context(false);
  const progress = startProgress(pipe.context, 'tuning', 1000, { now: () => t, firstLineAfter: 2000, every: 10_000 });
  t = 1000;
  progress.tick(100); // before firstLineAfter: quiet
  t = 3000;
  progress.tick(300);
  t = 9000;
  progress.tick(500); // within `every` of the last line: quiet
  t = 14_000;
  progress.tick(700);
  t = 20_000;
  progress.done();
  assert.equal(
    pipe.err(),
    'tuning: 30% (300 of 1,000), 3 s elapsed, about 7 s left\ntuning: 70% (700 of 1,000), 14 s elapsed, about 6 s left\ntuning: done in 20 s\n',
  );
  const quick = context(false);
  const fast = startProgress(quick.context, 'tuning', 10, { now: () => 0 });
  fast.tick(10);
  fast.done();
  assert.equal(quick.err(), '');
  const json = context(false, true);
  const silent = startProgress(json.context, 'tuning', 10, { now: () => t });
  t = 100_000;
  silent.tick(5);
  silent.done();
  assert.equal(json.err(), '');
});

test('counts get thousands separators; durations read as seconds or minutes', () => {
  assert.deepEqual(
    [formatCount(0), formatCount(999), formatCount(1000), formatCount(-2522012656), formatCount(1234.5)],
    ['0', '999', '1,000', '-2,522,012,656', '1,234.5'],
  );
  assert.deepEqual([formatSeconds(0.4), formatSeconds(59.6), formatSeconds(185)], ['0 s', '1 min 00 s', '3 min 05 s']);
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

test('p-values, percentage points and significant figures', () => {
  assert.deepEqual([formatPValue(0.04321), formatPValue(0.0001), formatPValue(0.00009999), formatPValue(0)], ['0.0432', '0.0001', '<0.0001', '<0.0001']);
  assert.deepEqual(
    [formatPoints(0.0125), formatPoints(-0.004), formatPoints(0), formatPoints(0.0572 - 0.0424)],
    ['+1.25 pp', '-0.40 pp', '0.00 pp', '+1.48 pp'],
  );
  assert.deepEqual(
    [formatSignificant(0.000123456), formatSignificant(-12.3456), formatSignificant(1234567), formatSignificant(3), formatSignificant(0)],
    ['0.0001235', '-12.35', '1.235e+6', '3', '0'],
  );
  assert.deepEqual([formatCell(2522012656), formatCell(-1234.5, 2), formatCell(999), formatCell(0.12345)], ['2,522,012,656', '-1,234.50', '999', '0.1235']);
});
