/**
 * A story told through the domain service (`createBoroughCommand`), as JSON commands: Hackney
 * appoints a commander (AP-1..AP-10, the posting starts by AP-12), who is assessed and leaves
 * early (a PO-3 breach in `record` mode); an acting commander covers; Tower Hamlets has its own
 * commander; the two boroughs go live as the BCU Central East, which ends both borough postings
 * (PO-6) and starts the BCU commander's posting (RS-4). Command ids are fixed, so the same story
 * writes the same event ids into any store.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bcuPostingId,
  createBoroughCommand,
  isoDate,
  policyWith,
  type BoroughCommand,
  type DomainEvent,
} from '@borough-command/domain';
import { describeStoreError, type EventStore, type StoreError } from '@borough-command/domain/eventsourcing';

/** One step: who sends which command (without its id). */
export interface StoryStep {
  readonly actor: string;
  readonly command: Readonly<Record<string, unknown>>;
}

/** The policy the story is told and viewed under. */
export const storyPolicy = policyWith({ enforcement: 'record' });

const hackney = { kind: 'borough', name: 'Hackney' };
const towerHamlets = { kind: 'borough', name: 'Tower Hamlets' };
const officer = (id: string, name: string, rank: string) => ({ id, name, rank });
const dana = officer('dana', 'Dana Okoro', 'chief-superintendent');
const eli = officer('eli', 'Eli Marsh', 'chief-superintendent');
const fay = officer('fay', 'Fay Lindqvist', 'chief-superintendent');
const gus = officer('gus', 'Gus Adebayo', 'superintendent');
const leader = { kind: 'local-authority-leader', name: 'Leader of Hackney' };
const chiefExecutive = { kind: 'local-authority-chief-executive', name: 'Chief executive of Hackney' };
const mp = { kind: 'mp', name: 'MP for Hackney South and Shoreditch' };
const processId = 'hackney-2013';
const restructureId = 'met';

const appointment = (actor: string, command: Record<string, unknown>): StoryStep => ({ actor, command: { processId, ...command } });

/** The first part: the appointment, the assessment, the early departure and the acting cover. */
export const storyPartOne: readonly StoryStep[] = [
  appointment('area', { type: 'OpenAppointmentProcess', at: '2013-01-07', unit: hackney, role: 'borough-commander', areaCommander: 'Area Commander Vale' }),
  appointment('area', { type: 'AttachRoleDescription', at: '2013-01-08', version: 1 }),
  appointment('area', { type: 'ConsultPartner', at: '2013-01-14', partner: leader }),
  // AP-3 from 2012-01-16: the local authority and an MP.
  appointment('area', { type: 'ConsultPartner', at: '2013-01-15', partner: mp }),
  appointment('area', { type: 'RecordCandidate', at: '2013-01-21', candidate: dana, route: 'applied' }),
  appointment('area', { type: 'InterviewCandidate', at: '2013-02-04', candidateId: 'dana' }),
  appointment('area', { type: 'ProposePreferredCandidate', at: '2013-02-06', candidateId: 'dana' }),
  appointment('actp', { type: 'AgreeProposal', at: '2013-02-11', actp: 'ACTP Rowe' }),
  appointment('area', { type: 'DiscussChosenCandidate', at: '2013-02-13', partners: [leader, chiefExecutive] }),
  appointment('area', { type: 'RecordThreeYearCommitment', at: '2013-02-14', candidateId: 'dana' }),
  appointment('mopac', {
    type: 'TakeFinalDecision',
    at: '2013-02-20',
    policeAuthorityDecisionBy: 'MOPAC Deputy',
    mpsDecisionBy: 'MPS Commissioner',
    startDate: '2013-03-04',
  }),
  appointment('hr', { type: 'ReportOutcome', at: '2013-02-22', directorHr: 'Director HR' }),
];

/** The second part: an assessment, an early departure for promotion and an acting commander. */
export const storyPartTwo: readonly StoryStep[] = [
  { actor: 'area', command: { type: 'AssessPerformance', at: '2013-09-30', unit: hackney, postingId: processId, assessedBy: 'Area Commander Vale', partners: [chiefExecutive] } },
  { actor: 'area', command: { type: 'EndPosting', at: '2014-05-31', unit: hackney, postingId: processId, reason: 'promotion' } },
  { actor: 'area', command: { type: 'StartPosting', at: '2014-06-02', unit: hackney, postingId: 'hackney-acting', role: 'borough-commander', officer: gus, acting: true, lineManager: 'Area Commander Vale' } },
  { actor: 'area', command: { type: 'StartPosting', at: '2015-03-02', unit: towerHamlets, postingId: 'tower-hamlets-2015', role: 'borough-commander', officer: eli, acting: false, lineManager: 'Area Commander Vale' } },
];

