import { stat } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, type DomainCommand, type DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { domainStreamPrefixes } from '@borough-command/projections';
import { executeInOrder, isStoreStop, type Stop, type Tally } from '../cli/execute-commands.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, inputError, usageError, type CliFailure } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { flag, helpOption, storeOptions, stringValue } from '../cli/options.js';
import { describeChoice, storeChoiceOf, type StoreChoice } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { counted, formatCount, renderFields, renderTable } from '../cli/table.js';
import { storeFailure } from '../cli/store-errors.js';
import { openWritableStore } from '../cli/writable-store.js';
import { londonHistory, type DemoHistory } from '../demo/london-history.js';

/** The seed of the demo's synthetic people when none is given. */
export const DEFAULT_DEMO_SEED = 2009;

const seedOf = (value: string | undefined): E.Either<CliFailure, number> => {
  if (value === undefined) return E.right(DEFAULT_DEMO_SEED);
  return /^\d{1,9}$/.test(value) ? E.right(Number(value)) : E.left(usageError(`--seed: '${value}' is not a whole number from 0 to 999999999`));
};

/** Refuses a journal that already holds lines, unless forced; checked before the journal is opened for writing. */
const checkEmptyJournal = async (choice: StoreChoice, force: boolean): Promise<E.Either<CliFailure, void>> => {
  if (force || choice.kind !== 'journal') return E.right(undefined);
  try {
    const info = await stat(choice.file);
    if (info.size > 0) return E.left(notEmpty(describeChoice(choice)));
  } catch {
    // no file yet: it is created on the first append
  }
  return E.right(undefined);
};

/** Refuses an EventStoreDB or PostgreSQL store that already holds events of the domain, unless forced. */
const checkEmptyStore = async (choice: StoreChoice, store: EventStore<DomainEvent>, force: boolean): Promise<E.Either<CliFailure, void>> => {
  if (force || choice.kind === 'journal') return E.right(undefined);
  for await (const page of store.readAll({ streamPrefixes: domainStreamPrefixes, pageSize: 1 })) {
    if (E.isLeft(page)) return E.left(storeFailure(page.left));
    if (page.right.length > 0) return E.left(notEmpty(describeChoice(choice)));
    break;
  }
  return E.right(undefined);
};

const notEmpty = (store: string): CliFailure =>
  inputError(`${store} is not empty; the demo writes only into an empty store (--force appends the same history again, which writes nothing new for the same seed)`);

const typeCount = (tally: Tally, type: string): string => formatCount(tally.byType.get(type) ?? 0);

/** What the demo wrote, counted from what the store acknowledged. */
const printTally = (io: Io, history: DemoHistory, tally: Tally): void => {
  for (const line of renderFields(
    [
      [
        'commands',
        `${formatCount(history.commands.length)}: ${formatCount(tally.applied)} applied, ${formatCount(tally.alreadyApplied)} already there (policy: record, process managers on)`,
      ],
      ['events', `${formatCount(tally.eventsWritten)} written (${formatCount(tally.reactionEvents)} by the process managers)`],
      [
        'appointments',
        `${typeCount(tally, 'AppointmentConfirmed')} confirmed, ${typeCount(tally, 'AppointmentProcessAbandoned')} abandoned`,
      ],
      [
        'postings',
        `${typeCount(tally, 'PostingStarted')} started, ${typeCount(tally, 'PostingEnded')} ended, ${typeCount(tally, 'MinimumTermBreached')} minimum-term breaches recorded`,
      ],
      ['BCUs', `${typeCount(tally, 'BcuWentLive')} went live`],
    ],
    io.style,
  )) {
    io.out(line);
  }
};

/** What the demo wrote, the go-live days it used and their basis, and that its people are synthetic. */
const printDemo = (io: Io, choice: StoreChoice, history: DemoHistory, tally: Tally): void => {
  io.out(io.style.bold(`London 2009-2019 (seed ${String(history.seed)}) written to ${describeChoice(choice)}`));
  printTally(io, history, tally);
  io.out('');
  io.out(io.style.bold('Go-live days'));
  for (const line of renderTable(
    [{ header: 'BCU' }, { header: 'boroughs' }, { header: 'go-live' }, { header: 'basis' }, { header: 'note' }],
    history.goLives.map((goLive) => [goLive.bcu.name, goLive.bcu.boroughs.join(', '), goLive.on, goLive.basis, goLive.note]),
    io.style,
  )) {
    io.out(line);
  }
  io.out('');
  io.out('The boroughs, BCUs and go-live days are real, as sourced. Every officer, candidate and partner is synthetic,');
  io.out('invented from the seed and marked "(synthetic)"; no real person is named.');
};

