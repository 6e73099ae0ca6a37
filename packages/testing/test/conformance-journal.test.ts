import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, openJournalStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, expect, it } from 'vitest';
import type { ConformanceEvent } from '../src/index.js';
import { describeEventStoreConformance } from '../src/vitest.js';

const root = await mkdtemp(join(tmpdir(), 'conformance-journal-'));
const directories = new Map<EventStore<ConformanceEvent>, string>();
let opened = 0;

describeEventStoreConformance({
  name: 'journal',
  open: async (registry) => {
    const directory = await mkdtemp(join(root, `store-${String(opened++)}-`));
    const store = await openJournalStore(registry, { file: join(directory, 'journal.ndjson') })();
    if (E.isLeft(store)) throw new Error(`cannot open a journal store: ${describeStoreError(store.left)}`);
    directories.set(store.right, directory);
    return store.right;
  },
  close: async (store) => {
    await store.close();
    const directory = directories.get(store);
    directories.delete(store);
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  },
});

it('conformance: journal leaves no temp files behind', async () => {
  expect(directories.size).toBe(0);
  expect(await readdir(root)).toEqual([]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
