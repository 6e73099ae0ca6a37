import { hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The floor a replay is held to: the same journal read, each line `JSON.parse`d and its SHA-256
 * computed, nothing else (no chain, no codec, no view). The lines are found as cheaply as this
 * machine allows, as bytes in 1 MiB chunks, each line made a string once (Latin-1, the reader's own
 * reading of an ASCII line) and hashed with the one-shot `crypto.hash`, the journal reader's own
 * choices: a floor slower than it need be would flatter the replay. Answers the lines read; a
 * line that is not a JSON object throws, as the file is the bench's own.
 */
export const readJournalFloor = async (file: string): Promise<number> => {
  let lines = 0;
  let objects = 0;
  const take = (line: string): void => {
    if (line.length === 0) return;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) objects += 1;
    hash('sha256', line, 'hex');
    lines += 1;
  };
  // The bytes of a line that began in an earlier chunk, if any.
  let rest: Buffer | undefined;
  for await (const read of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const chunk = rest === undefined ? read : Buffer.concat([rest, read]);
    let start = 0;
    for (let end = chunk.indexOf(0x0a, start); end !== -1; end = chunk.indexOf(0x0a, start)) {
      take(chunk.toString('latin1', start, end));
      start = end + 1;
    }
    rest = start < chunk.length ? chunk.subarray(start) : undefined;
  }
  if (rest !== undefined) take(rest.toString('latin1'));
  if (objects !== lines) throw new Error(`${file}: ${String(lines - objects)} lines are not JSON objects`);
  return lines;
};
