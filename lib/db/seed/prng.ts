/**
 * Deterministic randomness for the demo seed: the same seed value gives the same data.
 * sfc32 (small fast counter) seeded through splitmix32; ids come from a counter pushed
 * through a 32-bit bijection, so they are unique by construction and independent of how
 * many random draws happened before them.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** murmur3's fmix32: a bijection on 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    const sm = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A new independent generator (e.g. one per integrator), so adding draws in one area does not shift another. */
  fork(stream: number): Rng {
    return new Rng(this.u32(), stream);
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + this.int(10));
    return s;
  }

  alnum(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += ALNUM[this.int(62)];
    return s;
  }

  upperAlnum(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += UPPER_ALNUM[this.int(36)];
    return s;
  }

  hex(n: number): string {
    let s = "";
    while (s.length < n) s += this.u32().toString(16).padStart(8, "0");
    return s.slice(0, n);
  }

  fromAlphabet(alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

/** Weighted choice over a fixed table; build once, draw many times. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of entries) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (x < c[i]) return this.entries[i][0];
    return this.entries[this.entries.length - 1][0];
  }
}

/**
 * ObjectId-shaped 24-hex ids: 8 hex of the record's own creation second, then 16 hex from
 * a per-seed counter through fmix32 (a bijection), so two ids of one seed run never collide.
 */
export class IdFactory {
  private counter = 0;
  private readonly saltA: number;
  private readonly saltB: number;

  constructor(seed: number) {
    const sm = splitmix32((seed ^ 0x5eed1d5) >>> 0);
    this.saltA = sm();
    this.saltB = sm();
  }

  next(atMs: number): string {
    const n = this.counter++;
    const a = fmix32((n + this.saltA) >>> 0);
    const b = fmix32((a ^ this.saltB) >>> 0);
    const secs = Math.max(0, Math.floor(atMs / 1000)) >>> 0;
    return hex8(secs) + hex8(a) + hex8(b);
  }
}

function hex8(n: number): string {
  let s = "";
  for (let i = 28; i >= 0; i -= 4) s += HEX[(n >>> i) & 15];
  return s;
}
