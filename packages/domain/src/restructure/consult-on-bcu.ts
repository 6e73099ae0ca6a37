import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { IsoDate } from '../shared/iso-date.js';
import { openBcu } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import type { RestructureEvent } from './restructure-events.js';
import {
  boroughGivenForMopac,
  boroughNotInBcu,
  consultationNeedsBorough,
  type MissingConsultation,
  type RestructureRejection,
} from './restructure-rejections.js';
import type { RestructureBcu, RestructureState } from './restructure-state.js';

/** RS-2: the borough a consultation is about: one of the BCU's for a local authority, none for MOPAC. */
const consultedBorough = (
  command: RestructureCommandOf<'RecordBcuConsultation'>,
  bcu: RestructureBcu,
): E.Either<RestructureRejection, string | null> => {
  if (command.consultee === 'mopac') {
    return command.borough === undefined ? E.right(null) : E.left(boroughGivenForMopac(bcu.name, command.borough));
  }
  if (command.borough === undefined) return E.left(consultationNeedsBorough(bcu.name, command.consultee));
  if (!bcu.boroughs.includes(command.borough)) return E.left(boroughNotInBcu('RS-2', bcu.name, command.borough, bcu.boroughs));
  return E.right(command.borough);
};

/**
 * RS-2: records that a borough's local authority leader or chief executive, or MOPAC, was consulted
 * about a proposed or live BCU.
 */
export const recordBcuConsultation = (
  command: RestructureCommandOf<'RecordBcuConsultation'>,
  state: RestructureState,
): RestructureDecision =>
  pipe(
    openBcu(state, command.bcu, 'RS-2'),
    E.chain((bcu) => consultedBorough(command, bcu)),
    E.map((borough): readonly RestructureEvent[] => [
      {
        type: 'BcuConsultationRecorded',
        data: {
          restructureId: command.restructureId,
          bcu: command.bcu,
          consultee: command.consultee,
          borough,
          name: command.name,
          at: command.at,
        },
      },
    ]),
  );

/**
 * RS-2: who must still be consulted before a BCU goes live on `at`: the leader and the chief
 * executive of each of its boroughs, then MOPAC. Only a consultation dated on or before `at` counts.
 */
export const missingConsultations = (bcu: RestructureBcu, at: IsoDate): readonly MissingConsultation[] => {
  const needed: readonly MissingConsultation[] = [
    ...bcu.boroughs.flatMap((borough): MissingConsultation[] => [
      { consultee: 'local-authority-leader', borough },
      { consultee: 'local-authority-chief-executive', borough },
    ]),
    { consultee: 'mopac', borough: null },
  ];
  return needed.filter(
    (wanted) => !bcu.consultations.some((done) => done.consultee === wanted.consultee && done.borough === wanted.borough && done.on <= at),
  );
};
