import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCommandCatalogue, renderEventCatalogue } from './catalogue.js';
import { ruleEntries } from './rules-catalogue.js';
import { renderRules } from './rules.js';

const docs = join(import.meta.dirname, '..', 'docs');

describe('docs catalogue', () => {
  it('docs/events.md lists every event exactly as the codecs define it (run npm run docs:catalogue)', () => {
    expect(readFileSync(join(docs, 'events.md'), 'utf8')).toBe(renderEventCatalogue());
  });
  it('docs/rules.md lists every rule with the code and tests that name it (run npm run docs:catalogue)', () => {
    expect(readFileSync(join(docs, 'rules.md'), 'utf8')).toBe(renderRules());
  });
  it('every rule has code that enforces it and at least one test whose title names it', () => {
    const rules = renderRules();
    const enforced = ruleEntries.filter((entry) => /^(AP|PO|RS)-/.test(entry.id));
    expect(enforced).toHaveLength(27);
    for (const entry of enforced) {
      const row = rules.split('\n').find((line) => line.startsWith(`| ${entry.id} |`));
      expect(row, entry.id).toBeDefined();
      expect(row, `${entry.id} has no test`).not.toContain('**none**');
      expect(row?.split(' | ')[3], `${entry.id} has no code`).not.toBe('—');
    }
  });
  it('docs/commands.md lists every command exactly as the codecs define it (run npm run docs:catalogue)', () => {
    expect(readFileSync(join(docs, 'commands.md'), 'utf8')).toBe(renderCommandCatalogue());
  });
});
