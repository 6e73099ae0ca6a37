import { appointmentStream, oversightBodyOn, type DomainEvent, type IsoDate, type Officer, type Partner, type Policy } from '@borough-command/domain';
import { boroughPartnerMeeting, partnersToConsult } from '@borough-command/cli/london-history';
import { isoDateOfDay, type DayNumber } from './calendar-days.js';
import type { CommandStamp, HistoryOutput } from './history-output.js';
import type { Step } from './history-world.js';

/** One appointment of a large history, from the opening to the report to the Director HR (AP-1 to AP-10). */
export interface AppointmentFlow {
  readonly processId: string;
  readonly borough: string;
  readonly areaCommander: string;
  readonly appointee: Officer;
  readonly rivals: readonly Officer[];
  /** The ACTP declines the first rival before agreeing the appointee (AP-6). */
  readonly declineFirst: boolean;
  readonly description: { readonly version: number; readonly endorsedOn: IsoDate };
  /**
   * The partners chosen to be consulted (AP-3); the borough's partners of any other kind the policy
   * in force on the interviews requires are consulted after them.
   */
  readonly consulted: readonly Partner[];
  readonly discussedWith: readonly Partner[];
  readonly opensOn: DayNumber;
  readonly decidedOn: DayNumber;
  readonly startsOn: DayNumber;
  readonly actp: string;
  readonly mps: string;
  readonly directorHr: string;
}

/** When in the span from the opening to the decision the candidates are interviewed. */
const INTERVIEWS = 0.35;

const samePartner = (a: Partner, b: Partner): boolean => a.kind === b.kind && a.name === b.name;

/**
 * The steps of an appointment: each records the events the appointment decider records for its
 * command, dated between the opening and the decision. The decision's step also runs `onDecision`
 * with the decision's stamp and event id, where the caller records what AP-12 starts.
 */
