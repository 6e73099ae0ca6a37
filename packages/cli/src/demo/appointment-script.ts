import { addDays, defaultPolicy, valuesOn, type CommandUnit, type DomainCommand, type IsoDate, type Officer, type Partner } from '@borough-command/domain';
import type { SeededRandom } from './seeded-random.js';
import type { SyntheticPeople } from './synthetic-people.js';

/** What an appointment in the demo is about. */
export interface AppointmentPlan {
  readonly processId: string;
  readonly borough: string;
  readonly areaCommander: string;
  /** The officer appointed. */
  readonly appointee: Officer;
  /** The day the process opens. */
  readonly opensOn: IsoDate;
  /** The day of the final decision (AP-9), at least 40 days after opening. */
  readonly decidedOn: IsoDate;
  /** The day the appointee takes up the post. */
  readonly startsOn: IsoDate;
}

/**
 * The commands of one appointment process in the order of seed 001's Appendix 1: the area
 * commander liaises with partners about the skills required, interviews candidates, proposes the
 * preferred candidate to the ACTP (sometimes declined first), discusses the chosen candidate with
 * partners, and, after the final decision, reports the outcome to the Director HR.
 */
export const appointmentCommands = (plan: AppointmentPlan, random: SeededRandom, people: SyntheticPeople): DomainCommand[] => {
  const { processId, borough } = plan;
  const unit: CommandUnit = { kind: 'borough', name: borough };
  const on = (days: number): IsoDate => addDays(plan.opensOn, days);
  let step = 0;
  const id = (name: string): string => `${processId}/${String(++step).padStart(2, '0')}-${name}`;
  const base = { processId };
  const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: people.person(`${borough} chief executive`) };
  const leader: Partner = { kind: 'local-authority-leader', name: people.person(`${borough} council leader`) };
  const rival = people.officer('chief-superintendent');
  const declineFirst = random.chance(0.1);
  const commands: DomainCommand[] = [
    { type: 'OpenAppointmentProcess', commandId: id('open'), at: on(0), ...base, unit, role: 'borough-commander', areaCommander: plan.areaCommander },
    { type: 'AttachRoleDescription', commandId: id('attach'), at: on(0), ...base, version: 1 },
    { type: 'ConsultPartner', commandId: id('consult'), at: on(3), ...base, partner: random.chance(0.7) ? chiefExecutive : leader },
  ];
  // AP-3: the kinds of partner the policy in force on the interviews requires (an MP from 2010-06-17, the link member until MOPAC), and sometimes more.
  const required = valuesOn(defaultPolicy, on(20)).requiredPartners;
  if (required.includes('mp') || random.chance(0.5)) commands.push({ type: 'ConsultPartner', commandId: id('consult'), at: on(5), ...base, partner: { kind: 'mp', name: people.person(`MP for a ${borough} constituency`) } });
  // The link members were the Metropolitan Police Authority's: none is consulted once MOPAC replaced it.
  const policeAuthority = valuesOn(defaultPolicy, on(6)).oversightBody.startsWith('Metropolitan Police Authority');
  if (required.includes('link-member') || (random.chance(0.4) && policeAuthority)) commands.push({ type: 'ConsultPartner', commandId: id('consult'), at: on(6), ...base, partner: { kind: 'link-member', name: people.person(`police authority link member for ${borough}`) } });
  commands.push(
    { type: 'RecordCandidate', commandId: id('candidate'), at: on(10), ...base, candidate: plan.appointee, route: 'applied' },
    { type: 'RecordCandidate', commandId: id('candidate'), at: on(10), ...base, candidate: rival, route: random.chance(0.5) ? 'applied' : 'shortlisted' },
    { type: 'InterviewCandidate', commandId: id('interview'), at: on(20), ...base, candidateId: rival.id },
    { type: 'InterviewCandidate', commandId: id('interview'), at: on(20), ...base, candidateId: plan.appointee.id },
  );
  const actp = 'Assistant Commissioner, Territorial Policing (synthetic)';
  if (declineFirst) {
    commands.push(
      { type: 'ProposePreferredCandidate', commandId: id('propose'), at: on(24), ...base, candidateId: rival.id },
      { type: 'DeclineProposal', commandId: id('decline'), at: on(26), ...base, actp, reason: 'the ACTP preferred a candidate with more partnership experience' },
    );
  }
  commands.push(
    { type: 'ProposePreferredCandidate', commandId: id('propose'), at: on(28), ...base, candidateId: plan.appointee.id },
    { type: 'AgreeProposal', commandId: id('agree'), at: on(30), ...base, actp },
    { type: 'DiscussChosenCandidate', commandId: id('discuss'), at: on(34), ...base, partners: [leader, chiefExecutive] },
    { type: 'RecordThreeYearCommitment', commandId: id('commit'), at: on(36), ...base, candidateId: plan.appointee.id },
    {
      type: 'TakeFinalDecision', commandId: id('decide'), at: plan.decidedOn, ...base,
      policeAuthorityDecisionBy: plan.decidedOn <= '2012-01-15' ? 'MPA Human Resources and Remuneration Sub-committee (synthetic)' : 'MOPAC (synthetic)',
      mpsDecisionBy: actp,
      startDate: plan.startsOn,
    },
    { type: 'ReportOutcome', commandId: id('report'), at: plan.decidedOn, ...base, directorHr: 'Director of Human Resources (synthetic)' },
  );
  return commands;
};

/** A process opened and abandoned before a successful one (AP-11). */
export const abandonedAppointmentCommands = (
  processId: string,
  borough: string,
  areaCommander: string,
  opensOn: IsoDate,
): DomainCommand[] => [
  { type: 'OpenAppointmentProcess', commandId: `${processId}/01-open`, at: opensOn, processId, unit: { kind: 'borough', name: borough }, role: 'borough-commander', areaCommander },
  { type: 'AttachRoleDescription', commandId: `${processId}/02-attach`, at: opensOn, processId, version: 1 },
  { type: 'AbandonAppointmentProcess', commandId: `${processId}/03-abandon`, at: addDays(opensOn, 14), processId, reason: 'no suitable candidate applied; the post will be re-advertised' },
];
