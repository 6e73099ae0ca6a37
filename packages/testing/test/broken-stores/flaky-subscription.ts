import type { EventShape, EventStore, SubscriptionMessage } from '@borough-command/domain/eventsourcing';
import { mapMessages } from './wrap.js';

/** What a flaky subscription does to its first live event. */
export type LiveFault = 'drop' | 'duplicate';

/** A store whose subscriptions drop or repeat the first live event after `CaughtUp`. */
export const flakySubscriptions = <A extends EventShape>(store: EventStore<A>, fault: LiveFault): EventStore<A> => ({
  ...store,
  name: `${store.name} whose subscriptions ${fault} a live event`,
  subscribeToAll: (filter) => {
    let caughtUp = false;
    let faulted = false;
    return mapMessages(store.subscribeToAll(filter), (message): readonly SubscriptionMessage<A>[] => {
      if (message._tag === 'CaughtUp') caughtUp = true;
      if (message._tag !== 'Event' || !caughtUp || faulted) return [message];
      faulted = true;
      return fault === 'drop' ? [] : [message, message];
    });
  },
});
