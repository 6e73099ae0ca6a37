import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, policyStream } from '@borough-command/domain';
import { checkActor, defaultActor } from '../cli/actor.js';
import { decodeCommandLines, readCommandFile, type CommandLine } from '../cli/command-file.js';
import { acknowledgementLine, executeInOrder, isStoreStop, type Stop, type Tally } from '../cli/execute-commands.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, inputError } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { flag, helpOption, storeOptions, stringValue } from '../cli/options.js';
import { adoptedVersionCount, POLICY_ID } from '../cli/policy-history.js';
import { checkRecordedHistory, describePolicyChoice, policyChoiceOf } from '../cli/policy-option.js';
import { describeChoice, storeChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { storeFailure } from '../cli/store-errors.js';
import { counted, formatCount, renderFields } from '../cli/table.js';
import { openWritableStore } from '../cli/writable-store.js';

/** The tally; with a policy file, the versions adopted on the policy's stream too (PH-2: recorded the first time one judges a decision). */
const printTally = (io: Io, tally: Tally, of: number, adopted: number | undefined): void => {
  for (const line of renderFields(
    [
      ['commands', `${formatCount(tally.applied)} applied, ${formatCount(tally.alreadyApplied)} already in the store, of ${formatCount(of)}`],
      ['events', `${formatCount(tally.eventsWritten)} written (${formatCount(tally.reactionEvents)} by the process managers)`],
      ...(adopted === undefined ? [] : [['policy', `${counted(adopted, 'version')} adopted on ${policyStream(POLICY_ID)} (PH-2)`] as const]),
    ],
    io.style,
  )) {
    io.out(line);
  }
};

/** Why the run stopped, in words naming the file, line, command, rule and rejection, and what the store holds. */
const stopMessage = (file: string, commands: readonly CommandLine[], stop: Stop, tally: Tally): string => {
  const at = commands[stop.index];
  const where = `${file}:${String(at?.line ?? 0)}: ${at?.command.type ?? 'command'} '${at?.command.commandId ?? ''}'`;
  const done = tally.applied + tally.alreadyApplied;
  const rest = commands.length - stop.index - 1;
  const before = `${counted(done, 'command')} before it ${done === 1 ? 'is' : 'are'} in the store`;
  const after = rest === 0 ? '' : `; the ${formatCount(rest)} after it were not run`;
  const notRun = rest === 0 ? 'it was not run' : `it and the ${formatCount(rest)} after it were not run`;
  switch (stop._tag) {
    case 'Rejected':
      return `${where} was rejected by ${stop.rule} (${stop.rejection}): ${stop.message}\n${before}; ${notRun}.`;
    case 'ReactionRefused':
      return (
        `${where} was applied, but the ${stop.reaction.type} it leads to ${stop.fault === undefined ? 'was refused' : 'failed'}` +
        `${stop.rule === undefined ? '' : ` by ${stop.rule}`}: ${stop.message}\n` +
        `${counted(done, 'command')} in the store, this one included; ${rest === 0 ? 'it was the last' : `the ${formatCount(rest)} after it were not run`}.` +
        (stop.fault === undefined ? '' : '\nRun the same command file again: it applies only what is missing.')
      );
    case 'Failed':
      return `${where} failed: ${stop.message}\n${before}; ${notRun}.`;
    case 'OutcomeUnknown':
      return (
        `${where} has an unknown outcome: ${stop.message}\n` +
        `${before}; whether the store holds this one is unknown${after}.\n` +
        'Run the same command file again: it finds what the store holds and applies only what is missing, each command at most once.'
      );
  }
};

/** `apply <commands.ndjson>`: decodes every line first, then runs the commands in order through the domain service. */
export const applyCommand: Subcommand = {
  name: 'apply',
  summary: 'run the commands of an NDJSON file in order, stopping at the first one a rule rejects',
  usage: 'borough-command apply <commands.ndjson> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--policy enforce|record|<policy.json>] [--actor <name>] [--progress]',
  description: [
    'Decodes every line of the file first (one JSON command per line, blank lines skipped); if any',
    'line is malformed, nothing is applied and every bad line is listed as file:line: field: reason',
    '(exit 2). Then runs the commands in order through the domain service, process managers on',
    '(AP-12, PO-6, RS-4). A command a rule rejects stops the run with its rule ID and message (exit 1);',
    'the commands before it stay applied. A store that cannot be reached, or an append whose outcome',
    'is unknown (no answer within the deadline), stops the run with exit 2: run the same file again.',
    'Commands are idempotent by commandId: running the same',
    'file again applies only what is missing. The journal is created when missing. With --progress,',
    'each command is reported on stdout as soon as the store has acknowledged it, one JSON line:',
    '{"line":N,"commandId":...,"status":"applied"|"already-applied","eventIds":[...],"reactions":[...]}.',
    '--policy takes a mode or a policy file: JSON with an optional "enforcement" and "versions",',
    'each {"id","effectiveFrom","source":{"kind","citation"},"changes":{...}} changing policy values',
    'from its day on, over the seeds\' history (docs/cli.md). A decision is judged by the version in',
    'force on its date, and its events name it (metadata.policyVersion; PH-1); a version is recorded',
    'as adopted when it first judges one (PH-2). A file that is not valid, or whose version ids or',
    'days are taken, is reported as policy file <file>: <field>: <reason> (exit 2); nothing is written.',
  ],
  options: {
    ...storeOptions,
    policy: {
      type: 'string',
      value: 'enforce|record|<policy.json>',
      description:
        'PO-3: enforce refuses an early end without an exceptional reason; record accepts it as a breach (default enforce); ' +
        'or a policy file: versions changing policy values from a day on, and its mode',
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
    'borough-command apply packages/cli/test/fixtures/hackney-2014.ndjson --journal out/hackney.ndjson --policy packages/cli/test/fixtures/two-year-minimum.policy.json',
  ],
  run: async (invocation, io) => {
    const file = invocation.positionals[0] ?? '';
    const choice = storeChoiceOf(invocation.values);
    if (E.isLeft(choice)) return choice;
    const checkedActor = checkActor(stringValue(invocation.values, 'actor') ?? defaultActor());
    if (E.isLeft(checkedActor)) return checkedActor;
    const actor = checkedActor.right;
    const chosen = await policyChoiceOf(stringValue(invocation.values, 'policy'));
    if (E.isLeft(chosen)) return chosen;
    const text = await readCommandFile(file);
    if (E.isLeft(text)) return text;
    const decoded = decodeCommandLines(text.right);
    if (E.isLeft(decoded)) {
      for (const bad of decoded.left) io.err(`${file}:${String(bad.line)}: ${bad.field}: ${bad.reason}`);
      return E.left(inputError(`${counted(decoded.left.length, 'malformed line')} in ${file}; nothing was applied`));
    }
    const commands = decoded.right;
    const opened = await openWritableStore(choice.right, io.env);
    if (E.isLeft(opened)) return opened;
    const { store, recovered } = opened.right;
    try {
      if (recovered !== undefined) io.err(io.errStyle.yellow(`recovered: ${recovered}`));
      const service = createBoroughCommand({ store, policy: chosen.right.policy, policyId: POLICY_ID });
      const inForce = await service.policyInForce()();
      if (E.isLeft(inForce)) return E.left(storeFailure(inForce.left));
      const checked = checkRecordedHistory(chosen.right, inForce.right);
      if (E.isLeft(checked)) return checked;
      const adoptedBefore = chosen.right.file === undefined ? undefined : await adoptedVersionCount(store);
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
      const heading = stop === undefined ? `Applied ${file} to` : `Incomplete: ${file} stopped early on`;
      io.out(io.style.bold(`${heading} ${describeChoice(choice.right)} (policy: ${describePolicyChoice(chosen.right)})`));
      const adoptedAfter = adoptedBefore === undefined || (stop !== undefined && isStoreStop(stop)) ? undefined : await adoptedVersionCount(store);
      printTally(io, tally, commands.length, adoptedBefore === undefined || adoptedAfter === undefined ? undefined : adoptedAfter - adoptedBefore);
      if (stop === undefined) return E.right(EXIT_OK);
      io.err(io.errStyle.red(stopMessage(file, commands, stop, tally)));
      return E.right(isStoreStop(stop) ? EXIT_BAD_INPUT : EXIT_FINDINGS);
    } finally {
      await store.close();
    }
  },
};
