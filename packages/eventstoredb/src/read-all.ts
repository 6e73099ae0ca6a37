/** `readAll` over EventStoreDB: pages of at most `pageSize` events after an exclusive checkpoint. */
import * as E from 'fp-ts/lib/Either.js';
import { invalidArgument, type EventShape, type ReadAllOptions, type RecordedEvent, type StoreError } from '@borough-command/domain/eventsourcing';
import { scanAll } from './scan-all.js';
import type { StoreContext } from './store-context.js';

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Reads the global log page by page: at most `pageSize` kept events are held at once, taken from
 * one `$all` read in batches of the store's `readBatchSize`, whatever the page size.
 */
export const readAll = <Ev extends EventShape>(
  context: StoreContext<Ev>,
  options: ReadAllOptions = {},
): AsyncIterable<E.Either<StoreError, readonly RecordedEvent<Ev>[]>> => ({
  async *[Symbol.asyncIterator]() {
    const operation = 'read all';
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      yield E.left(invalidArgument(operation, 'pageSize must be a whole number, 1 or more'));
      return;
    }
    // Checked before the first page too: a closed store has nothing to read, not an empty log.
    if (context.isClosed()) {
      yield E.left({ _tag: 'StoreClosed', operation });
      return;
    }
    let page: RecordedEvent<Ev>[] = [];
    for await (const batch of scanAll(context, { after: options.after, streamPrefixes: options.streamPrefixes, operation })) {
      if (E.isLeft(batch)) {
        // The events read before the failure come first, so a reader keeps what it could read.
        if (page.length > 0 && batch.left._tag !== 'StoreClosed') yield E.right(page);
        yield batch;
        return;
      }
      for (const event of batch.right.events) {
        page.push(event);
        if (page.length === pageSize) {
          yield E.right(page);
          page = [];
          if (context.isClosed()) {
            yield E.left({ _tag: 'StoreClosed', operation });
            return;
          }
        }
      }
    }
    if (page.length > 0) yield E.right(page);
  },
});
