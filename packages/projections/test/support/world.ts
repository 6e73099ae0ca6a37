import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  addDays,
  createBoroughCommand,
  domainEventRegistry,
  isoDate,
  laterOf,
  policyWith,
  type BoroughCommand,
  type CommandUnit,
  type DomainCommand,
  type DomainEvent,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
  type Policy,
} from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';

/** A command before its id is given. */
type NewCommand = DomainCommand extends infer C ? (C extends unknown ? Omit<C, 'commandId'> : never) : never;

/** The boroughs of the generated histories, and the two BCUs they may form. */
export const worldBoroughs = ['Camden', 'Islington', 'Hackney', 'Tower Hamlets'] as const;
const pairs = [
  { name: 'Central North', boroughs: ['Camden', 'Islington'] },
  { name: 'Central East', boroughs: ['Hackney', 'Tower Hamlets'] },
] as const;

const commanders: readonly Officer[] = ['Amira Adeyemi', 'Ben Baker', 'Chloe Chowdhury', 'David Doyle', 'Esther Evans', 'Femi Fraser'].map(
  (name, index) => ({ id: `officer-${String(index)}`, name, rank: 'chief-superintendent' }),
);
const superintendents: readonly Officer[] = ['Grace Gill', 'Harjit Hughes', 'Ioana Iqbal', 'James Jones', 'Kemi Khan', 'Liam Lewis'].map(
  (name, index) => ({ id: `superintendent-${String(index)}`, name, rank: 'superintendent' }),
);
const assessors: readonly Partner[] = [
  { kind: 'local-authority-chief-executive', name: 'Mike Cooke' },
  { kind: 'local-authority-leader', name: 'Sarah Hayward' },
  { kind: 'mp', name: 'Frank Dobson' },
  { kind: 'link-member', name: 'Joanne McCartney' },
];

/** One thing that happens in a generated history. */
export type Action =
  | {
      readonly kind: 'appoint';
      readonly borough: number;
      readonly candidate: number;
      readonly consultLocalAuthority: boolean;
      readonly declineFirst: boolean;
      readonly commit: boolean;
      readonly abandonAfter: number | null;
      readonly startDelay: number;
    }
  | { readonly kind: 'end'; readonly borough: number; readonly reason: EndReason; readonly approved: boolean }
  | { readonly kind: 'act'; readonly borough: number; readonly officer: number }
  | { readonly kind: 'assess'; readonly unit: number; readonly partners: readonly number[] }
  | { readonly kind: 'goLive'; readonly pair: number }
  | { readonly kind: 'dissolve'; readonly pair: number }
  | { readonly kind: 'rededicate'; readonly pair: number };

/** An action after some days. */
export interface Step {
  readonly days: number;
  readonly action: Action;
}

const index = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });

/** A generated step: mostly appointments and ends, some acting cover, assessments and restructures. */
export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  days: fc.integer({ min: 0, max: 400 }),
  action: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('appoint' as const),
        borough: index(3),
        candidate: index(5),
        consultLocalAuthority: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        declineFirst: fc.boolean(),
        commit: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        abandonAfter: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: index(8) }),
        startDelay: fc.integer({ min: 0, max: 40 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('end' as const),
        borough: index(3),
        reason: fc.constantFrom<EndReason>('personal', 'professional', 'promotion', 'retirement', 'other'),
        approved: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('act' as const), borough: index(3), officer: index(5) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('assess' as const),
        unit: index(5),
        partners: fc.uniqueArray(index(3), { maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('goLive' as const), pair: index(1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dissolve' as const), pair: index(1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rededicate' as const), pair: index(1) }) },
  ),
});

/** A generated history: 1 to `max` steps. */
export const scriptArbitrary = (max = 20): fc.Arbitrary<readonly Step[]> => fc.array(stepArbitrary, { minLength: 1, maxLength: max });

/** A posting as the commands that started and ended it dated it, independent of any view. */
export interface ExpectedPosting {
  readonly unit: CommandUnit;
  readonly postingId: string;
  readonly acting: boolean;
  readonly start: IsoDate;
  end: IsoDate | null;
}

