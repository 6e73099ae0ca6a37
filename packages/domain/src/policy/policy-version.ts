import type { IsoDate } from '../shared/iso-date.js';
import type { PolicyValues } from './policy-values.js';

/** Where a version of the policy comes from: a seed document, a report, or a recorded decision. */
export interface PolicySource {
  readonly kind: 'seed' | 'report' | 'decision';
  /** The document or decision, in words a reader can look up. */
  readonly citation: string;
}

/** One version of the policy: its values, in force from a date until the next version's. */
export interface PolicyVersion {
  /** Names the version; decisions record it (`metadata.policyVersion`). */
  readonly id: string;
  /** The first day the version is in force. */
  readonly effectiveFrom: IsoDate;
  readonly source: PolicySource;
  readonly values: PolicyValues;
}
