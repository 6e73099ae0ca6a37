import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { isLondonBorough } from '../reference/london.js';
import { notALondonBorough } from '../shared/unit-rejections.js';
import { bcuOfBorough } from './restructure-queries.js';
import { openProgramme } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import {
  bcuNameTaken,
  boroughInAnotherBcu,
  duplicateBorough,
  tooFewBoroughs,
  type RestructureRejection,
} from './restructure-rejections.js';
import type { RestructureState } from './restructure-state.js';

/**
 * RS-1: why a BCU of these boroughs cannot be proposed, if it cannot; `record` mode records a BCU
 * of one borough as a departure (`TooFewBoroughs` waived), never one of none.
 */
const boroughsProblem = (state: RestructureState, bcu: string, boroughs: readonly string[], waived: ReadonlySet<string>): RestructureRejection | undefined => {
  if (boroughs.length < 2 && !(boroughs.length === 1 && waived.has('TooFewBoroughs'))) return tooFewBoroughs(bcu, boroughs);
  const repeated = boroughs.find((borough, index) => boroughs.indexOf(borough) !== index);
  if (repeated !== undefined) return duplicateBorough(bcu, repeated);
  const outsideLondon = boroughs.find((borough) => !isLondonBorough(borough));
  if (outsideLondon !== undefined) return notALondonBorough('RS-1', outsideLondon);
  for (const borough of boroughs) {
    const other = bcuOfBorough(state, borough);
    if (other !== undefined) return boroughInAnotherBcu(bcu, borough, other.name, other.status);
  }
  return undefined;
};

/**
 * RS-1: proposes a BCU merging two or more distinct London boroughs in an open programme. A borough
 * belongs to at most one proposed or live BCU at a time; a BCU proposed in a pathfinder programme is
 * a pathfinder BCU. `waived` names what `record` mode records as a departure instead.
 */
export const proposeBcu = (command: RestructureCommandOf<'ProposeBcu'>, state: RestructureState, waived: ReadonlySet<string> = new Set()): RestructureDecision =>
  pipe(
    openProgramme(state, command.programmeId, 'RS-1'),
    E.chain((programme): RestructureDecision => {
      // RS-1: a BCU's name identifies it in the restructure, for good.
      if (state.bcus.has(command.bcu)) return E.left(bcuNameTaken(command.bcu));
      // RS-1: two or more distinct London boroughs, none already in another BCU.
      const problem = boroughsProblem(state, command.bcu, command.boroughs, waived);
      if (problem !== undefined) return E.left(problem);
      return E.right([
        {
          type: 'BcuProposed',
          data: {
            restructureId: command.restructureId,
            programmeId: programme.id,
            bcu: command.bcu,
            boroughs: command.boroughs,
            pathfinder: programme.stage === 'pathfinder',
            at: command.at,
          },
        },
      ]);
    }),
  );
