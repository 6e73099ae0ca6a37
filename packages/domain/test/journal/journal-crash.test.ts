import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { killRunningFixtures, startFixture } from './fixtures/child-process.js';
import { rightOrThrow } from './fixtures/journal-fixture.js';
import { countNewlines, openJournalOrThrow, readAllEvents, readJournalFile, useTempDirs } from './journal-test-kit.js';

/** Kill rounds; set JOURNAL_CRASH_ROUNDS for a longer run. */
const ROUNDS = Number(process.env['JOURNAL_CRASH_ROUNDS'] ?? '12');

const newDir = useTempDirs('journal-crash');
// registered after the temp-dir cleanup, so it runs before it: children die before their files go
afterEach(killRunningFixtures);

const ackedIds = (stdout: string): string[] =>
  stdout
    .split('\n')
    .slice(0, -1)
    .flatMap((line) => (line.startsWith('ack ') ? [line.slice(4)] : []));

/** The event ids of the complete lines of a journal's bytes, in order. */
const idsOfCompleteLines = (bytes: Buffer): string[] =>
  bytes
    .subarray(0, bytes.lastIndexOf(0x0a) + 1)
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => (JSON.parse(line) as { readonly metadata: { readonly eventId: string } }).metadata.eventId);

const randomInt = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));

describe('journal crash safety', () => {
  it(
    'journal survives crash: every acknowledged append is there after SIGKILL',
    async () => {
      expect(Number.isInteger(ROUNDS) && ROUNDS > 0).toBe(true);
      const dir = await newDir();
      const file = join(dir, 'journal.ndjson');
      const acknowledged: string[] = [];
      let leftTorn: Buffer | undefined;
      for (let round = 0; round < ROUNDS; round++) {
        const where = `round ${String(round)}`;
        const child = startFixture('append-loop.ts', [file, `r${String(round)}`]);
        expect(await child.firstLine, where).toBe('ready');
        if (leftTorn !== undefined) {
          // the child, a writer, found the torn line left for it, saved it aside and cut it off
          const saved = await Promise.all(
            (await readdir(dir)).filter((name) => name.startsWith('journal.ndjson.torn-line-')).map((name) => readFile(join(dir, name))),
          );
          expect(saved.some((bytes) => bytes.equals(leftTorn!)), where).toBe(true);
        }
        await sleep(randomInt(20, 200));
        child.child.kill('SIGKILL');
        const outcome = await child.ended;
        expect(outcome.signal, `${where}: ${outcome.stderr}`).toBe('SIGKILL');
        acknowledged.push(...ackedIds(outcome.stdout));

        // the child is dead and reaped: a writer takes its lock over and cuts a torn line off
        const raw = await readFile(file);
        const completeBytes = raw.lastIndexOf(0x0a) + 1;
        const lines = countNewlines(raw);
        const store = await openJournalOrThrow(file);
        expect(store.recovery, where).toMatchObject({ lines, completeBytes });
        if (completeBytes < raw.length) {
          expect(store.recovery.tornTail, where).toEqual({ line: lines + 1, bytes: raw.length - completeBytes });
          expect((await readFile(store.recovery.tornTailSavedTo!)).equals(raw.subarray(completeBytes)), where).toBe(true);
        } else {
          expect(store.recovery.tornTail, where).toBeUndefined();
        }
        const ids = (await readAllEvents(store)).map((event) => event.metadata.eventId);
        await store.close();

        // nothing but the complete lines, each event once, every acknowledged one present, in order
        expect(ids, where).toEqual(idsOfCompleteLines(raw));
        expect(new Set(ids).size, where).toBe(ids.length);
        const present = new Set(ids);
        expect(acknowledged.filter((id) => !present.has(id)), where).toEqual([]);
        const ackedSet = new Set(acknowledged);
        expect(ids.filter((id) => ackedSet.has(id)), where).toEqual(acknowledged);

        // what is left on disk is a whole, valid chain
        expect((await readFile(file)).equals(raw.subarray(0, completeBytes)), where).toBe(true);
        expect(rightOrThrow(await readJournalFile(file)).summary, where).toMatchObject({ lines, tornTail: undefined });

        // a SIGKILL rarely lands inside a write: every other round, leave the next child a torn
        // line, as a kill in the middle of a write would, cut at a random byte (maybe inside a character)
        leftTorn = undefined;
        if (round % 2 === 0 && completeBytes > 0) {
          const lastLine = raw.subarray(raw.lastIndexOf(0x0a, completeBytes - 2) + 1, completeBytes - 1);
          leftTorn = Buffer.from(lastLine.subarray(0, randomInt(1, lastLine.length)));
          await appendFile(file, leftTorn);
        }
      }
      expect(acknowledged.length).toBeGreaterThan(0);
    },
    10_000 + ROUNDS * 5_000,
  );
});
