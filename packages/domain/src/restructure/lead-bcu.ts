import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type * as t from 'io-ts';
import type { PolicyValues } from '../policy/policy-values.js';
import type { CoreFunction, Officer, Rank } from '../shared/vocabulary.js';
import { openBcu } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import type { PredecessorDepartureCodec } from './restructure-events.js';
import { superintendentsOf } from './restructure-queries.js';
import {
  alreadyBcuCommander,
  boroughNotInBcu,
  interimOutsidePathfinder,
  leadsAnotherFunction,
  noPredecessorToLeave,
  predecessorDepartureMissing,
  noSuperintendentRole,
  notACoreFunction,
  notASuperintendent,
  tooManySuperintendents,
  wrongCommanderRank,
  type LeadershipIncomplete,
} from './restructure-rejections.js';
import type { RestructureBcu, RestructureState } from './restructure-state.js';

/** RS-5: the rank of the superintendents who lead a BCU's core functions and its boroughs. */
export const superintendentRank: Rank = 'superintendent';

/** RS-4: the departure of the commander in place, as the appointment records it; `null` when no one is replaced. */
const predecessorDeparture = (
  leaves: RestructureCommandOf<'AppointBcuCommander'>['predecessorLeaves'],
): t.TypeOf<typeof PredecessorDepartureCodec> | null =>
  leaves === undefined ? null : { reason: leaves.reason, detail: leaves.detail ?? null, approvedBy: leaves.approvedBy ?? null };

/**
 * RS-4: appoints the commander of a proposed or live BCU: an officer of the policy's BCU commander
 * rank (chief superintendent), interim only in a pathfinder BCU. A successor replaces the commander
 * in place only with the predecessor's departure (`predecessorLeaves`), which the appointment
 * records with the predecessor and whether the BCU was live; the commander in place is not
 * appointed again.
 */
export const appointBcuCommander =
  (values: PolicyValues, waived: ReadonlySet<string> = new Set()) =>
  (command: RestructureCommandOf<'AppointBcuCommander'>, state: RestructureState): RestructureDecision =>
    pipe(
      openBcu(state, command.bcu, 'RS-4'),
      E.chain((bcu): RestructureDecision => {
        // RS-4: a BCU is led by a chief superintendent.
        if (command.officer.rank !== values.bcuCommanderRank && !waived.has('WrongCommanderRank')) {
          return E.left(wrongCommanderRank(bcu.name, command.officer, values.bcuCommanderRank));
        }
        // RS-4: interim commanders only in the pathfinder.
        if (command.interim && !bcu.pathfinder && !waived.has('InterimOutsidePathfinder')) return E.left(interimOutsidePathfinder(bcu.name, command.officer));
        // RS-4: a successor comes with why the commander in place leaves; a first appointment replaces no one.
        const predecessor = bcu.commander?.officer;
        if (predecessor?.id === command.officer.id) return E.left(alreadyBcuCommander(bcu.name, command.officer));
        if (predecessor !== undefined && command.predecessorLeaves === undefined) {
          return E.left(predecessorDepartureMissing(bcu.name, predecessor, command.officer));
        }
        if (predecessor === undefined && command.predecessorLeaves !== undefined) return E.left(noPredecessorToLeave(bcu.name, command.officer));
        return E.right([
          {
            type: 'BcuCommanderAppointed',
            data: {
              restructureId: command.restructureId,
              bcu: bcu.name,
              officer: command.officer,
              interim: command.interim,
              live: bcu.status === 'live',
              predecessor: predecessor ?? null,
              predecessorLeaves: predecessorDeparture(command.predecessorLeaves),
              at: command.at,
            },
          },
        ]);
      }),
    );

/**
 * RS-4: the BCU's commander left with no successor named: the BCU has no commander from then on.
 * Nothing is recorded when the officer no longer commands the BCU (a successor was appointed, or
 * the departure was recorded already).
 */
export const recordBcuCommanderLeft = (command: RestructureCommandOf<'RecordBcuCommanderLeft'>, state: RestructureState): RestructureDecision =>
  pipe(
    openBcu(state, command.bcu, 'RS-4'),
    E.map((bcu) =>
      bcu.commander?.officer.id === command.officer.id
        ? [
            {
              type: 'BcuCommanderLeft' as const,
              data: { restructureId: command.restructureId, bcu: bcu.name, officer: command.officer, postingId: command.postingId, at: command.at },
            },
          ]
        : [],
    ),
  );

