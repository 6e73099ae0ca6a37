import { missingPartners, valuesOn, type IsoDate, type Partner, type PartnerRequirement, type Policy } from '@borough-command/domain';

/** The partner a generator consults to meet one kind of requirement of AP-3. */
export type PartnerMeeting = (requirement: PartnerRequirement) => Partner;

/**
 * AP-3: the partners chosen, then one partner of each kind that the policy in force on the first
 * interview requires and none of the chosen meets (`missingPartners`): a generated process consults
 * them all before that interview, whichever version of the policy is in force on its day.
 */
export const partnersToConsult = (
  policy: Policy,
  firstInterviewOn: IsoDate,
  chosen: readonly Partner[],
  partnerMeeting: PartnerMeeting,
): readonly Partner[] => [...chosen, ...missingPartners(valuesOn(policy, firstInterviewOn), chosen).map(partnerMeeting)];
