import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { appointmentStartsPosting, reactionsTo, restructureEndsPostings } from '../../src/borough-command/process-managers.js';
import { createBoroughCommand, type BoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { policyWith } from '../../src/policy/policy.js';
import { postingStream } from '../../src/shared/streams.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { appointmentInCamden, dana, eli, pathfinderGoesLive } from './story.js';

const actor = { actor: 'test' };

const runAll = async (service: BoroughCommand, commands: readonly DomainCommand[]): Promise<void> => {
  for (const command of commands) {
    const outcome = await service.execute(command, actor)();
    if (E.isLeft(outcome)) expect.fail(`${command.type} ${command.commandId} failed: ${JSON.stringify(outcome.left)}`);
    expect(outcome.right.failedReactions).toEqual([]);
  }
};

const streamEvents = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const read = await store.readStream(stream)();
  return E.isRight(read) ? read.right : [];
};

const allEvents = async (store: EventStore<DomainEvent>): Promise<RecordedEvent<DomainEvent>[]> => {
  const events: RecordedEvent<DomainEvent>[] = [];
  for await (const page of store.readAll()) if (E.isRight(page)) events.push(...page.right);
  return events;
};

const camden = { kind: 'borough', name: 'Camden' } as const;

describe('process managers', () => {
  it('AP-12 a confirmed appointment starts the posting on the start date, with the process and line manager', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01')));
    const postings = await streamEvents(store, postingStream(camden));
    expect(postings.map((recorded) => recorded.event.type)).toEqual(['PostingStarted']);
    expect(postings[0]?.event.data).toMatchObject({
      postingId: 'camden-2012',
      officer: dana,
      acting: false,
      start: '2012-05-01',
      appointmentProcessId: 'camden-2012',
      lineManager: 'Cdr Area North',
      minimumTermEnd: '2015-05-01',
    });
  });

  it('AP-12 reacting twice to the same confirmation sends the same command, and never starts a second posting', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01')));
    const confirmation = (await allEvents(store)).find((recorded) => recorded.event.type === 'AppointmentConfirmed');
    if (confirmation === undefined) return expect.fail('no AppointmentConfirmed');
    const first = appointmentStartsPosting.react(confirmation);
    expect(appointmentStartsPosting.react(confirmation)).toEqual(first);
    for (const command of first) {
      const again = await service.handle(command, actor)();
      expect(E.isRight(again) && again.right.result.alreadyApplied).toBe(true);
    }
    expect(await streamEvents(store, postingStream(camden))).toHaveLength(1);
  });

  it('AP-12 ignores every event but a confirmation', () => {
    const event: DomainEvent = { type: 'ProposalAgreed', data: { processId: 'p', candidateId: 'c', agreedBy: 'ACTP', at: isoDate('2012-01-01') } };
    expect(appointmentStartsPosting.react({ event, metadata: { eventId: '6f1c1bd2-4a0e-5d36-9c55-4d5e1f0b7a21' } })).toEqual([]);
  });

  it('PO-6 a pathfinder going live ends its boroughs\' commander postings for organisational restructure, without a breach, even in record mode', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
    await runAll(service, appointmentInCamden('camden-2015', dana, isoDate('2015-06-01'), isoDate('2015-07-01')));
    await runAll(service, pathfinderGoesLive('Central North', ['Camden', 'Islington'], eli, isoDate('2017-01-01')));
    const camdenPostings = await streamEvents(store, postingStream(camden));
    expect(camdenPostings.map((recorded) => recorded.event.type)).toEqual(['PostingStarted', 'PostingEnded']);
    expect(camdenPostings[1]?.event.data).toMatchObject({
      reason: 'organisational-restructure',
      exceptional: true,
      end: '2017-01-01',
      minimumTermMet: false,
    });
    const all = await allEvents(store);
    expect(all.filter((recorded) => recorded.event.type === 'MinimumTermBreached')).toEqual([]);
  });

  it('RS-4 the commander named before go-live has a designate posting from that day, which takes command of the BCU at go-live', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, pathfinderGoesLive('Central North', ['Camden', 'Islington'], eli, isoDate('2017-01-01')));
    const bcuPostings = await streamEvents(store, postingStream({ kind: 'bcu', name: 'Central North' }));
    expect(bcuPostings.map((recorded) => recorded.event.type)).toEqual(['PostingStarted', 'CommandTakenUp']);
    const [named, takenUp] = bcuPostings.map((recorded) => recorded.event.data);
    expect(named).toMatchObject({ role: 'bcu-commander', officer: eli, designate: true, acting: false, unit: { kind: 'bcu', name: 'Central North' } });
    expect(named && 'start' in named ? named.start < '2017-01-01' : false).toBe(true);
    expect(takenUp).toMatchObject({ officer: eli, at: '2017-01-01', postingId: named && 'postingId' in named ? named.postingId : '' });
  });

  it('PO-6 reacting twice to a BCU going live ends nothing twice', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, appointmentInCamden('camden-2015', dana, isoDate('2015-06-01'), isoDate('2015-07-01')));
    await runAll(service, pathfinderGoesLive('Central North', ['Camden', 'Islington'], eli, isoDate('2017-01-01')));
    const before = await allEvents(store);
    const live = before.find((recorded) => recorded.event.type === 'BcuWentLive');
    if (live === undefined) return expect.fail('no BcuWentLive');
    for (const command of reactionsTo(live)) {
      const again = await service.handle(command, actor)();
      expect(E.isRight(again)).toBe(true);
    }
    expect(await allEvents(store)).toHaveLength(before.length);
  });

  it('PO-6 a dissolved BCU ends its commander\'s posting for organisational restructure', () => {
    const event: DomainEvent = {
      type: 'BcuDissolved',
      data: { restructureId: 'met', bcu: 'Central North', boroughs: ['Camden', 'Islington'], reason: 'review', at: isoDate('2019-01-01') },
    };
    expect(restructureEndsPostings.react({ event, metadata: { eventId: '6f1c1bd2-4a0e-5d36-9c55-4d5e1f0b7a21' } })).toMatchObject([
      { type: 'EndPostingsForRestructure', unit: { kind: 'bcu', name: 'Central North' }, bcu: 'Central North', at: '2019-01-01' },
    ]);
  });

  it('a reaction the rules refuse is reported, and the command that caused it stands', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, [
      {
        type: 'StartPosting', commandId: 'incumbent', at: isoDate('2011-01-01'), unit: camden, postingId: 'incumbent',
        role: 'borough-commander', officer: eli, acting: false,
      },
    ]);
    const commands = appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01'));
    const decide = commands.findIndex((command) => command.type === 'TakeFinalDecision');
    await runAll(service, commands.slice(0, decide));
    const outcome = await service.execute(commands[decide] as DomainCommand, actor)();
    if (E.isLeft(outcome)) return expect.fail('the final decision itself must stand');
    expect(outcome.right.failedReactions).toMatchObject([
      { command: { type: 'StartPosting', postingId: 'camden-2012' }, error: { _tag: 'CommandRejected', rejection: { rule: 'PO-1' } } },
    ]);
  });
});
