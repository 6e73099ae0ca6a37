import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { isLondonBorough } from '../reference/london.js';
import type { RuleId } from '../shared/rule-id.js';
import { notALondonBorough } from '../shared/unit-rejections.js';
import {
  bcuClosed,
  programmeAbandoned,
  unknownBcu,
  unknownProgramme,
  type RestructureRejection,
} from './restructure-rejections.js';
import type { RestructureBcu, RestructureProgramme, RestructureState } from './restructure-state.js';

/** The programme a command names, if it was started and not abandoned (RS-9: an abandoned programme accepts nothing more). */
export const openProgramme = (
  state: RestructureState,
  programmeId: string,
  rule: RuleId,
): E.Either<RestructureRejection, RestructureProgramme> => {
  const programme = state.programmes.get(programmeId);
  if (programme === undefined) return E.left(unknownProgramme(rule, programmeId));
  if (programme.abandoned) return E.left(programmeAbandoned(programmeId)); // RS-9
  return E.right(programme);
};

/** The BCU a command names, if it was proposed. */
export const knownBcu = (state: RestructureState, bcu: string, rule: RuleId): E.Either<RestructureRejection, RestructureBcu> => {
  const found = state.bcus.get(bcu);
  return found === undefined ? E.left(unknownBcu(rule, bcu)) : E.right(found);
};

/** The BCU a command names, if it is proposed or live (RS-9: a dissolved or withdrawn BCU accepts nothing more). */
export const openBcu = (state: RestructureState, bcu: string, rule: RuleId): E.Either<RestructureRejection, RestructureBcu> =>
  pipe(
    knownBcu(state, bcu, rule),
    E.chain((found) =>
      found.status === 'dissolved' || found.status === 'withdrawn' ? E.left(bcuClosed(found.name, found.status)) : E.right(found),
    ),
  );

/** The borough a command names, if it is one of London's 32. */
export const londonBorough = (borough: string, rule: RuleId): E.Either<RestructureRejection, string> =>
  isLondonBorough(borough) ? E.right(borough) : E.left(notALondonBorough(rule, borough));
