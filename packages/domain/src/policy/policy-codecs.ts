import * as t from 'io-ts';
import { nonEmptyArray, nullable, record, recordWithOptional } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CoreFunctionCodec, RankCodec } from '../shared/vocabulary.js';
import type { DescribedRole, RoleDescription } from '../reference/role-descriptions.js';
import { endReasons, partnerRequirements, type EndReason, type PartnerRequirement, type PolicyValues } from './policy-values.js';

const keys = <K extends string>(values: readonly K[], name: string): t.Type<K> =>
  t.keyof(Object.fromEntries(values.map((value) => [value, null])) as Record<K, null>, name);

/** io-ts codec of why a posting ended. */
export const EndReasonCodec: t.Type<EndReason> = keys(endReasons, 'EndReason');
/** io-ts codec of a kind of partner AP-3 may require. */
export const PartnerRequirementCodec: t.Type<PartnerRequirement> = keys(partnerRequirements, 'PartnerRequirement');
/** io-ts codec of `enforce` or `record`. */
export const EnforcementModeCodec = t.keyof({ enforce: null, record: null }, 'EnforcementMode');

const DescribedRoleCodec: t.Type<DescribedRole> = keys(
  ['area-commander', 'borough-commander', 'link-borough-commander', 'bcu-commander'],
  'DescribedRole',
);

const StoredRoleDescription = record({
  role: DescribedRoleCodec,
  version: t.number,
  endorsedOn: nullable(IsoDateCodec),
  endorsedBy: nullable(TextCodec),
  sections: t.readonlyArray(record({ heading: nullable(TextCodec), items: t.readonlyArray(TextCodec) })),
  source: TextCodec,
});

/** io-ts codec of a role description; a missing endorsement or heading is `null` in JSON. */
export const RoleDescriptionCodec = new t.Type<RoleDescription, t.OutputOf<typeof StoredRoleDescription>, unknown>(
  'RoleDescription',
  (u): u is RoleDescription => typeof u === 'object' && u !== null && 'role' in u && 'sections' in u,
  (u, c) => {
    const stored = StoredRoleDescription.validate(u, c);
    if (stored._tag === 'Left') return stored;
    const { endorsedOn, endorsedBy, sections, ...rest } = stored.right;
    return t.success({
      ...rest,
      endorsedOn: endorsedOn ?? undefined,
      endorsedBy: endorsedBy ?? undefined,
      sections: sections.map((section) => ({ heading: section.heading ?? undefined, items: section.items })),
    });
  },
  (description) => ({
    role: description.role,
    version: description.version,
    endorsedOn: description.endorsedOn ?? null,
    endorsedBy: description.endorsedBy ?? null,
    sections: description.sections.map((section) => ({ heading: section.heading ?? null, items: section.items })),
    source: description.source,
  }),
);

const Years = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'whole number of years from 1 to 50');
const Officers = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0 && n <= 1000, 'whole number from 0 to 1000');

const valueProps = {
  minimumTerms: t.readonlyArray(record({ role: CommanderRoleCodec, years: Years }, 'MinimumTerm')),
  commitmentRequired: t.boolean,
  requiredPartners: t.readonlyArray(PartnerRequirementCodec),
  exceptionalReasons: t.readonlyArray(EndReasonCodec),
  minimumDedicatedWardOfficers: Officers,
  superintendentsPerBcu: Officers,
  coreFunctions: nonEmptyArray(CoreFunctionCodec),
  bcuCommanderRank: RankCodec,
  oversightBody: TextCodec,
  roleDescriptions: t.readonlyArray(RoleDescriptionCodec),
};

/** io-ts codec of the values of one policy version, every value given. */
export const PolicyValuesCodec: t.Type<PolicyValues, unknown> = record(valueProps, 'PolicyValues');

/** io-ts codec of some values of a policy version: what a new version changes from the one in force before it. */
export const PolicyChangesCodec: t.Type<Partial<PolicyValues>, unknown> = recordWithOptional({}, valueProps, 'PolicyChanges');

/** io-ts codec of where a version comes from. */
export const PolicySourceCodec = record({ kind: t.keyof({ seed: null, report: null, decision: null }), citation: TextCodec }, 'PolicySource');

/** io-ts codec of one version in a policy file: an id, its first day, its source and what it changes. */
export const PolicyFileVersionCodec = record(
  { id: IdCodec, effectiveFrom: IsoDateCodec, source: PolicySourceCodec, changes: PolicyChangesCodec },
  'PolicyFileVersion',
);

/**
 * io-ts codec of a policy file (`--policy <file.json>`): the enforcement mode and versions adopted on
 * top of the seeds' history, each changing some values from the version in force before its date.
 */
export const PolicyFileCodec = recordWithOptional(
  {},
  { enforcement: EnforcementModeCodec, versions: t.readonlyArray(PolicyFileVersionCodec) },
  'PolicyFile',
);

/** A policy file, decoded. */
export type PolicyFile = t.TypeOf<typeof PolicyFileCodec>;
