import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createInMemoryStore,
  describeStoreError,
  openJournalStore,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StreamRevision,
} from '@borough-command/domain/eventsourcing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { commandEvents, conformanceRegistry, itemAdded, type ConformanceEvent } from '../src/index.js';
import { duplicatingOnRetry } from './broken-stores/duplicates-on-retry.js';
import { ignoringExpectedRevision } from './broken-stores/ignores-expected-revision.js';

/** An event as the model knows it. */
interface ModelEvent {
  readonly eventId: string;
  readonly stream: string;
  readonly sku: string;
  readonly quantity: number;
}

/** The plain list model: the global log and, per stream, its events. */
interface Model {
  readonly log: ModelEvent[];
  readonly streams: Map<string, ModelEvent[]>;
  lastBatch: { readonly stream: string; readonly events: readonly NewEvent<ConformanceEvent>[]; readonly expected: ExpectedRevision } | undefined;
  commands: number;
}

/** The store under test and what it told us so far. */
interface Real {
  readonly store: EventStore<ConformanceEvent>;
  readonly positions: Map<string, bigint>;
  lastPosition: bigint | undefined;
}

type Command = fc.AsyncCommand<Model, Real>;

const STREAMS = ['alpha-1', 'alpha-10', 'alpha-2', 'beta-1'] as const;
const PREFIXES = [[], ['alpha-'], ['alpha-1'], ['beta-', 'alpha-2'], ['gamma-']] as const;

const revisionOf = (model: Model, stream: string): StreamRevision => {
  const events = model.streams.get(stream);
  return events === undefined ? 'no_stream' : BigInt(events.length - 1);
};

const freshEvents = (model: Model, items: readonly { readonly sku: string; readonly quantity: number }[]): readonly NewEvent<ConformanceEvent>[] =>
  commandEvents(`model-command-${String(model.commands++)}`, items.map((i) => itemAdded(i.sku, i.quantity)));

const view = (events: readonly RecordedEvent<ConformanceEvent>[]): readonly ModelEvent[] =>
  events.map((e) => ({
    eventId: e.metadata.eventId,
    stream: e.stream,
    sku: e.event.type === 'ItemAdded' ? e.event.data.sku : `<${e.event.type}>`,
    quantity: e.event.type === 'ItemAdded' ? e.event.data.quantity : Number.NaN,
  }));

