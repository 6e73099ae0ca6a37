import * as E from 'fp-ts/lib/Either.js';
import {
  decidePolicy,
  defaultPolicy,
  findPolicyVersion,
  initialPolicyHistoryState,
  policyChangedFrom,
  valuesOn,
  withVersion,
  type Policy,
  type PolicyFile,
} from '@borough-command/domain';
import { joinPath, type ValidationProblem } from '@borough-command/domain/eventsourcing';

type FileVersion = NonNullable<PolicyFile['versions']>[number];

/**
 * PH-2: whether the policy so far can take the version: a new id on a day no other version takes
 * effect, as the policy's history decides an adoption. `known` when the policy has the very same
 * version already (same id, day and values).
 */
const adoption = (policy: Policy, version: FileVersion, field: string): E.Either<ValidationProblem, 'new' | 'known'> => {
  const decided = decidePolicy(policy)(
    {
      type: 'AdoptPolicyVersion',
      commandId: version.id,
      at: version.effectiveFrom,
      policyId: 'policy-file',
      versionId: version.id,
      effectiveFrom: version.effectiveFrom,
      source: version.source,
      changes: version.changes,
      decidedBy: 'policy-file',
    },
    initialPolicyHistoryState,
  );
  if (E.isLeft(decided)) {
    const rejection = decided.left;
    const path = joinPath(field, rejection._tag === 'PolicyDateTaken' ? 'effectiveFrom' : 'id');
    return E.left({ path, reason: `${rejection.rule}: ${rejection.message}` });
  }
  return E.right(findPolicyVersion(policy, version.id) === undefined ? 'new' : 'known');
};

/**
 * The policy a policy file gives: the seeds' history (`defaultPolicy`) with the file's versions in
 * date order, each taking effect on its day with the values in force then, changed as it says,
 * and its changes carried into every later version (whose id says so: `london-2017-12-31+minimumTerms`).
 * The enforcement mode is the file's, `enforce` when it has none. A version whose id or day is
 * taken already (PH-2) is a problem naming its field, `versions[i].id` or `versions[i].effectiveFrom`.
 */
export const policyOfFile = (file: PolicyFile): E.Either<ValidationProblem, Policy> => {
  const ordered = (file.versions ?? [])
    .map((version, index) => ({ version, field: `versions[${String(index)}]` }))
    .sort((a, b) => (a.version.effectiveFrom < b.version.effectiveFrom ? -1 : a.version.effectiveFrom > b.version.effectiveFrom ? 1 : 0));
  let policy: Policy = { ...defaultPolicy, enforcement: file.enforcement ?? defaultPolicy.enforcement };
  for (const { version, field } of ordered) {
    const taken = adoption(policy, version, field);
    if (E.isLeft(taken)) return taken;
    if (taken.right === 'known') continue;
    const { id, effectiveFrom, source, changes } = version;
    policy =
      Object.keys(changes).length === 0
        ? withVersion(policy, { id, effectiveFrom, source, values: valuesOn(policy, effectiveFrom) })
        : policyChangedFrom(policy, effectiveFrom, changes, id, source);
  }
  return E.right(policy);
};
