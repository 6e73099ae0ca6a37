import * as E from 'fp-ts/lib/Either.js';
import { copyEvents } from '../cli/copy-events.js';
import { openEventSource } from '../cli/event-source.js';
import { EXIT_OK, usageError } from '../cli/failure.js';
import { helpOption, stringValue } from '../cli/options.js';
import { createProgress } from '../cli/progress.js';
import { warnTornTail } from '../cli/replay-views.js';
import { describeChoice } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { openWritableStore } from '../cli/writable-store.js';
import { printCopy } from './copy-report.js';

/** `import --eventstore <cs> <file>`: copies a journal's events into EventStoreDB, idempotent by event id. */
export const importCommand: Subcommand = {
  name: 'import',
  summary: "copy a journal's events into EventStoreDB (idempotent by event id)",
  usage: 'borough-command import --eventstore <cs> <journal>',
  description: [
    "Reads the journal line by line (checked as verify does, read-only, no lock) and appends each",
    'event to EventStoreDB in the same stream at the same revision, with its id and metadata.',
    'Idempotent by event id on any server: each batch is first read at its revision and its event ids',
    'compared, so importing again writes only what EventStoreDB does not hold yet. A stream that holds',
    'other events at those revisions stops the import (exit 1): the histories differ. A server that',
    'cannot be reached, or an append whose outcome stays unknown, stops it with exit 2: run it again.',
  ],
  options: {
    eventstore: { type: 'string', value: '<connection string>', description: 'where to write, e.g. esdb://localhost:2113?tls=false (required)' },
    ...helpOption,
  },
  positional: { name: 'journal' },
  examples: ['borough-command import --eventstore "esdb://localhost:2113?tls=false" out/london-2009-2019.ndjson'],
  run: async (invocation, io) => {
    const connectionString = stringValue(invocation.values, 'eventstore');
    if (connectionString === undefined || connectionString === '') return E.left(usageError('missing --eventstore <connection string>'));
    const from = { kind: 'journal', file: invocation.positionals[0] ?? '' } as const;
    const to = { kind: 'eventstore', connectionString } as const;
    const source = await openEventSource(from, { countTotal: io.stderrIsTty, env: io.env });
    if (E.isLeft(source)) return source;
    const target = await openWritableStore(to, io.env);
    if (E.isLeft(target)) return target;
    const progress = createProgress(io, 'importing', source.right.total);
    try {
      const { tally, failure } = await copyEvents(source.right, target.right.store, progress.advance);
      progress.finish();
      warnTornTail(io, from, source.right.tornTail());
      printCopy(io, `${failure === undefined ? 'Imported' : 'Incomplete: stopped early importing'} ${describeChoice(from)} into ${describeChoice(to)}`, tally);
      return failure === undefined ? E.right(EXIT_OK) : E.left(failure);
    } finally {
      await target.right.store.close();
      await source.right.close();
    }
  },
};
