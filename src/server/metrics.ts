/** Bucket upper bounds in seconds shared by the latency histograms (0.1 ms … 2.5 s). */
export const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels, extra?: string): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`);
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** One series of a histogram: per-bucket (not cumulative) counts, sum and count. */
interface HistogramSeries {
  readonly labels: Labels;
  readonly counts: number[];
  sum: number;
  count: number;
}

/** A histogram's series as plain data, to send to another process and add there. */
export type HistogramState = readonly HistogramSeries[];

/** A counter's series as plain data: [label text, value]. */
export type CounterState = readonly (readonly [string, number])[];

/** A Prometheus histogram with fixed buckets, one series per label set (cumulative buckets on output). */
export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = LATENCY_BUCKETS,
  ) {}

  /** Records one observation (seconds). */
  observe(labels: Labels, value: number): void {
    const s = this.seriesOf(labels);
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i] = (s.counts[i] as number) + 1;
    s.sum += value;
    s.count += 1;
  }

  /** The series as plain data. */
  state(): HistogramState {
    return [...this.series.values()].map((s) => ({ labels: s.labels, counts: [...s.counts], sum: s.sum, count: s.count }));
  }

  /** Adds another histogram's state (same buckets) to this one. */
  add(state: HistogramState): void {
    for (const other of state) {
      const s = this.seriesOf(other.labels);
      other.counts.forEach((n, i) => {
        s.counts[i] = (s.counts[i] as number) + n;
      });
      s.sum += other.sum;
      s.count += other.count;
    }
  }

  private seriesOf(labels: Labels): HistogramSeries {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (s === undefined) this.series.set(key, (s = { labels, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }));
    return s;
  }

  /** The histogram in the Prometheus text exposition format. */
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += s.counts[i] as number;
        lines.push(`${this.name}_bucket${labelText(s.labels, `le="${b}"`)} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${labelText(s.labels, 'le="+Inf"')} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

/** A Prometheus counter, one series per label set. */
export class Counter {
  private readonly series = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the series of `labels`. */
  inc(labels: Labels, by = 1): void {
    const key = labelText(labels);
    this.series.set(key, (this.series.get(key) ?? 0) + by);
  }

  /** The series as plain data. */
  state(): CounterState {
    return [...this.series];
  }

  /** Adds another counter's state to this one. */
  add(state: CounterState): void {
    for (const [key, value] of state) this.series.set(key, (this.series.get(key) ?? 0) + value);
  }

  /** The counter in the Prometheus text exposition format. */
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.series) lines.push(`${this.name}${key} ${value}`);
    return `${lines.join('\n')}\n`;
  }
}

/** Renders gauges (name → value) with their help text. */
export function renderGauges(gauges: readonly { name: string; help: string; value: number }[]): string {
  return gauges.map((g) => `# HELP ${g.name} ${g.help}\n# TYPE ${g.name} gauge\n${g.name} ${g.value}\n`).join('');
}

/** Renders single-series counters (name → value) with their help text. */
export function renderCounters(counters: readonly { name: string; help: string; value: number }[]): string {
  return counters.map((c) => `# HELP ${c.name} ${c.help}\n# TYPE ${c.name} counter\n${c.name} ${c.value}\n`).join('');
}

/** Gauges of a process's database pool, by name: their help texts. */
const POOL_GAUGES = {
  credo_db_pool_connections: 'Database connections open (PGlite: 1).',
  credo_db_pool_idle: 'Idle database connections.',
  credo_db_pool_waiting: 'Queries or transactions waiting for a connection.',
} as const;

/** Single-series counters of a process's database work, by name: their help texts. */
const STORE_COUNTERS = {
  credo_db_statements_total: 'Statements sent to the database (one round trip each).',
  credo_decision_writes_total: 'Statements that wrote decided applications (group commit batches).',
  credo_decision_writes_applications_total: 'Decided applications written by those statements.',
} as const;

/** Everything `/metrics` shows of one server process, as plain data (processes of a cluster send it to each other). */
export interface MetricsState {
  readonly requests: HistogramState;
  readonly decisionLatency: HistogramState;
  readonly decisions: CounterState;
  readonly gauges: Readonly<Record<keyof typeof POOL_GAUGES, number>>;
  readonly counters: Readonly<Record<keyof typeof STORE_COUNTERS, number>>;
}

/** The service's metrics: request and decision latency, decisions by action and arm. */
export class ServiceMetrics {
  readonly requests = new Histogram('credo_http_request_duration_seconds', 'HTTP request duration by method, route pattern and status.');
  readonly decisionLatency = new Histogram('credo_decision_duration_seconds', 'Time to decide one application (rules, PD, reasons, limit, price), in-process.');
  readonly decisions = new Counter('credo_decisions_total', 'Decisions stored, by action and arm.');

  /** This process's metrics with its pool gauges and store counters, as plain data. */
  state(gauges: MetricsState['gauges'], counters: MetricsState['counters']): MetricsState {
    return { requests: this.requests.state(), decisionLatency: this.decisionLatency.state(), decisions: this.decisions.state(), gauges, counters };
  }
}

/**
 * The Prometheus text of one or more processes' metrics: histograms and counters summed series by
 * series, pool gauges summed (the whole server's connections), and `credo_metrics_processes`, how
 * many processes the figures cover (every worker of `credo serve --workers N` when all answered).
 */
export function renderMetrics(states: readonly MetricsState[]): string {
  const all = new ServiceMetrics();
  const sum = <K extends string>(pick: (s: MetricsState) => Readonly<Record<K, number>>, name: K) => states.reduce((total, s) => total + pick(s)[name], 0);
  for (const s of states) {
    all.requests.add(s.requests);
    all.decisionLatency.add(s.decisionLatency);
    all.decisions.add(s.decisions);
  }
  const gauges = (Object.keys(POOL_GAUGES) as (keyof typeof POOL_GAUGES)[]).map((name) => ({
    name,
    help: POOL_GAUGES[name],
    value: sum((s) => s.gauges, name),
  }));
  const counters = (Object.keys(STORE_COUNTERS) as (keyof typeof STORE_COUNTERS)[]).map((name) => ({
    name,
    help: STORE_COUNTERS[name],
    value: sum((s) => s.counters, name),
  }));
  return (
    all.requests.render() +
    all.decisionLatency.render() +
    all.decisions.render() +
    renderGauges([...gauges, { name: 'credo_metrics_processes', help: 'Server processes whose figures this scrape sums.', value: states.length }]) +
    renderCounters(counters)
  );
}
