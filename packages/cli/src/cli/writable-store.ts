import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { openJournalStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { noteCheckedJournal } from './checked-journal.js';
import { inputError, type CliFailure } from './failure.js';
import { openEventStoreDb } from './eventstore.js';
import { openPostgresForWriting } from './postgres.js';
import type { StoreChoice } from './store-choice.js';
import { storeFailure } from './store-errors.js';

/** A store opened for writing, and what opening it recovered. */
export interface WritableStore {
  readonly store: EventStore<DomainEvent>;
  /** A sentence about a torn tail the journal writer saved aside and cut off, if it found one. */
  readonly recovered: string | undefined;
}

const isDirectory = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Opens the store for writing: a journal with its writer lock (created on the first append when
 * missing; a torn tail is saved aside and cut off; closed, it leaves the note that it checked the
 * journal, `checked-journal.ts`), EventStoreDB, or PostgreSQL (its schema
 * migrated first, which changes nothing when it is there already). Only `apply`, `import` and
 * `demo` call this for the store they are given, and `export` for the journal it writes.
 */
export const openWritableStore = async (choice: StoreChoice, env: Readonly<Record<string, string | undefined>>): Promise<E.Either<CliFailure, WritableStore>> => {
  if (choice.kind === 'eventstore') {
    const store = openEventStoreDb(choice.connectionString, env);
    return E.isLeft(store) ? store : E.right({ store: store.right, recovered: undefined });
  }
  if (choice.kind === 'postgres') {
    const store = await openPostgresForWriting(choice.connectionString);
    return E.isLeft(store) ? store : E.right({ store: store.right, recovered: undefined });
  }
  const directory = dirname(choice.file);
  if (!(await isDirectory(directory))) return E.left(inputError(`cannot write ${choice.file}: directory ${directory} does not exist`));
  const opened = await openJournalStore(domainEventRegistry, { file: choice.file })();
  if (E.isLeft(opened)) return E.left(storeFailure(opened.left));
  const { recovery } = opened.right;
  const recovered =
    recovery.tornTail === undefined || recovery.tornTailSavedTo === undefined
      ? undefined
      : `the journal ended with a torn tail (${String(recovery.tornTail.bytes)} bytes from line ${String(recovery.tornTail.line)}, ` +
        `an append a crash cut short); its bytes were saved to ${recovery.tornTailSavedTo} and cut off`;
  // Closed, the journal is left with the note that this writer checked it (it checked every line
  // as it opened it, and wrote those after): the next question need not hash it again.
  const store = opened.right;
  const close = async (): Promise<void> => {
    const leaveNote = await noteCheckedJournal(choice.file);
    await store.close();
    await leaveNote();
  };
  return E.right({ store: { ...store, close }, recovered });
};
