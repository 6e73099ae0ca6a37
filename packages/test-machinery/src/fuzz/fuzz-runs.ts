/** The variable `npm run fuzz` sets to the number of runs of each fuzz property. */
export const FUZZ_RUNS_VARIABLE = 'BOROUGH_COMMAND_FUZZ_RUNS';

/** Runs of a fuzz property: `BOROUGH_COMMAND_FUZZ_RUNS` when it is set (10,000 under `npm run fuzz`), else `fallback`. */
export const fuzzRuns = (fallback: number): number => {
  const runs = Number(process.env[FUZZ_RUNS_VARIABLE] ?? fallback);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`${FUZZ_RUNS_VARIABLE} must be a whole number of runs, 1 or more`);
  return runs;
};

/** A test's timeout for `runs` cases of about `msPerCase` each, with room to spare; never under a minute. */
export const fuzzTimeout = (runs: number, msPerCase: number): number => Math.max(60_000, Math.ceil(runs * msPerCase * 3));

/** Counts the cases a fuzz test tried, by kind, for the summary it prints. */
export interface FuzzTally {
  /** Counts one case of a kind. */
  readonly count: (kind: string) => void;
  /** Cases counted so far. */
  readonly total: () => number;
  /** Cases by kind, in the order the kinds were first seen. */
  readonly byKind: () => ReadonlyMap<string, number>;
  /** `target: 1,234 cases (kind 600, other 634)`, for the test's output. */
  readonly summary: () => string;
}

/** A tally of the cases tried against `target`. */
export const createFuzzTally = (target: string): FuzzTally => {
  const kinds = new Map<string, number>();
  let total = 0;
  const count = (kind: string): void => {
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    total += 1;
  };
  const summary = (): string =>
    `${target}: ${total.toLocaleString('en-GB')} cases (${[...kinds].map(([kind, n]) => `${kind} ${n.toLocaleString('en-GB')}`).join(', ')})`;
  return { count, total: () => total, byKind: () => kinds, summary };
};
