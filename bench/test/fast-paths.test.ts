/**
 * The quick paths the replay and the command handler take must answer exactly as the slow ones:
 * metadata checked with `is` before a decode, and command handlers that keep folded streams between
 * commands. (Journal lines checked without a Hash object or a scanning regex: the domain's
 * test/journal/journal-line-parse.test.ts.)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  domainEventRegistry,
  isPostingEvent,
  postingDecider,
  postingStream,
  type DomainEvent,
  type PostingCommand,
} from '@borough-command/domain';
import {
  createCommandHandler,
  createInMemoryStore,
  decodeMetadata,
  EventMetadataCodec,
  readJournalFile,
  writeJournalFile,
  type EventStore,
  type RecordedEvent,
} from '@borough-command/domain/eventsourcing';
import { largeHistory, londonHistoryPolicy } from '@borough-command/test-machinery';
import { fixedClock } from '../src/commands/fixed-clock.js';
import { postingWorkload } from '../src/commands/posting-workload.js';

const envelopes: readonly RecordedEvent<DomainEvent>[] = [...largeHistory({ seed: 7, events: 300 })];

describe('decodeMetadata', () => {
  const valid = envelopes.map((envelope) => envelope.metadata);
  const where = { stream: 'posting-borough-camden', revision: 3n, type: 'PostingStarted' };
  const broken = fc.tuple(
    fc.constantFrom(...valid),
    fc.constantFrom('eventId', 'commandId', 'correlationId', 'causationId', 'actor', 'recordedAt', 'schemaVersion', 'extra'),
    fc.constantFrom<unknown>(undefined, '', 'x'.repeat(1001), 0, 1.5, 2, '2019-02-30T12:00:00.000Z', '2019-02-28T12:00:00.000Z', 'not a date', null),
  );

  it('answers as the io-ts codec does, valid or not, the same timestamps over and over included', () => {
    fc.assert(
      fc.property(fc.array(broken, { minLength: 1, maxLength: 20 }), (cases) => {
        for (const [metadata, field, value] of cases) {
          const raw: Record<string, unknown> = { ...metadata, [field]: value };
          if (value === undefined) Reflect.deleteProperty(raw, field);
          const ours = decodeMetadata(raw, where);
          const codec = EventMetadataCodec.decode(raw);
          expect(E.isRight(ours)).toBe(E.isRight(codec));
          if (E.isRight(ours) && E.isRight(codec)) expect(ours.right).toEqual(codec.right);
          if (E.isLeft(ours)) expect(ours.left.path.startsWith('metadata.')).toBe(true);
          // the valid metadata right after: a cached timestamp must not hide the next one's check
          expect(E.isRight(decodeMetadata(metadata, where))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('createCommandHandler keeping folded streams', () => {
  const policy = londonHistoryPolicy;
  const handlerOver = (store: EventStore<DomainEvent>, cachedStreams: number) =>
    createCommandHandler({ store, decider: postingDecider(policy), belongs: isPostingEvent, streamOf: (command: PostingCommand) => postingStream(command.unit), clock: fixedClock, cachedStreams });

  /** Runs the commands through two handlers on one store (the second a writer the first does not know of), some sent twice. */
  const run = async (cachedStreams: number, commands: readonly { readonly command: PostingCommand; readonly writer: 0 | 1; readonly twice: boolean }[]) => {
    const store = createInMemoryStore(domainEventRegistry);
    const handlers = [handlerOver(store, cachedStreams), handlerOver(store, cachedStreams)] as const;
    const answers: unknown[] = [];
    for (const { command, writer, twice } of commands) {
      for (let send = 0; send < (twice ? 2 : 1); send++) {
        const handled = await handlers[writer](command, { actor: `writer-${String(writer)}` })();
        answers.push(E.isLeft(handled) ? handled.left : { state: handled.right.state, revision: handled.right.revision, alreadyApplied: handled.right.alreadyApplied, events: handled.right.events });
      }
    }
    const stored: unknown[] = [];
    for await (const page of store.readAll()) if (E.isRight(page)) stored.push(...page.right);
    return { answers, stored };
  };

  it('answers every command and leaves the store exactly as handlers that fold every stream from the start', async () => {
    const workload = postingWorkload(3, 40).map(({ command }) => command);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ writer: fc.constantFrom<0 | 1>(0, 1), twice: fc.boolean() }), { minLength: workload.length, maxLength: workload.length }),
        fc.integer({ min: 1, max: 4 }),
        async (choices, cachedStreams) => {
          const commands = workload.map((command, index) => ({ command, ...(choices[index] as { readonly writer: 0 | 1; readonly twice: boolean }) }));
          const kept = await run(cachedStreams, commands);
          const folded = await run(0, commands);
          expect(kept.answers).toEqual(folded.answers);
          expect(kept.stored).toEqual(folded.stored);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a cachedStreams that is not a whole number', () => {
    expect(() => handlerOver(createInMemoryStore(domainEventRegistry), -1)).toThrow(/cachedStreams must be a whole number/);
  });
});

describe('readJournalFile reading ASCII chunks as Latin-1', () => {
  /** The envelopes with every third actor's name outside ASCII, accents, an emoji (a surrogate pair) and CJK included. */
  const mixed = envelopes.map((envelope, index) =>
    index % 3 === 0 ? { ...envelope, metadata: { ...envelope.metadata, actor: `Commandant Zoë Ødegård 😀 警视 ${String(index)}` } } : envelope,
  );

  const readAllOf = async (file: string, chunkBytes: number) => {
    const read: RecordedEvent<DomainEvent>[] = [];
    for await (const page of readJournalFile(domainEventRegistry, file, { chunkBytes, pageSize: 7 })) {
      if (E.isLeft(page)) return page;
      if (page.right._tag === 'Events') read.push(...page.right.events);
    }
    return E.right(read);
  };

  it('reads every event back as written, ASCII or not, whatever the chunk size', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-fast-paths-'));
    try {
      const file = join(directory, 'mixed.ndjson');
      expect(E.isRight(await writeJournalFile(file, mixed)())).toBe(true);
      for (const chunkBytes of [5, 97, 1024, 1_048_576]) {
        const read = await readAllOf(file, chunkBytes);
        expect(read).toEqual(E.right(mixed));
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('still finds a byte that is not UTF-8 in a line, in an ASCII journal or not, and names the line', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-fast-paths-'));
    try {
      for (const [name, events] of [['ascii', envelopes], ['mixed', mixed]] as const) {
        const file = join(directory, `${name}.ndjson`);
        expect(E.isRight(await writeJournalFile(file, events)())).toBe(true);
        const bytes = await readFile(file);
        // a byte inside the actor's value on line 5
        let at = 0;
        for (let line = 1; line < 5; line++) at = bytes.indexOf(0x0a, at) + 1;
        const actorAt = bytes.indexOf(Buffer.from('"actor":"'), at) + '"actor":"'.length;
        const broken = Buffer.concat([bytes.subarray(0, actorAt), Buffer.from([0xff]), bytes.subarray(actorAt)]);
        await writeFile(file, broken);
        for (const chunkBytes of [13, 1_048_576]) {
          expect(await readAllOf(file, chunkBytes)).toEqual(E.left({ _tag: 'JournalCorrupt', file, line: 5, reason: 'the line is not valid UTF-8' }));
        }
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
