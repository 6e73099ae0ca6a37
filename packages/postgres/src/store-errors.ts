/** Turns node-postgres failures into the kernel's tagged store errors, with credentials masked. */
import type { ExpectedRevision, StoreError } from '@borough-command/domain/eventsourcing';
import type { Redactor } from './redaction.js';
import { LATEST_SCHEMA_VERSION } from './schema/migrations.js';

/** What a failure means for the caller. */
export type FailureKind =
  /** The server could not be reached or went away: safe to try again. */
  | 'unavailable'
  /** The schema is missing or at another version: run the migration. */
  | 'not_migrated'
  /** The server refused the request for good (bad credentials, a missing database, a bug). */
  | 'refused';

/** SQLSTATE classes and codes of a server that is going away, busy, or cannot answer now. */
const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '53300', '53400', '40001', '40P01', '55P03', '57014']);
/** Socket-level errors of a server out of reach. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** A missing schema (3F000), table (42P01) or column (42703): the schema was not migrated. */
const NOT_MIGRATED_CODES = new Set(['3F000', '42P01', '42703']);
/** What node-postgres says when the socket closes under a query or the pool gives up waiting. */
const LOST_CONNECTION = /connection terminated|connection timeout|timeout exceeded when trying to connect|connection error|not queryable|socket|server closed the connection|query read timeout/i;

const codeOf = (cause: unknown): string | undefined =>
  typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;

/** The message of a failure, for a reason. */
export const messageOf = (cause: unknown): string => {
  if (cause instanceof AggregateError && cause.errors.length > 0) return cause.errors.map(messageOf).join('; ');
  if (cause instanceof Error) return cause.message === '' ? (codeOf(cause) ?? cause.name) : cause.message;
  return String(cause);
};

/** Sorts a failure of node-postgres. */
export const kindOf = (cause: unknown): FailureKind => {
  const code = codeOf(cause);
  if (code !== undefined) {
    if (NOT_MIGRATED_CODES.has(code)) return 'not_migrated';
    if (TRANSIENT_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return 'unavailable';
    if (/^[0-9A-Z]{5}$/.test(code)) return 'refused';
  }
  // A system error of the socket (code `E...`), several failed attempts, or a closed connection.
  if (code !== undefined || cause instanceof AggregateError || !(cause instanceof Error)) return 'unavailable';
  return LOST_CONNECTION.test(messageOf(cause)) ? 'unavailable' : 'refused';
};

/** The sentence telling that the schema must be migrated first. */
export const notMigratedReason = (schema: string, found: string, needed: number): string =>
  `the PostgreSQL schema '${schema}' is at ${found}, this store needs version ${String(needed)}: run the migration first (migratePostgresSchema of @borough-command/postgres)`;

/** What a failure is mapped against: the operation, the schema, and the redactor. */
export interface FailureContext {
  readonly operation: string;
  readonly schema: string;
  readonly redact: Redactor;
}

/** A `StoreUnavailable` error, its reason redacted. */
export const storeUnavailable = (operation: string, reason: string, redact: Redactor): StoreError => ({
  _tag: 'StoreUnavailable',
  retryable: true,
  operation,
  reason: redact(reason),
});

/** The store error a failure of a read, or of an append before its commit was sent, stands for. */
export const toStoreError = (cause: unknown, context: FailureContext): StoreError => {
  const { operation, redact } = context;
  switch (kindOf(cause)) {
    case 'unavailable':
      return storeUnavailable(operation, messageOf(cause), redact);
    case 'not_migrated':
      return { _tag: 'InvalidStoreArgument', operation, reason: notMigratedReason(context.schema, `no version (${redact(messageOf(cause))})`, LATEST_SCHEMA_VERSION) };
    case 'refused':
      return { _tag: 'InvalidStoreArgument', operation, reason: redact(`the server refused it: ${messageOf(cause)}`) };
  }
};

/**
 * The store error of an append whose commit was sent but whose answer never came: the server may
 * have committed it or not. A refusal of the commit itself is a plain error: nothing was written.
 */
export const commitOutcomeUnknown = (
  cause: unknown,
  context: FailureContext & { readonly stream: string; readonly expected: ExpectedRevision; readonly eventIds: readonly string[] },
): StoreError =>
  kindOf(cause) === 'unavailable'
    ? { _tag: 'AppendOutcomeUnknown', stream: context.stream, expected: context.expected, eventIds: context.eventIds, reason: context.redact(messageOf(cause)) }
    : toStoreError(cause, context);
