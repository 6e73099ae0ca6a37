import * as E from 'fp-ts/lib/Either.js';
import { copyEvents } from '../cli/copy-events.js';
import { openEventSource } from '../cli/event-source.js';
import { EXIT_OK } from '../cli/failure.js';
import { helpOption } from '../cli/options.js';
import { createProgress } from '../cli/progress.js';
import { warnTornTail } from '../cli/replay-views.js';
import { describeChoice, serverChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { openWritableStore } from '../cli/writable-store.js';
import { printCopy } from './copy-report.js';

/** `import (--eventstore <cs> | --postgres <cs>) <file>`: copies a journal's events into EventStoreDB or PostgreSQL, idempotent by event id. */
export const importCommand: Subcommand = {
  name: 'import',
  summary: "copy a journal's events into EventStoreDB or PostgreSQL (idempotent by event id)",
  usage: 'borough-command import (--eventstore <cs> | --postgres <cs>) <journal>',
  description: [
    "Reads the journal line by line (checked as verify does, read-only, no lock) and appends each",
    'event to the server in the same stream at the same revision, with its id and metadata; a',
    'PostgreSQL schema is migrated first (nothing changes when it is there already). Idempotent by',
    'event id on any server: each batch is first read at its revision and its event ids compared, so',
    'importing again writes only what the server does not hold yet. A stream that holds other events',
    'at those revisions stops the import (exit 1): the histories differ. A server that cannot be',
    'reached, or an append whose outcome stays unknown, stops it with exit 2: run it again.',
  ],
  options: {
    eventstore: { type: 'string', value: '<connection string>', description: 'write to EventStoreDB, e.g. esdb://localhost:2113?tls=false' },
    postgres: { type: 'string', value: '<connection string>', description: 'or write to PostgreSQL, e.g. postgres://borough@localhost:5432/borough' },
    ...helpOption,
  },
  positional: { name: 'journal' },
  examples: ['borough-command import --eventstore "esdb://localhost:2113?tls=false" out/london-2009-2019.ndjson'],
  run: async (invocation, io) => {
    const to = serverChoiceOf(invocation.values);
    if (E.isLeft(to)) return to;
    const from = { kind: 'journal', file: invocation.positionals[0] ?? '' } as const;
    const source = await openEventSource(from, { countTotal: io.stderrIsTty, env: io.env });
    if (E.isLeft(source)) return source;
    const target = await openWritableStore(to.right, io.env);
    if (E.isLeft(target)) {
      await source.right.close();
      return target;
    }
    const progress = createProgress(io, 'importing', source.right.total);
    try {
      const { tally, failure } = await copyEvents(source.right, target.right.store, progress.advance);
      progress.finish();
      warnTornTail(io, from, source.right.tornTail());
      printCopy(io, `${failure === undefined ? 'Imported' : 'Incomplete: stopped early importing'} ${describeChoice(from)} into ${describeChoice(to.right)}`, tally);
      return failure === undefined ? E.right(EXIT_OK) : E.left(failure);
    } finally {
      await target.right.store.close();
      await source.right.close();
    }
  },
};
