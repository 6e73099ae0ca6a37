/**
 * Runs the service. The store is PostgreSQL when DATABASE_URL names a server (its schema migrated
 * first), a journal file when BOROUGH_COMMAND_JOURNAL names one (the views are rebuilt from the
 * store at start), in memory otherwise; BOROUGH_COMMAND_ENFORCEMENT=record records
 * early departures as breaches instead of refusing them (PO-3); PORT (3000) and HOST (127.0.0.1)
 * say where to listen. SIGINT or SIGTERM stops it cleanly.
 *
 *   BOROUGH_COMMAND_JOURNAL=out/journal.ndjson npx tsx --conditions=@borough-command/source examples/embed-in-service/main.ts
 *   curl -s -H 'content-type: application/json' -H 'x-actor: area-commander-grey' \
 *     -d '{"type":"OpenAppointmentProcess","commandId":"c-1","at":"2012-02-01","processId":"camden-2012",
 *          "unit":{"kind":"borough","name":"Camden"},"role":"borough-commander","areaCommander":"Area Commander Grey"}' \
 *     http://127.0.0.1:3000/commands
 *   curl -s http://127.0.0.1:3000/appointments/camden-2012/trail
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  domainEventRegistry,
  policyWith,
  type DomainEvent,
} from '@borough-command/domain';
import {
  createInMemoryStore,
  describeStoreError,
  openJournalStore,
  type EventStore,
  type StoreError,
} from '@borough-command/domain/eventsourcing';
import { createPostgresStore, createRedactor, migratePostgresSchema, secretsOf } from '@borough-command/postgres';
import { startService } from './service.js';

const database = process.env['DATABASE_URL'];
const journal = process.env['BOROUGH_COMMAND_JOURNAL'];
const enforcement = process.env['BOROUGH_COMMAND_ENFORCEMENT'] === 'record' ? 'record' : 'enforce';
const port = Number(process.env['PORT'] ?? '3000');
const host = process.env['HOST'] ?? '127.0.0.1';

/** PostgreSQL: the schema migrated (an explicit, idempotent step), then the store. */
const openPostgres = async (connectionString: string): Promise<E.Either<StoreError, EventStore<DomainEvent>>> => {
  const migrated = await migratePostgresSchema({ connectionString })();
  return E.isLeft(migrated) ? migrated : createPostgresStore(domainEventRegistry, { connectionString });
};

const openStore = async (): Promise<E.Either<StoreError, EventStore<DomainEvent>>> => {
  if (database !== undefined && database !== '') return openPostgres(database);
  return journal === undefined || journal === ''
    ? E.right(createInMemoryStore(domainEventRegistry))
    : openJournalStore(domainEventRegistry, { file: journal })();
};

/** What the store is, for the first line: the server's address with its password masked. */
const storeName = (): string => {
  if (database !== undefined && database !== '') return `PostgreSQL ${createRedactor(secretsOf(database))(database)}`;
  return journal === undefined || journal === '' ? 'in memory' : `journal ${journal}`;
};

const opened = await openStore();
if (E.isLeft(opened)) {
  console.error(`cannot open the store: ${describeStoreError(opened.left)}`);
  process.exitCode = 2;
} else {
  const store = opened.right;
  const started = await startService({ store, policy: policyWith({ enforcement }) }, { port, host });
  if (E.isLeft(started)) {
    console.error(started.left.message);
    await store.close();
    process.exitCode = 2;
  } else {
    const service = started.right;
    console.log(`listening on ${service.url} (store: ${storeName()}; PO-3 ${enforcement})`);
    const shutdown = (signal: string): void => {
      console.log(`${signal}: stopping`);
      void service
        .stop()
        .then(() => store.close())
        .then(() => {
          console.log('stopped');
        });
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
}
