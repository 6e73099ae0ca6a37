/**
 * Text PostgreSQL treats specially: U+0000, line separators and lone surrogates inside event data
 * are kept as they were written (data is stored as the codec's JSON text, as `json`, not `jsonb`);
 * a stream name PostgreSQL cannot store as given (with U+0000 or a lone surrogate) is refused and
 * writes nothing.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { commandEvents, freshCommandId, itemAdded, noteAttached, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema } from './support/fresh-schema.js';
import { openStore } from './support/open-store.js';

let store: EventStore<ConformanceEvent>;

beforeAll(async () => {
  store = openStore(await freshSchema('text'));
});

afterAll(async () => {
  await store.close();
});

const logOf = async (prefix: string) => {
  const events = [];
  for await (const page of store.readAll({ streamPrefixes: [prefix] })) if (E.isRight(page)) events.push(...page.right);
  return events;
};

describe('postgres: unusual text', () => {
  it('event data holding U+0000, U+2028, emoji and quotes reads back exactly as written', async () => {
    const written = [itemAdded('nul\u0000inside', 1), noteAttached('line\u2028separator "quoted" \\ 😀', ['\u0000', '\t'], [{ sku: '\u001f', quantity: -0.5 }])];
    const appended = await store.appendToStream('text-data', commandEvents(freshCommandId('t'), written), 'no_stream')();
    expect(E.isRight(appended)).toBe(true);
    const read = await store.readStream('text-data')();
    expect(E.isRight(read) && read.right.map((e) => e.event)).toEqual(written);
  });

  it.each([
    ['U+0000', 'text-nul-\u0000-name', 'U+0000'],
    ['a lone high surrogate', 'text-lone-\ud800-name', 'lone UTF-16 surrogate'],
    ['a lone low surrogate', 'text-lone-\udc00-name', 'lone UTF-16 surrogate'],
  ])('a stream name holding %s is InvalidStoreArgument, for appends and reads, and writes nothing', async (_what, stream, named) => {
    const appended = await store.appendToStream(stream, commandEvents(freshCommandId('n'), numberedItems('n', 0, 1)), 'any')();
    expect(E.isLeft(appended) && appended.left._tag).toBe('InvalidStoreArgument');
    expect(E.isLeft(appended) && describeStoreError(appended.left)).toContain(named);
    const read = await store.readStream(stream)();
    expect(E.isLeft(read) && read.left._tag).toBe('InvalidStoreArgument');
    expect(await logOf('text-nul')).toEqual([]);
    expect(await logOf('text-lone-')).toEqual([]);
  });

  it('a well-formed surrogate pair in a stream name is kept', async () => {
    const appended = await store.appendToStream('text-pair-😀', commandEvents(freshCommandId('p'), numberedItems('p', 0, 1)), 'no_stream')();
    expect(E.isRight(appended)).toBe(true);
    expect((await logOf('text-pair-')).map((e) => e.stream)).toEqual(['text-pair-😀']);
  });

  it('event data holding a lone surrogate reads back exactly as written', async () => {
    const written = [itemAdded('fine', 1), itemAdded('lone\ud800 and \udc00', 2)];
    const appended = await store.appendToStream('text-data-lone', commandEvents(freshCommandId('l'), written), 'no_stream')();
    expect(E.isRight(appended)).toBe(true);
    const read = await store.readStream('text-data-lone')();
    expect(E.isRight(read) && read.right.map((e) => e.event)).toEqual(written);
  });
});
