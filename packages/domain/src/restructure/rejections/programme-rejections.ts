/** Rejections about the programmes of a restructure (RS-3, RS-9). */
import type { RuleId, RuleViolation } from '../../shared/rule-id.js';
import type { IsoDate } from '../../shared/iso-date.js';
import type { ProgrammeStage } from '../restructure-state.js';
import { listInWords } from '../wording.js';

/** The command names a programme that has not been started. */
export interface UnknownProgramme extends RuleViolation<'UnknownProgramme'> {
  readonly programmeId: string;
}
/** Refuses a command naming a programme that has not been started. */
export const unknownProgramme = (rule: RuleId, programmeId: string): UnknownProgramme => ({
  _tag: 'UnknownProgramme',
  rule,
  message: `No restructure programme '${programmeId}' has been started.`,
  programmeId,
});

/** RS-3: a programme with this id was already started. */
export interface ProgrammeAlreadyStarted extends RuleViolation<'ProgrammeAlreadyStarted'> {
  readonly programmeId: string;
}
/** RS-3: refuses to start a programme twice. */
export const programmeAlreadyStarted = (programmeId: string): ProgrammeAlreadyStarted => ({
  _tag: 'ProgrammeAlreadyStarted',
  rule: 'RS-3',
  message: `Restructure programme '${programmeId}' has already been started.`,
  programmeId,
});

/** RS-3: a roll-out may start only on or after the day of a recorded evaluation of the pathfinders. */
export interface PathfindersNotEvaluated extends RuleViolation<'PathfindersNotEvaluated'> {
  readonly programmeId: string;
  /** The day the roll-out would start. */
  readonly at: IsoDate;
  /** The day of the earliest evaluation recorded, later than `at`; null when none is recorded. */
  readonly evaluatedOn: IsoDate | null;
}
/** RS-3: refuses a roll-out before the pathfinder evaluation. */
export const pathfindersNotEvaluated = (programmeId: string, at: IsoDate, evaluatedOn?: IsoDate): PathfindersNotEvaluated => ({
  _tag: 'PathfindersNotEvaluated',
  rule: 'RS-3',
  message:
    evaluatedOn === undefined
      ? `Roll-out programme '${programmeId}' cannot start before an evaluation of the pathfinder BCUs is recorded.`
      : `Roll-out programme '${programmeId}' cannot start on ${at}: the pathfinder BCUs were first evaluated on ${evaluatedOn}, after it.`,
  programmeId,
  at,
  evaluatedOn: evaluatedOn ?? null,
});

/** RS-3: only a pathfinder programme is evaluated. */
export interface NotAPathfinderProgramme extends RuleViolation<'NotAPathfinderProgramme'> {
  readonly programmeId: string;
  readonly stage: ProgrammeStage;
}
/** RS-3: refuses to record a pathfinder evaluation for a roll-out programme. */
export const notAPathfinderProgramme = (programmeId: string, stage: ProgrammeStage): NotAPathfinderProgramme => ({
  _tag: 'NotAPathfinderProgramme',
  rule: 'RS-3',
  message: `Programme '${programmeId}' is a ${stage} programme; only a pathfinder programme is evaluated.`,
  programmeId,
  stage,
});

/** RS-3: a pathfinder is evaluated only once at least one of its BCUs has gone live, on or before the evaluation. */
export interface NoPathfinderBcuWentLive extends RuleViolation<'NoPathfinderBcuWentLive'> {
  readonly programmeId: string;
  /** The day of the evaluation. */
  readonly at: IsoDate;
}
/** RS-3: refuses to evaluate a pathfinder programme none of whose BCUs had gone live by the evaluation's day. */
export const noPathfinderBcuWentLive = (programmeId: string, at: IsoDate): NoPathfinderBcuWentLive => ({
  _tag: 'NoPathfinderBcuWentLive',
  rule: 'RS-3',
  message: `No BCU of pathfinder programme '${programmeId}' had gone live by ${at}, so there is nothing to evaluate on that day.`,
  programmeId,
  at,
});

/** RS-9: an abandoned programme accepts nothing more. */
export interface ProgrammeAbandoned extends RuleViolation<'ProgrammeAbandoned'> {
  readonly programmeId: string;
}
/** RS-9: refuses a command on an abandoned programme. */
export const programmeAbandoned = (programmeId: string): ProgrammeAbandoned => ({
  _tag: 'ProgrammeAbandoned',
  rule: 'RS-9',
  message: `Programme '${programmeId}' was abandoned; it accepts nothing more.`,
  programmeId,
});

/** RS-9: a programme with a live BCU cannot be abandoned. */
export interface ProgrammeHasLiveBcu extends RuleViolation<'ProgrammeHasLiveBcu'> {
  readonly programmeId: string;
  readonly liveBcus: readonly string[];
}
/** RS-9: refuses to abandon a programme while some of its BCUs are live. */
export const programmeHasLiveBcu = (programmeId: string, liveBcus: readonly string[]): ProgrammeHasLiveBcu => ({
  _tag: 'ProgrammeHasLiveBcu',
  rule: 'RS-9',
  message: `Programme '${programmeId}' cannot be abandoned while ${listInWords(liveBcus)} ${liveBcus.length === 1 ? 'is' : 'are'} live; dissolve ${liveBcus.length === 1 ? 'it' : 'them'} first.`,
  programmeId,
  liveBcus,
});
