import * as t from 'io-ts';
import { defineEvent } from '../eventsourcing/codec-registry.js';
import { integerBetween, nullable, record } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';
import {
  upcastMinimumTermBreachedFromV1,
  upcastPostingEndedFromV1,
  upcastPostingStartedFromV1,
} from './posting-upcasters.js';

const days = integerBetween(0, 1_000_000);

/**
 * PO-1: an officer took command of a command unit in a role, substantive or acting; or (RS-4) was
 * named its commander-designate before the unit went live (`designate`), to take command later
 * (`CommandTakenUp`). An interim posting (RS-4, a pathfinder BCU) has no minimum term. Version 2;
 * version 1 had neither `interim` nor `designate`.
 */
export const PostingStartedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  officer: OfficerCodec,
  acting: t.boolean,
  /** RS-4: an interim commander of a pathfinder BCU. */
  interim: t.boolean,
  /** RS-4: named before the unit went live; command is taken up when it does (`CommandTakenUp`). */
  designate: t.boolean,
  start: IsoDateCodec,
  lineManager: nullable(TextCodec),
  /** The appointment process that led to the posting (AP-12), if any. */
  appointmentProcessId: nullable(IdCodec),
  /** PO-2: the day the minimum term is reached, or null when it does not apply. */
  minimumTermEnd: nullable(IsoDateCodec),
});

/** RS-4: the designate posting whose holder takes command of the unit on `at`, the day it went live. */
export const CommandTakenUpData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  officer: OfficerCodec,
  at: IsoDateCodec,
});

/** PO-3, PO-6: the restructure an end for organisational restructure names, and its event that touches the unit. */
export const RestructureTouchCodec = record(
  {
    restructureId: IdCodec,
    bcu: IdCodec,
    /** The event of the restructure stream that touches the unit: the BCU proposed, live, dissolved or withdrawn. */
    eventId: IdCodec,
  },
  'RestructureTouch',
);

/**
 * PO-2, PO-3, PO-5, PO-6: a posting ended; it accepts no further commands. Version 2; version 1
 * had no `restructure`.
 */
export const PostingEndedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  officer: OfficerCodec,
  acting: t.boolean,
  start: IsoDateCodec,
  end: IsoDateCodec,
  reason: EndReasonCodec,
  detail: nullable(TextCodec),
  /** Who approved an early end (PO-3), if anyone. */
  approvedBy: nullable(TextCodec),
  daysServed: days,
  minimumTermEnd: nullable(IsoDateCodec),
  /** Whether the minimum term was served; null when it does not apply. */
  minimumTermMet: nullable(t.boolean),
  /** Whether the reason is exceptional under the policy in force (PO-3). */
  exceptional: t.boolean,
  /** PO-3, PO-6: the restructure an end for organisational restructure names; null for every other end. */
  restructure: nullable(RestructureTouchCodec),
});

/**
 * PO-3: what an early end lacked, first thing first: a reason the policy deems exceptional; then
 * what that reason must show, the circumstances (`detail`) of a personal or professional reason or
 * the restructure that touches the unit for organisational restructure; then who approved it.
 */
export const MissingForEarlyEndCodec = t.keyof(
  { 'exceptional-reason': null, circumstances: null, restructure: null, approval: null },
  'MissingForEarlyEnd',
);

/**
 * PO-3 in `record` mode: a posting ended early without an approved exceptional reason, shown as the
 * policy asks. Version 2 adds `circumstances` and `restructure` to what `missing` may say.
 */
export const MinimumTermBreachedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  officer: OfficerCodec,
  start: IsoDateCodec,
  end: IsoDateCodec,
  minimumTermEnd: IsoDateCodec,
  daysShort: days,
  reason: EndReasonCodec,
  /** The first thing missing, in the order of `MissingForEarlyEndCodec`. */
  missing: MissingForEarlyEndCodec,
});

/** PO-4: a performance assessment (PDR preparation) and the partners who contributed. */
export const PerformanceAssessedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  officer: OfficerCodec,
  assessedBy: TextCodec,
  partners: t.readonlyArray(PartnerCodec),
  /** True when no partner contributed: flagged for the oversight body. */
  noPartnerInvolved: t.boolean,
  at: IsoDateCodec,
});

/**
 * In `record` mode: the step that follows this event departed from PO-1 (one commander per role
 * at a time: a start inside an earlier posting of the role, a second substantive commander in
 * post, an acting commander beside the one in post, an officer holding two postings of the unit)
 * or PO-5 (an assessment after the posting ended), as it happened; the rejection `enforce` mode
 * gives, by tag and in words.
 */
export const PostingRuleDepartedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  rule: t.keyof({ 'PO-1': null, 'PO-5': null }, 'DepartablePostingRule'),
  departure: IdCodec,
  message: TextCodec,
  at: IsoDateCodec,
});

/** The event definitions of the posting, for the codec registry. */
export const postingEventDefinitions = [
  defineEvent('PostingStarted', PostingStartedData, { version: 2, upcasters: { 1: upcastPostingStartedFromV1 } }),
  defineEvent('CommandTakenUp', CommandTakenUpData),
  defineEvent('PostingEnded', PostingEndedData, { version: 2, upcasters: { 1: upcastPostingEndedFromV1 } }),
  defineEvent('MinimumTermBreached', MinimumTermBreachedData, { version: 2, upcasters: { 1: upcastMinimumTermBreachedFromV1 } }),
  defineEvent('PerformanceAssessed', PerformanceAssessedData),
  defineEvent('PostingRuleDeparted', PostingRuleDepartedData),
] as const;

/** An event of a command unit's postings. */
export type PostingEvent =
  | { readonly type: 'PostingStarted'; readonly data: t.TypeOf<typeof PostingStartedData> }
  | { readonly type: 'CommandTakenUp'; readonly data: t.TypeOf<typeof CommandTakenUpData> }
  | { readonly type: 'PostingEnded'; readonly data: t.TypeOf<typeof PostingEndedData> }
  | { readonly type: 'MinimumTermBreached'; readonly data: t.TypeOf<typeof MinimumTermBreachedData> }
  | { readonly type: 'PerformanceAssessed'; readonly data: t.TypeOf<typeof PerformanceAssessedData> }
  | { readonly type: 'PostingRuleDeparted'; readonly data: t.TypeOf<typeof PostingRuleDepartedData> };
