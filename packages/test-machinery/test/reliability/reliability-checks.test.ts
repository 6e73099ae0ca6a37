/**
 * The checks the reliability suites rely on can fail: `checkLedger` names a lost, a doubled and
 * an unacknowledged event, a gap in a stream and positions out of order; `postingViolations` and
 * `restructureViolations` name two commanders in post at once and a borough in two BCUs.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  createBoroughCommand,
  domainEventRegistry,
  isoDate,
  type DomainCommand,
  type DomainEvent,
} from '@borough-command/domain';
import { createInMemoryStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { describe, expect, it } from 'vitest';
import { checkLedger, postingViolations, readAllEvents, restructureViolations } from '../../src/index.js';

const commands: readonly DomainCommand[] = [
  {
    type: 'StartPosting', commandId: 'start camden', at: isoDate('2013-06-03'), unit: { kind: 'borough', name: 'Camden' }, postingId: 'camden-dana',
    role: 'borough-commander', officer: { id: 'dana', name: 'Dana', rank: 'chief-superintendent' }, acting: false,
  },
  { type: 'StartRestructureProgramme', commandId: 'programme', at: isoDate('2016-10-01'), restructureId: 'met', programmeId: 'pathfinder', stage: 'pathfinder', name: 'pathfinders' },
  { type: 'ProposeBcu', commandId: 'propose', at: isoDate('2017-01-02'), restructureId: 'met', programmeId: 'pathfinder', bcu: 'Central North', boroughs: ['Camden', 'Islington'] },
];

/** The log of a short story, and the ids its commands were told were stored. */
const story = async (): Promise<{ readonly log: readonly RecordedEvent<DomainEvent>[]; readonly acknowledged: readonly string[] }> => {
  const store = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store });
  const acknowledged: string[] = [];
  for (const command of commands) {
    const done = await service.execute(command, { actor: 'test' })();
    if (E.isLeft(done)) throw new Error(done.left._tag);
    acknowledged.push(...done.right.handled.flatMap((handled) => handled.result.events.map((event) => event.metadata.eventId)));
  }
  return { log: await readAllEvents(store), acknowledged };
};

/** A copy of an event as another one: a new id, the next revision and position. */
const copyOf = (recorded: RecordedEvent<DomainEvent>, changes: (event: DomainEvent) => DomainEvent): RecordedEvent<DomainEvent> => ({
  ...recorded,
  event: changes(recorded.event),
  revision: recorded.revision + 1n,
  position: recorded.position + 100n,
  metadata: { ...recorded.metadata, eventId: `${recorded.metadata.eventId}-copy` },
});

describe('the reliability checks', () => {
  it('checkLedger passes a whole log and names what is lost, doubled, unacknowledged, gapped or out of order', async () => {
    const { log, acknowledged } = await story();
    expect(checkLedger(log, acknowledged)).toEqual({ events: 3, streams: 2, lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });
    const [first, second, third] = log as [RecordedEvent<DomainEvent>, RecordedEvent<DomainEvent>, RecordedEvent<DomainEvent>];
    expect(checkLedger([first, third], acknowledged)).toMatchObject({ lost: [second.metadata.eventId], gaps: [third.stream] });
    expect(checkLedger([first, second, third, third], acknowledged)).toMatchObject({ doubled: [third.metadata.eventId], gaps: [third.stream] });
    expect(checkLedger([second, first, third], acknowledged).outOfOrder).toEqual([`${first.stream}@0`]);
    expect(checkLedger(log, acknowledged.slice(1)).unacknowledged).toEqual([first.metadata.eventId]);
  });

  it('PO-1 RS-1 violations are named: two commanders in post in one unit, one borough in two BCUs', async () => {
    const { log } = await story();
    expect(postingViolations(log)).toEqual([]);
    expect(restructureViolations(log)).toEqual([]);
    const started = log.find((recorded) => recorded.event.type === 'PostingStarted')!;
    const rival = copyOf(started, (event) => (event.type === 'PostingStarted' ? { ...event, data: { ...event.data, postingId: 'camden-eli' } } : event));
    expect(postingViolations([...log, rival])).toMatchObject([{ rule: 'PO-1', stream: 'posting-borough-camden', revision: 1n }]);
    const proposed = log.find((recorded) => recorded.event.type === 'BcuProposed')!;
    const overlapping = copyOf(proposed, (event) => (event.type === 'BcuProposed' ? { ...event, data: { ...event.data, bcu: 'North Central', boroughs: ['Islington', 'Hackney'] } } : event));
    expect(restructureViolations([...log, overlapping])).toMatchObject([{ rule: 'RS-1', message: 'Islington in both Central North and North Central' }]);
  });
});
