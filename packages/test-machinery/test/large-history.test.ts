import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  activePostings,
  appointmentDecider,
  domainEventRegistry,
  isoDate,
  londonBoroughs,
  postingDecider,
  type AppointmentEvent,
  type AppointmentState,
  type DomainEvent,
  type PostingEvent,
  type PostingState,
} from '@borough-command/domain';
import { isEventId, openJournalStore, readJournalFile, writeJournalFile, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { createViews, projectionsOf } from '@borough-command/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeHistory, londonHistoryPolicy } from '../src/index.js';
import { commandGroups, replays } from './support/replay-commands.js';

const SIZE = 20_000;
let events: readonly RecordedEvent<DomainEvent>[];
let directory: string;

beforeAll(async () => {
  events = [...largeHistory({ seed: 11, events: SIZE })];
  directory = await mkdtemp(join(tmpdir(), 'large-history-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** An envelope as text, bigints written as decimals: arrays of these compare fast. */
const fingerprint = (envelope: RecordedEvent<DomainEvent>): string =>
  JSON.stringify(envelope, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

const dateOf = (event: DomainEvent): string => {
  const data = event.data as { readonly at?: string; readonly end?: string; readonly start?: string };
  return data.at ?? data.end ?? data.start ?? '';
};

describe('largeHistory', () => {
  it('gives exactly the events asked for, the same for the same seed and size, read at once or asynchronously, and others for another seed', async () => {
    expect(events).toHaveLength(SIZE);
    const history = largeHistory({ seed: 11, events: SIZE });
    expect([...history].map(fingerprint)).toEqual(events.map(fingerprint));
    const again: string[] = [];
    for await (const envelope of history) again.push(fingerprint(envelope));
    expect(again).toEqual(events.map(fingerprint));
    const other = [...largeHistory({ seed: 12, events: SIZE })].map(fingerprint);
    expect(other.filter((text, index) => text === fingerprint(events[index] as RecordedEvent<DomainEvent>))).toEqual([]);
    expect([...largeHistory({ seed: 11, events: 0 })]).toEqual([]);
  });

  it('places every event as a store does: positions from 0, revisions per stream from 0, unique uuid event ids, a command\'s events in one stream', () => {
    const revisions = new Map<string, bigint>();
    const ids = new Set<string>();
    const misplaced: string[] = [];
    events.forEach((envelope, index) => {
      const expected = revisions.get(envelope.stream) ?? 0n;
      revisions.set(envelope.stream, expected + 1n);
      ids.add(envelope.metadata.eventId);
      const previous = events[index - 1];
      if (
        envelope.position !== BigInt(index) ||
        envelope.revision !== expected ||
        !isEventId(envelope.metadata.eventId) ||
        (previous?.metadata.commandId === envelope.metadata.commandId && previous.stream !== envelope.stream)
      ) {
        misplaced.push(`${String(index)} ${envelope.stream}@${envelope.revision.toString()}`);
      }
    });
    expect(misplaced).toEqual([]);
    expect(ids.size).toBe(SIZE);
  });

  it('every event encodes and decodes through domainEventRegistry, data and metadata', () => {
    const problems: string[] = [];
    for (const envelope of events) {
      const where = { stream: envelope.stream, revision: envelope.revision };
      const stored = domainEventRegistry.encode(envelope.event, where);
      if (E.isLeft(stored)) {
        problems.push(`${envelope.event.type} at ${envelope.position.toString()}: ${stored.left._tag}`);
        continue;
      }
      const read = domainEventRegistry.decode(JSON.parse(JSON.stringify(stored.right)) as typeof stored.right, where);
      if (JSON.stringify(read) !== JSON.stringify(E.right(envelope.event)) || envelope.metadata.schemaVersion !== stored.right.schemaVersion) {
        problems.push(`${envelope.event.type} at ${envelope.position.toString()} does not come back equal`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('records what the deciders record: the command behind each event (or group of events) is accepted and decided into exactly those events', () => {
    const problems: string[] = [];
    const states = new Map<string, unknown>();
    const replayOf = replays(londonHistoryPolicy);
    for (const group of commandGroups(events)) {
      const [first] = group;
      if (first === undefined) continue;
      const replay = replayOf(first);
      const state = states.get(first.stream) ?? replay.decider.initialState;
      const command = replay.commandOf(group.map((envelope) => envelope.event));
      const decided = replay.decider.decide(command, state);
      const recorded = group.map((envelope) => envelope.event);
      if (E.isLeft(decided)) problems.push(`${first.stream}@${first.revision.toString()} ${command.type} refused: ${decided.left.message}`);
      else if (JSON.stringify(decided.right) !== JSON.stringify(recorded)) problems.push(`${first.stream}@${first.revision.toString()} ${command.type} decides other events`);
      states.set(first.stream, recorded.reduce(replay.decider.evolve, state));
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('keeps the posting rules in every unit: PO-1 one substantive commander per role at a time, PO-5 nothing after an end, dates in order', () => {
    const decider = postingDecider(londonHistoryPolicy);
    const states = new Map<string, PostingState>();
    const lastDates = new Map<string, string>();
    for (const envelope of events) {
      if (!envelope.stream.startsWith('posting-')) continue;
      const event = envelope.event as PostingEvent;
      const before = states.get(envelope.stream) ?? decider.initialState;
      if (event.type !== 'PostingStarted') {
        // A breach is recorded with the end it follows; anything else names a posting in force.
        const posting = before.postings.find((candidate) => candidate.postingId === event.data.postingId);
        expect(posting?.status, `${event.type} of ${event.data.postingId}`).toBe(event.type === 'MinimumTermBreached' ? 'ended' : 'active');
      }
      const after = decider.evolve(before, event);
      states.set(envelope.stream, after);
      const substantive = activePostings(after).filter((posting) => !posting.acting);
      expect(new Set(substantive.map((posting) => posting.role)).size).toBe(substantive.length);
      expect(activePostings(after).filter((posting) => posting.acting).length).toBeLessThanOrEqual(1);
      // The day a posting starts is fixed by its decision, which may come earlier: compare effect dates of starts only among starts.
      const date = dateOf(event);
      if (event.type !== 'PostingStarted') {
        expect(date >= (lastDates.get(envelope.stream) ?? '')).toBe(true);
        lastDates.set(envelope.stream, date);
      }
    }
  });

  it('takes every appointment through the process in order: each process stream folds, step by step, to an open, completed or abandoned process', () => {
    const decider = appointmentDecider(londonHistoryPolicy);
    const states = new Map<string, AppointmentState>();
    for (const envelope of events) {
      if (!envelope.stream.startsWith('appointment-')) continue;
      const before = states.get(envelope.stream) ?? decider.initialState;
      const event = envelope.event as AppointmentEvent;
      if (before.status === 'not-opened') expect(event.type).toBe('AppointmentProcessOpened');
      else expect(before.status === 'completed' || before.status === 'abandoned', `${event.type} after the process closed`).toBe(false);
      states.set(envelope.stream, decider.evolve(before, event));
    }
    const statuses = new Set([...states.values()].map((state) => state.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['abandoned', 'completed']));
  });

  it('exercises every view: tenure, continuity, careers, accountability as at a date, compliance and audit trails', () => {
    const views = createViews(londonHistoryPolicy);
    const projections = projectionsOf(views);
    for (const envelope of events) for (const projection of projections) projection.apply(envelope);

    const units = views.tenure.units();
    expect(units.filter((unit) => unit.kind === 'borough')).toHaveLength(londonBoroughs.length);
    expect(units.filter((unit) => unit.kind === 'bcu').length).toBeGreaterThan(10);
    const ended = units.flatMap((unit) => views.tenure.tenureOf(unit).postings).filter((posting) => posting.end !== null);
    expect(ended.length).toBeGreaterThan(500);

    const london = views.continuity.londonWide();
    expect(london.minimumTerm.met).toBeGreaterThan(0);
    expect(london.minimumTerm.applicable).toBeGreaterThan(london.minimumTerm.met);
    expect(london.earlyDepartures.withExceptionalReason.length).toBeGreaterThan(0);
    expect(london.earlyDepartures.withoutExceptionalReason.length).toBeGreaterThan(0);

    const officers = views.careers.officers();
    expect(officers.length).toBeGreaterThan(1_000);
    expect(officers.some((officer) => (views.careers.careerOf(officer.id)?.postings.length ?? 0) > 1)).toBe(true);

    const live = events.find((envelope) => envelope.event.type === 'BcuWentLive');
    expect(live?.event.type).toBe('BcuWentLive');
    if (live?.event.type === 'BcuWentLive') {
      const [borough] = live.event.data.boroughs;
      const answer = views.accountability.accountabilityOn(borough ?? '', live.event.data.at);
      expect(E.isRight(answer) && answer.right.commandUnit.merged).toBe(true);
      expect(E.isRight(answer) && answer.right.commander?.officer).toEqual(live.event.data.commander);
      expect(E.isRight(answer) && answer.right.dedicatedSuperintendent?.superintendent.rank).toBe('superintendent');
    }
    const somewhen = views.accountability.accountabilityOn('Camden', isoDate('2012-06-01'));
    expect(E.isRight(somewhen) && somewhen.right.commander !== null).toBe(true);

    const processes = views.compliance.processes();
    expect(processes.length).toBeGreaterThan(500);
    const completed = processes.map((processId) => views.compliance.complianceOf(processId)).filter((compliance) => compliance?.stage === 'completed');
    expect(completed.length).toBeGreaterThan(400);
    for (const compliance of completed) {
      expect(compliance?.rules.filter((rule) => rule.status !== 'followed').map((rule) => `${compliance.processId} ${rule.rule} ${rule.status}`)).toEqual([]);
    }
    expect(views.compliance.localAuthorityShare().share).toBe(1);
    const [firstProcess] = processes;
    expect(views.audit.trailOf(firstProcess ?? '')?.entries.length).toBeGreaterThan(10);
  });

});

describe('a large history written with writeJournalFile', () => {
  it('writes a hash-chained journal that the journal store opens and reads back event for event', async () => {
    const file = join(directory, 'history.ndjson');
    const history = largeHistory({ seed: 11, events: 20_000 });
    const written = await writeJournalFile(file, history)();
    if (E.isLeft(written)) throw new Error(written.left._tag);
    expect(written.right.lines).toBe(20_000);
    expect(written.right.batches).toBeLessThan(20_000);
    const opened = await openJournalStore(domainEventRegistry, { file, readOnly: true })();
    if (E.isLeft(opened)) throw new Error(opened.left._tag);
    const store = opened.right;
    expect(store.recovery.lines).toBe(20_000);
    expect(store.recovery.head).toBe(written.right.head);
    expect(store.recovery.tornTail).toBeUndefined();
    const read: RecordedEvent<DomainEvent>[] = [];
    for await (const page of store.readAll()) {
      if (E.isLeft(page)) throw new Error(page.left._tag);
      read.push(...page.right);
    }
    await store.close();
    expect(read.map(fingerprint)).toEqual([...history].map(fingerprint));
  });

  it('writes what readJournalFile reads, from any events in order, and never overwrites a file', async () => {
    const file = join(directory, 'sync.ndjson');
    expect(E.isRight(await writeJournalFile(file, events.slice(0, 3_000))())).toBe(true);
    let lines = 0;
    for await (const page of readJournalFile(domainEventRegistry, file)) {
      if (E.isLeft(page)) throw new Error(page.left._tag);
      if (page.right._tag === 'Events') lines += page.right.events.length;
      else expect(page.right.summary.lines).toBe(3_000);
    }
    expect(lines).toBe(3_000);
    const taken = join(directory, 'taken.ndjson');
    await writeFile(taken, 'not a journal\n');
    expect(await writeJournalFile(taken, events.slice(0, 10))()).toMatchObject(E.left({ _tag: 'InvalidStoreArgument' }));
  });
});
