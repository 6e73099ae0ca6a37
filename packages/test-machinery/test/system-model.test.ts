import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  appointmentStartsPosting,
  bcuCommanderNamed,
  bcuCommanderTakesCommand,
  domainEventRegistry,
  processManagers,
  restructureEndsPostings,
  type DomainEvent,
  type ProcessManager,
} from '@borough-command/domain';
import { createInMemoryStore, describeStoreError, openJournalStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBoroughCommandModel } from '../src/index.js';

/** Every process manager of the domain but one. */
const allBut = (missing: ProcessManager): readonly ProcessManager[] => processManagers.filter((manager) => manager !== missing);

const inMemory = (): Promise<EventStore<DomainEvent>> => Promise.resolve(createInMemoryStore(domainEventRegistry));

let directory: string;
let journals = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'system-model-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const journal = async (): Promise<EventStore<DomainEvent>> => {
  const opened = await openJournalStore(domainEventRegistry, { file: join(directory, `journal-${String(journals++)}.ndjson`) })();
  if (E.isLeft(opened)) throw new Error(describeStoreError(opened.left));
  return opened.right;
};

/** A store that acknowledges the end of a posting but loses it. */
const losingEnds = async (): Promise<EventStore<DomainEvent>> => {
  const store = await inMemory();
  return {
    ...store,
    appendToStream: (stream, events, expected) =>
      events.every((event) => event.event.type === 'PostingEnded')
        ? () =>
            Promise.resolve(
              E.right({
                nextExpectedRevision: (typeof expected === 'bigint' ? expected : -1n) + BigInt(events.length),
                position: 0n,
                written: events.length,
              }),
            )
        : store.appendToStream(stream, events, expected),
  };
};

describe('the model of who commands what', () => {
  it('model: random commands through the service on the in-memory store keep postings, BCUs and the views (rebuilt and followed) as the model says', async () => {
    const report = await checkBoroughCommandModel({ open: inMemory, numRuns: 60 });
    for (const kind of ['start posting', 'end posting', 'assess', 'appoint', 'go live', 'dissolve']) {
      expect(report.steps[kind]?.accepted, `${kind} accepted`).toBeGreaterThan(0);
      expect(report.steps[kind]?.refused, `${kind} refused`).toBeGreaterThan(0);
    }
    expect(report.steps['propose overlapping BCU']?.refused).toBeGreaterThan(0);
  });

  it('model: the same on the journal store', async () => {
    const report = await checkBoroughCommandModel({ open: journal, numRuns: 10 });
    expect(report.numRuns).toBe(10);
  });

  it('model: AP-12 caught missing: without the process manager a confirmed appointment starts no posting', async () => {
    await expect(
      checkBoroughCommandModel({ open: inMemory, numRuns: 50, views: 'none', processManagers: allBut(appointmentStartsPosting) }),
    ).rejects.toThrow(/started no posting \(AP-12\)/);
  });

  it('model: PO-6 caught missing: without the process manager a BCU going live or dissolved leaves postings running', async () => {
    await expect(
      checkBoroughCommandModel({ open: inMemory, numRuns: 100, views: 'none', processManagers: allBut(restructureEndsPostings) }),
    ).rejects.toThrow(/Counterexample: \[.*goLive\(.*(did not all end|the substantive bcu-commander of Central)/s);
  });

  it('model: RS-4 caught missing: without the process managers a BCU commander named has no designate posting, or it never takes command', async () => {
    await expect(
      checkBoroughCommandModel({ open: inMemory, numRuns: 100, views: 'none', processManagers: allBut(bcuCommanderNamed) }),
    ).rejects.toThrow(/Counterexample: \[.*goLive\(.*the posting started by naming the commander of Central/s);
    await expect(
      checkBoroughCommandModel({ open: inMemory, numRuns: 100, views: 'none', processManagers: allBut(bcuCommanderTakesCommand) }),
    ).rejects.toThrow(/Counterexample: \[.*goLive\(.*the commands taken up when Central/s);
  });

  it('model: caught, a store that acknowledges the end of a posting and loses it', async () => {
    await expect(checkBoroughCommandModel({ open: losingEnds, numRuns: 100, views: 'rebuilt' })).rejects.toThrow(/the system breaks the model/);
  });

  it('model: a failure is replayed from the seed, path and replay path fast-check reports', async () => {
    const broken = { open: inMemory, numRuns: 50, views: 'none' as const, processManagers: allBut(appointmentStartsPosting) };
    const failure = await checkBoroughCommandModel(broken).then(
      () => '',
      (error: unknown) => String(error),
    );
    const seed = /seed: (-?\d+)/.exec(failure)?.[1];
    const path = /path: "([^"]+)"/.exec(failure)?.[1];
    expect(seed).toBeDefined();
    expect(path).toBeDefined();
    const counterexample = /Counterexample: (.*)/.exec(failure)?.[1];
    const replayPath = /replayPath="([^"]+)"/.exec(failure)?.[1];
    expect(replayPath).toBeDefined();
    const replayed = await checkBoroughCommandModel({ ...broken, seed: Number(seed), path: path ?? '', replayPath: replayPath ?? '' }).then(
      () => '',
      (error: unknown) => String(error),
    );
    expect(/Counterexample: (.*)/.exec(replayed)?.[1]).toBe(counterexample);
  });
});
