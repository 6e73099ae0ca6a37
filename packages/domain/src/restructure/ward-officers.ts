import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { PolicyValues } from '../policy/policy-values.js';
import { wardsOf } from '../reference/london.js';
import { londonBorough } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import {
  duplicateWardException,
  tooManyWardExceptions,
  wardBelowMinimum,
  type RestructureRejection,
} from './restructure-rejections.js';
import type { RestructureBcu, RestructureState, WardException } from './restructure-state.js';

/** The wards of a London borough in the reference data; every one of the 32 has a count. */
const wardCount = (borough: string): number => {
  const wards = wardsOf(borough);
  if (wards === undefined) throw new Error(`the reference data has no ward count for ${borough}`);
  return wards;
};

/** RS-7: why an allocation of dedicated ward officers cannot stand, if it cannot. */
const allocationProblem = (
  values: PolicyValues,
  borough: string,
  wards: number,
  officersPerWard: number,
  exceptions: readonly WardException[],
): RestructureRejection | undefined => {
  const minimum = values.minimumDedicatedWardOfficers;
  // RS-7: every ward keeps at least the minimum; more is allowed (pathfinder sites have more).
  if (officersPerWard < minimum) return wardBelowMinimum(borough, null, officersPerWard, minimum);
  const short = exceptions.find((exception) => exception.officers < minimum);
  if (short !== undefined) return wardBelowMinimum(borough, short.ward, short.officers, minimum);
  const names = exceptions.map((exception) => exception.ward);
  const repeated = names.find((ward, index) => names.indexOf(ward) !== index);
  if (repeated !== undefined) return duplicateWardException(borough, repeated);
  if (exceptions.length > wards) return tooManyWardExceptions(borough, exceptions.length, wards);
  return undefined;
};

/**
 * RS-7: sets a London borough's dedicated ward officers per ward, with the wards that differ. Every
 * ward keeps at least the policy's minimum (two); the event records the borough's wards from the
 * reference data (the 2014-2018 pattern). A new allocation replaces the borough's earlier one.
 */
export const allocateDedicatedWardOfficers =
  (values: PolicyValues) =>
  (command: RestructureCommandOf<'AllocateDedicatedWardOfficers'>, _state: RestructureState): RestructureDecision =>
    pipe(
      londonBorough(command.borough, 'RS-7'),
      E.chain((borough): RestructureDecision => {
        const wards = wardCount(borough);
        const exceptions = command.exceptions ?? [];
        const problem = allocationProblem(values, borough, wards, command.officersPerWard, exceptions);
        if (problem !== undefined) return E.left(problem);
        return E.right([
          {
            type: 'DedicatedWardOfficersAllocated',
            data: {
              restructureId: command.restructureId,
              borough,
              officersPerWard: command.officersPerWard,
              exceptions,
              wards,
              at: command.at,
            },
          },
        ]);
      }),
    );

/** RS-7: the boroughs of a BCU with no allocation of dedicated ward officers yet. */
export const boroughsWithoutWardOfficers = (state: RestructureState, bcu: RestructureBcu): readonly string[] =>
  bcu.boroughs.filter((borough) => !state.wardOfficers.has(borough));
