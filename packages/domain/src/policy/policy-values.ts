import type { RoleDescription } from '../reference/role-descriptions.js';
import type { CommanderRole, CoreFunction, Partner, Rank } from '../shared/vocabulary.js';

/** Reasons a posting may end; the exceptional ones are set by policy. */
export const endReasons = [
  'personal',
  'professional',
  'organisational-restructure',
  'promotion',
  'retirement',
  'misconduct',
  'other',
] as const;
/** Why a posting ended. */
export type EndReason = (typeof endReasons)[number];

/** Whether a departure from a rule is refused or recorded as a breach. */
export type EnforcementMode = 'enforce' | 'record';

/** PO-2: how long a substantive posting in a role is expected to last. */
export interface MinimumTerm {
  readonly role: CommanderRole;
  readonly years: number;
}

/** AP-3: the kinds of partner an appointment process must have consulted before its first interview. */
export const partnerRequirements = ['local-authority', 'mp', 'link-member'] as const;
/** A kind of partner AP-3 may require: the local authority (its chief executive or leader), an MP, the police authority's link member. */
export type PartnerRequirement = (typeof partnerRequirements)[number];

/** Tells whether a consulted partner meets a requirement of AP-3. */
export const meetsRequirement = (partner: Partner, requirement: PartnerRequirement): boolean =>
  requirement === 'local-authority'
    ? partner.kind === 'local-authority-chief-executive' || partner.kind === 'local-authority-leader'
    : partner.kind === requirement;

/** The values of one version of the policy: what the rules read on a date. */
export interface PolicyValues {
  /** PO-2: the roles whose substantive postings have a minimum term, and its length in years. */
  readonly minimumTerms: readonly MinimumTerm[];
  /** AP-8: whether an appointment needs the candidate's three-year commitment before the final decision. */
  readonly commitmentRequired: boolean;
  /** AP-3: the kinds of partner consulted before the first interview. */
  readonly requiredPartners: readonly PartnerRequirement[];
  /** PO-3: reasons that justify ending a posting before its minimum term. */
  readonly exceptionalReasons: readonly EndReason[];
  /** RS-7: the fewest dedicated ward officers a ward may have. */
  readonly minimumDedicatedWardOfficers: number;
  /** RS-5: the most superintendents a pathfinder BCU has. */
  readonly superintendentsPerBcu: number;
  /** RS-5: the functions a superintendent leads across a BCU's boroughs, each led by a different superintendent. */
  readonly coreFunctions: readonly CoreFunction[];
  /** RS-4: the rank of a BCU commander. */
  readonly bcuCommanderRank: Rank;
  /** AC-1, AP-9: the body holding the MPS to account. */
  readonly oversightBody: string;
  /** AP-2: the role descriptions an appointment process may attach, each with the day it was endorsed. */
  readonly roleDescriptions: readonly RoleDescription[];
}
