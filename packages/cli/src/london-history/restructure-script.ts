import { addDays, laterOf, sharedResources, superintendentRank, valuesOn, wardsOf, type DomainCommand, type IsoDate, type Officer, type Policy, type PolicyValues } from '@borough-command/domain';
import { historyPeople, partnersOf, type HistoryCast } from './history-cast.js';

/** The restructure of every generated history: one force, `restructure-met`. */
export const HISTORY_RESTRUCTURE_ID = 'met';
/** The pathfinder programme of a generated history. */
const PATHFINDER_PROGRAMME = 'slp-pathfinder';
/** The roll-out programme of a generated history. */
const ROLL_OUT_PROGRAMME = 'slp-roll-out';

/** A BCU of a generated history: the reference BCU's boroughs that are in the history, and the day it is to go live. */
export interface HistoryBcu {
  readonly name: string;
  readonly boroughs: readonly string[];
  /** Proposed in the pathfinder programme. */
  readonly pathfinder: boolean;
  /** The day it goes live; later than the history's last day when it does not go live in the history. */
  readonly goLive: IsoDate;
}

/** When the restructure of a history happens: pathfinders, their evaluation, then the roll-out (RS-3). */
export interface RestructureTimeline {
  readonly pathfinderStart: IsoDate;
  /** The day the pathfinder BCUs are proposed, on or after `pathfinderStart`. */
  readonly pathfindersProposedOn: IsoDate;
  readonly evaluatedOn: IsoDate;
  readonly rollOutStart: IsoDate;
  /** The day the roll-out BCUs are proposed, on or after `rollOutStart`. */
  readonly rollOutProposedOn: IsoDate;
  readonly bcus: readonly HistoryBcu[];
}

const restructureId = HISTORY_RESTRUCTURE_ID;

/** Superintendents of a BCU: one per core function or borough, at most the pathfinder limit in a pathfinder (RS-5). */
const superintendentCommands = (bcu: HistoryBcu, values: PolicyValues, cast: HistoryCast, at: IsoDate): DomainCommand[] => {
  const functions = values.coreFunctions;
  const wanted = Math.max(functions.length, bcu.boroughs.length, 1);
  const count = bcu.pathfinder ? Math.max(1, Math.min(values.superintendentsPerBcu, wanted)) : wanted;
  const officers: Officer[] = Array.from({ length: count }, () => cast.officer(superintendentRank));
  const commands: DomainCommand[] = [];
  for (let index = 0; index < wanted; index++) {
    const superintendent = officers[index % count] as Officer;
    const leads = functions[index];
    const dedicatedTo = bcu.boroughs[index];
    commands.push({
      type: 'AssignSuperintendent',
      commandId: `${bcu.name}/superintendent-${String(index + 1)}`,
      at,
      restructureId,
      bcu: bcu.name,
      superintendent,
      ...(leads === undefined ? {} : { leads }),
      ...(dedicatedTo === undefined ? {} : { dedicatedTo }),
    });
  }
  return commands;
};

