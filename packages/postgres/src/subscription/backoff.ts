/** How an operation that met an unreachable server is tried again: a bounded number of attempts, exponential delays. */

/** A bounded exponential backoff. */
export interface RetryPolicy {
  /** Attempts after the first failure before giving up; 0 never tries again. */
  readonly maxAttempts: number;
  /** The delay before the first attempt, doubled for each further attempt. */
  readonly initialDelayMs: number;
  /** The longest delay between two attempts. */
  readonly maxDelayMs: number;
}

/** Ten attempts, from 100 ms doubling up to 5 s between attempts: about 30 s of outage in all. */
export const defaultResubscribePolicy: RetryPolicy = { maxAttempts: 10, initialDelayMs: 100, maxDelayMs: 5_000 };

/** The delay before attempt `attempt` (from 1). */
export const delayBefore = (policy: RetryPolicy, attempt: number): number =>
  Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));

/** Whether a policy's numbers make sense: whole attempts, non-negative delays. */
export const isValidPolicy = (policy: RetryPolicy): boolean =>
  Number.isInteger(policy.maxAttempts) &&
  policy.maxAttempts >= 0 &&
  Number.isFinite(policy.initialDelayMs) &&
  policy.initialDelayMs >= 0 &&
  Number.isFinite(policy.maxDelayMs) &&
  policy.maxDelayMs >= policy.initialDelayMs;
