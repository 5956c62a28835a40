/**
 * Seedable pseudo-random generator: xoshiro128** (Blackman & Vigna, 2018), 32-bit state words so
 * every step is plain int32 arithmetic in JavaScript. Seeds are expanded with splitmix32. The
 * same seed always gives the same sequence on every platform.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = Number.NaN;

  /** Creates a generator from an integer seed (any safe integer; only its low 53 bits matter). */
  constructor(seed: number) {
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x9e3779b9);
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform integer in [0, n) without modulo bias (n ≤ 2^32). */
  nextInt(n: number): number {
    if (n <= 0) return 0;
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Standard normal deviate (Marsaglia polar method; pairs are cached). */
  nextNormal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextDouble() - 1;
      v = 2 * this.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** Fills `out` with uniform doubles in [0, 1). */
  fillUniform(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.nextDouble();
    return out;
  }

  /** Fills `out` with standard normal deviates. */
  fillNormal(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.nextNormal();
    return out;
  }
}

/**
 * A seed for an independent sub-stream `stream` of `seed` (e.g. one per block of Monte Carlo
 * scenarios, one per tree), so results do not depend on how work is split across threads.
 */
export function deriveSeed(seed: number, stream: number): number {
  return (streamBits(seedMix(seed), stream) >>> 0) + Math.floor(seed / 4294967296) * 4294967296;
}

/** The seed's share of `deriveSeed`'s hash: compute it once when deriving many streams of one seed. */
export function seedMix(seed: number): number {
  return Math.imul((seed >>> 0) ^ 0x85ebca6b, 0x9e3779b1);
}

/**
 * The low 32 bits of `deriveSeed(seed, stream)` as a signed 32-bit integer, from `seedMix(seed)`:
 * `streamBits(seedMix(seed), stream) >>> 0 === deriveSeed(seed, stream) >>> 0` for every safe-integer
 * seed. For per-row hashes (e.g. quantize.ts's dithers), where re-mixing the seed and the
 * seed's high part on every row was a fifth of the loop (measured).
 */
export function streamBits(mix: number, stream: number): number {
  let h = mix ^ Math.imul((stream >>> 0) + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return h ^ (h >>> 15);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
