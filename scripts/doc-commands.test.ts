import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subcommands } from '@borough-command/cli';
import { commandLineProblems, commandLines } from './doc-commands.js';
import { filesUnder, repositoryRoot, textOf } from './source-scan.js';

const pages = [join(repositoryRoot, 'README.md'), ...filesUnder(join(repositoryRoot, 'docs'), (name) => name.endsWith('.md'))];

const planted = [
  { name: 'tenure', options: { journal: {}, json: {}, unit: { hidden: true } } },
  { name: 'verify', options: { json: {} } },
];

describe('borough-command lines in README.md and docs/', () => {
  it('every line names a subcommand of the command line and only options it takes', () => {
    const lines = pages.flatMap((page) => commandLines(textOf(page)));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.flatMap((line) => commandLineProblems(line, subcommands))).toEqual([]);
  });

  it('reads the lines of sh blocks, with or without npx', () => {
    const page = ['```sh', 'npx borough-command verify out/j.ndjson', 'borough-command tenure Camden --journal x', 'npm start', '```', '```', 'borough-command not-a-shell-block', '```'].join('\n');
    expect(commandLines(page)).toEqual(['npx borough-command verify out/j.ndjson', 'borough-command tenure Camden --journal x']);
  });

  it('fails on an unknown subcommand, an option it does not take, and an option left out of its help', () => {
    expect(commandLineProblems('npx borough-command timeline Camden --journal x', planted)).toEqual(["npx borough-command timeline Camden --journal x: no subcommand 'timeline'"]);
    expect(commandLineProblems('borough-command verify x --json --explain', planted)).toEqual(["borough-command verify x --json --explain: 'verify' takes no --explain"]);
    expect(commandLineProblems('borough-command tenure --journal x --unit Camden', planted)).toEqual(["borough-command tenure --journal x --unit Camden: 'tenure' takes no --unit"]);
    expect(commandLineProblems('borough-command tenure Camden --journal x --json --help', planted)).toEqual([]);
    expect(commandLineProblems('npx borough-command --help', planted)).toEqual([]);
  });
});
