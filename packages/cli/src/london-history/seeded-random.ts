/** A deterministic source of choices: the same seed always gives the same sequence, on every machine. */
export interface SeededRandom {
  /** A number from 0 (included) to 1 (excluded). */
  readonly next: () => number;
  /** A whole number from `min` to `max`, both included. */
  readonly between: (min: number, max: number) => number;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  /** One item of a list that is not empty. */
  readonly pick: <A>(items: readonly A[]) => A;
}

/** Mixes two whole numbers into one 32-bit number (a murmur3 finaliser over both): seeds for independent sources. */
export const mixSeeds = (a: number, b: number): number => {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b >>> 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A seeded source of choices (mulberry32): small, fast and the same everywhere. */
export const seededRandom = (seed: number): SeededRandom => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    between,
    chance: (p) => next() < p,
    pick: <A>(items: readonly A[]): A => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[between(0, items.length - 1)] as A;
    },
  };
};
