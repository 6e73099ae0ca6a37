import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, policyWith, type EnforcementMode } from '@borough-command/domain';
import { checkActor, defaultActor } from '../cli/actor.js';
import { decodeCommandLines, readCommandFile, type CommandLine } from '../cli/command-file.js';
import { acknowledgementLine, executeInOrder, type Stop, type Tally } from '../cli/execute-commands.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, inputError, usageError, type CliFailure } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { flag, helpOption, storeOptions, stringValue } from '../cli/options.js';
import { describeChoice, storeChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { counted, formatCount, renderFields } from '../cli/table.js';
import { openWritableStore } from '../cli/writable-store.js';

const enforcementOf = (value: string | undefined): E.Either<CliFailure, EnforcementMode> =>
  value === undefined || value === 'enforce' || value === 'record'
    ? E.right(value ?? 'enforce')
    : E.left(usageError(`--policy: '${value}' is neither 'enforce' nor 'record'`));

const printTally = (io: Io, tally: Tally, of: number): void => {
  for (const line of renderFields(
    [
      ['commands', `${formatCount(tally.applied)} applied, ${formatCount(tally.alreadyApplied)} already in the store, of ${formatCount(of)}`],
      ['events', `${formatCount(tally.eventsWritten)} written (${formatCount(tally.reactionEvents)} by the process managers)`],
    ],
    io.style,
  )) {
    io.out(line);
  }
};

/** Why the run stopped, in words naming the file, line, command, rule and rejection. */
const stopMessage = (file: string, commands: readonly CommandLine[], stop: Stop, tally: Tally): string => {
  const at = commands[stop.index];
  const where = `${file}:${String(at?.line ?? 0)}: ${at?.command.type ?? 'command'} '${at?.command.commandId ?? ''}'`;
  const done = tally.applied + tally.alreadyApplied;
  const rest = commands.length - stop.index - 1;
  const notRun = rest === 0 ? 'it was not run' : `it and the ${formatCount(rest)} after it were not run`;
  const tail = `${counted(done, 'command')} before it ${done === 1 ? 'is' : 'are'} in the store; ${notRun}.`;
  switch (stop._tag) {
    case 'Rejected':
      return `${where} was rejected by ${stop.rule} (${stop.rejection}): ${stop.message}\n${tail}`;
    case 'ReactionRefused':
      return (
        `${where} was applied, but the ${stop.reaction.type} it leads to was refused` +
        `${stop.rule === undefined ? '' : ` by ${stop.rule}`}: ${stop.message}\n` +
        `${counted(done, 'command')} in the store, this one included; ${rest === 0 ? 'it was the last' : `the ${formatCount(rest)} after it were not run`}.`
      );
    case 'Failed':
      return `${where} failed: ${stop.message}\n${tail}`;
  }
};

/** `apply <commands.ndjson>`: decodes every line first, then runs the commands in order through the domain service. */
export const applyCommand: Subcommand = {
  name: 'apply',
  summary: 'run the commands of an NDJSON file in order, stopping at the first one a rule rejects',
  usage: 'borough-command apply <commands.ndjson> (--journal <file> | --eventstore <cs>) [--policy enforce|record] [--actor <name>] [--progress]',
  description: [
    'Decodes every line of the file first (one JSON command per line, blank lines skipped); if any',
    'line is malformed, nothing is applied and every bad line is listed as file:line: field: reason',
    '(exit 2). Then runs the commands in order through the domain service, process managers on',
    '(AP-12, PO-6, RS-4). A command a rule rejects stops the run with its rule ID and message (exit 1);',
    'the commands before it stay applied. Commands are idempotent by commandId: running the same',
    'file again applies only what is missing. The journal is created when missing. With --progress,',
    'each command is reported on stdout as soon as the store has acknowledged it, one JSON line:',
    '{"line":N,"commandId":...,"status":"applied"|"already-applied","eventIds":[...],"reactions":[...]}.',
  ],
  options: {
    ...storeOptions,
    policy: {
      type: 'string',
      value: 'enforce|record',
      description: 'PO-3: enforce refuses an early end without an exceptional reason; record accepts it as a breach (default enforce)',
    },
    actor: { type: 'string', value: '<name>', description: "who takes the decisions, recorded in every event (default: the login name)" },
    progress: {
      type: 'boolean',
      description: 'print one JSON line on stdout for each command as soon as the store has acknowledged it (a journal: written and fsynced)',
    },
    ...helpOption,
  },
  positional: { name: 'commands.ndjson' },
  examples: [
    'borough-command apply packages/cli/examples/camden-story.ndjson --journal out/camden.ndjson --policy record',
    'borough-command apply packages/cli/examples/camden-story.ndjson --journal out/camden.ndjson --policy record --progress',
  ],
  run: async (invocation, io) => {
    const file = invocation.positionals[0] ?? '';
    const choice = storeChoiceOf(invocation.values);
    if (E.isLeft(choice)) return choice;
    const enforcement = enforcementOf(stringValue(invocation.values, 'policy'));
    if (E.isLeft(enforcement)) return enforcement;
    const checkedActor = checkActor(stringValue(invocation.values, 'actor') ?? defaultActor());
    if (E.isLeft(checkedActor)) return checkedActor;
    const actor = checkedActor.right;
    const text = await readCommandFile(file);
    if (E.isLeft(text)) return text;
    const decoded = decodeCommandLines(text.right);
    if (E.isLeft(decoded)) {
      for (const bad of decoded.left) io.err(`${file}:${String(bad.line)}: ${bad.field}: ${bad.reason}`);
      return E.left(inputError(`${counted(decoded.left.length, 'malformed line')} in ${file}; nothing was applied`));
    }
    const commands = decoded.right;
    const opened = await openWritableStore(choice.right);
    if (E.isLeft(opened)) return opened;
    const { store, recovered } = opened.right;
    try {
      if (recovered !== undefined) io.err(io.errStyle.yellow(`recovered: ${recovered}`));
      const service = createBoroughCommand({ store, policy: policyWith({ enforcement: enforcement.right }) });
      const progress = flag(invocation.values, 'progress');
      const { tally, stop } = await executeInOrder(
        service,
        commands.map((entry) => entry.command),
        { actor },
        undefined,
        ({ index, execution }) => {
          if (progress) io.out(acknowledgementLine(commands[index]?.line ?? 0, execution));
        },
      );
      io.out(io.style.bold(`Applied ${file} to ${describeChoice(choice.right)} (policy: ${enforcement.right})`));
      printTally(io, tally, commands.length);
      if (stop === undefined) return E.right(EXIT_OK);
      io.err(io.errStyle.red(stopMessage(file, commands, stop, tally)));
      return E.right(stop._tag === 'Failed' ? EXIT_BAD_INPUT : EXIT_FINDINGS);
    } finally {
      await store.close();
    }
  },
};
