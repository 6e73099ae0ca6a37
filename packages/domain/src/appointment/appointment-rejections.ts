import type { PolicyVersion } from '../policy/policy-version.js';
import type { PartnerRequirement } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { RuleId, RuleViolation } from '../shared/rule-id.js';
import type { NotALondonBorough, RoleDoesNotFitUnit } from '../shared/unit-rejections.js';
import { roleInWords } from '../shared/unit-wording.js';
import type { CommanderRole, Partner } from '../shared/vocabulary.js';
import type { AppointmentCommandType } from './appointment-commands.js';
import { partnersInWords, requirementInWords } from './appointment-wording.js';

// ---------------------------------------------------------------- AP-1: opening a process

/** AP-1: a command reached a process that was never opened. */
export interface ProcessNotOpened extends RuleViolation<'ProcessNotOpened'> {
  readonly rule: 'AP-1';
  readonly processId: string;
  readonly commandType: AppointmentCommandType;
}
/** AP-1: refuses a command sent before its process was opened. */
export const processNotOpened = (processId: string, commandType: AppointmentCommandType): ProcessNotOpened => ({
  _tag: 'ProcessNotOpened',
  rule: 'AP-1',
  message: `Appointment process '${processId}' has not been opened, so ${commandType} cannot be accepted.`,
  processId,
  commandType,
});

/** AP-1: the process was already opened. */
export interface ProcessAlreadyOpened extends RuleViolation<'ProcessAlreadyOpened'> {
  readonly rule: 'AP-1';
  readonly processId: string;
  readonly openedOn: IsoDate;
}
/** AP-1: refuses opening a process a second time. */
export const processAlreadyOpened = (processId: string, openedOn: IsoDate): ProcessAlreadyOpened => ({
  _tag: 'ProcessAlreadyOpened',
  rule: 'AP-1',
  message: `Appointment process '${processId}' was already opened on ${openedOn}.`,
  processId,
  openedOn,
});

/** AP-1: the command names another process than the one in this stream. */
export interface WrongProcess extends RuleViolation<'WrongProcess'> {
  readonly rule: 'AP-1';
  readonly processId: string;
  readonly commandProcessId: string;
}
/** AP-1: refuses a command addressed to another process. */
export const wrongProcess = (processId: string, commandProcessId: string): WrongProcess => ({
  _tag: 'WrongProcess',
  rule: 'AP-1',
  message: `The command is for appointment process '${commandProcessId}', not for process '${processId}'.`,
  processId,
  commandProcessId,
});

// ---------------------------------------------------------------- AP-2: the role description

/** AP-2: the policy has no role description of the process's role at this version. */
export interface RoleDescriptionNotFound extends RuleViolation<'RoleDescriptionNotFound'> {
  readonly rule: 'AP-2';
  readonly processId: string;
  readonly role: CommanderRole;
  readonly version: number;
}
/** AP-2: refuses a role description version the policy does not hold. */
export const roleDescriptionNotFound = (processId: string, role: CommanderRole, version: number): RoleDescriptionNotFound => ({
  _tag: 'RoleDescriptionNotFound',
  rule: 'AP-2',
  message: `There is no version ${version} of the ${roleInWords(role)} role description to attach to appointment process '${processId}'.`,
  processId,
  role,
  version,
});

