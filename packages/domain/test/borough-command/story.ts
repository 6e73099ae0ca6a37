/**
 * Command sequences for service tests, written out in full: an appointment walked through the
 * process, and a pathfinder BCU made ready to go live.
 */
import { isoDate, type IsoDate } from '../../src/shared/iso-date.js';
import type { CommandUnit, Officer } from '../../src/shared/vocabulary.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';

/** A chief superintendent, the candidate appointed in Camden. */
export const dana: Officer = { id: 'officer-dana', name: 'Dana Whitfield', rank: 'chief-superintendent' };
/** Another chief superintendent. */
export const eli: Officer = { id: 'officer-eli', name: 'Eli Marsh', rank: 'chief-superintendent' };

/** Every command of an appointment process in Camden, from opening to the report to the Director HR. */
export const appointmentInCamden = (processId: string, candidate: Officer, decidedOn: IsoDate, startDate: IsoDate): DomainCommand[] => {
  const unit: CommandUnit = { kind: 'borough', name: 'Camden' };
  const id = (step: string): string => `${processId}/${step}`;
  const base = { processId };
  return [
    { type: 'OpenAppointmentProcess', commandId: id('open'), at: isoDate('2012-03-01'), ...base, unit, role: 'borough-commander', areaCommander: 'Cdr Area North' },
    { type: 'AttachRoleDescription', commandId: id('attach'), at: isoDate('2012-03-01'), ...base, version: 1 },
    { type: 'ConsultPartner', commandId: id('consult-ce'), at: isoDate('2012-03-05'), ...base, partner: { kind: 'local-authority-chief-executive', name: 'Camden chief executive' } },
    { type: 'ConsultPartner', commandId: id('consult-mp'), at: isoDate('2012-03-06'), ...base, partner: { kind: 'mp', name: 'Holborn MP' } },
    { type: 'RecordCandidate', commandId: id('apply'), at: isoDate('2012-03-10'), ...base, candidate, route: 'applied' },
    { type: 'InterviewCandidate', commandId: id('interview'), at: isoDate('2012-03-20'), ...base, candidateId: candidate.id },
    { type: 'ProposePreferredCandidate', commandId: id('propose'), at: isoDate('2012-03-21'), ...base, candidateId: candidate.id },
    { type: 'AgreeProposal', commandId: id('agree'), at: isoDate('2012-03-22'), ...base, actp: 'AC Territorial Policing' },
    { type: 'DiscussChosenCandidate', commandId: id('discuss'), at: isoDate('2012-03-23'), ...base, partners: [{ kind: 'local-authority-leader', name: 'Camden leader' }] },
    { type: 'RecordThreeYearCommitment', commandId: id('commit'), at: isoDate('2012-03-24'), ...base, candidateId: candidate.id },
    { type: 'TakeFinalDecision', commandId: id('decide'), at: decidedOn, ...base, policeAuthorityDecisionBy: 'MOPAC HR lead', mpsDecisionBy: 'AC Territorial Policing', startDate },
    { type: 'ReportOutcome', commandId: id('report'), at: decidedOn, ...base, directorHr: 'Director HR' },
  ];
};

/** Superintendents of a pathfinder BCU: four, each leading a core function. */
export const superintendents: readonly Officer[] = [
  { id: 'supt-1', name: 'Supt One', rank: 'superintendent' },
  { id: 'supt-2', name: 'Supt Two', rank: 'superintendent' },
  { id: 'supt-3', name: 'Supt Three', rank: 'superintendent' },
  { id: 'supt-4', name: 'Supt Four', rank: 'superintendent' },
];

/**
 * Every command that takes a pathfinder BCU live on `liveOn`: a pathfinder programme (when
 * `startProgramme`), the proposal, each borough's leader and chief executive and MOPAC consulted,
 * an interim commander, four superintendents leading the core functions and dedicated to the
 * boroughs in turn, two DWOs per ward, a 24/7 station per borough, then `TakeBcuLive`.
 */
export const pathfinderGoesLive = (
  bcu: string,
  boroughs: readonly string[],
  commander: Officer,
  liveOn: IsoDate,
  startProgramme = true,
): DomainCommand[] => {
  const restructureId = 'met';
  const id = (step: string): string => `${bcu}/${step}`;
  const at = isoDate('2016-11-18');
  const functions = ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'] as const;
  const programme: DomainCommand[] = startProgramme
    ? [{ type: 'StartRestructureProgramme', commandId: 'programme', at: isoDate('2016-10-01'), restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' }]
    : [];
  return [
    ...programme,
    { type: 'ProposeBcu', commandId: id('propose'), at, restructureId, programmeId: 'pathfinder', bcu, boroughs: [...boroughs] },
    ...boroughs.flatMap((borough): DomainCommand[] => [
      { type: 'RecordBcuConsultation', commandId: id(`leader ${borough}`), at, restructureId, bcu, consultee: 'local-authority-leader', name: `${borough} leader`, borough },
      { type: 'RecordBcuConsultation', commandId: id(`ce ${borough}`), at, restructureId, bcu, consultee: 'local-authority-chief-executive', name: `${borough} chief executive`, borough },
      { type: 'AllocateDedicatedWardOfficers', commandId: id(`dwo ${borough}`), at, restructureId, borough, officersPerWard: 2 },
      { type: 'RegisterTwentyFourHourStation', commandId: id(`station ${borough}`), at, restructureId, borough, station: `${borough} front counter` },
    ]),
    { type: 'RecordBcuConsultation', commandId: id('mopac'), at, restructureId, bcu, consultee: 'mopac', name: 'Deputy Mayor for Policing and Crime' },
    { type: 'AppointBcuCommander', commandId: id('commander'), at, restructureId, bcu, officer: commander, interim: true },
    ...functions.map((leads, index): DomainCommand => {
      const dedicatedTo = boroughs[index];
      return {
        type: 'AssignSuperintendent', commandId: id(`supt ${String(index)}`), at, restructureId, bcu,
        superintendent: superintendents[index] as Officer, leads, ...(dedicatedTo === undefined ? {} : { dedicatedTo }),
      };
    }),
    { type: 'TakeBcuLive', commandId: id('live'), at: liveOn, restructureId, bcu },
  ];
};