const right = <A>(result: E.Either<{ readonly _tag: string }, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what} failed: ${describeStoreError(result.left as Parameters<typeof describeStoreError>[0])}`);
  return result.right;
};

/** After every step: the stream touched reads back exactly as the model holds it, revisions 0..n-1. */
const checkStream = async (model: Model, real: Real, stream: string): Promise<void> => {
  const expected = model.streams.get(stream);
  const read = await real.store.readStream(stream)();
  if (expected === undefined) {
    expect(E.isLeft(read) && read.left._tag, `${stream} was never written`).toBe('StreamNotFound');
    return;
  }
  const events = right(read, `reading ${stream}`);
  expect(view(events), `${stream} matches the model`).toEqual(expected);
  expect(events.map((e) => e.revision)).toEqual(expected.map((_, i) => BigInt(i)));
  for (const event of events) {
    const known = real.positions.get(event.metadata.eventId);
    if (known !== undefined) expect(event.position, 'an event keeps its position').toBe(known);
    real.positions.set(event.metadata.eventId, event.position);
  }
};

const append = (model: Model, stream: string, events: readonly NewEvent<ConformanceEvent>[], expected: ExpectedRevision): void => {
  const list = model.streams.get(stream) ?? [];
  const added = events.map((e) => ({
    eventId: e.metadata.eventId,
    stream,
    sku: e.event.type === 'ItemAdded' ? e.event.data.sku : '',
    quantity: e.event.type === 'ItemAdded' ? e.event.data.quantity : 0,
  }));
  list.push(...added);
  model.streams.set(stream, list);
  model.log.push(...added);
  model.lastBatch = { stream, events, expected };
};

const items = fc.array(fc.record({ sku: fc.string({ maxLength: 6 }), quantity: fc.integer({ min: -5, max: 1000 }) }), { minLength: 1, maxLength: 4 });
const streamArb = fc.constantFrom(...STREAMS);

const appendCorrect = fc
  .record({ stream: streamArb, items, kind: fc.constantFrom('exact', 'any', 'stream_exists') })
  .map(({ stream, items: data, kind }): Command => ({
    check: (model) => kind !== 'stream_exists' || model.streams.has(stream),
    run: async (model, real) => {
      const events = freshEvents(model, data);
      const actual = revisionOf(model, stream);
      const expected: ExpectedRevision = kind === 'exact' ? actual : kind;
      const result = right(await real.store.appendToStream(stream, events, expected)(), `append to ${stream} expecting ${String(expected)}`);
      const length = (model.streams.get(stream)?.length ?? 0) + events.length;
      expect(result.written).toBe(events.length);
      expect(result.nextExpectedRevision).toBe(BigInt(length - 1));
      if (real.lastPosition !== undefined) expect(result.position > real.lastPosition, 'positions strictly increase').toBe(true);
      real.lastPosition = result.position;
      append(model, stream, events, expected);
      await checkStream(model, real, stream);
    },
    toString: () => `append ${String(data.length)} to ${stream} (${kind})`,
  }));

const appendStale = fc
  .record({ stream: streamArb, items, variant: fc.nat(2), distance: fc.nat(3) })
  .map(({ stream, items: data, variant, distance }): Command => ({
    check: () => true,
    run: async (model, real) => {
      const actual = revisionOf(model, stream);
      let expected: ExpectedRevision;
      if (actual === 'no_stream') expected = variant === 0 ? 'stream_exists' : BigInt(distance);
      else if (variant === 0) expected = 'no_stream';
      else if (variant === 1 && actual > 0n) expected = BigInt(Math.max(0, Number(actual) - 1 - distance));
      else expected = actual + 1n + BigInt(distance);
      const result = await real.store.appendToStream(stream, freshEvents(model, data), expected)();
      expect(E.isLeft(result) ? result.left : result.right, `a stale append expecting ${String(expected)} to ${stream} at ${String(actual)}`).toEqual({
        _tag: 'WrongExpectedRevision',
        stream,
        expected,
        actual,
      });
      await checkStream(model, real, stream);
    },
    toString: () => `stale append to ${stream} (variant ${String(variant)}, distance ${String(distance)})`,
  }));

const reAppendLastBatch = fc.constant<Command>({
  check: (model) => model.lastBatch !== undefined,
  run: async (model, real) => {
    const batch = model.lastBatch!;
    const result = right(await real.store.appendToStream(batch.stream, batch.events, batch.expected)(), `re-append to ${batch.stream} expecting ${String(batch.expected)}`);
    expect(result.written, 'a re-append writes nothing').toBe(0);
    await checkStream(model, real, batch.stream);
    const all: RecordedEvent<ConformanceEvent>[] = [];
    for await (const page of real.store.readAll()) all.push(...right(page, 'readAll'));
    expect(all.length, 'the global log did not grow').toBe(model.log.length);
  },
  toString: () => 're-append the last batch',
});

const readForwards = fc
  .record({ stream: streamArb, from: fc.nat(12), maxCount: fc.option(fc.nat(6), { nil: undefined }) })
  .map(({ stream, from, maxCount }): Command => ({
    check: () => true,
    run: async (model, real) => {
      const expected = model.streams.get(stream);
      const read = await real.store.readStream(stream, maxCount === undefined ? { fromRevision: BigInt(from) } : { fromRevision: BigInt(from), maxCount })();
      if (expected === undefined) {
        expect(E.isLeft(read) && read.left._tag).toBe('StreamNotFound');
        return;
      }
      expect(view(right(read, 'readStream'))).toEqual(expected.slice(from, maxCount === undefined ? undefined : from + maxCount));
    },
    toString: () => `read ${stream} forwards from ${String(from)} max ${String(maxCount)}`,
  }));

const readBackwards = fc
  .record({ stream: streamArb, from: fc.option(fc.nat(12), { nil: undefined }), maxCount: fc.option(fc.nat(6), { nil: undefined }) })
  .map(({ stream, from, maxCount }): Command => ({
    check: () => true,
    run: async (model, real) => {
      const expected = model.streams.get(stream);
      const read = await real.store.readStream(stream, {
        direction: 'backwards',
        fromRevision: from === undefined ? 'end' : BigInt(from),
        ...(maxCount === undefined ? {} : { maxCount }),
      })();
      if (expected === undefined) {
        expect(E.isLeft(read) && read.left._tag).toBe('StreamNotFound');
        return;
      }
      const start = Math.min(from ?? expected.length - 1, expected.length - 1);
      const backwards = expected.slice(0, start + 1).reverse();
      expect(view(right(read, 'readStream backwards'))).toEqual(backwards.slice(0, maxCount ?? backwards.length));
    },
    toString: () => `read ${stream} backwards from ${String(from ?? 'end')} max ${String(maxCount)}`,
  }));

const readAllWithPrefix = fc
  .record({ prefixes: fc.constantFrom(...PREFIXES), pageSize: fc.integer({ min: 1, max: 5 }), after: fc.option(fc.nat(30), { nil: undefined }) })
  .map(({ prefixes, pageSize, after }): Command => ({
    check: () => true,
    run: async (model, real) => {
      const filter = prefixes.length === 0 ? {} : { streamPrefixes: prefixes };
      const checkpointIndex = after === undefined || model.log.length === 0 ? undefined : after % model.log.length;
      const checkpointEvent = checkpointIndex === undefined ? undefined : model.log[checkpointIndex];
      const checkpointPosition = checkpointEvent === undefined ? undefined : real.positions.get(checkpointEvent.eventId);
      expect(checkpointEvent === undefined || checkpointPosition !== undefined, 'every appended event was read back once').toBe(true);
      const checkpoint = checkpointPosition === undefined ? {} : { after: checkpointPosition };
      const pages: (readonly RecordedEvent<ConformanceEvent>[])[] = [];
      for await (const page of real.store.readAll({ ...filter, ...checkpoint, pageSize })) pages.push(right(page, 'readAll'));
      expect(pages.every((p) => p.length <= pageSize), 'pages hold at most pageSize events').toBe(true);
      const events = pages.flat();
      const tail = checkpointIndex === undefined ? model.log : model.log.slice(checkpointIndex + 1);
      expect(view(events)).toEqual(tail.filter((e) => prefixes.length === 0 || prefixes.some((p) => e.stream.startsWith(p))));
      for (let i = 1; i < events.length; i++) expect(events[i]!.position > events[i - 1]!.position, 'positions strictly increase').toBe(true);
      for (const event of events) {
        const known = real.positions.get(event.metadata.eventId);
        if (known !== undefined) expect(event.position, 'an event keeps its position').toBe(known);
        real.positions.set(event.metadata.eventId, event.position);
      }
    },
    toString: () => `readAll ${JSON.stringify(prefixes)} pageSize ${String(pageSize)} after #${String(after)}`,
  }));

