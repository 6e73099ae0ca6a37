import * as t from 'io-ts';
import { record, recordWithOptional } from '../shared/codec-helpers.js';
import { commandCodec, commandCodecWithOptional } from '../shared/command-codec.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';

/** PO-3: the restructure an end for organisational restructure names; its BCU contains the borough or is the unit. */
export const RestructureNamedCodec = record({ restructureId: IdCodec, bcu: IdCodec }, 'RestructureNamed');

/**
 * PO-3, RS-4: why the commander in place leaves when a successor starts: the reason, its
 * circumstances, who approved it, and for organisational restructure the restructure.
 */
export const SucceedsCodec = recordWithOptional(
  { reason: EndReasonCodec },
  { detail: TextCodec, approvedBy: TextCodec, restructure: RestructureNamedCodec },
  'Succeeds',
);

/**
 * PO-1: an officer takes command of a unit on `at`, substantive or acting; RS-4: interim (no
 * minimum term), or designate when named before the unit goes live; with `succeeds`, the
 * substantive holder of the role leaves the same day for that reason (PO-3), in the same decision.
 */
export const StartPosting = commandCodecWithOptional(
  'StartPosting',
  { unit: CommandUnitCodec, postingId: IdCodec, role: CommanderRoleCodec, officer: OfficerCodec, acting: t.boolean },
  {
    lineManager: TextCodec,
    appointmentProcessId: IdCodec,
    interim: t.boolean,
    designate: t.boolean,
    succeeds: SucceedsCodec,
  },
);
/**
 * PO-2, PO-3: a posting ends on `at`; before its minimum term it needs an approved exceptional
 * reason, with its circumstances (`detail`), or for organisational restructure the restructure
 * that touches the unit (`restructure`).
 */
export const EndPosting = commandCodecWithOptional(
  'EndPosting',
  { unit: CommandUnitCodec, postingId: IdCodec, reason: EndReasonCodec },
  { detail: TextCodec, approvedBy: TextCodec, restructure: RestructureNamedCodec },
);
/**
 * RS-4: the unit went live and its commander takes command on `at`: the officer's designate
 * posting takes command, or, when there is none, a posting `postingId` starts.
 */
export const TakeUpCommand = commandCodecWithOptional(
  'TakeUpCommand',
  { unit: CommandUnitCodec, postingId: IdCodec, role: CommanderRoleCodec, officer: OfficerCodec },
  { interim: t.boolean },
);
/** PO-4: record a performance assessment and the partners who contributed. */
export const AssessPerformance = commandCodec('AssessPerformance', {
  unit: CommandUnitCodec,
  postingId: IdCodec,
  assessedBy: TextCodec,
  partners: t.readonlyArray(PartnerCodec),
});
/**
 * PO-6: a borough joined a live BCU (or the BCU was dissolved or withdrawn): its commanders'
 * postings end for organisational restructure, naming the restructure (`restructureId`) and the
 * event that caused the end (`causedBy`) when given.
 */
export const EndPostingsForRestructure = commandCodecWithOptional(
  'EndPostingsForRestructure',
  { unit: CommandUnitCodec, bcu: IdCodec },
  { restructureId: IdCodec, causedBy: IdCodec },
);

/** The command codecs of the posting. */
export const postingCommandCodecs = [StartPosting, TakeUpCommand, EndPosting, AssessPerformance, EndPostingsForRestructure] as const;

/** A command of a command unit's postings. */
export type PostingCommand = t.TypeOf<(typeof postingCommandCodecs)[number]>;
