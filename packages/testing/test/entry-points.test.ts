import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const forbidVitest = join(import.meta.dirname, 'support', 'forbid-vitest.mjs');

/** Imports an entry point in a Node process of its own where importing vitest throws; resolves with its export names. */
const exportsWithoutVitest = async (entry: string): Promise<readonly string[]> => {
  const script = `const entry = await import(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(entry)));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--import', forbidVitest, '--conditions=@borough-command/source', '--input-type=module', '-e', script], {
    cwd: import.meta.dirname,
  });
  return JSON.parse(stdout) as readonly string[];
};

describe('the entry points of @borough-command/testing', () => {
  it('the main entry loads in a process where vitest cannot be imported, with at most 60 exports', async () => {
    const names = await exportsWithoutVitest('@borough-command/testing');
    expect(names).toEqual(expect.arrayContaining(['eventStoreConformanceCases', 'checkDeciderLaws', 'validPostingHistory', 'envelopesOf']));
    expect(names).not.toContain('describeEventStoreConformance');
    expect(names.length).toBeLessThanOrEqual(60);
  }, 60_000);

  it('the /arbitraries entry loads without vitest too, and holds every arbitrary of the main entry', async () => {
    const [main, arbitraries] = await Promise.all([exportsWithoutVitest('@borough-command/testing'), exportsWithoutVitest('@borough-command/testing/arbitraries')]);
    expect(arbitraries).toEqual(expect.arrayContaining(['agreeProposalArbitrary', 'postingStartedArbitrary', 'bcuWentLiveArbitrary']));
    expect(main.filter((name) => name.endsWith('Arbitrary') || name.startsWith('valid')).filter((name) => !arbitraries.includes(name))).toEqual([]);
  }, 60_000);

  it('the /vitest entry is the one that imports vitest: the same process refuses it', async () => {
    await expect(exportsWithoutVitest('@borough-command/testing/vitest')).rejects.toThrow(/vitest imported by/);
  }, 60_000);
});
