/**
 * `apply --progress`: one JSON line per command as soon as the store acknowledged it, naming the
 * events it has in the store; a rejected command gets none, a command whose reaction is refused
 * gets its own; a second run reports every command as already applied with the same events.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { journalLines, temporaryFolder } from '../support/files.js';
import { CAMDEN_STORY } from '../support/paths.js';
import { commandLinesOf, eventIdsByCommand, progressOf, type ProgressLine } from './support/progress-lines.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** Every command id of a progress report, reactions included, with the event ids reported for it. */
const reportedEvents = (lines: readonly ProgressLine[]): ReadonlyMap<string, readonly string[]> =>
  new Map(lines.flatMap((line) => [line, ...line.reactions]).map((handled) => [handled.commandId, handled.eventIds]));

describe('borough-command apply --progress', () => {
  it('reports every command once acknowledged, in file order, with the ids of exactly the events the journal holds for it', async () => {
    const journal = join(folder.path, 'progress.ndjson');
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record', '--progress']);
    expect(run.code, run.stderr).toBe(0);
    const reported = progressOf(run.stdout);
    const file = await commandLinesOf(CAMDEN_STORY);
    expect(reported.map((line) => [line.line, line.commandId])).toEqual(file.map((command) => [command.line, command.commandId]));
    expect(reported.every((line) => line.status === 'applied')).toBe(true);
    // AP-12: the final decision's line carries the posting its reaction started.
    const decision = reported.find((line) => line.commandId === 'camden-2012/decide');
    expect(decision?.reactions).toHaveLength(1);
    expect(decision?.reactions[0]?.status).toBe('applied');
    // The journal holds exactly the events reported, each under the command reported.
    const inJournal = eventIdsByCommand(await journalLines(journal));
    expect(inJournal).toEqual(reportedEvents(reported));
    // The summary still follows the last line.
    expect(run.stdout.split('\n').filter((line) => !line.startsWith('{')).join('\n')).toContain('18 applied, 0 already in the store, of 18');
  });

  it('reports every command as already applied on a second run, with the same event ids', async () => {
    const journal = join(folder.path, 'again.ndjson');
    const first = progressOf((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record', '--progress'])).stdout);
    const again = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record', '--progress']);
    expect(again.code, again.stderr).toBe(0);
    const second = progressOf(again.stdout);
    expect(second.every((line) => line.status === 'already-applied' && line.reactions.every((reaction) => reaction.status === 'already-applied'))).toBe(true);
    expect(reportedEvents(second)).toEqual(reportedEvents(first));
  });

  it('PO-3 gives the rejected command no line: only the 17 commands before it are reported', async () => {
    const journal = join(folder.path, 'rejected.ndjson');
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--progress']);
    expect(run.code).toBe(1);
    const reported = progressOf(run.stdout);
    expect(reported).toHaveLength(17);
    expect(reported.map((line) => line.commandId)).not.toContain('camden-2012/end');
    expect(eventIdsByCommand(await journalLines(journal))).toEqual(reportedEvents(reported));
  });

  it('PO-1 gives a command whose AP-12 reaction is refused its line, without the reaction, then stops', async () => {
    // Without Ada Stone's departure, the posting the confirmed appointment starts is refused by PO-1
    // (in `enforce` mode: `record` mode would record the second commander in post as a departure).
    const commands = join(folder.path, 'still-commanded.ndjson');
    const story = (await readFile(CAMDEN_STORY, 'utf8')).split('\n');
    await writeFile(commands, story.filter((line) => !line.includes('"camden/ada/end"')).join('\n'));
    const journal = join(folder.path, 'reaction-refused.ndjson');
    const run = await runCli(['apply', commands, '--journal', journal, '--policy', 'enforce', '--progress']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('was applied, but the StartPosting it leads to was refused by PO-1');
    const reported = progressOf(run.stdout);
    expect(reported.at(-1)).toMatchObject({ commandId: 'camden-2012/decide', status: 'applied', reactions: [] });
    expect(eventIdsByCommand(await journalLines(journal))).toEqual(reportedEvents(reported));
  });

  it('prints no progress line without --progress', async () => {
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', join(folder.path, 'quiet.ndjson'), '--policy', 'record']);
    expect(run.code).toBe(0);
    expect(progressOf(run.stdout)).toEqual([]);
  });
});