export const appointmentSteps = (
  flow: AppointmentFlow,
  policy: Policy,
  output: HistoryOutput,
  onDecision: (cause: { readonly eventId: string; readonly stamp: CommandStamp }, day: DayNumber) => void,
): readonly Step[] => {
  const stream = appointmentStream(flow.processId);
  const { processId } = flow;
  let revision = 0;
  let correlationId = '';
  const span = flow.decidedOn - flow.opensOn;
  const dayAt = (fraction: number): DayNumber => flow.opensOn + Math.floor(span * fraction);
  const steps: Step[] = [];
  const command = (
    fraction: number,
    actor: string,
    events: (at: IsoDate) => readonly DomainEvent[],
    then?: (eventId: string, stamp: CommandStamp, day: DayNumber) => void,
  ): void => {
    const day = fraction >= 1 ? flow.decidedOn : dayAt(fraction);
    steps.push({
      day,
      priority: 2,
      run: () => {
        const commandId = output.commandId();
        if (correlationId === '') correlationId = commandId;
        const stamp: CommandStamp = { commandId, correlationId, causationId: commandId, actor };
        let last = '';
        for (const event of events(isoDateOfDay(day))) last = output.record(stream, revision++, event, stamp, day);
        then?.(last, stamp, day);
      },
    });
  };
  const candidates = [flow.appointee, ...flow.rivals];
  const rival = flow.declineFirst ? flow.rivals[0] : undefined;
  const consulted = partnersToConsult(policy, isoDateOfDay(dayAt(INTERVIEWS)), flow.consulted, boroughPartnerMeeting(flow.borough));
  const involved = [...consulted, ...flow.discussedWith].filter(
    (partner, index, all) => all.findIndex((other) => samePartner(other, partner)) === index,
  );

  command(0, flow.areaCommander, (at) => [
    {
      type: 'AppointmentProcessOpened',
      data: { processId, unit: { kind: 'borough', name: flow.borough }, role: 'borough-commander', areaCommander: flow.areaCommander, at },
    },
  ]);
  command(0, flow.areaCommander, (at) => [
    {
      type: 'RoleDescriptionAttached',
      data: { processId, role: 'borough-commander', version: flow.description.version, endorsedOn: flow.description.endorsedOn, at },
    },
  ]);
  consulted.forEach((partner, index) => {
    command(0.05 + 0.02 * index, flow.areaCommander, (at) => [{ type: 'PartnerConsulted', data: { processId, partner, at } }]);
  });
  candidates.forEach((candidate, index) => {
    command(0.2, flow.areaCommander, (at) => [
      { type: 'CandidateRecorded', data: { processId, candidate, route: index % 2 === 0 ? 'applied' : 'shortlisted', at } },
    ]);
  });
  candidates.forEach((candidate) => {
    command(INTERVIEWS, flow.areaCommander, (at) => [
      { type: 'CandidateInterviewed', data: { processId, candidateId: candidate.id, interviewedBy: flow.areaCommander, at } },
    ]);
  });
  if (rival !== undefined) {
    command(0.5, flow.areaCommander, (at) => [
      { type: 'PreferredCandidateProposed', data: { processId, candidateId: rival.id, proposedBy: flow.areaCommander, at } },
    ]);
    command(0.55, flow.actp, (at) => [
      {
        type: 'ProposalDeclined',
        data: { processId, candidateId: rival.id, declinedBy: flow.actp, reason: 'needs more experience of partnership working', at },
      },
    ]);
  }
  command(0.6, flow.areaCommander, (at) => [
    { type: 'PreferredCandidateProposed', data: { processId, candidateId: flow.appointee.id, proposedBy: flow.areaCommander, at } },
  ]);
  command(0.65, flow.actp, (at) => [{ type: 'ProposalAgreed', data: { processId, candidateId: flow.appointee.id, agreedBy: flow.actp, at } }]);
  command(0.75, flow.areaCommander, (at) => [
    { type: 'ChosenCandidateDiscussed', data: { processId, candidateId: flow.appointee.id, partners: flow.discussedWith, at } },
  ]);
  command(0.85, flow.areaCommander, (at) => [{ type: 'ThreeYearCommitmentGiven', data: { processId, candidateId: flow.appointee.id, at } }]);
  command(
    1,
    flow.mps,
    (at) => [
      {
        type: 'AppointmentConfirmed',
        data: {
          processId,
          unit: { kind: 'borough', name: flow.borough },
          role: 'borough-commander',
          candidate: flow.appointee,
          policeAuthorityDecisionBy: oversightBodyOn(policy, at) ?? 'the police authority',
          mpsDecisionBy: flow.mps,
          oversightBody: oversightBodyOn(policy, at) ?? null,
          partnersInvolved: involved,
          areaCommander: flow.areaCommander,
          startDate: isoDateOfDay(flow.startsOn),
          at,
        },
      },
    ],
    (eventId, stamp, day) => {
      onDecision({ eventId, stamp }, day);
    },
  );
  command(1, flow.directorHr, (at) => [{ type: 'OutcomeReported', data: { processId, directorHr: flow.directorHr, at } }]);
  return steps;
};

/** The steps of a process opened and abandoned before a decision (AP-11). */
export const abandonedAppointmentSteps = (
  processId: string,
  borough: string,
  areaCommander: string,
  consulted: Partner,
  opensOn: DayNumber,
  abandonedOn: DayNumber,
  output: HistoryOutput,
): readonly Step[] => {
  const stream = appointmentStream(processId);
  let revision = 0;
  let correlationId = '';
  const step = (day: DayNumber, event: (at: IsoDate) => DomainEvent): Step => ({
    day,
    priority: 2,
    run: () => {
      const commandId = output.commandId();
      if (correlationId === '') correlationId = commandId;
      output.record(stream, revision++, event(isoDateOfDay(day)), { commandId, correlationId, causationId: commandId, actor: areaCommander }, day);
    },
  });
  const middle = opensOn + Math.floor((abandonedOn - opensOn) / 2);
  return [
    step(opensOn, (at) => ({
      type: 'AppointmentProcessOpened',
      data: { processId, unit: { kind: 'borough', name: borough }, role: 'borough-commander', areaCommander, at },
    })),
    step(middle, (at) => ({ type: 'PartnerConsulted', data: { processId, partner: consulted, at } })),
    step(abandonedOn, (at) => ({
      type: 'AppointmentProcessAbandoned',
      data: { processId, reason: 'no suitable candidate applied; the post is advertised again', at },
    })),
  ];
};
