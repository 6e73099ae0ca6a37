import type * as E from 'fp-ts/lib/Either.js';
import type { RuleId } from '../shared/rule-id.js';
import type { AppointmentCommand, AppointmentCommandType } from './appointment-commands.js';
import type { AppointmentEvent } from './appointment-events.js';
import type { AppointmentRejection } from './appointment-rejections.js';

/** The appointment command with this name. */
export type AppointmentCommandOf<T extends AppointmentCommandType> = Extract<AppointmentCommand, { readonly type: T }>;

/** A command that records a step of an opened process: every command but `OpenAppointmentProcess`. */
export type AppointmentStepCommand = Exclude<AppointmentCommand, { readonly type: 'OpenAppointmentProcess' }>;

/** What an appointment command leads to: the events to record, or the rule it breaks. */
export type AppointmentDecision = E.Either<AppointmentRejection, readonly AppointmentEvent[]>;

/** The rule each command carries out: the step of the process it records (AP-1 to AP-11). */
export const ruleOfAppointmentCommand: Readonly<Record<AppointmentCommandType, RuleId>> = {
  OpenAppointmentProcess: 'AP-1',
  AttachRoleDescription: 'AP-2',
  ConsultPartner: 'AP-3',
  RecordCandidate: 'AP-4',
  InterviewCandidate: 'AP-4',
  ProposePreferredCandidate: 'AP-5',
  AgreeProposal: 'AP-6',
  DeclineProposal: 'AP-6',
  DiscussChosenCandidate: 'AP-7',
  RecordThreeYearCommitment: 'AP-8',
  TakeFinalDecision: 'AP-9',
  ReportOutcome: 'AP-10',
  AbandonAppointmentProcess: 'AP-11',
};