const at = '2017-11-01';
const bcu = 'Central East';
const restructure = (command: Record<string, unknown>): StoryStep => ({ actor: 'met', command: { restructureId, ...command } });

/** The third part: the BCU Central East is proposed, prepared and goes live (PO-6, RS-4). */
export const storyPartThree: readonly StoryStep[] = [
  restructure({ type: 'StartRestructureProgramme', at, programmeId: 'pathfinder', stage: 'pathfinder', name: 'Pathfinder BCUs' }),
  restructure({ type: 'ProposeBcu', at, programmeId: 'pathfinder', bcu, boroughs: ['Hackney', 'Tower Hamlets'] }),
  ...['Hackney', 'Tower Hamlets'].flatMap((borough) => [
    restructure({ type: 'RecordBcuConsultation', at, bcu, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough }),
    restructure({ type: 'RecordBcuConsultation', at, bcu, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough }),
    restructure({ type: 'AllocateDedicatedWardOfficers', at, borough, officersPerWard: 2 }),
    restructure({ type: 'RegisterTwentyFourHourStation', at, borough, station: `${borough} police station` }),
  ]),
  restructure({ type: 'RecordBcuConsultation', at, bcu, consultee: 'mopac', name: 'MOPAC' }),
  restructure({ type: 'AppointBcuCommander', at, bcu, officer: fay, interim: false }),
  restructure({ type: 'AssignSuperintendent', at, bcu, superintendent: officer('hal', 'Hal Price', 'superintendent'), leads: 'neighbourhoods', dedicatedTo: 'Hackney' }),
  restructure({ type: 'AssignSuperintendent', at, bcu, superintendent: officer('ida', 'Ida Cole', 'superintendent'), leads: 'response', dedicatedTo: 'Tower Hamlets' }),
  restructure({ type: 'AssignSuperintendent', at, bcu, superintendent: officer('jon', 'Jon Webb', 'superintendent'), leads: 'investigation' }),
  restructure({ type: 'AssignSuperintendent', at, bcu, superintendent: officer('kit', 'Kit Ames', 'superintendent'), leads: 'protecting-vulnerable-people' }),
  restructure({ type: 'TakeBcuLive', at: '2018-02-01', bcu }),
];

/** The fourth part: an assessment in the BCU, after the merger. */
export const storyPartFour: readonly StoryStep[] = [
  // RS-4: the commander named before go-live holds the posting from the day named.
  { actor: 'area', command: { type: 'AssessPerformance', at: '2018-09-28', unit: { kind: 'bcu', name: bcu }, postingId: bcuPostingId(bcu, isoDate(at)), assessedBy: 'Area Commander Vale', partners: [leader] } },
];

/** The whole story, in order. */
export const wholeStory: readonly StoryStep[] = [...storyPartOne, ...storyPartTwo, ...storyPartThree, ...storyPartFour];

/** The domain service over a store, with the story's policy and a fixed clock. */
export const storyService = (store: EventStore<DomainEvent>): BoroughCommand =>
  createBoroughCommand({ store, policy: storyPolicy, clock: () => new Date('2024-06-01T12:00:00.000Z') });

/** The command id of a step: fixed by its place in the whole story. */
export const commandIdOf = (step: StoryStep): string => `story-${String(wholeStory.indexOf(step))}`;

/** Whether an error is the store being unreachable, or an append of unknown outcome: both are sent again as they were. */
const isUnavailable = (error: { readonly _tag: string }): error is StoreError => error._tag === 'StoreUnavailable' || error._tag === 'AppendOutcomeUnknown';

/**
 * Executes steps in order; a step refused for another reason than an unreachable store fails the
 * test. With `retries`, a step the store could not take is sent again (same command id) that many times.
 */
export const tell = async (service: BoroughCommand, steps: readonly StoryStep[], retries = 0): Promise<void> => {
  for (const step of steps) {
    for (let attempt = 0; ; attempt++) {
      const result = await service.executeJson({ ...step.command, commandId: commandIdOf(step) }, { actor: step.actor })();
      if (E.isRight(result)) {
        const failed = result.right.failedReactions.map((reaction) => reaction.error);
        if (failed.length === 0) break;
        // A reaction the store could not take is sent again with the command: its id is derived, so it is idempotent.
        if (failed.every(isUnavailable) && attempt < retries) continue;
        throw new Error(`${String(step.command['type'])} had a failed reaction: ${failed.map((error) => error._tag).join(', ')}`);
      }
      if (isUnavailable(result.left) && attempt < retries) continue;
      const reason = '_tag' in result.left && isUnavailable(result.left) ? describeStoreError(result.left) : JSON.stringify(result.left, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
      throw new Error(`${String(step.command['type'])} was refused: ${reason}`);
    }
  }
};
