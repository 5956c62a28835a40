/**
 * A first-in first-out mutex: `run(fn)` starts `fn` only after every earlier `fn` has settled.
 * PGlite is one connection, so every query and transaction on it goes through one of these; a
 * statement from another request can then never land inside an open transaction.
 */
// @ts-nocheck

// 

export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;
  #busy = false;

  /** Runs `fn` alone, after every call queued before it; its result or error is passed through. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    const result = this.#tail.then(async () => {
      this.#waiting -= 1;
      this.#busy = true;
      try {
        return await fn();
      } finally {
        this.#busy = false;
      }
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Calls queued but not started yet. */
  get waiting(): number {
    return this.#waiting;
  }

  /** True while a call runs. */
  get busy(): boolean {
    return this.#busy;
  }
}