/** A store driven through the domain service by generated steps. */
export interface World {
  readonly store: EventStore<DomainEvent>;
  readonly service: BoroughCommand;
  /** Performs one step: its commands go through the service; refused ones change nothing. */
  readonly perform: (step: Step) => Promise<void>;
  /** Every posting the accepted commands started, with their dates. */
  readonly postings: () => readonly ExpectedPosting[];
  /** How many commands were accepted. */
  readonly accepted: () => number;
}

interface BcuState {
  name: string;
  live: boolean;
  generation: number;
  leads: readonly Officer[];
}

const unitKey = (unit: CommandUnit): string => `${unit.kind}:${unit.name}`;

/** The policy of the generated histories: early ends are recorded as breaches. */
/** Record mode, and AP-3 asking for the local authority only, so a script says exactly who was consulted. */
export const worldPolicy: Policy = policyWith({ enforcement: 'record', requiredPartners: ['local-authority'] });

/** Creates an empty world over a fresh in-memory store, from 2010-07-01. */
export const createWorld = (policy: Policy = worldPolicy): World => {
  const store = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy, clock: () => new Date('2024-01-01T00:00:00.000Z') });
  let clock = isoDate('2010-07-01');
  let commands = 0;
  let accepted = 0;
  let processes = 0;
  let programmeStarted = false;
  const postings: ExpectedPosting[] = [];
  const bcus: BcuState[] = pairs.map((pair) => ({ name: pair.name, live: false, generation: 0, leads: [] }));

  const active = (unit: CommandUnit): ExpectedPosting[] =>
    postings.filter((posting) => posting.end === null && unitKey(posting.unit) === unitKey(unit));

  /** Mirrors what an accepted posting command did to the postings, from the command alone. */
  const track = (command: DomainCommand): void => {
    if (command.type === 'StartPosting') {
      if (!command.acting) for (const cover of active(command.unit).filter((posting) => posting.acting)) cover.end = command.at;
      postings.push({ unit: command.unit, postingId: command.postingId, acting: command.acting, start: command.at, end: null });
    } else if (command.type === 'EndPosting') {
      const ended = active(command.unit).find((posting) => posting.postingId === command.postingId);
      if (ended !== undefined) ended.end = command.at;
    } else if (command.type === 'EndPostingsForRestructure') {
      for (const posting of active(command.unit)) posting.end = command.at;
    }
  };

  const send = async (command: NewCommand): Promise<boolean> => {
    commands += 1;
    const full = { ...command, commandId: `command-${String(commands)}` } as DomainCommand;
    const result = await service.execute(full, { actor: 'clerk' })();
    if (E.isLeft(result)) return false;
    for (const handled of result.right.handled) {
      if (handled.result.events.length > 0 || handled.command.type === 'EndPostingsForRestructure') {
        accepted += 1;
        track(handled.command);
      }
    }
    return true;
  };

  const tick = (days = 1): IsoDate => {
    clock = addDays(clock, days);
    return clock;
  };

  const appoint = async (action: Extract<Action, { kind: 'appoint' }>): Promise<void> => {
    processes += 1;
    const boroughName = worldBoroughs[action.borough] ?? 'Camden';
    const processId = `process-${String(processes)}`;
    const chosen = commanders[action.candidate] ?? commanders[0];
    const other = commanders[(action.candidate + 1) % commanders.length];
    if (chosen === undefined || other === undefined) return;
    const steps: (() => NewCommand)[] = [
      () => ({ type: 'OpenAppointmentProcess', processId, at: clock, unit: { kind: 'borough', name: boroughName }, role: 'borough-commander', areaCommander: 'Area Commander Grey' }),
      () => ({ type: 'AttachRoleDescription', processId, at: tick(), version: 1 }),
      () => ({ type: 'ConsultPartner', processId, at: tick(), partner: { kind: action.consultLocalAuthority ? 'local-authority-leader' : 'mp', name: 'Sarah Hayward' } }),
      () => ({ type: 'RecordCandidate', processId, at: tick(), candidate: chosen, route: 'applied' }),
      () => ({ type: 'RecordCandidate', processId, at: clock, candidate: other, route: 'shortlisted' }),
      () => ({ type: 'InterviewCandidate', processId, at: tick(), candidateId: chosen.id }),
      () => ({ type: 'InterviewCandidate', processId, at: clock, candidateId: other.id }),
    ];
    if (action.declineFirst) {
      steps.push(
        () => ({ type: 'ProposePreferredCandidate', processId, at: tick(), candidateId: other.id }),
        () => ({ type: 'DeclineProposal', processId, at: tick(), actp: 'Ian McPherson', reason: 'needs more experience' }),
      );
    }
    steps.push(
      () => ({ type: 'ProposePreferredCandidate', processId, at: tick(), candidateId: chosen.id }),
      () => ({ type: 'AgreeProposal', processId, at: tick(), actp: 'Ian McPherson' }),
      () => ({ type: 'DiscussChosenCandidate', processId, at: tick(), partners: [{ kind: 'local-authority-chief-executive', name: 'Mike Cooke' }] }),
    );
    if (action.commit) steps.push(() => ({ type: 'RecordThreeYearCommitment', processId, at: tick(), candidateId: chosen.id }));
    steps.push(
      () => ({
        type: 'TakeFinalDecision',
        processId,
        at: tick(),
        policeAuthorityDecisionBy: 'Kit Malthouse',
        mpsDecisionBy: 'Bernard Hogan-Howe',
        startDate: addDays(clock, action.startDelay),
      }),
      () => ({ type: 'ReportOutcome', processId, at: tick(), directorHr: 'Martin Tiplady' }),
    );
    for (const [position, step] of steps.entries()) {
      if (action.abandonAfter !== null && position === action.abandonAfter + 1) {
        await send({ type: 'AbandonAppointmentProcess', processId, at: tick(), reason: 'no suitable candidate' });
        return;
      }
      const command = step();
      await send(command);
      if (command.type === 'TakeFinalDecision') clock = laterOf(clock, command.startDate);
    }
  };

  const endPosting = async (action: Extract<Action, { kind: 'end' }>): Promise<void> => {
    const unit: CommandUnit = { kind: 'borough', name: worldBoroughs[action.borough] ?? 'Camden' };
    const posting = active(unit).find((candidate) => !candidate.acting) ?? active(unit)[0];
    if (posting === undefined) return;
    await send({
      type: 'EndPosting',
      at: laterOf(clock, posting.start),
      unit,
      postingId: posting.postingId,
      reason: action.reason,
      ...(action.approved ? { approvedBy: 'Area Commander Grey' } : {}),
    });
    clock = laterOf(clock, posting.start);
  };

  const act = async (action: Extract<Action, { kind: 'act' }>): Promise<void> => {
    processes += 1;
    await send({
      type: 'StartPosting',
      at: clock,
      unit: { kind: 'borough', name: worldBoroughs[action.borough] ?? 'Camden' },
      postingId: `acting-${String(processes)}`,
      role: 'borough-commander',
      officer: superintendents[action.officer] ?? (superintendents[0] as Officer),
      acting: true,
      lineManager: 'Area Commander Grey',
    });
  };

  const assess = async (action: Extract<Action, { kind: 'assess' }>): Promise<void> => {
    const bcu = bcus[action.unit - worldBoroughs.length];
    const unit: CommandUnit =
      bcu === undefined ? { kind: 'borough', name: worldBoroughs[action.unit] ?? 'Camden' } : { kind: 'bcu', name: bcu.name };
    const posting = active(unit)[0];
    if (posting === undefined) return;
    await send({
      type: 'AssessPerformance',
      at: laterOf(clock, posting.start),
      unit,
      postingId: posting.postingId,
      assessedBy: 'Area Commander Grey',
      partners: action.partners.map((partner) => assessors[partner] ?? (assessors[0] as Partner)),
    });
  };

  const restructure = { restructureId: 'met' } as const;

  const goLive = async (pairIndex: number): Promise<void> => {
    const pair = pairs[pairIndex];
    const bcu = bcus[pairIndex];
    if (pair === undefined || bcu === undefined || bcu.live) return;
    if (!programmeStarted) {
      programmeStarted = await send({ ...restructure, type: 'StartRestructureProgramme', at: clock, programmeId: 'pathfinder', stage: 'pathfinder', name: 'Pathfinder BCUs' });
    }
    bcu.generation += 1;
    bcu.name = bcu.generation === 1 ? pair.name : `${pair.name} ${String(bcu.generation)}`;
    const name = bcu.name;
    const leads = superintendents.slice(pairIndex * 2, pairIndex * 2 + 4);
    bcu.leads = leads;
    await send({ ...restructure, type: 'ProposeBcu', at: clock, programmeId: 'pathfinder', bcu: name, boroughs: [...pair.boroughs] });
    for (const borough of pair.boroughs) {
      await send({ ...restructure, type: 'RecordBcuConsultation', at: clock, bcu: name, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough });
      await send({ ...restructure, type: 'RecordBcuConsultation', at: clock, bcu: name, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough });
      await send({ ...restructure, type: 'AllocateDedicatedWardOfficers', at: clock, borough, officersPerWard: 2 });
      await send({ ...restructure, type: 'RegisterTwentyFourHourStation', at: clock, borough, station: `${borough} police station` });
    }
    await send({ ...restructure, type: 'RecordBcuConsultation', at: clock, bcu: name, consultee: 'mopac', name: 'MOPAC' });
    await send({ ...restructure, type: 'AppointBcuCommander', at: clock, bcu: name, officer: commanders[5 - pairIndex] ?? (commanders[0] as Officer), interim: true });
    const functions = ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'] as const;
    for (const [position, leadsFunction] of functions.entries()) {
      const dedicatedTo = pair.boroughs[position];
      await send({
        ...restructure,
        type: 'AssignSuperintendent',
        at: clock,
        bcu: name,
        superintendent: leads[position] ?? (superintendents[0] as Officer),
        leads: leadsFunction,
        ...(dedicatedTo === undefined ? {} : { dedicatedTo }),
      });
    }
    bcu.live = await send({ ...restructure, type: 'TakeBcuLive', at: tick(), bcu: name });
  };

  const dissolve = async (pairIndex: number): Promise<void> => {
    const bcu = bcus[pairIndex];
    if (bcu === undefined || !bcu.live) return;
    if (await send({ ...restructure, type: 'DissolveBcu', at: tick(), bcu: bcu.name, reason: 'the model is withdrawn' })) bcu.live = false;
  };

  const rededicate = async (pairIndex: number): Promise<void> => {
    const bcu = bcus[pairIndex];
    const pair = pairs[pairIndex];
    if (bcu === undefined || pair === undefined || !bcu.live) return;
    // Swap: the superintendent leading the third function becomes the first borough's dedicated superintendent.
    await send({ ...restructure, type: 'AssignSuperintendent', at: tick(), bcu: bcu.name, superintendent: bcu.leads[2] ?? (superintendents[0] as Officer), dedicatedTo: pair.boroughs[0] });
  };

  return {
    store,
    service,
    perform: async ({ days, action }) => {
      tick(days);
      switch (action.kind) {
        case 'appoint':
          return appoint(action);
        case 'end':
          return endPosting(action);
        case 'act':
          return act(action);
        case 'assess':
          return assess(action);
        case 'goLive':
          return goLive(action.pair);
        case 'dissolve':
          return dissolve(action.pair);
        case 'rededicate':
          return rededicate(action.pair);
      }
    },
    postings: () => postings,
    accepted: () => accepted,
  };
};

/** Runs a whole script into a fresh world. */
export const worldAfter = async (script: readonly Step[], policy: Policy = worldPolicy): Promise<World> => {
  const world = createWorld(policy);
  for (const step of script) await world.perform(step);
  return world;
};
