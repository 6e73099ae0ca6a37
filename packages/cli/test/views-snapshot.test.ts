/**
 * The views snapshot beside a journal (`<journal>.views/`, a file per group of views): a second
 * question starts from it and folds only what was appended; a snapshot that does not match the
 * journal, the code or the policy is ignored with a one-line notice, and the answer is always a
 * whole replay's.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerLine, openHeaderLine, sectionLine } from '../src/cli/snapshot-sections.js';
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
const snapshotFile = (journal: string): string => join(`${journal}.views`, 'accountability.ndjson');

/** A snapshot's header, the JSON its first line holds with its SHA-256. */
interface SnapshotHeader {
  readonly journal: { readonly count: number; readonly bytes: number; readonly revisions: readonly [string, number, number, string] };
  readonly checkpoint: { readonly views: Record<string, unknown> };
  readonly sections: Record<string, readonly (readonly [string, number, number, string])[]>;
}

/** A snapshot's header line and its section lines (each without its newline). */
const snapshotLines = async (journal: string): Promise<{ readonly header: Buffer; readonly sections: readonly Buffer[] }> => {
  const bytes = await readFile(snapshotFile(journal));
  const lines: Buffer[] = [];
  for (let start = 0, end = bytes.indexOf(0x0a); end !== -1; start = end + 1, end = bytes.indexOf(0x0a, start)) lines.push(bytes.subarray(start, end));
  return { header: lines[0] ?? Buffer.alloc(0), sections: lines.slice(1) };
};

const headerOf = (line: Buffer): SnapshotHeader => {
  const opened = openHeaderLine(line);
  if ('problem' in opened) throw new Error(opened.problem);
  return opened.header as SnapshotHeader;
};

const snapshotOf = async (journal: string): Promise<SnapshotHeader> => headerOf((await snapshotLines(journal)).header);

/**
 * Writes a snapshot again with its header's text and its sections' text edited, every place and
 * SHA-256 made again to match (as `borough-command` writes them), so that only what is edited differs.
 */
