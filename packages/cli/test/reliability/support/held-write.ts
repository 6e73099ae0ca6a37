/**
 * Holding one write of the in-process EventStoreDB test server while a `borough-command` process
 * uses it: the server is paused once it has taken a given number of writes, every read that then
 * arrives is let through at once, and the first write that arrives is held, answered nothing, as
 * a node stopped under the append would. The client's deadline then passes; `resume()` commits it.
 */
import type { TestServer } from '@borough-command/eventstoredb/testing';

/** The server's operations that are not writes, counted. */
const readsOf = (server: TestServer): number => {
  const calls = server.calls();
  return calls.read + calls.subscribe + calls.serverFeatures;
};

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * Lets the held operations go and holds every later one again within the same turn of the event
 * loop, so no operation arriving from a client slips through: a released operation passes the
 * server's gate within a few promise steps.
 */
const releaseHeldReads = async (server: TestServer): Promise<void> => {
  server.resume();
  for (let step = 0; step < 50; step++) await Promise.resolve();
  server.pause();
};

/**
 * Pauses the server once it has taken `afterWrites` writes and holds the first write after them,
 * letting reads through. Resolves `true` once a write is held (the server stays paused, reads held
 * too), or `false` when `running()` turns false first (the server is resumed).
 */
export const holdNextWrite = async (server: TestServer, afterWrites: number, running: () => boolean): Promise<boolean> => {
  while (server.calls().writes < afterWrites) {
    if (!running()) return false;
    await nextTurn();
  }
  server.pause();
  let writes = server.calls().writes;
  let reads = readsOf(server);
  for (;;) {
    await nextTurn();
    if (server.calls().writes > writes) return true;
    if (!running()) {
      server.resume();
      return false;
    }
    if (readsOf(server) > reads) {
      await releaseHeldReads(server);
      writes = server.calls().writes;
      reads = readsOf(server);
    }
  }
};

/** Resolves once a read reaches the server after the ones counted so far (the server may be paused). */
export const nextRead = async (server: TestServer): Promise<void> => {
  const reads = readsOf(server);
  while (readsOf(server) === reads) await nextTurn();
};

/** Resumes the server and waits a turn of the event loop, by which the held operations have been served. */
export const resumeServer = async (server: TestServer): Promise<void> => {
  server.resume();
  await nextTurn();
};
