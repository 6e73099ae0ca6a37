import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoroughCommand, decodeCommand, domainEventRegistry } from '@borough-command/domain';
import { describeStoreError, openJournalStore } from '@borough-command/domain/eventsourcing';

const run = promisify(execFile);
const script = join(import.meta.dirname, 'audit-replay.ts');

/** Runs the script; resolves with its exit code and output whatever the code. */
const audit = async (...args: string[]): Promise<{ readonly code: number; readonly stdout: string; readonly stderr: string }> => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--conditions=@borough-command/source', script, ...args], {
      cwd: join(import.meta.dirname, '..'),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { readonly code: number; readonly stdout: string; readonly stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

const processId = 'camden-2012';
const leader = { kind: 'local-authority-leader', name: 'Sarah Hayward' };
const mp = { kind: 'mp', name: 'Frank Dobson' };
const alice = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' };
const dev = { id: 'dev', name: 'Dev Patel', rank: 'superintendent' };

/**
 * Camden's 2012 appointment as JSON commands, with a first proposal the ACTP declines: 16 commands,
 * 17 events with the AP-12 posting. From 2012-01-16 AP-3 requires the local authority and an MP.
 */
const commands: readonly (readonly [actor: string, command: Record<string, unknown>])[] = [
  ['grey', { type: 'OpenAppointmentProcess', at: '2012-02-01', unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Area Commander Grey' }],
  ['grey', { type: 'AttachRoleDescription', at: '2012-02-02', version: 1 }],
  ['grey', { type: 'ConsultPartner', at: '2012-02-10', partner: leader }],
  ['grey', { type: 'ConsultPartner', at: '2012-02-13', partner: mp }],
  ['grey', { type: 'RecordCandidate', at: '2012-02-15', candidate: dev, route: 'shortlisted' }],
  ['grey', { type: 'RecordCandidate', at: '2012-02-15', candidate: alice, route: 'applied' }],
  ['grey', { type: 'InterviewCandidate', at: '2012-03-01', candidateId: 'dev' }],
  ['grey', { type: 'InterviewCandidate', at: '2012-03-01', candidateId: 'alice' }],
  ['grey', { type: 'ProposePreferredCandidate', at: '2012-03-02', candidateId: 'dev' }],
  ['mcpherson', { type: 'DeclineProposal', at: '2012-03-04', actp: 'Ian McPherson', reason: 'needs borough experience first' }],
  ['grey', { type: 'ProposePreferredCandidate', at: '2012-03-05', candidateId: 'alice' }],
  ['mcpherson', { type: 'AgreeProposal', at: '2012-03-08', actp: 'Ian McPherson' }],
  ['grey', { type: 'DiscussChosenCandidate', at: '2012-03-12', partners: [leader] }],
  ['grey', { type: 'RecordThreeYearCommitment', at: '2012-03-13', candidateId: 'alice' }],
  ['mopac', { type: 'TakeFinalDecision', at: '2012-03-20', policeAuthorityDecisionBy: 'Kit Malthouse', mpsDecisionBy: 'Bernard Hogan-Howe', startDate: '2012-04-02' }],
  ['hr', { type: 'ReportOutcome', at: '2012-03-22', directorHr: 'Martin Tiplady' }],
];

let directory: string;
let journal: string;
/** The script's answer for the appointment in the journal, shared by the tests that read it. */
let report: { readonly code: number; readonly stdout: string; readonly stderr: string };

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'audit-replay-'));
  journal = join(directory, 'journal.ndjson');
  const opened = await openJournalStore(domainEventRegistry, { file: journal })();
  if (E.isLeft(opened)) throw new Error(describeStoreError(opened.left));
  const service = createBoroughCommand({ store: opened.right, clock: () => new Date('2024-05-01T09:00:00.000Z') });
  for (const [index, [actor, fields]] of commands.entries()) {
    const command = decodeCommand({ ...fields, processId, commandId: `command-${String(index + 1)}` });
    if (E.isLeft(command)) throw new Error(command.left.message);
    const executed = await service.execute(command.right, { actor })();
    if (E.isLeft(executed)) throw new Error(`${command.right.type} was refused: ${executed.left._tag}`);
  }
  await opened.right.close();
  report = await audit(journal, processId);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('examples/audit-replay.ts', () => {
  it('AU-1: opens the journal read-only and prints every decision in order, with who, when and why', () => {
    const { code, stdout } = report;
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Journal ${journal.replaceAll('\\', '\\\\').replaceAll('.', '\\.')}: 17 lines, hash chain intact, head [0-9a-f]{16}…`));
    expect(stdout).toContain('Appointment camden-2012: borough-commander of Camden (borough), completed');
    const decisions = [...stdout.matchAll(/^ +\d+\. (\d{4}-\d\d-\d\d) (AP-\d+)/gm)].map((match) => `${match[1] ?? ''} ${match[2] ?? ''}`);
    expect(decisions).toEqual([
      '2012-02-01 AP-1',
      '2012-02-02 AP-2',
      '2012-02-10 AP-3',
      '2012-02-13 AP-3',
      '2012-02-15 AP-4',
      '2012-02-15 AP-4',
      '2012-03-01 AP-4',
      '2012-03-01 AP-4',
      '2012-03-02 AP-5',
      '2012-03-04 AP-6',
      '2012-03-05 AP-5',
      '2012-03-08 AP-6',
      '2012-03-12 AP-7',
      '2012-03-13 AP-8',
      '2012-03-20 AP-9',
      '2012-04-02 AP-12',
      '2012-03-22 AP-10',
    ]);
    expect(stdout).toContain('why: needs borough experience first');
    expect(stdout).toContain('Ian McPherson (ACTP)');
    expect(stdout).toContain('recorded by hr at 2024-05-01T09:00:00.000Z');
    expect(stdout).toContain('event: PostingStarted posting-borough-camden@0');
  });

  it('AC-2: every rule from AP-2 to AP-10 followed, each with its evidence', () => {
    const { stdout } = report;
    expect(stdout).toContain('Compliance (AC-2): 9 of 9 rules followed');
    const statuses = [...stdout.matchAll(/^ {2}(AP-\d+) +(\S+)/gm)].map((match) => `${match[1] ?? ''} ${match[2] ?? ''}`);
    expect(statuses).toEqual(['AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10'].map((rule) => `${rule} followed`));
    // AP-3's evidence is the consultations of the council leader and the MP, the third and fourth events of the process's stream
    expect(stdout).toMatch(/AP-3 +followed .*\n +evidence: [^\n]*appointment-camden-2012@2, [^\n]*appointment-camden-2012@3/);
  });

  it('AU-1: names and reads back the events behind the local-authority figure', () => {
    const { stdout } = report;
    expect(stdout).toContain('Figure (AC-2): 1 of 1 decided appointments had the local authority involved (100%)');
    expect(stdout).toContain('camden-2012 counts as involved, because of these events:');
    const behind = stdout.slice(stdout.indexOf('because of these events:'));
    expect(behind).toMatch(/appointment-camden-2012@2 PartnerConsulted 2012-02-10 by grey/);
    expect(behind).toMatch(/appointment-camden-2012@14 AppointmentConfirmed 2012-03-20 by mopac/);
  });

  it('answers 1 for an appointment the journal does not hold, naming the ones it does', async () => {
    const { code, stderr } = await audit(journal, 'islington-2012');
    expect(code).toBe(1);
    expect(stderr).toContain("no appointment process 'islington-2012'");
    expect(stderr).toContain('it holds: camden-2012');
  });

  it('answers 2 for a tampered journal, naming the file and the line whose hash no longer matches', async () => {
    const tampered = join(directory, 'tampered.ndjson');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[2] = (lines[2] ?? '').replace('Sarah Hayward', 'Someone Else');
    await writeFile(tampered, lines.join('\n'));
    const { code, stderr } = await audit(tampered, processId);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot read the journal: ${tampered}:3:`);
  });

  it('answers 2 with its usage when the arguments are missing', async () => {
    const { code, stderr } = await audit(journal);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: audit-replay.ts <journal.ndjson> <appointment process id>');
  });
});
