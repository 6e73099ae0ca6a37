/**
 * The views snapshot beside a journal (`<journal>.views/`, a file per group of views): a second
 * question starts from it and folds only what was appended; a snapshot that does not match the
 * journal, the code or the policy is ignored with a one-line notice, and the answer is always a
 * whole replay's.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { journalLines, temporaryFolder } from './support/files.js';
import { BIN, CAMDEN_STORY, HACKNEY_2014 } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
/** The Camden story applied: the journal every test copies. */
let camden = '';

beforeAll(async () => {
  folder = await temporaryFolder();
  camden = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', camden, '--policy', 'record'])).code).toBe(0);
});

afterAll(async () => {
  await folder.remove();
});

let copies = 0;
/** A copy of the Camden journal, with no snapshot beside it. */
const copyOfCamden = async (): Promise<string> => {
  copies += 1;
  const file = join(folder.path, `copy-${String(copies)}.ndjson`);
  await copyFile(camden, file);
  return file;
};

const question = (journal: string, ...extra: string[]) => ['accountability', 'Camden', '--as-at', '2013-07-01', '--journal', journal, '--json', ...extra];

let extras = 0;
/** Applies one more command (an appointment process opened): one more event in the journal. */
const applyOneMore = async (journal: string): Promise<void> => {
  extras += 1;
  const commands = join(folder.path, `extra-${String(extras)}.ndjson`);
  const processId = `extra-${String(extras)}`;
  await writeFile(
    commands,
    `${JSON.stringify({ type: 'OpenAppointmentProcess', commandId: processId, at: '2014-02-01', processId, unit: { kind: 'borough', name: 'Islington' }, role: 'borough-commander', areaCommander: 'Commander North' })}\n`,
  );
  expect((await runCli(['apply', commands, '--journal', journal])).code).toBe(0);
};

/** The answer a whole replay gives, without any snapshot. */
const wholeReplay = (journal: string) => runCli(question(journal, '--no-cache'));

/** The snapshot of the accountability group (PH-1 and AC-1), which the question asked here reads. */
const snapshotFile = (journal: string): string => join(`${journal}.views`, 'accountability.json');

const snapshotOf = async (journal: string): Promise<{ readonly journal: { readonly count: number; readonly bytes: number }; readonly checkpoint: unknown }> =>
  JSON.parse(await readFile(snapshotFile(journal), 'utf8')) as never;

