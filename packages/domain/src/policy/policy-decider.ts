import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../eventsourcing/decider.js';
import { findPolicyVersion, valuesOn, withVersion, type Policy, type PolicyVersion } from './policy.js';
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

/**
 * PH-2: adopts a version: a new id, a day no other version takes effect on; its values are those in
 * force on that day with the changes made. A version is in force until the next version's day, whose
 * values stay as they were adopted.
 */
export const decidePolicy =
  (base: Policy) =>
  (command: PolicyCommand, state: PolicyHistoryState): E.Either<PolicyRejection, readonly PolicyEvent[]> => {
    const policy = policyWithAdopted(base, state.adopted);
    if (findPolicyVersion(policy, command.versionId) !== undefined) return E.left(policyVersionIdTaken(command.versionId));
    const sameDay = policy.versions.find((version) => version.effectiveFrom === command.effectiveFrom);
    if (sameDay !== undefined) return E.left(policyDateTaken(command.versionId, command.effectiveFrom, sameDay.id));
    return E.right([
      {
        type: 'PolicyVersionAdopted',
        data: {
          policyId: command.policyId,
          versionId: command.versionId,
          effectiveFrom: command.effectiveFrom,
          source: command.source,
          values: { ...valuesOn(policy, command.effectiveFrom), ...command.changes },
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
