/**
 * The rules embedded in a small HTTP service on `node:http`: commands in through the domain
 * service, events out, and the views kept current by the projections runner following the store.
 *
 *   POST /commands                                      one JSON command (header x-actor: who decides)
 *   GET  /units/<unit>/tenure                           TE-1, unit `borough:Camden`, `bcu:Central North` or `Camden`
 *   GET  /boroughs/<borough>/accountability?asAt=DATE   AC-1
 *   GET  /appointments/<processId>/trail                AU-1
 *   GET  /continuity                                    TE-2 London-wide
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, defaultPolicy, type BoroughCommand, type DomainEvent, type Policy } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import type { BoroughCommandViews, RunnerError } from '@borough-command/projections';
import { postCommand } from './commands-route.js';
import { errorReply, sendReply, type Reply } from './http-json.js';
import { getAccountability, getContinuity, getTenure, getTrail } from './view-routes.js';
import { followViews, type ViewsFollower } from './views-follower.js';

/** What the service runs on: a store it does not own (the caller closes it), and its settings. */
export interface ServiceOptions {
  readonly store: EventStore<DomainEvent>;
  /** The policy of the rules and the views; `defaultPolicy` when absent. */
  readonly policy?: Policy;
  /** Stamps `recordedAt`; the system clock when absent. */
  readonly clock?: () => Date;
  /** The largest body accepted; 64 KiB when absent. */
  readonly bodyLimitBytes?: number;
  /** How long a command's reply waits for the views to show its events; 2 s when absent. */
  readonly viewsWaitMs?: number;
}

/** Where the service listens: port 0 picks a free port. */
export interface ListenOptions {
  readonly port: number;
  readonly host: string;
}

/** A running service. */
export interface RunningService {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly domain: BoroughCommand;
  readonly views: BoroughCommandViews;
  /** Stops listening, closes open connections and stops the views runner; the store stays open. */
  readonly stop: () => Promise<void>;
}

/** Why the service did not start: the views could not read the store, or the port could not be bound. */
export type StartFailed =
  | { readonly _tag: 'ViewsFailed'; readonly error: RunnerError; readonly message: string }
  | { readonly _tag: 'ListenFailed'; readonly message: string };

/** Every route, for the 404 of a path that is none of them. */
const ROUTES = [
  'POST /commands',
  'GET /units/<unit>/tenure',
  'GET /boroughs/<borough>/accountability?asAt=YYYY-MM-DD',
  'GET /appointments/<processId>/trail',
  'GET /continuity',
];

const notFound = (method: string, path: string): Reply =>
  errorReply(404, 'NotFound', `no route ${method} ${path}`, { routes: ROUTES });

const wrongMethod = (method: string, path: string, allowed: string): Reply => ({
  ...errorReply(405, 'MethodNotAllowed', `${method} is not allowed on ${path}; use ${allowed}`),
  headers: { allow: allowed },
});

/** The path's segments, decoded; undefined for a malformed percent-encoding. */
const segmentsOf = (path: string): readonly string[] | undefined => {
  try {
    return path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  } catch {
    return undefined;
  }
};

/** The view a path asks for, as a reply still to compute; undefined when the path is not a view's. */
const viewRoute = (follower: ViewsFollower, segments: readonly string[], query: URLSearchParams): (() => Reply) | undefined => {
  const [first, name, last, ...rest] = segments;
  const views = follower.views;
  if (first === 'continuity' && name === undefined) return () => getContinuity(views);
  if (name === undefined || last === undefined || rest.length > 0) return undefined;
  if (first === 'units' && last === 'tenure') return () => getTenure(views, name);
  if (first === 'boroughs' && last === 'accountability') return () => getAccountability(views, name, query.get('asAt'));
  if (first === 'appointments' && last === 'trail') return () => getTrail(views, name);
  return undefined;
};

/** Routes one request to its reply. */
const route = async (
  request: IncomingMessage,
  context: { readonly domain: BoroughCommand; readonly follower: ViewsFollower; readonly options: ServiceOptions },
): Promise<Reply> => {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://service.invalid');
  const segments = segmentsOf(url.pathname);
  if (segments === undefined) return errorReply(400, 'MalformedPath', `the path ${url.pathname} is not valid percent-encoding`);
  if (segments.length === 1 && segments[0] === 'commands') {
    if (method !== 'POST') return wrongMethod(method, url.pathname, 'POST');
    return postCommand(
      {
        service: context.domain,
        store: context.options.store,
        follower: context.follower,
        bodyLimitBytes: context.options.bodyLimitBytes ?? 65_536,
        viewsWaitMs: context.options.viewsWaitMs ?? 2_000,
      },
      request,
    );
  }
  // a view's path is known before its method is checked, so a POST on a view is a 405, not a 404
  const view = viewRoute(context.follower, segments, url.searchParams);
  if (view === undefined) return notFound(method, url.pathname);
  if (method !== 'GET' && method !== 'HEAD') return wrongMethod(method, url.pathname, 'GET');
  const stopped = context.follower.failure();
  if (stopped !== undefined) return errorReply(503, 'ViewsStopped', `the views stopped following the store: ${stopped.message}`);
  return view();
};

const listen = (server: Server, options: ListenOptions): Promise<E.Either<StartFailed, AddressInfo>> =>
  new Promise((resolve) => {
    const failed = (cause: Error): void => {
      resolve(E.left({ _tag: 'ListenFailed', message: `cannot listen on ${options.host}:${options.port.toString()}: ${cause.message}` }));
    };
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve(E.right(server.address() as AddressInfo));
    });
  });

/**
 * Starts the service: builds the domain service over the store, starts the views runner, waits
 * until the views hold the history already in the store, then listens.
 */
export const startService = async (options: ServiceOptions, at: ListenOptions): Promise<E.Either<StartFailed, RunningService>> => {
  const policy = options.policy ?? defaultPolicy;
  const domain = createBoroughCommand({ store: options.store, policy, ...(options.clock === undefined ? {} : { clock: options.clock }) });
  const follower = followViews(options.store, policy);
  const caughtUp = await follower.caughtUp();
  if (E.isLeft(caughtUp)) {
    await follower.stop();
    return E.left({ _tag: 'ViewsFailed', error: caughtUp.left, message: `the views could not read the store: ${caughtUp.left.message}` });
  }
  const server = createServer((request, response) => {
    route(request, { domain, follower, options }).then(
      (reply) => {
        sendReply(response, reply);
      },
      (cause: unknown) => {
        // only a bug gets here; the client still gets JSON
        sendReply(response, errorReply(500, 'InternalError', cause instanceof Error ? cause.message : String(cause)));
      },
    );
  });
  const bound = await listen(server, at);
  if (E.isLeft(bound)) {
    await follower.stop();
    return bound;
  }
  const address = bound.right;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return E.right({
    url: `http://${host}:${address.port.toString()}`,
    domain,
    views: follower.views,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => {
        resolve();
      }));
      server.closeAllConnections();
      await closed;
      await follower.stop();
    },
  });
};
