/** A count a generator draws: from `min` to `max`, both included. */
export interface SizeRange {
  readonly min: number;
  readonly max: number;
}

/** A size option: the most there may be (counting up from the default least), or a range. */
export type SizeOption = number | SizeRange;

/** The range a size option stands for; throws on a range no generator can draw (a programmer's mistake). */
export const sizeRangeOf = (option: SizeOption | undefined, fallback: SizeRange, what: string): SizeRange => {
  const range = option === undefined ? fallback : typeof option === 'number' ? { min: Math.min(fallback.min, option), max: option } : option;
  if (!Number.isInteger(range.min) || !Number.isInteger(range.max) || range.min < 0 || range.max < range.min) {
    throw new Error(`${what}: expected whole numbers 0 <= min <= max, got ${JSON.stringify(range)}`);
  }
  return range;
};