/** Why the demo stopped, and what the store holds: the commands acknowledged, and whether the last one is unknown. */
const stopMessage = (history: DemoHistory, stop: Stop, tally: Tally): string => {
  const command = history.commands[stop.index];
  const rule = stop._tag === 'Failed' || stop._tag === 'OutcomeUnknown' || stop.rule === undefined ? '' : ` (${stop.rule})`;
  const done = tally.applied + tally.alreadyApplied;
  const rest = history.commands.length - stop.index - 1;
  const held = `${counted(done, 'command')} ${done === 1 ? 'is' : 'are'} in the store`;
  const fate =
    stop._tag === 'OutcomeUnknown'
      ? `; whether the store holds '${command?.commandId ?? ''}' is unknown; the ${formatCount(rest)} after it were not run`
      : stop._tag === 'ReactionRefused'
        ? `, '${command?.commandId ?? ''}' included; the ${formatCount(rest)} after it were not run`
        : `; it and the ${formatCount(rest)} after it were not run`;
  const again = isStoreStop(stop) ? "\nRun the same demo again with --force: it finds what the store holds and writes only what is missing." : '';
  return `the demo stopped at ${command?.type ?? 'a command'} '${command?.commandId ?? ''}'${rule}: ${stop.message}\n${held}${fate}.${again}`;
};

/** `demo --journal <file>`: writes London's history 2009-2019 into an empty store, in record mode, process managers on. */
export const demoCommand: Subcommand = {
  name: 'demo',
  summary: "write London's history 2009-2019 (synthetic people) into a new journal",
  usage: 'borough-command demo (--journal <file> | --eventstore <cs> | --postgres <cs>) [--seed <n>] [--force]',
  description: [
    "Writes London's history 2009-2019 as commands through the domain service, in record mode (early",
    'departures are recorded as breaches) with the process managers on: the 32 boroughs, their',
    'synthetic commanders appointed through the process, the 2017 pathfinders and the 2018-19',
    'roll-out into 12 BCUs on their go-live days. Prints what it wrote and the go-live days with their',
    'basis (sourced day, first day of the sourced month, or assumed). Events are recorded at noon UTC',
    'of their date, so the same seed always writes the same bytes. Refuses a store that is not empty.',
    'A run stopped early prints an incomplete summary of what the store acknowledged, without the',
    'success line and the go-live days: exit 2 when the store could not be reached or an append has',
    'an unknown outcome (run it again with --force), exit 1 when a rule refused a command.',
  ],
  options: {
    ...storeOptions,
    seed: { type: 'string', value: '<n>', description: `the seed of the synthetic people and tenures (default ${String(DEFAULT_DEMO_SEED)})` },
    force: { type: 'boolean', description: 'append to a journal that is not empty (the same history again writes nothing new)' },
    ...helpOption,
  },
  examples: ['borough-command demo --journal out/london-2009-2019.ndjson', 'borough-command demo --journal out/london-7.ndjson --seed 7'],
  run: async (invocation, io) => {
    const choice = storeChoiceOf(invocation.values);
    if (E.isLeft(choice)) return choice;
    const seed = seedOf(stringValue(invocation.values, 'seed'));
    if (E.isLeft(seed)) return seed;
    const force = flag(invocation.values, 'force');
    const emptyJournal = await checkEmptyJournal(choice.right, force);
    if (E.isLeft(emptyJournal)) return emptyJournal;
    const opened = await openWritableStore(choice.right, io.env);
    if (E.isLeft(opened)) return opened;
    const { store, recovered } = opened.right;
    try {
      const emptyStore = await checkEmptyStore(choice.right, store, force);
      if (E.isLeft(emptyStore)) return emptyStore;
      if (recovered !== undefined) io.err(io.errStyle.yellow(`recovered: ${recovered}`));
      const history = londonHistory({ seed: seed.right });
      // Each event is recorded at noon UTC of its command's date: the same seed writes the same journal.
      let recordedAt = new Date(0);
      const service = createBoroughCommand({ store, policy: history.policy, clock: () => recordedAt });
      const { tally, stop } = await executeInOrder(service, history.commands, { actor: 'borough-command demo' }, (command: DomainCommand) => {
        recordedAt = new Date(`${command.at}T12:00:00.000Z`);
      });
      if (stop === undefined) {
        printDemo(io, choice.right, history, tally);
        return E.right(EXIT_OK);
      }
      io.out(io.style.bold(`Incomplete: London 2009-2019 (seed ${String(history.seed)}) stopped early on ${describeChoice(choice.right)}`));
      printTally(io, history, tally);
      io.err(io.errStyle.red(stopMessage(history, stop, tally)));
      return E.right(isStoreStop(stop) ? EXIT_BAD_INPUT : EXIT_FINDINGS);
    } finally {
      await store.close();
    }
  },
};
