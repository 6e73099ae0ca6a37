import { strictestValues } from '@borough-command/testing';
import { restructureStream, sharedResources, wardsOf, type DomainEvent, type IsoDate, type Officer } from '@borough-command/domain';
import { HISTORY_RESTRUCTURE_ID, historyPeople, partnersOf } from '@borough-command/cli/london-history';
import { isoDateOfDay, type DayNumber } from './calendar-days.js';
import { inOrder, type Actor, type HistoryWorld, type Step, type Wave, type WaveBcu } from './history-world.js';

const restructureId = HISTORY_RESTRUCTURE_ID;
const BOARD = historyPeople.evaluator;

/** The events a restructure command records on a day. */
type Decided = (at: IsoDate) => readonly DomainEvent[];

/**
 * The restructure of a large history, as an actor: wave after wave, a pathfinder programme whose
 * BCUs are proposed, consulted on (RS-2), led (RS-4, RS-5), given dedicated ward officers (RS-7)
 * and 24-hour stations (RS-8), taken live and share their resources (RS-6); the evaluation and the
 * roll-out (RS-3); a superintendent dedicated anew while live; and every BCU dissolved (RS-9)
 * before the next wave. Each BCU going live starts a BCU actor through `spawn`.
 */
export function* restructureActor(
  world: HistoryWorld,
  spawn: (actor: Actor) => void,
  bcuActorOf: (bcu: WaveBcu) => Actor,
): Generator<Step, void> {
  const { output, pace, policy } = world;
  const stream = restructureStream(restructureId);
  let revision = 0;
  const withStations = new Set<string>();
  /** One decision of the board; a cause is kept for the process managers' reactions to it (PO-6, RS-4). */
  const decision = (day: DayNumber, events: Decided, cause?: { readonly key: string; readonly then?: () => void }): Step => ({
    day,
    priority: 0,
    run: () => {
      const stamp = output.ownStamp(BOARD);
      let last = '';
      for (const event of events(isoDateOfDay(day))) last = output.record(stream, revision++, event, stamp, day);
      if (cause === undefined) return;
      world.causes.set(cause.key, { eventId: last, stamp });
      cause.then?.();
    },
  });

  const consultations = (bcu: WaveBcu): Step[] => [
    decision(bcu.proposedOn, (at) => [
      { type: 'BcuConsultationRecorded', data: { restructureId, bcu: bcu.name, consultee: 'mopac', borough: null, name: historyPeople.mopac, at } },
    ]),
    ...bcu.boroughs.flatMap((borough) =>
      (['local-authority-leader', 'local-authority-chief-executive'] as const).map((consultee) =>
        decision(bcu.proposedOn, (at) => [
          {
            type: 'BcuConsultationRecorded',
            data: {
              restructureId,
              bcu: bcu.name,
              consultee,
              borough,
              name: consultee === 'local-authority-leader' ? partnersOf(borough).leader.name : partnersOf(borough).chiefExecutive.name,
              at,
            },
          },
        ]),
      ),
    ),
  ];

  const bcuSteps = (wave: Wave, bcu: WaveBcu): Step[] => {
    const programmeId = bcu.pathfinder ? wave.pathfinderProgramme : wave.rollOutProgramme;
    const superintendentFor = (index: number): Officer => bcu.superintendents[index % bcu.superintendents.length] as Officer;
    const functions = strictestValues(policy).coreFunctions;
    // RS-5: a pathfinder keeps its superintendents, so one of them is dedicated anew; a roll-out BCU may bring in another.
    const replacement = bcu.pathfinder ? superintendentFor(1) : bcu.replacement;
    const firstBorough = bcu.boroughs[0] as string;
    const leadership: Step[] = [
      decision(bcu.preparedOn, (at) => [
        {
          type: 'BcuCommanderAppointed',
          data: { restructureId, bcu: bcu.name, officer: bcu.commander, interim: bcu.pathfinder, live: false, predecessor: null, predecessorLeaves: null, at },
        },
      ]),
      ...Array.from({ length: Math.max(functions.length, bcu.boroughs.length) }, (_, index) =>
        decision(bcu.preparedOn, (at) => [
          {
            type: 'SuperintendentAssigned',
            data: {
              restructureId,
              bcu: bcu.name,
              superintendent: superintendentFor(index),
              leads: functions[index] ?? null,
              dedicatedTo: bcu.boroughs[index] ?? null,
              at,
            },
          },
        ]),
      ),
    ];
    const localPolicing = bcu.boroughs.flatMap((borough) => {
      const registered = withStations.has(borough);
      withStations.add(borough);
      const officersPerWard = strictestValues(policy).minimumDedicatedWardOfficers + (bcu.pathfinder ? 1 : 0);
      return [
        decision(bcu.preparedOn, (at) => [
          {
            type: 'DedicatedWardOfficersAllocated',
            data: { restructureId, borough, officersPerWard, exceptions: [], wards: wardsOf(borough) ?? 1, at },
          },
        ]),
        ...(registered
          ? []
          : [
              decision(bcu.preparedOn, (at) => [
                { type: 'TwentyFourHourStationRegistered', data: { restructureId, borough, station: `${borough} police station`, at } },
              ]),
            ]),
      ];
    });
    const live: Decided = (at) => [
      {
        type: 'BcuWentLive',
        data: {
          restructureId,
          programmeId,
          bcu: bcu.name,
          boroughs: bcu.boroughs,
          commander: bcu.commander,
          interim: bcu.pathfinder,
          functionLeads: functions.map((coreFunction, index) => ({ function: coreFunction, superintendent: superintendentFor(index) })),
          dedicatedSuperintendents: bcu.boroughs.map((borough, index) => ({ borough, superintendent: superintendentFor(index) })),
          at,
        },
      },
    ];
    return [
      decision(bcu.proposedOn, (at) => [
        { type: 'BcuProposed', data: { restructureId, programmeId, bcu: bcu.name, boroughs: bcu.boroughs, pathfinder: bcu.pathfinder, at } },
      ]),
      ...consultations(bcu),
      ...leadership,
      ...localPolicing,
      decision(bcu.goLive, live, {
        key: `${bcu.key}/live`,
        then: () => {
          spawn(bcuActorOf(bcu));
        },
      }),
      decision(bcu.goLive, (at) => [{ type: 'ResourcesShared', data: { restructureId, bcu: bcu.name, resources: sharedResources, at } }]),
      decision(bcu.reassignedOn, (at) => [
        {
          type: 'SuperintendentAssigned',
          data: { restructureId, bcu: bcu.name, superintendent: replacement, leads: null, dedicatedTo: firstBorough, at },
        },
      ]),
      decision(
        bcu.dissolvedOn,
        (at) => [
          { type: 'BcuDissolved', data: { restructureId, bcu: bcu.name, boroughs: bcu.boroughs, reason: 'the boroughs return to borough commands', at } },
        ],
        { key: `${bcu.key}/dissolved` },
      ),
    ];
  };

  for (let index = 0; ; index++) {
    const wave = world.waves.wave(index);
    if (wave.start > pace.lastDay) return;
    // Every reaction to the wave before last has been recorded: its causes are no longer needed.
    if (index >= 2) {
      for (const bcu of world.waves.wave(index - 2).bcus) {
        world.causes.delete(`${bcu.key}/live`);
        world.causes.delete(`${bcu.key}/dissolved`);
      }
    }
    const pathfinders = wave.bcus.filter((bcu) => bcu.pathfinder);
    const rollOut = wave.bcus.filter((bcu) => !bcu.pathfinder);
    const number = String(index + 1);
    const steps: Step[] = [
      decision(wave.start, (at) => [
        {
          type: 'RestructureProgrammeStarted',
          data: { restructureId, programmeId: wave.pathfinderProgramme, stage: 'pathfinder', name: `BCU pathfinders, wave ${number}`, at },
        },
      ]),
      ...pathfinders.flatMap((bcu) => bcuSteps(wave, bcu)),
      // RS-3: the roll-out starts once the pathfinders' evaluation is recorded.
      ...(rollOut.length === 0 || pathfinders.length === 0
        ? []
        : [
            decision(wave.evaluatedOn, (at) => [
              {
                type: 'PathfinderEvaluationRecorded',
                data: {
                  restructureId,
                  programmeId: wave.pathfinderProgramme,
                  evaluatedBy: BOARD,
                  findings: 'The pathfinder BCUs kept local policing local; roll the model out.',
                  at,
                },
              },
            ]),
            decision(wave.rollOutStart, (at) => [
              {
                type: 'RestructureProgrammeStarted',
                data: { restructureId, programmeId: wave.rollOutProgramme, stage: 'roll-out', name: `BCU roll-out, wave ${number}`, at },
              },
            ]),
            ...rollOut.flatMap((bcu) => bcuSteps(wave, bcu)),
          ]),
    ];
    for (const next of inOrder(steps)) {
      if (next.day > pace.lastDay) return;
      yield next;
    }
  }
}
