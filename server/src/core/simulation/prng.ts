/**
 * A small seeded pseudo-random generator (mulberry32): bots draw their reaction times and choices from it, so
 * the same seed always gives the same exercise.
 */
export class Prng {
  private s: number;

  constructor(seed: number) {
    this.s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An index in [0, n). */
  index(n: number): number {
    return Math.floor(this.next() * n);
  }
}
