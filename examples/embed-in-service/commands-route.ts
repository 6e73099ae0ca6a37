/** `POST /commands`: one JSON command in, its events and the process managers' reactions out. */
import type { IncomingMessage } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import type { BoroughCommand, DomainEvent, Execution } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { commandErrorReply, executedReply, invalidCommandReply, type ViewsState } from './command-replies.js';
import { bodyProblemReply, errorReply, readJsonBody, type Reply } from './http-json.js';
import type { ViewsFollower } from './views-follower.js';

/** What the route needs: the domain service, its store, the views, and its limits. */
export interface CommandsRouteOptions {
  readonly service: BoroughCommand;
  readonly store: EventStore<DomainEvent>;
  readonly follower: ViewsFollower;
  readonly bodyLimitBytes: number;
  /** How long a reply waits for the views to show the command's events. */
  readonly viewsWaitMs: number;
}

/** The header naming who takes the decision: it is recorded as the `actor` of every event. */
export const ACTOR_HEADER = 'x-actor';
/** The header grouping the commands of one business flow; the command id when absent. */
export const CORRELATION_HEADER = 'x-correlation-id';

const headerValue = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
};

/**
 * The global position of the latest event of every stream the execution wrote to or found already
 * written: once the views have applied it, they show everything the command and its reactions did.
 */
const latestPosition = async (store: EventStore<DomainEvent>, execution: Execution): Promise<E.Either<string, bigint | null>> => {
  let latest: bigint | null = null;
  for (const done of execution.handled) {
    const revision = done.result.revision;
    if (typeof revision !== 'bigint') continue;
    const read = await store.readStream(done.result.stream, { fromRevision: revision, maxCount: 1 })();
    if (E.isLeft(read)) return E.left(`stream '${done.result.stream}' could not be read back: ${read.left._tag}`);
    const [event] = read.right;
    if (event !== undefined && (latest === null || event.position > latest)) latest = event.position;
  }
  return E.right(latest);
};

/** Waits until the views show the execution's events, so that a GET after this reply sees them. */
const settleViews = async (options: CommandsRouteOptions, execution: Execution): Promise<ViewsState> => {
  const position = await latestPosition(options.store, execution);
  if (E.isLeft(position)) return { upToDate: false, reason: position.left };
  if (position.right === null) return { upToDate: true, position: null };
  const reached = await options.follower.reached(position.right, options.viewsWaitMs);
  if (E.isRight(reached)) return { upToDate: true, position: position.right };
  return reached.left._tag === 'ViewsStopped'
    ? { upToDate: false, reason: `the views stopped: ${reached.left.error.message}` }
    : { upToDate: false, reason: `the views had not reached position ${position.right.toString()} after ${reached.left.waitedMs.toString()} ms` };
};

/** Handles `POST /commands`. */
export const postCommand = async (options: CommandsRouteOptions, request: IncomingMessage): Promise<Reply> => {
  const actor = headerValue(request, ACTOR_HEADER);
  if (actor === undefined) {
    request.resume();
    return errorReply(400, 'MissingActor', `the ${ACTOR_HEADER} header must name who takes the decision`, { field: `header ${ACTOR_HEADER}` });
  }
  const body = await readJsonBody(request, options.bodyLimitBytes);
  if (E.isLeft(body)) return bodyProblemReply(body.left);
  const correlationId = headerValue(request, CORRELATION_HEADER);
  const executed = await options.service.executeJson(body.right, { actor, ...(correlationId === undefined ? {} : { correlationId }) })();
  if (E.isLeft(executed)) return executed.left._tag === 'InvalidCommand' ? invalidCommandReply(executed.left) : commandErrorReply(executed.left);
  return executedReply(executed.right, await settleViews(options, executed.right));
};
