import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import { numberedItems } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensure, mustFailWith } from '../expectations.js';
import { appendOk, readAllOk } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';
import { isCaughtUp, readSubscription, showMessages } from '../subscription-reader.js';

const GROUP = 'closing';

/** The first page readAll yields, or `none` when it yields nothing. */
const firstPage = async (context: ConformanceContext, after?: bigint): Promise<E.Either<StoreError, unknown> | 'none'> => {
  for await (const page of context.store.readAll(after === undefined ? { streamPrefixes: [context.prefix] } : { streamPrefixes: [context.prefix], after })) return page;
  return 'none';
};

/** Closing a store makes every operation report `StoreClosed`. */
export const closingCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'after close, appendToStream and readStream return StoreClosed', async (context) => {
    const stream = context.stream('closed');
    await appendOk(context.store, stream, context.command(numberedItems('e', 0, 1)), 'no_stream', 'writing before close');
    await context.store.close();
    mustFailWith(await context.append(stream, numberedItems('e', 1, 1), 0n), 'StoreClosed', 'an append after close fails with StoreClosed');
    mustFailWith(await context.append(context.stream('other'), numberedItems('e', 0, 1), 'no_stream'), 'StoreClosed', 'an append to a new stream after close fails with StoreClosed');
    mustFailWith(await context.store.readStream(stream)(), 'StoreClosed', 'readStream after close fails with StoreClosed');
  }),
  conformanceCase(GROUP, 'after close, readAll yields StoreClosed, also when nothing is left to read', async (context) => {
    await appendOk(context.store, context.stream('closed'), context.command(numberedItems('e', 0, 2)), 'no_stream', 'writing before close');
    const log = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, 'reading before close');
    await context.store.close();
    const fromStart = await firstPage(context);
    ensure(fromStart !== 'none', 'readAll after close yields StoreClosed', () => 'it yielded nothing');
    if (fromStart !== 'none') mustFailWith(fromStart, 'StoreClosed', 'readAll after close yields StoreClosed');
    const atEnd = await firstPage(context, log[log.length - 1]?.position);
    ensure(atEnd !== 'none', 'readAll after close yields StoreClosed even from the end of the log', () => 'it yielded nothing, as if the store were open and empty');
    if (atEnd !== 'none') mustFailWith(atEnd, 'StoreClosed', 'readAll after close yields StoreClosed even from the end of the log');
  }),
  conformanceCase(GROUP, 'closing the store drops a live subscription with StoreClosed', async (context) => {
    const guarantee = 'closing the store drops its subscriptions with StoreClosed, then ends them';
    await appendOk(context.store, context.stream('s'), context.command(numberedItems('e', 0, 1)), 'no_stream', 'writing before subscribing');
    const reader = readSubscription(context.store.subscribeToAll({ streamPrefixes: [context.prefix] }), context.timeoutMs, guarantee);
    try {
      await reader.until(isCaughtUp, 'CaughtUp');
      const waiting = reader.next('Dropped after the store closed');
      await context.store.close();
      const dropped = await waiting;
      ensure(dropped !== 'ended' && dropped._tag === 'Dropped' && dropped.error._tag === 'StoreClosed', guarantee, () => `the subscription got ${dropped === 'ended' ? 'the end' : showMessages([dropped])} ${show(dropped)}`);
      const end = await reader.next('the end after Dropped');
      ensure(end === 'ended', guarantee, () => `after Dropped the subscription went on with ${end === 'ended' ? '' : showMessages([end])}`);
    } finally {
      await reader.close();
    }
  }),
  conformanceCase(GROUP, 'subscribing after close is Dropped with StoreClosed', async (context) => {
    const guarantee = 'a subscription opened after close is dropped with StoreClosed';
    await appendOk(context.store, context.stream('s'), context.command(numberedItems('e', 0, 1)), 'no_stream', 'writing before close');
    await context.store.close();
    const reader = readSubscription(context.store.subscribeToAll({ streamPrefixes: [context.prefix] }), context.timeoutMs, guarantee);
    try {
      const first = await reader.next('Dropped');
      ensure(first !== 'ended' && first._tag === 'Dropped' && first.error._tag === 'StoreClosed', guarantee, () => `the subscription delivered ${first === 'ended' ? 'the end' : showMessages([first])} first`);
      const end = await reader.next('the end after Dropped');
      ensure(end === 'ended', guarantee, () => `after Dropped the subscription went on with ${end === 'ended' ? '' : showMessages([end])}`);
    } finally {
      await reader.close();
    }
  }),
];
