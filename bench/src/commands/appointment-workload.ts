import { addDays, isoDate, oversightBodyOn, type AppointmentCommand, type CommandUnit, type Partner, type Policy } from '@borough-command/domain';
import { workloadUnits } from './posting-workload.js';

/** Days between the openings of two processes of one unit. */
const DAYS_BETWEEN_PROCESSES = 60;

/**
 * The commands of one whole appointment process for a borough (AP-1 to AP-10): role description,
 * the council's leader and an MP consulted (the kinds AP-3 asks for from 2012-01-16), two candidates recorded and interviewed, the
 * proposal agreed, the discussion with partners, the three-year commitment, the final decision
 * and the report. Fourteen commands, one event each.
 */
export const appointmentProcessCommands = (unit: CommandUnit, process: number, policy: Policy): readonly AppointmentCommand[] => {
  const key = unit.name.toLowerCase().replaceAll(' ', '-');
  const processId = `${key}-appointment-${String(process)}`;
  const opens = addDays(isoDate('2012-01-02'), process * DAYS_BETWEEN_PROCESSES);
  const on = (days: number): ReturnType<typeof addDays> => addDays(opens, days);
  let step = 0;
  const id = (): string => `${processId}/${String(++step)}`;
  const leader: Partner = { kind: 'local-authority-leader', name: `Leader of ${unit.name} council` };
  const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: `Chief executive of ${unit.name} council` };
  const mp: Partner = { kind: 'mp', name: `MP for ${unit.name}` };
  const appointee = { id: `${processId}-candidate-1`, name: `Candidate one of ${processId}`, rank: 'chief-superintendent' } as const;
  const rival = { id: `${processId}-candidate-2`, name: `Candidate two of ${processId}`, rank: 'superintendent' } as const;
  const decidedOn = on(45);
  return [
    { type: 'OpenAppointmentProcess', commandId: id(), at: on(0), processId, unit, role: 'borough-commander', areaCommander: 'Area Commander Hart' },
    { type: 'AttachRoleDescription', commandId: id(), at: on(0), processId, version: 1 },
    { type: 'ConsultPartner', commandId: id(), at: on(2), processId, partner: leader },
    { type: 'ConsultPartner', commandId: id(), at: on(3), processId, partner: mp },
    { type: 'RecordCandidate', commandId: id(), at: on(8), processId, candidate: appointee, route: 'applied' },
    { type: 'RecordCandidate', commandId: id(), at: on(8), processId, candidate: rival, route: 'shortlisted' },
    { type: 'InterviewCandidate', commandId: id(), at: on(15), processId, candidateId: appointee.id },
    { type: 'InterviewCandidate', commandId: id(), at: on(15), processId, candidateId: rival.id },
    { type: 'ProposePreferredCandidate', commandId: id(), at: on(26), processId, candidateId: appointee.id },
    { type: 'AgreeProposal', commandId: id(), at: on(29), processId, actp: 'Assistant Commissioner, Territorial Policing' },
    { type: 'DiscussChosenCandidate', commandId: id(), at: on(33), processId, partners: [leader, chiefExecutive] },
    { type: 'RecordThreeYearCommitment', commandId: id(), at: on(37), processId, candidateId: appointee.id },
    {
      type: 'TakeFinalDecision',
      commandId: id(),
      at: decidedOn,
      processId,
      policeAuthorityDecisionBy: oversightBodyOn(policy, decidedOn) ?? 'the police authority',
      mpsDecisionBy: 'Deputy Commissioner',
      startDate: addDays(decidedOn, 30),
    },
    { type: 'ReportOutcome', commandId: id(), at: decidedOn, processId, directorHr: 'Director of Human Resources' },
  ];
};

/** `processes` whole appointment processes, spread over the boroughs of the workload in turns. */
export const appointmentWorkload = (processes: number, units: number, policy: Policy): readonly AppointmentCommand[] => {
  const chosen = workloadUnits(units);
  const commands: AppointmentCommand[] = [];
  for (let process = 0; process < processes; process++) {
    const unit = chosen[process % chosen.length] as CommandUnit;
    commands.push(...appointmentProcessCommands(unit, Math.floor(process / chosen.length), policy));
  }
  return commands;
};
