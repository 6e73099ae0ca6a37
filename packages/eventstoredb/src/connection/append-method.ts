/**
 * Which gRPC call the client appends with. `@eventstore/db-client` 6.2.1 uses `Streams.BatchAppend`
 * whenever the node offers it, and its batch appends share one process-wide table of pending
 * appends: a transport error on any batch-append stream (a dropped connection, a node restart)
 * rejects and forgets the pending appends of every other stream, and when the answer to one of
 * those arrives afterwards the client throws a `TypeError` from its stream handler, which reaches
 * the process as an unhandled rejection and, on Node's defaults, ends it. `Streams.Append` (one call
 * per append) has no such table, so it is the adapter's default. `@kurrent/kurrentdb-client` 1.3
 * keeps one table per batch-append call, so with it both methods survive a dropped connection; it
 * takes `Streams.Append` on its own for an append made with credentials.
 */

/** `append`: one `Streams.Append` call per append (the default); `batch-append`: the shared `Streams.BatchAppend` stream when the node offers it. */
export type AppendMethod = 'append' | 'batch-append';

/** The append method when none is given. */
export const DEFAULT_APPEND_METHOD: AppendMethod = 'append';

/** The gRPC path of `Streams.BatchAppend`, as the client's method definitions name it. */
const BATCH_APPEND_PATH = '/event_store.client.streams.Streams/BatchAppend';

/** The client's own feature check, which it consults before each append (a protected member of its class). */
interface FeatureCheck {
  supports: (method: { readonly path?: string }, feature?: string) => Promise<boolean>;
}

/**
 * Makes the client append with the chosen method: for `append`, its feature check answers that
 * `Streams.BatchAppend` is not offered, so every append takes `Streams.Append`; every other
 * feature is answered by the node as before. Either client (both ask `supports` the same way).
 * Changes the client given, once; returns it.
 */
export const useAppendMethod = <Client extends object>(client: Client, method: AppendMethod): Client => {
  if (method === 'batch-append') return client;
  const checked = client as unknown as FeatureCheck;
  const supports = checked.supports;
  checked.supports = (definition, feature) => (definition.path === BATCH_APPEND_PATH ? Promise.resolve(false) : supports(definition, feature));
  return client;
};
