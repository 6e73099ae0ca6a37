import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_LINE } from './support/cli.js';
import { fileHash, journalLines, temporaryFolder } from './support/files.js';
import { HACKNEY_2014, TWO_YEAR_MINIMUM } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** A journal line as the tests read it: the event and its metadata. */
interface Line {
  readonly stream: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: { readonly policyVersion?: string; readonly actor: string };
}

const eventsOf = async (journal: string): Promise<readonly Line[]> => (await journalLines(journal)).map((line) => JSON.parse(line) as Line);

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** Writes a policy file into the test folder and gives its path. */
const policyFile = async (name: string, content: unknown): Promise<string> => {
  const file = join(folder.path, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};

/** One version of a policy file: two years for borough commanders from `effectiveFrom`. */
const twoYears = (id: string, effectiveFrom: string): unknown => ({
  id,
  effectiveFrom,
  source: { kind: 'decision', citation: `two years from ${effectiveFrom}` },
  changes: { minimumTerms: [{ role: 'borough-commander', years: 2 }] },
});

/** A posting of Hackney from `start` to `end`, ended for a promotion (not an exceptional reason). */
const hackneyPosting = async (name: string, start: string, end: string): Promise<string> => {
  const file = join(folder.path, name);
  const unit = { kind: 'borough', name: 'Hackney' };
  await writeFile(
    file,
    [
      { type: 'StartPosting', commandId: `${name}/start`, at: start, unit, postingId: name, role: 'borough-commander', officer: { id: 'eve', name: 'Eve Moss', rank: 'chief-superintendent' }, acting: false },
      { type: 'EndPosting', commandId: `${name}/end`, at: end, unit, postingId: name, reason: 'promotion' },
    ]
      .map((command) => JSON.stringify(command))
      .join('\n'),
  );
  return file;
};

describe('borough-command apply --policy <file.json>', () => {
  it('PH-1, PO-2: a file moving the minimum term to two years from 2014-01-01 lets an end after 2 years 3 months stand, and the events name its version', async () => {
    // Without the file the seeds' three years hold: the end on 2016-06-01 is 275 days short of 2017-03-03, and PO-3 refuses it.
    const seeds = join(folder.path, 'hackney-seeds.ndjson');
    const refused = await runCli(['apply', HACKNEY_2014, '--journal', seeds]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rejected by PO-3');
    expect(refused.stderr).toContain('2017-03-03');
    expect((await eventsOf(seeds)).map((line) => line.type)).toEqual(['PostingStarted']);

    const journal = join(folder.path, 'hackney-two-years.ndjson');
    const run = await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', TWO_YEAR_MINIMUM, '--actor', 'policy-officer']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(policy: enforce, versions from ${TWO_YEAR_MINIMUM})`);
    expect(run.stdout).toContain('1 version adopted on policy-london (PH-2)');
    const events = await eventsOf(journal);
    expect(events.map((line) => line.type)).toEqual(['PolicyVersionAdopted', 'PostingStarted', 'PostingEnded']);
    const [adopted, started, ended] = events;
    // PH-2: the version is recorded on the policy's stream, with who decided it, from when and its source.
    expect(adopted?.stream).toBe('policy-london');
    expect(adopted?.data).toMatchObject({
      versionId: 'borough-two-years-2014',
      effectiveFrom: '2014-01-01',
      decidedBy: 'policy-officer',
      source: { kind: 'decision' },
      values: { minimumTerms: [{ role: 'borough-commander', years: 2 }, { role: 'bcu-commander', years: 3 }] },
    });
    // The second anniversary of 2014-03-03.
    expect(started?.data['minimumTermEnd']).toBe('2016-03-03');
    expect(ended?.data['minimumTermMet']).toBe(true);
    expect(events.every((line) => line.metadata.actor === 'policy-officer')).toBe(true);
    expect(started?.metadata.policyVersion).toBe('borough-two-years-2014');
    expect(ended?.metadata.policyVersion).toBe('borough-two-years-2014');
  });

  it('PH-1: decisions before the file\'s first day are judged by the seeds\' versions, later ones by later versions carrying its changes', async () => {
    const file = await policyFile('from-2014.policy.json', { versions: [twoYears('two-years-2014', '2014-01-01')] });
    const before = await hackneyPosting('hackney-2013', '2013-03-04', '2015-06-01');
    const early = await runCli(['apply', before, '--journal', join(folder.path, 'before.ndjson'), '--policy', file]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('rejected by PO-3');
    const started = (await eventsOf(join(folder.path, 'before.ndjson')))[0];
    expect(started?.metadata.policyVersion).toBe('london-2012-01-16');

    // From 2017-12-31 the seeds' next version (two ward officers) is in force, with the file's minimum term.
    const later = await hackneyPosting('hackney-2018', '2018-03-05', '2020-06-01');
    const journal = join(folder.path, 'later.ndjson');
    const run = await runCli(['apply', later, '--journal', journal, '--policy', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = await eventsOf(journal);
    expect(events.map((line) => line.type)).toEqual(['PolicyVersionAdopted', 'PostingStarted', 'PostingEnded']);
    expect(events[0]?.data).toMatchObject({ versionId: 'london-2017-12-31+minimumTerms', effectiveFrom: '2017-12-31', values: { minimumDedicatedWardOfficers: 2 } });
    expect(events[1]?.data['minimumTermEnd']).toBe('2020-03-05');
    expect(events[2]?.metadata.policyVersion).toBe('london-2017-12-31+minimumTerms');
  });

  it('a policy file with a bad field: names the file and the field, exit 2, and leaves the journal as it was', async () => {
    const journal = join(folder.path, 'kept.ndjson');
    expect((await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', 'record'])).code).toBe(0);
    const before = await fileHash(journal);
    const version = twoYears('zero-years', '2015-01-01') as { readonly changes: unknown };
    const cases: readonly (readonly [string, unknown, string])[] = [
      ['zero-years.json', { versions: [{ ...version, changes: { minimumTerms: [{ role: 'borough-commander', years: 0 }] } }] }, 'versions[0].changes.minimumTerms[0].years: expected whole number of years from 1 to 50, got 0'],
      ['lenient.json', { enforcement: 'lenient' }, 'enforcement: expected EnforcementMode, got "lenient"'],
      ['no-such-day.json', { versions: [{ ...version, effectiveFrom: '2015-02-29' }] }, 'versions[0].effectiveFrom:'],
      ['unknown-role.json', { versions: [{ ...version, changes: { minimumTerms: [{ role: 'sergeant', years: 2 }] } }] }, 'versions[0].changes.minimumTerms[0].role:'],
      ['not-json.json', '{"versions": [', 'not valid JSON'],
      ['array.json', '[]', 'expected a JSON object'],
    ];
    for (const [name, content, message] of cases) {
      const file = await policyFile(name, content);
      for (const target of [journal, join(folder.path, `never-${name}.ndjson`)]) {
        const run = await runCli(['apply', HACKNEY_2014, '--journal', target, '--policy', file]);
        expect(run.code, name).toBe(2);
        expect(run.stderr, name).toContain(`policy file ${file}: ${message}`);
        expect(run.stderr, name).toContain('nothing was applied');
        expect(run.stderr).not.toMatch(STACK_LINE);
        expect(run.stdout, name).toBe('');
      }
      expect(await fileHash(journal), name).toBe(before);
      expect(await exists(join(folder.path, `never-${name}.ndjson`)), name).toBe(false);
    }
  });

  it('PH-2: a version whose day or id is taken, in the seeds, in the file or in the store, is refused before anything is written', async () => {
    const seedsDay = await policyFile('seeds-day.json', { versions: [twoYears('mopac-day', '2012-01-16')] });
    const twice = await policyFile('twice.json', { versions: [twoYears('twice', '2014-01-01'), twoYears('twice', '2015-01-01')] });
    for (const [file, message] of [
      [seedsDay, "versions[0].effectiveFrom: PH-2: Policy version 'mopac-day' cannot take effect on 2012-01-16: version 'london-2012-01-16' already does"],
      [twice, "versions[1].id: PH-2: Policy version 'twice' is already in the policy's history"],
    ] as const) {
      const journal = join(folder.path, 'taken.ndjson');
      const run = await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`policy file ${file}: ${message}`);
      expect(await exists(journal)).toBe(false);
    }

    // The store recorded 'borough-two-years-2014' at two years; a file giving the same id three years is refused.
    const journal = join(folder.path, 'recorded.ndjson');
    expect((await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', TWO_YEAR_MINIMUM])).code).toBe(0);
    const recorded = await fileHash(journal);
    const other = await policyFile('other-values.json', {
      versions: [{ ...(twoYears('borough-two-years-2014', '2014-01-01') as object), changes: { minimumTerms: [{ role: 'borough-commander', years: 3 }] } }],
    });
    const run = await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', other]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`policy file ${other}: version 'borough-two-years-2014' from 2014-01-01 cannot be used: the store records version 'borough-two-years-2014' with other values`);
    expect(await fileHash(journal)).toBe(recorded);
  });

  it('refuses a --policy that is neither enforce, record nor a file that can be read: exit 2, nothing opened', async () => {
    const journal = join(folder.path, 'no-policy.ndjson');
    for (const value of ['enforced', folder.path]) {
      const run = await runCli(['apply', HACKNEY_2014, '--journal', journal, '--policy', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--policy: '${value}' is neither 'enforce' nor 'record', nor a policy file`);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
    expect(await exists(journal)).toBe(false);
  });

  it('PO-3: --policy enforce and --policy record still refuse or record the early end under the seeds\' three years', async () => {
    const enforced = join(folder.path, 'enforce.ndjson');
    const refused = await runCli(['apply', HACKNEY_2014, '--journal', enforced, '--policy', 'enforce']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('(policy: enforce)');
    expect(refused.stderr).toContain('rejected by PO-3');

    const recorded = join(folder.path, 'record.ndjson');
    const run = await runCli(['apply', HACKNEY_2014, '--journal', recorded, '--policy', 'record']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(policy: record)');
    expect(run.stdout).not.toContain('adopted on');
    const events = await eventsOf(recorded);
    expect(events.map((line) => line.type)).toEqual(['PostingStarted', 'PostingEnded', 'MinimumTermBreached']);
    expect(events.every((line) => line.metadata.policyVersion === 'london-2012-01-16')).toBe(true);
  });
});
