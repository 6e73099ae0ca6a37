import type { AllEventsFilter, NewEvent, RecordedEvent, SubscriptionMessage } from '@borough-command/domain/eventsourcing';
import { numberedItems, type ConformanceEvent } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual, violation } from '../expectations.js';
import { appendOk, ensureStrictlyIncreasingPositions, idsOf, readAllOk } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';
import { eventsOf, isCaughtUp, isEventWithId, readSubscription, showMessages, type SubscriptionReader } from '../subscription-reader.js';

const GROUP = 'subscriptions';

type Message = SubscriptionMessage<ConformanceEvent>;
type Recorded = RecordedEvent<ConformanceEvent>;

/** Opens a subscription, hands it to `body`, and always closes it. */
const subscribed = async (
  context: ConformanceContext,
  filter: AllEventsFilter,
  guarantee: string,
  body: (reader: SubscriptionReader) => Promise<void>,
): Promise<void> => {
  const reader = readSubscription(context.store.subscribeToAll(filter), context.timeoutMs, guarantee);
  try {
    await body(reader);
  } finally {
    await reader.close();
  }
};

/** Appends one event to a stream and returns its id, to be waited for as the end of a sequence. */
const appendSentinel = async (context: ConformanceContext, stream: string): Promise<string> => {
  const events = context.command(numberedItems('sentinel', 0, 1));
  await appendOk(context.store, stream, events, 'any', 'appending a sentinel event');
  return (events[0] as NewEvent<ConformanceEvent>).metadata.eventId;
};

/** Checks the messages before `CaughtUp` are `history` exactly and `CaughtUp` comes once, with a fitting position. */
const checkCatchUp = (messages: readonly Message[], history: readonly string[], guarantee: string): void => {
  const caughtUpAt = messages.findIndex(isCaughtUp);
  ensure(caughtUpAt >= 0, guarantee, () => `no CaughtUp among ${showMessages(messages)}`);
  ensure(messages.filter(isCaughtUp).length === 1, guarantee, () => `CaughtUp came more than once: ${showMessages(messages)}`);
  ensureEqual(idsOf(eventsOf(messages.slice(0, caughtUpAt))), history, `${guarantee}: the history comes before CaughtUp, in log order, each event once`);
  const caughtUp = messages[caughtUpAt] as Extract<Message, { _tag: 'CaughtUp' }>;
  const checkpoint = caughtUp.position;
  if (checkpoint === undefined) return;
  const before = eventsOf(messages.slice(0, caughtUpAt));
  const after = eventsOf(messages.slice(caughtUpAt + 1));
  ensure(
    before.every((e) => e.position <= checkpoint) && after.every((e) => e.position > checkpoint),
    `${guarantee}: CaughtUp's position is a checkpoint between history and live events`,
    () => `CaughtUp at ${String(checkpoint)} among ${showMessages(messages)}`,
  );
};

