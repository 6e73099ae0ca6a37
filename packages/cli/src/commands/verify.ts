import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry } from '@borough-command/domain';
import { describeStoreError, readJournalFile, type JournalSummary, type StoreError } from '@borough-command/domain/eventsourcing';
import { EXIT_FINDINGS, EXIT_OK, usageError } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { existingJournal } from '../cli/journal-file.js';
import { toJson } from '../cli/json.js';
import { flag, helpOption } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { counted, formatCount, renderFields } from '../cli/table.js';

/** What checking a journal found: its complete part, and the first problem if there is one. */
interface Verification {
  readonly file: string;
  readonly events: number;
  readonly streams: number;
  /** The summary of a journal read to its end; undefined when a bad line stopped the reading. */
  readonly summary: JournalSummary | undefined;
  /** The first bad line, or another failure to read. */
  readonly problem: { readonly line: number | null; readonly reason: string } | undefined;
}

const problemOf = (error: StoreError): { readonly line: number | null; readonly reason: string } =>
  error._tag === 'JournalCorrupt' ? { line: error.line, reason: error.reason } : { line: null, reason: describeStoreError(error) };

/** Reads the whole journal with `readJournalFile`: every line's hash, its chain, its batch, every event decoded. */
const verifyJournal = async (file: string): Promise<Verification> => {
  const streams = new Set<string>();
  let events = 0;
  for await (const page of readJournalFile(domainEventRegistry, file)) {
    if (E.isLeft(page)) return { file, events, streams: streams.size, summary: undefined, problem: problemOf(page.left) };
    if (page.right._tag === 'End') return { file, events, streams: streams.size, summary: page.right.summary, problem: undefined };
    events += page.right.events.length;
    for (const event of page.right.events) streams.add(event.stream);
  }
  return { file, events, streams: streams.size, summary: undefined, problem: { line: null, reason: 'the journal could not be read to its end' } };
};

const recoveryAdvice = (file: string, line: number): string[] => [
  'It was never acknowledged and is not part of the history. To recover, open the journal once with a writer:',
  `it saves those bytes to ${file}.torn-line-${String(line)}-<time> and cuts them off, leaving every complete line as it is:`,
  `  borough-command apply --journal ${file} /dev/null`,
];

const printText = (io: Io, verification: Verification): void => {
  const { file, summary, problem } = verification;
  io.out(io.style.bold(`Verifying ${file}`));
  if (problem !== undefined) {
    io.out(io.style.red(`FAILED: ${problem.line === null ? file : `${file}:${String(problem.line)}`}: ${problem.reason}`));
    if (problem.line !== null && problem.line > 1) io.out(`Lines 1 to ${formatCount(problem.line - 1)} passed every check.`);
    return;
  }
  if (summary === undefined) return;
  for (const line of renderFields(
    [
      ['lines', `${formatCount(summary.lines)}, each intact, chained to the one before, in its batch`],
      ['events', `${formatCount(verification.events)} decoded, in ${counted(verification.streams, 'stream')}`],
      ['head', summary.head],
    ],
    io.style,
  )) {
    io.out(line);
  }
  io.out('Keep the head hash: a journal cut back to an earlier batch cannot be told from a shorter one by the file alone.');
  const torn = summary.tornTail;
  if (torn === undefined) {
    io.out(io.style.green('OK: the journal is intact.'));
    return;
  }
  io.out(
    io.style.red(
      `FAILED: ${file}:${String(torn.line)}: the journal ends with a torn tail of ${formatCount(torn.bytes)} bytes ` +
        `(${counted(torn.batchLines, 'complete line')} of an unfinished batch, then ${counted(torn.partialBytes, 'byte')} of a line without its newline), ` +
        'left by an append a crash cut short.',
    ),
  );
  for (const line of recoveryAdvice(file, torn.line)) io.out(line);
};

/** `verify <journal>`: checks the hash chain and decodes every event, naming the first bad line; prints the head hash. */
export const verifyCommand: Subcommand = {
  name: 'verify',
  summary: "check a journal's hash chain and decode every event; print its head hash",
  usage: 'borough-command verify <journal> [--json]',
  description: [
    'Reads the journal line by line, read-only and without a lock: checks each line against its own',
    'hash, its chain to the line before, its position, revision and batch, and decodes every event.',
    'Names the first bad line and what is wrong with it (an edited, deleted, inserted or moved line),',
    'reports a torn tail (an append a crash cut short) with how to recover, and prints the head hash',
    'to keep. Exit 0 when the journal is intact, 1 on any problem.',
  ],
  options: { json: { type: 'boolean', description: 'print the result as one JSON document' }, ...helpOption },
  positional: { name: 'journal' },
  examples: ['borough-command verify out/london-2009-2019.ndjson'],
  run: async (invocation, io) => {
    const file = invocation.positionals[0] ?? '';
    if (file === '') return E.left(usageError('missing <journal>'));
    const exists = await existingJournal(file);
    if (E.isLeft(exists)) return exists;
    const verification = await verifyJournal(file);
    const ok = verification.problem === undefined && verification.summary?.tornTail === undefined;
    if (flag(invocation.values, 'json')) {
      io.out(
        toJson({
          file,
          ok,
          lines: verification.summary?.lines ?? null,
          events: verification.events,
          streams: verification.streams,
          head: verification.summary?.head ?? null,
          tornTail: verification.summary?.tornTail ?? null,
          problem: verification.problem ?? null,
        }),
      );
    } else {
      printText(io, verification);
    }
    return E.right(ok ? EXIT_OK : EXIT_FINDINGS);
  },
};