/** The commands that take one BCU live (RS-1, RS-2, RS-4, RS-5, RS-7, RS-8) and share its resources (RS-6). */
const bcuScript = (bcu: HistoryBcu, programmeId: string, proposedOn: IsoDate, policy: Policy, cast: HistoryCast): DomainCommand[] => {
  const id = (step: string): string => `${bcu.name}/${step}`;
  const prepareOn = laterOf(addDays(bcu.goLive, -50), addDays(proposedOn, 7));
  // The BCU is led and staffed as the policy in force on its go-live asks (RS-4, RS-5); its wards keep
  // the dedicated officers asked for both on the allocation and on the go-live (RS-7).
  const values = valuesOn(policy, bcu.goLive);
  const dedicatedWardOfficers =
    Math.max(valuesOn(policy, prepareOn).minimumDedicatedWardOfficers, values.minimumDedicatedWardOfficers) + (bcu.pathfinder ? 1 : 0);
  return [
    { type: 'ProposeBcu', commandId: id('propose'), at: proposedOn, restructureId, programmeId, bcu: bcu.name, boroughs: bcu.boroughs },
    {
      type: 'RecordBcuConsultation',
      commandId: id('consult MOPAC'),
      at: addDays(proposedOn, 3),
      restructureId,
      bcu: bcu.name,
      consultee: 'mopac',
      name: historyPeople.mopac,
    },
    ...bcu.boroughs.flatMap((borough): DomainCommand[] => {
      const { leader, chiefExecutive } = partnersOf(borough);
      return [
        {
          type: 'RecordBcuConsultation',
          commandId: id(`consult ${borough} leader`),
          at: addDays(proposedOn, 5),
          restructureId,
          bcu: bcu.name,
          consultee: 'local-authority-leader',
          name: leader.name,
          borough,
        },
        {
          type: 'RecordBcuConsultation',
          commandId: id(`consult ${borough} chief executive`),
          at: addDays(proposedOn, 6),
          restructureId,
          bcu: bcu.name,
          consultee: 'local-authority-chief-executive',
          name: chiefExecutive.name,
          borough,
        },
      ];
    }),
    {
      type: 'AppointBcuCommander',
      commandId: id('commander'),
      at: prepareOn,
      restructureId,
      bcu: bcu.name,
      officer: cast.officer(values.bcuCommanderRank),
      interim: bcu.pathfinder,
    },
    ...superintendentCommands(bcu, values, cast, prepareOn),
    ...bcu.boroughs.flatMap((borough): DomainCommand[] =>
      wardsOf(borough) === undefined
        ? []
        : [
            {
              type: 'AllocateDedicatedWardOfficers',
              commandId: id(`DWOs ${borough}`),
              at: prepareOn,
              restructureId,
              borough,
              officersPerWard: dedicatedWardOfficers,
            },
            {
              type: 'RegisterTwentyFourHourStation',
              commandId: id(`station ${borough}`),
              at: prepareOn,
              restructureId,
              borough,
              station: `${borough} police station`,
            },
          ],
    ),
    { type: 'TakeBcuLive', commandId: id('go live'), at: bcu.goLive, restructureId, bcu: bcu.name },
    { type: 'ShareResources', commandId: id('share'), at: bcu.goLive, restructureId, bcu: bcu.name, resources: sharedResources },
  ];
};

/**
 * The restructure as commands: the pathfinder programme and its BCUs going live, the evaluation
 * (RS-3), then the roll-out programme and its BCUs going live one after the other. Commands dated
 * after the history's last day are left out by the caller.
 */
export const restructureScript = (timeline: RestructureTimeline, policy: Policy, cast: HistoryCast): readonly DomainCommand[] => {
  const pathfinders = timeline.bcus.filter((bcu) => bcu.pathfinder);
  const rollOut = timeline.bcus.filter((bcu) => !bcu.pathfinder);
  return [
    {
      type: 'StartRestructureProgramme',
      commandId: 'restructure/pathfinder',
      at: timeline.pathfinderStart,
      restructureId,
      programmeId: PATHFINDER_PROGRAMME,
      stage: 'pathfinder',
      name: 'Strengthening Local Policing: BCU pathfinders',
    },
    ...pathfinders.flatMap((bcu) => bcuScript(bcu, PATHFINDER_PROGRAMME, timeline.pathfindersProposedOn, policy, cast)),
    ...(rollOut.length === 0
      ? []
      : [
          {
            type: 'RecordPathfinderEvaluation',
            commandId: 'restructure/evaluation',
            at: timeline.evaluatedOn,
            restructureId,
            programmeId: PATHFINDER_PROGRAMME,
            evaluatedBy: historyPeople.evaluator,
            findings: 'The pathfinder BCUs kept every ward\'s dedicated officers and a 24-hour station in each borough; roll the model out.',
          } as const,
          {
            type: 'StartRestructureProgramme',
            commandId: 'restructure/roll-out',
            at: timeline.rollOutStart,
            restructureId,
            programmeId: ROLL_OUT_PROGRAMME,
            stage: 'roll-out',
            name: 'Strengthening Local Policing: roll-out',
          } as const,
          ...rollOut.flatMap((bcu) => bcuScript(bcu, ROLL_OUT_PROGRAMME, timeline.rollOutProposedOn, policy, cast)),
        ]),
  ];
};
