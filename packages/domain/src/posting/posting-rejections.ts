import type { EndReason } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { RuleViolation } from '../shared/rule-id.js';
import type { NotALondonBorough, RoleDoesNotFitUnit } from '../shared/unit-rejections.js';
import type { CommanderRole, CommandUnit, Officer } from '../shared/vocabulary.js';

/** A command unit in words: `Camden borough`, `BCU Central North`. */
export const describeUnit = (unit: CommandUnit): string => (unit.kind === 'borough' ? `${unit.name} borough` : `BCU ${unit.name}`);

const describeOfficer = (officer: Officer): string => `${officer.name} (${officer.id})`;

/** PO-1: the command names another unit than the one whose postings the stream holds. */
export interface PostingUnitMismatch extends RuleViolation<'PostingUnitMismatch'> {
  readonly streamUnit: CommandUnit;
  readonly commandUnit: CommandUnit;
}

/** PO-1: a posting with this id was already started in the unit. */
export interface PostingIdAlreadyUsed extends RuleViolation<'PostingIdAlreadyUsed'> {
  readonly postingId: string;
}

/** PO-1: the officer already holds an active posting in the unit. */
export interface OfficerAlreadyPosted extends RuleViolation<'OfficerAlreadyPosted'> {
  readonly officer: Officer;
  readonly heldPostingId: string;
  readonly heldRole: CommanderRole;
}

/** PO-1: the unit already has a substantive commander in this role. */
export interface UnitAlreadyCommanded extends RuleViolation<'UnitAlreadyCommanded'> {
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly holder: Officer;
  readonly holderPostingId: string;
}

/** PO-1: an acting commander covers a vacancy only, and the role is held (substantively or by another acting commander). */
export interface NoVacancyToCover extends RuleViolation<'NoVacancyToCover'> {
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly holder: Officer;
  readonly holderPostingId: string;
  readonly holderActing: boolean;
}

/** PO-1: a substantive posting would start before the acting posting it ends had begun. */
export interface StartBeforeActingCoverBegan extends RuleViolation<'StartBeforeActingCoverBegan'> {
  readonly start: IsoDate;
  readonly actingPostingId: string;
  readonly actingStart: IsoDate;
}

/** PO-1: a posting would start before an earlier posting in the same role ended, so two would overlap. */
export interface OverlapsEarlierPosting extends RuleViolation<'OverlapsEarlierPosting'> {
  readonly start: IsoDate;
  readonly earlierPostingId: string;
  readonly earlierEnd: IsoDate;
}

