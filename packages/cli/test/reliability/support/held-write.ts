/**
 * Holding one write of the in-process EventStoreDB test server while a `borough-command` process
 * uses it: every operation before it is served as usual; the first write after a given number of
 * writes pauses the server as it arrives, so it is held, answered nothing, as a node stopped under
 * the append would, and so is every operation after it. The client's deadline then passes;
 * `resume()` commits it.
 */
import type { CallCounts, TestServer } from '@borough-command/eventstoredb/testing';

/** The server's operations that are not writes, counted. */
const readsOf = (calls: CallCounts): number => calls.read + calls.subscribe + calls.serverFeatures;

/**
 * Holds the first write after `afterWrites` writes: resolves `true` once it is held (the server
 * stays paused, later operations held too), or `false` when `finished` settles first (nothing is
 * held then).
 */
export const holdNextWrite = (server: TestServer, afterWrites: number, finished: Promise<unknown>): Promise<boolean> =>
  server.whenCalls((calls) => calls.writes > afterWrites, { pause: true, signal: settledSignal(finished) });

/** A signal aborted once `promise` settles, however it settles: to stop waiting on the server when a run has ended. */
export const settledSignal = (promise: Promise<unknown>): AbortSignal => {
  const settled = new AbortController();
  const abort = (): void => {
    settled.abort();
  };
  void promise.then(abort, abort);
  return settled.signal;
};

/** Resolves once an operation other than a write reaches the server after the ones counted so far (the server may be paused). */
export const nextRead = async (server: TestServer): Promise<void> => {
  const reads = readsOf(server.calls());
  await server.whenCalls((calls) => readsOf(calls) > reads);
};

/** Resumes the server and waits a turn of the event loop, by which the held operations have been served. */
export const resumeServer = async (server: TestServer): Promise<void> => {
  server.resume();
  await new Promise((resolve) => {
    setImmediate(resolve);
  });
};
