import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournalFloor } from '../src/replay/replay-floor.js';

const committedJournal = new URL('../../packages/projections/test/fixtures/journal-format-1/london-2009-2019.ndjson', import.meta.url).pathname;

describe('the replay floor: each line parsed and hashed, nothing else', () => {
  it('reads every line of a journal once, across read chunks, a last line without a newline included', async () => {
    expect(await readJournalFloor(committedJournal)).toBe(1908);
    const folder = await mkdtemp(join(tmpdir(), 'replay-floor-'));
    try {
      const file = join(folder, 'lines.ndjson');
      // Lines longer than the 1 MiB read chunk, so lines are split across chunks.
      const long = JSON.stringify({ note: 'x'.repeat(1_500_000) });
      await writeFile(file, `${long}\n{"a":1}\n${long}\n{"b":2}`);
      expect(await readJournalFloor(file)).toBe(4);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('fails on a line that is not a JSON object', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'replay-floor-'));
    try {
      const file = join(folder, 'bad.ndjson');
      await writeFile(file, '{"a":1}\n[1,2]\n');
      await expect(readJournalFloor(file)).rejects.toThrow('1 lines are not JSON objects');
      await writeFile(file, '{"a":1}\nnot json\n');
      await expect(readJournalFloor(file)).rejects.toThrow(SyntaxError);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
