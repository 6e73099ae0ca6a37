import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A link written in a markdown page: its target as written, without and with its `#anchor`. */
export interface MarkdownLink {
  readonly target: string;
  readonly anchor: string | undefined;
  readonly line: number;
}

/** The text of a page with its fenced code blocks and inline code blanked, so that code is never read as a link or heading. */
export const withoutCode = (text: string): string =>
  text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));

/** Every inline link `[text](target)` of a page that is not a web address (http:, mailto: ...), with its line. */
export const relativeLinks = (text: string): MarkdownLink[] => {
  const prose = withoutCode(text);
  return [...prose.matchAll(/\]\(\s*(?:<([^>\n]*)>|([^)\s]*))(?:\s+"[^"]*")?\s*\)/g)]
    .map((match) => {
      const [path = '', anchor] = (match[1] ?? match[2] ?? '').split('#', 2);
      return { target: path, anchor, line: prose.slice(0, match.index).split('\n').length };
    })
    .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.target));
};

/** The anchor a heading gets on GitHub: lower case, punctuation dropped, spaces as hyphens. */
export const headingSlug = (heading: string): string =>
  heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors of every heading of a page, a repeated heading numbered `-1`, `-2`... as GitHub does. */
export const headingAnchors = (text: string): Set<string> => {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const headings = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm);
  for (const [, heading = ''] of headings) {
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${String(count)}`);
    seen.set(slug, count + 1);
  }
  return anchors;
};

/**
 * The links of a page that lead nowhere, each as `page:line target: why`: a file or folder that
 * does not exist, or an `#anchor` that no heading of the markdown page it names has.
 */
export const brokenLinks = (page: string, root: string): string[] => {
  const text = readFileSync(page, 'utf8');
  const name = relative(root, page);
  const problems: string[] = [];
  for (const link of relativeLinks(text)) {
    const file = link.target === '' ? page : join(dirname(page), decodeURI(link.target));
    const written = `${link.target}${link.anchor === undefined ? '' : `#${link.anchor}`}`;
    if (!existsSync(file)) {
      problems.push(`${name}:${String(link.line)} ${written}: no such file`);
      continue;
    }
    if (link.anchor === undefined || !file.endsWith('.md') || statSync(file).isDirectory()) continue;
    if (!headingAnchors(readFileSync(file, 'utf8')).has(link.anchor)) problems.push(`${name}:${String(link.line)} ${written}: no such heading`);
  }
  return problems;
};
