import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { openProgramme } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import { hasGoneLive } from './restructure-queries.js';
import { noPathfinderBcuWentLive, notAPathfinderProgramme } from './restructure-rejections.js';
import type { RestructureState } from './restructure-state.js';

/**
 * RS-3: records the evaluation of a pathfinder programme dated on or after the day at least one of
 * its BCUs went live. From then on a roll-out programme may start. A programme may be evaluated more than once
 * (an interim and a final report); each evaluation is recorded.
 */
export const recordPathfinderEvaluation = (
  command: RestructureCommandOf<'RecordPathfinderEvaluation'>,
  state: RestructureState,
  waived: ReadonlySet<string> = new Set(),
): RestructureDecision =>
  pipe(
    openProgramme(state, command.programmeId, 'RS-3'),
    E.chain((programme): RestructureDecision => {
      // RS-3: the pathfinders are what is evaluated.
      if (programme.stage !== 'pathfinder') return E.left(notAPathfinderProgramme(programme.id, programme.stage));
      // RS-3: there is something to evaluate only once a pathfinder BCU has gone live, on or before the evaluation's day.
      const wentLive = programme.bcus.some((name) => {
        const bcu = state.bcus.get(name);
        return bcu !== undefined && hasGoneLive(bcu) && bcu.wentLiveOn !== undefined && bcu.wentLiveOn <= command.at;
      });
      if (!wentLive && !waived.has('NoPathfinderBcuWentLive')) return E.left(noPathfinderBcuWentLive(programme.id, command.at));
      return E.right([
        {
          type: 'PathfinderEvaluationRecorded',
          data: {
            restructureId: command.restructureId,
            programmeId: programme.id,
            evaluatedBy: command.evaluatedBy,
            findings: command.findings,
            at: command.at,
          },
        },
      ]);
    }),
  );