describe('the views snapshot beside a journal', () => {
  it('is written by the first question and used by the next: an answer from the snapshot\'s views (proved by a planted change), the true one with --no-cache', async () => {
    const journal = await copyOfCamden();
    const first = await runCli(question(journal));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const snapshot = await snapshotOf(journal);
    expect(snapshot.journal.count).toBe((await journalLines(journal)).length);
    // Change a name in the snapshot's views only: the next answer shows it, so it came from them.
    const text = await readFile(snapshotFile(journal), 'utf8');
    const commander = (JSON.parse(first.stdout) as { commander: { officer: { name: string } } }).commander.officer.name;
    expect(text).toContain(commander);
    await writeFile(snapshotFile(journal), text.replaceAll(commander, 'Planted Name'));
    const second = await runCli(question(journal));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Planted Name');
    expect((await wholeReplay(journal)).stdout).toBe(first.stdout);
  });

  it('after more is applied, folds only the new events from the snapshot: the same answer as a whole replay, the snapshot moved on', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    const before = await snapshotOf(journal);
    // Hackney's story on top of Camden's.
    expect((await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', 'record'])).code).toBe(0);
    for (const asked of [question(journal), ['accountability', 'Hackney', '--as-at', '2015-01-01', '--journal', journal, '--json']]) {
      const answer = await runCli(asked);
      expect(answer.stderr).toBe('');
      const whole = await runCli([...asked, '--no-cache']);
      expect(answer.stdout).toBe(whole.stdout);
    }
    const after = await snapshotOf(journal);
    expect(after.journal.count).toBe((await journalLines(journal)).length);
    expect(after.journal.count).toBeGreaterThan(before.journal.count);
  });

  it('is ignored with a one-line notice when the journal was edited before its place: the answer is a whole replay\'s (here, the corruption it finds)', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    const lines = await journalLines(journal);
    const edited = lines.findIndex((line) => line.includes('"Camden"'));
    expect(edited).toBeLessThan(lines.length - 1);
    lines[edited] = (lines[edited] as string).replace('"Camden"', '"CAMDEN"');
    await writeFile(journal, `${lines.join('\n')}\n`);
    const answer = await runCli(question(journal));
    const whole = await wholeReplay(journal);
    expect(whole.code).toBe(2);
    expect(answer.code).toBe(whole.code);
    expect(answer.stdout).toBe(whole.stdout);
    const [notice, ...rest] = answer.stderr.split('\n');
    expect(notice).toMatch(/^note: not using the views snapshot in .*copy-\d+\.ndjson\.views: .* was changed before line \d+ since .*accountability\.json was taken \(its bytes differ\); replaying those views from the start and writing them again\.$/);
    expect(rest.join('\n')).toBe(whole.stderr);
  });

  it('is ignored when the journal is truncated, its lines reordered, or it is another journal: each answer a whole replay\'s', async () => {
    const truncated = await copyOfCamden();
    expect((await runCli(question(truncated))).code).toBe(0);
    await truncate(truncated, Math.floor((await readFile(truncated)).length / 2));

    const reordered = await copyOfCamden();
    expect((await runCli(question(reordered))).code).toBe(0);
    const lines = await journalLines(reordered);
    await writeFile(reordered, `${[lines[1], lines[0], ...lines.slice(2)].join('\n')}\n`);

    // Another history (Hackney's), given the snapshot of this one.
    const other = join(folder.path, 'hackney.ndjson');
    expect((await runCli(['apply', HACKNEY_2014, '--journal', other, '--policy', 'record'])).code).toBe(0);
    const ours = await copyOfCamden();
    expect((await runCli(question(ours))).code).toBe(0);
    await mkdir(`${other}.views`);
    await copyFile(snapshotFile(ours), snapshotFile(other));

    for (const journal of [truncated, reordered, other]) {
      const answer = await runCli(question(journal));
      const whole = await wholeReplay(journal);
      expect(answer.stderr.split('\n')[0], journal).toMatch(/^note: not using the views snapshot /);
      expect(answer.code, journal).toBe(whole.code);
      expect(answer.stdout, journal).toBe(whole.stdout);
    }
  });

  it('is ignored when the untouched journal does not hold its place (its head hash edited): a notice naming why, then a whole replay, and written again', async () => {
    const journal = await copyOfCamden();
    const whole = await wholeReplay(journal);
    expect((await runCli(question(journal))).code).toBe(0);
    const lines = await journalLines(journal);
    const written = await readFile(snapshotFile(journal), 'utf8');
    const head = (JSON.parse(lines.at(-1) as string) as { readonly hash: string }).hash;
    expect(written).toContain(`"head":"${head}"`);
    // Only the hash changes: the journal is the very file the snapshot was taken beside, so its bytes are not hashed again.
    await writeFile(snapshotFile(journal), written.replace(`"head":"${head}"`, `"head":"${'0'.repeat(64)}"`));
    const answer = await runCli(question(journal));
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stderr).toMatch(
      new RegExp(`^note: not using the views snapshot in .*: .*copy-\\d+\\.ndjson does not hold the place it was taken at \\(after line ${String(lines.length)}\\): line ${String(lines.length)} is not the line read before \\(its hash differs\\); replaying those views from the start and writing them again\\.\\n$`),
    );
    expect(answer.stdout).toBe(whole.stdout);
    expect(await readFile(snapshotFile(journal), 'utf8')).toContain(`"head":"${head}"`);
    const again = await runCli(question(journal));
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(whole.stdout);
  });

  it('is ignored when it is not a snapshot, or was written by other code: a notice naming why, then a whole replay, and written again', async () => {
    const journal = await copyOfCamden();
    const whole = await wholeReplay(journal);
    await mkdir(`${journal}.views`);
    await writeFile(snapshotFile(journal), 'not json');
    const broken = await runCli(question(journal));
    expect(broken.stderr).toMatch(/^note: not using the views snapshot in .*: .*accountability\.json is not JSON; replaying those views from the start and writing them again\.\n$/);
    expect(broken.stdout).toBe(whole.stdout);
    const written = await readFile(snapshotFile(journal), 'utf8');
    await writeFile(snapshotFile(journal), written.replace(/"code":"[^"]*"/, '"code":"borough-command 0.0.1, views checkpoint format 0"'));
    const older = await runCli(question(journal));
    expect(older.stderr).toMatch(/accountability\.json was written by borough-command 0\.0\.1, views checkpoint format 0, not borough-command /);
    expect(older.stdout).toBe(whole.stdout);
  });

  it('keeps a file per group of views: a question reads and writes only its own, and a view it did not ask for is not folded', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.json']);
    expect((await runCli(['tenure', 'Camden', '--journal', journal])).code).toBe(0);
    expect((await runCli(['continuity', '--journal', journal])).code).toBe(0);
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.json', 'continuity.json', 'tenure.json']);
    const accountability = JSON.parse(await readFile(snapshotFile(journal), 'utf8')) as { checkpoint: { views: Record<string, unknown> } };
    expect(Object.keys(accountability.checkpoint.views).sort()).toEqual(['AC-1 accountability', 'PH-1 policy history']);
  });

  it('is neither read nor written with --no-cache or --explain', async () => {
    const journal = await copyOfCamden();
    await mkdir(`${journal}.views`);
    await writeFile(snapshotFile(journal), 'left as it is');
    for (const extra of ['--no-cache', '--explain']) {
      const answer = await runCli(question(journal, extra));
      expect(answer.code).toBe(0);
      expect(answer.stderr).toBe('');
    }
    expect(await readFile(snapshotFile(journal), 'utf8')).toBe('left as it is');
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.json']);
  });

  it('a SIGKILL while a question writes the snapshot leaves the old snapshot or the new one, and the next answer is a whole replay\'s', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    for (let kill = 0; kill < 6; kill++) {
      // An appended event makes the next question fold it and write the snapshot again.
      await applyOneMore(journal);
      const child = spawn(process.execPath, [BIN, ...question(journal)], { stdio: 'ignore' });
      // Listened for from the start: a kill that comes late finds the process already gone.
      const closed = new Promise((done) => child.on('close', done));
      // Kills spread over the process's life (about 0.4 s): starting, replaying, writing.
      await new Promise((done) => setTimeout(done, 50 + kill * 60));
      child.kill('SIGKILL');
      await closed;
      const answer = await runCli(question(journal));
      expect(answer.code, answer.stderr).toBe(0);
      expect(answer.stdout).toBe((await wholeReplay(journal)).stdout);
    }
  });
});
