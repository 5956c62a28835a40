// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, Histogram, renderGauges } from './metrics.js';

test('histogram: cumulative buckets, +Inf = count, sum; one series per label set, label values escaped', () => {
  const h = new Histogram('x_seconds', 'help text', [0.1, 1]);
  h.observe({ route: '/a' }, 0.05);
  h.observe({ route: '/a' }, 0.5);
  h.observe({ route: '/a' }, 5);
  h.observe({ route: 'q"\\' }, 0.1);
  assert.equal(
    h.render(),
    [
      '# HELP x_seconds help text',
      '# TYPE x_seconds histogram',
      'x_seconds_bucket{route="/a",le="0.1"} 1',
      'x_seconds_bucket{route="/a",le="1"} 2',
      'x_seconds_bucket{route="/a",le="+Inf"} 3',
      'x_seconds_sum{route="/a"} 5.55',
      'x_seconds_count{route="/a"} 3',
      'x_seconds_bucket{route="q\\"\\\\",le="0.1"} 1',
      'x_seconds_bucket{route="q\\"\\\\",le="1"} 1',
      'x_seconds_bucket{route="q\\"\\\\",le="+Inf"} 1',
      'x_seconds_sum{route="q\\"\\\\"} 0.1',
      'x_seconds_count{route="q\\"\\\\"} 1',
      '',
    ].join('\n'),
  );
});

test('counter and gauges in the text format', () => {
  const c = new Counter('d_total', 'decisions');
  c.inc({ action: 'approve' });
  c.inc({ action: 'approve' }, 2);
  c.inc({ action: 'decline' });
  assert.equal(c.render(), '# HELP d_total decisions\n# TYPE d_total counter\nd_total{action="approve"} 3\nd_total{action="decline"} 1\n');
  assert.equal(renderGauges([{ name: 'g', help: 'h', value: 4 }]), '# HELP g h\n# TYPE g gauge\ng 4\n');
});
