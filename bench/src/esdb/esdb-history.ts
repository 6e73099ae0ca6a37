import * as E from 'fp-ts/lib/Either.js';
import { type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore, type NewEvent, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { largeHistory } from '@borough-command/test-machinery';

/**
 * Appends the seeded large history's first `events` events to a store in their order, each
 * command's events in one stream as one append with the revision they were recorded at.
 */
export const appendLargeHistory = async (store: EventStore<DomainEvent>, seed: number, events: number): Promise<E.Either<string, number>> => {
  let batch: RecordedEvent<DomainEvent>[] = [];
  let written = 0;
  const flush = async (): Promise<E.Either<string, void>> => {
    const [first] = batch;
    if (first === undefined) return E.right(undefined);
    const toAppend: NewEvent<DomainEvent>[] = batch.map(({ event, metadata }) => ({
      event,
      metadata: {
        eventId: metadata.eventId,
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        actor: metadata.actor,
        recordedAt: metadata.recordedAt,
      },
    }));
    batch = [];
    const appended = await store.appendToStream(first.stream, toAppend, first.revision === 0n ? 'no_stream' : first.revision - 1n)();
    if (E.isLeft(appended)) return E.left(`cannot append to ${first.stream}: ${describeStoreError(appended.left)}`);
    written += toAppend.length;
    return E.right(undefined);
  };
  for (const envelope of largeHistory({ seed, events })) {
    const first = batch[0];
    if (first !== undefined && (first.stream !== envelope.stream || first.metadata.commandId !== envelope.metadata.commandId)) {
      const flushed = await flush();
      if (E.isLeft(flushed)) return flushed;
    }
    batch.push(envelope);
  }
  const flushed = await flush();
  return E.isLeft(flushed) ? flushed : E.right(written);
};
