import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bcuCommandersStory, bcuStory } from './support/bcu-commanders-story.js';
import { runCli } from './support/cli.js';
import { temporaryFolder } from './support/files.js';

// The story worked out by hand: Ada Stone is named interim commander of Central North on
// 2016-11-01, takes command when it goes live on 2017-01-01 and leaves on 2018-03-01 (485 days from
// being named), when Ben Hale succeeds her; between 2016-11-01 and 2016-12-31 she is its
// commander-designate, not accountable for Camden or Islington.

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  const commands = join(folder.path, 'bcu-commanders.ndjson');
  await writeFile(commands, `${bcuCommandersStory().map((command) => JSON.stringify(command)).join('\n')}\n`);
  journal = join(folder.path, 'journal.ndjson');
  const applied = await runCli(['apply', commands, '--journal', journal, '--policy', 'record']);
  expect(applied.stderr).toBe('');
  expect(applied.code).toBe(0);
});
afterAll(async () => {
  await folder.remove();
});

const view = async (args: readonly string[]): Promise<string> => {
  const run = await runCli([...args, '--journal', journal]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
};

describe('tenure (TE-1) shows interim and designate postings (RS-4)', () => {
  it('in text: the interim designate took command at go-live; the successor is an ordinary posting', async () => {
    const text = await view(['tenure', 'Central North']);
    expect(text).toMatch(/start\s+end\s+days\s+officer\s+role\s+capacity\s+minimum term\s+end reason/);
    expect(text).toMatch(/2016-11-01\s+2018-03-01\s+485\s+Ada Stone \(synthetic\)\s+BCU commander\s+interim; designate, in command from 2017-01-01\s+n\/a\s+professional/);
    expect(text).toMatch(/2018-03-01\s+in post\s+-\s+Ben Hale \(synthetic\)\s+BCU commander\s+-\s+pending \(2021-03-01\)\s+-/);
  });

  it('in JSON: interim, designate and commandFrom of each posting', async () => {
    const tenure = JSON.parse(await view(['tenure', 'Central North', '--json'])) as {
      postings: { officer: { id: string }; interim: boolean; designate: boolean; start: string; commandFrom: string | null; end: string | null }[];
    };
    expect(tenure.postings.map(({ officer, interim, designate, start, commandFrom, end }) => ({ officer: officer.id, interim, designate, start, commandFrom, end }))).toEqual([
      { officer: 'ada-stone', interim: true, designate: true, start: '2016-11-01', commandFrom: '2017-01-01', end: '2018-03-01' },
      { officer: 'ben-hale', interim: false, designate: false, start: '2018-03-01', commandFrom: '2018-03-01', end: null },
    ]);
  });
});

describe('accountability (AC-1) shows the commander-designate and interim commanders (RS-4)', () => {
  it('before go-live: nobody in post for Camden, Ada Stone its commander-designate, not accountable', async () => {
    const text = await view(['accountability', 'Camden', '--as-at', '2016-12-15']);
    expect(text).toMatch(/command unit\s+Camden \(borough\)\n/);
    expect(text).toMatch(/commander\s+nobody in post\n/);
    expect(text).toMatch(
      /commander-designate\s+Ada Stone \(synthetic\), chief superintendent, named 2016-11-01 to command Central North \(BCU\) \(interim\); not accountable until it goes live\n/,
    );
  });

  it('before go-live, in JSON: no commander, and the designate with the day named', async () => {
    const answer = JSON.parse(await view(['accountability', 'Islington', '--as-at', '2016-12-31', '--json'])) as {
      commander: unknown;
      commanderDesignate: { officer: { id: string }; bcu: string; interim: boolean; namedOn: string } | null;
    };
    expect(answer.commander).toBeNull();
    expect(answer.commanderDesignate).toMatchObject({ officer: { id: 'ada-stone' }, bcu: 'Central North', interim: true, namedOn: '2016-11-01' });
  });

  it('from go-live: Ada Stone in command, interim, named before as designate; no designate any more', async () => {
    const text = await view(['accountability', 'Islington', '--as-at', bcuStory.goLive]);
    expect(text).toMatch(/commander\s+Ada Stone \(synthetic\), chief superintendent, BCU commander \(interim\), since 2017-01-01, named 2016-11-01 as designate\n/);
    expect(text).toMatch(/commander-designate\s+-\n/);
    const answer = JSON.parse(await view(['accountability', 'Islington', '--as-at', bcuStory.goLive, '--json'])) as {
      commander: { interim: boolean; designate: boolean; postingStart: string; since: string };
      commanderDesignate: unknown;
    };
    expect(answer.commander).toMatchObject({ interim: true, designate: true, postingStart: '2016-11-01', since: '2017-01-01' });
    expect(answer.commanderDesignate).toBeNull();
  });

  it('from the succession: Ben Hale, neither interim nor designate', async () => {
    const text = await view(['accountability', 'Camden', '--as-at', bcuStory.successionOn]);
    expect(text).toMatch(/commander\s+Ben Hale \(synthetic\), chief superintendent, BCU commander, since 2018-03-01\n/);
  });
});
