import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchors, headingSlug, relativeLinks } from './markdown-links.js';
import { filesUnder, repositoryRoot, textOf } from './source-scan.js';

/** README.md and every page under docs/. */
const pages = [join(repositoryRoot, 'README.md'), ...filesUnder(join(repositoryRoot, 'docs'), (name) => name.endsWith('.md'))];

const planted = mkdtempSync(join(tmpdir(), 'markdown-links-'));
afterAll(() => {
  rmSync(planted, { recursive: true, force: true });
});

describe('links in README.md and docs/', () => {
  it('every relative link leads to a file or folder that exists, and every #anchor to a heading of its page', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap((page) => relativeLinks(textOf(page))).length).toBeGreaterThan(100);
    expect(pages.flatMap((page) => brokenLinks(page, repositoryRoot))).toEqual([]);
  });

  it('finds a missing file, a missing heading, and a missing heading of the page itself', () => {
    mkdirSync(join(planted, 'docs'), { recursive: true });
    writeFileSync(join(planted, 'docs', 'rules.md'), '# Rules\n\n## Policy values\n');
    writeFileSync(
      join(planted, 'docs', 'guide.md'),
      ['# Guide', '', 'See [rules](rules.md#policy-values), [gone](gone.md), [nothing](rules.md#no-such-rule)', 'and [here](#guide), [there](#elsewhere).', ''].join('\n'),
    );
    expect(brokenLinks(join(planted, 'docs', 'guide.md'), planted)).toEqual([
      'docs/guide.md:3 gone.md: no such file',
      'docs/guide.md:3 rules.md#no-such-rule: no such heading',
      'docs/guide.md:4 #elsewhere: no such heading',
    ]);
  });

  it('reads links outside code only, and leaves web addresses alone', () => {
    const text = ['[a](a.md) `[b](b.md)` [web](https://example.org/x.md) [mail](mailto:x@example.org)', '```', '[c](c.md)', '```', '[d](../d/ "title") [e](<e f.md>)'].join('\n');
    expect(relativeLinks(text).map((link) => link.target)).toEqual(['a.md', '../d/', 'e f.md']);
  });

  it('gives headings the anchors GitHub gives them, repeated headings numbered', () => {
    expect(headingSlug('Stores: `--journal` and `--eventstore`')).toBe('stores---journal-and---eventstore');
    expect(headingSlug('tenure (TE-1)')).toBe('tenure-te-1');
    expect(headingSlug('[ADR 4](adr/0004-journal-format.md): the journal')).toBe('adr-4-the-journal');
    expect([...headingAnchors('# A\n## Example\n```\n# not a heading\n```\n## Example\n')]).toEqual(['a', 'example', 'example-1']);
  });
});
