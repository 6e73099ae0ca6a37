import type { CommandUnit, IsoDate, Officer, Partner, RuleId } from '@borough-command/domain';
import type { DomainEvent } from '@borough-command/domain';

/** A person an event names, with the part they played. */
export interface NamedPerson {
  /** Their part in the decision, e.g. `area commander`, `ACTP`, `candidate`, `local authority leader`. */
  readonly role: string;
  readonly name: string;
}

/** What one event of an appointment says: the rule, the decision in words, who took part, when and why. */
export interface AuditDescription {
  readonly rule: RuleId;
  readonly decision: string;
  readonly people: readonly NamedPerson[];
  readonly at: IsoDate;
  /** The reason the event records, if any. */
  readonly why: string | null;
}

/** A command unit in words: `Camden`, `Central North BCU`. */
export const unitText = (unit: CommandUnit): string => (unit.kind === 'borough' ? unit.name : `${unit.name} BCU`);

const roleText = (role: string): string => role.replaceAll('-', ' ');

const partnerPerson = (partner: Partner): NamedPerson => ({ role: roleText(partner.kind), name: partner.name });

const candidatePerson = (officer: Officer): NamedPerson => ({ role: 'candidate', name: officer.name });

const nameOf = (candidates: ReadonlyMap<string, Officer>, candidateId: string): string => candidates.get(candidateId)?.name ?? candidateId;

const candidate = (candidates: ReadonlyMap<string, Officer>, candidateId: string): NamedPerson => ({
  role: 'candidate',
  name: nameOf(candidates, candidateId),
});

/**
 * AU-1: what an event of an appointment process (or the posting it started, AP-12) says, in the
 * domain's words; undefined for an event that is not part of an appointment's trail.
 */
export const describeAppointmentEvent = (event: DomainEvent, candidates: ReadonlyMap<string, Officer>): AuditDescription | undefined => {
  switch (event.type) {
    case 'AppointmentProcessOpened': {
      const { unit, role, areaCommander, at } = event.data;
      return {
        rule: 'AP-1',
        decision: `opened the process to appoint the ${roleText(role)} of ${unitText(unit)}`,
        people: [{ role: 'area commander', name: areaCommander }],
        at,
        why: null,
      };
    }
    case 'RoleDescriptionAttached': {
      const { role, version, endorsedOn, at } = event.data;
      return {
        rule: 'AP-2',
        decision: `attached the ${roleText(role)} role description, version ${String(version)} endorsed on ${endorsedOn}`,
        people: [],
        at,
        why: null,
      };
    }
    case 'PartnerConsulted':
      return {
        rule: 'AP-3',
        decision: `consulted ${event.data.partner.name} (${roleText(event.data.partner.kind)}) about the skills required`,
        people: [partnerPerson(event.data.partner)],
        at: event.data.at,
        why: null,
      };
    case 'CandidateRecorded':
      return {
        rule: 'AP-4',
        decision: `recorded ${event.data.candidate.name} (${roleText(event.data.candidate.rank)}), who ${event.data.route === 'applied' ? 'applied' : 'was shortlisted'}`,
        people: [candidatePerson(event.data.candidate)],
        at: event.data.at,
        why: null,
      };
    case 'CandidateInterviewed':
      return {
        rule: 'AP-4',
        decision: `interviewed ${nameOf(candidates, event.data.candidateId)}`,
        people: [{ role: 'interviewer', name: event.data.interviewedBy }, candidate(candidates, event.data.candidateId)],
        at: event.data.at,
        why: null,
      };
    case 'PreferredCandidateProposed':
      return {
        rule: 'AP-5',
        decision: `proposed ${nameOf(candidates, event.data.candidateId)} to the ACTP`,
        people: [{ role: 'area commander', name: event.data.proposedBy }, candidate(candidates, event.data.candidateId)],
        at: event.data.at,
        why: null,
      };
    case 'ProposalAgreed':
      return {
        rule: 'AP-6',
        decision: `agreed the proposal of ${nameOf(candidates, event.data.candidateId)}`,
        people: [{ role: 'ACTP', name: event.data.agreedBy }, candidate(candidates, event.data.candidateId)],
        at: event.data.at,
        why: null,
      };
    case 'ProposalDeclined':
      return {
        rule: 'AP-6',
        decision: `declined the proposal of ${nameOf(candidates, event.data.candidateId)}`,
        people: [{ role: 'ACTP', name: event.data.declinedBy }, candidate(candidates, event.data.candidateId)],
        at: event.data.at,
        why: event.data.reason,
      };
    case 'ChosenCandidateDiscussed':
      return {
        rule: 'AP-7',
        decision: `discussed ${nameOf(candidates, event.data.candidateId)} with ${event.data.partners.map((partner) => partner.name).join(', ')}`,
        people: [candidate(candidates, event.data.candidateId), ...event.data.partners.map(partnerPerson)],
        at: event.data.at,
        why: null,
      };
    case 'ThreeYearCommitmentGiven':
      return {
        rule: 'AP-8',
        decision: `${nameOf(candidates, event.data.candidateId)} committed to serve three years`,
        people: [candidate(candidates, event.data.candidateId)],
        at: event.data.at,
        why: null,
      };
    case 'AppointmentConfirmed': {
      const { candidate: appointed, policeAuthorityDecisionBy, mpsDecisionBy, partnersInvolved, oversightBody, startDate, at } = event.data;
      return {
        rule: 'AP-9',
        decision: `appointed ${appointed.name}, to start on ${startDate}`,
        people: [
          { role: oversightBody === null ? 'police authority' : `police authority (${oversightBody})`, name: policeAuthorityDecisionBy },
          { role: 'MPS', name: mpsDecisionBy },
          candidatePerson(appointed),
        ],
        at,
        why:
          partnersInvolved.length === 0
            ? 'no partner was involved'
            : `informed by ${partnersInvolved.map((partner) => `${partner.name} (${roleText(partner.kind)})`).join(', ')}`,
      };
    }
    case 'OutcomeReported':
      return {
        rule: 'AP-10',
        decision: 'reported the outcome to the Director HR',
        people: [{ role: 'Director HR', name: event.data.directorHr }],
        at: event.data.at,
        why: null,
      };
    case 'AppointmentProcessAbandoned':
      return { rule: 'AP-11', decision: 'abandoned the process', people: [], at: event.data.at, why: event.data.reason };
    case 'AppointmentRuleDeparted':
      return {
        rule: event.data.rule,
        decision: `went ahead without what ${event.data.rule} asks (a departure recorded as it happened)`,
        people: [],
        at: event.data.at,
        why: event.data.message,
      };
    case 'PostingStarted': {
      const { officer, unit, start, lineManager, appointmentProcessId } = event.data;
      if (appointmentProcessId === null) return undefined;
      return {
        rule: 'AP-12',
        decision: `${officer.name} took command of ${unitText(unit)}`,
        people: [
          { role: 'commander', name: officer.name },
          ...(lineManager === null ? [] : [{ role: 'line manager', name: lineManager }]),
        ],
        at: start,
        why: `the appointment confirmed in process ${appointmentProcessId}`,
      };
    }
    default:
      return undefined;
  }
};
