import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { temporaryFolder } from './support/files.js';

const base = { processId: 'camden-2013' };
const camden = { kind: 'borough', name: 'Camden' };
/** A 2013 appointment whose interview came before any MP was consulted (AP-3). */
const commands = [
  { type: 'OpenAppointmentProcess', commandId: 'open', at: '2013-03-01', ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
  { type: 'AttachRoleDescription', commandId: 'attach', at: '2013-03-01', ...base, version: 1 },
  { type: 'ConsultPartner', commandId: 'consult', at: '2013-03-05', ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
  { type: 'RecordCandidate', commandId: 'apply', at: '2013-03-10', ...base, candidate: { id: 'dana', name: 'Dana Whitfield', rank: 'chief-superintendent' }, route: 'applied' },
  { type: 'InterviewCandidate', commandId: 'interview', at: '2013-03-20', ...base, candidateId: 'dana' },
];

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let file: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  file = join(folder.path, 'commands.ndjson');
  await writeFile(file, commands.map((command) => JSON.stringify(command)).join('\n') + '\n');
});
afterAll(async () => {
  await folder.remove();
});

describe('compliance lists the departures record mode recorded', () => {
  it('AP-3 in record mode the interview without an MP is applied with its departure, and compliance lists it in text and JSON; enforce mode refuses it', async () => {
    const journal = join(folder.path, 'recorded.ndjson');
    const applied = await runCli(['apply', file, '--journal', journal, '--policy', 'record']);
    expect(applied.code, applied.stderr).toBe(0);
    const text = await runCli(['compliance', '--journal', journal]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Departures from rules recorded as they happened (record mode): 1');
    expect(text.stdout).toMatch(/2013-03-20\s+AP-3\s+appointment camden-2013\s+.*an MP/);
    const json = await runCli(['compliance', '--journal', journal, '--json']);
    expect((JSON.parse(json.stdout) as { departures: { rule: string; departure: string }[] }).departures).toMatchObject([
      { rule: 'AP-3', departure: 'PartnersNotConsulted' },
    ]);
    const refused = await runCli(['apply', file, '--journal', join(folder.path, 'enforced.ndjson'), '--policy', 'enforce']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('AP-3');
  });
});
