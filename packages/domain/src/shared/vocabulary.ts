import * as t from 'io-ts';
import { record } from './codec-helpers.js';
import { IdCodec, TextCodec } from './text.js';

const literals = <const L extends readonly [string, string, ...string[]]>(values: L, name: string): t.Type<L[number]> =>
  t.keyof(Object.fromEntries(values.map((value) => [value, null])) as Record<L[number], null>, name);

/** The roles whose holders command a command unit. */
export const commanderRoles = ['borough-commander', 'link-borough-commander', 'bcu-commander'] as const;
/** A commander role: borough commander, link borough commander, or BCU commander. */
export type CommanderRole = (typeof commanderRoles)[number];
/** io-ts codec of `CommanderRole`. */
export const CommanderRoleCodec = literals(commanderRoles, 'CommanderRole');

/** The kinds of command unit: a borough command, or a Basic Command Unit merging boroughs. */
export const commandUnitKinds = ['borough', 'bcu'] as const;
/** A kind of command unit. */
export type CommandUnitKind = (typeof commandUnitKinds)[number];

/** A command unit: one of London's boroughs, or a BCU, by name. */
export interface CommandUnit {
  readonly kind: CommandUnitKind;
  readonly name: string;
}
/** io-ts codec of `CommandUnit`. */
export const CommandUnitCodec: t.Type<CommandUnit> = record({ kind: literals(commandUnitKinds, 'CommandUnitKind'), name: IdCodec }, 'CommandUnit');

/** Police ranks the rules mention, lowest first. */
export const ranks = ['inspector', 'chief-inspector', 'superintendent', 'chief-superintendent', 'commander'] as const;
/** A police rank. */
export type Rank = (typeof ranks)[number];
/** io-ts codec of `Rank`. */
export const RankCodec = literals(ranks, 'Rank');

/** A police officer: a stable id, a name and a rank. */
export interface Officer {
  readonly id: string;
  readonly name: string;
  readonly rank: Rank;
}
/** io-ts codec of `Officer`. */
export const OfficerCodec: t.Type<Officer> = record({ id: IdCodec, name: TextCodec, rank: RankCodec }, 'Officer');

/** The kinds of local partner the rules name. */
export const partnerKinds = [
  'local-authority-chief-executive',
  'local-authority-leader',
  'mp',
  'link-member',
  'other',
] as const;
/** A kind of partner: local authority chief executive or leader, MP, police authority link member, other. */
export type PartnerKind = (typeof partnerKinds)[number];
/** io-ts codec of `PartnerKind`. */
export const PartnerKindCodec = literals(partnerKinds, 'PartnerKind');

/** A local partner, by kind and name. */
export interface Partner {
  readonly kind: PartnerKind;
  readonly name: string;
}
/** io-ts codec of `Partner`. */
export const PartnerCodec: t.Type<Partner> = record({ kind: PartnerKindCodec, name: TextCodec }, 'Partner');

/** Tells whether a partner speaks for the local authority (its chief executive or leader). */
export const isLocalAuthority = (partner: Partner): boolean =>
  partner.kind === 'local-authority-chief-executive' || partner.kind === 'local-authority-leader';

/** The four core local policing functions of a BCU. */
export const coreFunctions = ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'] as const;
/** A core local policing function. */
export type CoreFunction = (typeof coreFunctions)[number];
/** io-ts codec of `CoreFunction`. */
export const CoreFunctionCodec = literals(coreFunctions, 'CoreFunction');

/** The resources a live BCU shares across its boroughs. */
export const sharedResources = ['people', 'buildings', 'technology', 'vehicles'] as const;
/** A kind of resource shared across a BCU. */
export type SharedResource = (typeof sharedResources)[number];
/** io-ts codec of `SharedResource`. */
export const SharedResourceCodec = literals(sharedResources, 'SharedResource');

/** Makes a name into a stream key: lower case, words joined by `-` (`Barking and Dagenham` → `barking-and-dagenham`). */
export const streamKey = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unnamed';