const commands = fc.commands([appendCorrect, appendCorrect, appendStale, reAppendLastBatch, readForwards, readBackwards, readAllWithPrefix], {
  maxCommands: 30,
});

/** Runs the model against stores that `open` creates, one per run. */
const runModel = async (
  open: () => Promise<EventStore<ConformanceEvent>>,
  close: (store: EventStore<ConformanceEvent>) => Promise<void>,
  numRuns: number,
): Promise<void> => {
  await fc.assert(
    fc.asyncProperty(commands, async (steps) => {
      const store = await open();
      try {
        await fc.asyncModelRun(
          () => ({ model: { log: [], streams: new Map(), lastBatch: undefined, commands: 0 }, real: { store, positions: new Map(), lastPosition: undefined } }),
          steps,
        );
      } finally {
        await close(store);
      }
    }),
    { numRuns },
  );
};

describe('the stores against a list model', () => {
  const root = mkdtemp(join(tmpdir(), 'store-model-'));
  afterAll(async () => {
    await rm(await root, { recursive: true, force: true });
  });

  it('in-memory: appends, conflicts, retries and reads agree with the model', async () => {
    await runModel(
      () => Promise.resolve(createInMemoryStore(conformanceRegistry)),
      (store) => store.close(),
      100,
    );
  });

  it('journal: appends, conflicts, retries and reads agree with the model', async () => {
    let opened = 0;
    await runModel(
      async () => {
        const file = join(await root, `journal-${String(opened++)}.ndjson`);
        const store = await openJournalStore(conformanceRegistry, { file })();
        if (E.isLeft(store)) throw new Error(describeStoreError(store.left));
        return store.right;
      },
      async (store) => {
        await store.close();
        await rm((store as EventStore<ConformanceEvent> & { readonly file: string }).file, { force: true });
      },
      60,
    );
  });

  it('the model catches a store that ignores the expected revision', async () => {
    await expect(runModel(() => Promise.resolve(ignoringExpectedRevision(createInMemoryStore(conformanceRegistry))), (store) => store.close(), 100)).rejects.toThrow(
      /stale append/,
    );
  });

  it('the model catches a store that duplicates events on retry', async () => {
    await expect(runModel(() => Promise.resolve(duplicatingOnRetry(createInMemoryStore(conformanceRegistry))), (store) => store.close(), 100)).rejects.toThrow(
      /re-append the last batch/,
    );
  });
});
