/** Rejections about a BCU's commander and superintendents (RS-4, RS-5). */
import type { RuleViolation } from '../../shared/rule-id.js';
import type { CoreFunction, Officer, Rank } from '../../shared/vocabulary.js';
import { countOf, listInWords } from '../wording.js';

/** RS-4: a BCU commander holds the rank the policy names (chief superintendent). */
export interface WrongCommanderRank extends RuleViolation<'WrongCommanderRank'> {
  readonly bcu: string;
  readonly officer: Officer;
  readonly requiredRank: Rank;
}
/** RS-4: refuses a BCU commander of another rank. */
export const wrongCommanderRank = (bcu: string, officer: Officer, requiredRank: Rank): WrongCommanderRank => ({
  _tag: 'WrongCommanderRank',
  rule: 'RS-4',
  message: `${officer.name} is a ${officer.rank}; the commander of BCU '${bcu}' must be a ${requiredRank}.`,
  bcu,
  officer,
  requiredRank,
});

/** RS-4: only a pathfinder BCU may be led by an interim commander. */
export interface InterimOutsidePathfinder extends RuleViolation<'InterimOutsidePathfinder'> {
  readonly bcu: string;
  readonly officer: Officer;
}
/** RS-4: refuses an interim commander for a BCU that is not a pathfinder. */
export const interimOutsidePathfinder = (bcu: string, officer: Officer): InterimOutsidePathfinder => ({
  _tag: 'InterimOutsidePathfinder',
  rule: 'RS-4',
  message: `${officer.name} cannot be interim commander of BCU '${bcu}': only a pathfinder BCU may have an interim commander.`,
  bcu,
  officer,
});

/** RS-4: a successor is appointed only with the departure of the commander in place. */
export interface PredecessorDepartureMissing extends RuleViolation<'PredecessorDepartureMissing'> {
  readonly bcu: string;
  /** The commander in place. */
  readonly commander: Officer;
  /** The officer the command would appoint. */
  readonly officer: Officer;
}
/** RS-4: refuses to replace a BCU's commander without saying why the commander in place leaves. */
export const predecessorDepartureMissing = (bcu: string, commander: Officer, officer: Officer): PredecessorDepartureMissing => ({
  _tag: 'PredecessorDepartureMissing',
  rule: 'RS-4',
  message: `BCU '${bcu}' is commanded by ${commander.name}; appointing ${officer.name} in their place needs ${commander.name}'s departure (predecessorLeaves: the reason, and who approved it).`,
  bcu,
  commander,
  officer,
});

/** RS-4: the officer appointed is not already the BCU's commander. */
export interface AlreadyBcuCommander extends RuleViolation<'AlreadyBcuCommander'> {
  readonly bcu: string;
  readonly officer: Officer;
}
/** RS-4: refuses to appoint the commander in place again. */
export const alreadyBcuCommander = (bcu: string, officer: Officer): AlreadyBcuCommander => ({
  _tag: 'AlreadyBcuCommander',
  rule: 'RS-4',
  message: `${officer.name} is already the commander of BCU '${bcu}'.`,
  bcu,
  officer,
});

/** RS-4: a predecessor's departure is given only when the BCU has a commander to leave. */
export interface NoPredecessorToLeave extends RuleViolation<'NoPredecessorToLeave'> {
  readonly bcu: string;
  readonly officer: Officer;
}
/** RS-4: refuses a first appointment that says a predecessor leaves. */
export const noPredecessorToLeave = (bcu: string, officer: Officer): NoPredecessorToLeave => ({
  _tag: 'NoPredecessorToLeave',
  rule: 'RS-4',
  message: `BCU '${bcu}' has no commander yet, so no predecessor leaves when ${officer.name} is appointed; leave out predecessorLeaves.`,
  bcu,
  officer,
});

/** RS-5: function leads and dedicated superintendents hold the rank of superintendent. */
export interface NotASuperintendent extends RuleViolation<'NotASuperintendent'> {
  readonly bcu: string;
  readonly officer: Officer;
}
/** RS-5: refuses to assign an officer who is not a superintendent. */
export const notASuperintendent = (bcu: string, officer: Officer): NotASuperintendent => ({
  _tag: 'NotASuperintendent',
  rule: 'RS-5',
  message: `${officer.name} is a ${officer.rank}; only a superintendent leads a core function or is a borough's dedicated superintendent in BCU '${bcu}'.`,
  bcu,
  officer,
});

/** RS-5: an assignment gives the superintendent a function to lead, a borough, or both. */
export interface NoSuperintendentRole extends RuleViolation<'NoSuperintendentRole'> {
  readonly bcu: string;
  readonly officer: Officer;
}
/** RS-5: refuses an assignment with neither a function nor a borough. */
export const noSuperintendentRole = (bcu: string, officer: Officer): NoSuperintendentRole => ({
  _tag: 'NoSuperintendentRole',
  rule: 'RS-5',
  message: `Assign ${officer.name} in BCU '${bcu}' to lead a core function, to be a borough's dedicated superintendent, or both.`,
  bcu,
  officer,
});

