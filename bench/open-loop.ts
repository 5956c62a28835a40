import { connect, type Socket } from 'node:net';

/** Options of `openLoop`. */
export interface OpenLoopOptions {
  /** `http://host:port` (loopback). */
  readonly url: string;
  /** Requests started per second, on a fixed schedule. */
  readonly rate: number;
  readonly seconds: number;
  /** Keep-alive connections; a scheduled request waits in the client when all are busy (its wait counts). */
  readonly connections: number;
  /** The k-th request, as complete HTTP/1.1 bytes (precomputed: the client must stay cheap on a shared machine). */
  readonly request: (k: number) => Buffer;
  /** A request not answered this long after its intended start counts as a timeout, ms (default 10,000). */
  readonly timeoutMs?: number;
}

/** What `openLoop` measured; latencies in ms from each request's intended start. */
export interface OpenLoopResult {
  /** From the first intended start to the last answer (the schedule's length when the server kept up). */
  readonly seconds: number;
  readonly scheduled: number;
  readonly answered: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  /** Scheduled requests never answered: socket errors, closed connections, timeouts. */
  readonly errors: number;
  /** 2xx answers per second over `seconds`. */
  readonly achievedRate: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** Most requests that were due but waited for a free connection at once (0: the client never delayed the schedule). */
  readonly maxQueued: number;
  /** Of the errors, requests still waiting for a connection when the run ended (never sent). */
  readonly notSent: number;
}

interface Connection {
  socket: Socket;
  /** Intended start (ms, performance.now) of the request in flight, or -1 when idle. */
  intended: number;
  buffer: Buffer;
}

/**
 * A constant-rate (open-loop) HTTP/1.1 load: request k is due at `t0 + k / rate` whatever the
 * server does, and its latency runs from that intended start to the last byte of its answer, so
 * time spent waiting for a free connection or in a slow server counts (no coordinated omission,
 * Tene's "How NOT to measure latency"). Raw keep-alive sockets, one request in flight per
 * connection, answers framed by `content-length` (every answer of the service has one). Measures
 * what a closed-loop tool at saturation cannot: the latency at a given sustained rate.
 */
export function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { hostname, port } = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  let answered = 0;
  let ok2xx = 0;
  let non2xx = 0;
  let lost = 0;
  let issued = 0;
  let maxQueued = 0;
  const queue: number[] = [];
  const idle: Connection[] = [];
  let t0 = Number.POSITIVE_INFINITY;
  let lastAnswer = 0;

  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      for (const c of connections) c.socket.destroy();
      const sorted = latencies.slice(0, answered).sort();
      const at = (q: number) => (answered === 0 ? Number.NaN : round2(sorted[Math.min(answered - 1, Math.floor(q * answered))] as number));
      const seconds = Math.max(options.seconds, (lastAnswer - t0) / 1000);
      resolve({
        seconds: round2(seconds),
        scheduled: total,
        answered,
        ok2xx,
        non2xx,
        errors: total - answered,
        achievedRate: Math.round(ok2xx / seconds),
        p50: at(0.5),
        p99: at(0.99),
        p999: at(0.999),
        max: answered === 0 ? Number.NaN : round2(sorted[answered - 1] as number),
        maxQueued,
        notSent: queue.length + (total - issued),
      });
    };

    const send = (c: Connection, intended: number, k: number) => {
      c.intended = intended;
      c.socket.write(options.request(k));
    };
    const dispatch = () => {
      while (queue.length > 0 && idle.length > 0) {
        const k = queue.shift() as number;
        // oldest idle first: every connection (and so every `--workers` process behind them) takes its turn
        send(idle.shift() as Connection, t0 + (k * 1000) / options.rate, k);
      }
    };
    const onAnswer = (c: Connection, status: number) => {
      lastAnswer = performance.now();
      const latency = lastAnswer - c.intended;
      c.intended = -1;
      latencies[answered++] = latency;
      if (status >= 200 && status < 300) ok2xx += 1;
      else non2xx += 1;
      idle.push(c);
      dispatch();
      if (answered + lost >= total) finish();
    };
    const open = (): Connection => {
      const c: Connection = { socket: connect({ host: hostname, port: Number(port), noDelay: true }), intended: -1, buffer: Buffer.alloc(0) };
      c.socket.on('data', (chunk: Buffer) => {
        c.buffer = c.buffer.length === 0 ? chunk : Buffer.concat([c.buffer, chunk]);
        for (;;) {
          const end = c.buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = c.buffer.toString('latin1', 0, end);
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (length === null) throw new Error(`open-loop client: an answer without content-length: ${head.slice(0, 200)}`);
          const size = end + 4 + Number(length[1]);
          if (c.buffer.length < size) return;
          c.buffer = c.buffer.subarray(size);
          onAnswer(c, Number(head.slice(9, 12)));
        }
      });
      const fail = () => {
        if (c.intended >= 0) lost += 1;
        c.intended = -1;
        if (idle.includes(c)) idle.splice(idle.indexOf(c), 1);
        const at = connections.indexOf(c);
        if (finished || at < 0) return;
        // replace the connection so the schedule goes on
        connections[at] = open();
        if (answered + lost >= total) finish();
      };
      c.socket.on('error', () => undefined);
      c.socket.on('close', fail);
      c.socket.on('connect', () => {
        idle.push(c);
        dispatch();
        // the schedule starts once every connection is open
        if (t0 === Number.POSITIVE_INFINITY && idle.length === options.connections) {
          t0 = performance.now();
          tick();
        }
      });
      return c;
    };
    const connections = Array.from({ length: options.connections }, open);

    // due requests join the queue on time even when no connection is free
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - t0) * options.rate) / 1000) + 1);
      while (issued < due) queue.push(issued++);
      dispatch();
      maxQueued = Math.max(maxQueued, queue.length);
      // a request still unanswered long after its intended start: count it and stop waiting for it
      if (now > t0 + options.seconds * 1000 + timeoutMs) return finish();
      timer = setTimeout(tick, issued < total ? Math.max(0, t0 + (issued * 1000) / options.rate - performance.now()) : 100);
    };
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
