import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint } from '@borough-command/domain/eventsourcing';
import { createFileCheckpointStore, createInMemoryCheckpointStore } from '../src/index.js';

const checkpoint = (position: string): Checkpoint => ({
  format: 1,
  position,
  views: { 'TE-1 tenure': { view: 'TE-1 tenure', format: 1, position, state: { units: [], memberships: [] } } },
});

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'borough-command-checkpoints-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('checkpoint stores', () => {
  it('a file store has no checkpoint before the first save, then the last one saved', async () => {
    const store = createFileCheckpointStore(join(directory, 'views.json'));
    expect(await store.load()()).toEqual(E.right(undefined));
    expect(await store.save(checkpoint('12'))()).toEqual(E.right(undefined));
    expect(await store.save(checkpoint('40'))()).toEqual(E.right(undefined));
    expect(await store.load()()).toEqual(E.right(checkpoint('40')));
    expect(await readdir(directory)).toEqual(['views.json']);
  });

  it('a torn temporary file left by a crashed save does not change the checkpoint', async () => {
    const path = join(directory, 'views.json');
    const store = createFileCheckpointStore(path);
    await store.save(checkpoint('12'))();
    await writeFile(`${path}.4242.7.tmp`, '{"format":1,"position":"99","vie');
    expect(await store.load()()).toEqual(E.right(checkpoint('12')));
  });

  it('a file that is not a checkpoint is CheckpointCorrupt, naming the file', async () => {
    const path = join(directory, 'views.json');
    const store = createFileCheckpointStore(path);
    await writeFile(path, 'not json');
    const notJson = await store.load()();
    expect(E.isLeft(notJson) && notJson.left._tag).toBe('CheckpointCorrupt');
    expect(E.isLeft(notJson) && notJson.left.message).toContain(path);
    await writeFile(path, JSON.stringify({ format: 2, position: null, views: {} }));
    const otherFormat = await store.load()();
    expect(E.isLeft(otherFormat) && otherFormat.left.reason).toBe('format 2 is not 1');
    await writeFile(path, JSON.stringify({ format: 1, position: -3, views: {} }));
    const badPosition = await store.load()();
    expect(E.isLeft(badPosition) && badPosition.left.reason).toContain("'position'");
  });

  it('a file store that cannot write is CheckpointUnwritable and leaves nothing behind', async () => {
    const store = createFileCheckpointStore(join(directory, 'missing', 'views.json'));
    const saved = await store.save(checkpoint('1'))();
    expect(E.isLeft(saved) && saved.left._tag).toBe('CheckpointUnwritable');
    expect(await readdir(directory)).toEqual([]);
  });

  it('a file store that cannot read is CheckpointUnreadable', async () => {
    const loaded = await createFileCheckpointStore(directory).load()();
    expect(E.isLeft(loaded) && loaded.left._tag).toBe('CheckpointUnreadable');
  });

  it('the in-memory store keeps a JSON copy, not the object it was given', async () => {
    const store = createInMemoryCheckpointStore();
    const saved = { format: 1, position: '5', views: { a: { n: 1 } } };
    await store.save(saved)();
    saved.views.a.n = 2;
    expect(await store.load()()).toEqual(E.right({ format: 1, position: '5', views: { a: { n: 1 } } }));
    expect(store.saves()).toBe(1);
  });
});
