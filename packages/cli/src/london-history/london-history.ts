import { policyWith, type DomainCommand, type IsoDate, type Policy } from '@borough-command/domain';
import { writeBoroughStory, type BoroughPlan } from './borough-story.js';
import { createCommandSchedule } from './command-schedule.js';
import { createHistoryCast } from './history-cast.js';
import { restructureScript, type RestructureTimeline } from './restructure-script.js';

/** The policy of generated histories unless told otherwise: the defaults, with early ends recorded as breaches (PO-3 `record`). */
export const londonHistoryPolicy: Policy = policyWith({ enforcement: 'record' });

/** A history planned as plain choices, before any command is written: what `londonHistoryOf` turns into commands. */
export interface LondonHistoryPlan {
  /** The first day of the years in which commanders change. */
  readonly from: IsoDate;
  /** The last day of the history: no command is dated later. */
  readonly until: IsoDate;
  /** The boroughs, in the order that picks their area commanders. */
  readonly boroughs: readonly BoroughPlan[];
  /** The restructure into BCUs, if the history has one. */
  readonly restructure: RestructureTimeline | undefined;
  /** The policy the history satisfies. */
  readonly policy: Policy;
}

/** A BCU of a generated history and the day it went live, or null when it did not in the history. */
export interface LondonHistoryBcu {
  readonly name: string;
  readonly boroughs: readonly string[];
  readonly pathfinder: boolean;
  readonly goLive: IsoDate | null;
}

/** A generated London history: the commands that make it, in the order to execute them, and what it is made of. */
export interface LondonHistory {
  /** The first day of the years in which commanders change. */
  readonly from: IsoDate;
  /** The last day of the history: no command is dated later. */
  readonly until: IsoDate;
  /** The London boroughs of the history. */
  readonly boroughs: readonly string[];
  /** The BCUs the restructure proposed, pathfinders first. */
  readonly bcus: readonly LondonHistoryBcu[];
  /** Every command, by date; execute them in this order with the process managers on (`createBoroughCommand`). */
  readonly commands: readonly DomainCommand[];
  /** The policy the history satisfies; run it under the same one. */
  readonly policy: Policy;
  /** Appointment processes taken to a final decision. */
  readonly appointments: number;
}

/**
 * The one London-history generator: a plan written as the commands that make it, in date order.
 * The restructure's pathfinders, evaluation and roll-out (RS-1 to RS-8); in each borough a first
 * commander, then each planned succession that fits before the history ends or the borough joins
 * its BCU: the commander leaves (on or after the minimum term, early with an approved exceptional
 * reason, or in `record` mode now and then without one), an acting commander sometimes covers, and
 * the successor is appointed through the whole process (AP-1 to AP-10, the decision starting the
 * posting by AP-12) once a role description is endorsed, or posted directly before that; yearly
 * assessments with and without partners (PO-4). Every person is synthetic and marked so. Run it
 * with the process managers on and under `plan.policy`: no command is refused.
 */
export const londonHistoryOf = (plan: LondonHistoryPlan): LondonHistory => {
  const { from, until, policy, restructure } = plan;
  const cast = createHistoryCast();
  const schedule = createCommandSchedule();
  if (restructure !== undefined) {
    for (const command of restructureScript(restructure, policy, cast)) if (command.at <= until) schedule.add(command);
  }
  let appointments = 0;
  plan.boroughs.forEach((borough, index) => {
    const mergesOn = restructure?.bcus.find((bcu) => bcu.boroughs.includes(borough.borough) && bcu.goLive <= until)?.goLive;
    appointments += writeBoroughStory({ ...borough, index, from, until, mergesOn, policy, cast, schedule }).appointments;
  });
  return {
    from,
    until,
    boroughs: plan.boroughs.map((borough) => borough.borough),
    bcus: (restructure?.bcus ?? []).map((bcu) => ({ ...bcu, goLive: bcu.goLive <= until ? bcu.goLive : null })),
    commands: schedule.commands().filter((command) => command.at <= until),
    policy,
    appointments,
  };
};