/** RS-5: a superintendent leads one of the policy's core functions. */
export interface NotACoreFunction extends RuleViolation<'NotACoreFunction'> {
  readonly bcu: string;
  readonly function: CoreFunction;
  readonly coreFunctions: readonly CoreFunction[];
}
/** RS-5: refuses to assign the lead of a function the policy does not count as core. */
export const notACoreFunction = (bcu: string, coreFunction: CoreFunction, coreFunctions: readonly CoreFunction[]): NotACoreFunction => ({
  _tag: 'NotACoreFunction',
  rule: 'RS-5',
  message: `'${coreFunction}' is not a core function of BCU '${bcu}' under the policy (${listInWords(coreFunctions)}).`,
  bcu,
  function: coreFunction,
  coreFunctions,
});

/** RS-5: a pathfinder BCU has at most the policy's number of superintendents (four). */
export interface TooManySuperintendents extends RuleViolation<'TooManySuperintendents'> {
  readonly bcu: string;
  readonly superintendents: number;
  readonly maximum: number;
}
/** RS-5: refuses an assignment that would give a pathfinder BCU more superintendents than the policy allows. */
export const tooManySuperintendents = (bcu: string, superintendents: number, maximum: number): TooManySuperintendents => ({
  _tag: 'TooManySuperintendents',
  rule: 'RS-5',
  message: `Pathfinder BCU '${bcu}' would have ${countOf(superintendents, 'superintendent')}; it has at most ${String(maximum)}.`,
  bcu,
  superintendents,
  maximum,
});

/** RS-5: a BCU goes live only with its commander, a lead for every core function and a dedicated superintendent for every borough. */
export interface LeadershipIncomplete extends RuleViolation<'LeadershipIncomplete'> {
  readonly bcu: string;
  readonly commanderMissing: boolean;
  readonly functionsWithoutLead: readonly CoreFunction[];
  readonly boroughsWithoutDedicatedSuperintendent: readonly string[];
  /** Functions whose lead also leads another function (journals written before each function needed its own lead). */
  readonly functionsSharingALead: readonly CoreFunction[];
}
/** RS-5: each core function is led by a different superintendent. */
export interface LeadsAnotherFunction extends RuleViolation<'LeadsAnotherFunction'> {
  readonly bcu: string;
  readonly superintendent: Officer;
  /** The function the command would have them lead. */
  readonly leads: CoreFunction;
  /** The function they already lead across the BCU. */
  readonly alreadyLeads: CoreFunction;
}
/** RS-5: refuses a superintendent a second core function to lead in the same BCU. */
export const leadsAnotherFunction = (bcu: string, superintendent: Officer, leads: CoreFunction, alreadyLeads: CoreFunction): LeadsAnotherFunction => ({
  _tag: 'LeadsAnotherFunction',
  rule: 'RS-5',
  message:
    `${superintendent.name} already leads ${alreadyLeads} across BCU '${bcu}' and cannot also lead ${leads}: ` +
    'each of the core functions is led by a different superintendent.',
  bcu,
  superintendent,
  leads,
  alreadyLeads,
});

/** RS-5: refuses to take a BCU live before its leadership is complete, listing every gap. */
export const leadershipIncomplete = (
  bcu: string,
  gaps: Omit<LeadershipIncomplete, '_tag' | 'rule' | 'message' | 'bcu'>,
): LeadershipIncomplete => {
  const parts = [
    ...(gaps.commanderMissing ? ['no commander has been appointed'] : []),
    ...(gaps.functionsWithoutLead.length > 0 ? [`no superintendent leads ${listInWords(gaps.functionsWithoutLead)}`] : []),
    ...(gaps.boroughsWithoutDedicatedSuperintendent.length > 0
      ? [`${listInWords(gaps.boroughsWithoutDedicatedSuperintendent)} ${gaps.boroughsWithoutDedicatedSuperintendent.length === 1 ? 'has' : 'have'} no dedicated superintendent`]
      : []),
    ...(gaps.functionsSharingALead.length > 0
      ? [`${listInWords(gaps.functionsSharingALead)} share a superintendent, where each needs its own`]
      : []),
  ];
  return {
    _tag: 'LeadershipIncomplete',
    rule: 'RS-5',
    message: `BCU '${bcu}' cannot go live: ${parts.join('; ')}.`,
    bcu,
    ...gaps,
  };
};

/** RS-5: a live BCU does not go live again. */
export interface BcuAlreadyLive extends RuleViolation<'BcuAlreadyLive'> {
  readonly bcu: string;
}
/** RS-5: refuses to take a live BCU live again. */
export const bcuAlreadyLive = (bcu: string): BcuAlreadyLive => ({
  _tag: 'BcuAlreadyLive',
  rule: 'RS-5',
  message: `BCU '${bcu}' is already live.`,
  bcu,
});
