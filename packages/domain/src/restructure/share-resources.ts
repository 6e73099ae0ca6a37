import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { knownBcu } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import { bcuNotLive } from './restructure-rejections.js';
import type { RestructureState } from './restructure-state.js';

/**
 * RS-6: shares people, buildings, technology or vehicles across a live BCU's boroughs. The event
 * lists each resource once, in the order given. `waived` names the rejections `record` mode
 * records as departures instead.
 */
export const shareResources = (command: RestructureCommandOf<'ShareResources'>, state: RestructureState, waived: ReadonlySet<string> = new Set()): RestructureDecision =>
  pipe(
    knownBcu(state, command.bcu, 'RS-6'),
    E.chain((bcu): RestructureDecision => {
      // RS-6: resources are shared once the BCU is live.
      if (bcu.status !== 'live' && !waived.has('BcuNotLive')) return E.left(bcuNotLive('RS-6', bcu.name, bcu.status, 'share resources across its boroughs'));
      return E.right([
        {
          type: 'ResourcesShared',
          data: {
            restructureId: command.restructureId,
            bcu: bcu.name,
            resources: command.resources.filter((resource, index) => command.resources.indexOf(resource) === index),
            at: command.at,
          },
        },
      ]);
    }),
  );
