import { defaultRoleDescriptions, type RoleDescription } from '../reference/role-descriptions.js';
import { isoDate, type IsoDate } from '../shared/iso-date.js';
import { coreFunctions, type CommanderRole, type CoreFunction, type Rank } from '../shared/vocabulary.js';

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

/** Whether an early end without an exceptional reason is refused or recorded as a breach (PO-3). */
export type EnforcementMode = 'enforce' | 'record';

/** The oversight body holding the MPS to account, and the first and last day it did. */
export interface OversightPeriod {
  readonly body: string;
  /** First day in force; from the beginning when absent. */
  readonly from?: IsoDate;
  /** Last day in force; open-ended when absent. */
  readonly until?: IsoDate;
}

/** The values a service embedding the rules may change. Defaults are in `defaultPolicy`. */
export interface Policy {
  /** PO-2: the minimum posting period in years. */
  readonly minimumTermYears: number;
  /** PO-2: postings that start on or after this date have the minimum term. */
  readonly minimumTermEffectiveFrom: IsoDate;
  /** PO-2: the roles the minimum term applies to. */
  readonly minimumTermRoles: readonly CommanderRole[];
  /** AP-8: appointments decided on or after this date need the candidate's three-year commitment. */
  readonly commitmentRequiredFrom: IsoDate;
  /** PO-3: reasons that justify ending a posting before its minimum term. */
  readonly exceptionalReasons: readonly EndReason[];
  /** PO-3: `enforce` refuses an early end without an exceptional reason; `record` accepts it and records a breach. */
  readonly enforcement: EnforcementMode;
  /** RS-7: the fewest dedicated ward officers a ward may have. */
  readonly minimumDedicatedWardOfficers: number;
  /** RS-5: the most superintendents a pathfinder BCU has. */
  readonly superintendentsPerBcu: number;
  /** RS-5: the functions a superintendent must lead across a BCU's boroughs. */
  readonly coreFunctions: readonly CoreFunction[];
  /** RS-4: the rank of a BCU commander. */
  readonly bcuCommanderRank: Rank;
  /** AC-1, AP-9: which body held the MPS to account on a date. */
  readonly oversightBodies: readonly OversightPeriod[];
  /** AP-2: the endorsed role descriptions an appointment process may attach. */
  readonly roleDescriptions: readonly RoleDescription[];
}

/**
 * The policy in DOMAIN.md: a three-year minimum term for borough commanders posted from 1 July 2009;
 * personal, professional and organisational-restructure reasons are exceptional, promotion is not;
 * early ends refused (`enforce`); two dedicated ward officers per ward; four superintendents and
 * four core functions per BCU led by a chief superintendent; the MPA until 15 January 2012 and
 * MOPAC from 16 January 2012; the role descriptions endorsed on 17 June 2010.
 */
export const defaultPolicy: Policy = {
  minimumTermYears: 3,
  minimumTermEffectiveFrom: isoDate('2009-07-01'),
  minimumTermRoles: ['borough-commander'],
  commitmentRequiredFrom: isoDate('2009-07-01'),
  exceptionalReasons: ['personal', 'professional', 'organisational-restructure'],
  enforcement: 'enforce',
  minimumDedicatedWardOfficers: 2,
  superintendentsPerBcu: 4,
  coreFunctions,
  bcuCommanderRank: 'chief-superintendent',
  oversightBodies: [
    { body: 'Metropolitan Police Authority (MPA)', until: isoDate('2012-01-15') },
    { body: "Mayor's Office for Policing and Crime (MOPAC)", from: isoDate('2012-01-16') },
  ],
  roleDescriptions: defaultRoleDescriptions,
};

/** The default policy with some values changed. */
export const policyWith = (changes: Partial<Policy>): Policy => ({ ...defaultPolicy, ...changes });
