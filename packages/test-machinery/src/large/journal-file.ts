import { open } from 'node:fs/promises';
import { encodeJournalLine, GENESIS_HASH, type EventShape, type RecordedEvent } from '@borough-command/domain/eventsourcing';

/** What writing a journal file did. */
export interface JournalFileSummary {
  readonly file: string;
  /** Lines written: one per event. */
  readonly lines: number;
  /** Appends the lines stand for: the events of one command in one stream make one batch. */
  readonly batches: number;
  /** The hash of the last line: the `prev` of the next line a journal store appends. */
  readonly head: string;
  readonly bytes: number;
}

/** Lines written to the file at a time. */
const LINES_PER_WRITE = 2048;

const sameBatch = (a: RecordedEvent, b: RecordedEvent): boolean => a.stream === b.stream && a.metadata.commandId === b.metadata.commandId;

/**
 * Writes events as a new hash-chained journal file (refusing to overwrite one), line by line with
 * the kernel's `encodeJournalLine`, so `openJournalStore` and `readJournal` accept it. Consecutive
 * events of one command in one stream form one batch, as one append would have written them.
 * Positions are renumbered from 0 in the order given; revisions are kept, so each stream's events
 * must come in order from revision 0 (a store's `readAll` and `largeHistory` give them so). Data
 * is written as it is (`JSON.stringify`): give events in their stored form, as decoded events of
 * the domain are. Reads the events once, holding one batch at a time.
 */
export const writeJournalFile = async <E extends EventShape>(
  file: string,
  events: Iterable<RecordedEvent<E>> | AsyncIterable<RecordedEvent<E>>,
): Promise<JournalFileSummary> => {
  const handle = await open(file, 'wx');
  let head = GENESIS_HASH;
  let lines = 0;
  let batches = 0;
  let bytes = 0;
  let chunk: string[] = [];
  let batch: RecordedEvent<E>[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    const buffer = Buffer.from(text, 'utf8');
    bytes += buffer.length;
    let offset = 0;
    while (offset < buffer.length) offset += (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;
  };
  /** Encodes the batch held into lines of the chunk. */
  const encodeBatch = (): void => {
    for (const [index, event] of batch.entries()) {
      const written = encodeJournalLine(head, {
        stream: event.stream,
        revision: event.revision,
        position: BigInt(lines),
        batch: { index, size: batch.length },
        type: event.event.type,
        json: JSON.stringify(event.event.data),
        metadata: event.metadata,
      });
      chunk.push(written.line, '\n');
      head = written.hash;
      lines += 1;
    }
    batches += batch.length > 0 ? 1 : 0;
    batch = [];
  };
  /** Holds an event in the current batch, encoding the batch before it once this one starts; tells whether the chunk is full. */
  const add = (event: RecordedEvent<E>): boolean => {
    const first = batch[0];
    if (first !== undefined && !sameBatch(first, event)) encodeBatch();
    batch.push(event);
    return chunk.length >= LINES_PER_WRITE * 2;
  };
  try {
    // A synchronous source is read without a promise per event: only a full chunk waits for the disk.
    if (Symbol.iterator in events) {
      for (const event of events) if (add(event)) await flush();
    } else {
      for await (const event of events) if (add(event)) await flush();
    }
    encodeBatch();
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { file, lines, batches, head, bytes };
};
