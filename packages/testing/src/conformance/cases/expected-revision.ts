import { showExpectedRevision, type ExpectedRevision, type StreamRevision } from '@borough-command/domain/eventsourcing';
import * as E from 'fp-ts/lib/Either.js';
import { numberedItems } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensureEqual, mustFailWith, mustSucceed } from '../expectations.js';
import { appendOk, idsOf, readStreamOk } from '../reading.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'expected revision';

/** Writes `count` events to a new stream and returns the event ids written. */
const seed = async (context: ConformanceContext, name: string, count: number): Promise<readonly string[]> => {
  const events = context.command(numberedItems('seed', 0, count));
  await appendOk(context.store, name, events, 'no_stream', `seeding ${name} with ${String(count)} events`);
  return idsOf(events);
};

/** Appends with the given expectation and checks the typed conflict and that nothing was written. */
const expectConflict = async (
  context: ConformanceContext,
  name: string,
  expected: ExpectedRevision,
  actual: StreamRevision,
  idsBefore: readonly string[] | 'no_stream',
): Promise<void> => {
  const guarantee = `an append expecting ${showExpectedRevision(expected)} to a stream at ${showExpectedRevision(actual)} fails with WrongExpectedRevision`;
  const result = await context.append(name, numberedItems('refused', 0, 2), expected);
  const error = mustFailWith(result, 'WrongExpectedRevision', guarantee);
  ensureEqual(
    { stream: error.stream, expected: error.expected, actual: error.actual },
    { stream: name, expected, actual },
    `${guarantee} carrying the stream, the expected and the actual revision`,
  );
  const after = await context.store.readStream(name)();
  if (idsBefore === 'no_stream') {
    mustFailWith(after, 'StreamNotFound', 'a refused append does not create the stream');
  } else {
    ensureEqual(idsOf(mustSucceed(after, 'a refused append leaves the stream readable')), idsBefore, 'a refused append writes nothing');
  }
};

/** Appends with the given expectation and checks it succeeded and landed after `idsBefore`. */
const expectAccepted = async (context: ConformanceContext, name: string, expected: ExpectedRevision, idsBefore: readonly string[]): Promise<void> => {
  const guarantee = `an append expecting ${showExpectedRevision(expected)} to a stream holding ${String(idsBefore.length)} events succeeds`;
  const events = context.command(numberedItems('accepted', 0, 2));
  const result = await appendOk(context.store, name, events, expected, guarantee);
  const next = BigInt(idsBefore.length + 1);
  ensureEqual({ nextExpectedRevision: result.nextExpectedRevision, written: result.written }, { nextExpectedRevision: next, written: 2 }, `${guarantee} and reports the new last revision and 2 written`);
  ensureEqual(idsOf(await readStreamOk(context.store, name, undefined, guarantee)), [...idsBefore, ...idsOf(events)], `${guarantee} and the events land at the end of the stream`);
};

/** The four expected-revision kinds, each accepted where it holds and refused with a typed conflict where not. */
export const expectedRevisionCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'no_stream: creates a new stream', async (context) => {
    await expectAccepted(context, context.stream('new'), 'no_stream', []);
  }),
  conformanceCase(GROUP, 'no_stream: refuses an existing stream with WrongExpectedRevision', async (context) => {
    const name = context.stream('existing');
    const ids = await seed(context, name, 2);
    await expectConflict(context, name, 'no_stream', 1n, ids);
  }),
  conformanceCase(GROUP, 'any: appends to a new stream and to an existing one', async (context) => {
    const name = context.stream('anything');
    await expectAccepted(context, name, 'any', []);
    const ids = idsOf(await readStreamOk(context.store, name, undefined, 'reading back'));
    await expectAccepted(context, name, 'any', ids);
  }),
  conformanceCase(GROUP, 'stream_exists: appends to an existing stream', async (context) => {
    const name = context.stream('existing');
    const ids = await seed(context, name, 1);
    await expectAccepted(context, name, 'stream_exists', ids);
  }),
  conformanceCase(GROUP, 'stream_exists: refuses a missing stream with WrongExpectedRevision', async (context) => {
    await expectConflict(context, context.stream('missing'), 'stream_exists', 'no_stream', 'no_stream');
  }),
  conformanceCase(GROUP, 'exact revision: appends when the stream is at that revision', async (context) => {
    const name = context.stream('exact');
    const ids = await seed(context, name, 3);
    await expectAccepted(context, name, 2n, ids);
  }),
  conformanceCase(GROUP, 'exact revision: refuses a stale revision with WrongExpectedRevision', async (context) => {
    const name = context.stream('stale');
    const ids = await seed(context, name, 3);
    await expectConflict(context, name, 0n, 2n, ids);
    await expectConflict(context, name, 1n, 2n, ids);
  }),
  conformanceCase(GROUP, 'exact revision: refuses a revision beyond the stream with WrongExpectedRevision', async (context) => {
    const name = context.stream('ahead');
    const ids = await seed(context, name, 3);
    await expectConflict(context, name, 3n, 2n, ids);
    await expectConflict(context, name, 7n, 2n, ids);
  }),
  conformanceCase(GROUP, 'exact revision: refuses a missing stream with WrongExpectedRevision', async (context) => {
    await expectConflict(context, context.stream('missing'), 0n, 'no_stream', 'no_stream');
  }),
  conformanceCase(GROUP, 'revisions and positions are bigints, in and out', async (context) => {
    const guarantee = 'revisions and positions are bigints';
    const name = context.stream('bigint');
    const first = await appendOk(context.store, name, context.command(numberedItems('b', 0, 3)), 'no_stream', guarantee);
    ensureEqual([typeof first.nextExpectedRevision, typeof first.position], ['bigint', 'bigint'], `${guarantee}: AppendResult`);
    const second = await appendOk(context.store, name, context.command(numberedItems('b', 3, 1)), first.nextExpectedRevision, guarantee);
    ensureEqual(second.nextExpectedRevision, 3n, `${guarantee}: an exact bigint expectation is honoured`);
    const read = await readStreamOk(context.store, name, { fromRevision: 1n }, guarantee);
    ensureEqual(read.map((e) => [typeof e.revision, typeof e.position]), read.map(() => ['bigint', 'bigint']), `${guarantee}: recorded events`);
    ensureEqual(read.map((e) => e.revision), [1n, 2n, 3n], `${guarantee}: fromRevision given as a bigint`);
    const conflict = await context.append(name, numberedItems('late', 0, 1), 1n);
    ensureEqual(E.isLeft(conflict) && conflict.left._tag === 'WrongExpectedRevision' ? typeof conflict.left.actual : conflict, 'bigint', `${guarantee}: WrongExpectedRevision.actual`);
  }),
];
