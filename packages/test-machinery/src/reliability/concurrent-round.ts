import { isoDate, type CommandUnit, type DomainCommand, type Officer } from '@borough-command/domain';
import type { SeededRandom } from '@borough-command/cli/london-history';

/** A command and who sends it. */
export interface Sent {
  readonly command: DomainCommand;
  readonly actor: string;
}

/** One round of the concurrency check: commands sent one after another, then commands sent all at once. */
export interface ConcurrentRound {
  /** Sent one at a time first: the restructure programme, and appointments up to their final decision. */
  readonly setup: readonly DomainCommand[];
  /** Sent all at once, in a seeded order. */
  readonly racing: readonly Sent[];
  /** The units whose commanders race (PO-1): each must end with exactly one substantive commander. */
  readonly contestedUnits: readonly CommandUnit[];
  /** The BCUs proposed at once for overlapping boroughs (RS-1). */
  readonly proposals: number;
}

/** Units where officers race to take command directly. */
const DIRECT_RACES = ['Camden', 'Islington', 'Hackney', 'Haringey'];
/** Units where AP-12 reactions of confirmed appointments race each other and direct starts. */
const APPOINTMENT_RACES = ['Lambeth', 'Southwark'];
/** Boroughs the racing BCU proposals are drawn from. */
const PROPOSED_BOROUGHS = ['Barnet', 'Brent', 'Enfield', 'Harrow', 'Ealing', 'Hounslow'];
/** Boroughs of appointment processes opened at once, each its own stream: nothing to contend for. */
const QUIET_BOROUGHS = ['Bexley', 'Bromley', 'Croydon', 'Sutton', 'Merton'];

const borough = (name: string): CommandUnit => ({ kind: 'borough', name });
const officer = (id: string): Officer => ({ id, name: `Officer ${id}`, rank: 'chief-superintendent' });
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z]+/g, '-');

/** Every command of an appointment up to its final decision (AP-1 to AP-8), and the decision itself. */
const appointmentUpToDecision = (processId: string, unit: CommandUnit, candidate: Officer): { readonly steps: DomainCommand[]; readonly decision: DomainCommand } => {
  const id = (step: string): string => `${processId}/${step}`;
  const base = { processId };
  return {
    steps: [
      { type: 'OpenAppointmentProcess', commandId: id('open'), at: isoDate('2013-03-01'), ...base, unit, role: 'borough-commander', areaCommander: 'Area commander' },
      { type: 'AttachRoleDescription', commandId: id('attach'), at: isoDate('2013-03-01'), ...base, version: 1 },
      { type: 'ConsultPartner', commandId: id('consult'), at: isoDate('2013-03-04'), ...base, partner: { kind: 'local-authority-chief-executive', name: `${unit.name} chief executive` } },
      { type: 'ConsultPartner', commandId: id('consult-mp'), at: isoDate('2013-03-05'), ...base, partner: { kind: 'mp', name: `MP for ${unit.name}` } },
      { type: 'RecordCandidate', commandId: id('candidate'), at: isoDate('2013-03-08'), ...base, candidate, route: 'applied' },
      { type: 'InterviewCandidate', commandId: id('interview'), at: isoDate('2013-03-15'), ...base, candidateId: candidate.id },
      { type: 'ProposePreferredCandidate', commandId: id('propose'), at: isoDate('2013-03-18'), ...base, candidateId: candidate.id },
      { type: 'AgreeProposal', commandId: id('agree'), at: isoDate('2013-03-19'), ...base, actp: 'ACTP' },
      { type: 'DiscussChosenCandidate', commandId: id('discuss'), at: isoDate('2013-03-20'), ...base, partners: [{ kind: 'local-authority-leader', name: `${unit.name} leader` }] },
      { type: 'RecordThreeYearCommitment', commandId: id('commit'), at: isoDate('2013-03-21'), ...base, candidateId: candidate.id },
    ],
    decision: {
      type: 'TakeFinalDecision', commandId: id('decide'), at: isoDate('2013-04-02'), ...base,
      policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'MPS', startDate: isoDate('2013-05-06'),
    },
  };
};

const startPosting = (unit: CommandUnit, who: string, acting: boolean, at: string): DomainCommand => ({
  type: 'StartPosting',
  commandId: `start ${slug(unit.name)} ${who}`,
  at: isoDate(at),
  unit,
  postingId: `${slug(unit.name)}-${who}`,
  role: 'borough-commander',
  officer: officer(`${slug(unit.name)}-${who}`),
  acting,
});

/** The seeded order of a list: a Fisher-Yates shuffle. */
const shuffled = <A>(items: readonly A[], random: SeededRandom): A[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.between(0, i);
    [out[i], out[j]] = [out[j] as A, out[i] as A];
  }
  return out;
};

/**
 * The commands of one round: `racers` substantive and two acting commanders racing for each of
 * four boroughs (PO-1); two confirmed appointments per borough in two more, whose AP-12 reactions
 * race each other and two direct starts; eight BCU proposals over six boroughs (RS-1); five
 * appointment processes opened on streams of their own; every direct start and opening sent twice
 * at once (the same command id: idempotency under a race). The racing order is drawn from `random`.
 */
export const concurrentRound = (random: SeededRandom, racers: number): ConcurrentRound => {
  const appointments = APPOINTMENT_RACES.flatMap((name) =>
    ['a', 'b'].map((which) => appointmentUpToDecision(`${slug(name)}-2013-${which}`, borough(name), officer(`${slug(name)}-candidate-${which}`))),
  );
  const programme: DomainCommand = {
    type: 'StartRestructureProgramme', commandId: 'pathfinder programme', at: isoDate('2016-10-01'),
    restructureId: 'met', programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders',
  };
  const direct = DIRECT_RACES.flatMap((name) => [
    ...Array.from({ length: racers }, (_, index) => startPosting(borough(name), `substantive-${String(index)}`, false, '2013-06-03')),
    ...['x', 'y'].map((which) => startPosting(borough(name), `acting-${which}`, true, '2013-06-03')),
  ]);
  const besideAppointments = APPOINTMENT_RACES.flatMap((name) => ['p', 'q'].map((which) => startPosting(borough(name), `direct-${which}`, false, '2013-05-06')));
  const proposals: DomainCommand[] = Array.from({ length: 8 }, (_, index) => ({
    type: 'ProposeBcu', commandId: `propose BCU ${String(index)}`, at: isoDate('2017-01-02'), restructureId: 'met', programmeId: 'pathfinder',
    bcu: `BCU ${String(index)}`, boroughs: shuffled(PROPOSED_BOROUGHS, random).slice(0, random.between(2, 3)),
  }));
  const openings: DomainCommand[] = QUIET_BOROUGHS.map((name) => appointmentUpToDecision(`${slug(name)}-2013`, borough(name), officer(`${slug(name)}-candidate`)).steps[0] as DomainCommand);
  const twice = (command: DomainCommand): Sent[] => [{ command, actor: 'desk one' }, { command, actor: 'desk two' }];
  return {
    setup: [programme, ...appointments.flatMap((appointment) => appointment.steps)],
    racing: shuffled(
      [
        ...direct.flatMap(twice),
        ...openings.flatMap(twice),
        ...[...appointments.map((appointment) => appointment.decision), ...besideAppointments, ...proposals].map((command) => ({ command, actor: 'desk one' })),
      ],
      random,
    ),
    contestedUnits: [...DIRECT_RACES, ...APPOINTMENT_RACES].map(borough),
    proposals: proposals.length,
  };
};
