/**
 * The statements of one append, run inside a transaction the caller opened and will commit: lock
 * the stream, settle a repeat of events already written, check the expected revision, then take
 * the next global positions and write the events.
 */
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import {
  satisfiesExpectedRevision,
  type AppendResult,
  type EncodedEvent,
  type ExpectedRevision,
  type StoreError,
  type StreamRevision,
} from '@borough-command/domain/eventsourcing';
import type { SchemaName } from '../schema/schema-name.js';

/** Locks the stream's row (creating it at revision -1 if new) and returns its revision. */
const lockStream = async (client: pg.ClientBase, schema: SchemaName, stream: string): Promise<StreamRevision> => {
  const result = await client.query<{ revision: string }>(
    `INSERT INTO ${schema.quoted}.streams AS s (name, revision) VALUES ($1, -1)
     ON CONFLICT (name) DO UPDATE SET revision = s.revision
     RETURNING revision`,
    [stream],
  );
  const revision = BigInt(result.rows[0]?.revision ?? '-1');
  return revision < 0n ? 'no_stream' : revision;
};

/** Where a repeat of these events would sit in the stream: the expected place, or where its first id is. */
const repeatStart = (expected: ExpectedRevision, actual: StreamRevision): bigint | 'by-first-id' | undefined => {
  if (actual === 'no_stream') return undefined;
  if (typeof expected === 'bigint') return expected === actual ? undefined : expected + 1n;
  if (expected === 'no_stream') return 0n;
  return 'by-first-id';
};

/**
 * Tells whether these event ids already sit, one for one, where the append would put them (as the
 * other stores do): the result of that earlier append, `partial` when only the first matches, or
 * undefined when they are not there.
 */
const alreadyWritten = async (
  client: pg.ClientBase,
  schema: SchemaName,
  stream: string,
  eventIds: readonly string[],
  expected: ExpectedRevision,
  actual: StreamRevision,
): Promise<AppendResult | 'partial' | undefined> => {
  const start = repeatStart(expected, actual);
  if (start === undefined) return undefined;
  const found = await client.query<{ revision: string; event_id: string; position: string }>(
    `SELECT revision, event_id, position FROM ${schema.quoted}.events
     WHERE stream = $1
       AND revision >= COALESCE($2::bigint, (SELECT max(revision) FROM ${schema.quoted}.events WHERE stream = $1 AND event_id = $3))
     ORDER BY revision
     LIMIT $4`,
    [stream, start === 'by-first-id' ? null : start.toString(), eventIds[0], eventIds.length],
  );
  if (found.rows[0]?.event_id !== eventIds[0]) return undefined;
  if (found.rows.length < eventIds.length || found.rows.some((row, i) => row.event_id !== eventIds[i])) return 'partial';
  const last = found.rows[found.rows.length - 1] as { revision: string; position: string };
  return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position), written: 0 };
};

/**
 * Takes the next positions of the global log and writes the events, in one statement. Updating
 * `log_head` holds its row lock until this transaction ends: the next append waits for it here, so
 * positions are committed, and become visible, in order. The notification is sent at commit. Each
 * event's data goes in as the exact JSON text the codec produced, cast to `json` and kept as it is.
 */
const writeEvents = async (client: pg.ClientBase, schema: SchemaName, stream: string, firstRevision: bigint, events: readonly EncodedEvent[]): Promise<bigint> => {
  const s = schema.quoted;
  const result = await client.query<{ last_position: string }>(
    `WITH head AS (
       UPDATE ${s}.log_head SET last_position = last_position + $2::bigint RETURNING last_position - $2::bigint AS before
     ), written AS (
       INSERT INTO ${s}.events (position, stream, revision, event_id, type, schema_version, data, metadata)
       SELECT head.before + e.ord, $1, $3::bigint + e.ord - 1, e.event_id, e.type, e.schema_version, e.data::json, e.metadata::json
       FROM head, unnest($4::text[], $5::text[], $6::integer[], $7::text[], $8::text[]) WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, ord)
     ), moved AS (
       UPDATE ${s}.streams SET revision = $3::bigint + $2::bigint - 1 WHERE name = $1
     )
     SELECT head.before + $2::bigint AS last_position, pg_notify($9, (head.before + $2::bigint)::text) FROM head`,
    [
      stream,
      events.length,
      firstRevision.toString(),
      events.map((event) => event.metadata.eventId),
      events.map((event) => event.type),
      events.map((event) => event.metadata.schemaVersion),
      events.map((event) => event.json),
      events.map((event) => JSON.stringify(event.metadata)),
      schema.channel,
    ],
  );
  return BigInt(result.rows[0]?.last_position ?? '-1');
};

/**
 * Runs one append inside an open transaction. A `Left` (a conflict) leaves the transaction for the
 * caller to roll back; a `Right` with `written: 0` (a repeat) wrote nothing.
 */
export const writeAppend = async (
  client: pg.ClientBase,
  schema: SchemaName,
  stream: string,
  events: readonly EncodedEvent[],
  expected: ExpectedRevision,
): Promise<E.Either<StoreError, AppendResult>> => {
  const actual = await lockStream(client, schema, stream);
  const repeat = await alreadyWritten(client, schema, stream, events.map((event) => event.metadata.eventId), expected, actual);
  if (repeat !== undefined && repeat !== 'partial') return E.right(repeat);
  if (repeat === 'partial' || !satisfiesExpectedRevision(expected, actual)) return E.left({ _tag: 'WrongExpectedRevision', stream, expected, actual });
  const firstRevision = actual === 'no_stream' ? 0n : actual + 1n;
  const position = await writeEvents(client, schema, stream, firstRevision, events);
  return E.right({ nextExpectedRevision: firstRevision + BigInt(events.length) - 1n, position, written: events.length });
};
