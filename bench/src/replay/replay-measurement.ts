/** What one replay in its own process measured. */
export interface ReplayMeasurement {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
  /** The process's peak resident set, in MiB. */
  readonly peakRssMb: number;
  /** The heap in use before the replay, after a full collection, in MiB. */
  readonly heapBeforeMb: number;
  /** The heap in use after the replay with the six views still held, after a full collection. */
  readonly heapWithViewsMb: number;
  /** The heap in use once the views are let go, after a full collection: what the replay keeps besides the views. */
  readonly heapWithoutViewsMb: number;
}
