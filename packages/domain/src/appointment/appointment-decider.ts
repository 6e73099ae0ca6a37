import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Decider } from '../eventsourcing/decider.js';
import { policyOn, type Policy } from '../policy/policy.js';
import type { PolicyVersion } from '../policy/policy-version.js';
import { abandonAppointmentProcess } from './abandon-appointment-process.js';
import { agreeProposal } from './agree-proposal.js';
import type { AppointmentCommand } from './appointment-commands.js';
import type { AppointmentDecision, AppointmentStepCommand } from './appointment-decision.js';
import type { AppointmentEvent } from './appointment-events.js';
import { processAlreadyOpened, processClosed, processNotOpened, type AppointmentRejection } from './appointment-rejections.js';
import {
  evolveAppointment,
  initialAppointmentState,
  isClosedAppointment,
  type AppointmentState,
  type OpenedAppointmentProcess,
} from './appointment-state.js';
import { attachRoleDescription } from './attach-role-description.js';
import { consultPartner } from './consult-partner.js';
import { declineProposal } from './decline-proposal.js';
import { discussChosenCandidate } from './discuss-chosen-candidate.js';
import { interviewCandidate } from './interview-candidate.js';
import { openAppointmentProcess } from './open-appointment-process.js';
import { admitStep } from './process-guards.js';
import { proposePreferredCandidate } from './propose-preferred-candidate.js';
import { recordCandidate } from './record-candidate.js';
import { recordThreeYearCommitment } from './record-three-year-commitment.js';
import { reportOutcome } from './report-outcome.js';
import { takeFinalDecision } from './take-final-decision.js';
import { decideAppointmentRecordingDepartures } from './rule-departures.js';

/** Decides one step of an opened process that admitted the command. */
const decideStep = (
  command: AppointmentStepCommand,
  process: OpenedAppointmentProcess,
  version: PolicyVersion,
  waived: ReadonlySet<string>,
): AppointmentDecision => {
  switch (command.type) {
    case 'AttachRoleDescription':
      return attachRoleDescription(command, process, version.values);
    case 'ConsultPartner':
      return consultPartner(command, process);
    case 'RecordCandidate':
      return recordCandidate(command, process);
    case 'InterviewCandidate':
      return interviewCandidate(command, process, version, waived);
    case 'ProposePreferredCandidate':
      return proposePreferredCandidate(command, process, waived);
    case 'AgreeProposal':
      return agreeProposal(command, process);
    case 'DeclineProposal':
      return declineProposal(command, process);
    case 'DiscussChosenCandidate':
      return discussChosenCandidate(command, process);
    case 'RecordThreeYearCommitment':
      return recordThreeYearCommitment(command, process);
    case 'TakeFinalDecision':
      return takeFinalDecision(command, process, version, waived);
    case 'ReportOutcome':
      return reportOutcome(command, process);
    case 'AbandonAppointmentProcess':
      return abandonAppointmentProcess(command, process, waived);
  }
};

/** Decides an appointment command in a state, under the policy version in force on the command's date. */
const decideAppointment =
  (policy: Policy) =>
  (command: AppointmentCommand, state: AppointmentState): AppointmentDecision => {
    if (state.status === 'not-opened') {
      // AP-1: a process is opened before anything else happens in it.
      return command.type === 'OpenAppointmentProcess'
        ? openAppointmentProcess(command)
        : E.left(processNotOpened(command.processId, command.type));
    }
    // AP-11: a completed or abandoned process accepts no further command.
    if (state.status === 'completed' || state.status === 'abandoned') {
      return E.left(processClosed(state.processId, state.status, command.type));
    }
    // AP-1: a process is opened once.
    if (command.type === 'OpenAppointmentProcess') return E.left(processAlreadyOpened(state.processId, state.openedOn));
    const version = policyOn(policy, command.at);
    return decideAppointmentRecordingDepartures(policy.enforcement, command.processId, command.at, (waived) =>
      pipe(
        admitStep(command, state, waived),
        E.chain((process) => decideStep(command, process, version, waived)),
      ),
    );
  };

/**
 * The appointment process (AP-1 to AP-11) as a decider: one process fills one command unit's
 * commander vacancy. `isTerminal` is true once the process is completed or abandoned.
 */
export const appointmentDecider = (
  policy: Policy,
): Decider<AppointmentCommand, AppointmentState, AppointmentEvent, AppointmentRejection> => ({
  decide: decideAppointment(policy),
  evolve: evolveAppointment,
  initialState: initialAppointmentState,
  isTerminal: isClosedAppointment,
});
