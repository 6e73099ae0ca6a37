import type { PartnerRequirement } from '../policy/policy-values.js';
import type { Partner, PartnerKind } from '../shared/vocabulary.js';

const partnerKindWords: Readonly<Record<PartnerKind, string>> = {
  'local-authority-chief-executive': 'local authority chief executive',
  'local-authority-leader': 'local authority leader',
  mp: 'MP',
  'link-member': 'police authority link member',
  other: 'local partner',
};

/** A partner in words: `Jane Doe (MP)`. */
export const partnerInWords = (partner: Partner): string => `${partner.name} (${partnerKindWords[partner.kind]})`;

/** A list of partners in words, or `nobody` when it is empty. */
export const partnersInWords = (partners: readonly Partner[]): string =>
  partners.length === 0 ? 'nobody' : partners.map(partnerInWords).join(', ');

const requirementWords: Readonly<Record<PartnerRequirement, string>> = {
  'local-authority': "the local authority's chief executive or leader",
  mp: 'an MP',
  'link-member': "the police authority's link member",
};

/** AP-3: a kind of partner the policy requires, in words. */
export const requirementInWords = (requirement: PartnerRequirement): string => requirementWords[requirement];
