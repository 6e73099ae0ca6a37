import { addYears, type IsoDate } from '../shared/iso-date.js';
import type { CommanderRole, Partner } from '../shared/vocabulary.js';
import { valuesOn, type Policy } from './policy.js';
import { meetsRequirement, type EndReason, type PartnerRequirement, type PolicyValues } from './policy-values.js';

/** AC-1, AP-9: the oversight body in force on a date. */
export const oversightBodyOn = (policy: Policy, date: IsoDate): string => valuesOn(policy, date).oversightBody;

/**
 * PO-2: the date a posting reaches its minimum term under the values in force on its start (the
 * anniversary the role's term after its start; 29 February reaches it on 1 March), or undefined
 * when no minimum term applies: an acting or interim posting, or a role the values leave out.
 */
export const minimumTermEnd = (
  values: PolicyValues,
  posting: { readonly role: CommanderRole; readonly acting: boolean; readonly interim?: boolean; readonly start: IsoDate },
): IsoDate | undefined => {
  if (posting.acting || posting.interim === true) return undefined;
  const term = values.minimumTerms.find((candidate) => candidate.role === posting.role);
  return term === undefined ? undefined : addYears(posting.start, term.years);
};

/** PO-3: tells whether a reason justifies ending a posting before its minimum term. */
export const isExceptionalReason = (values: PolicyValues, reason: EndReason): boolean => values.exceptionalReasons.includes(reason);

/** AP-3: the kinds of partner the values require that none of the consulted partners meets. */
export const missingPartners = (values: PolicyValues, consulted: readonly Partner[]): readonly PartnerRequirement[] =>
  values.requiredPartners.filter((requirement) => !consulted.some((partner) => meetsRequirement(partner, requirement)));
