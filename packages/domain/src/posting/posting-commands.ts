import * as t from 'io-ts';
import { commandCodec, commandCodecWithOptional } from '../shared/command-codec.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';

/** PO-1: an officer takes command of a unit on `at`, substantive or acting. */
export const StartPosting = commandCodecWithOptional(
  'StartPosting',
  { unit: CommandUnitCodec, postingId: IdCodec, role: CommanderRoleCodec, officer: OfficerCodec, acting: t.boolean },
  { lineManager: TextCodec, appointmentProcessId: IdCodec },
);
/** PO-2, PO-3: a posting ends on `at`; before its minimum term it needs an approved exceptional reason. */
export const EndPosting = commandCodecWithOptional(
  'EndPosting',
  { unit: CommandUnitCodec, postingId: IdCodec, reason: EndReasonCodec },
  { detail: TextCodec, approvedBy: TextCodec },
);
/** PO-4: record a performance assessment and the partners who contributed. */
export const AssessPerformance = commandCodec('AssessPerformance', {
  unit: CommandUnitCodec,
  postingId: IdCodec,
  assessedBy: TextCodec,
  partners: t.readonlyArray(PartnerCodec),
});
/** PO-6: a borough joined a live BCU: its commanders' postings end for organisational restructure. */
export const EndPostingsForRestructure = commandCodec('EndPostingsForRestructure', { unit: CommandUnitCodec, bcu: IdCodec });

/** The command codecs of the posting. */
export const postingCommandCodecs = [StartPosting, EndPosting, AssessPerformance, EndPostingsForRestructure] as const;

/** A command of a command unit's postings. */
export type PostingCommand = t.TypeOf<(typeof postingCommandCodecs)[number]>;