/** AP-2: the role description was not endorsed on the day of the command. */
export interface RoleDescriptionNotEndorsed extends RuleViolation<'RoleDescriptionNotEndorsed'> {
  readonly rule: 'AP-2';
  readonly processId: string;
  readonly role: CommanderRole;
  readonly version: number;
  /** The day it was (or will be) endorsed; null when it never was. */
  readonly endorsedOn: IsoDate | null;
  readonly at: IsoDate;
}
/** AP-2: refuses a role description that is not endorsed, or endorsed only after the command's date. */
export const roleDescriptionNotEndorsed = (
  processId: string,
  role: CommanderRole,
  version: number,
  endorsedOn: IsoDate | null,
  at: IsoDate,
): RoleDescriptionNotEndorsed => ({
  _tag: 'RoleDescriptionNotEndorsed',
  rule: 'AP-2',
  message:
    endorsedOn === null
      ? `Version ${version} of the ${roleInWords(role)} role description has not been endorsed, so it cannot be attached to appointment process '${processId}'.`
      : `Version ${version} of the ${roleInWords(role)} role description was endorsed on ${endorsedOn}, after ${at}, so it cannot be attached to appointment process '${processId}' on ${at}.`,
  processId,
  role,
  version,
  endorsedOn,
  at,
});

/** AP-2: candidates were interviewed, so the role description they were assessed against is fixed. */
export interface CandidatesAlreadyAssessed extends RuleViolation<'CandidatesAlreadyAssessed'> {
  readonly rule: 'AP-2';
  readonly processId: string;
  readonly interviewed: readonly string[];
}
/** AP-2: refuses attaching a role description once any candidate has been interviewed. */
export const candidatesAlreadyAssessed = (processId: string, interviewed: readonly string[]): CandidatesAlreadyAssessed => ({
  _tag: 'CandidatesAlreadyAssessed',
  rule: 'AP-2',
  message: `Appointment process '${processId}' has already interviewed ${interviewed.join(', ')}, so its role description can no longer change.`,
  processId,
  interviewed,
});

