/** Bucket upper bounds in seconds shared by the latency histograms (0.1 ms … 2.5 s). */
// @ts-nocheck

// 

export const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels, extra?: string): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`);
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** A Prometheus histogram with fixed buckets, one series per label set (cumulative buckets on output). */
export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = LATENCY_BUCKETS,
  ) {}

  /** Records one observation (seconds). */
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (s === undefined) this.series.set(key, (s = { labels, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }));
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i] = (s.counts[i] as number) + 1;
    s.sum += value;
    s.count += 1;
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

/** The service's metrics: request and decision latency, decisions by action and arm. */
export class ServiceMetrics {
  readonly requests = new Histogram('credo_http_request_duration_seconds', 'HTTP request duration by method, route pattern and status.');
  readonly decisionLatency = new Histogram('credo_decision_duration_seconds', 'Time to decide one application (rules, PD, reasons, limit, price), in-process.');
  readonly decisions = new Counter('credo_decisions_total', 'Decisions stored, by action and arm.');
}
