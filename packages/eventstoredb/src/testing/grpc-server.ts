/** Binding and shutting down one grpc-js server that serves ServerFeatures and Streams. */
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { appendHandler } from './append.js';
import { batchAppendHandler } from './batch-append.js';
import { deleteHandler, tombstoneHandler } from './delete.js';
import { featuresGrpc, streamsGrpc } from './protocol.js';
import { readHandler } from './read.js';
import type { ServerContext } from './server-context.js';
import { getSupportedMethodsHandler, type FeatureOptions } from './server-features.js';

/** How long a graceful shutdown may take before open connections are cut. */
const GRACEFUL_SHUTDOWN_MS = 1_000;
/** How often binding a just-released port is tried again. */
const BIND_ATTEMPTS = 20;
const BIND_RETRY_MS = 50;

const streamsImplementation = (context: ServerContext, options: FeatureOptions): UntypedServiceImplementation => ({
  read: readHandler(context),
  append: appendHandler(context),
  delete: deleteHandler(context),
  tombstone: tombstoneHandler(context),
  // Without an implementation grpc-js answers UNIMPLEMENTED, as a server without BatchAppend does.
  ...(options.batchAppend ? { batchAppend: batchAppendHandler(context) } : {}),
});

const bind = (server: Server, address: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) => {
      if (error === null) resolve(port);
      else reject(error);
    });
  });

const isAddressInUse = (error: unknown): boolean => error instanceof Error && /EADDRINUSE|address already in use/i.test(error.message);

/** Starts a server on `host:port` (0 for any free port); resolves with it and its port. */
export const listen = async (
  context: ServerContext,
  options: FeatureOptions,
  host: string,
  port: number,
): Promise<{ readonly server: Server; readonly port: number }> => {
  for (let attempt = 1; ; attempt += 1) {
    const server = new Server();
    server.addService(featuresGrpc.ServerFeaturesService, { getSupportedMethods: getSupportedMethodsHandler(context, options) });
    server.addService(streamsGrpc.StreamsService, streamsImplementation(context, options));
    try {
      return { server, port: await bind(server, `${host}:${port}`) };
    } catch (error) {
      server.forceShutdown();
      if (port === 0 || attempt >= BIND_ATTEMPTS || !isAddressInUse(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, BIND_RETRY_MS));
    }
  }
};

/** Closes the server: gracefully when its calls have ended, by force after a short grace time. */
export const shutdown = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, GRACEFUL_SHUTDOWN_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
