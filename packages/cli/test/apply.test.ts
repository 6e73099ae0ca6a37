import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_LINE } from './support/cli.js';
import { fileHash, journalLines, temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder();
});
afterAll(async () => {
  await folder.remove();
});

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('borough-command apply', () => {
  it('applies every command of a file in order, process managers included (AP-12 starts the posting)', async () => {
    const journal = join(folder.path, 'applied.ndjson');
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record', '--actor', 'auditor']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('18 applied, 0 already in the store, of 18');
    // 18 commands write one event each, the early end a breach as well (record mode), and AP-12 starts the posting.
    expect(run.stdout).toContain('20 written (1 by the process managers)');
    const lines = await journalLines(journal);
    expect(lines).toHaveLength(20);
    const types = lines.map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types.filter((type) => type === 'PostingStarted')).toHaveLength(2);
    expect(types.slice(-2)).toEqual(['PostingEnded', 'MinimumTermBreached']);
    expect(lines.every((line) => (JSON.parse(line) as { metadata: { actor: string } }).metadata.actor === 'auditor')).toBe(true);
  });

  it('run again on the same file, applies only what is missing and doubles nothing', async () => {
    const journal = join(folder.path, 'rerun.ndjson');
    const first = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record']);
    expect(first.code).toBe(0);
    const before = await fileHash(journal);
    const again = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 applied, 18 already in the store, of 18');
    expect(again.stdout).toContain('0 written');
    expect(await fileHash(journal)).toBe(before);
  });

  it('PO-3 stops the run at the command a rule rejects: rule ID and message printed, exit 1, earlier commands kept', async () => {
    const journal = join(folder.path, 'stopped.ndjson');
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${CAMDEN_STORY}:18: EndPosting 'camden-2012/end' was rejected by PO-3`);
    // The rejection's own message names the facts: 517 days from 2014-01-31 to the third anniversary, 2015-07-02.
    expect(run.stderr).toContain('2015-07-02');
    expect(run.stderr).toContain('17 commands before it are in the store; it was not run.');
    expect(run.stdout).toContain('17 applied, 0 already in the store, of 18');
    expect(run.stderr).not.toMatch(STACK_LINE);
    const types = (await journalLines(journal)).map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toHaveLength(18);
    expect(types).not.toContain('MinimumTermBreached');
    expect(types.filter((type) => type === 'PostingEnded')).toHaveLength(1);

    // Run again in record mode: the 17 commands are already there, only the early end is applied now, as a breach.
    const resumed = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('1 applied, 17 already in the store, of 18');
    expect((await journalLines(journal)).slice(-2).map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['PostingEnded', 'MinimumTermBreached']);
  });

  it('AP-3 stops the run at an interview before the local authority was consulted, and the commands after it are not run', async () => {
    const journal = join(folder.path, 'ap3.ndjson');
    const commands = join(folder.path, 'ap3-commands.ndjson');
    const process = { processId: 'islington-2013' };
    await writeFile(
      commands,
      [
        { type: 'OpenAppointmentProcess', commandId: 'i/1', at: '2013-03-01', ...process, unit: { kind: 'borough', name: 'Islington' }, role: 'borough-commander', areaCommander: 'Area Commander North' },
        { type: 'AttachRoleDescription', commandId: 'i/2', at: '2013-03-01', ...process, version: 1 },
        { type: 'RecordCandidate', commandId: 'i/3', at: '2013-03-05', ...process, candidate: { id: 'dev', name: 'Dev Rao', rank: 'chief-superintendent' }, route: 'applied' },
        { type: 'InterviewCandidate', commandId: 'i/4', at: '2013-03-10', ...process, candidateId: 'dev' },
        { type: 'ConsultPartner', commandId: 'i/5', at: '2013-03-11', ...process, partner: { kind: 'local-authority-leader', name: 'Leader of Islington Council' } },
      ]
        .map((command) => JSON.stringify(command))
        .join('\n'),
    );
    const run = await runCli(['apply', commands, '--journal', journal]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${commands}:4: InterviewCandidate 'i/4' was rejected by AP-3`);
    expect(run.stderr).toContain('3 commands before it are in the store; it and the 1 after it were not run.');
    const types = (await journalLines(journal)).map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toEqual(['AppointmentProcessOpened', 'RoleDescriptionAttached', 'CandidateRecorded']);
  });

  it('lists every malformed line as file:line: field: reason, applies nothing and exits 2', async () => {
    const journal = join(folder.path, 'malformed.ndjson');
    const commands = join(folder.path, 'malformed-commands.ndjson');
    const open = { type: 'OpenAppointmentProcess', commandId: 'm/1', at: '2013-03-01', processId: 'm', unit: { kind: 'borough', name: 'Hackney' }, role: 'borough-commander', areaCommander: 'Area Commander East' };
    await writeFile(
      commands,
      [
        JSON.stringify(open),
        '{"type":"AttachRoleDescription","commandId":"m/2",',
        JSON.stringify({ type: 'HireEveryone', commandId: 'm/3', at: '2013-03-02' }),
        JSON.stringify({ type: 'RecordCandidate', commandId: 'm/4', at: '2013-03-05', processId: 'm', candidate: { id: 'x', name: 'X', rank: 'sergeant' }, route: 'applied' }),
        '[1, 2]',
        '',
        JSON.stringify({ ...open, commandId: 'm/7', at: '2013-02-30' }),
        JSON.stringify({ ...open, processId: 'm-again' }),
      ].join('\n'),
    );
    const run = await runCli(['apply', commands, '--journal', journal]);
    expect(run.code).toBe(2);
    const listed = run.stderr.split('\n').filter((line) => line.startsWith(`${commands}:`));
    expect(listed.map((line) => line.slice(commands.length + 1).split(':').slice(0, 2).join(':'))).toEqual([
      '2: (json)',
      '3: type',
      '4: candidate.rank',
      '5: (command)',
      '7: at',
      '8: commandId',
    ]);
    expect(run.stderr).toContain("unknown command type \"HireEveryone\"");
    expect(run.stderr).toContain('sergeant');
    expect(run.stderr).toContain("'m/1' is already the id of the command on line 1");
    expect(run.stderr).toContain('6 malformed lines');
    expect(run.stderr).toContain('nothing was applied');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
    expect(await exists(journal)).toBe(false);
  });

  it('leaves an existing journal byte for byte as it was when a line is malformed', async () => {
    const journal = join(folder.path, 'kept.ndjson');
    expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
    const before = await readFile(journal);
    const commands = join(folder.path, 'one-bad-line.ndjson');
    const story = await readFile(CAMDEN_STORY, 'utf8');
    await writeFile(commands, `${story}{"type":"EndPosting"}\n`);
    const run = await runCli(['apply', commands, '--journal', journal, '--policy', 'record']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${commands}:19: commandId:`);
    expect(await readFile(journal)).toEqual(before);
  });

  it('refuses an --actor longer than an event metadata field may hold as a usage error: exit 2, nothing written', async () => {
    const journal = join(folder.path, 'long-actor.ndjson');
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--actor', 'a'.repeat(1001)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--actor: at most 1000 characters (it is recorded in every event), got 1001');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(await exists(journal)).toBe(false);
    const longest = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record', '--actor', 'a'.repeat(1000)]);
    expect(longest.code).toBe(0);
  });

  it('refuses to write while another process holds the journal, with exit 2 and no stack trace', async () => {
    const journal = join(folder.path, 'locked.ndjson');
    expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
    const { hostname } = await import('node:os');
    await writeFile(`${journal}.lock`, `${String(process.pid)}\n${hostname()}\n`);
    const run = await runCli(['apply', CAMDEN_STORY, '--journal', journal]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already open for writing');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
