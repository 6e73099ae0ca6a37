import type { IsoDate } from '../shared/iso-date.js';
import type { EnforcementMode, PolicyValues } from './policy-values.js';
import type { PolicySource, PolicyVersion } from './policy-version.js';
import { seedsPolicyHistory } from './seeds-policy-history.js';

/**
 * The policy as history: versions in date order, the first in force from the earliest date a
 * decision may have, and how departures from the rules are handled.
 */
export interface Policy {
  readonly versions: readonly PolicyVersion[];
  /** `enforce` refuses a departure from a rule; `record` accepts it and records a breach. */
  readonly enforcement: EnforcementMode;
}

/** The version in force on a date: the last one whose effective date is on or before it. */
export const policyOn = (policy: Policy, date: IsoDate): PolicyVersion => {
  let found = policy.versions[0];
  for (const version of policy.versions) {
    if (version.effectiveFrom > date) break;
    found = version;
  }
  if (found === undefined) throw new Error('a policy has at least one version');
  return found;
};

/** The values in force on a date. */
export const valuesOn = (policy: Policy, date: IsoDate): PolicyValues => policyOn(policy, date).values;

/** The version with this id, if the policy has it. */
export const findPolicyVersion = (policy: Policy, id: string): PolicyVersion | undefined =>
  policy.versions.find((version) => version.id === id);

/** A policy whose versions are sorted by date, with the version added (or put in place of the one with its date). */
export const withVersion = (policy: Policy, version: PolicyVersion): Policy => ({
  ...policy,
  versions: [...policy.versions.filter((known) => known.effectiveFrom !== version.effectiveFrom), version].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  ),
});

/**
 * The seeds' history (see `seedsPolicyHistory`): before July 2009 no minimum term; from 1 July 2009
 * three years for borough and BCU commanders and the candidate's commitment; from 17 June 2010 the
 * endorsed role descriptions and MPs among the partners; MOPAC from 16 January 2012; two dedicated
 * ward officers per ward from the end of 2017. Departures are refused (`enforce`).
 */
export const defaultPolicy: Policy = { versions: seedsPolicyHistory, enforcement: 'enforce' };

/** What `policyWith` may change: values in every version, and the enforcement mode. */
export type PolicyChanges = Partial<PolicyValues> & { readonly enforcement?: EnforcementMode };

/**
 * The default policy with values changed in every version (each changed version's id says so:
 * `<id>+<value>+...`), and the enforcement mode if given.
 */
export const policyWith = (changes: PolicyChanges, base: Policy = defaultPolicy): Policy => {
  const { enforcement, ...values } = changes;
  const changed = Object.keys(values).filter((key) => (values as Record<string, unknown>)[key] !== undefined).sort();
  return {
    enforcement: enforcement ?? base.enforcement,
    versions:
      changed.length === 0
        ? base.versions
        : base.versions.map((version) => ({
            ...version,
            id: `${version.id}+${changed.join('+')}`,
            values: { ...version.values, ...values },
          })),
  };
};

/**
 * A policy with values changed from a date on: a new version `id` takes effect that day (the values
 * in force then, changed), and every later version has the same changes (its id says so).
 */
export const policyChangedFrom = (
  policy: Policy,
  from: IsoDate,
  changes: Partial<PolicyValues>,
  id: string,
  source: PolicySource = { kind: 'decision', citation: `values changed from ${from}` },
): Policy => {
  const keys = Object.keys(changes).sort();
  const later = policy.versions
    .filter((version) => version.effectiveFrom > from)
    .map((version) => ({ ...version, id: `${version.id}+${keys.join('+')}`, values: { ...version.values, ...changes } }));
  return withVersion(
    { ...policy, versions: [...policy.versions.filter((version) => version.effectiveFrom < from), ...later] },
    { id, effectiveFrom: from, source, values: { ...valuesOn(policy, from), ...changes } },
  );
};
