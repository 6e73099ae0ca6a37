import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy, policyWith, sameValues, seedsPolicyHistory, type Policy } from '@borough-command/domain';
import type { CliFailure } from './failure.js';
import { policyFileProblem, readPolicyFile } from './policy-file.js';
import { policyOfFile } from './policy-of-file.js';

/** The policy `--policy` gives: the seeds' history in a mode, or with a policy file's versions. */
export interface PolicyChoice {
  readonly policy: Policy;
  /** The policy file the versions come from, if any. */
  readonly file: string | undefined;
}

/**
 * `--policy enforce|record|<file.json>`: the seeds' history (`defaultPolicy`) in that mode, or with
 * the versions of a policy file and its mode. Any other value is read as a file; one that is not
 * there is a usage error, one the codec refuses a problem naming the file and the field.
 */
export const policyChoiceOf = async (value: string | undefined): Promise<E.Either<CliFailure, PolicyChoice>> => {
  if (value === undefined) return E.right({ policy: defaultPolicy, file: undefined });
  if (value === 'enforce' || value === 'record') return E.right({ policy: policyWith({ enforcement: value }), file: undefined });
  const decoded = await readPolicyFile(value);
  if (E.isLeft(decoded)) return decoded;
  const policy = policyOfFile(decoded.right);
  return E.isLeft(policy) ? E.left(policyFileProblem(value, policy.left.path, policy.left.reason)) : E.right({ policy: policy.right, file: value });
};

/** The mode, and the file the versions come from: `enforce`, `record, versions from policy.json`. */
export const describePolicyChoice = (choice: PolicyChoice): string =>
  choice.file === undefined ? choice.policy.enforcement : `${choice.policy.enforcement}, versions from ${choice.file}`;

/**
 * PH-2: a policy file's versions against the history the store records. The store's versions are
 * the ones in force (PH-1): a version of the file whose id or day the store records with another
 * day or other values would not judge anything, so it is a problem naming the version.
 */
export const checkRecordedHistory = (choice: PolicyChoice, inForce: Policy): E.Either<CliFailure, PolicyChoice> => {
  if (choice.file === undefined) return E.right(choice);
  for (const version of choice.policy.versions) {
    if (seedsPolicyHistory.includes(version)) continue;
    const differing = inForce.versions.find(
      (recorded) =>
        (recorded.id === version.id || recorded.effectiveFrom === version.effectiveFrom) &&
        (recorded.id !== version.id || recorded.effectiveFrom !== version.effectiveFrom || !sameValues(recorded.values, version.values)),
    );
    if (differing !== undefined) {
      const what =
        differing.id === version.id
          ? `the store records version '${version.id}' ${differing.effectiveFrom === version.effectiveFrom ? 'with other values' : `from ${differing.effectiveFrom}`}`
          : `the store records version '${differing.id}' from that day`;
      return E.left(
        policyFileProblem(
          choice.file,
          '',
          `version '${version.id}' from ${version.effectiveFrom} cannot be used: ${what}, and a version's id and day are taken once (PH-2)`,
        ),
      );
    }
  }
  return E.right(choice);
};