/** PO-2: a posting cannot end before it started. */
export interface EndBeforeStart extends RuleViolation<'EndBeforeStart'> {
  readonly postingId: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * What an early end lacks under PO-3: a reason the policy deems exceptional; the circumstances of a
 * personal or professional reason (`detail`); the restructure that touches the unit, for
 * organisational restructure; or who approved it.
 */
export type MissingForEarlyEnd = 'exceptional-reason' | 'circumstances' | 'restructure' | 'approval';

/** What an end for organisational restructure names: a restructure and its BCU, and the causing event when known. */
export interface NamedRestructure {
  readonly restructureId: string;
  readonly bcu: string;
  readonly eventId?: string;
}

/** PO-3: the restructure an end names has no event, on or before the end, whose BCU contains the borough or is the unit. */
export interface RestructureDoesNotTouchUnit extends RuleViolation<'RestructureDoesNotTouchUnit'> {
  readonly restructure: NamedRestructure;
  readonly unit: CommandUnit;
  readonly end: IsoDate;
}

/** PO-3: only an end for organisational restructure names a restructure. */
export interface RestructureNamedForAnotherReason extends RuleViolation<'RestructureNamedForAnotherReason'> {
  readonly reason: EndReason;
  readonly restructure: NamedRestructure;
}

/** RS-4: a designate posting cannot take command before the day its holder was named. */
export interface CommandBeforeDesignation extends RuleViolation<'CommandBeforeDesignation'> {
  readonly postingId: string;
  readonly start: IsoDate;
  readonly at: IsoDate;
}

/** PO-3: in `enforce` mode a posting ended before its minimum term needs an exceptional reason and who approved it. */
export interface EarlyEndWithoutExceptionalReason extends RuleViolation<'EarlyEndWithoutExceptionalReason'> {
  readonly postingId: string;
  readonly reason: EndReason;
  readonly missing: readonly MissingForEarlyEnd[];
  readonly end: IsoDate;
  readonly minimumTermEnd: IsoDate;
  readonly daysShort: number;
}

/** PO-4: a performance assessment cannot be dated before the posting started. */
export interface AssessmentBeforeStart extends RuleViolation<'AssessmentBeforeStart'> {
  readonly postingId: string;
  readonly start: IsoDate;
  readonly at: IsoDate;
}

/** PO-5: no posting with this id was started in the unit. */
export interface UnknownPosting extends RuleViolation<'UnknownPosting'> {
  readonly postingId: string;
}

/** PO-5: the posting has ended and accepts no further command. */
export interface PostingAlreadyEnded extends RuleViolation<'PostingAlreadyEnded'> {
  readonly postingId: string;
  readonly end: IsoDate;
}

/** Why a command on a command unit's postings was refused; `rule` names the rule in `docs/rules.md`. */
export type PostingRejection =
  | PostingUnitMismatch
  | NotALondonBorough
  | RoleDoesNotFitUnit
  | PostingIdAlreadyUsed
  | OfficerAlreadyPosted
  | UnitAlreadyCommanded
  | NoVacancyToCover
  | StartBeforeActingCoverBegan
  | OverlapsEarlierPosting
  | EndBeforeStart
  | EarlyEndWithoutExceptionalReason
  | RestructureDoesNotTouchUnit
  | RestructureNamedForAnotherReason
  | CommandBeforeDesignation
  | AssessmentBeforeStart
  | UnknownPosting
  | PostingAlreadyEnded;

/** The tag of a posting rejection, e.g. `UnitAlreadyCommanded`. */
export type PostingRejectionTag = PostingRejection['_tag'];

/** PO-1: the stream holds another unit's postings. */
export const postingUnitMismatch = (streamUnit: CommandUnit, commandUnit: CommandUnit): PostingUnitMismatch => ({
  _tag: 'PostingUnitMismatch',
  rule: 'PO-1',
  message: `These postings belong to ${describeUnit(streamUnit)}; the command names ${describeUnit(commandUnit)}.`,
  streamUnit,
  commandUnit,
});

/** PO-1: the posting id is taken. */
export const postingIdAlreadyUsed = (postingId: string): PostingIdAlreadyUsed => ({
  _tag: 'PostingIdAlreadyUsed',
  rule: 'PO-1',
  message: `Posting ${postingId} has already started; a new posting needs a new id.`,
  postingId,
});

/** PO-1: the officer already holds a posting in the unit. */
export const officerAlreadyPosted = (officer: Officer, heldPostingId: string, heldRole: CommanderRole): OfficerAlreadyPosted => ({
  _tag: 'OfficerAlreadyPosted',
  rule: 'PO-1',
  message: `${describeOfficer(officer)} already holds posting ${heldPostingId} as ${heldRole} in this unit.`,
  officer,
  heldPostingId,
  heldRole,
});

/** PO-1: the role has a substantive commander. */
export const unitAlreadyCommanded = (
  unit: CommandUnit,
  role: CommanderRole,
  holder: Officer,
  holderPostingId: string,
): UnitAlreadyCommanded => ({
  _tag: 'UnitAlreadyCommanded',
  rule: 'PO-1',
  message: `${describeUnit(unit)} already has a substantive ${role}: ${describeOfficer(holder)} (posting ${holderPostingId}).`,
  unit,
  role,
  holder,
  holderPostingId,
});

/** PO-1: the role is held, so there is no vacancy for an acting commander. */
export const noVacancyToCover = (
  unit: CommandUnit,
  role: CommanderRole,
  holder: Officer,
  holderPostingId: string,
  holderActing: boolean,
): NoVacancyToCover => ({
  _tag: 'NoVacancyToCover',
  rule: 'PO-1',
  message:
    `An acting ${role} covers a vacancy only; ${describeUnit(unit)} has ${holderActing ? 'an acting' : 'a substantive'} ` +
    `${role}: ${describeOfficer(holder)} (posting ${holderPostingId}).`,
  unit,
  role,
  holder,
  holderPostingId,
  holderActing,
});

/** PO-1: the substantive start precedes the start of the acting cover it ends. */
export const startBeforeActingCoverBegan = (
  start: IsoDate,
  actingPostingId: string,
  actingStart: IsoDate,
): StartBeforeActingCoverBegan => ({
  _tag: 'StartBeforeActingCoverBegan',
  rule: 'PO-1',
  message: `A substantive posting starting on ${start} would end acting posting ${actingPostingId} before it began on ${actingStart}.`,
  start,
  actingPostingId,
  actingStart,
});

/** PO-1: the start falls inside an earlier posting in the same role. */
export const overlapsEarlierPosting = (start: IsoDate, earlierPostingId: string, earlierEnd: IsoDate): OverlapsEarlierPosting => ({
  _tag: 'OverlapsEarlierPosting',
  rule: 'PO-1',
  message: `A posting starting on ${start} would overlap posting ${earlierPostingId} in the same role, which ended on ${earlierEnd}.`,
  start,
  earlierPostingId,
  earlierEnd,
});

/** PO-2: the end date precedes the start date. */
export const endBeforeStart = (postingId: string, start: IsoDate, end: IsoDate): EndBeforeStart => ({
  _tag: 'EndBeforeStart',
  rule: 'PO-2',
  message: `Posting ${postingId} started on ${start} and cannot end on ${end}, before it started.`,
  postingId,
  start,
  end,
});

const missingInWords: Readonly<Record<MissingForEarlyEnd, string>> = {
  'exceptional-reason': 'a reason the policy deems exceptional',
  circumstances: "the circumstances of the reason ('detail')",
  restructure: "the restructure that touches the unit ('restructure')",
  approval: "who approved it ('approvedBy')",
};

const describeMissing = (missing: readonly MissingForEarlyEnd[]): string => missing.map((item) => missingInWords[item]).join(' and ');

const describeRestructure = (named: NamedRestructure): string =>
  `restructure ${named.restructureId} (BCU ${named.bcu}${named.eventId === undefined ? '' : `, event ${named.eventId}`})`;

/** PO-3: an early end lacks an exceptional reason or its approval. */
export const earlyEndWithoutExceptionalReason = (details: {
  readonly postingId: string;
  readonly reason: EndReason;
  readonly missing: readonly MissingForEarlyEnd[];
  readonly end: IsoDate;
  readonly minimumTermEnd: IsoDate;
  readonly daysShort: number;
}): EarlyEndWithoutExceptionalReason => ({
  _tag: 'EarlyEndWithoutExceptionalReason',
  rule: 'PO-3',
  message:
    `Posting ${details.postingId} would end on ${details.end} for reason '${details.reason}', ${details.daysShort} days ` +
    `before its minimum term ends on ${details.minimumTermEnd}; an early end needs ${describeMissing(details.missing)}.`,
  ...details,
});

/** PO-3: the named restructure does not touch the unit on or before the end. */
export const restructureDoesNotTouchUnit = (restructure: NamedRestructure, unit: CommandUnit, end: IsoDate): RestructureDoesNotTouchUnit => ({
  _tag: 'RestructureDoesNotTouchUnit',
  rule: 'PO-3',
  message:
    `${describeRestructure(restructure)} records nothing on or before ${end} that touches ${describeUnit(unit)}: ` +
    `an end for organisational restructure names a restructure whose BCU contains the borough or is the unit.`,
  restructure,
  unit,
  end,
});

/** PO-3: a restructure is named for another reason than organisational restructure. */
export const restructureNamedForAnotherReason = (reason: EndReason, restructure: NamedRestructure): RestructureNamedForAnotherReason => ({
  _tag: 'RestructureNamedForAnotherReason',
  rule: 'PO-3',
  message: `An end for reason '${reason}' names ${describeRestructure(restructure)}; only an end for 'organisational-restructure' names a restructure.`,
  reason,
  restructure,
});

/** RS-4: the designate posting would take command before its holder was named. */
export const commandBeforeDesignation = (postingId: string, start: IsoDate, at: IsoDate): CommandBeforeDesignation => ({
  _tag: 'CommandBeforeDesignation',
  rule: 'RS-4',
  message: `Designate posting ${postingId} was named on ${start} and cannot take command on ${at}, before it.`,
  postingId,
  start,
  at,
});

/** PO-4: the assessment is dated before the posting started. */
export const assessmentBeforeStart = (postingId: string, start: IsoDate, at: IsoDate): AssessmentBeforeStart => ({
  _tag: 'AssessmentBeforeStart',
  rule: 'PO-4',
  message: `Posting ${postingId} started on ${start}; its performance cannot be assessed on ${at}.`,
  postingId,
  start,
  at,
});

/** PO-5: the posting id is unknown in the unit. */
export const unknownPosting = (postingId: string): UnknownPosting => ({
  _tag: 'UnknownPosting',
  rule: 'PO-5',
  message: `No posting ${postingId} was started in this unit.`,
  postingId,
});

/** PO-5: the posting has ended. */
export const postingAlreadyEnded = (postingId: string, end: IsoDate): PostingAlreadyEnded => ({
  _tag: 'PostingAlreadyEnded',
  rule: 'PO-5',
  message: `Posting ${postingId} ended on ${end} and accepts no further command.`,
  postingId,
  end,
});
