/** Several measurements of one figure: the smallest, the median and the largest. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The median of numbers (the mean of the middle two for an even count); NaN for none. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The spread of the measurements of one figure. */
export const spreadOf = (values: readonly number[]): Spread => ({
  min: Math.min(...values),
  median: median(values),
  max: Math.max(...values),
});
