import { addYears, type IsoDate } from '../shared/iso-date.js';
import type { CommanderRole } from '../shared/vocabulary.js';
import type { EndReason, Policy } from './policy.js';

/** The oversight body in force on a date (AC-1), or undefined when the policy names none. */
export const oversightBodyOn = (policy: Policy, date: IsoDate): string | undefined =>
  policy.oversightBodies.find(
    (period) => (period.from === undefined || period.from <= date) && (period.until === undefined || date <= period.until),
  )?.body;

/**
 * PO-2: the date a posting reaches its minimum term (the anniversary `minimumTermYears` after its
 * start; 29 February reaches it on 1 March), or undefined when the minimum term does not apply:
 * an acting posting, a role the policy leaves out, or a start before the effective date.
 */
export const minimumTermEnd = (
  policy: Policy,
  posting: { readonly role: CommanderRole; readonly acting: boolean; readonly start: IsoDate },
): IsoDate | undefined =>
  posting.acting || !policy.minimumTermRoles.includes(posting.role) || posting.start < policy.minimumTermEffectiveFrom
    ? undefined
    : addYears(posting.start, policy.minimumTermYears);

/** PO-3: tells whether a reason justifies ending a posting before its minimum term. */
export const isExceptionalReason = (policy: Policy, reason: EndReason): boolean => policy.exceptionalReasons.includes(reason);

/** AP-8: tells whether an appointment decided on a date needs the three-year commitment. */
export const commitmentRequired = (policy: Policy, decidedOn: IsoDate): boolean => decidedOn >= policy.commitmentRequiredFrom;
