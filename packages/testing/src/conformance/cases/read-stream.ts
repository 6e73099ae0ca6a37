import type { ReadStreamOptions } from '@borough-command/domain/eventsourcing';
import { itemAdded, numberedItems, type ConformanceEvent } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual, mustFailWith } from '../expectations.js';
import { appendOk, ensureStrictlyIncreasingPositions, readStreamOk } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'reading a stream';

/** Writes `count` numbered events (sku `r-<n>`, quantity n) to a new stream in batches of `batch`. */
const writeNumbered = async (context: ConformanceContext, name: string, count: number, batch: number): Promise<void> => {
  let expected: 'no_stream' | bigint = 'no_stream';
  for (let first = 0; first < count; first += batch) {
    const events = context.command(numberedItems('r', first, Math.min(batch, count - first)));
    expected = (await appendOk(context.store, name, events, expected, `writing ${name} in batches of ${String(batch)}`)).nextExpectedRevision;
  }
};

/** Reads with options and checks the revisions returned, in order. */
const expectRevisions = async (context: ConformanceContext, name: string, options: ReadStreamOptions, revisions: readonly number[]): Promise<void> => {
  const guarantee = `readStream(${show(options)}) returns revisions ${show(revisions)} of a ${name.slice(context.prefix.length)} stream`;
  const read = await readStreamOk(context.store, name, options, guarantee);
  ensureEqual(
    read.map((e) => e.revision),
    revisions.map((r) => BigInt(r)),
    guarantee,
  );
  ensureEqual(
    read.map((e) => e.event),
    revisions.map((r) => itemAdded(`r-${String(r)}`, r)),
    `${guarantee} with the data written at those revisions`,
  );
};

/** Checks the full content of one event read back from the large stream. */
const checkLargeEvent = (event: { readonly revision: bigint; readonly event: ConformanceEvent }, revision: number): void => {
  ensure(
    event.revision === BigInt(revision) && event.event.type === 'ItemAdded' && event.event.data.sku === `r-${String(revision)}` && event.event.data.quantity === revision,
    'a 10,000-event stream reads back whole and in order',
    () => `expected revision ${String(revision)} (sku r-${String(revision)}, quantity ${String(revision)}) but read ${show(event)}`,
  );
};

const LARGE = 10_000;

/** Reading one stream: missing streams, empty ranges, directions and ranges (the large stream is `largeStreamCases`). */
export const readStreamCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'a stream never written is StreamNotFound, a range past its end is []', async (context) => {
    const missing = context.stream('never-written');
    const error = mustFailWith(await context.store.readStream(missing)(), 'StreamNotFound', 'reading a stream that was never written fails with StreamNotFound');
    ensureEqual(error.stream, missing, 'StreamNotFound names the stream');
    mustFailWith(await context.store.readStream(missing, { direction: 'backwards' })(), 'StreamNotFound', 'reading a missing stream backwards fails with StreamNotFound');
    const name = context.stream('short');
    await writeNumbered(context, name, 3, 3);
    await expectRevisions(context, name, { fromRevision: 3n }, []);
    await expectRevisions(context, name, { fromRevision: 50n, maxCount: 10 }, []);
    await expectRevisions(context, name, { fromRevision: 'end' }, []);
  }),
  conformanceCase(GROUP, 'reads forwards from a revision with maxCount', async (context) => {
    const name = context.stream('forwards');
    await writeNumbered(context, name, 10, 4);
    await expectRevisions(context, name, {}, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expectRevisions(context, name, { direction: 'forwards', fromRevision: 'start', maxCount: 2 }, [0, 1]);
    await expectRevisions(context, name, { fromRevision: 4n, maxCount: 3 }, [4, 5, 6]);
    await expectRevisions(context, name, { fromRevision: 8n, maxCount: 5 }, [8, 9]);
    await expectRevisions(context, name, { fromRevision: 9n }, [9]);
  }),
  conformanceCase(GROUP, 'reads backwards from the end or a revision, with maxCount', async (context) => {
    const name = context.stream('backwards');
    await writeNumbered(context, name, 10, 3);
    await expectRevisions(context, name, { direction: 'backwards' }, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    await expectRevisions(context, name, { direction: 'backwards', fromRevision: 'end', maxCount: 2 }, [9, 8]);
    await expectRevisions(context, name, { direction: 'backwards', fromRevision: 6n, maxCount: 3 }, [6, 5, 4]);
    await expectRevisions(context, name, { direction: 'backwards', fromRevision: 1n, maxCount: 5 }, [1, 0]);
    await expectRevisions(context, name, { direction: 'backwards', fromRevision: 'start' }, [0]);
  }),
];

/**
 * The large stream, registered after every other case: a store that keeps one log for all
 * streams (EventStoreDB's `$all`) then holds its 10,000 events only for the cases after it.
 */
export const largeStreamCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'a 10,000-event stream written in several appends reads back whole, page by page', async (context) => {
    const guarantee = 'a 10,000-event stream reads back whole and in order';
    const name = context.stream('large');
    await writeNumbered(context, name, LARGE, 1_250);
    const page = 700;
    let revision = 0;
    let previousPosition: bigint | undefined;
    for (;;) {
      const read = await readStreamOk(context.store, name, { fromRevision: BigInt(revision), maxCount: page }, guarantee);
      ensure(read.length <= page, guarantee, () => `a read with maxCount ${String(page)} returned ${String(read.length)} events`);
      if (read.length === 0) break;
      for (const event of read) {
        checkLargeEvent(event, revision);
        ensure(previousPosition === undefined || event.position > previousPosition, guarantee, () => `position of revision ${String(revision)} does not grow`);
        previousPosition = event.position;
        revision++;
      }
    }
    ensureEqual(revision, LARGE, `${guarantee}: forwards pages cover every revision`);
    let down = LARGE - 1;
    let from: bigint | 'end' = 'end';
    while (down >= 0) {
      const read = await readStreamOk(context.store, name, { direction: 'backwards', fromRevision: from, maxCount: 999 }, guarantee);
      ensure(read.length > 0, guarantee, () => `a backwards read from ${String(from)} returned nothing with ${String(down + 1)} events left`);
      for (const event of read) checkLargeEvent(event, down--);
      from = BigInt(down);
    }
    const whole = await readStreamOk(context.store, name, undefined, guarantee);
    ensureEqual(whole.length, LARGE, `${guarantee}: one read without maxCount returns every event`);
    ensureStrictlyIncreasingPositions(whole, guarantee);
  }),
];
