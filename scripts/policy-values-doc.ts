import { join } from 'node:path';
import type { PolicyValues, PolicyVersion } from '@borough-command/domain';
import { repositoryRoot, textOf } from './source-scan.js';

/** A value of `PolicyValues` and the doc comment policy-values.ts writes above it. */
export interface DocumentedValue {
  readonly name: keyof PolicyValues;
  readonly doc: string;
}

const POLICY_VALUES_SOURCE = join(repositoryRoot, 'packages/domain/src/policy/policy-values.ts');

/** How each value reads in the docs: a new value of `PolicyValues` does not compile until it has a line here. */
const formats: { readonly [K in keyof PolicyValues]: (value: PolicyValues[K]) => string } = {
  minimumTerms: (terms) => (terms.length === 0 ? 'none' : terms.map((term) => `${term.role}: ${String(term.years)} years`).join(', ')),
  commitmentRequired: (required) => (required ? 'required' : 'not required'),
  requiredPartners: (partners) => (partners.length === 0 ? 'none' : partners.join(', ')),
  exceptionalReasons: (reasons) => (reasons.length === 0 ? 'none' : reasons.join(', ')),
  minimumDedicatedWardOfficers: (officers) => `${String(officers)} per ward`,
  superintendentsPerBcu: (superintendents) => String(superintendents),
  coreFunctions: (functions) => functions.join(', '),
  bcuCommanderRank: (rank) => rank,
  oversightBody: (body) => body,
  roleDescriptions: (descriptions) =>
    descriptions
      .map((description) => `${description.role} v${String(description.version)} ${description.endorsedOn === undefined ? 'not endorsed' : `endorsed ${description.endorsedOn}`}`)
      .join(', '),
};

const format = <K extends keyof PolicyValues>(name: K, values: PolicyValues): string => formats[name](values[name]);

/**
 * The values of `PolicyValues` in the order policy-values.ts declares them, each with its one-line
 * doc comment. Throws when a value has no doc comment or the declaration cannot be read.
 */
export const documentedValues = (): readonly DocumentedValue[] => {
  const body = /export interface PolicyValues \{\n([\s\S]*?)\n\}/.exec(textOf(POLICY_VALUES_SOURCE))?.[1];
  if (body === undefined) throw new Error(`no 'export interface PolicyValues' in ${POLICY_VALUES_SOURCE}`);
  const declared = [...body.matchAll(/readonly (\w+)\??:/g)].map((match) => match[1] ?? '');
  const documented = [...body.matchAll(/\/\*\* ([^\n]*?) \*\/\n\s*readonly (\w+)\??:/g)].map((match) => ({ name: match[2] ?? '', doc: match[1] ?? '' }));
  const missing = declared.filter((name) => !documented.some((value) => value.name === name) || !(name in formats));
  if (missing.length > 0) throw new Error(`PolicyValues ${missing.join(', ')}: no one-line doc comment in policy-values.ts, or no format in scripts/policy-values-doc.ts`);
  return documented.map((value) => ({ name: value.name as keyof PolicyValues, doc: value.doc }));
};

/** The versions of a history where a value changed: the first one, and each whose value differs from the one before. */
export const versionsChanging = (history: readonly PolicyVersion[], name: keyof PolicyValues): readonly PolicyVersion[] =>
  history.filter((version, index) => {
    const before = history[index - 1];
    return before === undefined || JSON.stringify(before.values[name]) !== JSON.stringify(version.values[name]);
  });

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** One Markdown section per value: its doc comment, then each version where it changed with its first day, the value and the version's source. */
export const renderPolicyValueVersions = (history: readonly PolicyVersion[]): string[] =>
  documentedValues().flatMap(({ name, doc }) => [
    `### \`${name}\``,
    '',
    `${doc.charAt(0).toUpperCase()}${doc.slice(1)}`,
    '',
    '| from | version | value | source |',
    '|---|---|---|---|',
    ...versionsChanging(history, name).map(
      (version) => `| ${version.effectiveFrom} | \`${version.id}\` | ${cell(format(name, version.values))} | ${cell(`${version.source.kind}: ${version.source.citation}`)} |`,
    ),
    '',
  ]);
