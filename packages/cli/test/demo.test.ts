import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonBcus } from '@borough-command/domain';
import { runCli } from './support/cli.js';
import { fileHash, temporaryFolder } from './support/files.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let journal: string;
let first: { readonly code: number | null; readonly stdout: string; readonly stderr: string };

beforeAll(async () => {
  folder = await temporaryFolder();
  journal = join(folder.path, 'london.ndjson');
  first = await runCli(['demo', '--journal', journal]);
});
afterAll(async () => {
  await folder.remove();
});

describe('borough-command demo', () => {
  it("writes London's history into a new journal and says what it wrote, the go-live days with their basis, and that the people are synthetic", () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/commands\s+[\d,]+: [\d,]+ applied, 0 already there \(policy: record, process managers on\)/);
    expect(first.stdout).toMatch(/BCUs\s+12 went live/);
    for (const bcu of londonBcus) expect(first.stdout).toMatch(new RegExp(`^${bcu.name}\\s`, 'm'));
    // West Area's day is sourced; Central North's is the first of its sourced month; South Area's is assumed.
    expect(first.stdout).toMatch(/^West Area\s.*2018-06-06\s+sourced day/m);
    expect(first.stdout).toMatch(/^Central North\s.*2017-01-01\s+first day of the sourced month/m);
    expect(first.stdout).toMatch(/^South Area\s.*assumed/m);
    expect(first.stdout).toContain('Every officer, candidate and partner is synthetic');
  });

  it('writes a journal that verifies, with every borough merged into its BCU by 2019', async () => {
    expect((await runCli(['verify', journal])).code).toBe(0);
    const answer = JSON.parse((await runCli(['accountability', 'Westminster', '--as-at', '2019-12-31', '--journal', journal, '--json'])).stdout) as {
      commandUnit: { unit: { kind: string; name: string }; merged: boolean };
    };
    expect(answer.commandUnit).toMatchObject({ unit: { kind: 'bcu', name: 'Central West' }, merged: true });
  });

  it('refuses a journal that is not empty (exit 2); with --force it appends the same history again, which writes nothing', async () => {
    const hash = await fileHash(journal);
    const refused = await runCli(['demo', '--journal', journal]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty');
    const forced = await runCli(['demo', '--journal', journal, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/commands\s+([\d,]+): 0 applied, \1 already there/);
    expect(forced.stdout).toMatch(/events\s+0 written/);
    expect(await fileHash(journal)).toBe(hash);
  });

  it('writes the same bytes for the same seed, and another history for another seed', async () => {
    const again = join(folder.path, 'again.ndjson');
    const other = join(folder.path, 'other.ndjson');
    expect((await runCli(['demo', '--journal', again])).code).toBe(0);
    expect((await runCli(['demo', '--journal', other, '--seed', '7'])).code).toBe(0);
    expect(await fileHash(again)).toBe(await fileHash(journal));
    expect(await fileHash(other)).not.toBe(await fileHash(journal));
  });
});
