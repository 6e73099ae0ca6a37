import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, isoDate, policyChangedFrom, seedsPolicyHistory } from '@borough-command/domain';
import { renderCommandCatalogue, renderEventCatalogue } from './catalogue.js';
import { renderPolicyValueVersions } from './policy-values-doc.js';
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

/** The rows of one value's table in a rendering of the policy values: each row's first day and version id. */
const rowsOf = (lines: readonly string[], value: string): readonly string[] => {
  const start = lines.indexOf(`### \`${value}\``);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('### '));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .filter((line) => /^\| \d{4}-/.test(line))
    .map((line) => line.split(' | ').slice(0, 2).join(' | '));
};

describe('docs/rules.md, policy values by version', () => {
  it('PH-1: lists every value of every version of the seeds\' history, each version where a value changed', () => {
    const rules = readFileSync(join(docs, 'rules.md'), 'utf8').split('\n');
    const values = Object.keys(seedsPolicyHistory[0]?.values ?? {});
    expect(values).toHaveLength(10);
    for (const value of values) expect(rules, value).toContain(`### \`${value}\``);
    // AP-3: local authority before the project; the link member from July 2009; MPs from the 2010 report; no link member under MOPAC.
    expect(rowsOf(rules, 'requiredPartners')).toEqual([
      '| 1800-01-01 | `london-1800`',
      '| 2009-07-01 | `london-2009-07-01`',
      '| 2010-06-17 | `london-2010-06-17`',
      '| 2012-01-16 | `london-2012-01-16`',
    ]);
    expect(rowsOf(rules, 'minimumDedicatedWardOfficers')).toEqual(['| 1800-01-01 | `london-1800`', '| 2017-12-31 | `london-2017-12-31`']);
    expect(rules.find((line) => line.startsWith('| 2009-07-01 | `london-2009-07-01` | borough-commander: 3 years, bcu-commander: 3 years |'))).toContain('seed 000');
  });

  it('a change in the history changes the section, so the docs test fails until docs/rules.md is written again', () => {
    const seeds = renderPolicyValueVersions(seedsPolicyHistory);
    const changed = renderPolicyValueVersions(
      policyChangedFrom(defaultPolicy, isoDate('2015-04-01'), { superintendentsPerBcu: 5 }, 'five-superintendents', { kind: 'decision', citation: 'a fifth superintendent' }).versions,
    );
    expect(changed).not.toEqual(seeds);
    expect(rowsOf(changed, 'superintendentsPerBcu')).toEqual(['| 1800-01-01 | `london-1800`', '| 2015-04-01 | `five-superintendents`']);
    expect(changed).toContain('| 2015-04-01 | `five-superintendents` | 5 | decision: a fifth superintendent |');
    expect(rowsOf(changed, 'oversightBody')).toEqual(rowsOf(seeds, 'oversightBody'));
  });
});
