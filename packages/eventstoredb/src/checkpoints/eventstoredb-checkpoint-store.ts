/**
 * A projection runner's checkpoint kept in EventStoreDB: one stream per projection, `$maxCount: 1`
 * so only the latest checkpoint is kept, each save appended at the revision last read or written,
 * so two runners of one projection cannot silently overwrite each other.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  checkpointUnreadable,
  checkpointUnwritable,
  decodeCheckpoint,
  type Checkpoint,
  type CheckpointStore,
  type ExpectedRevision,
} from '@borough-command/domain/eventsourcing';
import type { AppendMethod } from '../connection/append-method.js';
import { connectionOfClient } from '../connect.js';
import type { EsdbClient } from '../connection/client-package.js';
import type { EsdbConnection, EsdbFailure } from '../connection/esdb-connection.js';
import { createRedactor, type Redactor } from '../redaction.js';
import { sleep } from '../subscription/abortable.js';
import { delayBefore, isValidPolicy, type RetryPolicy } from '../subscription/backoff.js';

/**
 * The event type of checkpoints. `$`-prefixed, as EventStoreDB's own bookkeeping is, so stores
 * reading `$all` (which leave out `$` events) never mistake a checkpoint for a domain event.
 */
export const CHECKPOINT_EVENT_TYPE = '$projection-checkpoint';

/** The default prefix of checkpoint streams: `projection-checkpoint-<projection>`. */
export const DEFAULT_CHECKPOINT_STREAM_PREFIX = 'projection-checkpoint-';

/** Options of the checkpoint store. */
export interface EventStoreDbCheckpointOptions {
  /** The prefix of the checkpoint stream's name; `projection-checkpoint-` by default. */
  readonly streamPrefix?: string;
  /** Secrets to mask in error messages besides the usual credential shapes. */
  readonly secrets?: readonly string[];
  /** How a load or save that met an unreachable node is tried again; 3 attempts from 100 ms by default. */
  readonly retry?: Partial<RetryPolicy>;
  /** The gRPC call checkpoint saves take on a client given: `append` by default (see `AppendMethod`). */
  readonly appendMethod?: AppendMethod;
}

/** Three more attempts, 100 ms, 200 ms and 400 ms apart: a node restarting or a connection re-established. */
export const defaultCheckpointRetryPolicy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 };

/**
 * Runs a call again while it fails as unavailable, or as an append of unknown outcome (sent again
 * with the same event id, which the server takes as already written if the first one landed), within the policy.
 */
const retrying = async <A>(policy: RetryPolicy, call: TE.TaskEither<EsdbFailure, A>): Promise<E.Either<EsdbFailure, A>> => {
  for (let attempt = 1; ; attempt++) {
    const result = await call();
    if (E.isRight(result) || (result.left._tag !== 'NodeUnavailable' && result.left._tag !== 'OutcomeUnknown') || attempt > policy.maxAttempts) return result;
    await sleep(delayBefore(policy, attempt), undefined);
  }
};

/** The connection a checkpoint store uses: shared with the caller, who disposes it. */
export type CheckpointTarget = { readonly client: EsdbClient } | { readonly connection: EsdbConnection };

const reasonOf = (failure: EsdbFailure, redact: Redactor): string => {
  switch (failure._tag) {
    case 'WrongExpectedRevision':
      return `another writer saved a checkpoint first (the stream is at ${failure.actual === 'no_stream' ? 'no stream' : `revision ${failure.actual.toString()}`})`;
    case 'StreamNotFound':
      return 'the stream does not exist';
    case 'StreamDeleted':
      return 'the stream was deleted';
    case 'NodeUnavailable':
    case 'RequestRejected':
      return redact(failure.reason);
    case 'OutcomeUnknown':
      return redact(`${failure.reason}; the checkpoint may have been saved or not`);
  }
};

/** A checkpoint store for one projection, in the stream `<prefix><projection>`. */
export const createEventStoreDbCheckpointStore = (
  target: CheckpointTarget,
  projection: string,
  options: EventStoreDbCheckpointOptions = {},
): CheckpointStore => {
  if (projection.length === 0) throw new Error('a checkpoint store needs a projection name');
  const connection = 'connection' in target ? target.connection : connectionOfClient(target.client, options.appendMethod === undefined ? {} : { appendMethod: options.appendMethod });
  const redact = createRedactor(options.secrets);
  const policy = { ...defaultCheckpointRetryPolicy, ...options.retry };
  if (!isValidPolicy(policy)) throw new Error('a checkpoint store needs whole retry.maxAttempts ≥ 0 and delays with 0 ≤ initialDelayMs ≤ maxDelayMs');
  const stream = `${options.streamPrefix ?? DEFAULT_CHECKPOINT_STREAM_PREFIX}${projection}`;
  const location = `EventStoreDB stream '${stream}'`;
  /** The stream's revision as last read or written; undefined until then. */
  let known: ExpectedRevision | undefined;

  const readLatest = async (): Promise<E.Either<EsdbFailure, { readonly revision: ExpectedRevision; readonly data: unknown; readonly type: string } | undefined>> => {
    const read = await retrying(policy, connection.readStream(stream, { direction: 'backwards', from: 'end', maxCount: 1 }));
    if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(undefined) : read;
    const latest = read.right[0];
    return E.right(latest === undefined ? undefined : { revision: latest.revision, data: latest.data, type: latest.type });
  };

  return {
    location,
    load: () => async () => {
      const latest = await readLatest();
      if (E.isLeft(latest)) return E.left(checkpointUnreadable(location, reasonOf(latest.left, redact)));
      if (latest.right === undefined) {
        known = 'no_stream';
        return E.right(undefined);
      }
      known = latest.right.revision;
      if (latest.right.type !== CHECKPOINT_EVENT_TYPE) return E.left(checkpointUnreadable(location, `the latest event is a '${latest.right.type}', not a checkpoint`));
      return decodeCheckpoint(latest.right.data, location);
    },
    save: (checkpoint: Checkpoint) => async () => {
      let data: unknown;
      try {
        data = JSON.parse(JSON.stringify(checkpoint)) as unknown;
      } catch (cause) {
        return E.left(checkpointUnwritable(location, `the checkpoint is not JSON: ${String(cause)}`));
      }
      let expected = known;
      if (expected === undefined) {
        const latest = await readLatest();
        if (E.isLeft(latest)) return E.left(checkpointUnwritable(location, reasonOf(latest.left, redact)));
        expected = latest.right?.revision ?? 'no_stream';
      }
      if (expected === 'no_stream') {
        const limited = await retrying(policy, connection.setStreamMetadata(stream, { maxCount: 1 }));
        if (E.isLeft(limited)) return E.left(checkpointUnwritable(location, reasonOf(limited.left, redact)));
      }
      // The same event id on every attempt: EventStoreDB takes a repeat of an append that did land as already written.
      const event = { id: randomUUID(), type: CHECKPOINT_EVENT_TYPE, data, metadata: undefined };
      const at = expected;
      const appended = await retrying(policy, connection.append(stream, [event], at));
      if (E.isLeft(appended)) {
        // After a lost answer the revision is unknown and is read again by the next save; after a
        // conflict it is kept, so this store goes on refusing to overwrite the other writer's checkpoint.
        if (appended.left._tag !== 'WrongExpectedRevision') known = undefined;
        return E.left(checkpointUnwritable(location, reasonOf(appended.left, redact)));
      }
      known = appended.right.nextExpectedRevision;
      return E.right(undefined);
    },
  };
};
