import * as E from 'fp-ts/lib/Either.js';
import { copyEvents } from '../cli/copy-events.js';
import { openEventSource } from '../cli/event-source.js';
import { EXIT_OK, usageError } from '../cli/failure.js';
import { helpOption, stringValue } from '../cli/options.js';
import { createProgress } from '../cli/progress.js';
import { describeChoice, serverChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { openWritableStore } from '../cli/writable-store.js';
import { printCopy } from './copy-report.js';

/** `export (--eventstore <cs> | --postgres <cs>) --out <file>`: copies the domain's events from EventStoreDB or PostgreSQL into a hash-chained journal. */
export const exportCommand: Subcommand = {
  name: 'export',
  summary: "copy the domain's events from EventStoreDB or PostgreSQL into a hash-chained journal file",
  usage: 'borough-command export (--eventstore <cs> | --postgres <cs>) --out <file>',
  description: [
    "Reads the domain's streams (appointment-, posting-, restructure-) from EventStoreDB in $all order",
    '(or from PostgreSQL in its global order) and appends them to a journal file, each event with its',
    'stream, revision, id and metadata, so an auditor can keep it and check it with verify. Idempotent',
    'by event id: exporting again into the same journal appends only the events it does not hold yet.',
    'The server is only read (a PostgreSQL schema is not migrated).',
  ],
  options: {
    eventstore: { type: 'string', value: '<connection string>', description: 'read EventStoreDB, e.g. esdb://localhost:2113?tls=false' },
    postgres: { type: 'string', value: '<connection string>', description: 'or read PostgreSQL, e.g. postgres://borough@localhost:5432/borough' },
    out: { type: 'string', value: '<file>', description: 'the journal file to write (created when missing) (required)' },
    ...helpOption,
  },
  examples: ['borough-command export --eventstore "esdb://localhost:2113?tls=false" --out out/exported.ndjson'],
  run: async (invocation, io) => {
    const from = serverChoiceOf(invocation.values);
    if (E.isLeft(from)) return from;
    const out = stringValue(invocation.values, 'out');
    if (out === undefined || out === '') return E.left(usageError('missing --out <file>'));
    const to = { kind: 'journal', file: out } as const;
    const source = await openEventSource(from.right, { countTotal: false, env: io.env });
    if (E.isLeft(source)) return source;
    const target = await openWritableStore(to, io.env);
    if (E.isLeft(target)) {
      await source.right.close();
      return target;
    }
    const progress = createProgress(io, 'exporting', undefined);
    try {
      if (target.right.recovered !== undefined) io.err(io.errStyle.yellow(`recovered: ${target.right.recovered}`));
      const { tally, failure } = await copyEvents(source.right, target.right.store, progress.advance);
      progress.finish();
      printCopy(io, `${failure === undefined ? 'Exported' : 'Incomplete: stopped early exporting'} ${describeChoice(from.right)} to ${describeChoice(to)}`, tally);
      return failure === undefined ? E.right(EXIT_OK) : E.left(failure);
    } finally {
      await target.right.store.close();
      await source.right.close();
    }
  },
};
