import type * as t from 'io-ts';
import { laterOf, type IsoDate } from '../shared/iso-date.js';
import type { CommandUnit, CommanderRole, Officer, Partner } from '../shared/vocabulary.js';
import type { AppointmentEvent, CandidateRouteCodec } from './appointment-events.js';

/** How a candidate entered the process: applied or shortlisted (AP-4). */
export type CandidateRoute = t.TypeOf<typeof CandidateRouteCodec>;

/** A candidate of the process and how far they got. */
export interface ProcessCandidate {
  readonly officer: Officer;
  readonly route: CandidateRoute;
  /** The day of the candidate's interview, or undefined while not interviewed (AP-4). */
  readonly interviewedOn: IsoDate | undefined;
  /** Whether the ACTP declined the candidate's proposal (AP-6). */
  readonly declined: boolean;
}

/** The role description attached to the process (AP-2). */
export interface AttachedRoleDescription {
  readonly version: number;
  readonly endorsedOn: IsoDate;
}

/**
 * Where an opened process stands: `open` until the final decision, `confirmed` once it is taken
 * (AP-9), `completed` once the outcome is reported (AP-10), `abandoned` (AP-11).
 */
export type ProcessStatus = 'open' | 'confirmed' | 'completed' | 'abandoned';

/** An opened appointment process: what it fills, who runs it, and every step recorded so far. */
export interface OpenedAppointmentProcess {
  readonly status: ProcessStatus;
  readonly processId: string;
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly areaCommander: string;
  readonly openedOn: IsoDate;
  /** The date of the latest step; a later step may not be dated before it. */
  readonly lastStepOn: IsoDate;
  readonly roleDescription: AttachedRoleDescription | undefined;
  /** The partners consulted about the skills required, each once, in the order first consulted (AP-3). */
  readonly consulted: readonly Partner[];
  /** The partners consulted or in a discussion of the chosen candidate, each once, first seen first (AP-9). */
  readonly partnersInvolved: readonly Partner[];
  /** The candidates recorded, in order (AP-4). */
  readonly candidates: readonly ProcessCandidate[];
  /** The candidate proposed to the ACTP and waiting for an answer (AP-5). */
  readonly pendingProposal: string | undefined;
  /** The candidate the ACTP agreed (AP-6). */
  readonly agreedCandidate: string | undefined;
  /** Whether the chosen candidate was discussed with partners (AP-7). */
  readonly discussed: boolean;
  /** Whether the agreed candidate committed to serve three years (AP-8). */
  readonly committed: boolean;
  /** The day of the final decision (AP-9). */
  readonly decidedOn: IsoDate | undefined;
}

/** The state of an appointment process stream: nothing yet, or an opened process. */
export type AppointmentState = { readonly status: 'not-opened' } | OpenedAppointmentProcess;

/** The state of a stream with no events. */
export const initialAppointmentState: AppointmentState = { status: 'not-opened' };

const samePartner = (a: Partner, b: Partner): boolean => a.kind === b.kind && a.name === b.name;

/** The list with the partners it does not hold yet added at the end. */
const withPartners = (list: readonly Partner[], partners: readonly Partner[]): readonly Partner[] =>
  partners.reduce<readonly Partner[]>((acc, partner) => (acc.some((known) => samePartner(known, partner)) ? acc : [...acc, partner]), list);

const updateCandidate = (
  candidates: readonly ProcessCandidate[],
  candidateId: string,
  change: (candidate: ProcessCandidate) => ProcessCandidate,
): readonly ProcessCandidate[] => candidates.map((candidate) => (candidate.officer.id === candidateId ? change(candidate) : candidate));

const evolveOpened = (process: OpenedAppointmentProcess, event: AppointmentEvent): OpenedAppointmentProcess => {
  const stepped = { ...process, lastStepOn: laterOf(process.lastStepOn, event.data.at) };
  switch (event.type) {
    case 'AppointmentProcessOpened':
      return process;
    case 'RoleDescriptionAttached':
      return { ...stepped, roleDescription: { version: event.data.version, endorsedOn: event.data.endorsedOn } };
    case 'PartnerConsulted':
      return {
        ...stepped,
        consulted: withPartners(process.consulted, [event.data.partner]),
        partnersInvolved: withPartners(process.partnersInvolved, [event.data.partner]),
      };
    case 'CandidateRecorded':
      return {
        ...stepped,
        candidates: [...process.candidates, { officer: event.data.candidate, route: event.data.route, interviewedOn: undefined, declined: false }],
      };
    case 'CandidateInterviewed': {
      // A second interview (recorded in `record` mode, AP-4) keeps the first one's date.
      const interviewedOn = event.data.at;
      return { ...stepped, candidates: updateCandidate(process.candidates, event.data.candidateId, (c) => ({ ...c, interviewedOn: c.interviewedOn ?? interviewedOn })) };
    }
    case 'PreferredCandidateProposed':
      return { ...stepped, pendingProposal: event.data.candidateId };
    case 'ProposalAgreed':
      return { ...stepped, pendingProposal: undefined, agreedCandidate: event.data.candidateId };
    case 'ProposalDeclined':
      return {
        ...stepped,
        pendingProposal: undefined,
        candidates: updateCandidate(process.candidates, event.data.candidateId, (c) => ({ ...c, declined: true })),
      };
    case 'ChosenCandidateDiscussed':
      return { ...stepped, discussed: true, partnersInvolved: withPartners(process.partnersInvolved, event.data.partners) };
    case 'ThreeYearCommitmentGiven':
      return { ...stepped, committed: true };
    case 'AppointmentConfirmed':
      return { ...stepped, status: 'confirmed', decidedOn: event.data.at };
    case 'OutcomeReported':
      return { ...stepped, status: 'completed' };
    case 'AppointmentProcessAbandoned':
      return { ...stepped, status: 'abandoned' };
    case 'AppointmentRuleDeparted':
      // The departure is recorded with the step it came with; the step's own event changes the state.
      return process;
  }
};

/**
 * The state after one more event. A stream starts with `AppointmentProcessOpened`; any other event
 * before it does not describe a process and leaves the state as it is.
 */
export const evolveAppointment = (state: AppointmentState, event: AppointmentEvent): AppointmentState => {
  if (state.status !== 'not-opened') return evolveOpened(state, event);
  if (event.type !== 'AppointmentProcessOpened') return state;
  const { processId, unit, role, areaCommander, at } = event.data;
  return {
    status: 'open',
    processId,
    unit,
    role,
    areaCommander,
    openedOn: at,
    lastStepOn: at,
    roleDescription: undefined,
    consulted: [],
    partnersInvolved: [],
    candidates: [],
    pendingProposal: undefined,
    agreedCandidate: undefined,
    discussed: false,
    committed: false,
    decidedOn: undefined,
  };
};

/** The candidate with this id, if the process recorded one. */
export const findCandidate = (process: OpenedAppointmentProcess, candidateId: string): ProcessCandidate | undefined =>
  process.candidates.find((candidate) => candidate.officer.id === candidateId);

/** Tells whether a process accepts no further command: completed or abandoned (AP-11). */
export const isClosedAppointment = (state: AppointmentState): boolean => state.status === 'completed' || state.status === 'abandoned';
