import * as E from 'fp-ts/lib/Either.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import { pathfindersNotEvaluated, programmeAlreadyStarted } from './restructure-rejections.js';
import type { RestructureState } from './restructure-state.js';

/**
 * RS-3: starts a programme of the restructure. Pathfinder programmes may start at any time; a
 * roll-out programme only on or after the day of a recorded evaluation of the pathfinders.
 */
export const startRestructureProgramme = (
  command: RestructureCommandOf<'StartRestructureProgramme'>,
  state: RestructureState,
  waived: ReadonlySet<string> = new Set(),
): RestructureDecision => {
  // RS-3: each programme is started once.
  if (state.programmes.has(command.programmeId)) return E.left(programmeAlreadyStarted(command.programmeId));
  // RS-3: no roll-out beyond the pathfinders before an evaluation of them, dated on or before its start.
  const evaluatedOn = state.pathfindersEvaluatedOn;
  if (command.stage === 'roll-out' && (evaluatedOn === undefined || evaluatedOn > command.at) && !waived.has('PathfindersNotEvaluated')) {
    return E.left(pathfindersNotEvaluated(command.programmeId, command.at, evaluatedOn));
  }
  return E.right([
    {
      type: 'RestructureProgrammeStarted',
      data: {
        restructureId: command.restructureId,
        programmeId: command.programmeId,
        stage: command.stage,
        name: command.name,
        at: command.at,
      },
    },
  ]);
};
