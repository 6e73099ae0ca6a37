/** Shared set-up for the test-server suites: a server, real clients, and small read helpers. */
import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  jsonEvent,
  type AllStreamResolvedEvent,
  type JSONEventType,
  type ResolvedEvent,
  type StreamSubscription,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { startTestServer, type TestServer, type TestServerOptions } from '@borough-command/eventstoredb/testing';

/** A server plus every client opened on it, all closed by `close()`. */
export interface Harness {
  readonly server: TestServer;
  client(): EventStoreDBClient;
  close(): Promise<void>;
}

/** Starts a server; `client()` opens a real client on it. */
export const openHarness = async (options: TestServerOptions = {}): Promise<Harness> => {
  const server = await startTestServer(options);
  const clients: EventStoreDBClient[] = [];
  return {
    server,
    client: () => {
      const client = EventStoreDBClient.connectionString(server.connectionString);
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await server.stop();
    },
  };
};

/** A stream name no other test uses. */
export const uniqueStream = (prefix = 'test'): string => `${prefix}-${randomUUID()}`;

/** JSON events `{ n }` of type `Numbered`, with metadata naming the test. */
export const numbered = (from: number, count: number, type = 'Numbered') =>
  Array.from({ length: count }, (_, index) =>
    jsonEvent<JSONEventType<string, { n: number }, { source: string }>>({
      type,
      data: { n: from + index },
      metadata: { source: 'test-server suite' },
    }),
  );

/** Drains a read into an array. */
export const collect = async <E>(read: AsyncIterable<E>): Promise<E[]> => {
  const items: E[] = [];
  for await (const item of read) items.push(item);
  return items;
};

/** The `n` of each JSON event read. */
export const numbersOf = (events: readonly (ResolvedEvent | AllStreamResolvedEvent)[]): unknown[] =>
  events.map((resolved) => (resolved.event?.data as { n?: unknown } | undefined)?.n);

/** What a subscription delivered: `caught-up`, and events as `<stream>@<revision>`. */
export interface Recording {
  readonly items: string[];
  /** Resolves when `predicate` holds for the items recorded; rejects if the subscription fails first. */
  until(predicate: (items: readonly string[]) => boolean): Promise<void>;
  /** Resolves with the error that ends the subscription. */
  failure(): Promise<unknown>;
}

/** Records what a subscription delivers. */
export const record = (subscription: StreamSubscription | AllStreamSubscription): Recording => {
  const items: string[] = [];
  let error: { readonly cause: unknown } | undefined;
  const waiters: (() => void)[] = [];
  const changed = (): void => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const next = (): Promise<void> => new Promise<void>((resolve) => waiters.push(resolve));
  subscription.on('caughtUp', () => {
    items.push('caught-up');
    changed();
  });
  subscription.on('data', (resolved: ResolvedEvent) => {
    items.push(`${resolved.event?.streamId ?? '?'}@${resolved.event?.revision.toString() ?? '?'}`);
    changed();
  });
  subscription.on('error', (cause: unknown) => {
    error = { cause };
    changed();
  });
  return {
    items,
    until: async (predicate) => {
      while (!predicate(items)) {
        if (error !== undefined) throw new Error('The subscription failed', { cause: error.cause });
        await next();
      }
    },
    failure: async () => {
      while (error === undefined) await next();
      return error.cause;
    },
  };
};
