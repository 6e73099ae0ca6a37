import { showExpectedRevision, type AppendResult, type ExpectedRevision, type NewEvent } from '@borough-command/domain/eventsourcing';
import { commandEvents, numberedItems, type ConformanceEvent } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensureEqual, mustFailWith } from '../expectations.js';
import { appendOk, idsOf, readAllOk, readStreamOk } from '../reading.js';
import { freshCommandId } from '../stream-names.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'idempotency';

/** Re-appends `events` with `expected`, checks it wrote nothing, and returns its result. */
const retry = async (
  context: ConformanceContext,
  name: string,
  events: readonly NewEvent<ConformanceEvent>[],
  expected: ExpectedRevision,
): Promise<AppendResult> => {
  const guarantee = `re-appending the same event ids to ${name} expecting ${showExpectedRevision(expected)} succeeds and writes nothing`;
  const idsBefore = idsOf(await readStreamOk(context.store, name, undefined, guarantee));
  const logBefore = idsOf(await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee));
  const result = await appendOk(context.store, name, events, expected, guarantee);
  ensureEqual(result.written, 0, `${guarantee}: it reports written 0`);
  ensureEqual(idsOf(await readStreamOk(context.store, name, undefined, guarantee)), idsBefore, `${guarantee}: the stream is unchanged`);
  ensureEqual(idsOf(await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee)), logBefore, `${guarantee}: the global log is unchanged`);
  return result;
};

/** The events of a command with a fixed id, so a retry carries the same event ids. */
const fixedCommand = (label: string, first: number, count: number): readonly NewEvent<ConformanceEvent>[] =>
  commandEvents(freshCommandId(label), numberedItems(label, first, count));

/** Retried appends carrying the same event ids write nothing; a partial match is a conflict. */
export const idempotencyCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'a re-append of the same event ids at the same exact revision returns written 0 and writes nothing', async (context) => {
    const name = context.stream('exact');
    await appendOk(context.store, name, fixedCommand('first', 0, 2), 'no_stream', 'first append');
    const second = fixedCommand('second', 2, 2);
    const original = await appendOk(context.store, name, second, 1n, 'second append');
    const again = await retry(context, name, second, 1n);
    ensureEqual(again, { ...original, written: 0 }, 'a retry at the same revision reports the original revision and position, with written 0');
    await retry(context, name, second, 1n);
  }),
  conformanceCase(GROUP, 'a re-append with no_stream returns written 0 and writes nothing, also after the stream moved on', async (context) => {
    const name = context.stream('created');
    const first = fixedCommand('first', 0, 3);
    const original = await appendOk(context.store, name, first, 'no_stream', 'first append');
    ensureEqual(await retry(context, name, first, 'no_stream'), { ...original, written: 0 }, 'a retry with no_stream reports the original revision and position, with written 0');
    await appendOk(context.store, name, fixedCommand('later', 3, 1), 2n, 'a later append');
    await retry(context, name, first, 'no_stream');
  }),
  conformanceCase(GROUP, 'a re-append with any returns written 0 and writes nothing, also after the stream moved on', async (context) => {
    const name = context.stream('anything');
    await appendOk(context.store, name, fixedCommand('zeroth', 0, 1), 'any', 'first append');
    const batch = fixedCommand('batch', 1, 2);
    const original = await appendOk(context.store, name, batch, 'any', 'second append');
    ensureEqual(await retry(context, name, batch, 'any'), { ...original, written: 0 }, 'a retry with any reports the original revision and position, with written 0');
    await appendOk(context.store, name, fixedCommand('later', 3, 2), 'any', 'a later append');
    await retry(context, name, batch, 'any');
  }),
  conformanceCase(GROUP, 'a retried command at its old exact revision writes nothing after the stream moved on', async (context) => {
    const name = context.stream('moved-on');
    await appendOk(context.store, name, fixedCommand('first', 0, 1), 'no_stream', 'first append');
    const batch = fixedCommand('batch', 1, 2);
    await appendOk(context.store, name, batch, 0n, 'second append');
    await appendOk(context.store, name, fixedCommand('later', 3, 2), 2n, 'a later append');
    await retry(context, name, batch, 0n);
  }),
  conformanceCase(GROUP, 'a partial re-append (first id matches, later ids differ) is a WrongExpectedRevision', async (context) => {
    const partial = async (name: string, expected: ExpectedRevision, batch: readonly NewEvent<ConformanceEvent>[]): Promise<void> => {
      const guarantee = `a partial re-append to ${name} expecting ${showExpectedRevision(expected)} fails with WrongExpectedRevision and writes nothing`;
      const before = idsOf(await readStreamOk(context.store, name, undefined, guarantee));
      const changed = [batch[0] as NewEvent<ConformanceEvent>, ...context.command(numberedItems('other', 0, batch.length - 1))];
      const error = mustFailWith(await context.store.appendToStream(name, changed, expected)(), 'WrongExpectedRevision', guarantee);
      ensureEqual(error.stream, name, `${guarantee}: the conflict names the stream`);
      ensureEqual(idsOf(await readStreamOk(context.store, name, undefined, guarantee)), before, guarantee);
    };
    const created = context.stream('partial-created');
    const first = fixedCommand('first', 0, 3);
    await appendOk(context.store, created, first, 'no_stream', 'first append');
    await partial(created, 'no_stream', first);

    const exact = context.stream('partial-exact');
    await appendOk(context.store, exact, fixedCommand('zeroth', 0, 1), 'no_stream', 'first append');
    const batch = fixedCommand('batch', 1, 2);
    await appendOk(context.store, exact, batch, 0n, 'second append');
    await partial(exact, 0n, batch);
    await partial(exact, 'any', batch);
  }),
];
