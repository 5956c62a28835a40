import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsCollector, MetricsGatherer } from '../../src/server/cluster-metrics.js';
import { type MetricsState, ServiceMetrics } from '../../src/server/metrics.js';

/** A worker's figures: `requests` GET /health answers. */
function figures(requests: number): MetricsState {
  const m = new ServiceMetrics();
  for (let k = 0; k < requests; k++) m.requests.observe({ method: 'GET', route: '/health', status: '200' }, 0.001);
  return m.state(
    { credo_db_pool_connections: 1, credo_db_pool_idle: 1, credo_db_pool_waiting: 0 },
    { credo_db_statements_total: requests, credo_decision_writes_total: 0, credo_decision_writes_applications_total: 0 },
  );
}

/** Workers 1..n (those in `silent` never answer), wired to a collector as `runPrimary` wires them. */
function cluster(requests: readonly number[], silent: readonly number[] = [], waitMs = 2_000) {
  const ids = requests.map((_, k) => k + 1);
  const gatherers = new Map<number, MetricsGatherer>();
  const collector = new MetricsCollector((to, message) => {
    if (!silent.includes(to)) queueMicrotask(() => gatherers.get(to)?.receive(message));
  }, waitMs);
  for (const id of ids) {
    gatherers.set(
      id,
      new MetricsGatherer(
        (message) =>
          queueMicrotask(() => {
            if (message.credo === 'metrics-request') collector.request(id, message.id, ids);
            else collector.receive(id, message);
          }),
        () => figures(requests[id - 1] as number),
      ),
    );
  }
  return (id: number) => (gatherers.get(id) as MetricsGatherer).gather();
}

const statements = (states: readonly MetricsState[]) => states.map((s) => s.counters.credo_db_statements_total).sort((a, b) => a - b);

test("cluster metrics: whichever worker is scraped gathers every worker's figures, and concurrent scrapes each get theirs", async () => {
  const gather = cluster([3, 5, 7]);
  assert.deepEqual(statements(await gather(1)), [3, 5, 7]);
  const [a, b] = await Promise.all([gather(2), gather(3)]);
  assert.deepEqual(
    [statements(a), statements(b)],
    [
      [3, 5, 7],
      [3, 5, 7],
    ],
  );
});

test('cluster metrics: a worker that does not answer is left out after the wait, and the scrape still answers', async () => {
  const gather = cluster([3, 5, 7], [2], 50);
  // the collector's timer does not hold a process open (unref): this one does, for the test
  const alive = setTimeout(() => {}, 1_000);
  const started = Date.now();
  assert.deepEqual(statements(await gather(1)), [3, 7]);
  assert.ok(Date.now() - started >= 45, 'waited for the silent worker');
  clearTimeout(alive);
});
