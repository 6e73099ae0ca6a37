import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry } from '@borough-command/domain';
import { decodeMetadata } from '@borough-command/domain/eventsourcing';
import { largeHistory } from '@borough-command/test-machinery';
import { spreadOf, type Spread } from '../report/spread.js';

/** What validating costs on top of parsing. */
export interface DecodeFigures {
  readonly events: number;
  /** Microseconds per event to `JSON.parse` its stored form alone. */
  readonly parseUsPerEvent: Spread;
  /** Microseconds per event to parse it and decode its metadata and data with io-ts. */
  readonly parseAndDecodeUsPerEvent: Spread;
  /** Parse-and-decode time over parse time, per run. */
  readonly overheadRatio: Spread;
}

/** The stored form of the first `count` events of the seeded history: `{ type, data, metadata }` as JSON text. */
const storedEvents = (seed: number, count: number): readonly string[] => {
  const texts: string[] = [];
  for (const { event, metadata } of largeHistory({ seed, events: count })) {
    texts.push(JSON.stringify({ type: event.type, data: event.data, metadata }));
  }
  return texts;
};

interface Stored {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** Parses every text; answers a count that depends on the result, so nothing is optimised away. */
const parseAll = (texts: readonly string[]): number => {
  let seen = 0;
  for (const text of texts) seen += (JSON.parse(text) as Stored).type.length;
  return seen;
};

/** Parses and decodes every text as a store does on read: metadata, then data through the registry. */
const parseAndDecodeAll = (texts: readonly string[]): E.Either<string, number> => {
  let seen = 0;
  for (const [index, text] of texts.entries()) {
    const stored = JSON.parse(text) as Stored;
    const where = { stream: 'bench', revision: BigInt(index), type: stored.type };
    const metadata = decodeMetadata(stored.metadata, where);
    if (E.isLeft(metadata)) return E.left(`event ${String(index)}: ${metadata.left.path}: ${metadata.left.reason}`);
    const event = domainEventRegistry.decode({ type: stored.type, schemaVersion: metadata.right.schemaVersion, data: stored.data }, where);
    if (E.isLeft(event)) return E.left(`event ${String(index)} does not decode: ${event.left._tag}`);
    seen += event.right.type.length;
  }
  return E.right(seen);
};

const microsecondsPerEvent = (started: number, count: number): number => ((performance.now() - started) * 1000) / count;

/** Times parsing alone and parsing with decoding over the same stored events, alternating, `runs` times after a warm-up. */
export const decodeBench = (seed: number, count: number, runs: number): E.Either<string, DecodeFigures> => {
  const texts = storedEvents(seed, count);
  const warm = parseAndDecodeAll(texts);
  if (E.isLeft(warm)) return warm;
  parseAll(texts);
  const parse: number[] = [];
  const decode: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    parseAll(texts);
    parse.push(microsecondsPerEvent(started, texts.length));
    started = performance.now();
    parseAndDecodeAll(texts);
    decode.push(microsecondsPerEvent(started, texts.length));
  }
  return E.right({
    events: texts.length,
    parseUsPerEvent: spreadOf(parse),
    parseAndDecodeUsPerEvent: spreadOf(decode),
    overheadRatio: spreadOf(decode.map((time, run) => time / (parse[run] as number))),
  });
};
