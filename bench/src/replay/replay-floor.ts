import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The floor a replay is held to: the same journal read, each line `JSON.parse`d and its SHA-256
 * computed, nothing else (no chain, no codec, no view). Answers the lines read; a line that is
 * not JSON throws, as the file is the bench's own.
 */
export const readJournalFloor = async (file: string): Promise<number> => {
  let lines = 0;
  let objects = 0;
  let rest = '';
  const take = (line: string): void => {
    if (line.length === 0) return;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) objects += 1;
    createHash('sha256').update(line).digest();
    lines += 1;
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      take(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  take(rest);
  if (objects !== lines) throw new Error(`${file}: ${String(lines - objects)} lines are not JSON objects`);
  return lines;
};
