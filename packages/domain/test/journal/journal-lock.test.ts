import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreError } from '../../src/eventsourcing/errors.js';
import { killRunningFixtures, startFixture } from './fixtures/child-process.js';
import { leftOrThrow, noted, rightOrThrow } from './fixtures/journal-fixture.js';
import { journalLines, openJournal, openJournalOrThrow, readAllEvents, useTempDirs } from './journal-test-kit.js';

const newDir = useTempDirs('journal-lock');
// registered after the temp-dir cleanup, so it runs before it: children die before their files go
afterEach(killRunningFixtures);

/** The pid of a process that has run and exited (and been reaped), so no process has it now. */
const deadPid = (): number => {
  const done = spawnSync(process.execPath, ['-e', '']);
  return done.pid;
};

const lockedBy = (error: StoreError): string => {
  if (error._tag !== 'JournalLocked') throw new Error(`expected JournalLocked, got ${error._tag}`);
  return error.holder;
};

interface OpenWriterReport {
  readonly pid: number;
  readonly opened: boolean;
  readonly error?: StoreError;
}

describe('journal lock: one writer at a time', () => {
  it('refuses a second writer in the same process, and lets it in once the first closes', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const first = await openJournalOrThrow(file);
    rightOrThrow(await first.appendToStream('ledger-a', [noted('c1', 'one', 1)], 'no_stream')());

    const second = leftOrThrow(await openJournal(file));
    expect(second).toMatchObject({ _tag: 'JournalLocked', file });
    expect(lockedBy(second)).toContain(`process ${String(process.pid)}`);
    // readers need no lock
    const reader = await openJournalOrThrow(file, { readOnly: true });
    expect(await readAllEvents(reader)).toHaveLength(1);
    await reader.close();
    // the refused writer did not break the lock of the first
    rightOrThrow(await first.appendToStream('ledger-a', [noted('c2', 'two', 2)], 0n)());
    await first.close();

    const third = await openJournalOrThrow(file);
    rightOrThrow(await third.appendToStream('ledger-a', [noted('c3', 'three', 3)], 1n)());
    await third.close();
    expect(await journalLines(file)).toHaveLength(3);
  });

  it('refuses a writer in another process while this process holds the journal', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const holder = await openJournalOrThrow(file);
    const child = startFixture('open-writer.ts', [file, 'try']);
    const report = JSON.parse(await child.firstLine) as OpenWriterReport;
    expect((await child.ended).code).toBe(0);
    expect(report.opened).toBe(false);
    expect(report.error).toMatchObject({ _tag: 'JournalLocked', file, holder: `process ${String(process.pid)} on ${hostname()}` });
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${String(process.pid)}\n${hostname()}\n`);
    rightOrThrow(await holder.appendToStream('ledger-a', [noted('c1', 'still mine', 1)], 'no_stream')());
    await holder.close();
  }, 20_000);

  it('is refused while another process holds the journal, and takes the lock over once that process is killed', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const child = startFixture('open-writer.ts', [file, 'hold']);
    const report = JSON.parse(await child.firstLine) as OpenWriterReport;
    expect(report.opened).toBe(true);

    expect(lockedBy(leftOrThrow(await openJournal(file)))).toBe(`process ${String(report.pid)} on ${hostname()}`);

    child.child.kill('SIGKILL');
    expect((await child.ended).signal).toBe('SIGKILL');
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${String(report.pid)}\n${hostname()}\n`);
    const store = await openJournalOrThrow(file);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${String(process.pid)}\n${hostname()}\n`);
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'taken over', 1)], 'no_stream')());
    await store.close();
  }, 20_000);

  it('takes over a stale lock file holding the pid of a dead process on this host', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeFile(`${file}.lock`, `${String(deadPid())}\n${hostname()}\n`);
    const store = await openJournalOrThrow(file);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${String(process.pid)}\n${hostname()}\n`);
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'mine now', 1)], 'no_stream')());
    await store.close();
  });

  it('takes over a stale lock whose taker-over died while taking it over (its .breaking file holds a dead pid)', async () => {
    const dir = await newDir();
    const file = join(dir, 'journal.ndjson');
    await writeFile(`${file}.lock`, `${String(deadPid())}\n${hostname()}\n`);
    await writeFile(`${file}.lock.breaking`, `${String(deadPid())}\n${hostname()}\n`);
    const store = await openJournalOrThrow(file);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${String(process.pid)}\n${hostname()}\n`);
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'mine now', 1)], 'no_stream')());
    await store.close();
    expect(await readdir(dir)).toEqual(['journal.ndjson']);
  });

  it('waits for a live taker-over of a stale lock: refused, naming the process taking over and its .breaking file', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const stale = `${String(deadPid())}\n${hostname()}\n`;
    await writeFile(`${file}.lock`, stale);
    await writeFile(`${file}.lock.breaking`, `${String(process.ppid)}\n${hostname()}\n`);
    const holder = lockedBy(leftOrThrow(await openJournal(file)));
    expect(holder).toContain(`process ${String(process.ppid)} on ${hostname()}, taking over its stale lock`);
    expect(holder).toContain(`${file}.lock.breaking`);
    // nothing of the taker-over's was touched
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(stale);
    expect(await readFile(`${file}.lock.breaking`, 'utf8')).toBe(`${String(process.ppid)}\n${hostname()}\n`);
  });

  it('gives exactly one of several writers racing for a stale lock the journal', async () => {
    const dir = await newDir();
    const pid = deadPid();
    for (let round = 0; round < 10; round++) {
      const file = join(dir, `journal-${String(round)}.ndjson`);
      await writeFile(`${file}.lock`, `${String(pid)}\n${hostname()}\n`);
      const attempts = await Promise.all(Array.from({ length: 6 }, () => openJournal(file)));
      const winners = attempts.flatMap((attempt) => (attempt._tag === 'Right' ? [attempt.right] : []));
      const losers = attempts.flatMap((attempt) => (attempt._tag === 'Left' ? [attempt.left._tag] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toEqual(Array.from({ length: 5 }, () => 'JournalLocked'));
      await Promise.all(winners.map((store) => store.close()));
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('never takes over a lock of a live process or of another host', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeFile(`${file}.lock`, `${String(process.ppid)}\n${hostname()}\n`);
    expect(lockedBy(leftOrThrow(await openJournal(file)))).toBe(`process ${String(process.ppid)} on ${hostname()}`);
    await writeFile(`${file}.lock`, `${String(deadPid())}\nanother-host.example\n`);
    expect(lockedBy(leftOrThrow(await openJournal(file)))).toContain('on another-host.example');
  });
});
