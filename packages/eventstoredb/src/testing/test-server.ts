/** `startTestServer`: an in-process server speaking EventStoreDB's gRPC protocol, with fault injection. */
import type { Server } from '@grpc/grpc-js';
import { CallGate, type CallCounts } from './call-gate.js';
import { EventLog } from './event-log.js';
import { unavailable } from './grpc-errors.js';
import { listen, shutdown } from './grpc-server.js';
import type { RecordedEvent } from './log-types.js';
import type { FeatureOptions } from './server-features.js';
import { seedSystemEvents } from './system-events.js';

/** How to start a test server; every field is optional. */
export interface TestServerOptions {
  /** Advertise and serve Streams.BatchAppend (default true); false makes the client use Streams.Append. */
  readonly batchAppend?: boolean;
  /** The port to listen on (default 0: any free port). */
  readonly port?: number;
  /** The address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Write a few system events before any user event, as a running node has (default true). */
  readonly systemEvents?: boolean;
  /** The clock stamping `created` and judging `$maxAge` (default: the system clock). */
  readonly clock?: () => Date;
  /** The version GetSupportedMethods reports (default 23.10.0). */
  readonly serverVersion?: string;
  /**
   * Take an append of events whose ids the stream already holds at that place as already written,
   * as EventStoreDB does (default true). With false the server has no such de-duplication: the
   * events are written again (expected revision `any`) or refused as a conflict (a revision passed).
   */
  readonly deduplicateEventIds?: boolean;
}

/** A running test server and its fault switches. */
export interface TestServer {
  /** `esdb://<host>:<port>?tls=false`, for `EventStoreDBClient.connectionString`. */
  readonly connectionString: string;
  /** The port the server listens on, kept across restarts. */
  readonly port: number;
  /** Ends every call with UNAVAILABLE and stops listening; the data stays for `restart()`. */
  stop(): Promise<void>;
  /** Stops (if running) and listens again on the same port with the same data. */
  restart(): Promise<void>;
  /** Ends every call in progress (reads, subscriptions, appends) with UNAVAILABLE. */
  dropConnections(): void;
  /** Refuses the next `count` operations with UNAVAILABLE (a BatchAppend request ends its whole call). */
  refuseNextCalls(count: number): void;
  /**
   * Holds every operation that reaches the server from now on, answering nothing, as a node stopped
   * by SIGSTOP does; an append whose request arrived whole is still committed on `resume()`, even if
   * its client gave up waiting meanwhile.
   */
  pause(): void;
  /** Serves the operations held by `pause()`, in the order they arrived, and every one after. */
  resume(): void;
  /** Delays every operation by `ms` before it is served (0 to stop delaying). */
  setDelay(ms: number): void;
  /** How many operations of each kind reached the server. */
  calls(): CallCounts;
  /**
   * Resolves once the call counts satisfy `condition`: at once if they do now, otherwise as the
   * operation that makes them enters, before it is served. With `pause`, the server pauses at that
   * moment (as `pause()`), so that operation is held too; `signal` gives up waiting (the promise
   * then resolves `false`, and `true` when the condition was met).
   */
  whenCalls(condition: (calls: CallCounts) => boolean, options?: { readonly pause?: boolean; readonly signal?: AbortSignal }): Promise<boolean>;
  /** Sets the call counts back to zero. */
  resetCalls(): void;
  /** A copy of every event in the log, in `$all` order, system events included. */
  events(): readonly RecordedEvent[];
}

/** Starts a test server on 127.0.0.1 and a free port unless told otherwise. */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const host = options.host ?? '127.0.0.1';
  const log = new EventLog(options.clock ?? (() => new Date()), options.deduplicateEventIds ?? true);
  if (options.systemEvents ?? true) seedSystemEvents(log);
  const gate = new CallGate();
  const context = { log, gate };
  const features: FeatureOptions = { batchAppend: options.batchAppend ?? true, serverVersion: options.serverVersion ?? '23.10.0' };
  const started = await listen(context, features, host, options.port ?? 0);
  const port = started.port;
  let running: Server | undefined = started.server;

  const stop = async (): Promise<void> => {
    const server = running;
    if (server === undefined) return;
    running = undefined;
    gate.abortAll(unavailable('The test server stopped.'));
    gate.resume();
    await shutdown(server);
  };

  return {
    connectionString: `esdb://${host}:${port}?tls=false`,
    port,
    stop,
    async restart() {
      await stop();
      running = (await listen(context, features, host, port)).server;
    },
    dropConnections() {
      gate.abortAll(unavailable('The test server dropped the connection.'));
    },
    refuseNextCalls(count) {
      gate.refuseNext(count);
    },
    pause() {
      gate.pause();
    },
    resume() {
      gate.resume();
    },
    setDelay(ms) {
      gate.setDelay(ms);
    },
    calls: () => gate.counts(),
    whenCalls(condition, options = {}) {
      return new Promise((resolve) => {
        const { signal } = options;
        if (signal?.aborted === true) {
          resolve(false);
          return;
        }
        let stopWaiting = (): void => undefined;
        const giveUp = (): void => {
          stopWaiting();
          resolve(false);
        };
        signal?.addEventListener('abort', giveUp, { once: true });
        stopWaiting = gate.whenCounts({
          holds: condition,
          pause: options.pause ?? false,
          met: () => {
            signal?.removeEventListener('abort', giveUp);
            resolve(true);
          },
        });
      });
    },
    resetCalls() {
      gate.resetCounts();
    },
    events: () => [...log.all()],
  };
};
