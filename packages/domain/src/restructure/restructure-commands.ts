import * as t from 'io-ts';
import { commandCodec, commandCodecWithOptional } from '../shared/command-codec.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';
import { integerBetween, nonEmptyArray, recordWithOptional } from '../shared/codec-helpers.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CoreFunctionCodec, OfficerCodec, SharedResourceCodec } from '../shared/vocabulary.js';
import { ConsulteeKindCodec, ProgrammeStageCodec, WardExceptionCodec } from './restructure-events.js';

const restructureId = IdCodec;

/** RS-3: start a programme at the pathfinder or (after the evaluation) the roll-out stage. */
export const StartRestructureProgramme = commandCodec('StartRestructureProgramme', {
  restructureId,
  programmeId: IdCodec,
  stage: ProgrammeStageCodec,
  name: TextCodec,
});
/** RS-1: propose a BCU of two or more distinct boroughs in a programme. */
export const ProposeBcu = commandCodec('ProposeBcu', {
  restructureId,
  programmeId: IdCodec,
  bcu: IdCodec,
  boroughs: nonEmptyArray(IdCodec),
});
/** RS-2: record the consultation of a local authority leader or chief executive, or of MOPAC. */
export const RecordBcuConsultation = commandCodecWithOptional(
  'RecordBcuConsultation',
  { restructureId, bcu: IdCodec, consultee: ConsulteeKindCodec, name: TextCodec },
  { borough: IdCodec },
);
/** RS-4: why the commander in place leaves when a successor is appointed, and who approved it. */
export const PredecessorLeavesCodec = recordWithOptional(
  { reason: EndReasonCodec },
  { detail: TextCodec, approvedBy: TextCodec },
  'PredecessorLeaves',
);
/** RS-4: appoint the BCU's commander, a chief superintendent (interim allowed in a pathfinder); a successor comes with why the commander in place leaves (`predecessorLeaves`). */
export const AppointBcuCommander = commandCodecWithOptional(
  'AppointBcuCommander',
  { restructureId, bcu: IdCodec, officer: OfficerCodec, interim: t.boolean },
  { predecessorLeaves: PredecessorLeavesCodec },
);
/**
 * RS-4: record that the BCU's commander left with no successor named: their posting on the BCU
 * ended on `at` (`postingId`), so the BCU has no commander until one is appointed. The domain
 * service sends it before a BCU's next appointment or go-live when the BCU's postings show the
 * commander gone; it records nothing when the officer no longer commands the BCU.
 */
export const RecordBcuCommanderLeft = commandCodec('RecordBcuCommanderLeft', { restructureId, bcu: IdCodec, officer: OfficerCodec, postingId: TextCodec });
/** RS-5: assign a superintendent to lead a core function, to be a borough's dedicated superintendent, or both. */
export const AssignSuperintendent = commandCodecWithOptional(
  'AssignSuperintendent',
  { restructureId, bcu: IdCodec, superintendent: OfficerCodec },
  { leads: CoreFunctionCodec, dedicatedTo: IdCodec },
);
/** RS-7: set a borough's dedicated ward officers per ward, with wards that differ. */
export const AllocateDedicatedWardOfficers = commandCodecWithOptional(
  'AllocateDedicatedWardOfficers',
  { restructureId, borough: IdCodec, officersPerWard: integerBetween(0, 1000) },
  { exceptions: t.readonlyArray(WardExceptionCodec) },
);
/** RS-8: register a borough's police station open to the public 24/7. */
export const RegisterTwentyFourHourStation = commandCodec('RegisterTwentyFourHourStation', {
  restructureId,
  borough: IdCodec,
  station: TextCodec,
});
/** RS-8: close a 24/7 station (refused for a borough's last one). */
export const CloseTwentyFourHourStation = commandCodec('CloseTwentyFourHourStation', {
  restructureId,
  borough: IdCodec,
  station: TextCodec,
  reason: TextCodec,
});
/** RS-5: take a BCU live once its commander, superintendents, consultations, ward officers and stations are in place. */
export const TakeBcuLive = commandCodec('TakeBcuLive', { restructureId, bcu: IdCodec });
/** RS-6: share resources across a live BCU's boroughs. */
export const ShareResources = commandCodec('ShareResources', {
  restructureId,
  bcu: IdCodec,
  resources: nonEmptyArray(SharedResourceCodec),
});
/** RS-3: record the evaluation of the pathfinder BCUs. */
export const RecordPathfinderEvaluation = commandCodec('RecordPathfinderEvaluation', {
  restructureId,
  programmeId: IdCodec,
  evaluatedBy: TextCodec,
  findings: TextCodec,
});
/** RS-9: dissolve a live BCU; its boroughs return to borough commands. */
export const DissolveBcu = commandCodec('DissolveBcu', { restructureId, bcu: IdCodec, reason: TextCodec });
/** RS-9: abandon a programme, withdrawing its BCUs not yet live. */
export const AbandonRestructureProgramme = commandCodec('AbandonRestructureProgramme', {
  restructureId,
  programmeId: IdCodec,
  reason: TextCodec,
});

/** The command codecs of the BCU restructure. */
export const restructureCommandCodecs = [
  StartRestructureProgramme,
  ProposeBcu,
  RecordBcuConsultation,
  AppointBcuCommander,
  RecordBcuCommanderLeft,
  AssignSuperintendent,
  AllocateDedicatedWardOfficers,
  RegisterTwentyFourHourStation,
  CloseTwentyFourHourStation,
  TakeBcuLive,
  ShareResources,
  RecordPathfinderEvaluation,
  DissolveBcu,
  AbandonRestructureProgramme,
] as const;

/** A command of a force's BCU restructure. */
export type RestructureCommand = t.TypeOf<(typeof restructureCommandCodecs)[number]>;
