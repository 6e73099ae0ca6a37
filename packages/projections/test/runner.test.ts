import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  catchUp,
  createFileCheckpointStore,
  createInMemoryCheckpointStore,
  createViews,
  eventsBehind,
  projectionsOf,
  startRunner,
  type Projection,
} from '../src/index.js';
import { allEvents, countingPages, deliveringTwice, failingToDecodeAt } from './support/stores.js';
import { rebuilt, settle, snapshotsOf } from './support/views.js';
import { createWorld, worldPolicy, type Step, type World } from './support/world.js';

const story: readonly Step[] = [
  {
    days: 10,
    action: { kind: 'appoint', borough: 0, candidate: 0, consultLocalAuthority: true, declineFirst: true, commit: true, abandonAfter: null, startDelay: 14 },
  },
  { days: 30, action: { kind: 'assess', unit: 0, partners: [0, 2] } },
  {
    days: 5,
    action: { kind: 'appoint', borough: 1, candidate: 2, consultLocalAuthority: true, declineFirst: false, commit: true, abandonAfter: null, startDelay: 0 },
  },
  { days: 200, action: { kind: 'end', borough: 0, reason: 'promotion', approved: false } },
  { days: 3, action: { kind: 'act', borough: 0, officer: 1 } },
];

const later: readonly Step[] = [
  { days: 100, action: { kind: 'goLive', pair: 0 } },
  { days: 50, action: { kind: 'rededicate', pair: 0 } },
  { days: 20, action: { kind: 'assess', unit: 4, partners: [] } },
];

