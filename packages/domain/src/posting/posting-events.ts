import * as t from 'io-ts';
import { defineEvent } from '../eventsourcing/codec-registry.js';
import { integerBetween, nullable, record } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';


const days = integerBetween(0, 1_000_000);

/** PO-1: an officer took command of a command unit in a role, substantive or acting. */
export const PostingStartedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  officer: OfficerCodec,
  acting: t.boolean,
  start: IsoDateCodec,
  lineManager: nullable(TextCodec),
  /** The appointment process that led to the posting (AP-12), if any. */
  appointmentProcessId: nullable(IdCodec),
  /** PO-2: the day the minimum term is reached, or null when it does not apply. */
  minimumTermEnd: nullable(IsoDateCodec),
});

/** PO-2, PO-3, PO-5, PO-6: a posting ended; it accepts no further commands. */
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
});

/** PO-3 in `record` mode: a posting ended early without an approved exceptional reason. */
export const MinimumTermBreachedData = record({
  postingId: IdCodec,
  unit: CommandUnitCodec,
  officer: OfficerCodec,
  start: IsoDateCodec,
  end: IsoDateCodec,
  minimumTermEnd: IsoDateCodec,
  daysShort: days,
  reason: EndReasonCodec,
  /** What was missing: a reason the policy deems exceptional, or the approval of one. */
  missing: t.keyof({ 'exceptional-reason': null, approval: null }),
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

/** The event definitions of the posting, for the codec registry. */
export const postingEventDefinitions = [
  defineEvent('PostingStarted', PostingStartedData),
  defineEvent('PostingEnded', PostingEndedData),
  defineEvent('MinimumTermBreached', MinimumTermBreachedData),
  defineEvent('PerformanceAssessed', PerformanceAssessedData),
] as const;

/** An event of a command unit's postings. */
export type PostingEvent =
  | { readonly type: 'PostingStarted'; readonly data: t.TypeOf<typeof PostingStartedData> }
  | { readonly type: 'PostingEnded'; readonly data: t.TypeOf<typeof PostingEndedData> }
  | { readonly type: 'MinimumTermBreached'; readonly data: t.TypeOf<typeof MinimumTermBreachedData> }
  | { readonly type: 'PerformanceAssessed'; readonly data: t.TypeOf<typeof PerformanceAssessedData> };
