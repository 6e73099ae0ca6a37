import { deepStrictEqual } from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import { show, showStoreError } from './show.js';

/** An error saying which guarantee of the `EventStore` port a store broke, and how. */
export const violation = (guarantee: string, detail: string): Error => {
  const error = new Error(`conformance violated: ${guarantee}\n  ${detail}`);
  error.name = 'ConformanceViolation';
  return error;
};

/** Throws a violation of `guarantee` unless `condition` holds. */
export const ensure = (condition: boolean, guarantee: string, detail: () => string): void => {
  if (!condition) throw violation(guarantee, detail());
};

/** Deep-equality check whose failure names the guarantee and shows a diff. */
export const ensureEqual = <A>(actual: unknown, expected: A, guarantee: string): void => {
  try {
    deepStrictEqual(actual, expected);
  } catch (error) {
    throw violation(guarantee, error instanceof Error ? error.message : String(error));
  }
};

/** The value of a successful store operation; a violation of `guarantee` when it failed. */
export const mustSucceed = <A>(result: E.Either<StoreError, A>, guarantee: string): A => {
  if (E.isLeft(result)) throw violation(guarantee, `the store returned ${showStoreError(result.left)}`);
  return result.right;
};

/** The typed error of a failed store operation; a violation when it succeeded or failed with another tag. */
export const mustFailWith = <Tag extends StoreError['_tag']>(
  result: E.Either<StoreError, unknown>,
  tag: Tag,
  guarantee: string,
): Extract<StoreError, { readonly _tag: Tag }> => {
  if (E.isRight(result)) throw violation(guarantee, `expected a ${tag} error but the operation succeeded with ${show(result.right)}`);
  if (result.left._tag !== tag) throw violation(guarantee, `expected a ${tag} error but the store returned ${showStoreError(result.left)}`);
  return result.left as Extract<StoreError, { readonly _tag: Tag }>;
};
