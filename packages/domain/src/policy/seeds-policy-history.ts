import { defaultRoleDescriptions } from '../reference/role-descriptions.js';
import { isoDate } from '../shared/iso-date.js';
import { coreFunctions } from '../shared/vocabulary.js';
import type { PolicyVersion } from './policy-version.js';
import type { PolicyValues } from './policy-values.js';

const MPA = 'Metropolitan Police Authority (MPA)';
const MOPAC = "Mayor's Office for Policing and Crime (MOPAC)";

const SEED_000 =
  "Metropolitan Police Authority project summary 'Borough Commanders' (seed 000): objectives 2 and 3, and 'each borough commander appointed from July 2009 will have the skills and commitment to serve three years'";
const SEED_001 =
  "Metropolitan Police Authority report 8 of 17 June 2010, 'Area Commander and Borough Commander roles' (seed 001): role descriptions endorsed; the area commander liaises with partners 'to include Chief Executive/Leader, MPs, MPA link member'";
const MOPAC_FROM_2012 =
  "The Metropolitan Police Authority was replaced by the Mayor's Office for Policing and Crime (seeds 000 and 003) on 16 January 2012; MPA link members went with it";
const SEED_003 =
  "Met Police news 'Modernising the Metropolitan Police Service', 18 Nov 2016 (seed 003): 'a second dedicated neighbourhood officer across London by the end of 2017'";

/** Before the Borough Commanders project: no minimum term, no commitment, the local authority consulted, one ward officer per ward. */
const beforeTheProject: PolicyValues = {
  minimumTerms: [],
  commitmentRequired: false,
  requiredPartners: ['local-authority'],
  exceptionalReasons: ['personal', 'professional', 'organisational-restructure'],
  minimumDedicatedWardOfficers: 1,
  superintendentsPerBcu: 4,
  coreFunctions,
  bcuCommanderRank: 'chief-superintendent',
  oversightBody: MPA,
  roleDescriptions: defaultRoleDescriptions,
};

/**
 * PO-2 from July 2009: three years for borough commanders (seed 000), and for BCU commanders, who
 * command the merged borough commands from 2017 and were called borough commanders in the press
 * (docs/rules.md says why). Delete the `bcu-commander` line to leave BCU commanders out.
 */
const threeYears: PolicyValues['minimumTerms'] = [
  { role: 'borough-commander', years: 3 },
  { role: 'bcu-commander', years: 3 },
];

const from2009: PolicyValues = {
  ...beforeTheProject,
  minimumTerms: threeYears,
  commitmentRequired: true,
  requiredPartners: ['local-authority', 'link-member'],
};
const from2010: PolicyValues = { ...from2009, requiredPartners: ['local-authority', 'mp', 'link-member'] };
const from2012: PolicyValues = { ...from2010, oversightBody: MOPAC, requiredPartners: ['local-authority', 'mp'] };
const from2017: PolicyValues = { ...from2012, minimumDedicatedWardOfficers: 2 };

/** The policy's history as the seeds tell it, oldest first; each version names its source. */
export const seedsPolicyHistory: readonly PolicyVersion[] = [
  {
    id: 'london-1800',
    effectiveFrom: isoDate('1800-01-01'),
    source: { kind: 'seed', citation: `Before the dates of seed 000: no minimum term or commitment; the local authority among the partners; the ${MPA}` },
    values: beforeTheProject,
  },
  { id: 'london-2009-07-01', effectiveFrom: isoDate('2009-07-01'), source: { kind: 'seed', citation: SEED_000 }, values: from2009 },
  { id: 'london-2010-06-17', effectiveFrom: isoDate('2010-06-17'), source: { kind: 'report', citation: SEED_001 }, values: from2010 },
  { id: 'london-2012-01-16', effectiveFrom: isoDate('2012-01-16'), source: { kind: 'seed', citation: MOPAC_FROM_2012 }, values: from2012 },
  { id: 'london-2017-12-31', effectiveFrom: isoDate('2017-12-31'), source: { kind: 'seed', citation: SEED_003 }, values: from2017 },
];