/** AP-2: no role description is attached yet. */
export interface RoleDescriptionNotAttached extends RuleViolation<'RoleDescriptionNotAttached'> {
  readonly rule: 'AP-2';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-2: refuses an interview before an endorsed role description is attached. */
export const roleDescriptionNotAttached = (processId: string, candidateId: string): RoleDescriptionNotAttached => ({
  _tag: 'RoleDescriptionNotAttached',
  rule: 'AP-2',
  message: `Candidate '${candidateId}' cannot be interviewed: appointment process '${processId}' has no endorsed role description attached yet.`,
  processId,
  candidateId,
});

// ---------------------------------------------------------------- AP-3: liaising with partners

/** AP-3: a kind of partner the policy requires has not been consulted. */
export interface PartnersNotConsulted extends RuleViolation<'PartnersNotConsulted'> {
  readonly rule: 'AP-3';
  readonly processId: string;
  readonly candidateId: string;
  /** Every partner consulted so far. */
  readonly consulted: readonly Partner[];
  /** The kinds of partner the policy version in force requires that no one consulted meets. */
  readonly missing: readonly PartnerRequirement[];
  /** The policy version in force on the interview's date. */
  readonly policyVersion: string;
}
/** AP-3: refuses the first interview before every kind of partner the policy requires was consulted. */
export const partnersNotConsulted = (
  processId: string,
  candidateId: string,
  consulted: readonly Partner[],
  missing: readonly PartnerRequirement[],
  policyVersion: string,
): PartnersNotConsulted => ({
  _tag: 'PartnersNotConsulted',
  rule: 'AP-3',
  message: `Candidate '${candidateId}' cannot be interviewed: appointment process '${processId}' has not consulted ${missing.map(requirementInWords).join(', ')} about the skills required, as policy version '${policyVersion}' requires (consulted so far: ${partnersInWords(consulted)}).`,
  processId,
  candidateId,
  consulted,
  missing,
  policyVersion,
});

// ---------------------------------------------------------------- AP-4: candidates and interviews

/** AP-4: a candidate with this id is already recorded. */
export interface CandidateAlreadyRecorded extends RuleViolation<'CandidateAlreadyRecorded'> {
  readonly rule: 'AP-4';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-4: refuses recording a candidate twice in one process. */
export const candidateAlreadyRecorded = (processId: string, candidateId: string): CandidateAlreadyRecorded => ({
  _tag: 'CandidateAlreadyRecorded',
  rule: 'AP-4',
  message: `Candidate '${candidateId}' is already recorded in appointment process '${processId}'.`,
  processId,
  candidateId,
});

/** AP-4: the candidate neither applied nor was shortlisted in this process. */
export interface CandidateNotRecorded extends RuleViolation<'CandidateNotRecorded'> {
  readonly rule: 'AP-4';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-4: refuses interviewing someone who did not apply and was not shortlisted. */
export const candidateNotRecorded = (processId: string, candidateId: string): CandidateNotRecorded => ({
  _tag: 'CandidateNotRecorded',
  rule: 'AP-4',
  message: `'${candidateId}' neither applied nor was shortlisted in appointment process '${processId}', so cannot be interviewed.`,
  processId,
  candidateId,
});

/** AP-4: the candidate was already interviewed in this process. */
export interface CandidateAlreadyInterviewed extends RuleViolation<'CandidateAlreadyInterviewed'> {
  readonly rule: 'AP-4';
  readonly processId: string;
  readonly candidateId: string;
  readonly interviewedOn: IsoDate;
}
/** AP-4: refuses a second interview of one candidate. */
export const candidateAlreadyInterviewed = (
  processId: string,
  candidateId: string,
  interviewedOn: IsoDate,
): CandidateAlreadyInterviewed => ({
  _tag: 'CandidateAlreadyInterviewed',
  rule: 'AP-4',
  message: `Candidate '${candidateId}' was already interviewed on ${interviewedOn} in appointment process '${processId}'; a candidate is interviewed once per process.`,
  processId,
  candidateId,
  interviewedOn,
});

// ---------------------------------------------------------------- AP-5: proposing to the ACTP

/** AP-5: the candidate has not been interviewed. */
export interface CandidateNotInterviewed extends RuleViolation<'CandidateNotInterviewed'> {
  readonly rule: 'AP-5';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-5: refuses proposing a candidate who was not interviewed. */
export const candidateNotInterviewed = (processId: string, candidateId: string): CandidateNotInterviewed => ({
  _tag: 'CandidateNotInterviewed',
  rule: 'AP-5',
  message: `Candidate '${candidateId}' has not been interviewed in appointment process '${processId}', so cannot be proposed to the ACTP.`,
  processId,
  candidateId,
});

/** AP-5: a proposal is already waiting for the ACTP. */
export interface ProposalAlreadyPending extends RuleViolation<'ProposalAlreadyPending'> {
  readonly rule: 'AP-5';
  readonly processId: string;
  readonly pendingCandidateId: string;
  readonly candidateId: string;
}
/** AP-5: refuses a second proposal while one is pending. */
export const proposalAlreadyPending = (processId: string, pendingCandidateId: string, candidateId: string): ProposalAlreadyPending => ({
  _tag: 'ProposalAlreadyPending',
  rule: 'AP-5',
  message: `Candidate '${candidateId}' cannot be proposed: the proposal of '${pendingCandidateId}' is still waiting for the ACTP in appointment process '${processId}'.`,
  processId,
  pendingCandidateId,
  candidateId,
});

/** AP-5: the ACTP already agreed a candidate, which ends proposing. */
export interface ProposalAlreadyAgreed extends RuleViolation<'ProposalAlreadyAgreed'> {
  readonly rule: 'AP-5';
  readonly processId: string;
  readonly agreedCandidateId: string;
  readonly candidateId: string;
}
/** AP-5: refuses a proposal after the ACTP agreed one. */
export const proposalAlreadyAgreed = (processId: string, agreedCandidateId: string, candidateId: string): ProposalAlreadyAgreed => ({
  _tag: 'ProposalAlreadyAgreed',
  rule: 'AP-5',
  message: `Candidate '${candidateId}' cannot be proposed: the ACTP already agreed '${agreedCandidateId}' in appointment process '${processId}'.`,
  processId,
  agreedCandidateId,
  candidateId,
});

// ---------------------------------------------------------------- AP-6: the ACTP's agreement

/** AP-6: there is no proposal for the ACTP to agree or decline. */
export interface NoPendingProposal extends RuleViolation<'NoPendingProposal'> {
  readonly rule: 'AP-6';
  readonly processId: string;
  readonly commandType: 'AgreeProposal' | 'DeclineProposal';
}
/** AP-6: refuses the ACTP's answer when nothing is proposed. */
export const noPendingProposal = (processId: string, commandType: 'AgreeProposal' | 'DeclineProposal'): NoPendingProposal => ({
  _tag: 'NoPendingProposal',
  rule: 'AP-6',
  message: `The ACTP cannot ${commandType === 'AgreeProposal' ? 'agree' : 'decline'} a proposal in appointment process '${processId}': none is pending.`,
  processId,
  commandType,
});

/** AP-6: the ACTP declined this candidate earlier in the process. */
export interface CandidateAlreadyDeclined extends RuleViolation<'CandidateAlreadyDeclined'> {
  readonly rule: 'AP-6';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-6: refuses proposing again a candidate the ACTP declined. */
export const candidateAlreadyDeclined = (processId: string, candidateId: string): CandidateAlreadyDeclined => ({
  _tag: 'CandidateAlreadyDeclined',
  rule: 'AP-6',
  message: `The ACTP already declined candidate '${candidateId}' in appointment process '${processId}'; propose another interviewed candidate.`,
  processId,
  candidateId,
});

/** AP-6: the ACTP has agreed no candidate. */
export interface NoAgreedCandidate extends RuleViolation<'NoAgreedCandidate'> {
  readonly rule: 'AP-6';
  readonly processId: string;
}
/** AP-6: refuses the final decision before the ACTP agreed a candidate. */
export const noAgreedCandidate = (processId: string): NoAgreedCandidate => ({
  _tag: 'NoAgreedCandidate',
  rule: 'AP-6',
  message: `No final decision can be taken in appointment process '${processId}': the ACTP has not agreed a candidate.`,
  processId,
});

// ---------------------------------------------------------------- AP-7: discussing the chosen candidate

/** AP-7: there is no chosen candidate to discuss yet. */
export interface DiscussionBeforeAgreement extends RuleViolation<'DiscussionBeforeAgreement'> {
  readonly rule: 'AP-7';
  readonly processId: string;
}
/** AP-7: refuses discussing a candidate with partners before the ACTP agreed one. */
export const discussionBeforeAgreement = (processId: string): DiscussionBeforeAgreement => ({
  _tag: 'DiscussionBeforeAgreement',
  rule: 'AP-7',
  message: `There is no chosen candidate to discuss with partners in appointment process '${processId}': the ACTP has not agreed one.`,
  processId,
});

/** AP-7: the chosen candidate has not been discussed with partners. */
export interface ChosenCandidateNotDiscussed extends RuleViolation<'ChosenCandidateNotDiscussed'> {
  readonly rule: 'AP-7';
  readonly processId: string;
  readonly candidateId: string;
}
/** AP-7: refuses the final decision before the chosen candidate was discussed with partners. */
export const chosenCandidateNotDiscussed = (processId: string, candidateId: string): ChosenCandidateNotDiscussed => ({
  _tag: 'ChosenCandidateNotDiscussed',
  rule: 'AP-7',
  message: `No final decision can be taken in appointment process '${processId}': the chosen candidate '${candidateId}' has not been discussed with partners.`,
  processId,
  candidateId,
});

// ---------------------------------------------------------------- AP-8: the three-year commitment

/** AP-8: the commitment is for someone other than the agreed candidate. */
export interface NotTheAgreedCandidate extends RuleViolation<'NotTheAgreedCandidate'> {
  readonly rule: 'AP-8';
  readonly processId: string;
  readonly candidateId: string;
  /** The candidate the ACTP agreed; null when none is agreed yet. */
  readonly agreedCandidateId: string | null;
}
/** AP-8: refuses a commitment from anyone but the candidate the ACTP agreed. */
export const notTheAgreedCandidate = (processId: string, candidateId: string, agreedCandidateId: string | null): NotTheAgreedCandidate => ({
  _tag: 'NotTheAgreedCandidate',
  rule: 'AP-8',
  message:
    agreedCandidateId === null
      ? `Candidate '${candidateId}' cannot commit to three years in appointment process '${processId}': the ACTP has not agreed a candidate yet.`
      : `Candidate '${candidateId}' cannot commit to three years in appointment process '${processId}': the ACTP agreed '${agreedCandidateId}'.`,
  processId,
  candidateId,
  agreedCandidateId,
});

/** AP-8: an appointment decided under a policy version that requires it needs the three-year commitment. */
export interface ThreeYearCommitmentMissing extends RuleViolation<'ThreeYearCommitmentMissing'> {
  readonly rule: 'AP-8';
  readonly processId: string;
  readonly candidateId: string;
  readonly decidedOn: IsoDate;
  /** The policy version in force on the decision date, which requires the commitment. */
  readonly policyVersion: string;
}
/** AP-8: refuses the final decision when the candidate has not committed to serve three years. */
export const threeYearCommitmentMissing = (
  processId: string,
  candidateId: string,
  decidedOn: IsoDate,
  version: Pick<PolicyVersion, 'id' | 'effectiveFrom'>,
): ThreeYearCommitmentMissing => ({
  _tag: 'ThreeYearCommitmentMissing',
  rule: 'AP-8',
  message: `No final decision can be taken on ${decidedOn} in appointment process '${processId}': candidate '${candidateId}' has not committed to serve three years, which policy version '${version.id}' (in force from ${version.effectiveFrom}) requires.`,
  processId,
  candidateId,
  decidedOn,
  policyVersion: version.id,
});

// ---------------------------------------------------------------- AP-9: the final decision

/** AP-9: the posting would start before the decision that makes it. */
export interface StartBeforeDecision extends RuleViolation<'StartBeforeDecision'> {
  readonly rule: 'AP-9';
  readonly processId: string;
  readonly startDate: IsoDate;
  readonly decidedOn: IsoDate;
}
/** AP-9: refuses a final decision whose start date is before the decision date. */
export const startBeforeDecision = (processId: string, startDate: IsoDate, decidedOn: IsoDate): StartBeforeDecision => ({
  _tag: 'StartBeforeDecision',
  rule: 'AP-9',
  message: `The appointment decided on ${decidedOn} in appointment process '${processId}' cannot start earlier, on ${startDate}.`,
  processId,
  startDate,
  decidedOn,
});

/** AP-9: the final decision is taken; only reporting the outcome remains. */
export interface FinalDecisionAlreadyTaken extends RuleViolation<'FinalDecisionAlreadyTaken'> {
  readonly rule: 'AP-9';
  readonly processId: string;
  readonly commandType: AppointmentCommandType;
  readonly decidedOn: IsoDate;
}
/** AP-9: refuses every command but reporting the outcome after the final decision. */
export const finalDecisionAlreadyTaken = (
  processId: string,
  commandType: AppointmentCommandType,
  decidedOn: IsoDate,
): FinalDecisionAlreadyTaken => ({
  _tag: 'FinalDecisionAlreadyTaken',
  rule: 'AP-9',
  message: `The final decision of appointment process '${processId}' was taken on ${decidedOn}; only the outcome report to the Director HR remains, so ${commandType} cannot be accepted.`,
  processId,
  commandType,
  decidedOn,
});

// ---------------------------------------------------------------- every step: the order of the steps

/** A step of the process dated before the last recorded step: the steps' order is part of their rule. */
export interface StepBackdated extends RuleViolation<'StepBackdated'> {
  readonly processId: string;
  readonly commandType: AppointmentCommandType;
  readonly at: IsoDate;
  readonly lastStepOn: IsoDate;
}
/** Refuses a step dated before the process's last step, under the rule of the step refused. */
export const stepBackdated = (
  rule: RuleId,
  processId: string,
  commandType: AppointmentCommandType,
  at: IsoDate,
  lastStepOn: IsoDate,
): StepBackdated => ({
  _tag: 'StepBackdated',
  rule,
  message: `${commandType} dated ${at} cannot be recorded in appointment process '${processId}': its last step was on ${lastStepOn}, and the steps happen in order.`,
  processId,
  commandType,
  at,
  lastStepOn,
});

// ---------------------------------------------------------------- AP-10: the outcome report

/** AP-10: there is no final decision to report yet. */
export interface FinalDecisionNotTaken extends RuleViolation<'FinalDecisionNotTaken'> {
  readonly rule: 'AP-10';
  readonly processId: string;
}
/** AP-10: refuses reporting the outcome before the final decision. */
export const finalDecisionNotTaken = (processId: string): FinalDecisionNotTaken => ({
  _tag: 'FinalDecisionNotTaken',
  rule: 'AP-10',
  message: `There is no outcome to report to the Director HR yet: appointment process '${processId}' has no final decision.`,
  processId,
});

// ---------------------------------------------------------------- AP-11: abandoned and closed processes

/** AP-11: the process is completed or abandoned. */
export interface ProcessClosed extends RuleViolation<'ProcessClosed'> {
  readonly rule: 'AP-11';
  readonly processId: string;
  readonly status: 'completed' | 'abandoned';
  readonly commandType: AppointmentCommandType;
}
/** AP-11: refuses every command to a completed or abandoned process. */
export const processClosed = (
  processId: string,
  status: 'completed' | 'abandoned',
  commandType: AppointmentCommandType,
): ProcessClosed => ({
  _tag: 'ProcessClosed',
  rule: 'AP-11',
  message: `Appointment process '${processId}' is ${status} and accepts no further command (${commandType}).`,
  processId,
  status,
  commandType,
});

/** AP-11: the final decision is taken, so the process can no longer be abandoned. */
export interface TooLateToAbandon extends RuleViolation<'TooLateToAbandon'> {
  readonly rule: 'AP-11';
  readonly processId: string;
  readonly decidedOn: IsoDate;
}
/** AP-11: refuses abandoning a process after its final decision. */
export const tooLateToAbandon = (processId: string, decidedOn: IsoDate): TooLateToAbandon => ({
  _tag: 'TooLateToAbandon',
  rule: 'AP-11',
  message: `Appointment process '${processId}' cannot be abandoned: its final decision was taken on ${decidedOn}.`,
  processId,
  decidedOn,
});

/** Every reason the appointment process refuses a command. */
export type AppointmentRejection =
  | ProcessNotOpened
  | ProcessAlreadyOpened
  | NotALondonBorough
  | RoleDoesNotFitUnit
  | WrongProcess
  | RoleDescriptionNotFound
  | RoleDescriptionNotEndorsed
  | CandidatesAlreadyAssessed
  | RoleDescriptionNotAttached
  | PartnersNotConsulted
  | CandidateAlreadyRecorded
  | CandidateNotRecorded
  | CandidateAlreadyInterviewed
  | CandidateNotInterviewed
  | ProposalAlreadyPending
  | ProposalAlreadyAgreed
  | NoPendingProposal
  | CandidateAlreadyDeclined
  | NoAgreedCandidate
  | DiscussionBeforeAgreement
  | ChosenCandidateNotDiscussed
  | NotTheAgreedCandidate
  | ThreeYearCommitmentMissing
  | StartBeforeDecision
  | FinalDecisionAlreadyTaken
  | StepBackdated
  | FinalDecisionNotTaken
  | ProcessClosed
  | TooLateToAbandon;