const worldWith = async (steps: readonly Step[]): Promise<World> => {
  const world = createWorld();
  for (const step of steps) await world.perform(step);
  return world;
};

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'borough-command-projections-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the projection runner', () => {
  it('applies the history, reports CaughtUp, follows live events and stops with a summary', async () => {
    const world = await worldWith(story);
    const history = await allEvents(world.store);
    const views = createViews(worldPolicy);
    const runner = startRunner({ store: world.store, projections: projectionsOf(views), pageSize: 7 });
    const caughtUp = await runner.caughtUp();
    expect(caughtUp).toEqual(E.right({ resumedAfter: undefined, delivered: history.length, position: history.at(-1)?.position }));

    for (const step of later) await world.perform(step);
    const everything = await allEvents(world.store);
    const last = everything.at(-1)?.position;
    expect(await settle(() => views.tenure.position() === last)).toBe(true);
    expect(snapshotsOf(views)).toEqual(snapshotsOf(await rebuilt(world.store)));

    expect(await runner.stop()).toEqual(E.right({ resumedAfter: undefined, delivered: everything.length, position: last }));
  });

  it('resumes after the checkpoint saved in a file when it restarts, with fresh views', async () => {
    const world = await worldWith(story);
    const checkpoints = createFileCheckpointStore(join(directory, 'views.json'));
    const first = startRunner({ store: world.store, projections: projectionsOf(createViews(worldPolicy)), checkpoints });
    const firstRun = await first.caughtUp();
    await first.stop();
    const stoppedAt = E.isRight(firstRun) ? firstRun.right.position : undefined;

    for (const step of later) await world.perform(step);
    const added = (await allEvents(world.store)).filter((event) => stoppedAt !== undefined && event.position > stoppedAt);
    expect(added.length).toBeGreaterThan(0);

    const views = createViews(worldPolicy);
    const second = startRunner({ store: world.store, projections: projectionsOf(views), checkpoints });
    const secondRun = await second.caughtUp();
    await second.stop();
    expect(secondRun).toEqual(E.right({ resumedAfter: stoppedAt, delivered: added.length, position: added.at(-1)?.position }));
    expect(snapshotsOf(views)).toEqual(snapshotsOf(await rebuilt(world.store)));
  });

  it('changes nothing when the store delivers every event twice', async () => {
    const world = await worldWith([...story, ...later]);
    const twice = deliveringTwice(world.store);
    const caughtUpViews = createViews(worldPolicy);
    expect(E.isRight(await catchUp({ store: twice, projections: projectionsOf(caughtUpViews), pageSize: 5 })())).toBe(true);
    const followingViews = createViews(worldPolicy);
    const runner = startRunner({ store: twice, projections: projectionsOf(followingViews), pageSize: 5 });
    await runner.caughtUp();
    await runner.stop();
    const expected = snapshotsOf(await rebuilt(world.store));
    expect(snapshotsOf(caughtUpViews)).toEqual(expected);
    expect(snapshotsOf(followingViews)).toEqual(expected);
  });

  it('reads the history page by page, never more than a page at once', async () => {
    const world = await worldWith([...story, ...later]);
    const counted = countingPages(world.store);
    const history = await allEvents(world.store);
    const result = await catchUp({ store: counted.store, projections: projectionsOf(createViews(worldPolicy)), pageSize: 4 })();
    expect(E.isRight(result) && result.right.delivered).toBe(history.length);
    expect(counted.pages.largest).toBeLessThanOrEqual(4);
    expect(counted.pages.count).toBeGreaterThanOrEqual(Math.ceil(history.length / 4));
  });

  it('stops on an event that cannot be decoded, with a message naming its stream and revision', async () => {
    const world = await worldWith(story);
    const history = await allEvents(world.store);
    const broken = history.find((event) => event.event.type === 'PostingStarted');
    if (broken === undefined) throw new Error('the story starts a posting');
    const store = failingToDecodeAt(world.store, broken.position);
    const views = createViews(worldPolicy);
    const runner = startRunner({ store, projections: projectionsOf(views), checkpoints: createInMemoryCheckpointStore() });
    const done = await runner.done;
    expect(E.isLeft(done) && done.left._tag).toBe('StoreFailed');
    const message = E.isLeft(done) ? done.left.message : '';
    expect(message).toContain(`stream '${broken.stream}' at revision ${broken.revision.toString()}`);
    expect(message).toContain('data.start');
    expect(views.tenure.position()).toBeLessThan(broken.position);
    expect(await runner.caughtUp()).toEqual(done);
  });

  it('stops with a store error when the store is closed under it', async () => {
    const world = await worldWith(story);
    const runner = startRunner({ store: world.store, projections: projectionsOf(createViews(worldPolicy)) });
    await runner.caughtUp();
    await world.store.close();
    const done = await runner.done;
    expect(E.isLeft(done) && done.left._tag === 'StoreFailed' && done.left.error._tag).toBe('StoreClosed');
  });

  it('stops with CheckpointFailed on a checkpoint file that is not JSON', async () => {
    const world = await worldWith(story);
    const path = join(directory, 'views.json');
    await writeFile(path, '{"format": 1, "posit');
    const done = await startRunner({ store: world.store, projections: projectionsOf(createViews(worldPolicy)), checkpoints: createFileCheckpointStore(path) })
      .done;
    expect(E.isLeft(done) && done.left._tag).toBe('CheckpointFailed');
    expect(E.isLeft(done) && done.left.message).toContain(path);
  });

  it('stops with SnapshotNotRestored when a view\'s snapshot in the checkpoint does not fit it', async () => {
    const world = await worldWith(story);
    const checkpoints = createInMemoryCheckpointStore();
    await checkpoints.save({ format: 1, position: '3', views: { 'TE-1 tenure': { view: 'TE-1 tenure', format: 1, position: '3', state: { units: 'x' } } } })();
    const done = await catchUp({ store: world.store, projections: projectionsOf(createViews(worldPolicy)), checkpoints })();
    expect(E.isLeft(done) && done.left._tag).toBe('SnapshotNotRestored');
    expect(E.isLeft(done) && done.left.message).toContain("view 'TE-1 tenure'");
  });

  it('stops with ProjectionFailed naming the view, stream and revision when a view throws', async () => {
    const world = await worldWith(story);
    const history = await allEvents(world.store);
    const third = history[2];
    const thrown = new Error('bug');
    const faulty: Projection = {
      ...createViews(worldPolicy).tenure,
      name: 'faulty',
      apply: (envelope) => {
        if (envelope.position === third?.position) throw thrown;
      },
    };
    const done = await catchUp({ store: world.store, projections: [faulty] })();
    expect(done).toEqual(
      E.left({
        _tag: 'ProjectionFailed',
        view: 'faulty',
        stream: third?.stream,
        revision: third?.revision,
        position: third?.position,
        reason: 'bug',
        message: `view 'faulty' failed on stream '${String(third?.stream)}' at revision ${String(third?.revision)}: bug`,
        cause: thrown,
      }),
    );
    expect(E.isLeft(done) && done.left._tag === 'ProjectionFailed' && done.left.cause).toBe(thrown);
  });

  it('reads back the events a figure cites, to answer "why does it say that?"', async () => {
    const world = await worldWith(story);
    const views = await rebuilt(world.store);
    const [first] = views.tenure.tenureOf({ kind: 'borough', name: 'Camden' }).postings;
    const cited = await eventsBehind(world.store, first?.sources ?? [])();
    expect(E.isRight(cited) && cited.right.map((event) => event.event.type)).toEqual(['PostingStarted', 'PostingEnded', 'MinimumTermBreached']);
    const missing = await eventsBehind(world.store, [{ eventId: 'nope', position: 1n, stream: first?.sources[0]?.stream ?? '', revision: 0n }])();
    expect(E.isLeft(missing) && missing.left._tag).toBe('CitedEventMissing');
  });

  it('leaves no temporary file beside the checkpoint', async () => {
    const world = await worldWith(story);
    const checkpoints = createFileCheckpointStore(join(directory, 'views.json'));
    const result = await catchUp({ store: world.store, projections: projectionsOf(createViews(worldPolicy)), checkpoints, checkpointEvery: 3, pageSize: 3 })();
    expect(E.isRight(result)).toBe(true);
    expect(await readdir(directory)).toEqual(['views.json']);
  });
});