const rewriteSnapshot = async (journal: string, edit: { readonly header?: (text: string) => string; readonly section?: (text: string) => string }): Promise<void> => {
  const { header, sections } = await snapshotLines(journal);
  const lines: Buffer[] = [];
  const places: (readonly [string, number, number, string])[] = [];
  let offset = 0;
  for (const line of sections) {
    const { key, state } = JSON.parse((edit.section ?? ((text) => text))(line.toString('utf8'))) as { key: string; state: unknown };
    const written = sectionLine(key, state, offset);
    lines.push(written.line);
    places.push(written.place);
    offset += written.line.length;
  }
  const old = headerOf(header);
  // The first line after the header holds the streams' revisions; AC-1's sections follow.
  const [revisions, ...ac1] = places;
  const rewritten = { ...old, journal: { ...old.journal, revisions }, sections: { 'AC-1 accountability': ac1 } };
  const edited = JSON.parse((edit.header ?? ((text) => text))(JSON.stringify(rewritten))) as unknown;
  await writeFile(snapshotFile(journal), Buffer.concat([headerLine(edited), Buffer.from('\n'), ...lines]));
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const commanderOf = (answer: string): string => (JSON.parse(answer) as { commander: { officer: { name: string } } }).commander.officer.name;

describe('the views snapshot beside a journal', () => {
  it('is written by the first question and used by the next: an answer from the snapshot\'s views (proved by a planted change), the true one with --no-cache', async () => {
    const journal = await copyOfCamden();
    const first = await runCli(question(journal));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const snapshot = await snapshotOf(journal);
    expect(snapshot.journal.count).toBe((await journalLines(journal)).length);
    // Change a name in the snapshot's views only (in Camden's section, its hashes made again to
    // match): the next answer shows it, so it came from them.
    const commander = commanderOf(first.stdout);
    await rewriteSnapshot(journal, { section: (text) => text.replaceAll(commander, 'Planted Name') });
    const second = await runCli(question(journal));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Planted Name');
    expect((await wholeReplay(journal)).stdout).toBe(first.stdout);
  });

  it('keeps the streams\' revisions, then AC-1 in one section per command unit, each line naming its key and placed by the header with its SHA-256, the rest of the views in the header', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    const { header, sections: lines } = await snapshotLines(journal);
    const snapshot = headerOf(header);
    expect(Object.keys(snapshot.sections)).toEqual(['AC-1 accountability']);
    // The streams' revisions first, then AC-1's sections.
    const places = [snapshot.journal.revisions, ...(snapshot.sections['AC-1 accountability'] ?? [])];
    expect(places.map(([key]) => key)).toContain('borough:Camden');
    expect(places[0]?.[0]).toBe('journal revisions');
    expect(lines.map((line) => (JSON.parse(line.toString('utf8')) as { key: string }).key)).toEqual(places.map(([key]) => key));
    let offset = 0;
    for (const [index, line] of lines.entries()) {
      expect(places[index]?.slice(1)).toEqual([offset, line.length, sha256(line)]);
      offset += line.length + 1;
    }
    expect(Object.keys(snapshot.checkpoint.views).sort()).toEqual(['AC-1 accountability', 'PH-1 policy history']);
  });

  it('is ignored with a notice when a section a fold of new events reads was changed: the answer a whole replay\'s', async () => {
    const journal = await copyOfCamden();
    const commander = commanderOf((await runCli(question(journal))).stdout);
    const bytes = await readFile(snapshotFile(journal));
    const at = bytes.indexOf(commander, bytes.indexOf(0x0a));
    await writeFile(snapshotFile(journal), Buffer.concat([bytes.subarray(0, at), Buffer.from('X'), bytes.subarray(at + 1)]));
    // An acting commander of Camden after the last posting ended: folding the start reads Camden's section.
    const acting = join(folder.path, 'camden-acting.ndjson');
    await writeFile(
      acting,
      `${JSON.stringify({ type: 'StartPosting', commandId: 'camden/bea/start', at: '2014-02-03', unit: { kind: 'borough', name: 'Camden' }, postingId: 'camden-bea', role: 'borough-commander', officer: { id: 'bea', name: 'Bea Acting', rank: 'superintendent' }, acting: true, lineManager: 'Area Commander North' })}\n`,
    );
    const applied = await runCli(['apply', acting, '--journal', journal]);
    expect(applied.code, applied.stderr).toBe(0);
    const answer = await runCli(question(journal));
    expect(answer.stderr).toMatch(/^note: not using the views snapshot .*: section 'borough:Camden' was changed after the snapshot was written: its bytes do not match their SHA-256; replaying those views from the start and writing them again\.\n$/);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toBe((await wholeReplay(journal)).stdout);
  });

  it('reads the streams\' revisions only when the journal has more after its place: a changed revisions line is not noticed before, and refused after', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    const bytes = await readFile(snapshotFile(journal));
    const at = bytes.indexOf('"journal revisions","state":["') + '"journal revisions","state":["'.length;
    await writeFile(snapshotFile(journal), Buffer.concat([bytes.subarray(0, at), Buffer.from('X'), bytes.subarray(at + 1)]));
    const unchanged = await runCli(question(journal));
    expect(unchanged.stderr).toBe('');
    expect(unchanged.stdout).toBe((await wholeReplay(journal)).stdout);
    await applyOneMore(journal);
    const more = await runCli(question(journal));
    expect(more.stderr).toMatch(/^note: not using the views snapshot .*: section 'journal revisions' was changed after the snapshot was written: its bytes do not match their SHA-256; /);
    expect(more.stdout).toBe((await wholeReplay(journal)).stdout);
  });

  it('is ignored with a notice when its header or a section the question reads was changed without its SHA-256, or the file was cut: each answer a whole replay\'s', async () => {
    const journal = await copyOfCamden();
    const whole = await wholeReplay(journal);
    const commander = commanderOf((await runCli(question(journal))).stdout);
    const notice = (why: string): RegExp =>
      new RegExp(`^note: not using the views snapshot in .*: .*accountability\\.ndjson${why}; replaying those views from the start and writing them again\\.\\n$`);
    // A byte of Camden's section: found when the question reads the section.
    const bytes = await readFile(snapshotFile(journal));
    const at = bytes.indexOf(commander, bytes.indexOf(0x0a));
    expect(at).toBeGreaterThan(0);
    await writeFile(snapshotFile(journal), Buffer.concat([bytes.subarray(0, at), Buffer.from('X'), bytes.subarray(at + 1)]));
    const section = await runCli(question(journal));
    expect(section.stderr).toMatch(notice(": section 'borough:Camden' was changed after the snapshot was written: its bytes do not match their SHA-256"));
    expect(section.stdout).toBe(whole.stdout);
    // A byte of the header (written again by the question above): found before anything is used.
    const again = await readFile(snapshotFile(journal));
    const name = again.indexOf('"group":"accountability"') + '"group":"'.length;
    await writeFile(snapshotFile(journal), Buffer.concat([again.subarray(0, name), Buffer.from('A'), again.subarray(name + 1)]));
    const header = await runCli(question(journal));
    expect(header.stderr).toMatch(notice(' was changed after it was written: its header does not match its SHA-256'));
    expect(header.stdout).toBe(whole.stdout);
    // Its last section cut off.
    await truncate(snapshotFile(journal), (await readFile(snapshotFile(journal))).length - 10);
    const cut = await runCli(question(journal));
    expect(cut.stderr).toMatch(notice(' does not place its sections where they are \\(the file ends 10 bytes before its last section does\\)'));
    expect(cut.stdout).toBe(whole.stdout);
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

  it('after more is applied by a writer of this command line, is used without hashing the journal again: the writer\'s note says it checked the file as it is', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    await applyOneMore(journal);
    const note = JSON.parse(await readFile(join(`${journal}.views`, 'checked-journal.json'), 'utf8')) as { file: { size: number; ino: number } };
    const info = await stat(journal);
    expect(note.file).toMatchObject({ size: info.size, ino: info.ino });
    // Digests that no byte of the journal has: used all the same, so the journal was not hashed.
    const whole = await wholeReplay(journal);
    await rewriteSnapshot(journal, { header: (text) => text.replace(/"digests":\["[0-9a-f]{64}"/, `"digests":["${'0'.repeat(64)}"`) });
    const trusted = await runCli(question(journal));
    expect(trusted.stderr).toBe('');
    expect(trusted.stdout).toBe(whole.stdout);
    // Without the note (or once the journal changed after it), the same digests are checked, and refused.
    expect((await runCli(question(journal))).code).toBe(0);
    await applyOneMore(journal);
    await rewriteSnapshot(journal, { header: (text) => text.replace(/"digests":\["[0-9a-f]{64}"/, `"digests":["${'0'.repeat(64)}"`) });
    await rm(join(`${journal}.views`, 'checked-journal.json'));
    const hashed = await runCli(question(journal));
    expect(hashed.stderr).toMatch(/^note: not using the views snapshot .* was changed before line \d+ since .* was taken \(its bytes differ\)/);
    expect(hashed.stdout).toBe((await wholeReplay(journal)).stdout);
    await applyOneMore(journal);
    const lines = await journalLines(journal);
    lines[0] = (lines[0] as string).replace('"revision":"0"', '"revision":"00"');
    await writeFile(journal, `${lines.join('\n')}\n`);
    const edited = await runCli(question(journal));
    expect(edited.stderr.split('\n')[0]).toMatch(/^note: not using the views snapshot .* \(its bytes differ\)/);
    expect(edited.stdout).toBe((await wholeReplay(journal)).stdout);
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
    expect(notice).toMatch(/^note: not using the views snapshot in .*copy-\d+\.ndjson\.views: .* was changed before line \d+ since .*accountability\.ndjson was taken \(its bytes differ\); replaying those views from the start and writing them again\.$/);
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
    await rewriteSnapshot(journal, { header: (text) => text.replace(`"head":"${head}"`, `"head":"${'0'.repeat(64)}"`) });
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
    expect(broken.stderr).toMatch(/^note: not using the views snapshot in .*: .*accountability\.ndjson does not begin with the line of its header and its SHA-256; replaying those views from the start and writing them again\.\n$/);
    expect(broken.stdout).toBe(whole.stdout);
    await rewriteSnapshot(journal, { header: (text) => text.replace(/"code":"[^"]*"/, '"code":"borough-command 0.0.1, views checkpoint format 0"') });
    const older = await runCli(question(journal));
    expect(older.stderr).toMatch(/accountability\.ndjson was written by borough-command 0\.0\.1, views checkpoint format 0, not borough-command /);
    expect(older.stdout).toBe(whole.stdout);
  });

  it('keeps a file per group of views: a question reads and writes only its own, and a view it did not ask for is not folded', async () => {
    const journal = await copyOfCamden();
    expect((await runCli(question(journal))).code).toBe(0);
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.ndjson']);
    expect((await runCli(['tenure', 'Camden', '--journal', journal])).code).toBe(0);
    expect((await runCli(['continuity', '--journal', journal])).code).toBe(0);
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.ndjson', 'continuity.ndjson', 'tenure.ndjson']);
    expect(Object.keys((await snapshotOf(journal)).checkpoint.views).sort()).toEqual(['AC-1 accountability', 'PH-1 policy history']);
  });

  it('keeps AU-1 in sections by process: trail asked again answers from the snapshot as a whole replay does', async () => {
    const journal = await copyOfCamden();
    const whole = await runCli(['trail', 'camden-2012', '--journal', journal, '--no-cache']);
    expect(whole.code, whole.stderr).toBe(0);
    const first = await runCli(['trail', 'camden-2012', '--journal', journal]);
    expect(first.stdout).toBe(whole.stdout);
    const header = headerOf((await readFile(join(`${journal}.views`, 'audit.ndjson'))).subarray(0, (await readFile(join(`${journal}.views`, 'audit.ndjson'))).indexOf(0x0a)));
    expect(Object.keys(header.sections)).toEqual(['AU-1 audit trail']);
    expect((header.sections['AU-1 audit trail'] ?? []).every(([key]) => /^process-fnv1a-\d{3}$/.test(key))).toBe(true);
    const second = await runCli(['trail', 'camden-2012', '--journal', journal]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(whole.stdout);
  });

  it('removes a group\'s file of the first format (one JSON document) when it writes the group\'s file', async () => {
    const journal = await copyOfCamden();
    await mkdir(`${journal}.views`);
    await writeFile(join(`${journal}.views`, 'accountability.json'), '{"format":1}');
    await writeFile(join(`${journal}.views`, 'tenure.json'), '{"format":1}');
    const answer = await runCli(question(journal));
    expect(answer.stderr).toBe('');
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.ndjson', 'tenure.json']);
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
    expect(await readdir(`${journal}.views`)).toEqual(['accountability.ndjson']);
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
