import type { RecordedEvent, Subscription, SubscriptionMessage } from '@borough-command/domain/eventsourcing';
import type { ConformanceEvent } from './conformance-events.js';
import { violation } from './expectations.js';
import { show, showStoreError } from './show.js';

type Message = SubscriptionMessage<ConformanceEvent>;

/** Pulls messages from a subscription one at a time, failing when one takes too long. */
export interface SubscriptionReader {
  /** The next message, or `ended` when the iteration is over; a violation after the timeout. */
  readonly next: (waitingFor: string) => Promise<Message | 'ended'>;
  /** Messages up to and including the first that satisfies `isLast`; a violation on `Dropped` or end. */
  readonly until: (isLast: (message: Message) => boolean, waitingFor: string) => Promise<readonly Message[]>;
  /** Closes the subscription. */
  readonly close: () => Promise<void>;
}

/** Wraps a subscription for step-by-step reading, naming `guarantee` in every failure. */
export const readSubscription = (subscription: Subscription<ConformanceEvent>, timeoutMs: number, guarantee: string): SubscriptionReader => {
  const iterator = subscription[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<Message>> | undefined;

  const next = async (waitingFor: string): Promise<Message | 'ended'> => {
    if (pending === undefined) {
      pending = iterator.next();
      // A message that arrives after a timeout is no one's business; a late rejection must not go unhandled.
      pending.catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
      }, timeoutMs);
    });
    const result = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') throw violation(guarantee, `no subscription message within ${String(timeoutMs)} ms while waiting for ${waitingFor}`);
    pending = undefined;
    return result.done === true ? 'ended' : result.value;
  };

  const until = async (isLast: (message: Message) => boolean, waitingFor: string): Promise<readonly Message[]> => {
    const messages: Message[] = [];
    for (;;) {
      const message = await next(waitingFor);
      if (message === 'ended') throw violation(guarantee, `the subscription ended while waiting for ${waitingFor}; it had delivered ${showMessages(messages)}`);
      if (message._tag === 'Dropped') throw violation(guarantee, `the subscription was dropped with ${showStoreError(message.error)} while waiting for ${waitingFor}`);
      messages.push(message);
      if (isLast(message)) return messages;
    }
  };

  return { next, until, close: () => subscription.close() };
};

/** Tells whether a message is the event with this id. */
export const isEventWithId =
  (eventId: string) =>
  (message: Message): boolean =>
    message._tag === 'Event' && message.event.metadata.eventId === eventId;

/** Tells whether a message is `CaughtUp`. */
export const isCaughtUp = (message: Message): boolean => message._tag === 'CaughtUp';

/** The events among messages, in order. */
export const eventsOf = (messages: readonly Message[]): readonly RecordedEvent<ConformanceEvent>[] =>
  messages.flatMap((m) => (m._tag === 'Event' ? [m.event] : []));

/** Renders messages briefly for a failure message. */
export const showMessages = (messages: readonly Message[]): string =>
  `[${messages
    .map((m) =>
      m._tag === 'Event'
        ? `${m.event.stream}@${String(m.event.revision)}#${String(m.event.position)}`
        : m._tag === 'CaughtUp'
          ? `CaughtUp(${show(m.position)})`
          : `Dropped(${m.error._tag})`,
    )
    .join(', ')}]`;
