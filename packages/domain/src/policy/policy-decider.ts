import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../eventsourcing/decider.js';
import { findPolicyVersion, valuesOn, withVersion, type Policy } from './policy.js';
import type { PolicyVersion } from './policy-version.js';
import { PolicyValuesCodec } from './policy-codecs.js';
import type { PolicyValues } from './policy-values.js';
import type { PolicyCommand } from './policy-commands.js';
import type { PolicyEvent } from './policy-events.js';
import { policyDateTaken, policyVersionIdTaken, type PolicyRejection } from './policy-rejections.js';

/** The versions a policy's history has recorded, in the order they were adopted. */
export interface PolicyHistoryState {
  readonly adopted: readonly PolicyVersion[];
}

/** No version recorded yet. */
export const initialPolicyHistoryState: PolicyHistoryState = { adopted: [] };

/** The version an adoption event records. */
export const adoptedVersion = (event: PolicyEvent): PolicyVersion => ({
  id: event.data.versionId,
  effectiveFrom: event.data.effectiveFrom,
  source: event.data.source,
  values: event.data.values,
});

/** PH-2: folds an adoption into the history. */
export const evolvePolicyHistory = (state: PolicyHistoryState, event: PolicyEvent): PolicyHistoryState => ({
  adopted: [...state.adopted, adoptedVersion(event)],
});

/** PH-1: the policy in force: the base versions with every recorded adoption put in place by its date. */
export const policyWithAdopted = (base: Policy, adopted: readonly PolicyVersion[]): Policy => adopted.reduce(withVersion, base);

/** The values as canonical JSON (keys sorted), to tell whether two versions hold the same values. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** Tells whether two sets of values are the same. */
export const sameValues = (a: PolicyValues, b: PolicyValues): boolean =>
  canonical(PolicyValuesCodec.encode(a)) === canonical(PolicyValuesCodec.encode(b));

/**
 * PH-2: adopts a version: a new id, a day no other version takes effect on; its values are those in
 * force on that day with the changes made. A version is in force until the next version's day, whose
 * values stay as they were adopted. A version the service was given but the history has not
 * recorded yet is recorded as given (same id, day and values); one recorded already is recorded once.
 */
export const decidePolicy =
  (base: Policy) =>
  (command: PolicyCommand, state: PolicyHistoryState): E.Either<PolicyRejection, readonly PolicyEvent[]> => {
    const policy = policyWithAdopted(base, state.adopted);
    const values = { ...valuesOn(policy, command.effectiveFrom), ...command.changes };
    const recorded = state.adopted.find((version) => version.id === command.versionId);
    const known = recorded ?? findPolicyVersion(policy, command.versionId);
    if (known !== undefined) {
      const same = known.effectiveFrom === command.effectiveFrom && sameValues(known.values, values);
      if (!same) return E.left(policyVersionIdTaken(command.versionId));
      if (recorded !== undefined) return E.right([]);
    } else {
      const sameDay = policy.versions.find((version) => version.effectiveFrom === command.effectiveFrom);
      if (sameDay !== undefined) return E.left(policyDateTaken(command.versionId, command.effectiveFrom, sameDay.id));
    }
    return E.right([
      {
        type: 'PolicyVersionAdopted',
        data: {
          policyId: command.policyId,
          versionId: command.versionId,
          effectiveFrom: command.effectiveFrom,
          source: command.source,
          values,
          decidedBy: command.decidedBy,
          retroactive: command.effectiveFrom < command.at,
          at: command.at,
        },
      },
    ]);
  };

/** The policy's history as a decider (PH-2), over the base versions a service starts from. */
export const policyHistoryDecider = (base: Policy): Decider<PolicyCommand, PolicyHistoryState, PolicyEvent, PolicyRejection> => ({
  decide: decidePolicy(base),
  evolve: evolvePolicyHistory,
  initialState: initialPolicyHistoryState,
  isTerminal: () => false,
});
