/** What PostgreSQL adds to the kernel's checks of a stream name. */
import { invalidArgument, type StoreError } from '@borough-command/domain/eventsourcing';

/** A stream name holding U+0000, which a PostgreSQL `text` value cannot hold, is refused before anything is sent. */
export const checkStoredName = (stream: string, operation: string): StoreError | undefined =>
  typeof stream === 'string' && stream.includes('\u0000')
    ? invalidArgument(operation, 'the stream name holds the character U+0000, which PostgreSQL cannot store')
    : undefined;
