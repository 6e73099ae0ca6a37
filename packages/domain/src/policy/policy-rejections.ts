import type { IsoDate } from '../shared/iso-date.js';
import type { RuleViolation } from '../shared/rule-id.js';

/** PH-2: a version with this id is already in the policy's history. */
export interface PolicyVersionIdTaken extends RuleViolation<'PolicyVersionIdTaken'> {
  readonly rule: 'PH-2';
  readonly versionId: string;
}
/** PH-2: refuses a version id the history already has: an id names one set of values for good. */
export const policyVersionIdTaken = (versionId: string): PolicyVersionIdTaken => ({
  _tag: 'PolicyVersionIdTaken',
  rule: 'PH-2',
  message: `Policy version '${versionId}' is already in the policy's history with other values or another day: a version's values never change; adopt a new version with another id.`,
  versionId,
});

/** PH-2: another version takes effect on the same day. */
export interface PolicyDateTaken extends RuleViolation<'PolicyDateTaken'> {
  readonly rule: 'PH-2';
  readonly versionId: string;
  readonly effectiveFrom: IsoDate;
  readonly takenBy: string;
}
/** PH-2: refuses a version that takes effect on the day another one does: one version is in force on any day. */
export const policyDateTaken = (versionId: string, effectiveFrom: IsoDate, takenBy: string): PolicyDateTaken => ({
  _tag: 'PolicyDateTaken',
  rule: 'PH-2',
  message: `Policy version '${versionId}' cannot take effect on ${effectiveFrom}: version '${takenBy}' already does; choose another day.`,
  versionId,
  effectiveFrom,
  takenBy,
});

/** A rejection of a command of the policy's history. */
export type PolicyRejection = PolicyVersionIdTaken | PolicyDateTaken;
