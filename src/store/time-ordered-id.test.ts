import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrderedId } from './time-ordered-id.js';

test('a time-ordered id is a version 7 UUID carrying its millisecond (RFC 9562 §5.7)', () => {
  // RFC 9562 appendix A.6's timestamp: 2022-02-22T19:22:22Z = 0x017F22E279B0 ms.
  const id = timeOrderedId(0x017f22e279b0);
  assert.match(id, /^017f22e2-79b0-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16), Date.UTC(2022, 1, 22, 19, 22, 22));
});

test('ids of later milliseconds sort after earlier ones, and ids of one millisecond differ', () => {
  const t = Date.UTC(2026, 11, 3);
  const ids = [t + 2, t, t + 1, t + 86_400_000, t].map((ms) => timeOrderedId(ms));
  assert.deepEqual(
    [...ids].sort().map((id) => ids.indexOf(id)),
    ids[1]! < ids[4]! ? [1, 4, 2, 0, 3] : [4, 1, 2, 0, 3],
  );
  const many = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(t)));
  assert.equal(many.size, 10_000);
});
