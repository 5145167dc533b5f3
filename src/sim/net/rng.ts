/** A small seeded generator (mulberry32): the same seed gives the same ISNs, ports and losses. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (seed >>> 0) ^ 0x9e3779b9;
  }

  /** uniformly random 32-bit unsigned integer */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }
}
