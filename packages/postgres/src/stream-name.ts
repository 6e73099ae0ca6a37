/** What PostgreSQL adds to the kernel's checks of a stream name. */
import { invalidArgument, type StoreError } from '@borough-command/domain/eventsourcing';

/** A UTF-16 surrogate without its other half: it has no UTF-8 form, so it would be stored as another character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses, before anything is sent, a stream name PostgreSQL would not store as given: one holding
 * U+0000 (a `text` value cannot) or a lone surrogate (stored as U+FFFD, so read back as another name).
 */
export const checkStoredName = (stream: string, operation: string): StoreError | undefined => {
  if (typeof stream !== 'string') return undefined;
  if (stream.includes('\u0000')) return invalidArgument(operation, 'the stream name holds the character U+0000, which PostgreSQL cannot store');
  if (LONE_SURROGATE.test(stream)) return invalidArgument(operation, 'the stream name holds a lone UTF-16 surrogate, which PostgreSQL cannot store as it is');
  return undefined;
};
