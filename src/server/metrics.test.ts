import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, Histogram, type MetricsState, renderGauges, renderMetrics, ServiceMetrics } from './metrics.js';

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

test('renderMetrics sums processes series by series: histogram buckets, sums and counts, counters, pool gauges, and says how many it summed', () => {
  const state = (latencies: number[], approvals: number, connections: number, statements: number): MetricsState => {
    const m = new ServiceMetrics();
    for (const seconds of latencies) m.requests.observe({ method: 'GET', route: '/health', status: '200' }, seconds);
    m.decisions.inc({ action: 'approve', arm: 'champion' }, approvals);
    return m.state(
      { credo_db_pool_connections: connections, credo_db_pool_idle: 1, credo_db_pool_waiting: 0 },
      { credo_db_statements_total: statements, credo_decision_writes_total: 2, credo_decision_writes_applications_total: 9 },
    );
  };
  const text = renderMetrics([state([0.0002, 0.003], 4, 3, 100), state([0.0002, 0.7], 1, 2, 50)]);
  const line = (prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));
  const health = 'credo_http_request_duration_seconds_bucket{method="GET",route="/health",status="200"';
  assert.equal(line(`${health},le="0.00025"}`), `${health},le="0.00025"} 2`);
  assert.equal(line(`${health},le="0.005"}`), `${health},le="0.005"} 3`);
  assert.equal(line(`${health},le="0.5"}`), `${health},le="0.5"} 3`);
  assert.equal(line(`${health},le="1"}`), `${health},le="1"} 4`);
  // each process's sum, then the processes' sums added
  const sum = 0 + (0 + 0.0002 + 0.003) + (0 + 0.0002 + 0.7);
  assert.equal(line('credo_http_request_duration_seconds_sum'), `credo_http_request_duration_seconds_sum{method="GET",route="/health",status="200"} ${sum}`);
  assert.equal(line('credo_decisions_total{'), 'credo_decisions_total{action="approve",arm="champion"} 5');
  assert.equal(line('credo_db_pool_connections '), 'credo_db_pool_connections 5');
  assert.equal(line('credo_db_statements_total '), 'credo_db_statements_total 150');
  assert.equal(line('credo_decision_writes_applications_total '), 'credo_decision_writes_applications_total 18');
  assert.equal(line('credo_metrics_processes '), 'credo_metrics_processes 2');
  // one process: its own figures, unchanged
  const one = renderMetrics([state([0.003], 1, 3, 7)]);
  assert.match(one, /\ncredo_db_statements_total 7\n/);
  assert.match(one, /\ncredo_metrics_processes 1\n/);
});
