import * as E from 'fp-ts/lib/Either.js';
import type { NewEvent, StoreError } from '@borough-command/domain/eventsourcing';
import { conformanceMetadata, itemAdded, noteAttached, numberedItems, type ConformanceEvent } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensureEqual, mustFailWith } from '../expectations.js';
import { appendOk, idsOf, readAllOk, readStreamOk } from '../reading.js';
import { freshCommandId } from '../stream-names.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'invalid input';

type Tag = StoreError['_tag'];

/**
 * Writes a witness stream, makes one invalid append, checks its typed error, and checks that
 * nothing was written: the target stream is as before and the log under the test prefix too.
 */
const refuses = async <T extends Tag>(
  context: ConformanceContext,
  what: string,
  target: { readonly stream: string; readonly existing: boolean; readonly checkable: boolean },
  events: readonly NewEvent<ConformanceEvent>[],
  tag: T,
): Promise<Extract<StoreError, { readonly _tag: T }>> => {
  const guarantee = `an append with ${what} fails with ${tag} and writes nothing`;
  await appendOk(context.store, context.stream('witness'), context.command(numberedItems('w', 0, 1)), 'any', 'writing a witness stream');
  if (target.existing) await appendOk(context.store, target.stream, context.command(numberedItems('before', 0, 2)), 'no_stream', 'writing the target stream');
  const logBefore = idsOf(await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee));
  const streamBefore = target.existing ? idsOf(await readStreamOk(context.store, target.stream, undefined, guarantee)) : [];
  const error = mustFailWith(await context.store.appendToStream(target.stream, events, 'any')(), tag, guarantee);
  ensureEqual(idsOf(await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee)), logBefore, `${guarantee}: the log is unchanged`);
  if (target.checkable) {
    if (target.existing) ensureEqual(idsOf(await readStreamOk(context.store, target.stream, undefined, guarantee)), streamBefore, `${guarantee}: the stream is unchanged`);
    else mustFailWith(await context.store.readStream(target.stream)(), 'StreamNotFound', `${guarantee}: the stream was not created`);
  }
  return error;
};

/** A batch of fresh events around one bad event, so an atomic store must refuse all of it. */
const around = (context: ConformanceContext, bad: NewEvent<ConformanceEvent>): readonly NewEvent<ConformanceEvent>[] => {
  const [first, last] = context.command(numberedItems('good', 0, 2));
  return [first as NewEvent<ConformanceEvent>, bad, last as NewEvent<ConformanceEvent>];
};

/** A fresh event with the given (possibly invalid) event. */
const raw = (event: unknown): NewEvent<ConformanceEvent> => ({ event: event as ConformanceEvent, metadata: conformanceMetadata(freshCommandId('bad'), 0) });

/** Invalid appends and reads get typed errors and write nothing. */
export const validationCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'an empty stream name is InvalidStoreArgument', async (context) => {
    await refuses(context, 'an empty stream name', { stream: '', existing: false, checkable: false }, context.command(numberedItems('e', 0, 1)), 'InvalidStoreArgument');
  }),
  conformanceCase(GROUP, 'a $-prefixed (system) stream name is InvalidStoreArgument', async (context) => {
    const stream = `$${context.prefix}system`;
    await refuses(context, 'a $-prefixed stream name', { stream, existing: false, checkable: false }, context.command(numberedItems('e', 0, 1)), 'InvalidStoreArgument');
    const sneaked = await readAllOk(context.store, { streamPrefixes: [stream] }, 'a refused append to a $ stream writes nothing');
    ensureEqual(sneaked.length, 0, 'a refused append to a $ stream writes nothing');
  }),
  conformanceCase(GROUP, 'an append of no events is InvalidStoreArgument and does not create the stream', async (context) => {
    await refuses(context, 'no events', { stream: context.stream('empty'), existing: false, checkable: true }, [], 'InvalidStoreArgument');
  }),
  conformanceCase(GROUP, 'an event id that is not a uuid is InvalidStoreArgument', async (context) => {
    const bad = { event: itemAdded('x', 1), metadata: { ...conformanceMetadata(freshCommandId('bad'), 0), eventId: 'not-a-uuid' } };
    await refuses(context, 'an event id that is not a uuid', { stream: context.stream('bad-id'), existing: false, checkable: true }, around(context, bad), 'InvalidStoreArgument');
    await refuses(context, 'an event id that is not a uuid, on an existing stream', { stream: context.stream('bad-id-existing'), existing: true, checkable: true }, around(context, bad), 'InvalidStoreArgument');
  }),
  conformanceCase(GROUP, 'event data that does not match its codec is EventDecodeFailed naming the path', async (context) => {
    const stream = context.stream('bad-data');
    const flat = await refuses(context, 'a string where a number belongs', { stream, existing: true, checkable: true }, around(context, raw({ type: 'ItemAdded', data: { sku: 'x', quantity: 'three' } })), 'EventDecodeFailed');
    ensureEqual({ stream: flat.stream, type: flat.type, path: flat.path }, { stream, type: 'ItemAdded', path: 'data.quantity' }, 'EventDecodeFailed names the stream, the event type and the path of the bad field');
    const nested = context.stream('bad-nested');
    const good = noteAttached('n', ['t'], [{ sku: 'a', quantity: 1 }]);
    const badLines = { ...good.data, lines: [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: null }] };
    const deep = await refuses(context, 'a bad field inside an array', { stream: nested, existing: false, checkable: true }, around(context, raw({ type: 'NoteAttached', data: badLines })), 'EventDecodeFailed');
    ensureEqual({ stream: deep.stream, type: deep.type, path: deep.path }, { stream: nested, type: 'NoteAttached', path: 'data.lines[1].quantity' }, 'EventDecodeFailed names the path inside nested data');
    const missing = await refuses(context, 'a missing field', { stream: context.stream('bad-missing'), existing: false, checkable: true }, [raw({ type: 'ItemAdded', data: { quantity: 2 } })], 'EventDecodeFailed');
    ensureEqual(missing.path, 'data.sku', 'EventDecodeFailed names a missing field');
  }),
  conformanceCase(GROUP, 'an unknown event type is UnknownEventType', async (context) => {
    const stream = context.stream('unknown-type');
    const error = await refuses(context, 'an unknown event type', { stream, existing: true, checkable: true }, around(context, raw({ type: 'ItemTeleported', data: { sku: 'x' } })), 'UnknownEventType');
    ensureEqual({ stream: error.stream, type: error.type }, { stream, type: 'ItemTeleported' }, 'UnknownEventType names the stream and the type');
  }),
  conformanceCase(GROUP, 'invalid read arguments are InvalidStoreArgument', async (context) => {
    const stream = context.stream('readable');
    await appendOk(context.store, stream, context.command(numberedItems('e', 0, 2)), 'no_stream', 'writing a stream');
    mustFailWith(await context.store.readStream('')(), 'InvalidStoreArgument', 'readStream of an empty stream name fails with InvalidStoreArgument');
    mustFailWith(await context.store.readStream(stream, { maxCount: -1 })(), 'InvalidStoreArgument', 'readStream with a negative maxCount fails with InvalidStoreArgument');
    let pageError: E.Either<StoreError, unknown> = E.right('no page at all');
    for await (const page of context.store.readAll({ streamPrefixes: [context.prefix], pageSize: 0 })) {
      pageError = page;
      break;
    }
    mustFailWith(pageError, 'InvalidStoreArgument', 'readAll with pageSize 0 yields InvalidStoreArgument');
  }),
];
