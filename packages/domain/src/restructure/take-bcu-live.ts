import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { PolicyValues } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import { missingConsultations } from './consult-on-bcu.js';
import { missingLeadership } from './lead-bcu.js';
import { knownBcu } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import type { RestructureEvent } from './restructure-events.js';
import {
  bcuAlreadyLive,
  bcuClosed,
  consultationsMissing,
  leadershipIncomplete,
  noTwentyFourHourStation,
  programmeAbandoned,
  wardOfficersNotAllocated,
  type RestructureRejection,
} from './restructure-rejections.js';
import type { RestructureBcu, RestructureState } from './restructure-state.js';
import { boroughsWithoutStation } from './stations.js';
import { boroughsWithoutWardOfficers } from './ward-officers.js';

/** The first reason a BCU is not ready to go live on `at`, rule by rule, each listing everything missing under it. */
export const goLiveProblem = (
  values: PolicyValues,
  state: RestructureState,
  bcu: RestructureBcu,
  at: IsoDate,
  waived: ReadonlySet<string> = new Set(),
): RestructureRejection | undefined => {
  if (bcu.status === 'live') return bcuAlreadyLive(bcu.name); // RS-5
  if (bcu.status === 'dissolved' || bcu.status === 'withdrawn') return bcuClosed(bcu.name, bcu.status); // RS-9
  if (state.programmes.get(bcu.programmeId)?.abandoned === true) return programmeAbandoned(bcu.programmeId); // RS-9
  // RS-5: commander, a lead per core function, a dedicated superintendent per borough.
  // (A BCU cannot go live without a commander, in either mode: its go-live names them.)
  const leadershipGaps = missingLeadership(values, bcu);
  if (leadershipGaps !== undefined && (leadershipGaps.commanderMissing || !waived.has('LeadershipIncomplete'))) {
    return leadershipIncomplete(bcu.name, leadershipGaps);
  }
  // RS-2: every borough's leader and chief executive, and MOPAC, consulted on or before the day.
  const notConsulted = missingConsultations(bcu, at);
  if (notConsulted.length > 0 && !waived.has('ConsultationsMissing')) return consultationsMissing(bcu.name, notConsulted);
  // RS-7: dedicated ward officers allocated in every borough.
  const withoutWardOfficers = boroughsWithoutWardOfficers(state, bcu);
  if (withoutWardOfficers.length > 0 && !waived.has('WardOfficersNotAllocated')) return wardOfficersNotAllocated(bcu.name, withoutWardOfficers);
  // RS-8: a 24/7 station in every borough.
  const withoutStation = boroughsWithoutStation(state, bcu);
  if (withoutStation.length > 0 && !waived.has('NoTwentyFourHourStation')) return noTwentyFourHourStation(bcu.name, withoutStation);
  return undefined;
};

/** RS-5: the event of a ready BCU going live, with its commander, function leads and dedicated superintendents. */
const wentLive = (
  values: PolicyValues,
  command: RestructureCommandOf<'TakeBcuLive'>,
  bcu: RestructureBcu & { readonly commander: NonNullable<RestructureBcu['commander']> },
): RestructureEvent => ({
  type: 'BcuWentLive',
  data: {
    restructureId: command.restructureId,
    programmeId: bcu.programmeId,
    bcu: bcu.name,
    boroughs: bcu.boroughs,
    commander: bcu.commander.officer,
    interim: bcu.commander.interim,
    functionLeads: values.coreFunctions.flatMap((coreFunction) => {
      const superintendent = bcu.functionLeads.get(coreFunction);
      return superintendent === undefined ? [] : [{ function: coreFunction, superintendent }];
    }),
    dedicatedSuperintendents: bcu.boroughs.flatMap((borough) => {
      const superintendent = bcu.dedicatedSuperintendents.get(borough);
      return superintendent === undefined ? [] : [{ borough, superintendent }];
    }),
    at: command.at,
  },
});

/**
 * RS-5: takes a proposed BCU live once its commander is appointed, a superintendent leads each core
 * function and each borough has a dedicated superintendent; and (RS-2) everyone is consulted,
 * (RS-7) dedicated ward officers are allocated and (RS-8) each borough has a 24/7 station.
 */
export const takeBcuLive =
  (values: PolicyValues, waived: ReadonlySet<string> = new Set()) =>
  (command: RestructureCommandOf<'TakeBcuLive'>, state: RestructureState): RestructureDecision =>
    pipe(
      knownBcu(state, command.bcu, 'RS-5'),
      E.chain((bcu): RestructureDecision => {
        const problem = goLiveProblem(values, state, bcu, command.at, waived);
        if (problem !== undefined) return E.left(problem);
        const { commander } = bcu;
        // goLiveProblem has checked the commander; its absence here is a bug.
        if (commander === undefined) throw new Error(`BCU '${bcu.name}' passed the go-live checks without a commander`);
        return E.right([wentLive(values, command, { ...bcu, commander })]);
      }),
    );