/** Subscriptions: history, CaughtUp and live events with no gap and no duplicate; checkpoints; filters; closing. */
export const subscriptionCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'delivers history, then CaughtUp, then live events with no gap and no duplicate', async (context) => {
    const guarantee = 'a subscription delivers history, then CaughtUp, then live events with no gap and no duplicate';
    const history = [...context.command(numberedItems('h', 0, 3)), ...context.command(numberedItems('h', 3, 2))];
    await appendOk(context.store, context.stream('one'), history.slice(0, 3), 'no_stream', guarantee);
    await appendOk(context.store, context.stream('two'), history.slice(3), 'no_stream', guarantee);
    await subscribed(context, { streamPrefixes: [context.prefix] }, guarantee, async (reader) => {
      const catchUp = await reader.until(isCaughtUp, 'CaughtUp after 5 history events');
      checkCatchUp(catchUp, idsOf(history), guarantee);
      const live = [...context.command(numberedItems('l', 0, 1)), ...context.command(numberedItems('l', 1, 2))];
      await appendOk(context.store, context.stream('one'), live.slice(0, 1), 2n, guarantee);
      await appendOk(context.store, context.stream('two'), live.slice(1), 1n, guarantee);
      const first = await reader.until(isEventWithId((live[2] as NewEvent<ConformanceEvent>).metadata.eventId), 'the third live event');
      ensureEqual(idsOf(eventsOf(first)), idsOf(live), `${guarantee}: live events come in append order, each once`);
      ensure(first.every((m) => m._tag === 'Event'), guarantee, () => `a second CaughtUp among live events: ${showMessages(first)}`);
      for (let i = 0; i < 3; i++) {
        const sentinel = await appendSentinel(context, context.stream('one'));
        const next = await reader.next(`live event ${sentinel}`);
        ensure(next !== 'ended' && isEventWithId(sentinel)(next), guarantee, () => `after live event ${sentinel} was appended the subscription delivered ${next === 'ended' ? 'the end' : showMessages([next])}`);
      }
      const all = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee);
      ensure(all.length === 11, guarantee, () => `readAll shows ${String(all.length)} events, expected 11`);
    });
  }),
  conformanceCase(GROUP, 'appends racing the catch-up are delivered once each, in log order, with one CaughtUp', async (context) => {
    const guarantee = 'appends made while a subscription catches up are delivered once each, in log order';
    const streams = ['a', 'b', 'c'].map((k) => context.stream(k));
    const history: NewEvent<ConformanceEvent>[] = [];
    for (let i = 0; i < 30; i++) {
      const events = context.command(numberedItems('h', i * 2, 2));
      history.push(...events);
      await appendOk(context.store, streams[i % 3] as string, events, 'any', guarantee);
    }
    await subscribed(context, { streamPrefixes: [context.prefix] }, guarantee, async (reader) => {
      const racing: Promise<unknown>[] = [];
      // Appends start before the first message is read and keep coming while history is delivered.
      racing.push(context.append(streams[0] as string, numberedItems('r', 0, 2), 'any'));
      const messages: Message[] = [];
      for (let i = 0; i < 40; i++) {
        const message = await reader.next('history events while appends race the catch-up');
        if (message === 'ended' || message._tag === 'Dropped') throw violation(guarantee, `the subscription stopped: ${show(message)}`);
        messages.push(message);
        if (i % 4 === 0) racing.push(context.append(streams[(i / 4) % 3] as string, numberedItems('r', i + 2, 1 + (i % 3)), 'any'));
      }
      await Promise.all(racing);
      // While appends race it the subscription may still be catching up: CaughtUp may come before or after the sentinel.
      const sentinel = await appendSentinel(context, streams[1] as string);
      let sawSentinel = false;
      let sawCaughtUp = messages.some(isCaughtUp);
      messages.push(
        ...(await reader.until((m) => {
          sawSentinel ||= isEventWithId(sentinel)(m);
          sawCaughtUp ||= isCaughtUp(m);
          return sawSentinel && sawCaughtUp;
        }, 'the sentinel after the racing appends, and CaughtUp')),
      );
      // Two live events, each of which must be the very next message: no gap, no repeat.
      for (const stream of [streams[2], streams[0]]) {
        const live = await appendSentinel(context, stream as string);
        const next = await reader.next('a live event after CaughtUp');
        ensure(next !== 'ended' && isEventWithId(live)(next), guarantee, () => `after live event ${live} was appended the subscription delivered ${next === 'ended' ? 'the end' : showMessages([next])}`);
        messages.push(next as Message);
      }
      const log = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee);
      const delivered = eventsOf(messages);
      ensureEqual(idsOf(delivered), idsOf(log), `${guarantee}: the subscription delivered exactly the log`);
      ensureStrictlyIncreasingPositions(delivered, guarantee);
      const caughtUpAt = messages.findIndex(isCaughtUp);
      ensure(caughtUpAt >= history.length, guarantee, () => `CaughtUp at message ${String(caughtUpAt)}, before the ${String(history.length)} history events: ${showMessages(messages)}`);
      checkCatchUp(messages, idsOf(eventsOf(messages.slice(0, caughtUpAt))), guarantee);
      ensureEqual(idsOf(delivered.slice(0, history.length)), idsOf(history), `${guarantee}: history written before subscribing comes first`);
    });
  }),
  conformanceCase(GROUP, 'subscribes from a checkpoint, exclusive of it', async (context) => {
    const guarantee = 'a subscription from a checkpoint delivers only events after it, then CaughtUp, then live events';
    const events = context.command(numberedItems('e', 0, 6));
    await appendOk(context.store, context.stream('s'), events.slice(0, 2), 'no_stream', guarantee);
    await appendOk(context.store, context.stream('t'), events.slice(2, 4), 'no_stream', guarantee);
    await appendOk(context.store, context.stream('s'), events.slice(4), 1n, guarantee);
    const written = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee);
    for (const index of [0, 3, 5]) {
      const checkpoint = (written[index] as Recorded).position;
      const check = `${guarantee} (after event ${String(index)} at position ${String(checkpoint)})`;
      // Earlier rounds appended live events: the history is whatever the log now holds after the checkpoint.
      const log = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, check);
      const history = log.filter((e) => e.position > checkpoint);
      ensureEqual(idsOf(history).slice(0, 5 - index), idsOf(written.slice(index + 1)), `${check}: readAll after the checkpoint`);
      await subscribed(context, { streamPrefixes: [context.prefix], after: checkpoint }, check, async (reader) => {
        checkCatchUp(await reader.until(isCaughtUp, 'CaughtUp'), idsOf(history), check);
        const sentinel = await appendSentinel(context, context.stream(`live-${String(index)}`));
        const live = await reader.until(isEventWithId(sentinel), 'a live event after CaughtUp');
        ensureEqual(idsOf(eventsOf(live)), [sentinel], `${check}: the live event follows CaughtUp`);
      });
    }
  }),
  conformanceCase(GROUP, 'subscribes with one or several stream prefixes, history and live', async (context) => {
    const keys = ['alpha-1', 'beta-1', 'gamma-1', 'alpha-2'];
    for (let round = 0; round < 2; round++) {
      for (const key of keys) await appendOk(context.store, context.stream(key), context.command(numberedItems(key, round, 1)), 'any', 'writing streams of three categories');
    }
    const filters = [[context.stream('alpha-')], [context.stream('beta-'), context.stream('alpha-2')], [context.stream('delta-')]];
    for (const prefixes of filters) {
      const guarantee = `a subscription with prefixes ${show(prefixes)} delivers only events of streams starting with one of them`;
      const matching = (stream: string): boolean => prefixes.some((p) => stream.startsWith(p));
      const history = (await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee)).filter((e) => matching(e.stream));
      await subscribed(context, { streamPrefixes: prefixes }, guarantee, async (reader) => {
        checkCatchUp(await reader.until(isCaughtUp, 'CaughtUp'), idsOf(history), guarantee);
        const live: string[] = [];
        for (const key of ['gamma-1', 'alpha-1', 'beta-1', 'alpha-2', 'delta-9']) {
          const events = context.command(numberedItems(`live-${key}`, 0, 1));
          await appendOk(context.store, context.stream(key), events, 'any', guarantee);
          if (matching(context.stream(key))) live.push((events[0] as NewEvent<ConformanceEvent>).metadata.eventId);
        }
        const sentinelStream = (prefixes[0] as string) + 'sentinel';
        const sentinel = await appendSentinel(context, sentinelStream);
        const messages = await reader.until(isEventWithId(sentinel), 'the sentinel');
        ensureEqual(idsOf(eventsOf(messages)), [...live, sentinel], `${guarantee} (live)`);
      });
    }
  }),
  conformanceCase(GROUP, 'closing a subscription ends its iteration, even while it waits', async (context) => {
    const guarantee = 'closing a subscription ends its iteration';
    await appendOk(context.store, context.stream('s'), context.command(numberedItems('e', 0, 1)), 'no_stream', guarantee);
    const subscription = context.store.subscribeToAll({ streamPrefixes: [context.prefix] });
    const reader = readSubscription(subscription, context.timeoutMs, guarantee);
    await reader.until(isCaughtUp, 'CaughtUp');
    const waiting = reader.next('the end of the iteration after close');
    await subscription.close();
    const last = await waiting;
    ensure(last === 'ended', guarantee, () => `a pending iteration got ${last === 'ended' ? 'the end' : showMessages([last])} instead of ending`);
    const after = await reader.next('the end of the iteration after close');
    ensure(after === 'ended', guarantee, () => `after close the iteration went on with ${after === 'ended' ? 'the end' : showMessages([after])}`);
  }),
];