/** RS-5: the core function other than `except` that the superintendent leads across the BCU, if any. */
const functionLedBy = (bcu: RestructureBcu, superintendent: Officer, except: CoreFunction): CoreFunction | undefined =>
  [...bcu.functionLeads].find(([coreFunction, lead]) => coreFunction !== except && lead.id === superintendent.id)?.[0];

/** RS-5: the BCU as it would be after the assignment. */
const afterAssignment = (bcu: RestructureBcu, command: RestructureCommandOf<'AssignSuperintendent'>): RestructureBcu => ({
  ...bcu,
  functionLeads:
    command.leads === undefined ? bcu.functionLeads : new Map(bcu.functionLeads).set(command.leads, command.superintendent),
  dedicatedSuperintendents:
    command.dedicatedTo === undefined
      ? bcu.dedicatedSuperintendents
      : new Map(bcu.dedicatedSuperintendents).set(command.dedicatedTo, command.superintendent),
});

/**
 * RS-5: assigns a superintendent in a proposed or live BCU to lead one of the policy's core
 * functions across its boroughs, to be one borough's dedicated superintendent, or both. A new
 * assignment of a function or a borough replaces its earlier holder; a pathfinder BCU has at most
 * the policy's number of distinct superintendents (four).
 */
export const assignSuperintendent =
  (values: PolicyValues) =>
  (command: RestructureCommandOf<'AssignSuperintendent'>, state: RestructureState): RestructureDecision =>
    pipe(
      openBcu(state, command.bcu, 'RS-5'),
      E.chain((bcu): RestructureDecision => {
        const { superintendent, leads, dedicatedTo } = command;
        // RS-5: function leads and dedicated superintendents are superintendents.
        if (superintendent.rank !== superintendentRank) return E.left(notASuperintendent(bcu.name, superintendent));
        // RS-5: a function to lead, a borough to be dedicated to, or both.
        if (leads === undefined && dedicatedTo === undefined) return E.left(noSuperintendentRole(bcu.name, superintendent));
        // RS-5: only the policy's core functions are led across the BCU.
        if (leads !== undefined && !values.coreFunctions.includes(leads)) {
          return E.left(notACoreFunction(bcu.name, leads, values.coreFunctions));
        }
        // RS-5: each core function is led by a different superintendent.
        const alreadyLeads = leads === undefined ? undefined : functionLedBy(bcu, superintendent, leads);
        if (leads !== undefined && alreadyLeads !== undefined) return E.left(leadsAnotherFunction(bcu.name, superintendent, leads, alreadyLeads));
        // RS-5: a dedicated superintendent serves one of the BCU's boroughs.
        if (dedicatedTo !== undefined && !bcu.boroughs.includes(dedicatedTo)) {
          return E.left(boroughNotInBcu('RS-5', bcu.name, dedicatedTo, bcu.boroughs));
        }
        // RS-5: the pathfinder model has four superintendents.
        const superintendents = superintendentsOf(afterAssignment(bcu, command)).length;
        if (bcu.pathfinder && superintendents > values.superintendentsPerBcu) {
          return E.left(tooManySuperintendents(bcu.name, superintendents, values.superintendentsPerBcu));
        }
        return E.right([
          {
            type: 'SuperintendentAssigned',
            data: {
              restructureId: command.restructureId,
              bcu: bcu.name,
              superintendent,
              leads: leads ?? null,
              dedicatedTo: dedicatedTo ?? null,
              at: command.at,
            },
          },
        ]);
      }),
    );

/** RS-5: the gaps in a BCU's leadership, if any: its commander, a lead per core function, a dedicated superintendent per borough. */
export const missingLeadership = (
  values: PolicyValues,
  bcu: RestructureBcu,
): Omit<LeadershipIncomplete, '_tag' | 'rule' | 'message' | 'bcu'> | undefined => {
  const commanderMissing = bcu.commander === undefined;
  const functionsWithoutLead: readonly CoreFunction[] = values.coreFunctions.filter((coreFunction) => !bcu.functionLeads.has(coreFunction));
  const boroughsWithoutDedicatedSuperintendent = bcu.boroughs.filter((borough) => !bcu.dedicatedSuperintendents.has(borough));
  const functionsSharingALead = values.coreFunctions.filter((coreFunction) => {
    const lead = bcu.functionLeads.get(coreFunction);
    return lead !== undefined && functionLedBy(bcu, lead, coreFunction) !== undefined;
  });
  return commanderMissing || functionsWithoutLead.length > 0 || boroughsWithoutDedicatedSuperintendent.length > 0 || functionsSharingALead.length > 0
    ? { commanderMissing, functionsWithoutLead, boroughsWithoutDedicatedSuperintendent, functionsSharingALead }
    : undefined;
};
